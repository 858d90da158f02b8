"""A `newstui fetch`'s mark beside its store: a file (`<store>.fetching`) it holds a shared lock
on (flock) while it runs, so that the app leaves the pass over the articles the extractor has
not seen to the fetch, which analyses what is left at its end, and runs its own only once the
fetch is over (review r54 MED-9: an unanalysed article shown while a cron fetch ran started the
app's whole pass beside it, the same work twice, each waiting for the other's writes).

The system drops the lock when the fetch's process ends, however it ends. Where it has no
flock nobody can tell: `fetch_under_way` says None, and the app analyses as it did before."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from newstui.file_locks import flock_held, flock_held_elsewhere, mark_beside

FETCH_MARK = ".fetching"  # "<database>.fetching"


def _mark_file(database_file: str) -> str | None:
    """The mark's file of the database at `database_file`; None for one in memory."""
    return mark_beside(database_file, FETCH_MARK)


@contextlib.contextmanager
def fetch_marked(database_file: str) -> Iterator[None]:
    """Hold the store's fetch mark for the block: `with fetch_marked(library.database_file())`.
    Two fetches at once both hold it (a shared lock). A mark that cannot be made (a read-only
    folder, no flock) leaves the fetch unmarked: it runs all the same. The last fetch to let go
    removes the file: nothing is left beside the store (nor beside one a fetch never made)."""
    with flock_held(_mark_file(database_file), shared=True, remove=True):
        yield


def fetch_under_way(database_file: str) -> bool | None:
    """Whether a `newstui fetch` (another process) holds the store's fetch mark now; None where
    the system cannot tell (no flock, the mark unreadable)."""
    path = _mark_file(database_file)
    return False if path is None else flock_held_elsewhere(path)
