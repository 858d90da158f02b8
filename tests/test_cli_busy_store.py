"""A command that must write while another process holds the database's write lock says at once
that it waits, for whom and on which file; a wait in vain ends in one line naming the file and
what to do; Ctrl-C or SIGTERM stop the wait at once. Any other database error names the file
too."""

# ruff: noqa: F811  (the CLI tests' fixtures are imported by name)

from __future__ import annotations

import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli import Cli, cli, empty_config, no_user_paths  # noqa: F401

import newstui.store.db
from newstui.cli.main import main
from newstui.library import Library

LOCKS_LISTED = os.path.exists("/proc/locks")  # (Linux) where the writer's process id is found
HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
sys.stdin.read()  # until the test closes it
conn.execute("COMMIT")
"""


@pytest.fixture
def stored(cli, seed_article) -> Cli:
    assert cli("import", str(seed_article)) == 0, cli.err
    return cli


@pytest.fixture
def held(stored) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the write lock of the CLI's database until the test ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(stored.db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
    yield holder
    release(holder)


def release(holder: subprocess.Popen[str]) -> None:
    if holder.stdin is not None and not holder.stdin.closed:
        holder.stdin.close()
    holder.wait(timeout=30)


def run_newstui(db: Path, config: Path, *argv: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "newstui", "--db", str(db), "--config", str(config), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def writer(pid: int, name: str = "process") -> str:
    return f"another {name} (pid {pid})" if LOCKS_LISTED else "another process"


def first_line_within(stream, seconds: float) -> str:
    ready, _, _ = select.select([stream], [], [], seconds)
    return stream.readline() if ready else ""


def test_a_write_kept_waiting_says_so_at_once_naming_the_file_and_the_writer(stored, held):
    """It sat silent until the lock came (30 s at most)."""
    marking = run_newstui(stored.db, stored.config, "mark", "1", "--read")
    line = first_line_within(marking.stderr, 10)
    assert line == (
        f"newstui: {stored.db} is busy: {writer(held.pid)} is writing to it; "
        "waiting up to 30 s for it to finish (Ctrl-C to stop)\n"
    )
    assert marking.poll() is None  # still waiting, not failed
    release(held)
    out, err = marking.communicate(timeout=30)
    assert (marking.returncode, out, err) == (0, "marked 1 article\n", "")
    assert stored.json("show", "1")["read"] is True


def test_sigterm_stops_a_write_kept_waiting_at_once(stored, held):
    """The signal was handled only once SQLite's one 30 s wait was over."""
    marking = run_newstui(stored.db, stored.config, "mark", "1", "--read")
    assert "is busy" in first_line_within(marking.stderr, 10)
    sent = time.monotonic()
    marking.send_signal(signal.SIGTERM)
    marking.wait(timeout=25)
    assert time.monotonic() - sent < 15  # (the write waits up to 30 s; a process's exit on a
    # loaded machine may take seconds)
    assert marking.returncode == 128 + signal.SIGTERM
    assert marking.stderr.read() == "newstui: stopped by SIGTERM; what was stored is kept\n"


def test_a_write_that_waited_in_vain_names_the_file_and_what_to_do(
    stored, held, monkeypatch, capsys
):
    """It said "database error: database is locked", naming no file."""
    monkeypatch.setattr(newstui.store.db, "BUSY_SECONDS", 1.0)  # (the open's wait, its line)
    assert main(["--db", str(stored.db), "--config", str(stored.config), "mark", "1", "--read"])
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"newstui: {stored.db} is busy: {writer(held.pid)} is writing to it; waiting up to 1 s "
        "for it to finish (Ctrl-C to stop)",
        f"newstui: {stored.db} is busy: {writer(held.pid)} kept it locked for 1 s; try again "
        "when it is done",
    ]
    release(held)
    assert stored.json("show", "1")["read"] is False  # nothing half-written


def test_the_writer_is_named_newstui_when_it_is_one(stored, tmp_path):
    """A newstui holding the lock (its command line says so) is called "another newstui"."""
    script = tmp_path / "newstui"
    script.write_text(HOLD, "utf-8")
    holder = subprocess.Popen(
        [sys.executable, str(script), str(stored.db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        marking = run_newstui(stored.db, stored.config, "mark", "1", "--read")
        line = first_line_within(marking.stderr, 10)
        assert f"is busy: {writer(holder.pid, 'newstui')} is writing to it" in line
    finally:
        release(holder)
    marking.communicate(timeout=30)
    assert marking.returncode == 0


def test_any_other_database_error_names_the_file(stored, monkeypatch, capsys):
    """It said "database error: disk I/O error", naming no file."""

    def full(*args: object, **kwargs: object) -> int:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Library, "marked", full)
    argv = ["--db", str(stored.db), "--config", str(stored.config), "mark", "1", "--read"]
    assert main(argv) == 1
    assert capsys.readouterr().err == f"newstui: {stored.db}: database error: disk I/O error\n"
    assert main([*argv, "--json"]) == 1
    error = json.loads(capsys.readouterr().out)
    assert (error["kind"], error["source"]) == ("database", str(stored.db))


def test_a_backup_kept_waiting_says_so_at_once_then_how_it_ended(stored, monkeypatch, capsys):
    """r44 hostfix-dl: a store locked for reading too (an exclusive lock) held `backup` up to
    30 s without a word."""
    monkeypatch.setattr(newstui.store.db, "BUSY_SECONDS", 1.0)  # (the copy's wait too)
    holder = sqlite3.connect(stored.db, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE articles SET read = 1")
    holder.execute("COMMIT")  # (the lock is kept until the connection closes)
    copy = stored.db.with_name("copy.db")
    try:
        assert main(["--db", str(stored.db), "backup", str(copy)]) == 1
    finally:
        holder.close()
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"newstui: {stored.db} is busy: another process is writing to it; waiting up to 1 s "
        "for it to finish (Ctrl-C to stop)",
        f"newstui: {stored.db} is busy: another process kept it locked for 1 s; try again "
        "when it is done",
    ]
    assert not copy.exists()
    assert main(["--db", str(stored.db), "backup", str(copy)]) == 0
    assert capsys.readouterr().err == ""
