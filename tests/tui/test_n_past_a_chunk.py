"""n in a list that keeps the rows read in it (`/ unread`), read on past the list's first chunk
of rows: n goes on to the next unread row and opens it (review r31 M1: past row 200 the cursor
went back to row 0, a row read already, and nothing opened)."""

from __future__ import annotations

from newstui.library import Library
from newstui.model import ArticleFilter
from newstui.tui.app import NewstuiApp
from newstui.tui.widgets import headlines as headlines_module

from .conftest import run_recorded, settle, store_many


def unread_count(path) -> int:
    with Library.open(path) as library:
        return library.count(ArticleFilter(unread=True))


async def test_n_reads_on_past_the_first_chunk_of_an_unread_search(tmp_path, monkeypatch):
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 0.2)
    monkeypatch.setattr(headlines_module, "CHUNK", 10)  # three chunks: 10 rows each
    path = tmp_path / "many.db"
    store_many(path, 30, "Story {i:03d}")
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"unread", "enter")
        await settle(pilot)
        headlines = app.main.headlines
        assert headlines.total == 30
        await pilot.press("enter")
        await settle(pilot)
        for step in range(1, 29):
            await pilot.press("n")
            await settle(pilot)
            assert (step, headlines.cursor, unread_count(path)) == (step, step, 30 - step - 1)
            row = headlines.selected
            assert row is not None and row.title == f"Story {29 - step:03d}"
