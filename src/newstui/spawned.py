"""A lazily started pool of spawned worker processes: the base of the parse, analysis and
extraction pools. Spawn, not fork, because forking a process that runs threads (the app) is unsafe."""

from __future__ import annotations

import multiprocessing
import signal
from concurrent.futures import ProcessPoolExecutor
from types import TracebackType
from typing import Self


def ignore_interrupts() -> None:
    """Worker initializer: Ctrl-C is the parent's to handle (no traceback from every worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class SpawnedPool:
    """Worker processes started on first use; use as a context manager."""

    def __init__(self, max_workers: int, tasks_per_worker: int | None = None) -> None:
        self.max_workers = max_workers
        self.tasks_per_worker = tasks_per_worker
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.max_workers,
                mp_context=multiprocessing.get_context("spawn"),
                max_tasks_per_child=self.tasks_per_worker,
                initializer=ignore_interrupts,
            )
        return self._executor

    def _restart(self) -> None:
        """Drop a broken pool (a worker died): the next task starts a fresh one."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        self._executor = None

    def close(self) -> None:
        """Stop the workers, cancelling tasks not yet started."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
