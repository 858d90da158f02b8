"""The reader's header: an article's long link shows whole, on the lines it needs, broken after
its separators, at any width (it was cut in the middle with "…", so it could not be read or
copied); the whole link stays where it is used."""

from __future__ import annotations

import re
from datetime import timedelta

from newstui.model import Article
from newstui.store import open_db
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp

from .conftest import BASE, settle
from .screenshot import screen_text

LONG_LINK = (
    "https://news.example/2024/11/30/us-federal-agency-announces-plans-to-begin-the-"
    "presidential-transition-process-following-the-election-loss?utm_source=rss&id=90210"
)


def add_long_link_article(db_path) -> None:
    """The newest article of the fixture's World Desk, with a 150-character link."""
    db = open_db(db_path)
    world = ensure_feed(db, "http://127.0.0.1:9/world.xml", "World Desk")
    article = Article(
        title="Agency begins the transition",
        text="The agency wrote to the president-elect on Monday.",
        url=LONG_LINK,
        published=BASE + timedelta(hours=1),
        guid="long-link",
    )
    save_articles(db, world, [article])
    db.conn.close()


def link_lines(app: NewstuiApp) -> list[str]:
    """The lines the long link takes on the screen, in the reader's column."""
    reader = app.main.reader.region
    lines = screen_text(app).splitlines()[reader.y : reader.bottom]
    column = [line[reader.x : reader.right].strip(" ▏▕▎│┃") for line in lines]
    first = next(i for i, line in enumerate(column) if line.startswith("https://news.example/"))
    shown = []
    for line in column[first:]:
        shown.append(line)
        if "".join(shown).endswith("id=90210"):
            return shown
    raise AssertionError(f"the link does not end on screen: {shown}")


async def test_a_long_link_shows_whole_on_the_lines_it_needs_at_every_width(db_path):
    add_long_link_article(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        for size in ((120, 40), (80, 24), (60, 20), (160, 48)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            lines = link_lines(app)
            assert "".join(lines) == LONG_LINK, size  # all of it, nothing cut out
            assert len(lines) > 1
            # broken after a separator, not mid-word, where the line had one
            assert all(line[-1] in "/?&=#-_.,;+" for line in lines[:-1]), lines
        await pilot.press("z")  # the reader alone, wider: longer lines
        await settle(pilot)
        wide = link_lines(app)
        assert "".join(wide) == LONG_LINK
        assert len(wide[0]) > len(lines[0])
        assert app.main.detail is not None and app.main.detail.article.row.url == LONG_LINK


async def test_a_link_that_fits_is_shown_whole(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "https://news.example/aleppo" in screen_text(app)
        assert re.findall(r"https://news\.example/aleppo\S*", screen_text(app)) == [
            "https://news.example/aleppo"
        ]
