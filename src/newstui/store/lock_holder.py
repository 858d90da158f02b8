"""Which process holds a store's write lock, for the message of a command left waiting for it,
and whether another process has the store open at all (whose writes need room). Linux lists
every process's file locks in /proc/locks; elsewhere no process is named."""

from __future__ import annotations

import os

WAL_WRITE_LOCK_BYTE = 120
"""The byte of the "-shm" file a writer of a WAL database locks (SQLite's os_unix.c:
UNIX_SHM_BASE + WAL_WRITE_LOCK)."""


def write_lock_holder(path: str) -> int | None:
    """The process id holding the write lock of the WAL database at `path` (not this process),
    or None when none is seen (not Linux, no lock, a process of another namespace)."""
    try:
        shm = os.stat(f"{path}-shm")
        with open("/proc/locks", encoding="ascii", errors="replace") as locks:
            lines = locks.read().splitlines()
    except OSError:
        return None
    file = f"{os.major(shm.st_dev):02x}:{os.minor(shm.st_dev):02x}:{shm.st_ino}"
    wanted = ["POSIX", "ADVISORY", "WRITE", file, str(WAL_WRITE_LOCK_BYTE)]
    for line in lines:
        # "7: POSIX  ADVISORY  WRITE 21928 fe:00:2154501 120 120" ("7: -> …": one waiting)
        words = line.split()
        if len(words) == 8 and words[1:4] + words[5:7] == wanted and words[4].isdigit():
            pid = int(words[4])
            if pid not in (0, os.getpid()):
                return pid
    return None


WAL_DMS_BYTE = 128
"""The byte of the "-shm" file every connection to a WAL database holds a read lock on while it
is open (SQLite's os_unix.c: UNIX_SHM_DMS)."""


def opened_by_others(path: str) -> bool:
    """Whether a process other than this one has the WAL database at `path` open (its read lock
    on the -shm file's DMS byte). True where the system does not say (not Linux): a caller that
    leaves room for other writers then keeps doing so."""
    try:
        shm = os.stat(f"{path}-shm")
    except OSError:
        return False  # no -shm file: no connection has it open in WAL mode
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as locks:
            lines = locks.read().splitlines()
    except OSError:
        return True
    file = f"{os.major(shm.st_dev):02x}:{os.minor(shm.st_dev):02x}:{shm.st_ino}"
    for line in lines:
        # "9: POSIX  ADVISORY  READ 13850 fe:00:2531642 128 128" (a process of another pid
        # namespace shows as 0: another process too)
        words = line.split()
        if (
            len(words) == 8
            and words[1:3] == ["POSIX", "ADVISORY"]
            and words[5] == file
            and words[6] == str(WAL_DMS_BYTE)
            and words[4].isdigit()
            and int(words[4]) != os.getpid()
        ):
            return True
    return False
