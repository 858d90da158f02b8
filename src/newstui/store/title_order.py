"""The titles' sort keys (schema 54's articles.title_order) kept in step with the running
newstui's: a store whose keys another name_order or Unicode version made gets them again."""

from __future__ import annotations

import sqlite3

from newstui.errors import StoreError
from newstui.model.names import name_order_version
from newstui.store.db import Database, is_busy, schema_version, write_transaction
from newstui.store.schema import TITLE_ORDER_AT, TITLE_ORDER_MADE


def keys_made(db: Database) -> str | None:
    """The version of the title keys the store holds (model.names.name_order_version)."""
    row = db.conn.execute(f"SELECT version FROM {TITLE_ORDER_MADE}").fetchone()
    return None if row is None else str(row[0])


def keep_title_order(db: Database) -> int:
    """Work the titles' keys out again where the store's were made by another version of
    name_order (or of Unicode): only rows whose key differs are written. Returns how many were;
    0 too when another process holds the write lock (the next open does it: a stale key lists
    a few titles in the older order, each in one place)."""
    version = name_order_version()
    if schema_version(db) < TITLE_ORDER_AT or keys_made(db) == version:
        return 0
    try:
        with write_transaction(db) as conn:
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
