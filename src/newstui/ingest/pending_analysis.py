"""Analysis of stored articles not yet analysed by the extractor's version (in worker processes
for large batches), crash suspects analysed apart, and copies of stories found after it."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain, islice
from typing import TYPE_CHECKING

from newstui.crash_journal import CrashJournal, forget, left_by_the_dead
from newstui.ingest.fetch_stop import FetchStop
from newstui.library import STORY_LOCK_GAP_SECONDS, Library
from newstui.model import Analysis, AnalysisRows, TextToAnalyse, analysis_rows
from newstui.processes import (
    APP_ANALYSIS,
    NO_WORKERS,
    NOT_APART,
    WORKERS,
    Analysed,
    AnalysisWorker,
    CpuPool,
    analyse_apart,
    analyse_text,
    extractor_here,
)
from newstui.stories import STORIES_PER_RUN, StorySketch
from newstui.text import clean_line

if TYPE_CHECKING:
    from newstui.nlp.extractor import Extractor

logger = logging.getLogger(__name__)


PARALLEL_MIN_ARTICLES = 200  # fewer articles than this are analysed in this process
SAVE_BATCH = 100  # analysed articles stored per transaction
STORIES_PART = 500  # articles a stoppable find_stories sketches between looks at its cancel


def analyse_pending(
    library: Library,
    extractor_name: str = "rules",
    ids: Iterable[int] | None = None,
    *,
    pool: CpuPool | None = None,
    stories: int = STORIES_PER_RUN,
    stale: bool = True,
    cancel: threading.Event | None = None,
    on_failure: Callable[[str], None] | None = None,
    here: bool = True,
    worker: AnalysisWorker | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> int:
    """Run the quote/entity extractor over articles not yet analysed by its version, then find
    copies of stories (one story once) among at most `stories` articles not yet sketched: those
    analysed here are sketched with their analysis, the others after it.

    Large batches go to worker processes (a given pool, or one started for the occasion).
    `stale=False` analyses only articles never analysed (a refresh's new ones in the app, whose
    own pass re-analyses older versions'); `cancel` stops between saves (what is saved stays),
    and the story finding after them between its writes.
    Each article the extractor failed on is one line (feed, title, why) to `on_failure`, else
    a logged warning. `here=False` analyses nothing in this process, every batch in worker
    processes (the app's: an article on which the extractor kills its process then costs only
    its analysis, found by `analyse_apart`, never the app): a small batch in `worker`'s
    long-lived process (default processes.APP_ANALYSIS), or in this process where no worker
    process can start. `on_progress` is told the articles analysed of those due, as each save
    lands (the app's refresh line: "analysing 1,200/2,384").
    """
    from newstui.nlp.extractor import extractor_version

    version = extractor_version(extractor_name)  # the extractor loads where it analyses
    stopped = cancel.is_set if cancel is not None else lambda: False
    if extractor_name == "none":  # finds nothing: no pool; stories read the texts back
        count = library.mark_unanalysed(version, ids)
        if count:
            library.prune_entities()
        _find_stories(library, stories, cancel)  # (by text alone: no analysis needed)
        return count
    analyse_crash_suspects(library, extractor_name, on_failure)
    count = 0
    due = library.count_unanalysed() if on_progress is not None and ids is None else 0
    if on_progress is not None and due:  # said at once: the first batch takes a while
        on_progress(0, due)
    extractor: Extractor | None = None  # loaded for the first text analysed in this process
    journal = CrashJournal(library.database_file())
    in_process = here  # the caller's choice, until a worker process cannot start
    given = pool
    started: CpuPool | None = None  # a pool started here (not lent: APP_ANALYSIS's is the app's)
    with contextlib.ExitStack() as own_pool:  # a pool started here, for this call only
        own_pool.callback(journal.close)
        while not stopped():
            batch = library.to_analyse(version, ids, stale=stale)
            if not batch:
                break
            sketch = to_sketch(library, batch, stories)
            stories -= sum(sketch)
            texts = [a.text for a in batch]
            read_as = {a.article_id: a.stamp for a in batch}
            read = {a.article_id: a.text for a in batch}
            cores = os.cpu_count() or 1
            parallel = WORKERS.possible and len(batch) >= PARALLEL_MIN_ARTICLES and cores > 1
            if not parallel and not in_process and pool is None:
                pool = own_pool.enter_context((worker or APP_ANALYSIS).lend())
                in_process = pool is None  # no worker process can start: in this one then
            sent: Iterator[Analysed] | None = None
            if parallel or not in_process:
                if pool is None:
                    pool = started = own_pool.enter_context(CpuPool(None if parallel else 1))
                # A pool that leaves this process a core (a fetch's): it analyses a share
                # too while the workers do the rest, instead of waiting for them.
                beside = in_process and pool.max_workers < cores
                share = len(texts) // (pool.max_workers + 2) if beside else 0
                cut = len(texts) - share
                try:  # (its workers start as the chunks are sent)
                    languages = [a.language for a in batch[:cut]]
                    sent = pool.analyse(
                        extractor_name, texts[:cut], sketch[:cut], languages, cancel=cancel
                    )
                except NO_WORKERS as exc:  # none can start here: all in this process then
                    WORKERS.failed(exc)
                    if pool is not given:
                        pool.close(wait=False)  # the chunks it took are analysed here
                    pool, in_process = None, True
            if sent is not None:
                own: list[Analysed] = []
                if cut < len(texts):
                    extractor = extractor or extractor_here(extractor_name)
                    own = list(_each_analysed_here(journal, extractor, batch[cut:], sketch[cut:]))
                results: Iterable[Analysed] = chain(sent, own)
            else:
                extractor = extractor or extractor_here(extractor_name)
                results = _each_analysed_here(journal, extractor, batch, sketch)
            done = iter(results) if cancel is None else _until_set(cancel, results)
            sketched: list[tuple[int, StorySketch]] = []
            for start in range(0, len(batch), SAVE_BATCH):
                part = [a.article_id for a in batch[start : start + SAVE_BATCH]]
                analysed = list(islice(done, len(part)))
                part = part[: len(analysed)]  # fewer once cancelled: the rest stays to analyse
                if not part:
                    break
                sketched += save_analysed(
                    library, extractor_name, version, part, analysed, read_as, read, on_failure
                )
                count += len(part)
                if on_progress is not None:
                    due = max(due, count)  # (stored meanwhile, or older versions': stale)
                    on_progress(count, due)
            if not _join(library, sketched, cancel):  # the batch's at once
                break
            if ids is not None:
                break
        if stopped() and started is not None:  # the app quits: the workers started here
            started.close(wait=False)  # end now, their chunks' texts left to analyse
    if count:
        library.prune_entities()
    _find_stories(library, stories, cancel)  # articles analysed before, or elsewhere
    return count


def _join(
    library: Library,
    sketched: Sequence[tuple[int, StorySketch]],
    cancel: threading.Event | None,
) -> bool:
    """Join an analysis batch's sketched articles to their stories; False if `cancel` stopped
    it. With `cancel` (the app's) the join keeps its gaps (the app's own other connections
    write too) and stops in one of them once `cancel` is set (user test r54 HIGH-2: quitting
    waited up to 125 s for a join of look-alike articles): what was joined is stored, each
    transaction whole, and the articles left are found by the next run's find_stories."""
    if cancel is None:
        library.join_stories(sketched, library.story_gap())
        return True
    if cancel.is_set():
        return False
    try:
        library.join_stories(sketched, _pause_or_stop(cancel))
    except _Stopped:
        return False
    return not cancel.is_set()


def _find_stories(library: Library, stories: int, cancel: threading.Event | None) -> None:
    """Sketch and join at most `stories` articles not yet sketched, in parts, each stoppable by
    `cancel` (a story is found by its text alone: analysis on or off)."""
    try:
        while stories > 0 and not (cancel is not None and cancel.is_set()):
            if cancel is None:  # (not to be stopped: at once)
                library.find_stories(stories, library.story_gap())
                break
            if isinstance(cancel, FetchStop):  # at once too, stopped between two writes
                library.find_stories(stories, _pause_or_stop(cancel))
                break
            library.find_stories(min(stories, STORIES_PART), _pause_or_stop(cancel))
            stories -= STORIES_PART
    except _Stopped:  # what was joined before the stop is stored; the rest waits
        pass


class _Stopped(Exception):
    """Raised by the pause of a stoppable find_stories once its `cancel` is set."""


def _pause_or_stop(cancel: threading.Event) -> Callable[[], None]:
    """find_stories' pause between two writes: leave the lock free for another process as
    the default does, but stop (raise _Stopped) once `cancel` is set (the app quits)."""

    # a fetch's (FetchStop): the gap only while another process has the store open
    gap = cancel.gap_seconds if isinstance(cancel, FetchStop) else None

    def pause() -> None:
        if cancel.wait(STORY_LOCK_GAP_SECONDS if gap is None else gap()):
            raise _Stopped

    return pause


def analyse_crash_suspects(
    library: Library, extractor_name: str, on_failure: Callable[[str], None] | None = None
) -> int:
    """The articles processes were analysing themselves when they died (their crash journals
    say which: see crash_journal), analysed again apart, in a worker process: one on which the
    extractor kills that process too is stored as analysed with nothing found, with a warning
    line naming its feed and title, never to be analysed again by this extractor version (a
    process killed otherwise, `kill -9`, only costs its article this second look). Returns
    how many articles were looked at. `on_failure`: see analyse_pending."""
    journals = left_by_the_dead(library.database_file())
    if not journals:
        return 0
    suspects = [article_id for article_id in journals.values() if article_id is not None]
    batch: list[TextToAnalyse] = []
    if suspects and extractor_name != "none":
        from newstui.nlp.extractor import extractor_version

        version = extractor_version(extractor_name)
        batch = library.to_analyse(version, suspects)
        if batch:
            results = _suspects_analysed(extractor_name, batch)
            ids = [a.article_id for a in batch]
            read_as = {a.article_id: a.stamp for a in batch}
            texts = {a.article_id: a.text for a in batch}
            save_analysed(
                library, extractor_name, version, ids, results, read_as, texts, on_failure
            )
    forget(journals)
    return len(batch)


def _suspects_analysed(extractor_name: str, batch: Sequence[TextToAnalyse]) -> list[Analysed]:
    """The crash suspects' texts analysed apart, in a worker process (analyse_apart); where
    none can start, none is analysed (in this process it could end it again): each is kept
    without analysis, its failure NOT_APART."""
    if WORKERS.possible:
        texts, languages = [a.text for a in batch], [a.language for a in batch]
        try:
            with CpuPool(1) as apart:
                return analyse_apart(apart, extractor_name, texts, languages=languages)
        except NO_WORKERS as exc:
            WORKERS.failed(exc)
    return [Analysed(analysis_rows(Analysis()), NOT_APART) for _ in batch]


def _each_analysed_here(
    journal: CrashJournal,
    extractor: Extractor,
    batch: Sequence[TextToAnalyse],
    sketch: Sequence[bool],
) -> Iterator[Analysed]:
    """Analyse articles in this process, lazily, each in the crash journal while it runs."""
    for read, wanted in zip(batch, sketch, strict=True):
        yield analysed_here(journal, extractor, read, wanted)
    journal.clear()


def analysed_here(
    journal: CrashJournal, extractor: Extractor, read: TextToAnalyse, sketch: bool
) -> Analysed:
    """One article analysed in this process, recorded in the crash journal first."""
    journal.analysing(read.article_id)
    return analyse_text(extractor, read.text, sketch, read.language)


def _until_set(cancel: threading.Event, items: Iterable[Analysed]) -> Iterable[Analysed]:
    """The items, until `cancel` is set (looked at before each: a lazy item is not made)."""
    source = iter(items)
    while not cancel.is_set():
        try:
            yield next(source)
        except StopIteration:
            return


def to_sketch(library: Library, batch: Sequence[TextToAnalyse], budget: int) -> list[bool]:
    """Which articles of an analysis batch to sketch with their analysis: those not sketched
    yet, at most `budget` (the rest wait for a later run)."""
    if budget <= 0:
        return [False] * len(batch)
    wanted = set(library.unsketched(a.article_id for a in batch)[:budget])
    return [a.article_id in wanted for a in batch]


def save_analysed(
    library: Library,
    extractor_name: str,
    version: str,
    ids: Sequence[int],
    results: Sequence[Analysed],
    read_as: Mapping[int, int],
    texts: Mapping[int, str],
    on_failure: Callable[[str], None] | None = None,
) -> list[tuple[int, StorySketch]]:
    """Store the analyses of these articles (one transaction), those whose text is still the
    one read (`read_as`: its stamp; `texts`: the texts as read); returns the sketched ones
    saved, for `Library.join_stories`."""
    from newstui.nlp import canonical_key, short_key

    done: list[tuple[int, AnalysisRows]] = []
    sketched: list[tuple[int, StorySketch]] = []
    for article_id, result in zip(ids, results, strict=True):
        if result.error:
            line = _analysis_failed(library, extractor_name, article_id, result)
            if on_failure is not None:
                on_failure(line)
            else:
                logger.warning("%s", line)
        done.append((article_id, result.rows))
        if result.story is not None:
            sketched.append((article_id, result.story))
    skipped = library.save_analyses(
        done, version, canonical_key, short_key, read_as=read_as, texts=texts
    )
    return [kept for kept in sketched if kept[0] not in skipped] if skipped else sketched


def _analysis_failed(
    library: Library, extractor_name: str, article_id: int, result: Analysed
) -> str:
    """One line for an article the extractor failed on: its feed and title, and why."""
    stored = library.article(article_id)
    feed = clean_line(stored.row.feed or "", 80) if stored else ""
    title = clean_line(stored.row.title, 80) if stored else ""
    where = f'{feed or "article"}: "{title or "untitled"}" (article {article_id})'
    return (
        f"{where}: extractor {extractor_name} failed: {clean_line(result.error or '', 200)}; "
        "kept without quotes or entities"
    )
