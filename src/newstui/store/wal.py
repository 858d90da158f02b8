"""The write-ahead log: the switch to WAL mode, its size, and its checkpoints while a bulk write
(a cold fetch) goes on.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from contextlib import contextmanager
from typing import TYPE_CHECKING

from newstui.disk_room import free_bytes
from newstui.store.db import run_while_busy
from newstui.store.failures import connection_file

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from newstui.store.db import Database


BULK_CHECKPOINT_BYTES = 10_000 * 4096  # see bulk_writes (~40 MB)
LOG_SHARE_OF_FREE = 4  # a bulk write's log takes at most a quarter of the disk's free space
LOG_LEAST_BYTES = 1 << 20  # … and is let grow to 1 MiB at least (a checkpoint per few saves)
BULK_CACHE_KIB = 4096  # the page cache while bulk writing (SQLite's default is 2,000 KiB); 8 MiB
# cut a few more reads but put the fill's peak at 119 of its 120 MiB budget (2026-12-03)


WAL_RETRY_SECONDS = (0.001, 0.002, 0.005, 0.01, 0.02)  # then 0.05 s, up to BUSY_SECONDS


def write_ahead_log(
    conn: sqlite3.Connection, pause: Callable[[float], object] = time.sleep
) -> None:
    """Put the store in WAL mode, waiting (up to BUSY_SECONDS) while another process writes it.
    A store not yet in WAL mode is switched by a write of its header from within a read, for
    which SQLite waits for no other writer: two newstui making one new store at once (two
    `fetch` of a first run, the app and a cron job), the second failed at once with "database
    is locked" while the first wrote the header, and was told of a 30-second wait (1 of ~1,570
    pairs and triples of opens under load; 19 pairs in 20 where the first's write took 50 ms).
    The switch is tried again after a `pause` instead."""
    pauses = iter(WAL_RETRY_SECONDS)

    def paused() -> None:
        pause(next(pauses, 0.05))

    run_while_busy(conn, "PRAGMA journal_mode = WAL", paused)


def keep_log_small(conn: sqlite3.Connection, size: int | None = None) -> None:
    """Have the write-ahead log cut back to `size` bytes (default: as much as SQLite lets it
    hold between two of its checkpoints, wal_autocheckpoint's pages) once a checkpoint has
    copied it into the database: SQLite reuses the file from its start and leaves it at its
    largest, and a cold fetch's log (tens of MB, more while the app's reads held checkpoints
    back) stayed beside the store until the last connection closed, the app's quit. The cut is
    made by the first write that starts the log again, in any process."""
    if size is None:
        pages = int(conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        size = max(pages, 1) * int(conn.execute("PRAGMA page_size").fetchone()[0])
    conn.execute(f"PRAGMA journal_size_limit = {int(size)}")


@contextmanager
def bulk_writes(
    db: Database, size: int = BULK_CHECKPOINT_BYTES, cache_kib: int = BULK_CACHE_KIB
) -> Iterator[None]:
    """While a connection writes much in little time (a cold fetch), let the write-ahead log
    grow to `size` bytes before it is copied into the database, instead of SQLite's 1,000 pages:
    each checkpoint copies the pages written since the last (a page rewritten by many commits,
    once per checkpoint) and waits for the disk twice (fdatasync), on the writing thread. The
    log is still copied in full when the last connection closes, as before.

    The page cache holds `cache_kib` meanwhile: with SQLite's 2,000 KiB a cold fetch of 10,000
    articles read a page from the store's files 78,656 times (the articles it had just stored,
    read back to analyse and save them; the index pages each save goes through) and wrote one
    157,031 times; with 8,192 KiB 22,647 and 126,131 (~0.13 CPU-s less system time, ~7 MiB
    more memory). The previous settings are back afterwards.

    On a disk with little room the log may take at most a 1/LOG_SHARE_OF_FREE of what is free:
    a cold fetch took the log to 42 MB for a 27 MB store, and on a 40 MB disk the log alone
    filled it (user test r47 L7). Once a checkpoint has copied it, the log is cut back to that
    size meanwhile, and to its usual one afterwards (keep_log_small): the block's end copies it
    into the database, so that the next write does."""
    conn = db.conn
    before = int(conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    limit = int(conn.execute("PRAGMA journal_size_limit").fetchone()[0])
    cache = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    file = connection_file(conn)
    free = free_bytes(file) if file != ":memory:" else None
    if free is not None:
        size = max(LOG_LEAST_BYTES, min(size, free // LOG_SHARE_OF_FREE))
    pages = max(1, size // int(conn.execute("PRAGMA page_size").fetchone()[0]))
    conn.execute(f"PRAGMA wal_autocheckpoint = {pages}")
    conn.execute(f"PRAGMA journal_size_limit = {int(size)}")
    conn.execute(f"PRAGMA cache_size = {-int(cache_kib)}")  # (negative: KiB, not pages)
    try:
        yield
    finally:
        conn.execute(f"PRAGMA wal_autocheckpoint = {before}")
        conn.execute(f"PRAGMA journal_size_limit = {limit}")
        conn.execute(f"PRAGMA cache_size = {cache}")
    if file != ":memory:" and not conn.in_transaction:  # (a block ended as it should)
        # The log copied now (what the last connection's close would copy): the next write of
        # any connection starts it again and cuts it back. Left to them, the app's marks
        # reused a 41 MB log for ever when the fetch had copied it once and written less than
        # 1,000 pages since (the app copies only past that many).
        with contextlib.suppress(sqlite3.Error):  # (a reader in the way: copied later)
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")


@contextmanager
def checkpoint_beside(db: Database) -> Iterator[None]:
    """Copy the write-ahead log into the database file in a thread, on a connection of its own,
    while this one goes on writing; the block is left once the copy is done. At the end of a
    bulk write the log holds up to BULK_CHECKPOINT_BYTES, which closing the store copies
    (and waits for the disk) on the closing thread: copied beside the last analyses of a
    fetch, only the pages written since are left to the close. A PASSIVE checkpoint takes no
    lock a writer needs; where another checkpoint runs it does nothing."""
    row = db.conn.execute("PRAGMA database_list").fetchone()
    path = row[2] if row else ""
    if not path:  # in memory: no log
        yield
        return
    thread = threading.Thread(target=_checkpoint, args=(path,), name="checkpoint", daemon=True)
    thread.start()
    try:
        yield
    finally:
        thread.join()


def _checkpoint(path: str) -> None:
    """A PASSIVE checkpoint of the database at `path` (sqlite3 lets other threads run meanwhile)."""
    try:
        conn = sqlite3.connect(path, timeout=30)
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            conn.close()
    except sqlite3.Error:  # the close copies the log as before
        pass
