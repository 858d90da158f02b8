"""A lazily started pool of spawned worker processes: the base of the parse, analysis and
extraction pools. Spawn, not fork, because forking a process that runs threads (the app) is unsafe.

Workers never outlive newstui: each watches its parent and exits the moment the parent is gone
(even after `kill -9`), and a pool left by an error or a signal (Ctrl-C, SIGTERM, SIGHUP, a
cancelled refresh) cancels what has not started and ends its workers at once.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import time
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from types import TracebackType
from typing import TYPE_CHECKING, Self, TypeVar

if TYPE_CHECKING:
    import asyncio

T = TypeVar("T")

PARENT_POLL = 1.0  # seconds between looks at the parent's pid, beside its sentinel
EXIT_PARENT_GONE = 70  # a worker's exit status when it stopped because its parent died
MANAGER_GRACE = 2.0  # seconds an abandoned pool's manager thread is given to end
RESULT_PIPE_BYTES = 2**20  # what the pipe bringing results back holds: see _widen_result_pipe

_live_pools: weakref.WeakSet[SpawnedPool] = weakref.WeakSet()
_stopping = threading.Event()  # set by stop_all_pools: no new workers start after it


class PoolStopped(RuntimeError):
    """A task was submitted after newstui began to stop."""


def skip_tracker_process() -> bool:
    """Start this process's workers without multiprocessing's resource tracker, a Python
    process of its own (12 MiB, a tenth of a 100,000-article fill's memory) that lives as long
    as newstui only to unlink a pool's named semaphores should newstui be killed before its
    pools close. Each pool unlinks them when it closes (also at exit); after a `kill -9` a
    few 32-byte semaphores stay in /dev/shm until reboot. The tracker's messages go to
    /dev/null. False where a tracker runs or this cannot be done (not POSIX, other internals)."""
    from multiprocessing import resource_tracker

    tracker = getattr(resource_tracker, "_resource_tracker", None)
    lock = getattr(tracker, "_lock", None)
    if os.name != "posix" or tracker is None or lock is None or not hasattr(tracker, "_fd"):
        return False
    with lock:
        if tracker._pid is not None:  # started already
            return False
        if tracker._fd is None:
            tracker._fd = os.open(os.devnull, os.O_WRONLY)  # (not inherited but by workers)
    return True


def prepare_worker() -> None:
    """Worker initializer: Ctrl-C and a terminal's hang-up reach the whole process group, but
    are the parent's to handle (it stops its pools in order); the worker exits as soon as its
    parent process is gone. Its exit skips the interpreter's last collection (see
    freeze_at_exit). Its malloc keeps to a few arenas, as newstui's own process does."""
    from newstui.malloc_arenas import limit_malloc_arenas

    limit_malloc_arenas()  # (before the parent-watching thread)
    for signum in (signal.SIGINT, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            signal.signal(signum, signal.SIG_IGN)
    watch_parent()
    freeze_at_exit()


def freeze_at_exit() -> None:
    """Freeze the collector's objects when the process exits (before its other exit hooks,
    which run last registered first): the interpreter's last collection then skips the
    objects it would examine only to free them anyway (modules, classes: ~15 ms of CPU in a
    parsing worker, ~20 ms in newstui's own process after a command). They are freed by
    reference counting as before, so a file or a connection left open is still closed; only
    objects in reference cycles are left to the end of the process, unfinalized (nothing of
    newstui leaves one with a write pending: stores are closed, pools and loops shut)."""
    import atexit
    import gc

    atexit.register(gc.freeze)


def watch_parent() -> None:
    """In a spawned process: exit the moment the process that spawned it is gone."""
    parent = multiprocessing.parent_process()
    sentinel = parent.sentinel if parent is not None else None
    threading.Thread(
        target=_exit_with_parent, args=(sentinel, os.getppid()), name="parent-watch", daemon=True
    ).start()


def _exit_with_parent(sentinel: int | None, parent_pid: int) -> None:
    """Wait for the parent's end: its sentinel pipe closes (multiprocessing holds the other end in
    the parent, so the kernel closes it when the parent dies however it dies), or the worker is
    re-parented. Then exit at once: a worker holds nothing that needs saving.

    Not prctl(PR_SET_PDEATHSIG): it fires when the parent *thread* that started the worker ends,
    and newstui starts pools from short-lived threads (the app's refresh workers).
    """
    while True:
        if sentinel is not None:
            gone = bool(multiprocessing.connection.wait([sentinel], timeout=PARENT_POLL))
        else:  # no sentinel: poll the parent's pid only
            time.sleep(PARENT_POLL)
            gone = False
        if gone or os.getppid() != parent_pid:
            os._exit(EXIT_PARENT_GONE)


class RecyclingExecutor(ProcessPoolExecutor):
    """A process pool whose workers, replaced after `max_tasks_per_child` tasks, are always
    replaced, and only once gone. Python before 3.13.x (CPython gh-115634) skips the
    replacement when a stale "idle worker" token is left, and once every worker has retired the
    queued tasks wait for ever: a `newstui fetch` of 20,000 articles hung after ~1,000 analysis
    tasks. And a task submitted while a retired worker was exiting started another worker
    beside it."""

    _full = False  # every worker has been started once: only replacements are spawned now

    def _adjust_process_count(self) -> None:
        if threading.current_thread() is getattr(self, "_executor_manager_thread", None):
            # Called by the manager thread only when a worker exited (and it has waited for
            # the exit): replace it whatever the idle-worker semaphore says (Python 3.13.x+
            # calls _replace_dead_worker instead).
            if len(self._processes) < self._max_workers:  # type: ignore[attr-defined]
                self._spawn_process()  # type: ignore[attr-defined]
            return
        if self._full:
            # A submit while a retired worker is still exiting (already dropped from the
            # list, not yet gone) would start its replacement at once: two workers' memory.
            return
        super()._adjust_process_count()  # type: ignore[misc]
        self._full = len(self._processes) >= self._max_workers  # type: ignore[attr-defined]


class SpawnedPool:
    """Worker processes started on first use; use as a context manager.

    Leaving the context normally waits for the workers; leaving it by an exception (Ctrl-C,
    SIGTERM, a cancelled fetch) cancels the tasks not started and does not wait.
    """

    def __init__(self, max_workers: int, tasks_per_worker: int | None = None) -> None:
        self.max_workers = max_workers
        self.tasks_per_worker = tasks_per_worker
        self._executor: ProcessPoolExecutor | None = None
        self.starts = 0  # executors started (the first, and each after a death or a close)
        self._leaving: list[threading.Thread] = []  # managers of wound-down executors

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(wait=exc is None)

    def _pool(self) -> ProcessPoolExecutor:
        if _stopping.is_set():
            raise PoolStopped("newstui is stopping")
        if self._executor is None:
            skip_tracker_process()
            self._executor = RecyclingExecutor(
                max_workers=self.max_workers,
                mp_context=multiprocessing.get_context("spawn"),
                max_tasks_per_child=self.tasks_per_worker,
                initializer=prepare_worker,
            )
            self.starts += 1
            _widen_result_pipe(self._executor)
            _live_pools.add(self)
        return self._executor

    def submit_call(self, fn: Callable[..., T], /, *args: object) -> Future[T]:
        """Run `fn(*args)` in a worker (started on first use). A pool broken by a worker's
        death (the OOM killer, a crash in C) is replaced: its tasks failed, later ones run."""
        try:
            return self._pool().submit(fn, *args)
        except BrokenProcessPool:
            self._restart()
            return self._pool().submit(fn, *args)

    def start(self) -> None:
        """Make the pool now (its workers still start with the first task): raises OSError,
        NotImplementedError or ImportError where none can be made (no working sem_open)."""
        self._pool()

    def wind_down(self, *, drop_queued: bool = False) -> None:
        """Let the workers exit once their tasks are done, without waiting for them: the caller
        goes on meanwhile (a fetch closes its store: ~0.15 s of a worker's exit off its end),
        and `close` then finds them gone. A task submitted later starts new workers.
        `drop_queued`: tasks not yet started are cancelled, not run first (the app quits: the
        process's exit waited for every queued chunk, review r54 HIGH-11)."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        manager = getattr(executor, "_executor_manager_thread", None)
        if drop_queued:
            # (shutdown's cancel_futures is done by the manager thread only while the executor
            # is alive, and it goes with this call: the futures are cancelled here; the manager
            # skips a cancelled one rather than send it to a worker)
            for item in list(getattr(executor, "_pending_work_items", {}).values()):
                item.future.cancel()
        # (forgets its manager thread: kept here, see close)
        executor.shutdown(wait=False, cancel_futures=drop_queued)
        if manager is not None:
            self._leaving.append(manager)

    def _restart(self) -> None:
        """Drop a broken pool (a worker died): the next task starts a fresh one."""
        self.close(wait=False)

    def close(self, *, wait: bool = True) -> None:
        """Stop the pool, cancelling tasks not yet started: wait for the running ones, or end
        the workers at once (their tasks fail with BrokenProcessPool)."""
        executor, self._executor = self._executor, None
        if executor is not None:
            self._close(executor, wait=wait)
        leaving, self._leaving = self._leaving, []
        for manager in leaving:  # wound down: it ends once its workers have exited
            if manager is not threading.current_thread():
                manager.join(None if wait else MANAGER_GRACE)

    @staticmethod
    def _close(executor: ProcessPoolExecutor, *, wait: bool) -> None:
        manager = getattr(executor, "_executor_manager_thread", None)
        if not wait:
            _end_workers(executor)  # first: shutdown() forgets the worker processes
        executor.shutdown(wait=wait, cancel_futures=True)
        if not wait and manager is not None and manager is not threading.current_thread():
            # With its workers gone the manager thread ends at once; let it. Left running, it
            # races the interpreter's exit hook, which wakes it through a pipe it is closing
            # (Python 3.11: an `OSError: [Errno 9] Bad file descriptor` traceback on exit).
            manager.join(MANAGER_GRACE)


def _widen_result_pipe(executor: ProcessPoolExecutor) -> None:
    """Let the pipe that brings the workers' results back hold RESULT_PIPE_BYTES (Linux: 64 KiB
    otherwise). A parsed 50-item feed is ~70 KB: its worker waited, unable to start its next
    task, until the busy fetching process had read the rest (4-7 ms a document, ~0.9 s of a
    cold fetch of 10,000 articles). Where the size cannot be set, results pass as before."""
    try:
        import fcntl
    except ImportError:  # not POSIX
        return
    setsize = getattr(fcntl, "F_SETPIPE_SZ", None)  # Linux only
    writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)
    if setsize is None or writer is None:
        return
    with suppress(OSError, ValueError):  # above /proc/sys/fs/pipe-max-size: left as it is
        fcntl.fcntl(writer.fileno(), setsize, RESULT_PIPE_BYTES)


def _end_workers(executor: ProcessPoolExecutor) -> None:
    """Terminate an executor's worker processes now.

    Safe because no future of a pool is cancelled from outside (see `pool_result`): Python
    3.11's executor crashes its manager thread, and newstui then hangs on exit, when a worker
    dies while a cancelled task is still queued.
    """
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        with suppress(Exception):
            terminate()
        return
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        with suppress(Exception):
            process.terminate()
    # A worker ended while sending a result leaves half a message in the result pipe, and the
    # executor's manager thread waits for the rest for ever (exit then hangs joining it). With
    # this process's copy of the pipe's writing end closed, the rest becomes end-of-file once
    # the workers are gone, which the manager reads as a broken pool.
    writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)
    if writer is not None:
        with suppress(Exception):
            writer.close()


async def pool_result(future: Future[T]) -> T:
    """Await a pool task's result from asyncio. Cancelling the awaiting task leaves the pool's
    future alone (asyncio.wrap_future would cancel it; see `_end_workers` for why not).
    asyncio is imported here: workers import this module, and asyncio brings ssl (~8 MiB)."""
    import asyncio

    loop = asyncio.get_running_loop()
    waiter: asyncio.Future[T] = loop.create_future()

    def settle(done: Future[T]) -> None:
        with suppress(RuntimeError):  # the event loop is already closed: nobody waits
            loop.call_soon_threadsafe(_copy_outcome, done, waiter)

    future.add_done_callback(settle)
    return await waiter


def _copy_outcome(source: Future[T], waiter: asyncio.Future[T]) -> None:
    if waiter.done():
        return
    if source.cancelled():
        waiter.cancel()
    elif (error := source.exception()) is not None:
        waiter.set_exception(error)
    else:
        waiter.set_result(source.result())


def stopping() -> bool:
    """True once newstui has begun to stop its pools for good (a signal)."""
    return _stopping.is_set()


def stop_all_pools() -> None:
    """End the workers of every pool in this process and start no new ones (newstui exits)."""
    _stopping.set()
    for pool in list(_live_pools):
        pool.close(wait=False)


def allow_pools_again() -> None:
    """Undo `stop_all_pools`' ban on new workers, for a process that lives on after newstui
    stopped (a test suite that runs the app's signal stop, then more tests)."""
    _stopping.clear()
