"""Marks beside the store that live as long as a process holds them: a file it holds a flock on
(fetch_mark, add_mark). The system drops the lock when that process ends, however it ends.
Where the system has no flock nothing is held, and nobody can tell (None)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

try:
    import fcntl
except ImportError:  # not POSIX: no marks
    fcntl = None  # type: ignore[assignment]


def mark_beside(database_file: str, suffix: str) -> str | None:
    """The path of the mark `suffix` of the database at `database_file`; None for one in memory.
    The file's own path: a store reached through a symbolic link (`--db link.db`) and the same
    store named by SQLite (links followed) share one mark (review r55 L1)."""
    if not database_file or database_file == ":memory:":
        return None
    return f"{os.path.realpath(database_file)}{suffix}"


@contextlib.contextmanager
def flock_held(path: str | None, *, shared: bool, remove: bool = False) -> Iterator[None]:
    """Hold a flock on the file at `path` (made if missing) for the block, shared or exclusive;
    `remove`: the file goes when the block ends, if no other holder shares it then. A lock that
    cannot be taken (a read-only folder, no flock, no `path`) leaves the block unmarked: it runs all the same."""
    fd = None
    if path is not None and fcntl is not None:
        fd = _locked(path, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
    try:
        yield
    finally:
        if fd is not None:
            if remove and path is not None and _last_holder(fd):
                # (before the lock goes: a look meanwhile waits; one waiting to hold it opens
                # the file again, see _locked)
                with contextlib.suppress(OSError):
                    os.unlink(path)
            os.close(fd)  # (drops the lock)


def _last_holder(fd: int) -> bool:
    """Whether no other holder shares the lock held on `fd`: it is made exclusive if it can be
    at once (already so when it was taken exclusive)."""
    assert fcntl is not None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _locked(path: str, how: int) -> int | None:
    """A descriptor of the file at `path` (made if missing) holding a flock of kind `how`; None
    when it cannot be had. A holder that removes the file as it lets go (`remove`) may do so while
    this one waits: the lock then won is on a file nobody else can find, so it is let go and the
    file at `path` opened again (review r55 L5)."""
    assert fcntl is not None
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return None
        try:
            fcntl.flock(fd, how)
            if os.fstat(fd).st_ino == os.stat(path).st_ino:
                return fd
        except FileNotFoundError:
            pass  # removed while this one waited: open it again
        except OSError:
            os.close(fd)
            return None
        os.close(fd)


def flock_held_elsewhere(path: str) -> bool | None:
    """Whether another holder (process, or open file here) has a flock on the file at `path`
    now; False when there is no such file, None where the system cannot tell."""
    if fcntl is None:
        return None
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return None
    finally:
        os.close(fd)  # (drops the lock taken to look, at once)
    return False
