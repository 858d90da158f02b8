"""A download's progress under the open article redraws only what changed: the enclosure's
state line, not the whole article wrapped again at every percent (r37 pod: a long article with
an enclosure was laid out anew at each tick)."""

from __future__ import annotations

from datetime import UTC, datetime

from newstui.library import Library
from newstui.model import Article, Download, Link
from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle
from .test_reader_long_article import PARAGRAPHS

EPISODE = "http://127.0.0.1:9/episode.mp3"


def store_long_episode(db_path) -> int:
    with Library.open(db_path) as library:
        source = library.register_source("http://127.0.0.1:9/pod.xml", "Pod", url=None)
        article = Article(
            "A very long episode",
            "\n\n".join(PARAGRAPHS),
            guid="long",
            published=datetime(2030, 1, 1, tzinfo=UTC),
            links=(Link("audio/mpeg", EPISODE, "enclosure", 1000, 60),),
        )
        library.save_batch(source, [article])
        return library.articles()[0].id


def downloading(article_id: int, done: int) -> Download:
    return Download(
        1,
        EPISODE,
        "A very long episode",
        "audio/mpeg",
        "downloading",
        "/tmp/episode.mp3",
        bytes_done=done,
        bytes_total=1000,
        article_id=article_id,
    )


async def test_a_download_tick_redraws_the_enclosure_line_not_the_whole_article(db_path):
    article_id = store_long_episode(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        body = app.main.reader.query_one("#reader-body")

        def lines() -> list:
            return body._lines(body.content_size.width)  # (our widget's wrapped lines)

        app.main.show_download(downloading(article_id, 450))
        await settle(pilot)
        before = lines()
        assert any("(downloading 45%)" in line.plain for line in before)
        app.main.show_download(downloading(article_id, 460))
        await settle(pilot)
        after = lines()
        assert any("(downloading 46%)" in line.plain for line in after)
        assert not any("45%" in line.plain for line in after)
        assert len(after) == len(before)
        # the article's lines are the very lines drawn before: not wrapped again
        changed = [y for y, (a, b) in enumerate(zip(before, after, strict=True)) if a is not b]
        assert len(changed) <= 3 and changed[0] > len(PARAGRAPHS) * 2
        await pilot.press("G")
        await settle(pilot)
        assert "(downloading 46%)" in screen_text(app)  # drawn where it is
