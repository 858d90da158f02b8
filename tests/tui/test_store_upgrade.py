"""Pilot tests: the app's first start after a version whose upgrade sketches every story again
shows that it upgrades (with the count), shows the store only once it is done, and quits at `q`
or Ctrl-C meanwhile, leaving a store the next start upgrades."""

from __future__ import annotations

import sqlite3
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import newstui.stories as stories_module
from newstui.errors import StoreError
from newstui.library import Library
from newstui.model import Article
from newstui.store.schema import SCHEMA_VERSION
from newstui.tui.app import NewstuiApp
from newstui.tui.first_frame import FIRST_FRAME
from newstui.tui.screens.main import MainScreen

from .conftest import screen_text, until

STORY = (
    "The regional council voted on Tuesday to close three branch libraries in the north of the "
    "city, citing a shortfall of four million pounds in next year's budget. Campaigners who "
    "gathered outside the town hall said the decision would leave thousands of children without "
    "a quiet place to study. The council leader said the authority had no other choice after "
    "central government cut its grant for the fifth year running. "
)


def store_before_schema_22(path: Path, count: int) -> None:
    """A store of `count` sketched articles as schema 21 left it (schema 22 makes every
    sketch's band keys again)."""
    now = datetime.now(UTC)
    with Library.open(path) as library:
        source = library.register_source("https://gazette.example/feed", "Gazette")
        articles = [
            Article(f"Story {n}", f"{n}. {STORY * 2}", guid=str(n), published=now - timedelta(n))
            for n in range(count)
        ]
        library.save_batch(source, articles)
        library.find_stories()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 21")
    conn.commit()
    conn.close()


def schema_of(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


class HeldUpgrade:
    """The upgrade's band keys, held on the first sketch until released."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.held, self.release = threading.Event(), threading.Event()
        self._real = stories_module.stored_band_keys
        monkeypatch.setattr(stories_module, "stored_band_keys", self)

    def __call__(self, packed: bytes) -> list[int]:
        self.held.set()
        self.release.wait(60)  # (a bound: only a broken test would wait that long)
        return self._real(packed)


@pytest.fixture
def old_store(tmp_path) -> Path:
    path = tmp_path / "old.db"
    store_before_schema_22(path, 3)
    return path


async def test_the_app_shows_the_upgrade_with_its_count_then_the_upgraded_store(
    old_store, monkeypatch
):
    upgrade = HeldUpgrade(monkeypatch)
    app = NewstuiApp(old_store, None, demo=True)

    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, upgrade.held.is_set)
        shown = screen_text(app)
        assert "Upgrading the store: 3 articles…" in shown and "q quits" in shown
        assert "Story 0" not in shown and not isinstance(app.screen, MainScreen)
        await pilot.press("question_mark", "j")  # nothing of the store to act on yet
        assert "Upgrading the store" in screen_text(app)

        upgrade.release.set()
        await until(pilot, lambda: "Story 0" in screen_text(app))
        assert app.screen is app.main and "Upgrading" not in screen_text(app)
    assert schema_of(old_store) == SCHEMA_VERSION


@pytest.mark.parametrize("key", ["q", "ctrl+c"])
async def test_quitting_during_the_upgrade_stops_it_and_the_next_start_finishes_it(
    old_store, monkeypatch, key
):
    path = old_store
    upgrade = HeldUpgrade(monkeypatch)
    app = NewstuiApp(path, None, demo=True)

    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, upgrade.held.is_set)
        worker = next(w for w in app.workers if w.group == "upgrade")

        def release_once_cancelled() -> None:  # the sketch under way ends after the quit
            worker.cancelled_event.wait(60)
            upgrade.release.set()

        threading.Thread(target=release_once_cancelled, daemon=True).start()
        await pilot.press(key)
    assert app.return_code == 0 and app.open_error is None
    assert schema_of(path) == 21  # the step under way was undone, nothing half done

    monkeypatch.undo()
    assert Library.upgrade_ahead(path) == 3
    with Library.open(path) as library:
        assert library.count() == 3
    assert schema_of(path) == SCHEMA_VERSION and Library.upgrade_ahead(path) == 0


async def test_a_store_the_upgrade_cannot_open_ends_the_app_with_its_one_line(
    old_store, monkeypatch
):
    path = old_store

    def refused(cls: type[Library], where: Path, **options: object) -> Library:
        raise StoreError(f"{where}: cannot upgrade")

    monkeypatch.setattr(Library, "open", classmethod(refused))
    app = NewstuiApp(path, None, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.open_error is not None)
    assert app.return_code == 1 and str(app.open_error) == f"{path}: cannot upgrade"


async def test_threads_switch_as_python_had_them_once_the_upgrade_screen_is_shown(
    old_store, monkeypatch
):
    """The short switch interval is for the first frame: here the upgrade's, not the whole
    migration, whose thread would pass the interpreter lock back and forth all along."""
    before = sys.getswitchinterval()
    upgrade = HeldUpgrade(monkeypatch)
    FIRST_FRAME.start()  # what run_app does before running the app
    try:
        app = NewstuiApp(old_store, None, demo=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, upgrade.held.is_set)
            await until(pilot, lambda: "Upgrading the store" in screen_text(app))
            await until(pilot, lambda: sys.getswitchinterval() == before)
            assert not upgrade.release.is_set()  # still upgrading
            upgrade.release.set()
            await until(pilot, lambda: app.screen is app.main)
    finally:
        FIRST_FRAME.end()
        sys.setswitchinterval(before)


@pytest.mark.parametrize("under_way_at", [SCHEMA_VERSION - 1, 21])
async def test_an_app_started_during_another_newstuis_upgrade_says_it_waits_for_it(
    tmp_path, monkeypatch, under_way_at
):
    """With no slow step left, the app opened the store before its first frame and waited
    there for the other's lock without a word (r46 openfix noticed). With one left, the app
    says it upgrades, then, as its open finds the other at work, that it waits (r46 L6)."""
    from itertools import count

    from newstui.store import lock_holder
    from newstui.store.migrations import upgrade_began

    path = tmp_path / "old.db"
    store_before_schema_22(path, 3)
    with sqlite3.connect(path) as conn:  # the other newstui's step, under way
        conn.execute(f"PRAGMA user_version = {under_way_at}")
        upgrade_began(conn, 21)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(lock_holder, "write_lock_holder", lambda store: 4242)  # (not this one)
    ticks = count()  # (its CPU time grows: it works)
    monkeypatch.setattr(lock_holder, "holder_work", lambda store: (4242, next(ticks)))
    monkeypatch.setattr(lock_holder, "runs_what", lambda pid: "newstui")  # (no /proc/4242 read)
    app = NewstuiApp(path, None, demo=True)

    async with app.run_test(size=(80, 24)) as pilot:
        if under_way_at == 21:  # (no upgrade_waited called by hand: review r47 L4)
            await until(pilot, lambda: "Upgrading the store: 3 articles…" in screen_text(app))
        waiting = ("Waiting for the upgrade of the store", "making: 3 articles…", "newstui goes on")
        await until(pilot, lambda: all(line in screen_text(app) for line in waiting))  # (wrapped)
        other.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        other.execute("COMMIT")
        await until(pilot, lambda: "Story 0" in screen_text(app))
    other.close()
    assert app.open_error is None and schema_of(path) == SCHEMA_VERSION
