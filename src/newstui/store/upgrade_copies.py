"""The copies of the store an upgrade keeps beside it for an older newstui (`FILE.vN`, or
`FILE.vN.1` to `.9` where that name is taken): where one goes, whether a file there is one (read
from its header), the earlier ones that can go, and the words for what is in the way. Below the
store's connection module (store/db.py), which hands it the copying."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from newstui.disk_room import free_bytes
from newstui.model.store_upgrade import StoreUpgrade
from newstui.store.disk import file_size, part_file, same_bytes
from newstui.store.schema import SCHEMA_VERSION

if TYPE_CHECKING:
    import os
    from pathlib import Path


class KeptCopy:
    """The copy of an existing store an open keeps before it upgrades it (user test r44 M1: an
    upgrade left nothing an older newstui could open): the store as it was, in `FILE.vN` beside
    it (N its version), made by SQLite's online backup, never for a new store or one an
    application marked as its own (the rebuildable demo), and not when the disk would keep less
    free than the store takes (the upgrade itself may rewrite it). One made at an earlier
    upgrade from N is kept as it is, unless the store was written since (r44 L3: rolled back to
    N, an older newstui starred a story, and the next upgrade kept the copy without it): then a
    new one takes its name and it is moved to the first free `FILE.vN.1` to `.9`, never
    replaced (review r45 H1: a rollback from an older backup lost what only the copy held). An
    upgrade stopped partway and resumed keeps the copy made when it began, and makes none of
    the store in between. `copy_store` copies the store into a file (the store's own module
    knows how: this one sits below it); `spare`: what the disk keeps free beyond two stores.
    `upgrade`: what was done, once `make` ran."""

    def __init__(
        self,
        path: str,
        *,
        keep: bool,
        written: int,
        copy_store: Callable[[str, str], object],
        spare: int,
    ) -> None:
        self.path = path
        self.keep = keep
        self.written = written  # when the store was last written (ns), before this open
        self.copy_store = copy_store
        self.spare = spare
        self.upgrade: StoreUpgrade | None = None

    def make(self, version: int, resumed: bool = False) -> None:
        """Keep the copy of the store at `version` (called under the upgrade's write lock);
        `resumed`: the store is past `version`, in the middle of the upgrade from it."""

        if not version or not self.keep:  # a new store, or a rebuildable one
            return
        older, aside_before = _copies_beside(self.path, version)
        upgrade = StoreUpgrade(
            self.path,
            version,
            SCHEMA_VERSION,
            resumed=resumed,
            older_copies=older,
            kept_aside=aside_before,
            restore_copies=_restore_copies(self.path),
        )
        copy, held, passed_over = _copy_place(self.path, version)
        if not copy:  # (passed_over says why: a name too long, no free name)
            self.upgrade = replace(upgrade, copy_error=passed_over)
            return
        upgrade = replace(upgrade, passed_over=passed_over)
        if resumed and not held:
            self.upgrade = replace(upgrade, copy_error=f"{copy}: not made when the upgrade began")
            return
        self.upgrade = replace(upgrade, copy=copy)
        if held and (resumed or self.written <= _made_at(copy)):
            self.upgrade = replace(self.upgrade, copy_made_before=True, copy_bytes=file_size(copy))
            return
        # (a copy the store was written after, kept as it is where no new one can be made)
        stale = replace(self.upgrade, copy_made_before=True, copy_bytes=file_size(copy), stale=True)
        size = file_size(self.path)
        free = free_bytes(self.path)
        if free is None:
            free = 2 * size + self.spare  # (unknown: tried, and a full disk says so)
        if free < 2 * size + self.spare:
            kept = stale if held else upgrade
            self.upgrade = replace(kept, store_bytes=size, free_bytes=free)
            return
        aside = _free_place(self.path, version, copy) if held else ""
        if held and not aside:
            taken = f"{self.path}.v{version}.1 to .{COPY_PLACES - 1} are taken"
            self.upgrade = replace(stale, copy_error=f"no name is free to move it to ({taken})")
            return
        twins = tuple(name for name, _ in aside_before if name.startswith(f"{copy}."))
        try:
            moved = _write_copy(self.path, copy, (aside, *twins), self.copy_store)
        except (OSError, sqlite3.Error) as exc:
            kept = stale if held else upgrade
            self.upgrade = replace(kept, copy_error=f"{copy}: {exc}")
            return
        if moved is None:  # (the copy there holds the same bytes: kept, nothing moved aside)
            self.upgrade = replace(self.upgrade, copy_made_before=True, copy_bytes=file_size(copy))
            return
        self.upgrade = replace(
            self.upgrade,
            copy_bytes=file_size(copy),
            copy_moved=moved,
            moved_bytes=file_size(moved) if moved else 0,
        )


COPY_PLACES = 10  # FILE.vN, then FILE.vN.1 to .9 where one is not a copy (a folder, a pipe)


def _copy_place(path: str, version: int) -> tuple[str, bool, str]:
    """Where the copy of the store at `path` of `version` goes: `FILE.vN`, or where that is
    something else (a folder, a pipe, another file: hostile r45 M1, announced as the copy
    and the store upgraded with none; a symbolic link, or a hard link to the store itself:
    hostile r46 M4), the first of `FILE.vN.1` to `.9` that is free or a
    copy. Returns the name ("" when none can be), whether a copy of `version` is there, and
    what was passed over (or why there is none), in words."""
    import errno
    import os
    import stat

    store = _status(path)
    passed_over = ""
    for number in range(COPY_PLACES):
        place = f"{path}.v{version}" + (f".{number}" if number else "")
        try:
            status = os.lstat(place)
        except FileNotFoundError:
            return place, False, passed_over
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:
                return "", False, _name_too_long(place)
            passed_over = passed_over or f"{place} cannot be read ({exc.strerror})"
            continue
        if stat.S_ISLNK(status.st_mode):  # (the user's, left alone: it may lead to the store
            # itself, which the upgrade was said to have kept a copy of: hostile r46 M4)
            what = "a link to nothing" if not os.path.exists(place) else "a symbolic link"
            passed_over = passed_over or f"{place} is {what}, not a copy"
            continue
        if store is not None and (status.st_dev, status.st_ino) == (store.st_dev, store.st_ino):
            # (a hard link, as `cp -al` and rsync --link-dest snapshots make: the store itself)
            passed_over = passed_over or f"{place} is the store itself (a hard link), not a copy"
            continue
        found = stored_version(place, status)
        if found == version:
            return place, True, passed_over
        passed_over = passed_over or f"{place} is {_what_is(status, found)}, not a copy"
    return "", False, f"{passed_over}; nor are {path}.v{version}.1 to .{COPY_PLACES - 1}"


def copy_for(path: str, version: int) -> str:
    """The copy an upgrade kept beside the store at `path` of the store as it was at `version`
    (`FILE.vN`, or the `FILE.vN.1` to `.9` it went to where that name was taken), read from its
    header and not opened; "" when there is none (user test r48 LOW-34: an older newstui
    refused by an upgraded store was not told of the copy kept for it)."""
    place, held, _ = _copy_place(path, version)
    return place if held else ""


def _free_place(path: str, version: int, copy: str) -> str:
    """The first of `FILE.vN.1` to `.9` beside the store at `path` that no file (nor a link to
    nothing) takes, other than `copy`: where the copy there is moved; "" when none is free."""
    import os

    for number in range(1, COPY_PLACES):
        place = f"{path}.v{version}.{number}"
        if place != copy and not os.path.lexists(place):
            return place
    return ""


def stored_version(path: str, status: os.stat_result | None) -> int | None:
    """The schema version in the header of the SQLite file at `path` (a regular file), or None
    for anything else: read from its first 100 bytes (the `user_version` at 60), not opened,
    so no lock waits and no -shm or -wal is left beside it."""
    import stat

    if status is None or not stat.S_ISREG(status.st_mode):
        return None
    try:
        with open(path, "rb") as file:
            header = file.read(100)
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return None
    return int.from_bytes(header[60:64], "big", signed=True)


def _what_is(status: os.stat_result, version: int | None) -> str:
    """A file that is not the copy wanted, in words."""
    import stat

    if stat.S_ISDIR(status.st_mode):
        return "a folder"
    if stat.S_ISFIFO(status.st_mode):
        return "a pipe"
    if stat.S_ISSOCK(status.st_mode):
        return "a socket"
    if not stat.S_ISREG(status.st_mode):
        return "a device"
    if version is None:
        return "another file"
    return f"a database of version {version}"


def _name_max(path: str) -> int | None:
    """The longest file name (bytes) the folder of `path` takes; None when it cannot be asked."""
    import os

    try:
        return os.pathconf(os.path.dirname(path) or ".", "PC_NAME_MAX")
    except (OSError, ValueError):
        return None


def _name_too_long(path: str) -> str:
    """The words for a file name longer than its folder takes."""
    import os

    name = os.path.basename(path)
    most = _name_max(path) or 255
    return (
        f"{path}: the name is too long for the file system ({len(os.fsencode(name))} bytes; "
        f"at most {most}): give the store a shorter name"
    )


def journal_too_long(path: str) -> str:
    """Why SQLite cannot write the store at `path` when its name leaves no room for the journal
    SQLite keeps beside it (`NAME-journal`; hostile r45 M5: a 248-byte name was said to need
    write access), else ""."""
    import os

    most = _name_max(path)
    if most is None:
        return ""
    size = len(os.fsencode(os.path.basename(path)))
    if size + len("-journal") <= most:
        return ""
    return (
        f"{path}: the name is too long for the file system: SQLite keeps a journal beside it, "
        f"named with '-journal' added ({size} + 8 bytes; at most {most}); give the store a "
        "shorter name"
    )


def _write_copy(
    path: str, copy: str, aside: tuple[str, ...], copy_store: Callable[[str, str], object]
) -> str | None:
    """The store at `path` copied into `copy`, written into a part file first (disk.part_file:
    a short name, the store's permissions) and renamed once whole. The file at `copy`, if any,
    is moved first to `aside[0]`, a free name (never replacing a file), or in place of the one
    of `aside[1:]` (the copies kept aside) that holds the same bytes as the new copy; where it
    holds them itself, it is kept, and nothing is written (each restore of one old backup moved
    one more copy of it aside: `FILE.v36.1`, `.2`, …). Returns where the file at `copy` went
    ("" where there was none), or None where it was kept."""
    import os

    with part_file(os.path.dirname(copy), "copy", path) as part:
        copy_store(path, part)
        moved = twin = ""
        if aside[0]:
            if same_bytes(part, copy):
                return None
            twin = next((kept for kept in aside[1:] if same_bytes(part, kept)), "")
            if twin:  # (what it holds is the new copy's: nothing is lost)
                os.replace(copy, twin)
            else:
                _move_aside(copy, aside[0])
            moved = twin or aside[0]
        try:
            os.replace(part, copy)
        except OSError:
            if moved:  # (the earlier copy back in its place, and the twin's bytes in theirs)
                os.rename(moved, copy)
            if twin:
                os.replace(part, twin)
            raise
        return moved


def _move_aside(copy: str, aside: str) -> None:
    """The file `copy` renamed `aside`, refused (FileExistsError) where a file took that name
    since it was found free: a hard link first, which never replaces one, then the old name
    dropped; a plain rename on a file system without hard links."""
    import errno
    import os

    try:
        os.link(copy, aside)
    except OSError as exc:
        if exc.errno == errno.EEXIST or os.path.lexists(aside):
            raise
        os.rename(copy, aside)
        return
    os.unlink(copy)


def last_written(path: Path | str) -> int:
    """When the store at `path` was last written (ns; 0 when it cannot be read): its file, or
    the log beside it when that holds writes not yet copied into it (a newstui that stopped
    uncleanly)."""
    import os

    try:
        written = os.stat(path).st_mtime_ns
    except OSError:
        return 0
    with contextlib.suppress(OSError):
        log = os.stat(f"{path}-wal")
        if log.st_size:
            written = max(written, log.st_mtime_ns)
    return written


def _made_at(copy: str) -> int:
    """When the file `copy` was written (ns; later than any store when it cannot be read)."""
    import os

    try:
        return os.stat(copy).st_mtime_ns
    except OSError:
        return 1 << 62


Copies = tuple[tuple[str, int], ...]  # (file, size in bytes)


def _copies_beside(path: str, version: int) -> tuple[Copies, Copies]:
    """The copies earlier upgrades kept beside the store at `path`, oldest first, with their
    sizes: the `FILE.vN` of versions before `version`, which the upgrade's line says can go;
    and the `FILE.vN.1` to `.9` of `version` and before, kept aside, never said to go: one
    moved there after a rollback may be the only file holding what was stored after a backup
    (review r46 M4: the next upgrade offered it as one that can go)."""
    import os

    folder, name = os.path.split(os.path.abspath(path))
    numbered = re.compile(re.escape(name) + r"\.v([0-9]{1,4})(\.[1-9])?")
    try:
        names = os.listdir(folder)
    except OSError:
        return (), ()
    found = sorted(
        (int(match.group(1)), bool(match.group(2)), os.path.join(os.path.dirname(path), entry))
        for entry in names
        if (match := numbered.fullmatch(entry))
        and int(match.group(1)) < version + bool(match.group(2))
    )
    copies = [
        (aside, (copy, file_size(copy)))
        for number, aside, copy in found
        if stored_version(copy, _status(copy)) == number  # (a copy, not another file)
    ]
    return (
        tuple(copy for aside, copy in copies if not aside),
        tuple(copy for aside, copy in copies if aside),
    )


def _restore_copies(path: str) -> Copies:
    """The copies `newstui restore` kept of the store at `path` before each restore
    (`FILE.before-restore`, then `.1`, `.2`, …), by number, with their sizes: they take room
    an upgrade's notice says (user test r46 L2: 7 full copies after 5 restores)."""
    import os

    folder, name = os.path.split(os.path.abspath(path))
    numbered = re.compile(re.escape(name) + r"\.before-restore(?:\.([0-9]{1,4}))?")
    try:
        names = os.listdir(folder)
    except OSError:
        return ()
    found = sorted(
        (int(match.group(1) or 0), os.path.join(os.path.dirname(path), entry))
        for entry in names
        if (match := numbered.fullmatch(entry))
    )
    return tuple(
        (copy, file_size(copy))
        for _, copy in found
        if stored_version(copy, _status(copy)) is not None
    )


def _status(path: str) -> os.stat_result | None:
    """The file's os.stat, None when it cannot be read."""
    import os

    try:
        return os.stat(path)
    except OSError:
        return None
