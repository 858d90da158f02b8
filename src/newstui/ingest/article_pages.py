"""The full text of articles: the pages behind summary-only entries fetched and extracted during
a fetch or a sync, and one article's page on demand."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newstui.config import Config
from newstui.errors import HTTPStatusError, SourceError
from newstui.ingest.fetch_lines import page_error
from newstui.ingest.fetcher import OpenFetcher, limits_from
from newstui.ingest.hosts import host_key
from newstui.ingest.pending_analysis import analyse_pending
from newstui.ingest.progress import PagesCallback
from newstui.library import Library
from newstui.model import FulltextProblem, SourceOutcome, carries_full_article
from newstui.sources.http import Fetcher, PageFetcher
from newstui.spawned import pool_result, stopping
from newstui.text import clean_line

if TYPE_CHECKING:
    from concurrent.futures import Future

    from newstui.fulltext import ExtractedPage, ExtractionPool
    from newstui.processes import CpuPool

logger = logging.getLogger(__name__)


# Pages "auto" reads for one feed's fetch: those of its newest entries (user test r36 L8: the
# first fetch of an imported 5,000-item summary-only feed asked its site for 5,000 pages in
# ~10 s; newsboat asks for none). A feed's ordinary fetch brings far fewer.
FULLTEXT_AUTO_PAGES = 50
# Pages a run extracts in its own worker pool (the fetch's, already started and warm) before it
# starts a pool of its own: a first fetch's handful of pages then starts no two more processes
# importing trafilatura (~0.7 s of CPU and ~2 s of the fetch's end on a loaded machine, the user
# test r52 LOW-5). Bounded, as lxml keeps memory a worker returns only when it is replaced.
PAGES_IN_FETCH_WORKERS = 50


class FulltextPool:
    """Fetches and extracts article pages for summary-only entries, off the event loop."""

    def __init__(
        self,
        fetcher: PageFetcher,
        config: Config,
        on_pages: PagesCallback | None = None,
        workers: CpuPool | None = None,
    ) -> None:
        """`workers`: the fetch's own worker pool, which extracts its first
        PAGES_IN_FETCH_WORKERS pages (None: pages go to a pool of their own)."""
        self.fetcher = fetcher
        self.config = config
        self.on_pages = on_pages
        self.planned = 0  # pages asked for so far…
        self.over = 0  # …and those read or failed
        self._pool: ExtractionPool | None = None
        self._workers = workers
        self.extracted_beside = 0  # pages sent to `workers`
        self._beside: list[Future[ExtractedPage | None]] = []  # of those, perhaps not done
        self._warmed = False  # the workers were sent the extraction's imports
        # pages in flight per host: fewer than the fetcher's per_host, which feeds share
        self._per_host = config.settings.fulltext_per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}

    def _host_turn(self, url: str) -> asyncio.Semaphore:
        """The page slots of the URL's host (`fulltext_per_host` of them; user test r44 L2: a
        summary-only feed's 29 pages went to its publisher 8 at a time)."""
        try:
            host = host_key(urlsplit(url).hostname or "")
        except ValueError:  # (the fetch says why)
            host = ""
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(self._per_host)
        return self._hosts[host]

    def pages_for_workers(self) -> bool:
        """Whether article pages are on their way to the fetch's workers, or being extracted
        there: pages planned and not over while the workers still take pages, or one sent. The
        streamed analysis then queues few chunks at the workers, so a page is not extracted
        behind a long analysis queue (StreamedAnalysis's `pages_coming`)."""
        if self._workers is None:
            return False
        self._beside = [future for future in self._beside if not future.done()]
        if self._beside:
            return True
        return self.over < self.planned and self.extracted_beside < PAGES_IN_FETCH_WORKERS

    def _warm_workers(self) -> None:
        """Before the fetch's workers extract their first page: the extraction's imports sent
        to them now, done while the pages are requested (once a fetch)."""
        if self._workers is None or self.extracted_beside or self._warmed:
            return
        from newstui.fulltext import import_page_extraction

        self._warmed = True
        try:
            self._workers.submit_call(import_page_extraction)
        except Exception:  # (no worker can take it: each page says why, as before)
            logger.debug("the extraction's imports were not sent ahead", exc_info=True)

    def _extract(self, body: bytes, url: str) -> Future[ExtractedPage | None]:
        """One page's extraction, in the fetch's workers while they take pages, else in this
        pool's own (started at its first page)."""
        if self._workers is not None and self.extracted_beside < PAGES_IN_FETCH_WORKERS:
            from newstui.fulltext import extract_with_limit

            self.extracted_beside += 1
            future = self._workers.submit_call(extract_with_limit, body, url)
            self._beside.append(future)
            return future
        if self._pool is None:
            from newstui.fulltext import ExtractionPool

            self._pool = ExtractionPool(max_workers=2)
        return self._pool.submit(body, url)

    async def fill(
        self,
        library: Library,
        outcome: SourceOutcome,
        changed: Sequence[int],
        mode: str | bool,
        left_alone: frozenset[str] = frozenset(),
        content_given: frozenset[str] = frozenset(),
    ) -> SourceOutcome:
        """Fetch full text for the changed articles that need it: all, or for "auto" those whose
        entry does not already carry the whole article; never a link in `left_alone`. In
        "auto", the page of an entry whose text is the feed's content (its link in
        `content_given`) that is gone (HTTP 404, 410) is no problem to report: the entry's text
        is the article, and the failure is only recorded on it, as "gone" (user test r33 L11;
        review r34 F1: the reader said "Full text not available" under each). "auto" reads
        the pages of the newest FULLTEXT_AUTO_PAGES only, and counts the others as left."""
        unless = carries_full_article if mode == "auto" else None
        todo = library.needing_fulltext(changed, unless=unless)
        todo = [row for row in todo if row[1] not in left_alone]
        left = 0
        if mode == "auto" and len(todo) > FULLTEXT_AUTO_PAGES:
            newest = library.newest_among([row[0] for row in todo], FULLTEXT_AUTO_PAGES)
            left = len(todo) - len(newest)
            todo = [row for row in todo if row[0] in newest]
        given = content_given if mode == "auto" else frozenset()
        if todo:
            self._warm_workers()
        self.planned += len(todo)
        if self.on_pages is not None and todo:
            self.on_pages(self.over, self.planned)
        quiet: set[int] = set()
        errors = await asyncio.gather(
            *(self.fetch_one(library, i, u, quiet if u in given else None) for i, u, _ in todo)
        )
        problems = tuple(
            FulltextProblem(article_id, clean_line(title, 80) or "untitled", error, url)
            for (article_id, url, title), error in zip(todo, errors, strict=True)
            if error is not None and article_id not in quiet
        )
        return replace(
            outcome,
            fulltext_ok=len(todo) - len(problems) - len(quiet),
            fulltext_failed=len(problems),
            fulltext_problems=problems,
            fulltext_left=left,
        )

    async def fetch_one(
        self, library: Library, article_id: int, url: str, gone: set[int] | None = None
    ) -> str | None:
        """Fetch and extract one article page; store the text or the failure. Returns the
        failure (one line), None on success. With `gone` (the entry's content is the article),
        a page that is gone (HTTP 404 or 410) is stored as "gone" and its id put in `gone`."""
        try:
            return await self._fetch_one(library, article_id, url, gone)
        finally:
            self.over += 1
            if self.on_pages is not None:
                self.on_pages(self.over, self.planned)

    async def _fetch_one(
        self, library: Library, article_id: int, url: str, gone: set[int] | None
    ) -> str | None:
        from newstui.fulltext import looks_like_html

        try:
            async with self._host_turn(url):
                result = await self.fetcher.fetch(
                    url, accept="text/html,application/xhtml+xml;q=0.9"
                )
            if not looks_like_html(result.content_type, result.body):
                raise SourceError(
                    f"{url}: not an HTML page ({result.content_type or 'unknown type'})"
                )
            future = self._extract(result.body, result.url)
            page = await pool_result(future)
            if page is None or not page.text.strip():
                raise SourceError(f"{url}: no article text found on the page")
        except SourceError as exc:
            error = page_error(str(exc), url)
            if gone is not None and isinstance(exc, HTTPStatusError) and exc.status in (404, 410):
                gone.add(article_id)
        except Exception as exc:
            if stopping():
                raise  # newstui is exiting: the page was not given a fair try, record nothing
            error = f"{url}: extraction failed ({type(exc).__name__})"
        else:
            library.set_fulltext(article_id, text=page.text, links=page.links)
            return None
        library.set_fulltext(
            article_id, text=None, error=error, gone=gone is not None and article_id in gone
        )
        return error

    def __enter__(self) -> FulltextPool:
        return self

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        if self._pool is not None:
            self._pool.close(wait=exc is None)


async def fetch_article_fulltext(
    library: Library,
    config: Config,
    article_id: int,
    *,
    open_fetcher: OpenFetcher = Fetcher,
    analyse_here: bool = True,
) -> bool:
    """Fetch the full text of one stored article on demand (ignores a previous failure);
    `analyse_here=False` analyses it in a worker process (see analyse_pending's `here`)."""
    stored = library.article(article_id)
    if stored is None:
        raise SourceError(f"article {article_id}: no longer stored (removed meanwhile)")
    if not stored.row.url:
        raise SourceError(f"article {article_id}: has no web link to fetch")
    async with open_fetcher(limits_from(config)) as fetcher:
        with FulltextPool(fetcher, config) as pool:
            ok = await pool.fetch_one(library, article_id, stored.row.url) is None
    if ok:
        analyse_pending(library, config.settings.extractor, [article_id], here=analyse_here)
    return ok
