"""One database connection shared by the app's worker threads, used by one thread at a time."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from newstui.store import open_db

if TYPE_CHECKING:
    from textual.app import App

T = TypeVar("T")


class SharedDatabase:
    """A connection opened for use from threads, with a lock so only one thread uses it at once."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self._db = open_db(path, threads=True)
        self._lock = threading.Lock()
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newstui-write")

    def run(self, query: Callable[..., T], *args: object, **kwargs: object) -> T:
        """Call a store function with the connection as its first argument, holding the lock."""
        with self._lock:
            return query(self._db, *args, **kwargs)

    async def write(self, query: Callable[..., T], *args: object, **kwargs: object) -> T:
        """Run a store function that changes state off the event loop, in the order asked."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._writer, partial(self.run, query, *args, **kwargs))

    def close(self) -> None:
        """Finish pending writes, then close the connection."""
        self._writer.shutdown(wait=True)
        with self._lock:
            self._db.conn.close()


def report_db_error(app: App, exc: Exception) -> None:
    """From a worker thread: show a database error as one notification (none once quitting)."""
    message = f"database error: {exc}".splitlines()[0]
    with suppress(RuntimeError):  # the app has stopped
        app.call_from_thread(app.notify, message, severity="error", markup=False)
