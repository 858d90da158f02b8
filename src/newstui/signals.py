"""SIGTERM and SIGHUP stop newstui the way Ctrl-C does: worker pools are shut down, the
transaction in progress is rolled back, what was stored stays, and the exit status says why."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
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


def _raise_stopped(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise Stopped in the main thread; the previous
    handlers come back after it. Does nothing outside the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _raise_stopped) for sig in STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
