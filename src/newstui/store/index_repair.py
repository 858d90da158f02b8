"""Indexes made or rebuilt when a store opens: the named ones a store lacks or holds on other
terms, and the full-text indexes a write left marked for a rebuild (schema 27).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from newstui.errors import StoreError
from newstui.store.db import write_transaction
from newstui.store.failures import SQLITE_READONLY, is_busy, is_interrupt
from newstui.store.index_checks import CHANGED, MISSING, taken_name, unusable_indexes
from newstui.store.kept_stops import signals_kept
from newstui.store.schema import NAMED_INDEXES
from newstui.store.schema_sql import INDEX_REBUILDS, PREFIX_INDEX

if TYPE_CHECKING:
    from pathlib import Path

    from newstui.store.db import Database


def make_unusable_indexes(db: Database, path: Path | str) -> None:
    """Make again each index statements name that the store lacks, or holds with another
    definition (unusable_indexes), in one write transaction: another process opening the store
    at once finds them made (hostile r45 M3: with `articles_fold` dropped, search, tags and the
    counts said only "no such index"). Well under a second for 100,000 articles. Where the file
    cannot be written they are left to `db.unusable_indexes`: the store is read, and only a
    statement that names one fails (hostile r46 L1: every command was refused); so is one whose
    name a table or view of the user's takes, which is never dropped (it may hold what the
    user stored)."""
    unusable = unusable_indexes(db.conn)
    taken = {name: what for name, what in unusable.items() if what not in (MISSING, CHANGED)}
    db.unusable_indexes = {name: taken_name(path, name, what) for name, what in taken.items()}
    if len(taken) == len(unusable):
        return
    try:
        with write_transaction(db) as conn:
            for name, what in unusable_indexes(conn).items():  # (read again under the lock)
                if what == CHANGED:
                    conn.execute(f"DROP INDEX {name}")
                if what in (MISSING, CHANGED):
                    conn.execute(NAMED_INDEXES[name])
    except StoreError as error:  # (a full disk, a quota: their own lines)
        code = (getattr(error.__cause__, "sqlite_errorcode", None) or 0) & 0xFF
        if code != SQLITE_READONLY:
            raise
        db.unusable_indexes |= {
            name: f"{path}: the file is read-only, and its index {name} {what}: this cannot be "
            "read without it; give newstui write access to the file, and it makes the index again"
            for name, what in unusable.items()
            if name not in taken
        }


def rebuild_marked(db: Database) -> None:
    """Rebuild the full-text indexes the store holds marks for (schema 27): a write committed
    them, and its process was killed (or could not have the write lock at its close) before
    its next write transaction rebuilt them, or an upgrade asked for it (schema 28, 30). The
    marks are read again under the write lock, so of two processes opening the store at once
    only the first rebuilds. A stop (Ctrl-C, SIGTERM, open_db's `stop`) is raised, the marks
    kept for the next open."""
    pending = {name for (name,) in db.conn.execute("SELECT name FROM index_rebuilds")}
    if not pending:
        return
    try:
        with signals_kept(), write_transaction(db):  # rebuilt, marks deleted, at its end
            marked = {name for (name,) in db.conn.execute("SELECT name FROM index_rebuilds")}
            db.known_texts.stale.update(marked & INDEX_REBUILDS.keys())
            db.conn.execute("DELETE FROM index_rebuilds")  # (a name no index has, too)
    except sqlite3.OperationalError as exc:
        # (a stop inside an SQL function is raised by write_transaction: raise_kept_stop)
        locked = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF == sqlite3.SQLITE_LOCKED
        if is_interrupt(exc) or not (is_busy(exc) or locked):
            raise  # open_db's stop (its handler says the upgrade stopped), or a real error
        _left_marked(db, pending)  # busy: see below
    except StoreError:  # a read-only file, a full disk (the rebuild's writes rolled back)
        _left_marked(db, pending)  # (else each statement tried again): an open that can


def _left_marked(db: Database, pending: set[str]) -> None:
    """The marked rebuilds were not done at this open (busy, or a file that cannot be written):
    not tried again at each statement; prefixes go to the stemmed index while theirs waits."""
    db.known_texts.stale.clear()
    db.prefix_pending = PREFIX_INDEX in pending
