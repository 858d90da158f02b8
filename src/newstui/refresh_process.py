"""A long refresh in a child process, so the app's interpreter stays free for keys: fetching,
parsing, storing and analysing run there, and each source's outcome comes back as one small
message, handed to the caller's callbacks in the caller's thread."""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from newstui.model import CleanupReport, RemovedSource, SourceOutcome
from newstui.spawned import watch_parent

if TYPE_CHECKING:
    from multiprocessing.synchronize import Event as ProcessEvent

logger = logging.getLogger(__name__)

POLL = 0.1  # seconds between looks at the cancel event while waiting for the child
STOP_GRACE = 2.0  # seconds a cancelled child gets to finish its transaction before it is ended
NICENESS = 10  # the child's scheduling priority below the app's (its pool workers inherit it)

Report = Callable[[SourceOutcome], None]
Removed = Callable[[RemovedSource | CleanupReport], None]  # a removed source, or the cleanup
Pages = Callable[[int, int], None]  # article pages read, of those planned (or analysed, of due)


RefreshWork = Callable[..., str | None]  # a module-level refresh function (the child imports it
# by name), called with its arguments and the keywords report, cancel, removed, pages, analysed


def run_in_child(
    work: RefreshWork,
    args: tuple[Any, ...],
    *,
    report: Report,
    removed: Removed | None = None,
    cancel: threading.Event | None = None,
    pages: Pages | None = None,
    analysed: Pages | None = None,
) -> str | None:
    """Run `work(*args, report=…, cancel=…, removed=…, pages=…, analysed=…)` in a spawned
    child process; `report`, `removed`, `pages` and `analysed` are called here as the child
    sends outcomes. Returns the work's warning (None when
    cancelled). Setting `cancel` stops the child soon; after STOP_GRACE seconds it is ended.
    Where no child process can start (processes.WORKERS) the work runs in this thread."""
    if cancel is not None and cancel.is_set():
        return None
    from newstui.processes import NO_WORKERS, WORKERS

    here = partial(
        _run_here,
        work,
        args,
        report=report,
        removed=removed,
        cancel=cancel,
        pages=pages,
        analysed=analysed,
    )
    if not WORKERS.possible:
        return here()
    ctx = multiprocessing.get_context("spawn")  # the app runs threads: never fork it
    try:
        messages = ctx.Queue()
    except NO_WORKERS as exc:  # no sem_open, no /dev/shm
        WORKERS.failed(exc)  # said once
        return here()
    try:
        stop = ctx.Event()
        child = ctx.Process(
            target=_child_main, args=(work, args, messages, stop), name="newstui-refresh"
        )
        child.start()
    except NO_WORKERS as exc:  # a process limit
        messages.close()
        WORKERS.failed(exc)
        return here()
    stopping_since: float | None = None
    ended_seen = False  # the child was seen ended once, with no message waiting at that look
    said_done = False
    try:
        while True:
            if cancel is not None and cancel.is_set() and stopping_since is None:
                stop.set()
                stopping_since = time.monotonic()
            try:
                kind, value = messages.get(timeout=POLL)
            except queue.Empty:
                if stopping_since is not None:
                    if time.monotonic() - stopping_since > STOP_GRACE or not child.is_alive():
                        return None
                elif not child.is_alive():
                    # a child flushes its queue before it ends, but its last message can land
                    # between a look that found none and the look that finds the child ended
                    # (a busy machine): read once more before calling the refresh failed
                    if ended_seen:
                        return _ended(child.exitcode)
                    ended_seen = True
                continue
            if kind == "outcome":
                report(value)
            elif kind == "log":  # the child's warning, logged here: the app shows it
                logger.warning("%s", value)
            elif kind == "removed" and removed is not None:
                removed(value)
            elif kind == "pages" and pages is not None:
                pages(*value)
            elif kind == "analysed" and analysed is not None:
                analysed(*value)
            elif kind == "done":
                said_done = stopping_since is None
                return None if stopping_since is not None else value
    finally:
        if said_done:  # its work is over (its store closed): the refresh ends now, while the
            # child winds down (~0.07 s: the queue's thread, the interpreter), ended apart
            threading.Thread(target=_end, args=(child, messages), daemon=True).start()
        else:
            _end(child, messages)


def _end(child: multiprocessing.process.BaseProcess, messages: multiprocessing.Queue[Any]) -> None:
    """Wait for the child to end (STOP_GRACE at most, then end it) and close its queue."""
    child.join(timeout=STOP_GRACE)
    if child.is_alive():  # cancelled and still busy: SQLite rolls back what it was writing
        child.terminate()
        child.join()
    messages.close()


def _run_here(
    work: RefreshWork,
    args: tuple[Any, ...],
    *,
    report: Report,
    removed: Removed | None,
    cancel: threading.Event | None,
    pages: Pages | None = None,
    analysed: Pages | None = None,
) -> str | None:
    """`run_in_child`'s work in this thread, for where no child process can start: its
    failure is one line, as the child's is."""
    try:
        return work(
            *args, report=report, removed=removed, cancel=cancel, pages=pages, analysed=analysed
        )
    except Exception as exc:
        return f"refresh failed: {exc}"


def _ended(exitcode: int | None) -> str:
    """One line for a refresh whose process ended without a word: a signal's name when one
    killed it (SIGSEGV: the extractor crashed on an article, which the next refresh analyses
    apart, see pending_analysis.analyse_crash_suspects), else its exit code."""
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return (
            f"refresh failed: its process was killed by {name}; what was stored is kept, and "
            "the next refresh analyses apart any article it was analysing"
        )
    return f"refresh failed: its process ended (exit code {exitcode})"


class _LogToParent(logging.Handler):
    """The child's warnings sent to the parent as ("log", text), which logs them there: the
    child's own stderr is the terminal the app draws on."""

    def __init__(self, messages: multiprocessing.Queue[tuple[str, object]]) -> None:
        super().__init__(logging.WARNING)
        self.messages = messages

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.messages.put(("log", record.getMessage()))
        except Exception:
            self.handleError(record)


def _log_to_parent(messages: multiprocessing.Queue[tuple[str, object]]) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(_LogToParent(messages))
    root.setLevel(logging.WARNING)


def _child_main(
    work: RefreshWork,
    args: tuple[Any, ...],
    messages: multiprocessing.Queue[tuple[str, object]],
    stop: ProcessEvent,
) -> None:
    """The child's side: run the work, sending each outcome, then ("done", warning)."""
    from newstui.malloc_arenas import limit_malloc_arenas

    limit_malloc_arenas()  # before its first thread, as the app's own process (r47 H1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the app's to handle
    watch_parent()  # the app killed (even with kill -9): stop at once, SQLite rolls back
    with contextlib.suppress(OSError):
        os.nice(NICENESS)  # keys first: the refresh (and the workers it starts) yield the CPU
    cancel = threading.Event()

    def watch() -> None:
        stop.wait()
        cancel.set()

    threading.Thread(target=watch, daemon=True).start()
    _log_to_parent(messages)
    try:
        warning = work(
            *args,
            report=lambda outcome: messages.put(("outcome", outcome)),
            removed=lambda result: messages.put(("removed", result)),
            cancel=cancel,
            pages=lambda over, planned: messages.put(("pages", (over, planned))),
            analysed=lambda count, due: messages.put(("analysed", (count, due))),
        )
    except Exception as exc:
        warning = f"refresh failed: {exc}"
    messages.put(("done", warning))
