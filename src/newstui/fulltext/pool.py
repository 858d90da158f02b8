"""Extraction in worker processes: never on the UI thread, memory returned when workers recycle."""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from types import FrameType

from newstui.fulltext.extracted import ExtractedPage
from newstui.spawned import SpawnedPool

PAGE_TIME_LIMIT = 10.0  # seconds of extraction per page before it is given up
TASKS_PER_WORKER = 50  # a worker is replaced after this many pages, returning lxml's memory


class ExtractionPool(SpawnedPool):
    """A pool of worker processes extracting pages; use as a context manager."""

    def __init__(
        self,
        max_workers: int = 2,
        time_limit: float = PAGE_TIME_LIMIT,
        tasks_per_worker: int = TASKS_PER_WORKER,
    ) -> None:
        super().__init__(max_workers, tasks_per_worker)
        self.time_limit = time_limit

    def submit(self, body: bytes, url: str) -> Future[ExtractedPage | None]:
        """Queue one page; the future holds its ExtractedPage, or None (no article, or over time).

        The future raises if extraction crashed, BrokenProcessPool if its worker died.
        """
        return self.submit_call(extract_with_limit, body, url, self.time_limit)

    def extract_many(self, pages: Iterable[tuple[bytes, str]]) -> Iterator[ExtractedPage | None]:
        """Extract (body, url) pairs, yielding results in input order with a bounded number in flight."""
        in_flight: deque[Future[ExtractedPage | None]] = deque()
        for body, url in pages:
            in_flight.append(self.submit(body, url))
            if len(in_flight) >= 2 * self.max_workers:
                yield self._result(in_flight.popleft())
        while in_flight:
            yield self._result(in_flight.popleft())

    @staticmethod
    def _result(future: Future[ExtractedPage | None]) -> ExtractedPage | None:
        try:
            return future.result()
        except Exception:  # a page that crashes its worker or the extractor just has no text
            return None


def extract_pages_in_pool(
    pages: Iterable[tuple[bytes, str]], max_workers: int = 2, time_limit: float = PAGE_TIME_LIMIT
) -> list[ExtractedPage | None]:
    """Extract (body, url) pairs in worker processes; one result per page, in order (None on failure)."""
    with ExtractionPool(max_workers=max_workers, time_limit=time_limit) as pool:
        return list(pool.extract_many(pages))


class _PageTimeout(BaseException):
    """Raised inside a worker when one page exceeds its time limit (not caught by `except Exception`)."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _PageTimeout


def import_page_extraction() -> None:
    """A worker's task sent as a fetch plans its first pages: the extraction's imports
    (trafilatura, ~0.26 s of CPU) done while those pages are being requested, not after the
    first one has come."""
    import trafilatura  # noqa: F401

    import newstui.fulltext.page  # noqa: F401


def extract_with_limit(
    body: bytes, url: str, time_limit: float = PAGE_TIME_LIMIT
) -> ExtractedPage | None:
    """Worker entry: extract_page under a wall-clock limit (SIGALRM, the worker's main thread);
    run by ExtractionPool's workers, and by a fetch's own worker pool for its first pages."""
    import trafilatura  # noqa: F401  # imported before the clock starts, so a slow import is not a slow page

    from newstui.fulltext.page import extract_page  # (the process sending pages loads none of it)

    use_alarm = hasattr(signal, "setitimer") and time_limit > 0
    if use_alarm:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, time_limit)
    try:
        try:
            return extract_page(body, url)
        finally:
            if use_alarm:
                signal.setitimer(signal.ITIMER_REAL, 0)
    except _PageTimeout:  # also when the alarm fires just as the page finished
        return None
