"""A stop (Ctrl-C, SIGTERM's Stopped) raised inside a Python SQL function, kept and raised again
by the statement's caller, so it is not lost as an SQL error.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from typing import Any


# A stop (Ctrl-C, SIGTERM's Stopped) raised inside a Python SQL function reaches the caller as
# sqlite3's "user-defined function raised exception": the Python SQL functions (those a
# migration runs over many rows, inflate()'s unpacking) keep it here, and the statement's
# caller raises it again (raise_kept_stop: Database.execute, write_transaction, migrate).
STOPS = threading.local()
_Value = TypeVar("_Value")
_Result = TypeVar("_Result")


def keeping_stops(function: Callable[[_Value], _Result]) -> Callable[[_Value], _Result]:
    """`function` as an SQL function that keeps a stop raised inside it for kept_stop()."""

    def called(value: _Value) -> _Result:
        try:
            return function(value)
        except (KeyboardInterrupt, SystemExit) as stop:
            STOPS.stop = stop
            raise

    return called


def kept_stop() -> BaseException | None:
    """The stop an SQL function of keeping_stops raised since the last call, if any."""
    stop: BaseException | None = getattr(STOPS, "stop", None)
    STOPS.stop = None
    return stop


def raise_kept_stop() -> None:
    """Raise the stop an SQL function kept (see kept_stop), or the one SIGTERM or SIGHUP
    raised (one raised as a Python SQL function is entered, before any try in it, is kept by
    nothing), if any: called where a statement failed, so a Ctrl-C or SIGTERM inside one is not
    lost as an SQL error."""
    from newstui.signals import stop_raised

    stop = kept_stop() or stop_raised()
    if stop is not None:
        raise stop from None


@contextmanager
def signals_kept() -> Iterator[None]:
    """Within the block, the stop a signal's handler raises (Ctrl-C's KeyboardInterrupt,
    SIGTERM's Stopped) is also kept for raise_kept_stop: raised as an SQL function is entered
    (the rebuild runs in SQLite's C code between them), before any try inside it, sqlite3 lost
    it and FTS5 said "SQL logic error" (review r30 MEDIUM 3); write_transaction's block too (a
    Ctrl-C there was lost as an SQL error: stop_on_signals notes SIGTERM's and SIGHUP's only).
    Only in the main thread, where Python runs signal handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    import signal

    kept: dict[int, Any] = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        previous = signal.getsignal(signum)
        if callable(previous):
            kept[signum] = previous
            signal.signal(signum, _keeping_handler(previous))
    try:
        yield
    except BaseException as exc:
        if getattr(STOPS, "stop", None) is exc:  # raised as itself (outside SQL): not kept on
            STOPS.stop = None  # for an unrelated SQL error later in this thread
        raise
    finally:
        for kept_signal, handler in kept.items():
            signal.signal(kept_signal, handler)


def _keeping_handler(previous: Callable[[int, Any], Any]) -> Callable[[int, Any], Any]:
    """A signal handler that runs `previous` and keeps the stop it raises (see signals_kept)."""

    def handler(signum: int, frame: Any) -> Any:
        try:
            return previous(signum, frame)
        except BaseException as stop:
            STOPS.stop = stop
            raise

    return handler
