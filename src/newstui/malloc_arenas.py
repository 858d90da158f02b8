"""glibc's malloc reserves a 64 MB arena for each thread that allocates, up to eight per core:
the app, with its workers, reserved ~580 MB of address space for ~70 MB in use, and under a
host's `ulimit -v 600000` a search failed with MemoryError (user test r47 H1). Two arenas are
enough for newstui, whose threads mostly wait (the GIL, the network, SQLite)."""

from __future__ import annotations

import os

ARENAS_MOST = 2
_M_ARENA_MAX = -8  # glibc's malloc.h


def limit_malloc_arenas(most: int = ARENAS_MOST) -> bool:
    """Before the process starts a thread: glibc's malloc makes at most `most` arenas. Does
    nothing on another C library, or when MALLOC_ARENA_MAX already says how many (glibc read
    it at start). True when the limit was set."""
    if "MALLOC_ARENA_MAX" in os.environ or not _on_glibc():
        return False
    import ctypes  # (~2 ms; only here)

    try:
        return bool(ctypes.CDLL(None).mallopt(_M_ARENA_MAX, most))
    except (OSError, AttributeError):  # no symbol table to look in, or no mallopt in it
        return False


def _on_glibc() -> bool:
    try:
        return (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith("glibc")
    except (ValueError, OSError, AttributeError):  # unknown name (musl, macOS), no confstr
        return False
