"""The `backup` command: the whole store copied into one file as of one moment, also while
another newstui writes to it (SQLite's online backup), and never upgraded first: a store an
older newstui left is copied as it is; and `restore`, which puts such a file back. Called by
cli.py, which owns parsing and output."""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import sqlite3
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newstui.errors import NewstuiError, StoreError
from newstui.text import shown_name

Emit = Callable[[argparse.Namespace, Any, str], int]


def add_arguments(backup: argparse.ArgumentParser, path: Callable[[str], Any]) -> None:
    """The options of `backup`; `path` is cli.py's reader of a path argument (a name that is
    not UTF-8 is a one-line usage error)."""
    backup.add_argument("file", type=path, metavar="FILE", help="the copy to write")
    backup.add_argument("--force", action="store_true", help="replace FILE when it exists")


def cmd_backup(
    args: argparse.Namespace, database: str, emit: Emit, say: Callable[[str], None]
) -> int:
    """`newstui backup FILE [--force]`: the whole store at `database`, as of one moment, copied
    into one file (a plain `cp` while another newstui writes leaves the newest changes in the
    -wal file: user test r43 M3), opened without the upgrade every other command runs first
    (r44 M4: the store and its "backup" were both upgraded, leaving no copy from before). The
    copy takes the store's permissions; a wait for another process's lock is said at once
    through `say`, as other commands' are. Names are shown as given, escaped where they hold
    what a terminal cannot show (shown_name)."""
    from newstui.busy import busy_error, waiting_notice
    from newstui.library import Library
    from newstui.render import human_size

    target = args.file.expanduser()
    if database == ":memory:":  # (the default path before the first fetch: see cli's _no_store)
        raise StoreError("no newstui database yet: nothing to back up")
    _check_target(target, database, force=args.force)
    part = target.with_name(f".newstui-backup-{os.getpid()}.part")  # renamed once whole
    try:  # (made here first: the OS says why a folder takes no file, sqlite does not)
        os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as exc:
        raise _not_backed_up(target, exc) from None
    try:
        version = Library.back_up_file(database, part, waiting_notice(shown_name(database), say))
        os.replace(part, target)
    except sqlite3.Error as exc:
        if Library.is_busy(exc):
            raise busy_error(shown_name(database)) from None
        raise StoreError(f"{shown_name(database)}: not backed up: {exc}", source=database) from None
    except OSError as exc:
        raise _not_backed_up(target, exc) from None
    finally:
        for leftover in (part, part.with_name(part.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
    size = target.stat().st_size
    older = version < Library.SCHEMA_VERSION
    said = (
        f"; not upgraded: the copy is of schema {version}, as the older newstui that wrote it "
        f"left it (this newstui upgrades to {Library.SCHEMA_VERSION} when it opens the store)"
        if older
        else ""
    )
    data = {"database": database, "file": str(target), "bytes": size, "schema": version}
    shown = f"backed up {shown_name(database)} to {shown_name(str(target))}"
    return _said(args, data, f"{shown} ({human_size(size)}){said}", emit)


def _said(args: argparse.Namespace, data: dict[str, Any], line: str, emit: Emit) -> int:
    """`line`, or `data` with --json: there a file's name as it is, each character the terminal
    must not act on a JSON escape (`\u001b`), where emit would clean it into another,
    real-looking name (hostile r44 L2)."""
    names = [value for value in data.values() if isinstance(value, str)]
    if getattr(args, "json", False) and not all(map(str.isprintable, names)):
        sys.stdout.write(json.dumps(data, ensure_ascii=True, indent=2) + "\n")
        return 0
    return emit(args, data, line)


def add_restore_arguments(restore: argparse.ArgumentParser, path: Callable[[str], Any]) -> None:
    """The options of `restore` (`path` as for add_arguments)."""
    restore.add_argument(
        "file", type=path, metavar="FILE", help="the backup to put back (`newstui backup` made it)"
    )


def cmd_restore(args: argparse.Namespace, database: str, emit: Emit) -> int:
    """`newstui restore FILE`: put the backup in FILE back as the store at `database` (user
    test r46 H2: a `cp` back over the store with a -wal left beside it by a newstui that was
    killed corrupted it, or brought back what was written after the backup). FILE is checked
    first (a whole newstui store of a version this newstui opens), the store as it was is kept
    beside it (`STORE.before-restore`), and nothing is changed while another process has it
    open (see store.restore)."""
    from newstui.library import Library
    from newstui.render import human_size

    source = args.file.expanduser()
    _check_backup(source, database)
    os.makedirs(os.path.dirname(os.path.abspath(database)), exist_ok=True)
    try:
        done = Library.restore_file(database, str(source), _shown(source))
    except sqlite3.Error as exc:
        raise StoreError(f"{shown_name(database)}: not restored: {exc}", source=database) from None
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        raise StoreError(
            f"{shown_name(database)}: not restored: {reason}", source=database
        ) from None
    line = f"restored {shown_name(database)} from {_shown(source)} ({human_size(done.bytes)})"
    if done.kept:
        line += (
            f"; the database as it was is kept in {shown_name(done.kept)} "
            f"({human_size(done.kept_bytes)}; `newstui restore` it to go back, or delete it)"
        )
    if done.schema < Library.SCHEMA_VERSION:
        line += (
            f"; the backup is of schema {done.schema}: newstui upgrades it to "
            f"{Library.SCHEMA_VERSION} when it next opens it"
        )
    data = {
        "database": database,
        "file": str(source),
        "bytes": done.bytes,
        "schema": done.schema,
        "kept": done.kept or None,
        "kept_bytes": done.kept_bytes,
    }
    return _said(args, data, line, emit)


def _check_backup(source: Path, database: str) -> None:
    """Refuse, in one line naming it, a FILE that cannot be the backup to restore."""
    try:
        status = source.stat()
    except FileNotFoundError:
        raise NewstuiError(f"{_shown(source)}: no such file", source=str(source)) from None
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        raise NewstuiError(
            f"{_shown(source)}: not restored: {reason}", source=str(source)
        ) from None
    if not stat.S_ISREG(status.st_mode):
        raise NewstuiError(
            f"{_shown(source)}: not a file (a folder, device, pipe or socket)", source=str(source)
        )
    ours = {os.path.realpath(database + suffix) for suffix in ("", "-wal", "-shm")}
    if os.path.realpath(source) in ours or _same_file(source, database):
        raise NewstuiError(
            f"{_shown(source)}: the database itself: name a backup of it", source=str(source)
        )


def _same_file(path: Path, other: str) -> bool:
    """Whether two names lead to one file (a hard link too)."""
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False


def _check_target(target: Path, database: str, *, force: bool) -> None:
    """Refuse, in one line naming it, a FILE the backup cannot or must not be written to."""
    try:
        status: os.stat_result | None = target.stat()
    except FileNotFoundError:
        status = None
    except NotADirectoryError:  # (a folder on its way is a file)
        raise NewstuiError(
            f"{_shown(target)}: {_shown(_file_above(target))} is not a folder", source=str(target)
        ) from None
    except OSError as exc:  # (a name too long, a folder that cannot be searched)
        raise _not_backed_up(target, exc) from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise NewstuiError(
            f"{_shown(target)}: a folder: name the backup's file in it", source=str(target)
        )
    if status is None and not target.parent.is_dir():
        raise NewstuiError(
            f"{_shown(target)}: no folder {_shown(target.parent)}", source=str(target)
        )
    ours = {os.path.realpath(database + suffix) for suffix in ("", "-wal", "-shm")}
    if os.path.realpath(target) in ours:
        raise NewstuiError(
            f"{_shown(target)}: the database itself: name another file", source=str(target)
        )
    if status is not None and not force:
        raise NewstuiError(
            f"{_shown(target)}: already exists (--force replaces it)", source=str(target)
        )
    if status is not None and not stat.S_ISREG(status.st_mode):  # (r44 L1: a FIFO, /dev/null)
        raise NewstuiError(
            f"{_shown(target)}: not a regular file (a device, pipe or socket); --force replaces "
            "only a file",
            source=str(target),
        )


def _file_above(target: Path) -> Path:
    """The file standing where a folder of `target`'s should be."""
    return next((p for p in target.parents if p.exists() and not p.is_dir()), target.parent)


def _not_backed_up(target: Path, exc: OSError) -> NewstuiError:
    """The OS's reason a file could not be written, in words ("permission denied")."""
    reason = (exc.strerror or str(exc)).lower()
    if exc.errno == errno.ENOTDIR:
        reason = f"{_shown(_file_above(target))} is not a folder"
    return NewstuiError(f"{_shown(target)}: not backed up: {reason}", source=str(target))


def _shown(path: Path) -> str:
    """A path for a line: as given, or quoted and escaped (shown_name)."""
    return shown_name(str(path))
