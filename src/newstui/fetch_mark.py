"""A `newstui fetch`'s mark beside its store: a file (`<store>.fetching`) it holds a shared lock
on (flock) while it runs, so that the app leaves the pass over the articles the extractor has
not seen to the fetch, which analyses what is left at its end, and runs its own only once the
fetch is over (review r54 MED-9: an unanalysed article shown while a cron fetch ran started the
app's whole pass beside it, the same work twice, each waiting for the other's writes).

The system drops the lock when the fetch's process ends, however it ends. Where it has no
flock nobody can tell: `fetch_under_way` says None, and the app analyses as it did before."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

try:
    import fcntl
except ImportError:  # not POSIX: no mark (the app cannot tell, and analyses at once)
    fcntl = None  # type: ignore[assignment]

FETCH_MARK = ".fetching"  # "<database>.fetching"


def _mark_file(database_file: str) -> str | None:
    """The mark's file of the database at `database_file`; None for one in memory."""
    if not database_file or database_file == ":memory:":
        return None
    return f"{database_file}{FETCH_MARK}"


@contextlib.contextmanager
def fetch_marked(database_file: str) -> Iterator[None]:
    """Hold the store's fetch mark for the block: `with fetch_marked(library.database_file())`.
    Two fetches at once both hold it (a shared lock). A mark that cannot be made (a read-only
    folder, no flock) leaves the fetch unmarked: it runs all the same."""
    path = _mark_file(database_file)
    fd = None
    if path is not None and fcntl is not None:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.flock(fd, fcntl.LOCK_SH)
        except OSError:
            if fd is not None:
                os.close(fd)
            fd = None
    try:
        yield
    finally:
        if fd is not None:
            os.close(fd)  # (drops the lock; the empty file stays for the next fetch)


def fetch_under_way(database_file: str) -> bool | None:
    """Whether a `newstui fetch` (another process) holds the store's fetch mark now; None where
    the system cannot tell (no flock, the mark unreadable)."""
    path = _mark_file(database_file)
    if path is None:
        return False
    if fcntl is None:
        return None
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False  # no fetch has run on this store since newstui made marks
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
