"""n typed twice with no pause in a list that keeps the rows read in it (`/ unread`) moves two
unread articles, each n one, also where the second one's article is in a window of rows not read
from the store yet (before, the second search counted the article the first one was about to
mark read as still listed by the store, and the cursor stayed on the first one's row)."""

from __future__ import annotations

import time

from textual.worker import NoActiveWorker, get_current_worker

from newstui.library import Library
from newstui.model import ArticleFilter
from newstui.tui.app import NewstuiApp
from newstui.tui.shared_library import SharedLibrary
from newstui.tui.widgets import headlines as headlines_module

from .conftest import run_recorded, settle, store_many


def unread_count(path) -> int:
    with Library.open(path) as library:
        return library.count(ArticleFilter(unread=True))


def is_read(path, article_id: int) -> bool:
    with Library.open(path) as library:
        stored = library.article(article_id)
        return stored is not None and stored.row.read


async def test_n_n_typed_fast_moves_two_unread_articles_each_time(tmp_path, monkeypatch):
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 0.2)
    monkeypatch.setattr(headlines_module, "CHUNK", 4)  # a window boundary every other pair
    path = tmp_path / "many.db"
    store_many(path, 30, "Story {i:02d}")
    app = NewstuiApp(path, None)
    borrow = SharedLibrary.borrow

    def borrow_after_the_mark(shared):
        """The search waits until the article the key before found is marked read, as when that
        mark's write comes first on a loaded machine (so the test fails every run, not some)."""
        try:
            searching = get_current_worker().group == "unread"
        except NoActiveWorker:
            searching = False
        row = app.main.headlines.selected if searching else None
        if searching:
            time.sleep(0.3)  # (the second n arrives while the first one's search runs)
        for _ in range(100):
            if row is None or is_read(path, row.id):
                break
            time.sleep(0.05)
        return borrow(shared)

    monkeypatch.setattr(SharedLibrary, "borrow", borrow_after_the_mark)
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"unread", "enter")
        await settle(pilot)
        headlines = app.main.headlines
        await pilot.press("enter")  # opens (and reads) Story 29, row 0
        await settle(pilot)
        seen = []
        for _ in range(14):
            await pilot.press("n", "n")
            await settle(pilot)
            row = headlines.selected
            seen.append((headlines.cursor, row.title if row else None))
        assert seen == [(2 * k, f"Story {29 - 2 * k:02d}") for k in range(1, 15)]
        assert unread_count(path) == 1
