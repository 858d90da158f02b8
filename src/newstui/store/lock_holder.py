"""Which process holds a store's write lock, for the message of a command left waiting for it.
Linux lists every process's file locks in /proc/locks; elsewhere no process is named."""

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
