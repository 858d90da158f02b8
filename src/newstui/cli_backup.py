"""The `backup` command: the whole store copied into one file as of one moment, also while
another newstui writes to it (SQLite's online backup). Called by cli.py, which owns parsing and
output."""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from newstui.errors import NewstuiError, StoreError

if TYPE_CHECKING:
    from newstui.library import Library

Emit = Callable[[argparse.Namespace, Any, str], int]


def add_arguments(backup: argparse.ArgumentParser, path: Callable[[str], Any]) -> None:
    """The options of `backup`; `path` is cli.py's reader of a path argument (a name that is
    not UTF-8 is a one-line usage error)."""
    backup.add_argument("file", type=path, metavar="FILE", help="the copy to write")
    backup.add_argument("--force", action="store_true", help="replace FILE when it exists")


def cmd_backup(args: argparse.Namespace, library: Library, emit: Emit) -> int:
    """`newstui backup FILE [--force]`: the whole store, as of one moment, copied into one file
    (a plain `cp` while another newstui writes leaves the newest changes in the -wal file:
    user test r43 M3)."""
    from newstui.render import human_size

    database, target = library.file, args.file.expanduser()
    if database == ":memory:":  # (the default path before the first fetch: see cli's _no_store)
        raise StoreError("no newstui database yet: nothing to back up")
    if target.is_dir():
        raise NewstuiError(f"{target}: a folder: name the backup's file in it", source=str(target))
    if not target.parent.is_dir():
        raise NewstuiError(f"{target}: no folder {target.parent}", source=str(target))
    ours = {os.path.realpath(database + suffix) for suffix in ("", "-wal", "-shm")}
    if os.path.realpath(target) in ours:
        raise NewstuiError(f"{target}: the database itself: name another file", source=str(target))
    if target.exists() and not args.force:
        raise NewstuiError(f"{target}: already exists (--force replaces it)", source=str(target))
    part = target.with_name(f".{target.name}.{os.getpid()}.part")  # renamed once whole
    try:
        library.back_up(part)
        os.replace(part, target)
    except sqlite3.Error as exc:
        raise StoreError(f"{target}: not backed up: {exc}", source=str(target)) from None
    finally:
        for leftover in (part, part.with_name(part.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
    size = target.stat().st_size
    return emit(
        args,
        {"database": database, "file": str(target), "bytes": size},
        f"backed up {database} to {target} ({human_size(size)})",
    )
