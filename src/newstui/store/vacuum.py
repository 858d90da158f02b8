"""Free pages given back to the file system, and the file rewritten (VACUUM) after an upgrade."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newstui.store.db import Database


FREE_SHARE = 4  # free pages are returned to the file system once they are a 1/FREE_SHARE share


def compact(db: Database) -> bool:
    """Rewrite the file once (VACUUM) so it shrinks and can give back free pages from now on
    (auto_vacuum = INCREMENTAL); skipped, and tried at the next open, while another process
    holds it. True when done."""
    try:
        db.conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        db.conn.execute("VACUUM")
    except sqlite3.OperationalError:
        return False
    return True


def reclaim_free_pages(db: Database, at_least: int = 1024) -> None:
    """Give free pages back to the file system when they are a large share of the file (and
    at least `at_least` pages; any number right after a migration rebuilt tables)."""
    conn = db.conn
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    if free < at_least:
        return
    if at_least >= 1024 and free * FREE_SHARE < conn.execute("PRAGMA page_count").fetchone()[0]:
        return
    try:
        if conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 0:
            compact(db)  # a store made before auto_vacuum: rewrite it once
        else:
            give_back_free_pages(conn)
    except sqlite3.OperationalError:
        pass  # busy: another process writes; the pages are reused meanwhile


def give_back_free_pages(conn: sqlite3.Connection) -> None:
    """Return every free page to the file system (a store with incremental auto_vacuum).

    `PRAGMA incremental_vacuum` frees one page per step, and `execute` takes only the first
    step: `executescript` runs it to the end (and commits what was pending first).
    """
    conn.executescript("PRAGMA incremental_vacuum;")
