"""Two newstui opening a new store at once (the app and a cron `fetch` on a first run): the one
that comes second waits for the other's tables and opens the store, never takes it for another
program's database."""

from __future__ import annotations

import sqlite3

from newstui.library import Library
from newstui.store import open_db
from newstui.store.db import SCHEMA_VERSION


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
