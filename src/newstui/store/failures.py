"""SQLite's failures as the one line a user reads: a read-only file, a full disk, an I/O error, a
lock (busy), a store of a newer or unknown version; and the file a connection reads.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from newstui.disk_room import free_bytes
from newstui.errors import DiskFullError, StoreError
from newstui.store.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    from pathlib import Path


SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_FULL = 13
LITTLE_SPACE = 1 << 20  # bytes free on its disk below which a store's I/O error is a full disk


def raise_refused_write(conn: sqlite3.Connection, exc: BaseException) -> None:
    """For a write the file refused (read-only, or the disk full), raise a StoreError naming
    the database, in one line that says what is kept and what to do; else nothing. A store
    whose file cannot be written still opens (SQLite then reads it read-only): reading works,
    and each write fails so."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF  # (the primary code)
    if code not in (SQLITE_READONLY, SQLITE_FULL, SQLITE_IOERR):
        return
    try:
        path = connection_file(conn)
    except sqlite3.Error:
        path = "the database"
    if code == SQLITE_IOERR and not little_space(path):
        raise io_error(path, exc) from exc
    if code != SQLITE_READONLY:
        raise disk_full(path, exc) from exc
    raise StoreError(
        f"{path}: the database is read-only ({exc}): newstui reads it but cannot save "
        "changes; it needs write access to the file and its folder",
        source=path,
    ) from exc


def disk_full_error(conn: sqlite3.Connection, exc: BaseException) -> DiskFullError | None:
    """The one line for an SQLite error that is a write the full disk refused, else None
    (a save inside a savepoint leaves SQLite's own error, "database or disk is full")."""
    try:
        raise_refused_write(conn, exc)
    except DiskFullError as full:
        return full
    except StoreError:
        return None
    return None


def little_space(path: Path | str) -> bool:
    """Whether the disk of the database at `path` has less than LITTLE_SPACE free: a write's
    I/O error there (the write-ahead log's index could not grow: SQLITE_IOERR_SHMSIZE) is a
    full disk."""
    free = free_bytes(str(path))
    return free is not None and free < LITTLE_SPACE


# I/O errors of a read (a failing disk), not of a write the disk, a quota or a limit refused
SQLITE_IOERR_READS = frozenset({10 | 1 << 8, 10 | 2 << 8})  # IOERR_READ, IOERR_SHORT_READ
# the write-ahead log's index (-shm) could not be made or grown: every reader of a store in WAL
# mode maps it, so a file-size limit (`ulimit -f`) or a quota stops even `list` there
SQLITE_IOERR_WAL_INDEX = frozenset({10 | 18 << 8, 10 | 19 << 8, 10 | 21 << 8})  # SHMOPEN/SIZE/MAP


def io_error(path: Path | str, exc: BaseException) -> StoreError:
    """The one line for an I/O error (SQLITE_IOERR) where the disk has room: a quota (EDQUOT),
    a file-size limit (EFBIG) or a failing disk; never "not a usable database" (user test r45
    M6: `ulimit -f 1` made `list` call a healthy store that)."""
    code = getattr(exc, "sqlite_errorcode", None) or 0
    if code in SQLITE_IOERR_READS:
        return StoreError(
            f"{path}: cannot read the database ({exc}: a failing disk?); it is left as it is",
            source=str(path),
        )
    return StoreError(
        f"{path}: cannot write to the database's folder ({exc}: a full disk, a quota or a "
        "file-size limit?); what was stored before is kept",
        source=str(path),
    )


def disk_full(path: Path | str, exc: BaseException) -> DiskFullError:
    """The one line for a write that failed for want of disk space (SQLITE_FULL)."""
    return DiskFullError(
        f"{path}: the disk is full ({exc}): what was stored before is kept; free some space "
        "and try again",
        source=str(path),
    )


def unknown_version(path: Path | str, version: int) -> StoreError:
    """The one line for a store whose schema version no newstui writes (below 0): left as it
    is, and no copy made."""
    return StoreError(
        f"{path}: not a newstui database (its version is {version}); it is left as it is",
        source=str(path),
    )


def connection_file(conn: sqlite3.Connection) -> str:
    """The file of a connection's main database (":memory:" for one in memory)."""
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row and row[2] else ":memory:"


def newer_store(path: Path | str, version: int) -> StoreError:
    """The one line for a store a newer newstui upgraded (schema `version`), which this one
    cannot read and does not change; it names the copy that upgrade kept of the store at this
    newstui's version, where there is one, and how to read it here (user test r48 LOW-34: a
    cron line calling the older newstui failed every run, the copy beside it unsaid)."""
    import shlex

    from newstui.store.upgrade_copies import copy_for

    copy = "" if str(path) == ":memory:" else copy_for(str(path), SCHEMA_VERSION)
    kept = (
        ", or read the store as it was before that upgrade, in the copy it kept for this "
        f"newstui: --db {shlex.quote(copy)}"
        if copy
        else ""
    )
    return StoreError(
        f"{path}: store version {version} is newer than this newstui understands "
        f"({SCHEMA_VERSION}): a newer newstui upgraded it; it is left as it is: open it with "
        f"that newstui{kept}",
        source=str(path),
    )


def is_interrupt(exc: sqlite3.Error) -> bool:
    """Whether SQLite stopped a statement because it was asked to (SQLITE_INTERRUPT: the
    progress handler of open_db's `stop`, or Connection.interrupt)."""
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF == sqlite3.SQLITE_INTERRUPT


def is_busy(exc: sqlite3.Error) -> bool:
    """Whether SQLite failed because another connection held the lock it needed (SQLITE_BUSY,
    also as an extended code)."""
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF == sqlite3.SQLITE_BUSY
