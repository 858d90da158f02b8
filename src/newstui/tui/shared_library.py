"""One library connection shared by the app's worker threads, used by one thread at a time."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from newstui.library import Library

T = TypeVar("T")


class SharedLibrary:
    """A `Library` opened for use from threads, with a lock so only one thread uses it at once.
    Opened at once, or (`opened=False`) by `open` once the app has upgraded the store."""

    def __init__(self, path: Path | str, *, opened: bool = True) -> None:
        self.path = path
        self._library = Library.open(path, threads=True) if opened else None
        self._lock = threading.Lock()
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newstui-write")

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

    async def write(self, change: Callable[[Library], T]) -> T:
        """Run a change off the event loop, in the order asked: `await shared.write(lambda
        lib: lib.mark(ids, read=True))`."""

        def run() -> T:
            with self.borrow() as library:
                return change(library)

        return await asyncio.get_running_loop().run_in_executor(self._writer, run)

    def close(self) -> None:
        """Finish pending writes, then close the connection."""
        self._writer.shutdown(wait=True)
        with self._lock:
            if self._library is not None:
                self._library.close()
