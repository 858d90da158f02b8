"""n and p show the unread article they land on, and mark it read as opening it does (as
newsboat's next-unread opens it), from the headline list as from the reader: a reader who
went `n n n` through the list ended the day with everything still unread."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newstui.library import Library
from newstui.model import Article, ArticleFilter
from newstui.tui.app import NewstuiApp

from .conftest import run_recorded, settle


def one_feed(path, count: int = 4) -> None:
    with Library.open(path) as library:
        feed = library.register_source("https://alpha.example/", "Alpha Post")
        now = datetime.now(UTC)
        library.save_batch(
            feed,
            [
                Article(
                    title=f"Story {i}",
                    text=f"Story {i} says the harbour reopened after repairs on day {i}.",
                    guid=f"s{i}",
                    published=now - timedelta(hours=i),
                )
                for i in range(count)
            ],
        )


def read_titles(path) -> set[str]:
    with Library.open(path) as library:
        return {r.title for r in library.articles(ArticleFilter()) if r.read}


async def test_n_in_the_headline_list_marks_the_article_it_shows_read(tmp_path):
    path = tmp_path / "f.db"
    one_feed(path)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.headlines.selected.title == "Story 0"
        await pilot.press("n")
        await settle(pilot)
        assert app.main.headlines.selected.title == "Story 1"
        assert app.main.headlines.selected.read  # the dot goes at once
        assert read_titles(path) == {"Story 1"}
        await pilot.press("n", "n")  # in one burst: each article shown is marked
        await settle(pilot)
        assert app.main.headlines.selected.title == "Story 3"
        assert "Story 3" in read_titles(path)
        await pilot.press("k", "k")  # plain moves mark nothing
        await settle(pilot)
        await pilot.press("p")  # Story 0, the one unread before
        await settle(pilot)
        assert app.main.headlines.selected.title == "Story 0"
        assert "Story 0" in read_titles(path)


async def test_n_marks_nothing_when_mark_read_on_open_is_off(tmp_path):
    path = tmp_path / "f.db"
    one_feed(path)
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\nrefresh_minutes = 0\nmark_read_on_open = false\n", "utf-8")
    from newstui.config import load_config

    app = NewstuiApp(path, load_config(config))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.main.headlines.selected.title == "Story 1"
        assert read_titles(path) == set()


async def test_n_on_to_the_next_feed_marks_the_article_it_lands_on_read(tmp_path):
    path = tmp_path / "f.db"
    with Library.open(path) as library:
        for name in ("Alpha Post", "Beta Daily"):
            feed = library.register_source(f"https://{name.split()[0].lower()}.example/", name)
            text = f"{name} reports the harbour reopened after repairs on Monday morning."
            library.save_batch(
                feed,
                [Article(title=f"{name} story", text=text, guid=name, published=datetime.now(UTC))],
            )
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("J", "n")  # Alpha's one article is under the cursor: it, from the top
        await settle(pilot)
        assert app.main.headlines.view.title == "Alpha Post"
        assert read_titles(path) == {"Alpha Post story"}
        await pilot.press("n")  # none left in Alpha: on to Beta
        await settle(pilot)
        assert app.main.headlines.view.title == "Beta Daily"
        assert read_titles(path) == {"Alpha Post story", "Beta Daily story"}
