"""Pilot test: another process holding the database's write lock. The app's writes waited up to
30 s without a word, and reads behind them (the download queue's `L`) held the screen."""

from __future__ import annotations

import subprocess
import sys

from newstui.tui.app import NewstuiApp
from newstui.tui.screens.downloads import DownloadsScreen

from .conftest import notifications, run_recorded, settle, until
from .test_navigation import flags

HOLD = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
"""


async def test_a_write_waiting_for_another_process_says_so_and_the_app_keeps_answering(
    db_path, ids
):
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        row = app.main.headlines.selected
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(db_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
            await pilot.press("s")
            said = lambda: [n.message for n in notifications(app)]  # noqa: E731
            notice = f"waiting for {db_path}, in use by process {holder.pid}…"
            await until(pilot, lambda: notice in said())
            assert app.main.headlines.selected.starred  # shown at once
            await pilot.press("j")  # the app answers meanwhile: a move, and a read (`L`)
            await until(pilot, lambda: app.main.headlines.cursor == 1)
            await pilot.press("L")
            await until(pilot, lambda: isinstance(app.screen, DownloadsScreen))
            assert holder.poll() is None  # (still holding the lock)
        finally:
            holder.communicate("")
        await settle(pilot)
    assert flags(db_path, row.id) == (False, True)


async def test_a_write_that_waited_in_vain_names_the_file_and_the_process_as_the_cli_does(
    db_path, ids, monkeypatch
):
    """It ended as "database error: database is locked"."""
    import newstui.store.db

    # (the open's busy timeout, the write's wait and what the app says of it: one figure)
    monkeypatch.setattr(newstui.store.db, "BUSY_SECONDS", 0.5)
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLD, str(db_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
            await pilot.press("s")
            errors = lambda: [n.message for n in notifications(app) if n.severity == "error"]  # noqa: E731
            await until(pilot, errors)
        finally:
            holder.communicate("")
        await settle(pilot)
        assert errors() == [
            f"{db_path} is busy: another process (pid {holder.pid}) kept it locked for 0.5 s; "
            "try again when it is done"
        ]
