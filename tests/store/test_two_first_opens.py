"""Two newstui opening a new store at once (the app and a cron `fetch` on a first run): the one
that comes second waits for the other's tables and opens the store, never takes it for another
program's database, nor fails on the other's lock or schema."""

from __future__ import annotations

import sqlite3

from older_store import made_by_schema

from newstui.library import Library
from newstui.store import open_db
from newstui.store.db import (
    SCHEMA_VERSION,
    Database,
    add_text_functions,
    version_checked,
    write_ahead_log,
    write_transaction,
)
from newstui.store.schema import MIGRATIONS


def test_a_store_another_newstui_creates_meanwhile_is_opened_not_refused_as_foreign(
    tmp_path, monkeypatch
):
    """The second read the store's version (0: nothing committed yet), then the first committed
    its first tables, then the second counted them: 'not a newstui database: a database of
    another program (15 tables of its own)' (tests/test_fetch.py's two fetches at once; 1 pair of
    opens in 140 under load)."""
    import newstui.store.db

    path = tmp_path / "n.db"
    real = newstui.store.db.schema_version_of
    others: list[sqlite3.Connection] = []
    reads = []

    def version_read_before_the_other_commits(conn: sqlite3.Connection) -> int:
        version = real(conn)
        reads.append(version)
        if len(reads) == 1:  # the other newstui creates the store right after this first read
            others.append(open_db(path).conn)
        return version

    monkeypatch.setattr(
        newstui.store.db, "schema_version_of", version_read_before_the_other_commits
    )

    db = open_db(path)

    assert real(db.conn) == SCHEMA_VERSION
    monkeypatch.undo()
    library = Library(db)
    assert library.count() == 0
    library.close()
    others[0].close()


def test_a_new_store_another_newstui_is_writing_goes_into_wal_mode_once_that_write_is_done(
    tmp_path,
):
    """The switch writes the header from within a read, for which SQLite waits for no writer:
    the second of two fetches making one store failed at once, 'database is locked'."""
    path = tmp_path / "n.db"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA auto_vacuum = INCREMENTAL")  # its first page written, not in WAL mode
    other.execute("BEGIN IMMEDIATE")  # ... and its write lock held, as its own switch holds it
    conn = sqlite3.connect(path)
    pauses: list[float] = []

    def other_done(seconds: float) -> None:
        pauses.append(seconds)
        other.execute("COMMIT")

    write_ahead_log(conn, pause=other_done)

    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert len(pauses) == 1
    conn.close()
    other.close()


def test_an_upgrade_step_after_another_newstuis_step_runs_on_the_schema_that_step_left(tmp_path):
    """This newstui read the tables of schema 7, then another took the step to 8 (which drops
    quotes.text): step 9 adds it again, which the schema read before refused as a duplicate."""
    path = tmp_path / "n.db"
    made = made_by_schema(path, 7)
    made.commit()
    made.close()
    db = Database(sqlite3.connect(path, isolation_level=None))
    add_text_functions(db.conn)
    db.conn.execute("SELECT text FROM quotes").fetchall()  # this newstui's copy of the schema
    other = sqlite3.connect(path)  # another newstui, taking the step from 7
    add_text_functions(other)
    with other:
        for statement in MIGRATIONS[7]:
            other.execute(statement)
        other.execute("PRAGMA user_version = 8")
    other.close()

    with write_transaction(db) as conn:
        assert version_checked(conn) == 8
        for statement in MIGRATIONS[8]:
            conn.execute(statement)

    assert "text" in {row[1] for row in db.conn.execute("PRAGMA table_info(quotes)")}
    db.conn.close()
