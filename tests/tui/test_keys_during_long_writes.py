"""Pilot tests: A and D return control at once while a long write holds the store (a large mark
or removal, a refresh saving): the keys typed behind them are handled, the answer comes after."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from newstui.config import Config, Settings
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.confirm import ConfirmScreen

from .conftest import notifications, run_recorded, settle
from .test_remove_source import choose_world_desk, configure_world_desk

HOLD_BOUND = 30.0  # only ends a write the test forgot (before the fix: the app frozen until then)


@contextmanager
def store_held_by_a_long_write(app: NewstuiApp) -> Iterator[threading.Thread]:
    """Hold the app's store from another thread, as a long write does, until the block ends;
    yields the thread, alive while it holds the store."""
    held, done = threading.Event(), threading.Event()

    def write() -> None:
        with app.main.library.borrow():  # the reads' connection
            held.set()
            done.wait(HOLD_BOUND)

    def long_write(_library: object) -> None:  # the writes' connection (SharedLibrary.write)
        done.wait(HOLD_BOUND)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    held.wait()
    asyncio.ensure_future(app.main.library.write(long_write))  # noqa: RUF006  (settle awaits it)
    try:
        yield thread
    finally:
        done.set()
        thread.join()
        # (the long write returns once `done` is set; the test's settle() waits for it)


async def test_D_while_a_write_holds_the_store_lets_the_next_key_through_then_asks(db_path, config):
    config = configure_world_desk(db_path, config)
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await choose_world_desk(app, pilot)
        before = app.main.sources.highlighted
        with store_held_by_a_long_write(app) as writing:
            await pilot.press("D")
            await pilot.press("j")  # before: D waited for the store on the event loop
            moved_while_writing = app.main.sources.highlighted != before and writing.is_alive()
        await settle(pilot)
        assert moved_while_writing
        assert isinstance(app.screen, ConfirmScreen), [n.message for n in notifications(app)]
        question = str(app.screen.query_one("#confirm-question").render())
        assert question.startswith("Remove World Desk from feeds.toml and delete its 22 articles")
        await pilot.press("y")
        await settle(pilot)
        assert "World Desk" not in [f.name for f in app.main.sources.feeds]


async def test_A_while_a_write_holds_the_store_lets_the_next_key_through_then_marks(
    db_path, tmp_path
):
    settings = Settings(refresh_minutes=0, mark_all_confirm=1000)
    app = NewstuiApp(db_path, Config(tmp_path / "f.toml", settings))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        before = app.main.headlines.selected
        with store_held_by_a_long_write(app) as writing:
            await pilot.press("A")
            await pilot.press("j")
            moved_while_writing = app.main.headlines.selected != before and writing.is_alive()
        await settle(pilot)
        assert moved_while_writing
        assert "Marked 25 articles in All articles read. u undoes it." in [
            n.message for n in notifications(app)
        ]
        assert sum(f.unread for f in app.main.sources.feeds) == 0
