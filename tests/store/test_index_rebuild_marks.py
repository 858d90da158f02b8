"""A full-text index rebuild that a committed write left due (a damaged text's words, schema 26)
is never lost: closing the store does it, and one left by a process killed before it could is
done by the next open. Until then a search finds words of a deleted article, or misses new ones."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from test_index_rebuild_locks import in_step
from test_index_repair import indexed, with_damaged

from newstui.library import Library
from newstui.store import open_db
from newstui.store.db import Database
from newstui.store.index_repair import rebuild_marked

# A process that deletes a damaged article by a raw write, commits, and is killed (SIGKILL: no
# Python code runs after it) before anything rebuilds the index the delete left out of step.
KILLED_AFTER_A_RAW_WRITE = textwrap.dedent(
    """
    import os, signal, sys
    from newstui.store import open_db
    db = open_db(sys.argv[1])
    with db.conn:
        db.conn.execute("DELETE FROM articles WHERE id = ?", [int(sys.argv[2])])
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_a_rebuild_due_when_the_library_closes_is_done_before_it_closes(tmp_path):
    path = tmp_path / "s.db"
    db, ids, _ = with_damaged(path, "Pier")
    library = Library(db)
    with db.conn:  # a write outside Database: its commit leaves the rebuild due
        db.conn.execute("DELETE FROM articles WHERE id = ?", [ids["Pier"]])

    library.close()

    assert in_step(path)  # what another process searches, before any open could rebuild


def test_a_rebuild_due_when_the_process_was_killed_is_done_by_the_next_open(tmp_path):
    path = tmp_path / "s.db"
    db, ids, _ = with_damaged(path, "Pier")
    db.conn.close()
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AFTER_A_RAW_WRITE, str(path), str(ids["Pier"])],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert not in_step(path)  # the deleted article's words are still in the index

    db = open_db(path)

    assert in_step(path)
    assert indexed(db, "pilings") == []
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (4,)
    db.conn.close()


def test_a_store_that_cannot_be_written_opens_and_reads_with_a_rebuild_due(tmp_path):
    """A read-only store whose kept marks could not be rebuilt at its open: the open failed
    ('the database is read-only'), so a store read from a read-only copy never opened."""
    path = tmp_path / "s.db"
    db, ids, _ = with_damaged(path, "Pier")
    with db.conn:  # a raw write whose rebuild stays due (its process killed: see above)
        db.conn.execute("DELETE FROM articles WHERE id = ?", [ids["Pier"]])
    db.conn.close()  # (as the kill: no rebuild)
    read_only = Database(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True))

    rebuild_marked(read_only)

    assert read_only.execute("SELECT count(*) FROM articles").fetchone() == (4,)
    read_only.conn.close()
    db = open_db(path)  # one that can write rebuilds it
    assert in_step(path)
    db.conn.close()


def test_a_stop_during_the_rebuild_at_close_still_closes_and_keeps_it_due(tmp_path, monkeypatch):
    """Ctrl-C or SIGTERM while the close rebuilt: the connection stayed open (its files and
    locks held until the process ended); the rebuild is undone and done by the next open."""
    path = tmp_path / "s.db"
    db, ids, _ = with_damaged(path, "Pier")
    library = Library(db)
    with db.conn:
        db.conn.execute("DELETE FROM articles WHERE id = ?", [ids["Pier"]])

    def stopped(self: Database) -> None:
        if self.known_texts.stale:
            raise KeyboardInterrupt

    monkeypatch.setattr(Database, "rebuild_stale", stopped)
    with pytest.raises(KeyboardInterrupt):
        library.close()
    monkeypatch.undo()

    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        db.conn.execute("SELECT 1")
    open_db(path).conn.close()
    assert in_step(path)
