"""`L` shows its box before the queue is read (user test r37 L5); when that read fails (a busy
or damaged store), the box says so, with the reason, and the keys typed meanwhile are dropped
(review r38 L1: it said "Reading the download queue…" for good and kept them)."""

from __future__ import annotations

import sqlite3
import threading

from newstui.library import Library
from newstui.tui.screens.downloads import DownloadsScreen

from .conftest import run_recorded, screen_text, settle, until
from .test_downloads_list_keys import queue_many
from .test_external_programs import app_with

MALFORMED = "database disk image is malformed"


async def test_a_queue_that_cannot_be_read_says_why_and_drops_the_keys_typed(
    db_path, tmp_path, monkeypatch
):
    import newstui.downloads

    queue_many(db_path, tmp_path, 3)
    typed = threading.Event()  # the read fails once keys were typed while it ran

    def read_fails(rows):
        typed.wait(60)
        raise sqlite3.DatabaseError(MALFORMED)

    monkeypatch.setattr(newstui.downloads, "with_disk_sizes", read_fails)
    with Library.open(db_path) as library:
        stored = library.downloads.all()
    app, _ = app_with(db_path, tmp_path, monkeypatch, download_dir=str(tmp_path))
    async with run_recorded(app, size=(100, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await until(pilot, lambda: isinstance(app.screen, DownloadsScreen))
        screen = app.screen
        await pilot.press("G", "x")
        typed.set()
        said = f"Could not read the download queue: database error: {MALFORMED}"
        await until(pilot, lambda: said in screen_text(app))
        await settle(pilot)
        text = screen_text(app)
        assert "Reading the download queue" not in text
        assert text.count(MALFORMED) == 1  # (one line: not again under it)
        await screen.fill(stored)  # a fill coming late finds no key kept (G, x: forget the last)
        await settle(pilot)
        assert said in screen_text(app)
    with Library.open(db_path) as library:
        assert [d.title for d in library.downloads.all()] == [d.title for d in stored]
