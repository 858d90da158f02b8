"""Analysis streamed beside a fetch: each feed's new articles analysed (and sketched) in the
worker pool, and in the fetching process, as soon as they are stored."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

from newstui.crash_journal import CrashJournal
from newstui.ingest.collector import collector_paused, old_objects_frozen
from newstui.ingest.pending_analysis import analysed_here, save_analysed, to_sketch
from newstui.library import Library
from newstui.model import TextToAnalyse
from newstui.processes import CHUNK, NO_WORKERS, WORKERS, Analysed, CpuPool, analyse_apart
from newstui.spawned import pool_result, stopping
from newstui.stories import STORIES_PER_RUN, StorySketch

logger = logging.getLogger(__name__)


CHUNKS_IN_FLIGHT_PER_WORKER = 3  # streamed analysis: chunks queued per worker process
CHUNKS_IN_FLIGHT_BESIDE_HERE = 4  # the same for a single worker beside the fetching process's
# own analysis (whose loop turns are longer: the worker must not run dry between them)
CHUNKS_IN_FLIGHT_BESIDE_PAGES = 2  # per worker while article pages come to the workers: one
# analysed, one queued, so a page waits behind ~2 chunks, not ~8 (see StreamedAnalysis._pump)
CHUNKS_BEFORE_A_SAVE = 2  # times as many chunks in flight sent before a save or a join holds
# the event loop (~0.15 s; a worker's 4 chunks take ~0.1 s): see StreamedAnalysis._save
HERE_WHEN_WAITING = 64  # articles waiting for the pool before this process analyses a share too
LOCAL_BATCH = 4  # articles the fetching process analyses itself between loop turns
LOCAL_READ = 16  # articles it reads back (texts, stamps, sketch wanted) at a time for that
SAVE_STREAMED = 256  # streamed analyses saved per transaction (each commit rewrites the tail
# pages of the mention, quote and quote-word indexes: 64 a time cost ~7 % more CPU to save)
STORIES_JOIN_BATCH = 256  # sketched articles joined to their stories per transaction (a small
# transaction rewrites most of the band index's pages: 16 a time cost twice as much CPU)


class StreamedAnalysis:
    """Each feed's new articles go to the worker pool as soon as they are stored, and their
    analyses are saved as they come back: analysis overlaps fetching instead of following it.
    Only a few chunks per worker are in flight; the other articles wait as ids and their texts
    are read back when a worker is free, so memory does not grow with the fetch.
    Each new article's text is also sketched (one story once, up to STORIES_PER_RUN a fetch)
    and joined to its story as analyses are saved: no sketching is left for the end of a fetch.
    Each text is sketched where it is analysed, beside its analysis. A single worker is the
    slower side on 2 cores (this process idled ~40 % of the time while the worker was always
    busy), so this process analyses articles itself from the other end of the queue, a few
    between turns of the event loop, while any wait: both cores stay busy to the end. It
    starts once HERE_WHEN_WAITING articles wait for the pool: a small fetch's analyses are
    the worker's alone, and the extractor is loaded in one process, not two.
    Whatever fails here is left to the final `analyse_pending` sweep."""

    def __init__(
        self,
        library: Library,
        extractor_name: str,
        cpu: CpuPool,
        analyse_here: bool | None = None,
        pages_coming: Callable[[], bool] | None = None,
    ) -> None:
        """`pages_coming()`: whether article pages are on their way to the workers
        (FulltextPool.pages_for_workers); fewer chunks are queued there meanwhile."""
        self.library, self.extractor_name, self.cpu = library, extractor_name, cpu
        self.pages_coming = pages_coming
        self.analyse_here = cpu.max_workers == 1 if analyse_here is None else analyse_here
        self.analysed_here = 0  # articles this process analysed itself
        self._here: asyncio.Task[None] | None = None  # this process's share, see _analyse_here
        self._more = asyncio.Event()  # set when articles are queued, or the fetch is finishing
        self._finishing = False
        self._unsaved: list[tuple[int, Analysed]] = []  # analysed, saved SAVE_STREAMED a time
        self._read: dict[int, TextToAnalyse] = {}  # each text read (and its stamp), until saved
        per_worker = (
            CHUNKS_IN_FLIGHT_BESIDE_HERE if self.analyse_here else CHUNKS_IN_FLIGHT_PER_WORKER
        )
        self._limit = per_worker * cpu.max_workers
        self.version = ""  # known at the first submit: a fetch with nothing new loads no extractor
        self._waiting: deque[int] = deque()
        self._tasks: set[asyncio.Task[None]] = set()
        self._sent: list[Future[list[Analysed]]] = []  # chunks the pool may still be working on
        self._cancelled = False
        self.saved = 0
        self.sketched = 0  # articles sketched (asked of the workers or to do here)
        self._to_join: list[tuple[int, StorySketch]] = []  # sketched, not yet joined
        self._joining: asyncio.Task[None] | None = None  # see _join
        self.joined = 0  # articles joined to another's story
        self._frozen = contextlib.ExitStack()  # old_objects_frozen, while analyses stream
        self._dead: list[int] = []  # articles of chunks whose worker died: see _analyse_dead

    def parses_here(self) -> bool:
        """Whether the fetch's next document is parsed in this process (ingest.parsing's
        `here_while`): while the worker analyses (a first fetch's, started to analyse every
        article, from its start: CpuPool.analyses_every_article) and this process has not taken a
        share of the analysis itself (see submit). A worker with nothing to analyse parses, as
        the storing process has its own work (a refresh of large feeds with little new); one
        that analyses is the slower side, and this process idled. (A first fetch's worker,
        done loading before the first document came, parsed it: the parser's import too.)"""
        if self._here is not None:
            return False
        self._sent = [future for future in self._sent if not future.done()]
        return bool(self._sent) or self.cpu.analyses_every_article()

    def submit(self, ids: Sequence[int]) -> None:
        """Queue the analysis of these articles (those not yet at this extractor's version)."""
        if not self.version:
            from newstui.nlp.extractor import extractor_version

            # (read without loading the extractor: the workers load it, and this process only
            # when it analyses a share too)
            self.version = extractor_version(self.extractor_name)
            self._frozen.enter_context(old_objects_frozen())
        self._waiting.extend(ids)
        self._pump()
        if self.analyse_here and self._here is None and len(self._waiting) >= HERE_WHEN_WAITING:
            # The worker has fallen behind: this process loads the extractor too (in a
            # thread, ~0.3 s of CPU compiled) and takes a share. Not before: a first fetch of
            # 100 articles (~0.2 s of analysis compiled) paid for loading it twice (user test
            # r52 LOW-5).
            self._here = asyncio.create_task(self._analyse_here())
            self._here.add_done_callback(_seen)
        self._more.set()

    def _pump(self, room: int = 1) -> None:
        """Send chunks of waiting articles to the pool while there is room (`room` times the
        chunks in flight): a chunk the pool has finished frees its room at once, before the
        event loop has taken its results (a save or a join holds the loop for ~0.15 s, longer
        than the worker takes for its queued chunks)."""
        self._sent = [future for future in self._sent if not future.done()]
        if not WORKERS.possible:  # no worker can start: the final sweep analyses them here
            self._waiting.clear()
        limit = self._limit * room
        if self.pages_coming is not None and self.pages_coming():
            # A page sent to a worker is extracted after the chunks queued there (a pool's
            # queue is first in, first out): at most this many then, whatever the room. With
            # ~8 a page waited 0.3-0.7 s for a worker busy analysing a cold fetch.
            limit = min(limit, CHUNKS_IN_FLIGHT_BESIDE_PAGES * self.cpu.max_workers)
        while self._waiting and len(self._sent) < limit and not self._cancelled:
            ids = [self._waiting.popleft() for _ in range(min(CHUNK, len(self._waiting)))]
            batch = self.library.to_analyse(self.version, ids)
            if not batch:
                continue
            self._read.update((a.article_id, a) for a in batch)
            sketch = to_sketch(self.library, batch, STORIES_PER_RUN - self.sketched)
            self.sketched += sum(sketch)
            texts = [a.text for a in batch]
            languages = [a.language for a in batch]
            try:
                future = self.cpu.analyse_chunk(self.extractor_name, texts, sketch, languages)
            except NO_WORKERS as exc:  # its worker cannot start (a process limit)
                WORKERS.failed(exc)
                self._waiting.clear()  # these too: the final sweep analyses them here
                return
            self._sent.append(future)
            ids = [a.article_id for a in batch]
            self._tasks.add(task := asyncio.create_task(self._chunk(ids, future)))
            task.add_done_callback(_seen)

    def _top_up(self, room: int = 1) -> None:
        """`_pump`, never raising: a pool that stopped or a busy store leaves the articles
        still waiting to the final sweep."""
        try:
            self._pump(room)
        except Exception:
            logger.debug("streamed analysis stopped", exc_info=True)
            self._waiting.clear()

    async def _chunk(self, ids: list[int], future: Future[list[Analysed]]) -> None:
        """Send the next chunk once this one's analyses are back (before this task ends, so
        `finish` sees it), then queue them to save."""
        results: list[Analysed] | None = None
        try:
            results = await pool_result(future)  # never cancels the pool's future
        except BrokenProcessPool:  # its worker died: perhaps on one of these, see finish
            if not stopping():
                self._dead += ids
        except Exception:  # the final sweep analyses these articles
            logger.debug("streamed analysis failed", exc_info=True)
        finally:
            task = asyncio.current_task()
            if task is not None:
                self._tasks.discard(task)
            self._top_up()  # first: the worker has its next chunk while this one is saved
        if results is not None:
            self._keep(list(zip(ids, results, strict=True)))

    async def _analyse_here(self) -> None:
        """This process's share of the analysis: while articles wait (the pool then has all
        its chunks in flight: `_pump` sends them first), read LOCAL_READ back from the far end
        of the queue, analyse and sketch them here LOCAL_BATCH at a time, and let the event
        loop run its fetching and storing between those. Stops at the first error (the pool
        and the final sweep do the rest)."""
        from newstui.processes import extractor_here

        try:  # (off the event loop: feeds are fetched and stored meanwhile)
            extractor = await asyncio.to_thread(extractor_here, self.extractor_name)
        except Exception:  # it cannot load: the pool and the final sweep do the rest (and say so)
            logger.debug("the extractor did not load in the fetching process", exc_info=True)
            return
        taken: deque[tuple[TextToAnalyse, bool]] = deque()  # read back, not yet analysed
        journal = CrashJournal(self.library.database_file())
        try:
            while not self._cancelled:
                if not taken:
                    if not self._waiting:  # (while any wait, the pool has all its chunks)
                        if self._finishing:
                            # Nothing left to take: save what is analysed while the pool
                            # works on its last chunks, not after them (finish saves those).
                            self._save()
                            break
                        self._more.clear()
                        await self._more.wait()
                        continue
                    # One read back for LOCAL_READ articles, not one for every LOCAL_BATCH
                    # analysed: 1,100 reads of a cold fetch's 1,500 cost ~0.4 ms each.
                    count = min(LOCAL_READ, len(self._waiting))
                    batch = self.library.to_analyse(
                        self.version, [self._waiting.pop() for _ in range(count)]
                    )
                    self._read.update((a.article_id, a) for a in batch)
                    sketch = to_sketch(self.library, batch, STORIES_PER_RUN - self.sketched)
                    self.sketched += sum(sketch)
                    taken.extend(zip(batch, sketch, strict=True))
                    continue
                now = [taken.popleft() for _ in range(min(LOCAL_BATCH, len(taken)))]
                analysed = [
                    (read.article_id, analysed_here(journal, extractor, read, wanted))
                    for read, wanted in now
                ]
                journal.clear()
                self.analysed_here += len(analysed)
                self._keep(analysed)
                self._top_up()  # chunks the pool finished meanwhile are replaced at once
                await asyncio.sleep(0)  # the event loop's turn: feeds arrive, chunks come back
        except Exception:  # the store is busy or the extractor cannot load: the rest is left
            logger.debug("analysis in the fetching process stopped", exc_info=True)
        finally:
            journal.close()

    def _keep(self, analysed: list[tuple[int, Analysed]]) -> None:
        """Queue analyses to save; save the queue once SAVE_STREAMED are in it."""
        self._unsaved += analysed
        if len(self._unsaved) >= SAVE_STREAMED:
            self._save()

    def _save(self) -> None:
        """Save the queued analyses (one transaction). The workers are sent CHUNKS_BEFORE_A_SAVE
        times their chunks first: the save holds the event loop (~0.15 s for 256 analyses,
        a join ~0.1 s) and no finished chunk is replaced meanwhile. With the usual room a
        single worker ran dry during saves: 2.1-2.8 s of a cold fetch of 10,000 articles,
        with documents queued deeper too (see Parsing) 1.0-2.2 s, and 0.8-0.9 s with twice
        the chunks (compiled, boosted timelines at load 12)."""
        unsaved, self._unsaved = self._unsaved, []
        if not unsaved:
            return
        self._top_up(CHUNKS_BEFORE_A_SAVE)  # the worker's next chunks first
        ids, results = [i for i, _ in unsaved], [r for _, r in unsaved]
        read = [self._read.pop(i, None) for i in ids]
        read_as = {i: a.stamp if a else -1 for i, a in zip(ids, read, strict=True)}  # (none is -1)
        texts = {a.article_id: a.text for a in read if a}
        with collector_paused():
            self._to_join += save_analysed(
                self.library, self.extractor_name, self.version, ids, results, read_as, texts
            )
        self.saved += len(ids)
        if len(self._to_join) >= STORIES_JOIN_BATCH:
            self._join()

    def before_a_store(self) -> None:
        """Before parsed feeds are stored: their transaction holds the event loop too (~35 ms
        a group, 60-75 groups in a cold fetch of 10,000 articles), so the workers are sent
        CHUNKS_BEFORE_A_SAVE times their chunks first, as before a save."""
        self._top_up(CHUNKS_BEFORE_A_SAVE)

    def _join(self) -> None:
        """Join the articles sketched so far to their stories, in a task beside the fetch (one
        at a time): it holds the event loop for one short transaction at a time (~0.2 s), not
        for a whole join (r54 MED-8: look-alike articles' joins held it for minutes, downloads
        stalled and Ctrl-C waited). A stopped fetch leaves what it had not joined to the next
        run's find_stories."""
        if self._joining is None or self._joining.done():
            self._joining = asyncio.create_task(self._join_queued())
            self._joining.add_done_callback(_seen)

    async def _join_queued(self) -> None:
        """The joins of _join, STORIES_JOIN_BATCH articles a join, until none is queued; the
        lock's gap (while another process has the store open) is slept, not held."""
        gap = self.library.story_gap_seconds()
        while self._to_join and not self._cancelled:
            sketched = self._to_join[:STORIES_JOIN_BATCH]
            del self._to_join[:STORIES_JOIN_BATCH]
            steps = self.library.join_story_steps(sketched)
            while True:
                self._top_up(CHUNKS_BEFORE_A_SAVE)  # as in _save
                try:
                    with collector_paused():
                        step = next(steps, None)
                except Exception:  # a busy store: these wait for the next find_stories
                    logger.debug("joining stories beside the fetch stopped", exc_info=True)
                    break
                if step is None:
                    break
                self.joined += step[0]
                await asyncio.sleep(gap() if step[1] else 0)  # the loop's turn

    async def finish(self) -> None:
        """Wait until every queued analysis is saved; drop entities no article mentions now."""
        self._finishing = True
        self._more.set()
        here = [self._here] if self._here is not None else []
        try:
            while self._tasks or not all(task.done() for task in here):
                # a finished chunk sends the next one before this wakes up
                await asyncio.gather(*self._tasks, *here, return_exceptions=True)
            self._analyse_dead()
            self._save()
            self._join()
            while self._joining is not None and not self._joining.done():
                await asyncio.gather(self._joining, return_exceptions=True)
                if self._to_join:  # queued after the task's last look
                    self._join()
        finally:
            self._frozen.close()  # also when a save fails: the next fetch freezes afresh
        if self.saved:
            self.library.prune_entities()

    def _analyse_dead(self) -> None:
        """The articles of chunks whose worker died, analysed apart in a fresh worker (the
        pool's may hold parsing too), never in this process: an article that kills the worker
        again is found and reported failed, and its chunk's others are analysed."""
        dead, self._dead = self._dead, []
        batch = self.library.to_analyse(self.version, dead) if dead else []
        if not batch:
            return
        self._read.update((a.article_id, a) for a in batch)
        with CpuPool(1) as apart:
            results = analyse_apart(
                apart,
                self.extractor_name,
                [a.text for a in batch],
                languages=[a.language for a in batch],
            )
        self._keep(list(zip([a.article_id for a in batch], results, strict=True)))

    def cancel(self) -> None:
        """Drop what is still queued (a cancelled fetch)."""
        self._cancelled = True
        self._waiting.clear()
        self._to_join.clear()  # sketched again by a later run
        self._unsaved.clear()  # analysed again by a later run
        self._read.clear()
        self._frozen.close()
        others = [t for t in (self._here, self._joining) if t is not None]
        for task in [*self._tasks, *others]:
            task.cancel()


def _seen(task: asyncio.Task[None]) -> None:
    """Mark a chunk task's outcome as seen. A SIGTERM/SIGHUP raised while the task ran (Stopped)
    already leaves the event loop and stops newstui; unseen, asyncio would also log it at exit as
    "Task exception was never retrieved", after newstui's last line."""
    if not task.cancelled():
        task.exception()
