"""Putting a backup back in the store's place (`newstui restore FILE`): the backup checked, the
store as it was kept in a file of its own, and the backup written over the store through
SQLite, under a lock no other connection shares, so a log left beside the store by a newstui
that stopped uncleanly can neither corrupt the restored store nor bring back what was written
after the backup (user test r46 H2: a `cp` back over the store did both)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

from newstui.errors import StoreError
from newstui.model.store_restore import Restored
from newstui.store.db import back_up_file, copy_connection
from newstui.store.schema import SCHEMA_VERSION

NEWSTUI_TABLES = ("articles", "feeds")  # what every newstui store since schema 1 holds


def restore_file(store: str, backup: str, shown: str) -> Restored:
    """Write the newstui store in the file `backup` over the store at `store` (made when there
    is none). `shown`: the backup's name as a line shows it. Raises StoreError, changing
    nothing, when the backup is no whole newstui store this newstui opens, or another process
    has the store open; OSError or sqlite3.Error when a file cannot be written."""
    folder = os.path.dirname(os.path.abspath(store))
    part = os.path.join(folder, f".newstui-restore-{os.getpid()}.part")
    os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        # (a copy, so what is checked is what is put back, and a log beside `backup` is read)
        try:
            version = back_up_file(backup, part)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{shown}: not restored: not a newstui store ({exc})") from None
        size = _checked(part, version, shown)
        if not os.path.exists(store):
            for log in (f"{store}-wal", f"{store}-shm"):  # (one left with no store: not its)
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(log)
            os.replace(part, store)
            return Restored(version, size)
        return _write_over(store, part, version, size)
    finally:
        for leftover in (part, f"{part}-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)


def _checked(part: str, version: int, shown: str) -> int:
    """The size of the copy of a backup in `part`, once it reads as a whole newstui store of a
    version this newstui opens; else StoreError."""
    conn = sqlite3.connect(f"{Path(part).resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version <= 0 or not tables.issuperset(NEWSTUI_TABLES):
            raise StoreError(f"{shown}: not restored: not a newstui store")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{shown}: not restored: a newer newstui made it (schema {version}; this one "
                f"knows up to {SCHEMA_VERSION})"
            )
        problems = [r[0] for r in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{shown}: not restored: damaged ({exc})") from None
    finally:
        conn.close()
    if problems != ["ok"]:
        raise StoreError(f"{shown}: not restored: damaged ({'; '.join(problems)})")
    return os.path.getsize(part)


def _write_over(store: str, part: str, version: int, size: int) -> Restored:
    """The backup's copy in `part` written over the store at `store` through SQLite, under an
    exclusive lock (refused at once when another process has the store open), once the store
    as it was, with what its log holds, is kept in a file beside it. A store SQLite cannot
    read as one (not a database, a damaged header) is moved aside instead (_move_over)."""
    conn = sqlite3.connect(store, timeout=0, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        try:
            conn.execute("BEGIN EXCLUSIVE")  # (reads the log beside it into the view)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise _open_elsewhere(store) from None
            raise
        except sqlite3.DatabaseError:  # (no store to write through: its file is put aside)
            conn.close()
            return _move_over(store, part, version, size)
        conn.execute("COMMIT")  # (the exclusive lock stays: locking_mode)
        kept = _keep(conn, store)
        # Out of WAL first: a backup into a store in WAL mode needs the same page size, and
        # the log (now in the kept copy) is copied in and removed.
        conn.execute("PRAGMA journal_mode = DELETE")
        source = sqlite3.connect(part)
        try:
            source.backup(conn)  # (one transaction: a crash midway leaves the store as it was)
        finally:
            source.close()
    finally:
        conn.close()
    return Restored(version, size, kept, os.path.getsize(kept))


def _open_elsewhere(store: str) -> StoreError:
    """The refusal of a restore over a store another process has open."""
    return StoreError(
        f"{store}: not restored: it is open in another process (quit newstui there, then restore)",
        source=store,
    )


def _move_over(store: str, part: str, version: int, size: int) -> Restored:
    """The backup's copy in `part` put in the place of a store file SQLite cannot read, which
    is kept under the first free `STORE.before-restore` name as it is, with the log beside it
    (`…-wal`); refused while another process has it open."""
    from newstui.store.lock_holder import opened_by_others

    if opened_by_others(store):
        raise _open_elsewhere(store)
    kept = _linked_free(store, store)
    with contextlib.suppress(FileNotFoundError):
        os.replace(f"{store}-wal", f"{kept}-wal")
    os.replace(part, store)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(f"{store}-shm")
    return Restored(version, size, kept, os.path.getsize(kept))


def _keep(conn: sqlite3.Connection, store: str) -> str:
    """The store behind `conn` copied into the first free `STORE.before-restore` (then `.1`,
    `.2`, …), with the store's permissions; its name."""
    folder = os.path.dirname(os.path.abspath(store))
    part = os.path.join(folder, f".newstui-kept-{os.getpid()}.part")
    os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        copy_connection(conn, part)
        with contextlib.suppress(OSError):
            os.chmod(part, stat.S_IMODE(os.stat(store).st_mode))
        return _linked_free(part, store)
    finally:
        for leftover in (part, f"{part}-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)


def _linked_free(file: str, store: str) -> str:
    """`file` given the first free name of `STORE.before-restore`, `.1`, `.2`, … (a hard link,
    which never replaces a file there; a rename where the file system has none); that name."""
    number = 0
    while True:
        kept = f"{store}.before-restore" + (f".{number}" if number else "")
        try:
            os.link(file, kept)
        except FileExistsError:
            number += 1
            continue
        except OSError:  # (a file system without hard links)
            if os.path.lexists(kept):
                number += 1
                continue
            os.rename(file, kept)
        return kept
