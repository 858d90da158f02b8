"""An add's mark beside its store: from its trial fetch until feeds.toml lists the feed, `newstui
add` (and the app's `a`) holds a lock (flock) on `<store>.adding-<digest of the feed's URL>`,
and a fetch that finds that feed missing from the config it read leaves it alone (user test r55
HIGH-1: a fetch in that window removed or set aside the feed being added, and the add then
failed with a database error, or said "Added" of a feed set aside).

The system drops the lock when the add's process ends, however it ends: a crashed add keeps no
feed from the fetch's removal. Where there is no flock nobody can tell, and a fetch reads the
config file again before it sets a source aside (ingest.configured_sources)."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Collection, Iterator

from newstui.file_locks import flock_held, flock_held_elsewhere, mark_beside

ADD_MARK = ".adding-"  # "<database>.adding-<16 hex digits>"


def _mark_file(database_file: str, url: str) -> str | None:
    """The mark's file of an add of `url` to the database at `database_file`; None for one in
    memory."""
    digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return mark_beside(database_file, f"{ADD_MARK}{digest}")


@contextlib.contextmanager
def add_marked(database_file: str, url: str) -> Iterator[None]:
    """Hold the mark of an add of the feed at `url` for the block. A mark that cannot be made (a
    read-only folder, no flock) leaves the add unmarked: it runs all the same."""
    with flock_held(_mark_file(database_file, url), shared=False, remove=True):
        yield


def adds_under_way(database_file: str, urls: Collection[str]) -> set[str]:
    """The URLs among `urls` that an add (this process's or another's) is writing now: stored by
    its trial fetch, not yet in feeds.toml."""
    paths = {url: _mark_file(database_file, url) for url in urls}
    return {url for url, path in paths.items() if path is not None and flock_held_elsewhere(path)}
