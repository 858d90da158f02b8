"""A list that keeps the rows read in it (`/ unread`) while another process (`newstui fetch`
from cron, a second app, sync) marks articles read in a part of it not read from the store yet:
scrolling on shows every row once, in order (before, each such row moved the windows read
later by one: a row was skipped, or shown twice, and the last row never came)."""

from __future__ import annotations

import asyncio

from newstui.library import Library
from newstui.model import ArticleFilter
from newstui.tui.app import NewstuiApp
from newstui.tui.widgets import headlines as headlines_module

from .conftest import run_recorded, settle, store_many


async def rest(pilot, seconds: float = 1.0) -> None:
    """Let the store watcher (every 0.2 s here) see the other process's writes."""
    for _ in range(int(seconds / 0.1)):
        await asyncio.sleep(0.1)
        await pilot.pause()
    await settle(pilot)


def mark_elsewhere(path, titles: set[str]) -> None:
    """Mark these articles read as another process would: its own connection to the store."""
    with Library.open(path) as library:
        rows = library.articles(ArticleFilter(), limit=None)
        library.mark([row.id for row in rows if row.title in titles], read=True)


async def test_rows_marked_read_elsewhere_out_of_sight_shift_no_row(tmp_path, monkeypatch):
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 0.2)
    monkeypatch.setattr(headlines_module, "CHUNK", 10)  # six windows of 10 rows
    path = tmp_path / "many.db"
    store_many(path, 60, "Story {i:02d}")
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"unread", "enter")
        await settle(pilot)
        headlines = app.main.headlines
        assert headlines.total == 60
        assert max(index for index, _ in headlines.loaded_rows()) < 30  # rows 30-59 not read yet
        # list rows 35 and 47 (newest first: Story 24 and Story 12), read by another process
        mark_elsewhere(path, {"Story 24", "Story 12"})
        await rest(pilot)
        seen = []
        for _ in range(59):
            await pilot.press("j")
            await settle(pilot)
            row = headlines.selected
            seen.append(row.title if row else None)
        assert seen == [f"Story {i:02d}" for i in range(58, -1, -1)]
        assert headlines.total == 60
