"""Timeouts that count only time spent waiting on the network, not the fetch's own CPU work on
the event loop (user test r54 HIGH-1: a third of 200 healthy feeds "timed out after 20 s" while
the fetch's loop was busy joining stories)."""

from __future__ import annotations

import asyncio
import time

import pytest

from newstui.sources.http import Fetcher, FetchLimits
from newstui.sources.waiting import away_clock, waiting_timeout


async def _busy_then_wait(block: float) -> None:
    time.sleep(block)  # the loop's thread held, as a fetch's story join holds it
    await asyncio.sleep(0.01)


async def test_a_busy_loop_does_not_use_up_a_waiting_timeout():
    async with waiting_timeout(1.0):
        await _busy_then_wait(1.5)

    assert away_clock().away >= 1.0


async def test_a_plain_timeout_would_have_fired_there():
    # the same work under asyncio.timeout: what the fetch did before (the test above can fail)
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(1.0):
            await _busy_then_wait(1.5)


async def test_a_silent_wait_still_times_out():
    started = time.monotonic()

    with pytest.raises(TimeoutError):
        async with waiting_timeout(0.3):
            await asyncio.sleep(30)

    assert time.monotonic() - started < 15


async def test_no_limit_is_no_limit():
    async with waiting_timeout(None):
        await asyncio.sleep(0.01)


async def test_the_clock_stops_ticking_once_nothing_is_watched():
    async with waiting_timeout(5):
        pass
    clock = away_clock()

    assert clock._handle is None


async def test_a_feed_is_not_blamed_for_the_fetch_s_own_busy_loop(feed_server):
    # 4 bytes dripped 0.2 s apart (0.8 s of waiting) under a 2 s limit, while the loop is held
    # for 3 s in all by other work: the whole-request deadline used to fire ("timed out after
    # 2 s") though the server was never the slow one
    feed_server.route("/feed", body=b"x" * 4, drip=0.2)

    async def hold_the_loop() -> None:
        await asyncio.sleep(0.2)
        for _ in range(2):
            time.sleep(1.5)
            await asyncio.sleep(0)

    async with Fetcher(FetchLimits(timeout=2)) as fetcher:
        got, _ = await asyncio.gather(fetcher.fetch(feed_server.url("/feed")), hold_the_loop())

    assert got.status == 200 and got.body == b"x" * 4


async def test_a_loop_busy_all_the_time_still_gives_up_on_a_silent_server():
    # every tick late (the loop held 0.3 s at a time, on and on): the deadline is pushed back
    # at most MOST_AWAY times its seconds, so the wait ends though the loop is never free
    from newstui.sources.waiting import MOST_AWAY

    seconds = 0.3
    started = time.monotonic()

    async def busy_for_ever() -> None:
        while True:
            time.sleep(0.3)
            await asyncio.sleep(0)

    busy = asyncio.ensure_future(busy_for_ever())
    try:
        with pytest.raises(TimeoutError):
            async with waiting_timeout(seconds):
                await asyncio.sleep(3600)
    finally:
        busy.cancel()

    assert time.monotonic() - started < (1 + MOST_AWAY) * seconds + 10


async def test_a_stall_that_begins_just_before_a_deadline_is_not_counted():
    # the answer comes at 0.33 s within a 0.35 s limit; the loop is held from 0.31 s for 1 s:
    # the clock's tick comes due just before the deadline, so it runs first after the stall
    # and moves the deadline on (review r54 LOW-5: the deadline fired first)
    loop = asyncio.get_running_loop()
    answer = loop.create_future()
    loop.call_later(0.33, lambda: answer.done() or answer.set_result("answer"))

    async def stall() -> None:
        await asyncio.sleep(0.31)
        time.sleep(1.0)

    stalling = asyncio.ensure_future(stall())
    async with waiting_timeout(0.35):
        got = await answer
    await stalling

    assert got == "answer"


def test_a_closed_loop_and_its_clock_are_not_kept():
    # every asyncio.run (the app's refresh in its worker thread, sync…) has its own loop: a
    # clock holding its loop kept each one alive for good (review r54 LOW-4)
    import gc
    import threading
    import weakref

    loops: list[weakref.ref[asyncio.AbstractEventLoop]] = []

    async def one() -> None:
        loops.append(weakref.ref(asyncio.get_running_loop()))
        async with waiting_timeout(5):
            await asyncio.sleep(0)

    for _ in range(5):
        thread = threading.Thread(target=lambda: asyncio.run(one()))
        thread.start()
        thread.join()
    gc.collect()

    assert len(loops) == 5
    assert all(ref() is None for ref in loops)
