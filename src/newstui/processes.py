"""CPU-heavy steps — feed parsing and quote/entity analysis — in worker processes beside the
process that fetches and stores."""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newstui.article_rows import PreparedArticle, prepare_article
from newstui.model import Analysis, AnalysisRows, analysis_rows
from newstui.spawned import SpawnedPool, stopping
from newstui.stories import StorySketch, story_sketch

if TYPE_CHECKING:
    from newstui.nlp import Extractor

logger = logging.getLogger(__name__)

CHUNK = 16  # articles per analysis task
CANCEL_LOOK_SECONDS = 0.1  # how often `analyse` waiting for a chunk looks at its cancel
TASKS_PER_WORKER = 2000  # a worker is replaced after this many tasks: its memory cannot creep
# (1,000 tasks: analysis 35 -> 38 MiB, parsing 46 -> 48 MiB; at 500 a cold fetch of 10,000
# articles, 200 parses and 400+ chunks, started a second worker: imports and extractor again)
WORKER_MEMORY = 256 * 2**20  # what a worker may come to need (imports ~30 MiB, a large feed)
PARALLEL_MIN_FEEDS = 8  # a fetch of fewer feeds parses them in the fetching process


def parses_in_workers(feeds: int, cores: int | None = None) -> bool:
    """Whether a fetch of this many feeds parses them in worker processes."""
    return feeds >= PARALLEL_MIN_FEEDS and (cores or os.cpu_count() or 1) > 1


def fetch_workers(cores: int | None = None, available: int | None = None) -> int:
    """How many workers a fetch starts: one core is the fetching process's own (it downloads,
    stores and, in the app, answers keys: ~40 % of a fill's CPU), and each worker needs
    WORKER_MEMORY of the memory available (bytes; None: read from /proc/meminfo)."""
    cores = cores or os.cpu_count() or 1
    if available is None:
        available = available_memory()
    by_memory = cores if available is None else available // WORKER_MEMORY
    return max(1, min(cores - 1, by_memory))


def available_memory() -> int | None:
    """The memory available for new processes (MemAvailable), None where it cannot be read."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


@dataclass(frozen=True)
class PreparedFeed:
    """A parsed feed document whose articles are in their stored form already."""

    title: str | None
    site_url: str | None
    articles: list[PreparedArticle]
    warning: str | None = None
    cut_short: bool = False  # the document ends before its end: its articles as far as it went
    language: str | None = None  # the language it declares (ParsedFeed.language)


def parse_document(
    body: bytes, url: str, content_type: str | None, utf8: bool = True
) -> PreparedFeed:
    """Parse a feed document and prepare its articles' rows, in a worker (the parser is imported
    there, not by every fetch): the storing process then only writes them. `utf8`: with each
    packed text's UTF-8 (PreparedArticle.text_utf8; ~3 KB more an article until it is stored)."""
    from newstui.sources.feeds import parse_feed

    parsed = parse_feed(body, url, content_type)
    articles = [prepare_article(article, utf8) for article in parsed.articles]
    return PreparedFeed(
        parsed.title,
        parsed.site_url,
        articles,
        parsed.warning,
        parsed.cut_short,
        parsed.language,
    )


@dataclass(frozen=True)
class Analysed:
    """One text analysed: what the extractor found, as the plain tuples it is stored from (a
    worker's result is unpickled by the busier process: tuples cost it ~15 times less than the
    dataclasses), its failure (one line; never fatal) or None, and the text's story sketch
    when it was asked for (made here, beside the text)."""

    rows: AnalysisRows
    error: str | None = None
    story: StorySketch | None = None


# Young objects between two collections while analyses are made, sent and saved (Python's
# default is 700): most of what an analysis allocates is garbage before 10,000 more are made,
# and each young collection scanned the live part again (results waiting to be saved). A cold
# fetch of 10,000 articles: collections 0.115 -> 0.042 CPU-s in the fetching process, 0.037 ->
# 0.011 s in its worker.
YOUNG_WHILE_STREAMING = 10_000


def collect_young_rarely() -> None:
    """Collect young objects every YOUNG_WHILE_STREAMING allocations, not more often (the
    older generations' thresholds stay)."""
    young, middle, old = gc.get_threshold()
    if young < YOUNG_WHILE_STREAMING:
        gc.set_threshold(YOUNG_WHILE_STREAMING, middle, old)


def analyse_texts(
    extractor_name: str,
    texts: Sequence[str],
    sketch: Sequence[bool] = (),
    languages: Sequence[str | None] = (),
) -> list[Analysed]:
    """Analyse texts in a worker (whose collector then runs young collections rarely);
    `sketch[i]` asks for text i's story sketch too, `languages[i]` is the language its source
    declares (None, or none given: none)."""
    collect_young_rarely()
    extractor = extractor_here(extractor_name)
    wanted = list(sketch) + [False] * (len(texts) - len(sketch))
    declared = list(languages) + [None] * (len(texts) - len(languages))
    return [
        analyse_text(extractor, text, want, language)
        for text, want, language in zip(texts, wanted, declared, strict=True)
    ]


def analyse_text(
    extractor: Extractor, text: str, sketch: bool = False, language: str | None = None
) -> Analysed:
    """One text's analysis (and story sketch if asked; `language`: the one its source
    declares): a failing article is reported, never fatal."""
    try:
        analysis, error = extractor.analyse(text, language), None
    except Exception as exc:
        analysis, error = Analysis(), f"{type(exc).__name__}: {exc}"
    return Analysed(analysis_rows(analysis), error, story_sketch(text) if sketch else None)


CRASHED = "the extractor crashed on it (the process analysing it died)"
NOT_APART = (
    "the process analysing it died, and no worker process can start here to analyse it apart"
)


def analyse_apart(
    pool: CpuPool,
    extractor_name: str,
    texts: Sequence[str],
    sketch: Sequence[bool] = (),
    languages: Sequence[str | None] = (),
    *,
    died: bool = False,
) -> list[Analysed]:
    """Analyse texts in `pool`'s worker, never in this process, and find any text whose
    analysis kills the worker (a C stack overflow in the compiled extractor) by halving the
    texts a death leaves: that text is reported failed (CRASHED), the others are analysed.
    A text is CRASHED once a worker analysing it alone died twice (`died`: once already; one
    death may be another cause's: the out-of-memory killer). `pool` runs nothing else
    meanwhile (a worker's death fails every task it holds). `languages`: see analyse_texts."""
    if not texts:
        return []
    wanted = list(sketch) + [False] * (len(texts) - len(sketch))
    declared = list(languages) + [None] * (len(texts) - len(languages))
    try:
        return pool.analyse_chunk(extractor_name, texts, wanted, declared).result()
    except BrokenProcessPool:
        if stopping():  # newstui is stopping its workers: nobody crashed
            raise
        if len(texts) == 1:
            if died:
                return [Analysed(analysis_rows(Analysis()), CRASHED)]
            return analyse_apart(pool, extractor_name, texts, wanted, declared, died=True)
    half = len(texts) // 2
    return analyse_apart(
        pool, extractor_name, texts[:half], wanted[:half], declared[:half]
    ) + analyse_apart(pool, extractor_name, texts[half:], wanted[half:], declared[half:])


def import_parser() -> None:
    """A parsing worker's first task: the feed parser's imports (lxml, feedparser; ~0.1 s),
    done before the first document comes instead of after."""
    import newstui.sources.feeds  # noqa: F401


def load_extractor(extractor_name: str) -> None:
    """An analysing worker's first task: the extractor loaded (~0.3 s of CPU, most of it its
    regular expressions compiled) before the first articles come instead of after."""
    extractor_here(extractor_name)


_loaded: set[str] = set()  # the extractors loaded in this process (see extractor_here)


def extractor_here(extractor_name: str) -> Extractor:
    """The extractor called `extractor_name` (nlp.get_extractor; ConfigError as it), its first
    load in this process with the regular expressions kept on disk (newstui.regex_cache: the
    rules compile ~430 patterns as they load, 0.2 of their ~0.35 CPU-s; 0.15 s with them)."""
    from newstui.nlp import get_extractor

    if extractor_name in _loaded:
        return get_extractor(extractor_name)
    from newstui.regex_cache import kept_regexes

    with kept_regexes():
        extractor = get_extractor(extractor_name)
    _loaded.add(extractor_name)
    return extractor


class CpuPool(SpawnedPool):
    """A lazily started pool of worker processes (spawned: safe beside the app's threads)."""

    def __init__(self, workers: int | None = None) -> None:
        super().__init__(max(1, workers or os.cpu_count() or 1), TASKS_PER_WORKER)
        self.analyses_all = False  # see analyses_every_article

    def start_parsing(self, extractor_name: str | None = None) -> None:
        """Start the workers now and have them import the feed parser: a fetch's first
        documents then find them ready (a spawned worker takes ~0.3 s to start and import,
        while the fetching process itself starts up and sends its first requests). With
        `extractor_name` (a fetch whose every article is new: a first fetch) a single worker
        loads that extractor instead: the fetching process parses beside it while it analyses
        (ingest.parsing's `here_while`), and its first articles find it loaded."""
        for _ in range(self.max_workers):
            if extractor_name is None or extractor_name == "none":
                self.submit_call(import_parser)
                continue
            if self.max_workers > 1:  # (several workers parse too)
                self.submit_call(import_parser)
            self.submit_call(load_extractor, extractor_name)
            self.analyses_all = True

    def analyses_every_article(self) -> bool:
        """Whether the workers were started to analyse every article of their fetch (a first
        fetch's: `start_parsing` with an extractor), which keeps them busy from the start: the
        fetching process parses beside them (ingest.parsing's `here_while`)."""
        return self.analyses_all

    def parse_feed(
        self, body: bytes, url: str, content_type: str | None, utf8: bool = True
    ) -> Future[PreparedFeed]:
        """Parse a feed document and prepare its articles' rows in a worker (`utf8`: see
        parse_document)."""
        return self.submit_call(parse_document, body, url, content_type, utf8)

    def analyse_chunk(
        self,
        extractor_name: str,
        texts: Sequence[str],
        sketch: Sequence[bool] = (),
        languages: Sequence[str | None] = (),
    ) -> Future[list[Analysed]]:
        """Analyse a few texts in one worker task (`sketch`, `languages`: see `analyse_texts`)."""
        return self.submit_call(
            analyse_texts, extractor_name, list(texts), list(sketch), list(languages)
        )

    def analyse(
        self,
        extractor_name: str,
        texts: Sequence[str],
        sketch: Sequence[bool] = (),
        languages: Sequence[str | None] = (),
        cancel: threading.Event | None = None,
    ) -> Iterator[Analysed]:
        """Analyse texts across the workers (sent at once: the caller may work meanwhile);
        results in input order. The chunks a dying worker took down are analysed again apart
        (`analyse_apart`, in a pool of their own), never in this process. Setting `cancel`
        ends the results within CANCEL_LOOK_SECONDS, even while a chunk is being analysed
        (the app quits: user test r54 HIGH-2)."""
        futures = [
            self.analyse_chunk(
                extractor_name,
                texts[i : i + CHUNK],
                sketch[i : i + CHUNK],
                languages[i : i + CHUNK],
            )
            for i in range(0, len(texts), CHUNK)
        ]
        return self._chunk_results(futures, extractor_name, texts, sketch, languages, cancel)

    def _chunk_results(
        self,
        futures: Sequence[Future[list[Analysed]]],
        extractor_name: str,
        texts: Sequence[str],
        sketch: Sequence[bool],
        languages: Sequence[str | None] = (),
        cancel: threading.Event | None = None,
    ) -> Iterator[Analysed]:
        """The results of `analyse`'s chunks, in order; see there."""
        apart: CpuPool | None = None
        try:
            for start, future in zip(range(0, len(texts), CHUNK), futures, strict=True):
                if cancel is not None:
                    while not wait([future], CANCEL_LOOK_SECONDS).done:
                        if cancel.is_set():
                            _drop(futures)
                            return
                    if cancel.is_set():
                        _drop(futures)
                        return
                try:
                    chunk = future.result()
                except BrokenProcessPool:
                    if stopping():
                        raise
                    apart = apart or type(self)(1)
                    end = start + CHUNK
                    chunk = analyse_apart(
                        apart,
                        extractor_name,
                        texts[start:end],
                        sketch[start:end],
                        languages[start:end],
                    )
                yield from chunk
        finally:
            if apart is not None:
                apart.close(wait=False)


def _drop(futures: Sequence[Future[list[Analysed]]]) -> None:
    """A cancelled analysis's chunks not started yet are not run: the worker is free for the
    next one at once, and a quitting app does not wait for them (review r54 HIGH-11)."""
    for future in futures:
        future.cancel()


NO_WORKERS = (OSError, NotImplementedError, ImportError)  # no process pool here (no sem_open)


class WorkerStarts:
    """Whether worker processes can start in this process: yes until one could not (no
    working sem_open, no /dev/shm, a process limit); that is said once (one line in the log),
    and from then on feeds are parsed, articles analysed and the app's refresh run in this
    process, with no new attempt."""

    def __init__(self) -> None:
        self.failure: BaseException | None = None

    @property
    def possible(self) -> bool:
        """No start has failed yet."""
        return self.failure is None

    def failed(self, exc: BaseException) -> None:
        """A worker process could not start (`exc`, one of NO_WORKERS)."""
        if self.failure is None:
            self.failure = exc
            logger.warning(
                "no worker process can start here (%s): newstui parses feeds and analyses "
                "articles in its own process; an article that crashes the extractor would end it",
                exc,
            )


WORKERS = WorkerStarts()  # this process's


def startable(pool: CpuPool) -> CpuPool | None:
    """`pool`, made ready for its workers to start at its first task, or None where that is
    not possible (WORKERS: no sem_open, no /dev/shm). A process limit is only met as a worker
    starts: the caller's first task then raises one of NO_WORKERS."""
    if not WORKERS.possible:
        return None
    try:
        pool.start()
    except NO_WORKERS as exc:
        WORKERS.failed(exc)
        return None
    return pool


@contextmanager
def fetch_pool(feeds: int, extractor_name: str | None = None) -> Iterator[CpuPool | None]:
    """The worker pool a fetch of this many feeds parses in (ingest.fetch_feeds' `pool`), its
    workers started at once, or None for a fetch parsed in the fetching process (few feeds, or
    no worker process can start here: WORKERS). Entered at a command's start, the workers'
    start-up overlaps the command's own. `extractor_name`: every article of the fetch is new
    and analysed by it (a first fetch): see CpuPool.start_parsing."""
    if not parses_in_workers(feeds) or not WORKERS.possible:
        yield None
        return
    with CpuPool(fetch_workers()) as pool:
        try:
            # (each task starts a worker: a process limit fails here)
            pool.start_parsing(extractor_name)
        except NO_WORKERS as exc:
            WORKERS.failed(exc)
            pool.close(wait=False)
            yield None
            return
        yield pool


# Seconds the app's analysis worker (~35 MiB) waits with nothing to analyse before it exits; the
# next analysis starts another (~0.3-0.9 s): a refresh every few minutes pays that, not the RAM.
WORKER_IDLE = 60.0


class AnalysisWorker:
    """One long-lived analysis worker for the app's small analyses (`f`, `a`, a refresh's new
    articles): started on first use and reused, so each analysis costs ~1 ms, not a worker's
    start (~0.9 s on a busy machine), while an article that kills the extractor still costs
    only the worker, replaced at the next analysis. It exits after `idle` seconds without an
    analysis and starts again on demand; `close` ends it (the app exits)."""

    def __init__(self, pool: CpuPool | None = None, idle: float = WORKER_IDLE) -> None:
        self.pool = pool or CpuPool(1)
        self.idle = idle
        # Held for a few steps only: by a lend taking or giving back the worker, and by the
        # idle timer ending it, so the two never overlap (a lend never gets a worker being
        # ended, and a timer that fires as a lend gives the worker back still ends it).
        self._state = threading.Lock()
        self._lent = False  # an analysis has the worker
        self._idle_timer: threading.Timer | None = None
        self._idle_round = 0  # which idle timer may end the worker: the last one started

    @contextmanager
    def lend(self) -> Iterator[CpuPool | None]:
        """The pool for one analysis, or None where no worker process can start (the analysis
        then runs in the caller's process; said once in the log). An analysis that comes while
        another has the worker gets a one-worker pool of its own: a worker's death fails every
        task it holds, which would count against the other's texts."""
        timer = None
        with self._state:
            shared = not self._lent
            if shared:
                self._lent = True
                self._idle_round += 1  # a timer firing from now on leaves the worker
                timer, self._idle_timer = self._idle_timer, None
        if not shared:
            with CpuPool(1) as own:
                yield own if self._startable(own) else None
            return
        if timer is not None:
            timer.cancel()
        try:
            yield self.pool if self._startable(self.pool) else None
        finally:
            self._give_back()

    def _give_back(self) -> None:
        """An analysis is done with the worker: the idle time starts."""
        with self._state:
            self._lent = False
            self._idle_round += 1
            timer = threading.Timer(self.idle, self._end_when_idle, args=(self._idle_round,))
            timer.name, timer.daemon = "analysis-worker-idle", True
            self._idle_timer = timer
        timer.start()  # (a lend meanwhile cancelled it: then it never fires)

    def _end_when_idle(self, idle_round: int) -> None:
        """The idle time is up: the worker exits, unless an analysis has it again (or had it
        since this timer started)."""
        with self._state:
            if self._lent or idle_round != self._idle_round:
                return
            self._idle_timer = None
            self.pool.wind_down()  # (at once: lets the worker exit, does not wait for it)

    def _startable(self, pool: CpuPool) -> bool:
        return startable(pool) is not None

    def close(self) -> None:
        """Let the worker exit once its task is done, without waiting for it (the app quits: an
        analysis still running ends at its next save, and its chunk is not cut off into a
        re-analysis apart). A later analysis starts another worker."""
        with self._state:
            self._idle_round += 1
            timer, self._idle_timer = self._idle_timer, None
        if timer is not None:
            timer.cancel()
        self.pool.wind_down(drop_queued=True)  # (chunks not started: the next start's)


APP_ANALYSIS = AnalysisWorker()  # the app's (pending_analysis.analyse_pending with here=False)
