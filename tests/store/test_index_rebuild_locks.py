"""A full-text index a write left out of step (a damaged text's words, schema 26) is rebuilt
in a transaction that ends: whatever wrote it (Database.execute, write_transaction, or a raw
`with db.conn:` outside them), the next statement leaves no write lock held, and no failure
forgets a rebuild that is still due."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_index_repair import indexed, indexed_unchecked, with_damaged
from test_quote_index import index_matches_quotes

from newstui.store.db import Database, data_version, write_transaction


def other_connection(path: Path) -> Database:
    """A second connection to the store, as another newstui process has (waits 0.2 s at most)."""
    return Database(sqlite3.connect(path, timeout=0.2))


def in_step(path: Path) -> bool:
    """Whether the committed indexes hold the stored articles' and quotes' words and no other
    (read by a connection of its own: what another process sees)."""
    db = other_connection(path)
    try:
        indexed(db, "pilings")  # the integrity-check fails on words of a row that is gone
        return index_matches_quotes(db)
    except sqlite3.DatabaseError:
        return False
    finally:
        db.conn.close()


@pytest.mark.parametrize(
    "read",
    [
        lambda db: db.execute("SELECT count(*) FROM articles").fetchone(),
        data_version,  # the app's store watch, every 2 s
    ],
    ids=["select", "data_version"],
)
def test_a_read_after_a_raw_write_rebuilds_the_index_and_keeps_no_lock(tmp_path, read):
    path = tmp_path / "s.db"
    db, ids, _ = with_damaged(path, "Pier")
    with db.conn:  # a write outside Database: its commit leaves the index out of step
        db.conn.execute("DELETE FROM articles WHERE id = ?", [ids["Pier"]])

    read(db)

    assert not db.conn.in_transaction
    other = other_connection(path)
    other.execute("UPDATE articles SET read = 1 WHERE id = ?", [ids["Tram"]])  # was "locked"
    other.conn.close()
    assert in_step(path)
    assert indexed(db, "pilings") == []
    db.conn.close()


def test_a_write_transaction_ends_raw_writes_with_their_rebuild_even_if_its_block_fails(
    tmp_path,
):
    """Its leading commit ended the raw writes' transaction; its rollback then forgot their
    marks, and the index stayed out of step for good."""
    path = tmp_path / "s.db"
    db, ids, _ = with_damaged(path, "Pier")
    db.conn.execute("DELETE FROM articles WHERE id = ?", [ids["Pier"]])  # opens a transaction

    with pytest.raises(RuntimeError), write_transaction(db):
        raise RuntimeError("stopped half-way")

    assert not db.conn.in_transaction
    assert in_step(path)
    assert db.execute("SELECT count(*) FROM articles WHERE id = ?", [ids["Pier"]]).fetchone() == (
        0,
    )
    db.conn.close()


def test_a_rebuild_that_cannot_have_the_lock_stays_due(tmp_path):
    path = tmp_path / "s.db"
    db, ids, _ = with_damaged(path, "Pier")
    db.conn.execute("PRAGMA busy_timeout = 100")
    with db.conn:
        db.conn.execute("DELETE FROM articles WHERE id = ?", [ids["Pier"]])
    other = other_connection(path)
    other.conn.execute("BEGIN IMMEDIATE")  # another process writes meanwhile

    with pytest.raises(sqlite3.OperationalError, match="locked"):
        db.execute("SELECT count(*) FROM articles")

    assert not db.conn.in_transaction
    other.conn.rollback()
    other.conn.close()
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (4,)
    assert not db.conn.in_transaction
    assert in_step(path)
    db.conn.close()


def test_a_stop_during_a_statements_rebuild_rolls_the_statement_back(tmp_path, monkeypatch):
    """Ctrl-C raised in Python between the statement and its commit (a KeyboardInterrupt is
    no Exception): the transaction the statement opened, and its write lock, were kept."""
    path = tmp_path / "s.db"
    db, ids, _ = with_damaged(path, "Pier")

    def stopped(self: Database) -> None:
        if self.known_texts.stale:
            raise KeyboardInterrupt

    monkeypatch.setattr(Database, "rebuild_stale", stopped)
    with pytest.raises(KeyboardInterrupt):
        db.execute("DELETE FROM articles WHERE id = ?", [ids["Pier"]])
    monkeypatch.undo()

    assert not db.conn.in_transaction
    assert not db.known_texts.stale  # the delete that marked the index is undone
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (5,)
    assert indexed_unchecked(db, "pilings") == [ids["Pier"]]  # the article and its words
    db.conn.close()


def test_a_write_returning_rows_outside_a_transaction_is_refused_not_left_open(tmp_path):
    """SQLite cannot commit it before its rows are read, and nothing committed it after: the
    connection kept the write lock."""
    path = tmp_path / "s.db"
    db, ids, _ = with_damaged(path)
    update = "UPDATE articles SET starred = 1 WHERE id = ? RETURNING id"

    with pytest.raises(sqlite3.ProgrammingError, match="write_transaction"):
        db.execute(update, [ids["Tram"]])

    assert not db.conn.in_transaction
    other = other_connection(path)
    other.execute("UPDATE articles SET read = 1 WHERE id = ?", [ids["Tram"]])
    other.conn.close()
    with write_transaction(db):
        assert db.execute(update, [ids["Ferry"]]).fetchall() == [(ids["Ferry"],)]
    starred = db.execute("SELECT id FROM articles WHERE starred = 1").fetchall()
    assert starred == [(ids["Ferry"],)]  # the refused one was rolled back
    db.conn.close()
