"""Where each fetched document of a run is parsed: the worker pool, or this process."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool

from newstui.processes import NO_WORKERS, WORKERS, CpuPool, PreparedFeed, parse_document
from newstui.spawned import pool_result, stopping

PARSED_BY_POOL_PER_DOCUMENT_HERE = 4  # see Parsing
QUEUED_AT_POOL_WHEN_SHARING = 3  # documents queued behind the worker's own: see Parsing


class Parsing:
    """Where each fetched document is parsed: in the worker pool, with at most one document
    queued behind those the workers hold (a parsed 100-item feed is ~1 MB of objects: a few
    wait for the store, not every document in hand), or in this process (a thread) when there
    is no pool.

    With `share`, this process parses too: one document at a time, while every worker holds
    one, and at most one for every PARSED_BY_POOL_PER_DOCUMENT_HERE the pool parsed. For one
    worker (2 cores) beside this process when it has nothing else to do (no streamed analysis):
    the worker was the slower side of a cold fetch (CPU 3.6 s against this process's 2.0 s at
    10,000 articles), and this process idled. A document costs about the same here (18-20 ms
    for 50 articles), so a quarter of them here evened the two sides (about 2.7 s and 2.6 s).
    Since the parser is compiled (setup.py) this process, which also stores, is the heavier
    side at one in four (CPU 6.31 s against the worker's 5.60 s, a cold fetch of 10,000
    articles at load 15); one in five evens them (5.86 s and 5.64 s).

    Once every request of the fetch is over (`requests_over`), this process has only its
    stores left to do: with `share` it then parses whenever it is free and the worker holds a
    document, and at most one document waits behind the worker's. At the 1-in-5 rate to the
    end, the up to 16 documents in hand when the last response came were parsed 11 by the
    worker and 2 here (a cold fetch of 10,000 articles), this process idle meanwhile; now
    about 6 and 7.

    With `share`, QUEUED_AT_POOL_WHEN_SHARING documents may wait behind the worker's, not one:
    this process stores a group of feeds between documents (~35 ms of CPU, about a document's
    parse), and with one waiting the worker ran dry meanwhile: asleep 26-34 % of a cold fetch
    of 10,000 articles against 17-21 % with three, wall 9.8-11.1 s against 8.6 s (compiled,
    timelines at load 18 in a boosted autogroup).

    `share`, or `queue_deeper` (one worker beside this process's own analysis), lets
    QUEUED_AT_POOL_WHEN_SHARING documents wait. With analysis on and one waiting, the
    worker, which parses behind its analysis chunks, parsed too slowly to keep articles
    coming: this process ran out of them to analyse (waiting for work 1.1-2.4 s of a cold
    fetch of 10,000 articles, 0.1-0.25 s with three) and the worker idled while it stored
    them (more than 20 ms without a task: 2.1-3.3 s, 1.0-2.2 s with three)."""

    def __init__(
        self,
        cpu: CpuPool | None,
        *,
        share: bool = False,
        queue_deeper: bool = False,
        utf8: bool = True,
        here_while: Callable[[], bool] | None = None,
    ) -> None:
        self.cpu, self.share, self.utf8 = cpu, share, utf8
        # While this says so, every document is parsed here, one at a time (see _parse).
        self.here_while = here_while
        self._alone_here = asyncio.Lock()
        deeper = share or queue_deeper
        self.queued = QUEUED_AT_POOL_WHEN_SHARING if deeper else 1  # behind the workers' own
        self.at_pool = 0  # documents sent to the pool and not yet back
        self.parsing_here = False
        self.parsed_here = 0  # documents this process parsed
        self.parsed_by_pool = 0
        self._waiting: list[asyncio.Future[None]] = []  # documents waiting for a parser
        self._in_flight = 0
        self._requests_over = False

    def requests_over(self) -> None:
        """Every request of the fetch is over: the documents left are shared out as they come
        (see the class's doc)."""
        self._requests_over = True
        if self.share:
            self.queued = 1
        self._wake()

    def _wake(self) -> None:
        for waiter in self._waiting:  # each looks again
            if not waiter.done():
                waiter.set_result(None)

    @property
    def in_flight(self) -> int:
        """Documents being parsed or waiting for a parser."""
        return self._in_flight

    @property
    def none_coming(self) -> bool:
        """True once every request is over and no document is being parsed or waiting: no
        other parsed document can come."""
        return self._requests_over and not self._in_flight

    async def parse(self, body: bytes, url: str, content_type: str | None) -> PreparedFeed:
        """The document parsed and its articles prepared (raises SourceError as parse_feed)."""
        self._in_flight += 1
        try:
            return await self._parse(body, url, content_type)
        finally:
            self._in_flight -= 1

    async def _parse(self, body: bytes, url: str, content_type: str | None) -> PreparedFeed:
        if self.cpu is None or not WORKERS.possible:
            return await self._parse_here(body, url, content_type)
        if self.here_while is not None and self.here_while():
            # The single worker analyses, and this process only fetches and stores: it parses
            # meanwhile. A first fetch of 39 feeds (100 articles) parsed each document in the
            # worker behind the analysis chunks, and the extractor's load (~0.3 s) held every
            # document back; this process idled.
            async with self._alone_here:
                if self.here_while():
                    return await self._parse_here(body, url, content_type)
        workers = self.cpu.max_workers
        while True:
            here = (
                self.share
                and not self.parsing_here
                and self.at_pool >= workers
                and (
                    self._requests_over
                    or self.parsed_here * PARSED_BY_POOL_PER_DOCUMENT_HERE <= self.parsed_by_pool
                )
            )
            if here or self.at_pool < workers + self.queued:
                break
            waiter = asyncio.get_running_loop().create_future()
            self._waiting.append(waiter)
            try:
                await waiter
            finally:
                with contextlib.suppress(ValueError):
                    self._waiting.remove(waiter)
        if here:
            self.parsing_here = True
        else:
            self.at_pool += 1
        try:
            if here:
                return await self._parse_here(body, url, content_type)
            try:
                future = self.cpu.parse_feed(body, url, content_type, self.utf8)
            except NO_WORKERS as exc:  # its worker cannot start (a process limit): here then
                WORKERS.failed(exc)
                return await self._parse_here(body, url, content_type)
            try:
                parsed = await pool_result(future)
            except BrokenProcessPool:
                if stopping():
                    raise
                # A worker died (perhaps analysing an article beside this document, see
                # analyse_apart): the document is parsed again once, in a fresh worker.
                parsed = await pool_result(self.cpu.parse_feed(body, url, content_type, self.utf8))
            self.parsed_by_pool += 1
            return parsed
        finally:
            if here:
                self.parsing_here = False
            else:
                self.at_pool -= 1
            self._wake()

    async def _parse_here(self, body: bytes, url: str, content_type: str | None) -> PreparedFeed:
        self.parsed_here += 1
        return await asyncio.to_thread(parse_document, body, url, content_type, self.utf8)


class Arrivals:
    """Counts the feeds of a fetch whose request is over (or that are not fetched now) and
    calls `when_all` once, when the last is."""

    def __init__(self, feeds: int, when_all: Callable[[], None] | None) -> None:
        self.left, self.when_all = feeds, when_all

    def arrived(self) -> None:
        """One more feed's request is over."""
        self.left -= 1
        if self.left == 0 and self.when_all is not None:
            when_all, self.when_all = self.when_all, None
            when_all()
