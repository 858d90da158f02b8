"""The app ends when its terminal goes away, also when no SIGHUP reaches it (started under a
wrapper that is the terminal's session leader), and on SIGTERM and SIGHUP: the database
closed, what was stored kept."""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from .terminal import AppInTerminal

pytestmark = pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals")

QUIT_WITHIN = 15.0  # seconds, on a busy machine; the app takes well under one


def start_app(db_path: Path, tmp_path: Path, **env: str) -> AppInTerminal:
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\nrefresh_minutes = 0\nfulltext = false\n", "utf-8")
    env = {
        **os.environ,
        "NEWSTUI_CONFIG": str(config),
        "NEWSTUI_DB": str(db_path),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "TERM": "xterm-256color",
        **env,
    }
    terminal = AppInTerminal([], env, (100, 30))
    terminal.wait_for(b"Headlines")
    return terminal


@pytest.fixture
def app_in_terminal(db_path: Path, tmp_path: Path):
    terminal = start_app(db_path, tmp_path)
    try:
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


def test_sigterm_while_the_pager_has_the_terminal_ends_the_pager_then_the_app(db_path, tmp_path):
    # The loop waits for the pager: forced out after a grace, the app left it on the terminal.
    pid_file = tmp_path / "pager.pid"
    pager = tmp_path / "pager.py"
    pager.write_text(
        f"import os, time\nopen({str(pid_file)!r}, 'w').write(str(os.getpid()))\ntime.sleep(60)\n"
    )
    terminal = start_app(db_path, tmp_path, PAGER=f"{sys.executable} {pager}")
    try:
        terminal.type("v")
        deadline = time.monotonic() + QUIT_WITHIN
        while not pid_file.exists() or not pid_file.read_text():
            assert time.monotonic() < deadline, bytes(terminal.output)
            time.sleep(0.1)

        terminal.process.send_signal(signal.SIGTERM)

        assert terminal.process.wait(timeout=QUIT_WITHIN) == 128 + signal.SIGTERM
        assert not Path(f"/proc/{pid_file.read_text()}").exists()  # the pager ended too
        assert_closed_cleanly(db_path)
    finally:
        terminal.close()
