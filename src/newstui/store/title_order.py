"""The titles' sort keys (schema 54's articles.title_order) kept in step with the running
newstui's: a store whose keys another name_order or Unicode version made gets them again."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from newstui.errors import StoreError
from newstui.model.names import name_order_version
from newstui.store.db import Database, busy_seconds, schema_version, write_transaction
from newstui.store.failures import is_busy
from newstui.store.schema import TITLE_ORDER_AT, TITLE_ORDER_MADE


def keys_made(db: Database) -> str | None:
    """The version of the title keys the store holds (model.names.name_order_version)."""
    row = db.conn.execute(f"SELECT version FROM {TITLE_ORDER_MADE}").fetchone()
    return None if row is None else str(row[0])


def keep_title_order(db: Database) -> int:
    """Work the titles' keys out again where the store's were made by another version of
    name_order (or of Unicode): only rows whose key differs are written. Returns how many were;
    0 too when another process holds the write lock (the next open does it: a stale key lists
    a few titles in the older order, each in one place). Another process's write is not waited
    for: a `newstui list` while a long write held the lock waited 30 s for it, unsaid (review
    r48)."""
    version = name_order_version()
    if schema_version(db) < TITLE_ORDER_AT or keys_made(db) == version:
        return 0
    try:
        with _not_waiting(db), write_transaction(db) as conn:
            if keys_made(db) == version:  # (another process's open did it meanwhile)
                return 0
            changed = conn.execute(
                "UPDATE articles SET title_order = name_order(title)"
                " WHERE title_order IS NOT name_order(title)"
            ).rowcount
            conn.execute(f"DELETE FROM {TITLE_ORDER_MADE}")
            conn.execute(f"INSERT INTO {TITLE_ORDER_MADE} (version) VALUES (?)", [version])
    except sqlite3.OperationalError as exc:
        if not is_busy(exc):
            raise
        return 0
    except StoreError:  # a full disk: the keys as they were, read as before
        return 0
    return int(changed)


@contextmanager
def _not_waiting(db: Database) -> Iterator[None]:
    """Within the block, a write that finds another process's lock fails at once (busy), with
    nothing said of a wait (Database.on_busy, while_busy kept for after it)."""
    kept = db.on_busy, db.while_busy
    db.on_busy = db.while_busy = None
    db.conn.execute("PRAGMA busy_timeout = 0")
    try:
        yield
    finally:
        db.conn.execute(f"PRAGMA busy_timeout = {int(busy_seconds() * 1000)}")
        db.on_busy, db.while_busy = kept
