"""Putting a backup back in the store's place (`newstui restore FILE`): the backup checked, the
store as it was kept in a file of its own, and the backup written over the store through
SQLite, under a lock no other connection shares, so a log left beside the store by a newstui
that stopped uncleanly can neither corrupt the restored store nor bring back what was written
after the backup (user test r46 H2: a `cp` back over the store did both). FILE is only read
(review r46 L4: opened to write, its log was copied into it), and a disk without room for
the copies refuses it first (user test r46 M3)."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from newstui.disk_room import free_bytes
from newstui.errors import BackupRefused, RestoreFailed, RestoreRoomError, StoreError
from newstui.model.store_restore import Restored
from newstui.store.backup import copy_connection, copy_file_read_only, upgrade_copy
from newstui.store.db import schema_version_of
from newstui.store.disk import (
    file_size,
    new_file_mode,
    part_file,
    remove_dead_parts,
    same_bytes,
    take_mode,
)
from newstui.store.lock_holder import holder_of, opened_by_others, runs_what
from newstui.store.restorable import unmade, unreadable_index, unreadable_text
from newstui.store.schema import SCHEMA_VERSION
from newstui.store.unreadable_backup import damaged, unreadable_reason

NEWSTUI_TABLES = ("articles", "feeds")  # what every newstui store since schema 1 holds


def restore_file(
    store: str, backup: str, shown: str, upgrading: Callable[[int], None] | None = None
) -> Restored:
    """Write the newstui store in the file `backup` over the store at `store` (made when there
    is none), upgraded first where an older newstui made it (its copy: `backup` is never
    written, and stays the copy an older newstui opens; `upgrading` as for open_db). `shown`:
    the backup's name as a line shows it. Raises, changing nothing, BackupRefused when the
    backup is no whole newstui store this newstui opens, StoreError when another process has
    the store open or its disk has too little room; OSError or sqlite3.Error when a file
    cannot be written before the store as it was is kept beside it, RestoreFailed after."""
    # A store that is a symbolic link: its target is what is written, where SQLite keeps the
    # journal and log, and beside which the copies go (review r47 M1, hostile r47 L4: the link
    # was replaced by a file, and the kept copy deleted while the target's journal needed it).
    shown_store = store
    if os.path.islink(store):
        store = os.path.realpath(store)
    folder = os.path.dirname(os.path.abspath(store))
    # (the backup copied in; where there is a store, it kept, and SQLite's journal of the
    # write over it, which holds as much as the backup at most)
    backup_bytes = _with_log(backup)
    there = os.path.exists(store)
    _room_for(store, backup_bytes + (_with_log(store) + backup_bytes) * there, kept=there)
    # (a copy, so what is checked is what is put back, and a log beside `backup` is read)
    # (parts a killed newstui left are swept once the store is this restore's: review r47 L3)
    with part_file(folder, "restore", backup, sweep=False) as part:
        try:
            version = _copy_in(backup, part)
        except sqlite3.DatabaseError as exc:
            if _full(exc):
                raise
            reason = unreadable_reason(backup, shown, str(exc))
            raise BackupRefused(shown, reason, source=backup) from None
        # (a new file's mode, never the backup's: a 0444 backup made a store no command could
        # write, review r47 L4)
        take_mode(part, new_file_mode())
        found = _checked(part, version, (shown, backup), upgrading)
        if not os.path.exists(store):
            _sweep(store, shown_store)
            for log in (f"{store}-wal", f"{store}-shm"):  # (one left with no store: not its)
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(log)
            os.replace(part, store)
            return found
        return _write_over(store, part, found, shown_store)


def _sweep(store: str, shown: str) -> None:
    """Remove the part files killed newstuis left beside the store (its target's folder, and
    the link's, `shown`): hostile r47 L3, a kill -9 left the copy of a backup there."""
    for beside in {os.path.dirname(os.path.abspath(path)) for path in (store, shown)}:
        remove_dead_parts(beside)


RESTORE_SPARE = 64 << 10
"""What a restore leaves free on the disk beyond the copies it writes (64 KiB: what SQLite writes besides the pages)."""


def _with_log(path: str) -> int:
    """The bytes of the SQLite file at `path` with its write-ahead log (what a copy of it
    may take); 0 for what cannot be read."""
    return file_size(path) + file_size(f"{path}-wal")


def _room_for(store: str, needed: int, *, kept: bool) -> None:
    """Refuse, in a line saying what it needs and has, a restore whose disk has less room
    than `needed` bytes and RESTORE_SPARE (user test r46 M3: it failed with "database or disk
    is full" once it had copied the store beside it, and left that copy on the full disk);
    `kept`: the store as it was is copied beside it."""
    free = free_bytes(store)
    if free is None:
        return  # (unknown: tried, and a full disk says so)
    if free < needed + RESTORE_SPARE:
        raise RestoreRoomError(store, needed + RESTORE_SPARE, free, kept=kept)


def _full(exc: sqlite3.Error) -> bool:
    """Whether SQLite failed for want of room on the disk."""
    return "full" in str(exc)


def _copy_in(backup: str, part: str) -> int:
    """The store in the file `backup` copied into `part` (made with its permissions) as one
    self-contained file, `backup` only read: opened read-only when no log is beside it (nor a
    journal), else copied with its log first and the copy's log written into it (review r46
    L4: FILE was opened to write, and a log beside it copied into it; on a read-only disk it
    failed). Its schema version."""
    logs = [f"{backup}{end}" for end in ("-wal", "-journal") if file_size(f"{backup}{end}")]
    if not logs:
        return copy_file_read_only(backup, part)
    shutil.copyfile(backup, part)
    for log in logs:
        shutil.copyfile(log, part + log[len(backup) :])
    conn = sqlite3.connect(part, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")  # (the log written into it, then removed)
        return schema_version_of(conn)
    finally:
        conn.close()


def _checked(
    part: str, version: int, named: tuple[str, str], upgrading: Callable[[int], None] | None
) -> Restored:
    """What the copy of a backup in `part` holds, once it reads as a whole newstui store of a
    version this newstui opens, taken to this newstui's schema where older (review r47 M2: an
    older newstui's store was compared with what today's steps make at its version, which some
    steps no longer do quite as then: every schema-17 store was refused), as newstui makes it
    there and holding texts newstui reads; else BackupRefused. `named`: the backup's name as
    a line shows it, and its path. `upgrading` as for open_db."""
    _whole(part, version, named)
    upgraded = ""
    if version < SCHEMA_VERSION:
        _upgrade(part, version, named, upgrading)
        upgraded = f"upgraded from its schema {version}, "
    conn = sqlite3.connect(f"{Path(part).resolve().as_uri()}?mode=ro", uri=True)
    try:
        # (hostile r47 H1, M3: a backup is untrusted; see store.restorable: a trigger no step
        # makes again is there after the upgrade as before)
        if (unknown := unmade(conn, SCHEMA_VERSION)) is not None:
            raise _refused(
                named, f"{upgraded}{unknown}; newstui puts back only a store as it makes it"
            )
        if (unreadable := unreadable_text(conn, SCHEMA_VERSION)) is not None:
            raise _refused(named, f"{upgraded}{unreadable}: no command could read it")
        if (unsearchable := unreadable_index(conn, SCHEMA_VERSION)) is not None:
            raise _refused(
                named,
                f"{upgraded}{unsearchable}: search, and each fetch storing an article, would fail",
            )
        urls, names = _feeds_held(conn)
        synced = _server_feeds(conn)
    except sqlite3.DatabaseError as exc:
        raise _refused(named, damaged(str(exc))) from None
    finally:
        conn.close()
    return Restored(
        version,
        os.path.getsize(part),
        feed_urls=urls,
        feed_names=names,
        server_feeds=synced,
        upgraded_to=SCHEMA_VERSION if upgraded else 0,
    )


def _refused(named: tuple[str, str], reason: str) -> BackupRefused:
    """The refusal of the backup `named` (as a line shows it, and its path) for `reason`."""
    shown, backup = named
    return BackupRefused(shown, reason, source=backup)


def _whole(part: str, version: int, named: tuple[str, str]) -> None:
    """Refuse (BackupRefused) the copy of the backup `named` in `part` unless it reads as a
    whole newstui store of a version this newstui opens."""
    conn = sqlite3.connect(f"{Path(part).resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version <= 0 or not tables.issuperset(NEWSTUI_TABLES):
            raise _refused(named, "not a newstui store")
        if version > SCHEMA_VERSION:
            raise _refused(
                named,
                f"a newer newstui made it (schema {version}; this one knows up to "
                f"{SCHEMA_VERSION})",
            )
        problems = [r[0] for r in conn.execute("PRAGMA quick_check(3)")]
        if problems != ["ok"]:
            raise _refused(named, damaged("; ".join(problems)))
    except sqlite3.DatabaseError as exc:
        if str(exc).startswith("no such collation sequence"):  # (an index of the user's names it)
            raise _refused(named, f"it names a collation newstui lacks ({exc})") from None
        raise _refused(named, damaged(str(exc))) from None
    finally:
        conn.close()


def _upgrade(
    part: str, version: int, named: tuple[str, str], upgrading: Callable[[int], None] | None
) -> None:
    """The copy of the older schema `version` of the backup `named` in `part` upgraded as every
    open upgrades a store (the next open would: review r47 M2); BackupRefused when a step fails
    on it (a table a later step makes, say), a full disk raised as it is."""
    try:
        upgrade_copy(part, upgrading)
    except sqlite3.Error as exc:
        if _full(exc):
            raise
        raise _not_upgraded(named, version, str(exc)) from None
    except StoreError as exc:
        raise _not_upgraded(named, version, str(exc)) from None


def _not_upgraded(named: tuple[str, str], version: int, reason: str) -> BackupRefused:
    """The refusal of a backup of schema `version` that newstui's upgrade fails on."""
    return _refused(
        named,
        f"it cannot be upgraded from its schema {version} to {SCHEMA_VERSION} ({reason}); "
        "newstui puts back only a store as it makes it",
    )


def _feeds_held(conn: sqlite3.Connection) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The addresses of the feeds the store behind `conn` holds, and their names in the same
    order (none where its schema keeps them otherwise)."""
    for removed in (" AND removed IS NULL", ""):  # (older schemas keep no removed sources)
        try:
            rows = conn.execute(
                "SELECT coalesce(url, key) AS u, coalesce(name, '') FROM feeds "
                f"WHERE kind = 'feed' AND u LIKE 'http%'{removed} ORDER BY u"
            ).fetchall()
        except sqlite3.OperationalError:
            continue
        return tuple(str(r[0]) for r in rows), tuple(str(r[1]) for r in rows)
    return (), ()


def _server_feeds(conn: sqlite3.Connection) -> tuple[str, ...]:
    """The addresses of the feeds the store behind `conn` holds as a sync server's
    subscriptions (those [sync] brings, which feeds.toml does not list: review r48)."""
    from newstui.store.sync import FORMER

    try:
        rows = conn.execute(
            "SELECT coalesce(f.url, f.key) FROM feeds f JOIN sync_feeds s ON s.feed_id = f.id "
            "WHERE f.kind = 'feed' AND substr(s.stream_id, 1, ?) IS NOT ?",
            [len(FORMER), FORMER],
        ).fetchall()
    except sqlite3.OperationalError:
        return ()
    return tuple(str(r[0]) for r in rows)


def _write_over(store: str, part: str, found: Restored, shown: str) -> Restored:
    """The backup's copy in `part` written over the store file `store` (no symbolic link)
    through SQLite, under an exclusive lock (refused at once when another process has the store
    open, naming it `shown`), once the store as it was, with what its log holds, is kept in a
    file beside it. A store SQLite cannot read as one (not a database, a damaged header) is
    moved aside instead (_move_over)."""
    conn = sqlite3.connect(store, timeout=0, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        try:
            conn.execute("BEGIN EXCLUSIVE")  # (reads the log beside it into the view)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise _open_elsewhere(store, shown) from None
            raise
        except sqlite3.DatabaseError:  # (no store to write through: its file is put aside)
            conn.close()
            return _move_over(store, part, found, shown)
        conn.execute("COMMIT")  # (the exclusive lock stays: locking_mode)
        _sweep(store, shown)
        # (the store as it was kept, and SQLite's journal of the write over it: as much as
        # the backup at most; the backup's copy is on the disk already)
        _room_for(store, _with_log(store) + found.bytes, kept=True)
        kept, made = _keep(conn, store)
        try:
            # Out of WAL first: a backup into a store in WAL mode needs the same page size,
            # and the log (now in the kept copy) is copied in and removed.
            conn.execute("PRAGMA journal_mode = DELETE")
            source = sqlite3.connect(part)
            try:
                source.backup(conn)  # (one transaction: a failure midway is rolled back)
            finally:
                source.close()
        except (OSError, sqlite3.Error) as exc:
            conn.close()
            reason = (exc.strerror or str(exc)) if isinstance(exc, OSError) else str(exc)
            # (one there before stays; named while the write is to be rolled back: review
            # r47 L2, it said "as it was" and named no copy)
            if made:
                left = _kept_unless_untouched(store, kept)
            else:
                left = kept if file_size(f"{store}-journal") else ""
            raise RestoreFailed(store, reason.lower(), left) from None
    finally:
        conn.close()
    return replace(found, kept=kept, kept_bytes=os.path.getsize(kept))


def _kept_unless_untouched(store: str, kept: str) -> str:
    """`kept`, the copy of the store made before a write over it that failed, removed when the
    store is as it was (SQLite rolled the write back: no journal is left beside it to roll back
    at the next open), as it would only take room on a disk that may be full (user test r46
    M3); else kept, as the one sure copy of the store as it was. Its name, or ""."""
    if file_size(f"{store}-journal"):
        return kept
    try:
        os.unlink(kept)
    except OSError:
        return kept
    return ""


def _open_elsewhere(store: str, shown: str) -> StoreError:
    """The refusal of a restore over the store file `store` (named `shown`) another process has
    open, naming that process where the system says (user test r46 L4: a busy write named it,
    this did not)."""
    pid = holder_of(store)
    who = "another process" if pid is None else f"another {runs_what(pid)} (pid {pid})"
    return StoreError(
        f"{shown}: not restored: it is open in {who}: quit newstui there, then restore",
        source=shown,
    )


def _move_over(store: str, part: str, found: Restored, shown: str) -> Restored:
    """The backup's copy in `part` put in the place of a store file SQLite cannot read, which
    is kept under the first free `STORE.before-restore` name as it is, with the log beside it
    (`…-wal`); refused while another process has it open."""
    if opened_by_others(store):
        raise _open_elsewhere(store, shown)
    _sweep(store, shown)
    take_mode(part, stat.S_IMODE(os.stat(store).st_mode) | stat.S_IWUSR)  # (the file's own)
    kept = _linked_free(store, store)
    with contextlib.suppress(FileNotFoundError):
        os.replace(f"{store}-wal", f"{kept}-wal")
    os.replace(part, store)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(f"{store}-shm")
    return replace(found, kept=kept, kept_bytes=os.path.getsize(kept))


def _keep(conn: sqlite3.Connection, store: str) -> tuple[str, bool]:
    """The store behind `conn` copied into the first free `STORE.before-restore` (then `.1`,
    `.2`, …), with the store's permissions; its name, and True. Where one of them holds the
    same bytes already (one backup restored again, nothing stored since: each restore made one
    more), that one's name, and False: no other is made."""
    with part_file(os.path.dirname(os.path.abspath(store)), "kept", store) as part:
        copy_connection(conn, part)
        take_mode(part, store)
        same = next((kept for kept in _kept_copies(store) if same_bytes(part, kept)), "")
        return (same, False) if same else (_linked_free(part, store), True)


def _kept_copies(store: str) -> list[str]:
    """The `STORE.before-restore`, `.1`, `.2`, … beside the store that are regular files, newest
    first."""
    folder, name = os.path.split(os.path.abspath(store))
    kept = []
    try:
        entries = os.listdir(folder)
    except OSError:  # (a folder that cannot be listed: none compared)
        return []
    for entry in entries:
        rest = entry.removeprefix(f"{name}.before-restore")
        if entry == rest or (rest and not (rest[0] == "." and rest[1:].isdigit())):
            continue
        with contextlib.suppress(OSError):
            status = os.lstat(os.path.join(folder, entry))
            if stat.S_ISREG(status.st_mode):
                kept.append((status.st_mtime_ns, os.path.join(os.path.dirname(store), entry)))
    return [path for _, path in sorted(kept, reverse=True)]


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
