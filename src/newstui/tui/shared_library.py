"""One library connection shared by the app's worker threads, used by one thread at a time, and
one for its writes, so that a write waiting for another process's lock holds up no read."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from newstui.busy import busy_error
from newstui.library import Library

if TYPE_CHECKING:
    from newstui.model.store_upgrade import StoreUpgrade

T = TypeVar("T")

WAIT_NOTICE_SECONDS = 1.0  # a write still waiting this long says for whom (`waiting`)


class SharedLibrary:
    """A `Library` opened for use from threads, with a lock so only one thread uses it at once.
    Opened at once, or (`opened=False`) by `open` once the app has upgraded the store. Writes
    go through their own connection, in order, in one thread; `waiting` is called with the
    process holding the store's write lock when a write has waited WAIT_NOTICE_SECONDS for it;
    `upgraded` when opening it at once upgraded the store (Library.open)."""

    def __init__(
        self,
        path: Path | str,
        *,
        opened: bool = True,
        waiting: Callable[[int], None] | None = None,
        upgraded: Callable[[StoreUpgrade], None] | None = None,
    ) -> None:
        self.path = path
        self.waiting = waiting
        self._library = Library.open(path, threads=True, upgraded=upgraded) if opened else None
        self._lock = threading.Lock()
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newstui-write")
        self._writes: Library | None = None  # opened by the first write, in the writer thread

    def open(self) -> None:
        """Open the store now (one made with `opened=False`)."""
        with self._lock:
            if self._library is None:
                self._library = Library.open(self.path, threads=True)

    @contextmanager
    def borrow(self) -> Iterator[Library]:
        """The library, held by this thread until the block ends: `with shared.borrow() as lib`."""
        with self._lock:
            if self._library is None:
                raise RuntimeError("the store is not open yet")  # the app opens it first
            yield self._library

    async def read(self, query: Callable[[Library], T]) -> T:
        """Run a read off the event loop, on the reads' connection once no other thread holds
        it: `rows = await shared.read(lambda lib: lib.downloads.all())`."""

        def run() -> T:
            with self.borrow() as library:
                return query(library)

        return await asyncio.to_thread(run)

    async def write(self, change: Callable[[Library], T]) -> T:
        """Run a change off the event loop, in the order asked, on the write connection: `await
        shared.write(lambda lib: lib.mark(ids, read=True))`. One that waited in vain for another
        process's lock raises the CLI's StoreError (the file, and the process holding it)."""

        def run() -> T:
            if self._writes is None:
                if self._library is None:
                    raise RuntimeError("the store is not open yet")  # the app opens it first
                self._writes = Library.open(self.path, threads=True)
            try:
                return change(self._writes)
            except sqlite3.Error as exc:
                if Library.is_busy(exc):  # waited in vain: the file, and who holds it, as the CLI
                    raise busy_error(self.path) from exc
                raise

        future = asyncio.get_running_loop().run_in_executor(self._writer, run)
        if self.waiting is not None:
            done, _ = await asyncio.wait({future}, timeout=WAIT_NOTICE_SECONDS)
            if not done:
                pid = await asyncio.to_thread(Library.write_lock_holder, self.path)
                if pid is not None and not future.done():  # (not a slow write of its own)
                    self.waiting(pid)
        return await future

    def close(self) -> None:
        """Finish pending writes, then close the connections."""
        self._writer.shutdown(wait=True)
        with self._lock:
            if self._writes is not None:
                self._writes.close()
                self._writes = None
            if self._library is not None:
                self._library.close()
