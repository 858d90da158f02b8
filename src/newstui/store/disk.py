"""What the disk holds for a store's files: a file's size (the room left beside it is
newstui.disk_room's), whether two copies hold the same bytes, and the part file a copy is
written into before it is put in its place."""

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
def part_file(folder: str, kind: str, mode_of: str, *, sweep: bool = True) -> Iterator[str]:
    """A new empty file `.newstui-KIND-PID.part` in `folder` (a short name: a long store's
    `.NAME.vN.PID.part` was past the file system's limit, hostile r45 M5) with the permissions
    of the file `mode_of` and the owner's write (SQLite writes into it: a read-only store's
    backup failed, "attempt to write a readonly database", review r47 H1), for a copy written
    into it and then put in its place, each caller by its own rule (the upgrade's copy, a
    backup, restore's copies), once it has the mode it keeps (take_mode: the store's, as
    SQLite would make it 0644: readable while written, review r45 L4; a backup was 0600 beside
    a 0644 store, user test r44 L5). Gone at the block's end, with what SQLite left beside it,
    unless it was renamed away; one a killed newstui of this pid left is replaced, and with
    `sweep` those of newstuis no longer running are removed first (remove_dead_parts: a kill
    -9 of an upgrade's copy or a backup left one as large as the store, review r47 L6).
    OSError when it cannot be made."""
    if sweep:
        remove_dead_parts(folder)
    part = os.path.join(folder, f".newstui-{kind}-{os.getpid()}.part")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(part)
    os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        with contextlib.suppress(OSError):  # (a file system without modes: 0600 or none)
            os.chmod(part, stat.S_IMODE(os.stat(mode_of).st_mode) | stat.S_IWUSR)
        yield part
    finally:
        for leftover in (part, f"{part}-journal", f"{part}-wal", f"{part}-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)


def take_mode(path: str, mode_of: str | int) -> None:
    """Give the file `path` (a copy, once written) the permissions of the file `mode_of`, or
    the mode `mode_of`; nothing where the file system keeps none."""
    with contextlib.suppress(OSError):
        mode = mode_of if isinstance(mode_of, int) else stat.S_IMODE(os.stat(mode_of).st_mode)
        os.chmod(path, mode)


def new_file_mode() -> int:
    """The permissions a new file of this user's takes (0666 less the umask), as any program's
    new file has them."""
    umask = os.umask(0o022)  # (read only by setting it: put back at once)
    os.umask(umask)
    return 0o666 & ~umask


_PART = re.compile(r"\.newstui-[a-z]+-([0-9]+)\.part(?:-journal|-wal|-shm)?")
DEAD_PART_SECONDS = 60.0
"""How long a part file has been left unwritten before it may be swept as a dead newstui's
(one of a newstui in another pid namespace, a container sharing the folder, is being written)."""


def remove_dead_parts(folder: str) -> None:
    """Remove from `folder` each part file (part_file's) of a newstui no longer running and
    left unwritten for DEAD_PART_SECONDS, with what SQLite left beside it: a kill -9 left one
    as large as the store there for good (hostile r47 L3). One of a running process is its copy
    under way, left alone."""
    import time

    try:
        names = os.listdir(folder)
    except OSError:
        return
    old = time.time() - DEAD_PART_SECONDS
    for name in names:
        found = _PART.fullmatch(name)
        if found is None or process_running(int(found.group(1))):
            continue
        path = os.path.join(folder, name)
        with contextlib.suppress(OSError):
            if os.lstat(path).st_mtime < old:
                os.unlink(path)


def process_running(pid: int) -> bool:
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


@contextlib.contextmanager
def no_logs_made(store: str) -> Iterator[None]:
    """Remove, at the block's end, the write-ahead log and its index a connection of the block
    made beside the WAL store `store` and left there: one that can only read it (a 0444 store)
    makes them and cannot remove them (restorefix2 noticed: a backup left an empty `-wal` and a
    `-shm` beside a read-only store). Left as they are when they were there before, the log
    holds anything, or another process has the store open (then they are its too)."""
    logs = [f"{store}{end}" for end in ("-wal", "-shm")]
    before = [os.path.lexists(log) for log in logs]
    try:
        yield
    finally:
        if not any(before):
            remove_unused_logs(store)


def remove_unused_logs(store: str) -> bool:
    """Remove the empty write-ahead log and the index beside the WAL store `store` while no
    connection has it open, as SQLite's last connection does at its close: under the write
    lock on the index's DMS byte, which every open connection holds a read lock on and every
    opening one asks for, so no process opens the store between the check and the unlinks
    (review r48: another process opening it just after a check of /proc/locks lost its
    index). Whether they were removed; kept when the log holds anything, another process
    has the store open, the index is not this user's, or the system has no such locks."""
    if os.name != "posix":  # (no POSIX locks: kept)
        return False
    wal, shm = f"{store}-wal", f"{store}-shm"
    try:
        held = os.lstat(shm)
        if not stat.S_ISREG(held.st_mode) or held.st_uid != os.geteuid():
            return False
        mode = stat.S_IMODE(held.st_mode)
        if not mode & stat.S_IWUSR:  # (made 0444 as the store is: ours, to lock it writable)
            os.chmod(shm, mode | stat.S_IWUSR)
        index = os.open(shm, os.O_RDWR | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        return _unlinked_under_lock(index, wal, shm)
    finally:
        if os.path.exists(shm) and not mode & stat.S_IWUSR:
            with contextlib.suppress(OSError):
                os.chmod(shm, mode)  # (kept: as it was)
        os.close(index)  # (which lets go of the lock, once both are gone)


def _unlinked_under_lock(index: int, wal: str, shm: str) -> bool:
    """remove_unused_logs' unlinks, each made only while the lock on `index`'s DMS byte is
    this process's."""
    import fcntl

    from newstui.store.lock_holder import WAL_DMS_BYTE

    try:
        fcntl.lockf(index, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, WAL_DMS_BYTE)
        if not os.path.samestat(os.fstat(index), os.lstat(shm)):
            return False  # (another index took its name meanwhile: that one is in use)
        if not os.path.isfile(wal) or file_size(wal):
            return False
        os.unlink(wal)
        os.unlink(shm)
        return True
    except OSError:  # (the lock is another's: the store is open)
        return False
