"""The app's analysis worker exits when idle: the idle timer and a lend of the worker never
overlap. The timer is driven by hand here (no sleeps): a test decides when it fires."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

import pytest

from newstui.processes import AnalysisWorker, CpuPool


class CountedPool(CpuPool):
    """A pool that starts no process and counts the times it was told to wind down."""

    def __init__(self) -> None:
        super().__init__(1)
        self.wound_down = 0

    def start(self) -> None:
        pass

    def wind_down(self) -> None:
        self.wound_down += 1


class HandTimer(threading.Thread):
    """threading.Timer's stand-in: `fire()` ends its wait, and its function runs in its own
    thread, as a Timer's does. A timer whose wait is over runs even when cancelled since."""

    made: ClassVar[list[HandTimer]] = []
    at_once = False  # fire as soon as started (a wait of no time, before start returns)

    def __init__(
        self, interval: float, function: Callable[..., None], args: Any = None, **_: Any
    ) -> None:
        super().__init__()
        self.function, self.args = function, tuple(args or ())
        self.cancelled = False
        HandTimer.made.append(self)

    def start(self) -> None:
        if HandTimer.at_once:
            self.fire()

    def cancel(self) -> None:
        self.cancelled = True

    def run(self) -> None:
        self.function(*self.args)

    def fire(self) -> None:
        super().start()
        self.join(10)


@pytest.fixture
def timers(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[HandTimer]]:
    HandTimer.made, HandTimer.at_once = [], False
    monkeypatch.setattr(threading, "Timer", HandTimer)
    yield HandTimer.made


def test_the_worker_exits_when_its_idle_timer_fires(timers: list[HandTimer]) -> None:
    pool = CountedPool()
    worker = AnalysisWorker(pool, idle=60)
    with worker.lend() as lent:
        assert lent is pool
    timers[-1].fire()
    assert pool.wound_down == 1


def test_a_timer_that_fires_while_the_worker_is_lent_leaves_it(timers: list[HandTimer]) -> None:
    """The timer's wait ended just as an analysis took the worker: the worker is not ended
    under it, nor by that timer after it; the next idle time ends it."""
    pool = CountedPool()
    worker = AnalysisWorker(pool, idle=60)
    with worker.lend():
        pass
    late = timers[-1]
    with worker.lend() as lent:
        assert lent is pool
        late.fire()
        assert pool.wound_down == 0
    assert pool.wound_down == 0
    timers[-1].fire()
    assert pool.wound_down == 1


def test_a_timer_that_fires_as_the_lend_gives_the_worker_back_still_ends_it(
    timers: list[HandTimer],
) -> None:
    """The idle timer started, and fired, before the lend let go of the worker: it found the
    worker still lent and left it, and nothing ended it until the next analysis."""
    pool = CountedPool()
    worker = AnalysisWorker(pool, idle=0)
    HandTimer.at_once = True
    with worker.lend():
        pass
    assert pool.wound_down == 1
