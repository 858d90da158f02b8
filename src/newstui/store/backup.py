"""Copies of a store: a backup (SQLite's online backup, one read transaction), a read-only copy,
and an older copy taken to this schema (restore's).
"""

from __future__ import annotations

import sqlite3
import time
from typing import TYPE_CHECKING

from newstui.store.db import Database, busy_seconds, busy_step_seconds, schema_version_of
from newstui.store.disk import no_logs_made, part_file, take_mode
from newstui.store.failures import is_busy
from newstui.store.index_repair import rebuild_marked
from newstui.store.migrations import migrate
from newstui.store.sql_functions import casefold
from newstui.store.vacuum import compact, reclaim_free_pages

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


def back_up_file(
    source: Path | str, target: Path | str, waiting: Callable[[], None] | None = None
) -> int:
    """Copy the whole store in the file `source` into the file `target` (made or replaced: the
    copy is written beside it, disk.part_file, and renamed once whole, so a failed backup leaves
    an earlier one as it was; a `target` that is a symbolic link stays one, its target
    written, as restore does: review r47 L8) with SQLite's online backup API in one step: one read
    transaction, so the copy is the store as of one moment while another process writes (WAL:
    that writer is not held up). The copy is
    one self-contained file (journal_mode DELETE): no -wal beside it is needed. `source` is
    opened as it is, never made nor upgraded: an older newstui's store is copied at its own
    schema (r44 M4: the "backup" was upgraded, and the store with it). `waiting` is called once
    when another process's lock holds the read up (see _first_read). Returns that schema
    version; sqlite3.Error when the file cannot be read."""
    import os
    from pathlib import Path

    file = Path(source).resolve()
    if os.path.islink(target):
        target = os.path.realpath(target)
    folder = os.path.dirname(os.path.abspath(target))
    with part_file(folder, "backup", str(file)) as part, no_logs_made(str(file)):
        try:
            version = _copy_file(file, "mode=rw", part, waiting)  # (rw: not made when missing)
        except sqlite3.OperationalError as exc:
            # a folder that cannot be written (a read-only disk, a snapshot) takes no index of
            # the write-ahead log: the file is read as it is, as open_read_only does, when no
            # log is left beside it
            log = Path(f"{file}-wal")
            pending = log.is_file() and log.stat().st_size > 0
            unopened = "unable to open" in str(exc) or "readonly" in str(exc)
            if not unopened or pending or os.access(file.parent, os.W_OK):
                raise
            version = _copy_file(file, "mode=ro&immutable=1", part)
        os.replace(part, target)
    return version


def copy_file_read_only(source: str, target: str) -> int:
    """back_up_file's copy of the store in the file `source`, which is only read (no log may
    be beside it: it would be ignored); its schema version (review r46 L4: restore's read
    of a backup wrote to it)."""
    from pathlib import Path

    return _copy_file(Path(source).resolve(), "mode=ro&immutable=1", target)


def upgrade_copy(path: str, upgrading: Callable[[int], None] | None = None) -> None:
    """Take the store in the file `path`, a copy no other process opens (restore's of an older
    backup: review r47 M2), to SCHEMA_VERSION by the steps every open takes (migrate), with the
    index rebuilds they ask for and the rewrite an open makes after them (compact); no copy of
    it is kept (the file it was copied from is that). `upgrading` as for open_db. sqlite3.Error
    or StoreError when a step fails."""
    conn = sqlite3.connect(path, timeout=0)
    try:
        conn.execute("PRAGMA synchronous = OFF")  # (a copy: one a crash cut short is made again)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.create_function("casefold", 1, casefold, deterministic=True)
        db = Database(conn)
        compacting = migrate(db, upgrading)
        rebuild_marked(db)
        if compacting:
            compact(db)
        else:
            reclaim_free_pages(db, at_least=1)  # (what the steps rebuilt left free)
    finally:
        conn.close()


def _copy_file(
    file: Path, query: str, target: Path | str, waiting: Callable[[], None] | None = None
) -> int:
    """The store in `file` (opened by its URI with `query`) copied into `target`, which takes
    the store's permissions (user test r44 L5: a backup was 0600 beside a 0644 store, and a
    copy made while the store was 0600 was 0644); the store's schema version."""
    conn = sqlite3.connect(
        f"{file.as_uri()}?{query}",
        uri=True,
        timeout=busy_seconds() if waiting is None else busy_step_seconds(),
        isolation_level=None,
    )
    try:
        conn.execute("BEGIN")  # one read transaction: the version read is the copy's
        version = _first_read(conn, waiting)
        copy_connection(conn, target)
        conn.execute("COMMIT")
    finally:
        conn.close()
    take_mode(str(target), str(file))  # (written with the owner's write: see part_file)
    return version


def _first_read(conn: sqlite3.Connection, waiting: Callable[[], None] | None) -> int:
    """The schema version behind `conn`, its first read (a store locked by another process
    for reading too, as an exclusive lock does, holds it up to BUSY_SECONDS). With `waiting`,
    the wait goes in steps of the connection's timeout: `waiting` is called once the first
    step is over (a backup said nothing for 30 s: r44 hostfix-dl), and Ctrl-C is handled
    between steps."""
    started = time.monotonic()
    while True:
        try:
            return schema_version_of(conn)
        except sqlite3.OperationalError as exc:
            if waiting is None or not is_busy(exc) or time.monotonic() - started >= busy_seconds():
                raise
        waiting()
        waiting = _nothing


def _nothing() -> None:
    """What a wait already said calls."""


def copy_connection(conn: sqlite3.Connection, target: Path | str) -> None:
    """back_up's copy of the database behind any connection to it."""
    copy = sqlite3.connect(target, isolation_level=None)
    try:
        conn.backup(copy)  # (pages=-1: every page in one step)
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()


def copy_store(path: str, target: str) -> None:
    """The store at `path` copied into the file `target`, for an upgrade's kept copy: through
    another connection, as the upgrade's own holds the write lock, and SQLite's backup refuses a
    source connection that writes (SQLITE_LOCKED, retried for ever)."""
    from pathlib import Path

    _copy_file(Path(path).resolve(), "mode=rw", target)
