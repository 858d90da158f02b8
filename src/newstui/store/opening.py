"""Open a store with the right pragmas and bring its schema up to date (open_db), or read-only
where its folder cannot be written; close it.
"""

from __future__ import annotations

import functools
import sqlite3
import time
from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from newstui.errors import StoreError
from newstui.paths import opened_as_written
from newstui.store.backup import copy_store
from newstui.store.db import (
    Database,
    application_id,
    busy_seconds,
    schema_version,
    schema_version_of,
    write_transaction,
)
from newstui.store.failures import (
    LITTLE_SPACE,
    SQLITE_FULL,
    SQLITE_IOERR,
    SQLITE_IOERR_WAL_INDEX,
    disk_full,
    io_error,
    is_busy,
    little_space,
    newer_store,
    unknown_version,
)
from newstui.store.index_checks import CHANGED, MISSING, taken_name, unusable_indexes
from newstui.store.index_repair import make_unusable_indexes, rebuild_marked
from newstui.store.migrations import migrate, raise_if_stopped
from newstui.store.schema import SCHEMA_VERSION
from newstui.store.sql_functions import casefold
from newstui.store.title_order import keep_title_order
from newstui.store.upgrade_copies import KeptCopy, journal_too_long, last_written
from newstui.store.vacuum import compact, reclaim_free_pages
from newstui.store.wal import keep_log_small, write_ahead_log

if TYPE_CHECKING:
    import threading
    from collections.abc import Callable
    from pathlib import Path

    from newstui.model.store_upgrade import StoreUpgrade


# A new store's page size. An article's row (packed text, summary and links) is 1-4 KB: 4 KiB
# pages (SQLite's default) held two or three and left ~23 % of the article table's pages unused
# at the end; 8 KiB pages leave about half as much (a store's page size is fixed once it has
# tables: older stores keep theirs).
PAGE_SIZE = 8192


def open_db(
    path: Path | str,
    *,
    threads: bool = False,
    upgrading: Callable[[int], None] | None = None,
    stop: threading.Event | None = None,
    upgraded: Callable[[StoreUpgrade], None] | None = None,
    reading: bool = False,
    upgrade_elsewhere: Callable[[], None] | None = None,
) -> Database:
    """Open (creating if needed) a newstui database: WAL, foreign keys, busy timeout, migrated.
    `upgrading` is called with the number of stored articles before a slow migration (see
    slow_upgrade), so a command can say why its first open takes a while. Setting `stop` (from
    another thread) ends a migration under way: its step is rolled back, the steps done stay,
    and StoreError says the upgrade stopped. An existing store this open upgrades is first
    copied beside it (keep_older_copy), and `upgraded` is called once the upgrade is done.
    `reading`: for a command that only reads, where the write-ahead log's index cannot be made
    (a file-size limit, a quota) the store is read holding it alone (_open_db's `alone`).
    `upgrade_elsewhere` is called, in `upgrading`'s place, when another process is upgrading
    the store: this open waits for that upgrade (see migrate)."""
    hooks = _OpenHooks(upgrading, upgraded, upgrade_elsewhere)
    if reading and not _wal_index_fits():  # (not even tried: it would leave a -shm behind)
        return _open_db(path, threads, hooks, stop, alone=True)
    try:
        return _open_db(path, threads, hooks, stop, alone=False)
    except StoreError as error:
        cause = error.__cause__
        code = getattr(cause, "sqlite_errorcode", None)
        if not reading or code not in SQLITE_IOERR_WAL_INDEX:
            raise
        return _open_db(path, threads, hooks, stop, alone=True)


class _OpenHooks(NamedTuple):
    """What open_db calls as it upgrades a store (see open_db)."""

    upgrading: Callable[[int], None] | None
    upgraded: Callable[[StoreUpgrade], None] | None
    upgrade_elsewhere: Callable[[], None] | None


WAL_INDEX_BYTES = 32 * 1024  # the -shm file every reader of a WAL store maps (its first part)


def _wal_index_fits() -> bool:
    """Whether this process may write a file as large as the write-ahead log's index: a
    file-size limit (`ulimit -f`) below it fails the first read of a WAL store."""
    try:
        import resource
    except ImportError:  # (no such limits here)
        return True
    soft = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    return soft == resource.RLIM_INFINITY or soft >= WAL_INDEX_BYTES


def _open_db(
    path: Path | str,
    threads: bool,
    hooks: _OpenHooks,
    stop: threading.Event | None,
    *,
    alone: bool,
) -> Database:
    """open_db's work. `alone`: SQLite's EXCLUSIVE locking mode, in which the write-ahead log's
    index is kept in memory, not in the -shm file every reader otherwise maps and may have to
    make or grow; the file is locked from the first read to the close (another process waits,
    as for a write), so only a short command that only reads opens a store so."""
    opened_at = time.monotonic()
    memory = str(path) == ":memory:"
    if not memory and not opened_as_written(path):
        from pathlib import Path

        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"{path}: cannot create database folder: {exc.strerror}", source=str(path)
            ) from exc
    conn: sqlite3.Connection | None = None
    # (when it was last written, before this open turns a copy back into WAL mode, a write)
    kept = KeptCopy(
        str(path),
        keep=not memory,
        written=0 if memory else last_written(path),
        copy_store=copy_store,
        spare=LITTLE_SPACE,
    )
    try:
        conn = sqlite3.connect(str(path), timeout=busy_seconds(), check_same_thread=not threads)
        conn.execute(f"PRAGMA busy_timeout = {int(busy_seconds() * 1000)}")
        if alone:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        version = 0 if memory else schema_version_of(conn)
        if version > SCHEMA_VERSION:  # before anything changes the file (WAL: its header)
            conn.close()
            raise newer_store(path, version)
        if version < 0:  # (hostile r45 L5: "table feeds already exists", and a FILE.v-5 made)
            conn.close()
            raise unknown_version(path, version)
        # both only take before the first table (not run on a store another newstui made
        # since the version was read: the second writes the header, waiting for its writes)
        if version == 0 and not memory and refuse_foreign(conn, path) == 0:
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        if not memory:
            write_ahead_log(conn)
            keep_log_small(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        # tags compare as Python does ("Ökonomie" is "ökonomie"; NOCASE folds ASCII only)
        conn.create_function("casefold", 1, casefold, deterministic=True)
        db = Database(conn)
        before = schema_version(db)
        if stop is not None:  # looked at every 1,000 steps of SQLite's machine
            conn.set_progress_handler(stop.is_set, 1000)
        kept.keep = kept.keep and application_id(db) == 0
        lost: list[str] = []  # (the user's indexes a step rebuilding their table dropped)
        compacting = migrate(
            db, hooks.upgrading, kept.make, hooks.upgrade_elsewhere, stop=stop, lost_indexes=lost
        )
        if stop is not None:  # (waits for another's lock, its index rebuild: `stop` seen)
            db.while_busy = functools.partial(raise_if_stopped, stop)
        make_unusable_indexes(db, path)
        rebuild_marked(db)
        keep_title_order(db)  # (keys another name_order made: schema 54)
        db.while_busy = None
        if compacting and not memory:
            compact(db)
        elif 0 < before < schema_version(db) and not memory:
            reclaim_free_pages(db, at_least=1)  # what a migration rebuilt left free
        else:
            reclaim_free_pages(db)
        if stop is not None:
            conn.set_progress_handler(None, 0)
            if stop.is_set() and schema_version(db) < SCHEMA_VERSION:  # (a VACUUM just skips)
                raise sqlite3.OperationalError("interrupted")
        if kept.upgrade is not None and hooks.upgraded is not None:
            done = replace(kept.upgrade, new_version=schema_version(db), lost_indexes=tuple(lost))
            hooks.upgraded(done)
    except sqlite3.OperationalError as exc:
        if stop is not None and stop.is_set():
            if conn is not None:
                conn.close()
            raise StoreError(
                f"{path}: the upgrade was stopped before it was done; it goes on at the next start",
                source=str(path),
            ) from exc
        import os.path  # (only on this failure: the start does not load it here)

        if not memory and os.path.isdir(path):  # `--db ~/news`: a folder given for the file
            example = os.path.join(path, "newstui.db")
            raise StoreError(
                f"{path}: is a folder, not a database file (e.g. {example})", source=str(path)
            ) from exc
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code == SQLITE_FULL or (code == SQLITE_IOERR and not memory and little_space(path)):
            raise disk_full(path, exc) from exc  # (an upgrade's writes, the log's index)
        if code == SQLITE_IOERR:  # a quota, a file-size limit: not the store's fault
            if conn is not None:
                conn.close()
            raise io_error(path, exc) from exc
        if is_busy(exc):
            raise open_busy(path, exc, time.monotonic() - opened_at) from exc
        if "unable to open" in str(exc) or "readonly" in str(exc):
            if conn is not None:
                conn.close()
            read_only = None if memory else open_read_only(path, threads=threads)
            if read_only is not None:
                return read_only
            if not memory and (too_long := journal_too_long(str(path))):
                raise StoreError(too_long, source=str(path)) from exc
            raise StoreError(
                f"{path}: cannot open the database for writing ({exc}); newstui needs write "
                "access to the file and its folder",
                source=str(path),
            ) from exc
        raise StoreError(f"{path}: not a usable newstui database: {exc}", source=str(path)) from exc
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a usable newstui database: {exc}", source=str(path)) from exc
    except StoreError:  # (a store a newer newstui upgraded meanwhile, a full disk: not kept open)
        if conn is not None:
            conn.close()
        raise
    return db


def open_busy(path: Path | str, exc: sqlite3.Error, waited: float) -> StoreError:
    """The one line for an open another process's lock refused after `waited` seconds: the
    wait of BUSY_SECONDS in vain, or sooner, a lock SQLite waits for none of (an open that
    failed at once was said to have waited 30 s: r46 race, the WAL switch before it was
    retried)."""
    if waited >= busy_seconds() * 0.9:  # (SQLite's waits end on the millisecond)
        return StoreError(
            f"{path}: busy: another process kept it locked for {busy_seconds():g} s (newstui "
            "upgrading a large store at its first open, or a long write); try again once it "
            "is done",
            source=str(path),
        )
    return StoreError(
        f"{path}: busy: refused after {waited:.1f} s ({exc}): another process held a lock on "
        "it that SQLite does not wait for; try again once that process is done",
        source=str(path),
    )


def open_read_only(path: Path | str, *, threads: bool = False) -> Database | None:
    """The store at `path` opened read-only where its folder cannot be written (a read-only
    disk or mount, a snapshot): SQLite cannot make the write-ahead log's index beside it, so
    the file is read as it is (immutable), which holds every committed write when no
    write-ahead log is left beside it. None where that does not hold (StoreError for a store
    that would need an upgrade). Writes to it fail as a read-only file's (raise_refused_write)."""
    import os
    from pathlib import Path

    file = Path(path)
    if not file.is_file() or os.access(file.parent, os.W_OK):
        return None
    log = Path(f"{file}-wal")
    if log.is_file() and log.stat().st_size > 0:  # writes not yet copied into the file
        return None
    uri = f"{file.resolve().as_uri()}?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=not threads)
    try:
        version = schema_version_of(conn)
    except sqlite3.DatabaseError:
        conn.close()
        return None
    if version != SCHEMA_VERSION:
        conn.close()
        if version == 0:
            return None
        if version > SCHEMA_VERSION:
            raise newer_store(path, version)
        if version < 0:
            raise unknown_version(path, version)
        raise StoreError(
            f"{path}: {_read_only_place(file)}, and its schema ({version}) needs upgrading to "
            f"{SCHEMA_VERSION}, which writes it; copy it to a writable folder",
            source=str(path),
        )
    db = Database(conn)
    unusable = unusable_indexes(conn)
    place = _read_only_place(file) if unusable else ""
    db.unusable_indexes = {  # (a statement naming one fails with this line; others read)
        name: f"{path}: {place}, and its index {name} {what}: this cannot be read without it; "
        "newstui makes it again where it can write: copy the store to a writable folder"
        if what in (MISSING, CHANGED)
        else taken_name(path, name, what)
        for name, what in unusable.items()
    }
    conn.create_function("casefold", 1, casefold, deterministic=True)  # (as open_db)
    return db


def _read_only_place(file: Path) -> str:
    """Where a store that cannot be written is, in words: "on a read-only disk" where its file
    system is mounted read-only, else "in a read-only folder" (hostile r45 L5: a folder
    without write permission was called a read-only disk)."""
    import os

    try:
        read_only = bool(os.statvfs(file.parent).f_flag & os.ST_RDONLY)
    except OSError:
        read_only = False
    return "on a read-only disk" if read_only else "in a read-only folder"


def refuse_foreign(conn: sqlite3.Connection, path: Path | str) -> int:
    """Raise StoreError (closing `conn`) when the database at `path`, which no newstui made (its
    schema version is 0), holds tables: another program's (a mistyped --db), which opening
    would have turned into a newstui store (its tables added, its journal made WAL). The
    version is read again with the tables, in one statement (one snapshot): another newstui
    creating the store commits its tables with their version, and tables counted after a
    version read before that commit were taken for another program's. Returns that version
    (not 0: another newstui made the store meanwhile)."""
    version, tables = conn.execute(
        "SELECT (SELECT user_version FROM pragma_user_version), count(*) FROM sqlite_master "
        "WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchone()
    if tables and not version:
        conn.close()
        raise StoreError(
            f"{path}: not a newstui database: a database of another program ({tables} "
            f"table{'s' if tables > 1 else ''} of its own), left as it is; give newstui a new "
            "file or its own",
            source=str(path),
        )
    return int(version or 0)


def close_db(db: Database) -> None:
    """Close the connection, once any index rebuild its committed writes left due is done (a
    write outside Database: see write_transaction). Where it cannot be done now (another
    process writes) the store keeps the marks, and the next open rebuilds them."""
    try:
        if db.known_texts.stale and not db.conn.in_transaction:
            with write_transaction(db):
                pass
    except (sqlite3.OperationalError, StoreError):
        pass  # busy, a read-only file, a full disk: the marks stay (rebuild_marked)
    finally:  # (a stop during the rebuild too: it is rolled back, its marks kept)
        db.conn.close()
