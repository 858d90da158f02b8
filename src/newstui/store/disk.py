"""What the disk holds for a store's files: a file's size, the room left beside it (the
upgrade copy, restore and the full-disk wording all ask these), whether two copies hold the
same bytes, and the part file a copy is written into before it is put in its place."""

from __future__ import annotations

import contextlib
import os
import os.path
import re
import stat
from collections.abc import Iterator


def file_size(path: str) -> int:
    """A file's size in bytes, 0 when there is none or it cannot be read."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def free_bytes(path: str) -> int | None:
    """The bytes free to this user on the disk of the folder holding `path`, or its target's
    where it is a symbolic link (SQLite writes the journal there: review r47 M1); None when the
    disk cannot be asked."""
    try:
        disk = os.statvfs(os.path.dirname(os.path.realpath(path)))
    except OSError:
        return None
    return disk.f_bavail * disk.f_frsize


def same_bytes(path: str, other: str) -> bool:
    """Whether the regular files `path` and `other` hold the same bytes (sizes first, then both
    read in chunks to the first difference); False when one cannot be read. Two copies of one
    store made by SQLite's backup are the same byte for byte, header included."""
    import filecmp

    try:
        return filecmp.cmp(path, other, shallow=False)
    except OSError:
        return False


@contextlib.contextmanager
def part_file(folder: str, kind: str, mode_of: str) -> Iterator[str]:
    """A new empty file `.newstui-KIND-PID.part` in `folder` (a short name: a long store's
    `.NAME.vN.PID.part` was past the file system's limit, hostile r45 M5) with the permissions
    of the file `mode_of` (the store's, as SQLite would make it 0644: readable while written,
    review r45 L4; a backup was 0600 beside a 0644 store, user test r44 L5), for a copy written
    into it and then put in its place, each caller by its own rule (the upgrade's copy, a
    backup, restore's copies). Gone at the block's end, with what SQLite left beside it, unless
    it was renamed away; one a killed newstui of this pid left is replaced. OSError when it
    cannot be made."""
    part = os.path.join(folder, f".newstui-{kind}-{os.getpid()}.part")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(part)
    os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        with contextlib.suppress(OSError):  # (a file system without modes: 0600 or none)
            os.chmod(part, stat.S_IMODE(os.stat(mode_of).st_mode))
        yield part
    finally:
        for leftover in (part, f"{part}-journal", f"{part}-wal", f"{part}-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)


_PART = re.compile(r"\.newstui-[a-z]+-([0-9]+)\.part(?:-journal|-wal|-shm)?")


def remove_dead_parts(folder: str) -> None:
    """Remove from `folder` each part file (part_file's) of a newstui no longer running, with
    what SQLite left beside it: a kill -9 left one as large as the store there for good (hostile
    r47 L3). One of a running process is its copy under way, left alone."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        found = _PART.fullmatch(name)
        if found is not None and not _running(int(found.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, name))


def _running(pid: int) -> bool:
    """Whether process `pid` runs (True where the system will not say: another user's)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
