"""SIGTERM and SIGHUP stop newstui the way Ctrl-C does: worker pools are shut down, the
transaction in progress is rolled back, what was stored stays, and the exit status says why."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Stopped(SystemExit):
    """Raised in the main thread by SIGTERM or SIGHUP.

    A SystemExit, so asyncio lets it through its tasks (it swallows other BaseExceptions into
    the task that was running) and nothing that catches Exception stops it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(exit_status(signum))
        self.signum = signum

    @property
    def signal_name(self) -> str:
        """SIGTERM, SIGHUP…"""
        return signal.Signals(self.signum).name


def exit_status(signum: int) -> int:
    """The shell's convention for a process stopped by a signal: 128 + its number."""
    return 128 + signum


EXIT_GRACE = 5.0  # seconds the interpreter's own exit may take after SIGTERM/SIGHUP
STOP_GRACE = 10.0  # seconds the app may take to quit after SIGTERM/SIGHUP or a closed terminal


def exit_within(seconds: float, status: int) -> None:
    """Make sure the process ends within `seconds` with `status`, even if its own exit hangs
    (the interpreter joining a worker pool's threads, which Python 3.11's executor can when a
    worker dies mid-task; an app whose event loop is held up). What was stored is committed;
    the workers watch this process and end with it."""

    def leave() -> None:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(status)

    timer = threading.Timer(seconds, leave)
    timer.daemon = True
    try:
        timer.start()
    except RuntimeError:  # no thread can start (`ulimit -v` reached: user test r47 H1 printed
        _leave_by_alarm(seconds, leave)  # "can't start new thread" over the terminal)


def _leave_by_alarm(seconds: float, leave: Callable[[], None]) -> None:
    """exit_within without a thread: SIGALRM after `seconds` (its handler runs in the main
    thread, between two of its Python steps; from another thread nothing is set)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "setitimer"
    ):
        return
    signal.signal(signal.SIGALRM, lambda _signum, _frame: leave())
    signal.setitimer(signal.ITIMER_REAL, seconds)


def quiet_after_stop() -> None:
    """After a stop, the interpreter's exit prints no "Exception ignored in …" for the objects
    the stop cut short: Stopped is raised in whatever the main thread runs, also halfway
    through an object's `__init__` (asyncio's socket transport, whose finaliser then fails on an
    attribute never set and printed a traceback after "stopped by SIGHUP"; test_worker_lifetime
    under load). The process is ending on purpose; what was stored is committed."""
    sys.unraisablehook = _ignored


def _ignored(unraisable: sys.UnraisableHookArgs) -> None:
    pass


_raised: list[Stopped] = []  # the stop the handler raised in the current block, if any


def _raise_stopped(signum: int, frame: FrameType | None) -> None:
    stop = Stopped(signum)
    _raised[:] = [stop]
    raise stop


def stop_raised() -> Stopped | None:
    """The stop SIGTERM or SIGHUP raised inside `stop_on_signals`' block, if one did: for code
    that gets over an error a stop may have become (SQLite turns one raised in a Python SQL
    function into "user-defined function raised exception"), to raise it again. None outside
    the main thread, where no handler raises."""
    if not _raised or threading.current_thread() is not threading.main_thread():
        return None
    return _raised[0]


class _LostStops:
    """An unraisable-exception hook that does not lose a stop. The handler raises Stopped in
    whatever Python code the main thread runs, and in a finaliser or a weak reference's callback
    (asyncio and the executors make many) Python prints such an exception and goes on: a fetch
    then ran on after SIGTERM (test_worker_lifetime, under load). Instead, a watching thread
    sends the signal to the main thread again (waking it from a sleep or the event loop's wait),
    and Stopped is raised once the main thread is back outside the callback (sent from the main
    thread itself, the handler would run at once, still inside). Other exceptions go to the
    previous hook."""

    def __init__(self, previous: Callable[[sys.UnraisableHookArgs], object]) -> None:
        self.previous = previous
        self.signums: list[int] = []
        self.lost = threading.Event()
        self.done = False
        self._sending = threading.Lock()  # no signal is sent once the handlers are given back
        threading.Thread(target=self._redeliver, name="stop-signals", daemon=True).start()

    def hook(self, unraisable: sys.UnraisableHookArgs) -> None:
        """sys.unraisablehook: a lost Stopped is sent again; anything else goes on as before."""
        if isinstance(unraisable.exc_value, Stopped):
            self.signums.append(unraisable.exc_value.signum)
            self.lost.set()
            return
        self.previous(unraisable)

    def _redeliver(self) -> None:
        while True:
            self.lost.wait()
            self.lost.clear()
            with self._sending:
                if self.done:
                    return
                while self.signums:
                    signal.pthread_kill(threading.main_thread().ident or 0, self.signums.pop(0))

    def close(self) -> list[int]:
        """Stop watching (before the previous handlers come back); the signals lost and not yet
        sent again (the block ended before the watcher ran), for the caller to raise."""
        self.done = True  # set early: a stop raised while waiting for the lock still ends it
        with self._sending:
            unsent, self.signums = self.signums, []
        self.lost.set()
        return unsent


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise Stopped in the main thread, also when they
    arrive while a finaliser runs (see `_LostStops`); the previous handlers come back
    after it. Does nothing outside the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _raise_stopped) for sig in STOP_SIGNALS}
    previous_hook = sys.unraisablehook
    lost = _LostStops(previous_hook)
    sys.unraisablehook = lost.hook
    try:
        yield
    finally:
        _raised.clear()
        sys.unraisablehook = previous_hook
        try:
            unsent = lost.close()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if unsent:  # lost in a finaliser just before the block ended: still a stop
            raise Stopped(unsent[0])
