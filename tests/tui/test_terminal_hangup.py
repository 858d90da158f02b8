"""The app ends when its terminal goes away, also when no SIGHUP reaches it (started under a
wrapper that is the terminal's session leader), and on SIGTERM and SIGHUP: the database
closed, what was stored kept."""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from .terminal import AppInTerminal

pytestmark = pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals")

QUIT_WITHIN = 15.0  # seconds, on a busy machine; the app takes well under one


@pytest.fixture
def app_in_terminal(db_path: Path, tmp_path: Path):
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\nrefresh_minutes = 0\nfulltext = false\n", "utf-8")
    env = {
        **os.environ,
        "NEWSTUI_CONFIG": str(config),
        "NEWSTUI_DB": str(db_path),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "TERM": "xterm-256color",
    }
    terminal = AppInTerminal([], env, (100, 30))
    try:
        terminal.wait_for(b"Headlines")
        yield terminal
    finally:
        terminal.close()


def starred(db_path: Path) -> int:
    with closing(sqlite3.connect(db_path)) as db:
        return db.execute("SELECT count(*) FROM articles WHERE starred").fetchone()[0]


def assert_closed_cleanly(db_path: Path) -> None:
    """Every connection was closed (the last one folds the write-ahead log back into the file
    and removes it: a process that ends without closing leaves it) and the file reads whole."""
    assert not Path(f"{db_path}-wal").exists()
    with closing(sqlite3.connect(db_path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_app_quits_when_its_terminal_closes_without_a_sighup(app_in_terminal, db_path):
    # It lingered as an orphan spinning on the closed terminal's end of file.
    app_in_terminal.type("s")  # a star, stored before the terminal goes
    deadline = time.monotonic() + QUIT_WITHIN
    while not starred(db_path) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert starred(db_path) == 1

    app_in_terminal.hang_up()

    assert app_in_terminal.process.wait(timeout=QUIT_WITHIN) == 128 + signal.SIGHUP
    assert_closed_cleanly(db_path)
    assert starred(db_path) == 1


def test_the_app_quits_when_its_terminal_closes_while_it_draws(app_in_terminal, db_path):
    # Textual's output thread died on the first write to the closed terminal; thirty writes
    # later the app's loop blocked for good and SIGTERM went unanswered.
    app_in_terminal.type("jk" * 40)
    app_in_terminal.hang_up()

    assert app_in_terminal.process.wait(timeout=QUIT_WITHIN) == 128 + signal.SIGHUP
    assert_closed_cleanly(db_path)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_the_app_quits_on_a_stop_signal_restoring_the_terminal(app_in_terminal, db_path, signum):
    app_in_terminal.process.send_signal(signum)

    assert app_in_terminal.process.wait(timeout=QUIT_WITHIN) == 128 + signum
    assert_closed_cleanly(db_path)
    time.sleep(0.2)  # the last output read
    assert b"\x1b[?1049l" in app_in_terminal.output  # the alternate screen was left
