"""Pilot tests: in a search or saved view whose query is about read or starred state
(`unread …`, `starred`), opening an article marks that article read and nothing else, the reader
keeps it, and its row stays listed until the user runs the view again (r31 H1: the view re-read
itself after the mark, the next row loaded into the focused reader was taken as opened and marked
read, and so on until the view was empty)."""

from __future__ import annotations

import asyncio

from newstui.library import Library
from newstui.model import ArticleFilter
from newstui.tui.app import NewstuiApp

from .conftest import run_recorded, settle, store_many


def unread_count(path) -> int:
    with Library.open(path) as library:
        return library.count(ArticleFilter(unread=True))


async def rest(pilot, seconds: float = 1.5) -> None:
    """Let the store watcher (every 0.2 s here) see the app's own writes several times."""
    for _ in range(int(seconds / 0.1)):
        await asyncio.sleep(0.1)
        await pilot.pause()
    await settle(pilot)


async def test_opening_an_article_in_an_unread_search_marks_only_that_one(tmp_path, monkeypatch):
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 0.2)
    path = tmp_path / "many.db"
    store_many(path, 30, "Story {i:02d}")
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *'unread feed:"Many"', "enter")
        await settle(pilot)
        headlines = app.main.headlines
        assert headlines.total == 30
        first = headlines.selected
        assert first is not None
        await pilot.press("enter")
        await settle(pilot)
        await rest(pilot)

        assert unread_count(path) == 29  # before: 0, one a watch turn after the other
        assert app.main.detail is not None and app.main.detail.article.row.id == first.id
        assert headlines.total == 30  # the read row stays listed until the view is run again
        assert headlines.selected is not None and headlines.selected.id == first.id


async def test_reading_on_with_n_in_an_unread_view_marks_what_was_read(tmp_path, monkeypatch):
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 0.2)
    path = tmp_path / "many.db"
    store_many(path, 30, "Story {i:02d}")
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"unread", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await rest(pilot, 0.6)
        await pilot.press("n")  # in the reader: the next unread article, opened (as designed)
        await settle(pilot)
        await rest(pilot)
        assert unread_count(path) == 28


async def test_unstarring_in_a_starred_search_marks_nothing_else_read(tmp_path, monkeypatch):
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 0.2)
    path = tmp_path / "many.db"
    store_many(path, 10, "Story {i:02d}")
    with Library.open(path) as library:
        rows = library.articles(ArticleFilter(), limit=3)
        library.mark([row.id for row in rows], starred=True)
        library.mark([rows[0].id], read=True)  # the one opened first is read already
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"starred", "enter")
        await settle(pilot)
        headlines = app.main.headlines
        assert headlines.total == 3
        opened = headlines.selected
        assert opened is not None and opened.id == rows[0].id
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("s")  # unstar it, in the reader
        await settle(pilot)
        await rest(pilot)

        assert unread_count(path) == 9  # before: the next starred one was marked read too
        assert app.main.detail is not None and app.main.detail.article.row.id == opened.id
        assert headlines.total == 3
