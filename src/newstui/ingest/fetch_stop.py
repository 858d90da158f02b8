"""A fetch's stop, as the sweep after it (analysis left over, story joins) looks for it: the
app's cancel or a Ctrl-C, which asyncio.run turns into the fetch task's cancellation. That
sweep runs on the event loop without awaiting, so the cancellation alone took effect only
after it (r54 MED-8: Ctrl-C during `newstui fetch` waited minutes for a join)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

LOOK_EVERY_SECONDS = 0.05  # how often a wait looks at the task's cancellation


class FetchStop(threading.Event):
    """Set by `cancel` (the app's, from another thread), by set(), or once `task` is being
    cancelled. `gap_seconds`: how long a join leaves the write lock free between two of its
    transactions (the CLI's: only while another process has the store open)."""

    def __init__(
        self,
        task: asyncio.Task[object] | None,
        cancel: threading.Event | None,
        gap_seconds: Callable[[], float],
    ) -> None:
        super().__init__()
        self._task, self._cancel, self.gap_seconds = task, cancel, gap_seconds

    def is_set(self) -> bool:
        """Whether the fetch is being stopped."""
        if not super().is_set() and (
            (self._cancel is not None and self._cancel.is_set())
            or (self._task is not None and self._task.cancelling() > 0)
        ):
            self.set()
        return super().is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the fetch is stopped, or `timeout` seconds (None: for good)."""
        end = None if timeout is None else time.monotonic() + timeout
        while not self.is_set():
            left = LOOK_EVERY_SECONDS if end is None else end - time.monotonic()
            if left <= 0:
                return False
            super().wait(min(left, LOOK_EVERY_SECONDS))
        return True
