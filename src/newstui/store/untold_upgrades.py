"""An upgrade of the store not yet told to a person: the version it began at, kept until a run
whose output a person reads (the app, a command on a terminal) has said what it changed. A
status line's `newstui unread` (its stderr discarded) may be the run that upgrades the store;
its note was lost for good. One row of the store's key-value table, `sync_state` (named for
its first user): no schema step."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from newstui.store.failures import is_busy

if TYPE_CHECKING:
    from newstui.store.db import Database

UNTOLD = "upgrade_untold"
"""sync_state's key: the schema version the oldest upgrade not yet told began at."""


def mark_untold(conn: sqlite3.Connection, began: int) -> None:
    """Remember, in the upgrade's last transaction, that the store was upgraded from schema
    `began`; an older untold upgrade's version is kept (it changed more)."""
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", [UNTOLD]).fetchone()
    if row is not None and str(row[0]).isdigit() and int(row[0]) <= began:
        return
    conn.execute(
        "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)", [UNTOLD, str(began)]
    )


def untold_upgrade(db: Database) -> int | None:
    """The schema version the store was upgraded from that no person has been told of, or
    None."""
    row = db.execute("SELECT value FROM sync_state WHERE key = ?", [UNTOLD]).fetchone()
    return int(row[0]) if row is not None and str(row[0]).isdigit() else None


def upgrade_told(db: Database, began: int) -> bool:
    """Forget the untold upgrade from `began` (said now); one from an older version, marked
    meanwhile by another process, stays. At once or not at all: another process's write lock
    is not waited for (a command on a terminal while cron fetches); False then, and the upgrade
    is said again at the next run."""
    conn = db.conn
    waits = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        db.execute("DELETE FROM sync_state WHERE key = ? AND value = ?", [UNTOLD, str(began)])
    except sqlite3.OperationalError as exc:
        if not is_busy(exc):
            raise
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {waits}")
    return True
