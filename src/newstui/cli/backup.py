"""The `backup` command: the whole store copied into one file as of one moment, also while
another newstui writes to it (SQLite's online backup), and never upgraded first: a store an
older newstui left is copied as it is; and `restore`, which puts such a file back. Called by
cli.main and cli.output, which own parsing and output."""

from __future__ import annotations

import argparse
import errno
import json
import os
import shlex
import sqlite3
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newstui.errors import NewstuiError, RestoreFailed, RestoreRoomError, StoreError
from newstui.text import shown_name

Emit = Callable[[argparse.Namespace, Any, str], int]


def add_arguments(backup: argparse.ArgumentParser, path: Callable[[str], Any]) -> None:
    """The options of `backup`; `path` is cli.arguments' reader of a path argument (a name that is
    not UTF-8 is a one-line usage error)."""
    backup.add_argument("file", type=path, metavar="FILE", help="the copy to write")
    backup.add_argument("--force", action="store_true", help="replace FILE when it exists")


def cmd_backup(
    args: argparse.Namespace,
    database: str,
    emit: Emit,
    say: Callable[[str], None],
    config: Path | None = None,
) -> int:
    """`newstui backup FILE [--force]`: the whole store at `database`, as of one moment, copied
    into one file (a plain `cp` while another newstui writes leaves the newest changes in the
    -wal file: user test r43 M3), opened without the upgrade every other command runs first
    (r44 M4: the store and its "backup" were both upgraded, leaving no copy from before). The
    copy takes the store's permissions; a wait for another process's lock is said at once
    through `say`, as other commands' are. Names are shown as given, escaped where they hold
    what a terminal cannot show (shown_name). The line names `config`, feeds.toml, which is no
    part of the copy (user test r46 M4: a restore into a fresh home had no feeds to fetch)."""
    from newstui.busy import busy_error, waiting_notice
    from newstui.library import Library
    from newstui.render import human_size

    target = args.file.expanduser()
    # (the default path before the first fetch: see cli.database.no_store)
    if database == ":memory:":
        raise StoreError("no newstui database yet: nothing to back up")
    _check_target(target, database, force=args.force)
    try:  # (written beside it, renamed once whole: the OS says why a folder takes no file)
        version = Library.back_up_file(database, target, waiting_notice(shown_name(database), say))
    except sqlite3.Error as exc:
        if Library.is_busy(exc):
            raise busy_error(shown_name(database)) from None
        raise StoreError(f"{shown_name(database)}: not backed up: {exc}", source=database) from None
    except OSError as exc:
        raise _not_backed_up(target, exc) from None
    size = target.stat().st_size
    older = version < Library.SCHEMA_VERSION
    said = (
        f"; not upgraded: the copy is of schema {version}, as the older newstui that wrote it "
        f"left it (this newstui upgrades to {Library.SCHEMA_VERSION} when it opens the store)"
        if older
        else ""
    )
    if config is not None:  # (user test r46 M4)
        said = (
            f"; the feeds to fetch are listed in {shown_name(str(config))}, which is not in a "
            "backup: back it up too"
        ) + said
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


def cmd_restore(
    args: argparse.Namespace, database: str, emit: Emit, config: Path | None = None
) -> int:
    """`newstui restore FILE`: put the backup in FILE back as the store at `database` (user
    test r46 H2: a `cp` back over the store with a -wal left beside it by a newstui that was
    killed corrupted it, or brought back what was written after the backup). FILE is checked
    first (a whole newstui store of a version this newstui opens), the store as it was is kept
    beside it (`STORE.before-restore`), and nothing is changed while another process has it
    open (see store.restore), nor when its disk has too little room, which it says (user test
    r46 M3). The line says when `config` lacks the feeds the backup holds (r46 M4)."""
    from newstui.library import Library
    from newstui.render import human_size

    source = args.file.expanduser()
    _check_backup(source, database)
    os.makedirs(os.path.dirname(os.path.abspath(database)), exist_ok=True)
    store = shown_name(database)
    try:
        done = Library.restore_file(database, str(source), _shown(source), _say_upgrading)
    except RestoreRoomError as exc:
        what = (
            "the backup copied in, the database as it was kept beside it and SQLite's journal"
            if exc.kept
            else "the backup copied in"
        )
        raise StoreError(
            f"{store}: not restored: it needs {human_size(exc.needed)} free on its disk "
            f"({what}); {human_size(exc.free)} is free, and nothing was changed",
            source=database,
        ) from None
    except RestoreFailed as exc:
        raise StoreError(
            f"{store}: not restored: {exc.reason}; {_as_it_was(exc.kept)}", source=database
        ) from None
    except sqlite3.Error as exc:
        raise StoreError(
            f"{store}: not restored: {exc}; the database is as it was", source=database
        ) from None
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        raise StoreError(
            f"{store}: not restored: {reason}; the database is as it was", source=database
        ) from None
    line = f"restored {store} from {_shown(source)} ({human_size(done.bytes)})"
    if done.kept:
        line += (
            f"; the database as it was is kept in {shown_name(done.kept)} "
            f"({human_size(done.kept_bytes)}; `newstui restore` it to go back, or delete it)"
        )
    if done.upgraded_to:  # (review r47 M2: checked once upgraded, as the next open would)
        line += (
            f"; the backup is of schema {done.schema}: it was upgraded to {done.upgraded_to} as "
            f"it was put back (an older newstui cannot open the database now; "
            f"{_shown(source)} is left as it was, for one)"
        )
    missing, listing = _not_listed(done.feed_urls, config, done.server_feeds)
    if config is not None and missing:
        names = dict(zip(done.feed_urls, done.feed_names, strict=False))
        shown = [names.get(url) or url for url in missing]
        given = {"--db": getattr(args, "db", None), "--config": getattr(args, "config", None)}
        line += f"; {_feeds_missing(config, shown, len(done.feed_urls), given, listing)}"
    data = {
        "database": database,
        "file": str(source),
        "bytes": done.bytes,
        "schema": done.schema,
        "kept": done.kept or None,
        "kept_bytes": done.kept_bytes,
        "feeds_not_in_config": list(missing),
        "upgraded_to": done.upgraded_to or None,
    }
    return _said(args, data, line, emit)


def _say_upgrading(articles: int) -> None:
    """Say, before a slow upgrade of the backup's copy, why the restore takes a while."""
    from newstui.counts import counted

    print(
        f"newstui: upgrading the backup's copy: {counted(articles, 'article')}…",
        file=sys.stderr,
        flush=True,
    )


def _as_it_was(kept: str) -> str:
    """What a restore that failed once the store was copied beside it left: the copy, when
    SQLite has the write to roll back at the next open, else nothing but the store."""
    if not kept:
        return "the database is as it was"
    return (
        f"the database is put back as it was when newstui next opens it; a copy of it as it "
        f"was is kept in {shown_name(kept)} (delete it once newstui opened the database)"
    )


def _not_listed(
    urls: tuple[str, ...], config: Path | None, server_feeds: tuple[str, ...] = ()
) -> tuple[tuple[str, ...], bool]:
    """Those of the feeds `urls` that the config at `config` does not list (none when it
    cannot be read: its own commands say why), and whether it lists any feed. With [sync],
    the server's subscriptions (`server_feeds`) are none of them: the next sync brings them,
    and feeds.toml never lists them (review r48: every restore of a synced store said
    feeds.toml lacked them, and advised an import that made each a feed fetched here too)."""
    from newstui.config import load_config
    from newstui.model import fold_url

    if config is None or not urls:
        return (), False
    listed: set[str] = set()
    if config.exists():
        try:
            loaded = load_config(config)
        except (NewstuiError, OSError):
            return (), False
        listed = {fold_url(feed.url) for feed in loaded.feeds}
        if loaded.sync is not None:
            synced = set(server_feeds)
            urls = tuple(url for url in urls if url not in synced)
    return tuple(url for url in urls if fold_url(url) not in listed), bool(listed)


def _feeds_missing(
    config: Path, missing: list[str], held: int, given: dict[str, str | None], listing: bool
) -> str:
    """The words for a config that lacks the feeds named `missing` of the `held` feeds a
    restored store holds (the first few named: user test r47 M6), and how to put them back with
    their folders: `opml export` writes the stored feeds when the config it reads lists none,
    so `--config /dev/null` where the config lists other feeds (`listing`: its own would be
    written), and the --db and --config `given` to restore said again (without them the
    commands read the default database and config file)."""
    from newstui.counts import counted
    from newstui.text import clean_line
    from newstui.word_lists import listed

    where = shown_name(str(config))
    db, into = (f" {o} {shlex.quote(v)}" if (v := given.get(o)) else "" for o in given)
    opml = _unused_opml_name()
    if len(missing) == held and not listing and not db and not into:
        lacks = f"lists none of the {counted(held, 'feed')}" if held > 1 else "lacks the feed"
        them = "them" if held > 1 else "it"
        return (
            f"{where} {lacks} the backup holds (feeds.toml is not in a backup): `newstui opml "
            f"export {opml}` writes {them}, and `newstui opml import {opml}` adds {them} "
            f"to {config.name}"
        )
    named = listed([clean_line(name, 80) for name in missing], shown=5)
    if len(missing) < held:
        lacks = f"lacks {len(missing):,} of the {counted(held, 'feed')}"
    else:
        lacks = f"lists none of the {counted(held, 'feed')}" if held > 1 else "lacks the feed"
    return (
        f"{where} {lacks} the backup holds ({named}; feeds.toml is not in a backup): "
        f"`newstui --config /dev/null{db} opml export {opml}` writes all the backup's feeds "
        f"with their folders, and `newstui{db}{into} opml import {opml}` adds those it lacks"
    )


def _unused_opml_name() -> str:
    """A file name for restore's advised `opml export FILE` that no file in the current folder
    has (review r48: the advice named feeds.opml, so the user's own feeds.opml there would
    have been refused, or with --force replaced): feeds-from-backup.opml, then -2, -3 …"""
    taken = 1
    while os.path.lexists(name := f"feeds-from-backup{f'-{taken}' if taken > 1 else ''}.opml"):
        taken += 1
    return name


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
    # (a symbolic link's target is written, in its folder: review r47 L8)
    folder = Path(os.path.realpath(target)).parent if target.is_symlink() else target.parent
    if status is None and not folder.is_dir():
        raise NewstuiError(f"{_shown(target)}: no folder {_shown(folder)}", source=str(target))
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
