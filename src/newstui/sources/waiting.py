"""Timeouts that count only the time spent waiting on the network.

A fetch runs its requests and its own CPU work (saving a batch, joining stories, analysing a
few articles) on one event loop. While that work holds the loop's thread, answers that have
arrived are not read; an ``asyncio.timeout`` around a request would go on counting, and a healthy
server would be blamed for the fetch's own time (user test r54 HIGH-1: 200 big feeds from one
local server, a third "timed out after 20 s" while curl fetched each in 0.05 s).

`waiting_timeout` is an ``asyncio.timeout`` whose deadline moves on by the time the loop was
away: a small clock ticks every TICK seconds while timeouts are watched, and when a tick comes
late (the loop was busy), every watched deadline is pushed back by the lateness. The tick is
a plain callback that comes due before the deadlines it guards (it is never more than TICK
away), so after a long stall it runs first in the loop's batch and the deadline it moves is
cancelled before it can fire. A server that is silent (or drips) while the loop is free still
times out after its seconds, as before. A deadline is never pushed back by more than
MOST_AWAY times its seconds in all (5 minutes for the default 20 s): a loop busy nearly all the
time still gives up on a silent server. The fetch's own stalls are the thing to keep short;
this only stops them being blamed on servers.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

TICK = 0.1  # seconds between the clock's looks while a timeout is watched
LATE = 0.05  # a tick later than this counts as the loop having been away
BEFORE = 0.01  # a tick comes due this long before the earliest watched deadline, at least
MOST_AWAY = 15.0  # a deadline is pushed back by at most this many times its seconds


@dataclass(slots=True)
class _Watched:
    entered: float  # the loop's time when the timeout was entered
    latest: float  # the latest it may be pushed back to


class _AwayClock:
    """Pushes back the watched timeouts of one loop by the time the loop spent away. It keeps
    no reference to its loop (the running one is asked), and none to its tick while nothing is
    watched, so a closed loop and its clock go (review r54 LOW-4)."""

    def __init__(self) -> None:
        self._watched: dict[asyncio.Timeout, _Watched] = {}
        self._handle: asyncio.TimerHandle | None = None
        self._due = 0.0
        self.away = 0.0  # seconds the loop was away while watched, in all (for tests)

    def watch(self, timeout: asyncio.Timeout, seconds: float) -> None:
        when = timeout.when()
        if when is None:
            return
        now = asyncio.get_running_loop().time()
        self._watched[timeout] = _Watched(now, when + MOST_AWAY * seconds)
        if self._handle is None or when - BEFORE < self._due:
            self._schedule()

    def forget(self, timeout: asyncio.Timeout) -> None:
        self._watched.pop(timeout, None)
        if not self._watched and self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def _schedule(self) -> None:
        """The next tick: TICK from now, or just before the earliest watched deadline if that
        comes sooner, so a stall that begins close to a deadline still ends with the tick run
        first (review r54 LOW-5)."""
        loop = asyncio.get_running_loop()
        now = loop.time()
        due = now + TICK
        for timeout in self._watched:
            when = timeout.when()
            if when is not None and now < when - BEFORE < due:
                due = when - BEFORE
        if self._handle is not None:
            self._handle.cancel()
        self._due = due
        self._handle = loop.call_at(due, self._tick)

    def _tick(self) -> None:
        now = asyncio.get_running_loop().time()
        late = now - self._due
        if late > LATE:
            self.away += late
            for timeout, watched in self._watched.items():
                when = timeout.when()
                # (a timeout entered after the stall began is owed only its own part of it)
                owed = min(late, now - watched.entered)
                if when is not None and when < watched.latest and not timeout.expired():
                    timeout.reschedule(min(when + owed, watched.latest))
        self._schedule()


_clocks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _AwayClock] = (
    weakref.WeakKeyDictionary()
)


def away_clock() -> _AwayClock:
    """The running loop's clock (one per loop)."""
    loop = asyncio.get_running_loop()
    clock = _clocks.get(loop)
    if clock is None:
        clock = _clocks[loop] = _AwayClock()
    return clock


@asynccontextmanager
async def waiting_timeout(seconds: float | None) -> AsyncIterator[None]:
    """``asyncio.timeout(seconds)`` not counting the time the event loop was busy elsewhere;
    raises TimeoutError as it does. None: no limit."""
    async with asyncio.timeout(seconds) as timeout:
        if seconds is None:
            yield
            return
        clock = away_clock()
        clock.watch(timeout, seconds)
        try:
            yield
        finally:
            clock.forget(timeout)
