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
    """A `Library` opened for use from threads, with a lock so only one thread uses it at once."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self._library = Library.open(path, threads=True)
        self._lock = threading.Lock()
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newstui-write")

    @contextmanager
    def borrow(self) -> Iterator[Library]:
        """The library, held by this thread until the block ends: `with shared.borrow() as lib`."""
        with self._lock:
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
            self._library.close()
