"""Which process holds a store's write lock, for the message of a command left waiting for it,
and whether another process has the store open at all (whose writes need room). Linux lists
every process's file locks in /proc/locks; elsewhere no process is named."""

from __future__ import annotations

import os

WAL_WRITE_LOCK_BYTE = 120
"""The byte of the "-shm" file a writer of a WAL database locks (SQLite's os_unix.c:
UNIX_SHM_BASE + WAL_WRITE_LOCK)."""


def _shm_file(path: str) -> str | None:
    """The "-shm" file of the WAL database at `path` as /proc/locks names it (major:minor:inode
    in hex, decimal), or None when there is none (no connection has the database open in WAL)."""
    try:
        shm = os.stat(f"{path}-shm")
    except OSError:
        return None
    return f"{os.major(shm.st_dev):02x}:{os.minor(shm.st_dev):02x}:{shm.st_ino}"


def _posix_locks(file: str) -> list[tuple[str, int, str]]:
    """(READ or WRITE, process id, first byte) of each POSIX lock held on `file` (one waited for
    is not listed), from /proc/locks; OSError when it cannot be read."""
    with open("/proc/locks", encoding="ascii", errors="replace") as locks:
        lines = locks.read().splitlines()
    found = []
    for line in lines:
        # "7: POSIX  ADVISORY  WRITE 21928 fe:00:2154501 120 120" ("7: -> …": one waiting; a
        # process of another pid namespace shows as 0)
        words = line.split()
        if (
            len(words) == 8
            and words[1:3] == ["POSIX", "ADVISORY"]
            and words[5] == file
            and words[4].isdigit()
        ):
            found.append((words[3], int(words[4]), words[6]))
    return found


def write_lock_holder(path: str) -> int | None:
    """The process id holding the write lock of the WAL database at `path` (not this process),
    or None when none is seen (not Linux, no lock, a process of another namespace)."""
    return _other_holder(path, WAL_WRITE_LOCK_BYTE, "WRITE")


def _other_holder(path: str, byte: int, kind: str | None = None) -> int | None:
    """The id of a process other than this one holding a lock (of `kind`, if given) on `byte`
    of the -shm file of the WAL database at `path`; None when none is seen."""
    file = _shm_file(path)
    if file is None:
        return None
    try:
        locks = _posix_locks(file)
    except OSError:
        return None
    for held, pid, first in locks:
        if first == str(byte) and kind in (None, held) and pid not in (0, os.getpid()):
            return pid
    return None


WAL_DMS_BYTE = 128
"""The byte of the "-shm" file every connection to a WAL database holds a read lock on while it
is open (SQLite's os_unix.c: UNIX_SHM_DMS)."""


def opened_by_others(path: str) -> bool:
    """Whether a process other than this one has the WAL database at `path` open (its read lock
    on the -shm file's DMS byte). True where the system does not say (not Linux): a caller that
    leaves room for other writers then keeps doing so."""
    file = _shm_file(path)
    if file is None:
        return False  # no -shm file: no connection has it open in WAL mode
    try:
        locks = _posix_locks(file)
    except OSError:
        return True
    return any(byte == str(WAL_DMS_BYTE) and pid != os.getpid() for _, pid, byte in locks)


def holder_of(path: str) -> int | None:
    """The id of a process other than this one that has the WAL database at `path` open (the
    writer first), or None when none is seen (not Linux, no -shm, another pid namespace)."""
    writer = write_lock_holder(path)
    return writer if writer is not None else _other_holder(path, WAL_DMS_BYTE)


def runs_what(pid: int) -> str:
    """ "newstui" when the process, or its parent (the app's refresh runs in a child), runs
    newstui, else "process": the words for who holds a store."""
    for _ in range(2):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as file:
                words = file.read().split(b"\0")
            with open(f"/proc/{pid}/stat", "rb") as file:  # "pid (name) state ppid …"
                pid = int(file.read().rpartition(b")")[2].split()[1])
        except (OSError, ValueError, IndexError):
            return "process"
        if any(os.path.basename(word) == b"newstui" for word in words):
            return "newstui"
    return "process"


def holder_work(path: str) -> tuple[int, int] | None:
    """The process holding the write lock of the WAL database at `path` (not this process) and
    the CPU time it has used (clock ticks, user and system), or None when none is seen or it
    is stopped (Ctrl-Z, SIGSTOP): a holder whose time grows is working, not hung (an upgrade's
    step of a minute, which a waiter gave up on after 30 s)."""
    pid = write_lock_holder(path)
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/stat", "rb") as file:  # "pid (name) state ppid … utime stime …"
            fields = file.read().rpartition(b")")[2].split()
        stopped = fields[0] in (b"T", b"t")
        ticks = int(fields[11]) + int(fields[12])
    except (OSError, ValueError, IndexError):
        return None
    return None if stopped else (pid, ticks)


class HolderWatch:
    """Looks, again and again, at the process holding the write lock of the WAL database at
    `path`: `working()` is True when the same process holds it as at the last look and has
    used CPU time since (`pid`: the last holder seen working)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.pid: int | None = None
        self._last: tuple[int, int] | None = None

    def working(self) -> bool:
        """Whether the lock's holder worked since the last look (False at the first)."""
        now = holder_work(self.path)
        last, self._last = self._last, now
        if now is not None and now[0] != self.pid:
            self.pid = None  # (another holder: not the one seen working; None: stopped, kept)
        if now is None or last is None or now[0] != last[0] or now[1] <= last[1]:
            return False
        self.pid = now[0]
        return True
