"""What a command learns of a store before it opens it, read without changing anything: a slow
upgrade ahead or under way, a newer schema, another process holding it open.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from newstui.store import lock_holder
from newstui.store.db import schema_version_of
from newstui.store.migrations import UPGRADE_BEGAN, slow_upgrade
from newstui.store.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def upgrade_ahead(path: Path | str) -> int:
    """How many articles the store at `path` holds when its next open runs a slow upgrade
    (slow_upgrade), else 0. Read without changing anything; a missing or unreadable file is 0
    (the open itself says what is wrong)."""

    def articles(conn: sqlite3.Connection) -> int:
        if not slow_upgrade(schema_version_of(conn), conn):
            return 0
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    return _read_only(path, articles)


def upgrade_under_way(path: Path | str) -> int | None:
    """How many articles the store at `path` holds when another process is upgrading it now:
    the store is behind this newstui's schema with an upgrade's step taken (its mark,
    UPGRADE_BEGAN) and another process holds its write lock; else None (also where the system
    names no lock's holder). Read as upgrade_ahead reads: an app started then waits for it on
    its upgrade screen, not silently before its first frame (r46 openfix noticed)."""
    if str(path) == ":memory:" or lock_holder.write_lock_holder(str(path)) is None:
        return None

    def articles(conn: sqlite3.Connection) -> int:  # (one more: 0 is "none under way")
        marked = conn.execute(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = ?)", [UPGRADE_BEGAN]
        ).fetchone()[0]
        if schema_version_of(conn) >= SCHEMA_VERSION or not marked:
            return 0
        return 1 + int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    found = _read_only(path, articles)
    return found - 1 if found else None


def schema_ahead(path: Path | str) -> int:
    """The schema version of the store at `path` when it is newer than this newstui knows (an
    open refuses it), else 0. Read as upgrade_ahead reads."""
    version = _read_only(path, schema_version_of)
    return version if version > SCHEMA_VERSION else 0


def open_elsewhere(path: Path | str) -> bool:
    """Whether another process has the store at `path` open: an exclusive lock on it cannot be
    had at once (a connection in WAL mode holds a shared lock however idle; BEGIN IMMEDIATE
    would not see it). Changes nothing; a missing file is not open."""
    from pathlib import Path

    if str(path) == ":memory:" or not Path(path).is_file():
        return False
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()
    return False


def _read_only(path: Path | str, read: Callable[[sqlite3.Connection], int]) -> int:
    """`read` of the store at `path`, opened read-only; 0 for a missing or unreadable file."""
    from pathlib import Path

    file = Path(path)
    if str(path) == ":memory:" or not file.is_file():
        return 0
    try:
        conn = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return 0
    try:
        return read(conn)
    except sqlite3.Error:
        return 0
    finally:
        conn.close()
