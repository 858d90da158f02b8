"""The pipeline: source → clean → store → full text → analyse, with progress callbacks.

Used alike by the command line and the app (which runs it in a worker thread).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import hashlib
import logging
import os
import re
import shlex
import sqlite3
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import partial
from itertools import chain, islice, zip_longest
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from newstui.article_rows import PreparedArticle
from newstui.config import Config, FeedConfig, LocalConfig, clean_tags
from newstui.counts import counted
from newstui.crash_journal import CrashJournal, forget, left_by_the_dead
from newstui.errors import (
    DiskFullError,
    HTTPStatusError,
    NetworkError,
    NewstuiError,
    NoNetwork,
    SourceError,
    hide_passwords,
    hide_url_password,
)
from newstui.library import STORY_LOCK_GAP_SECONDS, Library
from newstui.local_times import in_message, short_time, until_iso
from newstui.model import (
    Analysis,
    AnalysisRows,
    Article,
    FeedCache,
    FetchRecord,
    FulltextMode,
    FulltextProblem,
    RemovedSource,
    SaveResult,
    SourceOutcome,
    SourceSpec,
    TextToAnalyse,
    analysis_rows,
    carries_full_article,
    moved_line,
    still_waiting,
)
from newstui.model.fetching import FetchWait
from newstui.model.names import name_key
from newstui.processes import (
    APP_ANALYSIS,
    CHUNK,
    NO_WORKERS,
    NOT_APART,
    WORKERS,
    Analysed,
    AnalysisWorker,
    CpuPool,
    PreparedFeed,
    analyse_apart,
    analyse_text,
    collect_young_rarely,
    fetch_workers,
    parse_document,
    parses_in_workers,
    startable,
)
from newstui.sources.backoff import (
    DEFAULT_INTERVAL,
    RETRY_AFTER_CAP,
    next_try,
    parse_retry_after,
)
from newstui.sources.http import (
    PERMANENT_REDIRECTS,
    Fetcher,
    FetchLimits,
    FetchResult,
    PageFetcher,
)
from newstui.sources.proxies import ProxyFailure, RelayFailure
from newstui.spawned import pool_result, stopping
from newstui.stories import STORIES_PER_RUN, StorySketch
from newstui.text import clean_line

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from newstui.config_tables import FilterConfig
    from newstui.fulltext import ExtractionPool
    from newstui.fulltext.podcasts import Episode
    from newstui.nlp.extractor import Extractor
    from newstui.sync.run import SyncReport

PARALLEL_MIN_ARTICLES = 200  # fewer articles than this are analysed in this process
SAVE_BATCH = 100  # analysed articles stored per transaction
# Pages "auto" reads for one feed's fetch: those of its newest entries (user test r36 L8: the
# first fetch of an imported 5,000-item summary-only feed asked its site for 5,000 pages in
# ~10 s; newsboat asks for none). A feed's ordinary fetch brings far fewer.
FULLTEXT_AUTO_PAGES = 50
STORIES_PART = 500  # articles a stoppable find_stories sketches between looks at its cancel
FETCH_RECORDS_BATCH = 32  # fetch outcomes stored per transaction
CHUNKS_IN_FLIGHT_PER_WORKER = 3  # streamed analysis: chunks queued per worker process
CHUNKS_IN_FLIGHT_BESIDE_HERE = 4  # the same for a single worker beside the fetching process's
# own analysis (whose loop turns are longer: the worker must not run dry between them)
CHUNKS_BEFORE_A_SAVE = 2  # times as many chunks in flight sent before a save or a join holds
# the event loop (~0.15 s; a worker's 4 chunks take ~0.1 s): see _StreamedAnalysis._save
PARSED_BY_POOL_PER_DOCUMENT_HERE = 4  # see _Parsing
QUEUED_AT_POOL_WHEN_SHARING = 3  # documents queued behind the worker's own: see _Parsing
LOCAL_BATCH = 4  # articles the fetching process analyses itself between loop turns
LOCAL_READ = 16  # articles it reads back (texts, stamps, sketch wanted) at a time for that
SAVE_STREAMED = 256  # streamed analyses saved per transaction (each commit rewrites the tail
# pages of the mention, quote and quote-word indexes: 64 a time cost ~7 % more CPU to save)
SAVE_GROUP_WAIT = 0.05  # seconds a parsed feed waits for others to share its transaction
SAVE_GROUP_ARTICLES = 250  # articles after which a group is stored without waiting
STORIES_JOIN_BATCH = 256  # sketched articles joined to their stories per transaction (a small
# transaction rewrites most of the band index's pages: 16 a time cost twice as much CPU)


ProgressCallback = Callable[[SourceOutcome], None]
PagesCallback = Callable[[int, int], None]  # (pages over, pages planned)
OpenFetcher = Callable[[FetchLimits], PageFetcher]  # Fetcher; tests pass a fake


def limits_from(config: Config) -> FetchLimits:
    """Fetch limits from the settings."""
    s = config.settings
    return FetchLimits(s.timeout, s.max_bytes, s.concurrency, s.per_host)


def hosts_in_turn(feeds: Sequence[FeedConfig]) -> list[FeedConfig]:
    """The feeds one host at a time in turn (a1, b1, c1, a2, b2, a3…), the order their requests
    start in: the feeds of one busy host never fill every slot while other hosts wait."""
    by_host: dict[str, list[FeedConfig]] = {}
    for feed in feeds:
        try:
            host = urlsplit(feed.url).hostname or ""
        except ValueError:  # the fetch reports it
            host = ""
        by_host.setdefault(host, []).append(feed)
    turns = zip_longest(*by_host.values())
    return [feed for turn in turns for feed in turn if feed is not None]


def feed_key(feed: FeedConfig) -> str:
    """The stored identity of a configured feed."""
    return feed.url


def local_key(path: Path) -> str:
    """The stored identity of a local file or folder source."""
    return "local:" + path_text(path.resolve())


def path_text(path: Path | str) -> str:
    """A path as storable text: bytes that are not UTF-8 written as \\xNN (unique, no surrogates)."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _undecodable(path: Path | str) -> bool:
    """True when a file name holds bytes that are not UTF-8 (the OS gave lone surrogates)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def sync_sources(library: Library, config: Config) -> dict[str, int]:
    """Register every configured feed and local source (one transaction); returns feed ids by
    source name."""
    specs = [
        SourceSpec(
            feed_key(feed),
            feed.name,
            url=feed.url,
            tags=feed.tags,
            configured=True,
            titled=not feed.named,
        )
        for feed in config.feeds
    ]
    specs += [
        SourceSpec(local_key(local.path), local.name, "local", tags=local.tags, configured=True)
        for local in config.local
    ]
    names = [feed.name for feed in config.feeds] + [local.name for local in config.local]
    return dict(zip(names, library.register_sources(specs), strict=True))


def list_imported(library: Library, config: Config, imported: Sequence[FeedConfig]) -> None:
    """List the configured sources in the store after an import (as a fetch or the app's start
    does), the web site each imported feed came with kept until its first fetch (OPML's
    htmlUrl: `opml export` writes it back)."""
    sync_sources(library, config)
    library.keep_site_urls([(f.url, f.site) for f in imported if f.site])


def lists_sources(config: Config) -> bool:
    """Whether the config file lists a feed or local source to fetch."""
    return bool(config.feeds or config.local)


LEFT_CONFIG_DAYS = 30  # a source deleted from the config by hand is kept this long


def prune_sources(
    library: Library, config: Config, *, now: datetime | None = None
) -> list[RemovedSource]:
    """Set aside the stored sources that left the config file by hand, and delete those set aside
    LEFT_CONFIG_DAYS ago (starred articles kept) unless the config lists their name.

    A config mistake never loses what is stored: a source set aside keeps its articles, marks,
    full text and downloads, listed nowhere, and comes back whole when its URL does; a feed whose
    name the config gives another URL (its URL was edited) waits for that URL to fetch, and
    move_set_aside then moves them there. One without articles is simply deleted (unsaid when
    the config still lists its name: a mistyped URL that never read). A config that
    lists no source at all sets aside nothing: an emptied or half-written file, or one whose
    feeds all moved to the [sync] server, is no order to drop every feed. With [sync], a source
    that is a server subscription stays: it is the server's (an entry whose url was changed to
    the one the server moved it to is that source again at the sync); without it, one only the
    server's subscriptions made is set aside as leaving the config (user test r35 L7)."""
    if not lists_sources(config):
        return []
    now = now or datetime.now(UTC)
    # (a feed skipped for its url is still listed: what it stored waits for the url's fix)
    feeds = (*config.feeds, *config.skipped_feeds)
    # (and a local source skipped for its name: what it stored waits for its rename)
    local = (*config.local, *config.skipped_local)
    keys = {feed_key(f) for f in feeds} | {local_key(s.path) for s in local}
    renamed = _names_configured(config)
    said: list[RemovedSource] = []
    left = now.replace(microsecond=0).isoformat()
    # (the moment from which a fetch deletes it, in UTC; its lines say the reader's day)
    until = (
        (now + timedelta(days=LEFT_CONFIG_DAYS)).astimezone(UTC).replace(microsecond=0).isoformat()
    )
    gone = library.unconfigured_sources(keys)
    if config.sync is not None:
        gone = [source_id for source_id in gone if library.sync.stream_of(source_id) is None]
    else:  # [sync] taken out: the server's own subscriptions left the config with it
        gone += library.server_only_sources(keys)
    names = {row.id: row.name for row in library.sources()} if gone else {}
    for source_id in gone:
        name = names.get(source_id)
        feed = renamed.get(name_key(name)) if name is not None else None
        kept = library.set_aside_source(source_id, left, url_changed=feed is not None)
        if kept is None or (kept.outcome == "deleted" and feed is not None):
            continue  # (an empty source whose name is listed: a URL tried and left, unsaid)
        if kept.outcome == "deleted":  # no article: nothing to keep
            said.append(kept)
        elif feed is not None:  # its URL edited: kept while the name is listed
            said.append(replace(kept, new_url=hide_url_password(feed.url)))
        else:
            said.append(replace(kept, kept_until=until))
    listed = {name_key(n) for n in [*renamed, *(s.name for s in config.local)]}
    over = (now - timedelta(days=LEFT_CONFIG_DAYS)).replace(microsecond=0).isoformat()
    for source in library.set_aside_sources():
        if name_key(source.name) in listed:
            continue  # never deleted while the config lists its name
        if source.url_changed:  # its name left the config now: its 30 days start today
            library.set_aside_name_left(source.id, left)
            starred = library.removal_counts(source.id)[1]
            said.append(
                RemovedSource(
                    hide_passwords(source.name),
                    0,
                    starred,
                    "kept",
                    kept=source.articles,
                    kept_until=until,
                    url=hide_url_password(source.url) if source.url else None,
                )
            )
        elif source.left <= over:
            said.append(library.remove_source(source.id))
    reported = {name_key(r.name) for r in said if r.outcome == "kept"}
    # an edited entry deleted: its new URL's empty source goes unsaid beside its old feed's line
    return [
        r for r in said if r.outcome != "deleted" or r.deleted or name_key(r.name) not in reported
    ]


def _names_configured(config: Config) -> dict[str, FeedConfig]:
    """The config's feeds by their `name` (folded); feeds written without one go by their URL
    or title, which say nothing of a source that had another URL."""
    # (a name two entries share: the one fetched, not the later one skipped for it: r46 M6)
    return {name_key(f.name): f for f in (*config.skipped_feeds, *config.feeds) if f.named}


def move_set_aside(library: Library, config: Config) -> list[RemovedSource]:
    """Move each source set aside as the config gave its name another URL to that URL's source,
    once it has fetched successfully (a typo's 404 takes nothing); returns what moved. A source
    set aside as no longer listed is never merged into a feed given its name later."""
    aside = [source for source in library.set_aside_sources() if source.url_changed]
    if not aside:
        return []
    named = _names_configured(config)
    moved: list[RemovedSource] = []
    rows = {row.id: row for row in library.sources()}
    for source in aside:
        feed = named.get(name_key(source.name))
        new_id = library.find_source(feed_key(feed)) if feed is not None else None
        row = rows.get(new_id) if new_id is not None else None
        if feed is None or row is None or row.last_fetched is None or row.last_error:
            continue
        count, copies = library.move_source_articles(source.id, row.id)
        moved.append(
            RemovedSource(
                hide_passwords(source.name),
                0,
                0,
                "moved",
                kept=count,
                url=hide_url_password(source.url or source.key),
                new_url=hide_url_password(feed.url),
                copies=copies,
            )
        )
    return moved


def cleanup_left_config(library: Library) -> list[RemovedSource]:
    """Delete now every source set aside after leaving the config (starred articles kept), as
    `newstui cleanup --left-config` asks."""
    return [library.remove_source(source.id) for source in library.set_aside_sources()]


async def fetch_feeds(
    library: Library,
    config: Config,
    feeds: Sequence[FeedConfig] | None = None,
    *,
    fulltext: bool | None = None,
    on_outcome: ProgressCallback | None = None,
    analyse: bool = True,
    cancel: threading.Event | None = None,
    open_fetcher: OpenFetcher = Fetcher,
    respect_waits: bool = True,
    pool: CpuPool | None = None,
    subscribed: bool = True,
    by_hand: bool = False,
    on_pages: PagesCallback | None = None,
) -> list[SourceOutcome]:
    """Fetch feeds concurrently, store their articles; one failing feed never stops the others.
    `on_pages(done, planned)`: article pages (full texts) read so far of those planned so far,
    called as each page is over (the app's bottom line, user test r47 M5).

    A feed that keeps failing, or whose server answered 429/503 with Retry-After, is not fetched
    before its next try time unless `respect_waits` is False (the user named it), or `by_hand`
    (a refresh the user asked for: R, `newstui fetch` in a terminal) and its last failure was
    the network's (refused, unknown host, timed out, reset), not the server's answer. When the
    machine looks offline, or a feed's proxy failed, no failure is counted, for a day at most
    (see _FetchRecords.finish); a proxy variable that cannot be used fails the feeds it would
    serve, without counting (the others are fetched; cli says its line once).
    `subscribed=False`: `add`'s trial fetch of feeds not in the config yet, whose errors offer
    no removal.
    Setting `cancel` (from another thread) stops the fetch soon: requests in flight are dropped,
    what was stored stays, and the outcomes of the feeds finished so far are returned.
    `pool`: worker processes to parse in, started (and closed) by the caller
    (processes.fetch_pool), wound down at the end; without it a fetch of many feeds starts its
    own.
    """
    ids = sync_sources(library, config)
    if analyse:  # before any article is analysed in this process
        analyse_crash_suspects(library, config.settings.extractor)
    feeds = list(config.feeds if feeds is None else feeds)
    outcomes: list[SourceOutcome] = []
    waits = library.fetch_waits()
    caches = library.fetch_caches()
    records = _FetchRecords(library)
    now = datetime.now(UTC)
    interval = timedelta(minutes=config.settings.refresh_minutes) or DEFAULT_INTERVAL
    parallel = pool is not None or parses_in_workers(len(feeds))
    # Documents between request and storage: bounded, so memory does not grow with the feed
    # count when parsing falls behind the network.
    in_hand = asyncio.Semaphore(max(2, config.settings.concurrency))
    # Pools left by an exception (Ctrl-C, SIGTERM, a cancelled task) end their workers at once.
    async with open_fetcher(limits_from(config)) as fetcher:
        with contextlib.ExitStack() as pools:
            if parallel:  # many feeds: fewer, larger checkpoints (see Library.bulk_writes)
                pools.enter_context(library.bulk_writes())
            cpu = pool
            if cpu is None and parallel:  # started at its first document
                cpu = startable(pools.enter_context(CpuPool(fetch_workers())))
            fulltext_pool = pools.enter_context(_FulltextPool(fetcher, config, on_pages))
            streamed = (
                _StreamedAnalysis(library, config.settings.extractor, cpu)
                if analyse and cpu is not None and config.settings.extractor != "none"
                else None
            )
            # One worker and no streamed analysis: this process parses a share too.
            share = streamed is None and cpu is not None and cpu.max_workers == 1
            # Beside this process's own analysis, documents queue deeper at the worker too.
            beside = streamed is not None and streamed.analyse_here
            # Texts' UTF-8 come with the parsed articles: their full-text index then needs no
            # unpacking (a cold fetch of 10,000 stored its articles with 10 % fewer
            # instructions, -0.12 CPU-s of this process, for ~30 MB more through the pipe),
            # also when analyses stream, where this process is the busier one (round 16 left
            # them out there: a 20,000-article fill's storing process peaked 2 MiB higher).
            parsing = _Parsing(
                cpu,
                share=share,
                queue_deeper=beside,
                utf8=True,
                first_sent=streamed.load_extractor_beside if streamed is not None else None,
            )
            saving = _Saving(
                library,
                empty_analysis_version(config.settings.extractor),
                parsing,
                before_store=streamed.before_a_store if streamed is not None else None,
            )
            if streamed is not None:
                pools.callback(streamed.cancel)

            def copy_log_beside() -> None:
                # Without streamed analyses (whose end copies it), the log is copied into the
                # database while the last documents are parsed and stored, once every document
                # is in hand: the close that ends the fetch then copies only what was written
                # since (it copied ~28 MB of a cold fetch of 10,000 articles and waited for the
                # disk, 0.08-0.14 s after the last article was stored).
                if parsing.in_flight or parsing.parsed_by_pool or parsing.parsed_here:
                    pools.enter_context(library.checkpoint_beside())

            def every_request_over() -> None:
                parsing.requests_over()
                if parallel and not streamed:
                    copy_log_beside()

            arrivals = _Arrivals(len(feeds), every_request_over)

            async def one(feed: FeedConfig) -> None:
                wait = waits.get(ids[feed.name], FetchWait())
                failures, next_try, status = wait.failures, wait.next_try, wait.status
                tried_now = by_hand and wait.network  # (a server's own wait is honoured)
                if respect_waits and not tried_now and still_waiting(next_try, now):
                    arrivals.arrived()
                    outcome = SourceOutcome(
                        feed.name,
                        waiting_until=next_try,
                        waiting_status=status if status in SERVER_WAITS else None,
                    )
                    outcomes.append(outcome)
                    if on_outcome:
                        on_outcome(outcome)
                    return
                try:
                    backoff = _Backoff(failures, interval)
                    async with in_hand:
                        outcome, changed, articles = await _fetch_feed(
                            library,
                            fetcher,
                            ids[feed.name],
                            feed,
                            backoff,
                            caches.get(ids[feed.name], FeedCache()),
                            records,
                            parsing,
                            saving,
                            arrivals.arrived,
                            config.path.name,
                            subscribed=subscribed,
                            name_at=config.name_at,
                        )
                    mode = feed.fulltext if fulltext is None else fulltext
                    if mode is not False and changed:
                        from newstui.fulltext.podcasts import pages_left_alone

                        alone = pages_left_alone(articles, mode)  # a podcast's episodes
                        given = frozenset(a.url for a in articles if a.has_content and a.url)
                        outcome = await fulltext_pool.fill(
                            library, outcome, changed, mode, alone, given
                        )
                    if streamed is not None and changed:
                        streamed.submit(changed)
                except DiskFullError as exc:
                    records.refused_by_full_disk(ids[feed.name], feed.name)
                    stop_when_full(exc)
                    return
                except NewstuiError as exc:
                    outcome = SourceOutcome(feed.name, error=str(exc))
                except sqlite3.Error as exc:
                    if (refused := library.disk_full(exc)) is not None:
                        records.refused_by_full_disk(ids[feed.name], feed.name)
                        stop_when_full(refused)
                        return
                    outcome = SourceOutcome(feed.name, error=f"{feed.name}: database error: {exc}")
                except BrokenProcessPool:  # no record: its document is fetched and parsed again
                    reason = "the worker process reading it died (out of memory?)"
                    outcome = SourceOutcome(
                        feed.name, error=f"{feed.name}: {reason}; it is fetched again next time"
                    )
                except Exception as exc:  # one broken feed never stops the others
                    logger.debug("fetching %s failed", feed.name, exc_info=True)
                    reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                    outcome = SourceOutcome(feed.name, error=f"{feed.name}: failed: {reason}")
                outcomes.append(outcome)
                if on_outcome:
                    on_outcome(outcome)

            full: list[DiskFullError] = []  # the first write a full disk refused

            def stop_when_full(exc: DiskFullError) -> None:
                # Nothing more can be stored: the whole fetch stops now, not after fetching the
                # pages it could not keep (user test r47 M4: 8.5 minutes in the app).
                if not full:
                    full.append(exc)
                    for task in tasks:
                        if task is not asyncio.current_task():
                            task.cancel()

            tasks = [asyncio.create_task(one(feed)) for feed in hosts_in_turn(feeds)]
            watcher = asyncio.create_task(_cancel_when_set(cancel, tasks)) if cancel else None
            try:
                await asyncio.gather(*tasks, return_exceptions=True)
            except BaseException:
                # Stopped (SIGTERM, SIGHUP) or cancelled, perhaps mid-save: keep the outcomes if the
                # store takes them, but a failure there must not hide why the fetch ended (a
                # missing outcome only means that feed is fetched without validators next time).
                with contextlib.suppress(Exception):
                    records.finish(whole=False)
                raise
            if full:
                if watcher is not None:
                    watcher.cancel()
                # What is kept: the records of the feeds done before the stop and the full
                # disk's error on those it stopped, in one small write (nothing else is tried)
                try:
                    records.finish(whole=False)
                except Exception:  # (the disk took not even that: said once, with the stop)
                    raise records_not_kept(full[0]) from None
                raise full[0]
            records.finish(whole=not (cancel is not None and cancel.is_set()))
            if watcher is not None:
                watcher.cancel()
            if cancel is not None and cancel.is_set():
                return outcomes
            stories = STORIES_PER_RUN  # articles this fetch may sketch
            if streamed is not None:
                # Every article is stored: the log is copied into the database beside the
                # last analyses, not by the close that ends the fetch (on its critical path).
                with library.checkpoint_beside():
                    await streamed.finish()
                stories -= streamed.sketched
            changed = any(o.new or o.updated or o.fulltext_ok for o in outcomes)
            # What is left, and what an interrupted fetch left (however little this one found):
            # with nothing new, only an index look-up unless some article has no analysis.
            if analyse and (changed or library.any_unanalysed()):
                analyse_pending(library, config.settings.extractor, pool=cpu, stories=stories)
            # those no new article can join now (a bounded part); the app's (`cancel`) keep the
            # gaps for its own other connections, as its joins do
            library.forget_old_sketches(pause=None if cancel is not None else library.story_gap())
            if pool is not None:  # the caller's: its workers exit while the caller goes on
                pool.wind_down()
    return outcomes


class _OldObjectsFrozen:
    """How many fetches are inside `old_objects_frozen` (the app may run two at once), and
    whether the first of them froze."""

    lock = threading.Lock()
    held = 0
    froze = False
    thresholds = (0, 0, 0)  # the collector's, before the first


@contextlib.contextmanager
def old_objects_frozen() -> Iterator[None]:
    """Leave the objects that exist now (modules, the extractor's tables) out of the cyclic
    garbage collector's scans while analyses stream: they outlive the fetch, and every full
    collection walked them all again while analysing, unpickling results and building rows
    allocated millions of short-lived objects. A cold fetch of 10,000 articles spent 0.27-0.32
    CPU-s of the fetching process in 8 full collections, 0.01-0.05 s with them frozen. They
    are unfrozen when the last such fetch ends; a process that froze objects before (the app,
    after its first screen) keeps them frozen and freezes nothing more. Young collections are
    rarer meanwhile too (YOUNG_WHILE_STREAMING)."""
    state = _OldObjectsFrozen
    with state.lock:
        if state.held == 0:
            state.froze = gc.get_freeze_count() == 0
            if state.froze:
                gc.freeze()
            state.thresholds = gc.get_threshold()
            collect_young_rarely()
        state.held += 1
    try:
        yield
    finally:
        with state.lock:
            state.held -= 1
            if state.held == 0:
                gc.set_threshold(*state.thresholds)
                if state.froze:
                    gc.unfreeze()
                    state.froze = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection during one save, join or store of a fetch: each builds
    thousands of rows that live until its statements have run, and young collections
    scanned them and moved them to an older generation to be scanned again. The fetching
    process's collections of a cold fetch of 10,000 articles took 0.57-0.66 CPU-s (old
    objects frozen), 0.43 s with them paused there. Garbage made meanwhile is collected after."""
    enabled = gc.isenabled()  # (the app's start-up keeps it off until its first screen)
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@dataclass(frozen=True, slots=True)
class _NetworkFailure:
    """A failure for the network's sake, held to the end of the run (see _FetchRecords.finish):
    its feed's host, the proxy that did not reach it (RelayFailure; `silent`: without a word),
    and whether it said that this machine has no network (NoNetwork)."""

    record: FetchRecord
    host: str
    relayed_by: str | None = None
    no_network: bool = False
    silent: bool = False


class _FetchRecords:
    """Fetch outcomes stored a batch at a time: one transaction for many feeds instead of one per
    feed (200 feeds answering 304 were 200 commits). An outcome not yet stored when the process
    dies only means that feed is fetched without validators next time."""

    def __init__(self, library: Library, size: int = FETCH_RECORDS_BATCH) -> None:
        self.library, self.size = library, size
        self.pending: list[FetchRecord] = []
        self.held: list[_NetworkFailure] = []  # (kept to the end: see finish)
        self.answered: list[str] = []  # the URLs of the feeds whose server answered (well or not)
        self.recorded: set[int] = set()  # the sources whose outcome came (see refused_by_full_disk)

    def add(self, record: FetchRecord, url: str = "", failure: Exception | None = None) -> None:
        """Queue one outcome of the feed at `url` (`failure`: why it failed); store the queue
        once it is full."""
        self.recorded.add(record.source_id)
        if record.network and record.counted:
            relayed = failure if isinstance(failure, RelayFailure) else None
            no_network = isinstance(failure, NoNetwork)
            self.held.append(
                _NetworkFailure(
                    record,
                    _host_of(url),
                    relayed.proxy if relayed else None,
                    no_network,
                    relayed is not None and relayed.silent,
                )
            )
            return
        if not record.network:
            self.answered.append(url)
        self.pending.append(record)
        if len(self.pending) % self.size == 0:  # (one that failed is tried again size later)
            self.flush()

    def refused_by_full_disk(self, source_id: int, name: str) -> None:
        """Queue the error of a feed whose articles a full disk refused (the fetch stops: see
        fetch_feeds), stored with the others at its end; not for a feed whose outcome came
        already (its articles stored before the disk filled at a later step: its full texts, or
        the write of the outcomes). Its failures, wait and validators stay: the next fetch
        reads the same document again."""
        if source_id in self.recorded:
            return
        self.recorded.add(source_id)
        error = f"{name}: {DISK_FULL_ERROR}"
        self.pending.append(FetchRecord(source_id, status=None, error=error, local=True))

    def flush(self) -> None:
        """Store every queued outcome; a write that fails keeps them queued (a full disk: the
        end of the fetch tries once more)."""
        if self.pending:
            self.library.record_fetches(self.pending)
            self.pending = []

    def finish(self, *, whole: bool = True) -> None:
        """Store every outcome, at the end of the run (`whole`: not stopped halfway). A failure
        for the network's sake is not counted in its feed's failures in a row when the machine
        looks offline: no server answered, and feeds on two hosts or more failed so (user test
        r46 H1: a night offline left every feed to wait for up to a day), or every one that
        failed said that the machine has no network (NoNetwork: a one-feed config offline
        overnight). One host alone failing otherwise (a cron `fetch NAME`, a one-feed config,
        feeds on one expired domain) is that host's failure, counted (review r46 M1). So is a
        proxy's failure to reach a host (RelayFailure), unless it reached none of two hosts or
        more, or said nothing when asked (a black hole: hostile r47 M1), and no feed through it
        was answered: then it is the proxy's. An uncounted error
        is kept, and counts all the same once its feed has been failing for a day
        (store.feeds.record_fetches)."""
        held, self.held = self.held, []
        hosts = {failure.host for failure in held}
        offline = not self.answered and (
            len(hosts) >= 2 or all(failure.no_network for failure in held)
        )
        down = _proxies_down(held, self.answered) if not offline else set()
        for failure in held:
            counted = whole and not offline and failure.relayed_by not in down
            self.pending.append(
                failure.record if counted else replace(failure.record, counted=False)
            )
        self.flush()


# A feed's error when a full disk refused its articles (`newstui feeds`, the app's Sources)
DISK_FULL_ERROR = "not stored: the disk is full; free some space and fetch again"


def records_not_kept(full: DiskFullError) -> DiskFullError:
    """The full disk's line when not even the fetch's records could be written after it."""
    return DiskFullError(
        f"{full}; not even when each feed was fetched could be stored (`newstui feeds` says "
        "what it said before this fetch)",
        source=full.source,
    )


def _proxies_down(held: Sequence[_NetworkFailure], answered: Sequence[str]) -> set[str]:
    """The proxies (Proxy.address) that reached none of the hosts asked for through them: each
    failed to reach two hosts or more (RelayFailure), or said nothing when asked for one, and no
    feed it serves was answered."""
    hosts: dict[str, set[str]] = {}
    silent: set[str] = set()
    for failure in held:
        if failure.relayed_by is not None:
            hosts.setdefault(failure.relayed_by, set()).add(failure.host)
            if failure.silent:
                silent.add(failure.relayed_by)
    down = {proxy for proxy, reached_not in hosts.items() if len(reached_not) >= 2} | silent
    if not down:
        return down
    from newstui.sources.proxies import ProxyError, proxy_settings

    settings = proxy_settings()
    for url in dict.fromkeys(answered):
        try:
            proxy = settings.proxy_for_url(url)  # (its port too: no_proxy=host:8080)
        except (ProxyError, ValueError):  # (then no request went out)
            continue
        if proxy is not None:
            down.discard(proxy.address)
    return down


class _StreamedAnalysis:
    """Each feed's new articles go to the worker pool as soon as they are stored, and their
    analyses are saved as they come back: analysis overlaps fetching instead of following it.
    Only a few chunks per worker are in flight; the other articles wait as ids and their texts
    are read back when a worker is free, so memory does not grow with the fetch.
    Each new article's text is also sketched (one story once, up to STORIES_PER_RUN a fetch)
    and joined to its story as analyses are saved: no sketching is left for the end of a fetch.
    Each text is sketched where it is analysed, beside its analysis. A single worker is the
    slower side on 2 cores (this process idled ~40 % of the time while the worker was always
    busy), so this process analyses articles itself from the other end of the queue, a few
    between turns of the event loop, while any wait: both cores stay busy to the end.
    Whatever fails here is left to the final `analyse_pending` sweep."""

    def __init__(
        self,
        library: Library,
        extractor_name: str,
        cpu: CpuPool,
        analyse_here: bool | None = None,
    ) -> None:
        self.library, self.extractor_name, self.cpu = library, extractor_name, cpu
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
        self._frozen = contextlib.ExitStack()  # old_objects_frozen, while analyses stream
        self._dead: list[int] = []  # articles of chunks whose worker died: see _analyse_dead

    def load_extractor_beside(self) -> None:
        """Load the extractor (its modules and tables: ~0.05 s of CPU) in a thread, now that a
        document is being parsed: this process mostly waits for the first parsed documents
        (the worker is still starting), where the first `submit` loaded it while parsed
        feeds waited to be stored. A fetch that parses nothing loads no extractor. A failure
        here is left to `submit`, which meets and reports it as before."""
        threading.Thread(target=self._load_extractor, name="load-extractor", daemon=True).start()

    def _load_extractor(self) -> None:
        with contextlib.suppress(Exception):
            from newstui.nlp import get_extractor

            get_extractor(self.extractor_name)

    def submit(self, ids: Sequence[int]) -> None:
        """Queue the analysis of these articles (those not yet at this extractor's version)."""
        if not self.version:
            from newstui.nlp import get_extractor

            self.version = get_extractor(self.extractor_name).version
            self._frozen.enter_context(old_objects_frozen())  # with the extractor just loaded
        self._waiting.extend(ids)
        self._pump()
        if self.analyse_here and self._here is None:
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
        while self._waiting and len(self._sent) < limit and not self._cancelled:
            ids = [self._waiting.popleft() for _ in range(min(CHUNK, len(self._waiting)))]
            batch = self.library.to_analyse(self.version, ids)
            if not batch:
                continue
            self._read.update((a.article_id, a) for a in batch)
            sketch = _to_sketch(self.library, batch, STORIES_PER_RUN - self.sketched)
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
        from newstui.nlp import get_extractor

        extractor = get_extractor(self.extractor_name)
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
                    sketch = _to_sketch(self.library, batch, STORIES_PER_RUN - self.sketched)
                    self.sketched += sum(sketch)
                    taken.extend(zip(batch, sketch, strict=True))
                    continue
                now = [taken.popleft() for _ in range(min(LOCAL_BATCH, len(taken)))]
                analysed = [
                    (read.article_id, _analysed_here(journal, extractor, read, wanted))
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
        with documents queued deeper too (see _Parsing) 1.0-2.2 s, and 0.8-0.9 s with twice
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
            self._to_join += _save_analysed(
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
        """Join the articles sketched so far to their stories."""
        sketched, self._to_join = self._to_join, []
        self._top_up(CHUNKS_BEFORE_A_SAVE)  # as in _save
        with collector_paused():
            self.library.join_stories(sketched, self.library.story_gap())

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
        for task in [*self._tasks, *([self._here] if self._here is not None else [])]:
            task.cancel()


class _Parsing:
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
        first_sent: Callable[[], None] | None = None,
    ) -> None:
        self.cpu, self.share, self.utf8 = cpu, share, utf8
        self.first_sent = first_sent  # called once the first document is in the pool's hands
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
            if self.first_sent is not None:
                first_sent, self.first_sent = self.first_sent, None
                first_sent()
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


class _Arrivals:
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


class _Saving:
    """Parsed feeds' articles stored a few feeds a transaction: a feed waits up to
    SAVE_GROUP_WAIT for others parsed meanwhile (or until SAVE_GROUP_ARTICLES are waiting), then
    all are saved with one commit, each feed still alone in its outcome (a feed that fails to
    save fails alone). A commit a feed cost 0.15-0.23 s of CPU more per 200 feeds of 50 new
    articles (1.24 s) than one for three to ten feeds. A feed that joins a group once no other
    can come (every request over, no document left to parse) stores it at once: the last
    group of a fetch waited out the timer (up to 50 ms at the end of a cold fetch, both
    processes idle). `analysed_as`: see Library.save_batch."""

    def __init__(
        self,
        library: Library,
        analysed_as: str | None,
        parsing: _Parsing,
        before_store: Callable[[], None] | None = None,
    ) -> None:
        self.library, self.analysed_as, self.parsing = library, analysed_as, parsing
        self.before_store = before_store  # called before each group's transaction
        # (feed id, articles, the address the document was read from, the feed's result)
        self._group: list[
            tuple[int, Sequence[PreparedArticle], str, asyncio.Future[SaveResult]]
        ] = []
        self._articles = 0
        self._full: asyncio.Future[None] | None = None  # set when the group is full

    async def save(
        self, feed_id: int, articles: Sequence[PreparedArticle], read_from: str
    ) -> SaveResult:
        """Store one feed's articles (as Library.save_batch) in the next group's transaction;
        `read_from`: the address its document came from (after redirects), which imported
        marks' guids are resolved against as its own were."""
        done: asyncio.Future[SaveResult] = asyncio.get_running_loop().create_future()
        self._group.append((feed_id, articles, read_from, done))
        self._articles += len(articles)
        if len(self._group) == 1:  # the first of a group stores it
            self._full = None
            # others may join while documents are being parsed (a lone feed is stored at once)
            others = self.parsing.in_flight > 0 and self._articles < SAVE_GROUP_ARTICLES
            try:
                if others:
                    await self._wait_for_others()
            finally:  # cancelled too: the others of the group are not left waiting
                self._store()
        elif self._full is not None and (
            self._articles >= SAVE_GROUP_ARTICLES or self.parsing.none_coming
        ):
            _settle(self._full)
        return await done

    async def _wait_for_others(self) -> None:
        """Until the group is full or SAVE_GROUP_WAIT has passed. A future and a timer, not
        asyncio.wait_for: no task is made and dropped for each group (a signal's Stopped
        raised while Python drops a task, in a weak reference's callback, would be lost)."""
        loop = asyncio.get_running_loop()
        self._full = loop.create_future()
        timer = loop.call_later(SAVE_GROUP_WAIT, _settle, self._full)
        try:
            await self._full
        finally:
            timer.cancel()

    def _store(self) -> None:
        group, self._group, self._articles = self._group, [], 0
        if self.before_store is not None:
            self.before_store()
        try:
            with collector_paused():
                results = self.library.save_batches(
                    [(feed_id, articles) for feed_id, articles, _, _ in group],
                    analysed_as=self.analysed_as,
                    guid_as_fetched={
                        feed_id: _guid_as_fetched(read_from) for feed_id, _, read_from, _ in group
                    },
                )
        except Exception as exc:  # the transaction itself failed: every feed of the group
            results = [exc] * len(group)
        for (_, _, _, done), result in zip(group, results, strict=True):
            if done.done():  # its feed was cancelled
                continue
            if isinstance(result, Exception):
                done.set_exception(result)
            else:
                done.set_result(result)


def _guid_as_fetched(read_from: str) -> Callable[[str], str | None]:
    """How a fetch of a feed read from `read_from` stores a guid newsboat keeps as written."""
    # (imported here: newstui.ingest loads without lxml, which the resolution needs)
    from newstui.sources.newsboat_cache import guid_as_fetched

    return partial(guid_as_fetched, feed_url=read_from)


def _settle(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


async def _cancel_when_set(cancel: threading.Event, tasks: list[asyncio.Task[None]]) -> None:
    """Cancel the fetch tasks once `cancel` is set."""
    while not cancel.is_set():
        await asyncio.sleep(0.1)
    for task in tasks:
        task.cancel()


async def _fetch_feed(
    library: Library,
    fetcher: PageFetcher,
    feed_id: int,
    feed: FeedConfig,
    backoff: _Backoff,
    cache: FeedCache,
    records: _FetchRecords,
    parsing: _Parsing,
    saving: _Saving,
    arrived: Callable[[], None] = lambda: None,
    config_name: str = "feeds.toml",
    *,
    subscribed: bool = True,
    name_at: Callable[[str], str] = lambda url: "",
) -> tuple[SourceOutcome, tuple[int, ...], Sequence[PreparedArticle]]:
    """Fetch, parse and store one feed; returns its outcome, the new or changed article ids and
    the document's articles (none when nothing changed). A move for good says to change the
    feed's url in `config_name`, the file the config was read from (`--config chk.toml`).
    The fetch's own record (status, validators, failures) goes to `records`; `parsing` parses
    the document, `saving` stores its articles (with other feeds parsed at about that time);
    `arrived` is called once the request is over (answered or failed). `subscribed=False`:
    `add`'s trial fetch, whose errors say nothing of removing the feed (see `http_failure_said`).
    `name_at`: the config's entry at a URL ("" for none), said of a move to an address listed."""
    started = datetime.now(UTC).replace(microsecond=0).isoformat()
    try:
        try:
            result = await fetcher.fetch(
                feed.url,
                etag=cache.etag,
                last_modified=cache.last_modified,
                accept="application/rss+xml, application/atom+xml, application/feed+json, "
                "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8",
            )
        finally:
            arrived()
        answered = datetime.now(UTC).replace(microsecond=0).isoformat()
        new = _moved_address(result)  # (each fetch through the move: the app says it once)
        # (the config's url, named in the line, unless the feed is named by it: no `name`)
        was = _shown_address(feed.url) if new and feed.named else ""
        onto = name_at(result.moved_to) if new and result.moved_to else ""
        onto = "" if onto == feed.name else onto
        moved = (
            moved_line(new, config_name, was, onto)
            if new and _move_is_news(result, cache)
            else None
        )
        unchanged = SourceOutcome(  # (nothing new stored)
            feed.name,
            not_modified=True,
            warning=moved,
            moved_to=new,
            moved_from=was,
            moved_onto=onto,
        )
        if result.not_modified:
            records.add(
                FetchRecord(
                    feed_id,
                    status=_status_of_its_url(result),
                    error=None,
                    keep_cache=True,
                    read_from=result.url,
                    answered=answered,
                ),
                feed.url,
            )
            return unchanged, (), ()
        body_hash = hashlib.sha256(result.body).hexdigest()
        parsed = None
        if body_hash != cache.body_hash:  # the same document again needs no parsing
            parsed = await parsing.parse(result.body, result.url, result.content_type)
        if parsed is not None and parsed.cut_short and not parsed.articles:
            # nothing read: a failure as `add` says it, not a warning (user test r43 M1)
            problem = (parsed.warning or "the feed was cut short").replace(", read anyway", "")
            raise SourceError(f"no article could be read, {problem}")
    except SourceError as exc:
        message = f"{feed.name}: {_strip_url(str(exc), feed.url)}"
        status = exc.status if isinstance(exc, HTTPStatusError) else None
        now = datetime.now(UTC).replace(microsecond=0)
        asked = backoff.server_asked(exc, now)
        message += http_failure_said(status, feed.name, asked, now, subscribed=subscribed)
        retry_at = backoff.after_failure(exc, now)
        network = isinstance(exc, NetworkError)
        records.add(
            FetchRecord(
                feed_id,
                status=status,
                error=message,
                next_try=retry_at,
                started=started,
                network=network,
                counted=not isinstance(exc, ProxyFailure),  # (the proxy's, not the feed's)
            ),
            feed.url,
            exc,
        )
        return SourceOutcome(feed.name, error=message), (), ()
    saved = await saving.save(feed_id, parsed.articles, result.url) if parsed else None
    # a document cut short keeps no validators: the next fetch asks for it whole, not for a 304
    whole = not (parsed and parsed.cut_short)
    records.add(
        FetchRecord(
            feed_id,
            status=_status_of_its_url(result),
            error=None,
            etag=result.etag if whole else None,
            last_modified=result.last_modified if whole else None,
            title=parsed.title if parsed else None,
            site_url=parsed.site_url if parsed else None,
            language=parsed.language if parsed else None,
            body_hash=body_hash if whole else None,
            titled=not feed.named,
            read_from=result.url,
            answered=answered,
        ),
        feed.url,
    )
    if parsed is None or saved is None:
        return unchanged, (), ()
    outcome = SourceOutcome(
        feed.name,
        new=saved.new,
        updated=saved.updated,
        warning="; ".join(w for w in (moved, parsed.warning, _dropped_said(saved)) if w) or None,
        cut_short=parsed.cut_short,
        moved_to=new,
        moved_from=was,
        moved_onto=onto,
    )
    return outcome, saved.changed_ids, parsed.articles


def _dropped_said(saved: SaveResult) -> str | None:
    """The warning for the enclosures the new and changed articles left out (not http(s)
    URLs), or None: said as they are stored, not at each fetch of an unchanged entry."""
    if not saved.dropped_enclosures:
        return None
    from newstui.sources.enclosures import DroppedEnclosures

    return DroppedEnclosures(saved.dropped_enclosures).said()


def _status_of_its_url(result: FetchResult) -> int:
    """The status the feed's own URL answered: a permanent redirect's (so the next fetch knows
    the move was said), else the answer's."""
    return 301 if result.moved_to is not None else result.status


def _moved_address(result: FetchResult) -> str | None:
    """The address a permanent redirect (301, 308) moved a feed to, passwords hidden and on one
    line; None when it did not move. The outcome carries it at every fetch through the move: the
    app says it once a session, as another newstui may have been the first to read it there
    (user test r37 L2: cron's fetch said it, the app never did)."""
    if result.moved_to is None:
        return None
    return _shown_address(result.moved_to)


def _shown_address(url: str) -> str:
    """A feed's address as a line shows it: passwords hidden, on one line."""
    from newstui.errors import hide_url_password
    from newstui.text import clean_line

    return clean_line(hide_url_password(url), 300)


def _move_is_news(result: FetchResult, cache: FeedCache) -> bool:
    """Whether the fetch is the first to read the feed at the address it moved to (user test r35
    L1: followed silently for ever, and the feed breaks the day the old address stops
    redirecting): the fetch's warning says it then. newstui does not rewrite the file: the user
    changes the URL (`newstui feeds` says it until then).
    Said once an address: not again after a failed fetch (its status is not known then), and
    again when the feed moves elsewhere (review r35 F1: only the 301 was remembered)."""
    moved_before = cache.status is None or cache.status in PERMANENT_REDIRECTS
    return not (moved_before and cache.read_from == result.url)  # read there, the fetch before


def empty_analysis_version(extractor_name: str) -> str | None:
    """The version of the extractor that finds nothing ("none"), which articles can be stored
    as analysed by as they are inserted; None for every other extractor."""
    if extractor_name != "none":
        return None
    from newstui.nlp.none import NoneExtractor

    return NoneExtractor.version


@dataclass(frozen=True)
class _Backoff:
    """A feed's failures in a row before this fetch, and the refresh interval they multiply."""

    failures: int
    interval: timedelta

    def after_failure(self, exc: SourceError, now: datetime) -> str | None:
        """When to try again after this failure (ISO 8601 UTC), or None for the next refresh."""
        header = exc.retry_after if isinstance(exc, HTTPStatusError) else None
        when = next_try(now, self.failures + 1, self.interval, parse_retry_after(header, now))
        return when.isoformat() if when else None

    @staticmethod
    def server_asked(exc: SourceError, now: datetime) -> datetime | None:
        """The time the server's Retry-After (a 429 or 503) asks not to be called before; None
        without one, or for one already past."""
        header = exc.retry_after if isinstance(exc, HTTPStatusError) else None
        wait = parse_retry_after(header, now)
        return now + wait if wait else None


# Answers whose server is overloaded or limits its callers (and may say, with Retry-After, until
# when): a feed waiting after one is not offered to be fetched now (user test r44 L1).
SERVER_WAITS = frozenset({429, 503})


def http_failure_said(
    status: int | None, name: str, asked: datetime | None, now: datetime, *, subscribed: bool
) -> str:
    """What a failed fetch's line adds to the server's answer: a 410's advice (to remove a
    subscribed feed; of a feed `add` tried, that it is gone: user test r44 M2, it said to remove
    a feed it never added), the time a Retry-After asks to wait until (r44 L1: honoured, never
    said), named so only for a subscribed feed (the app's refresh line reads it there): `add`'s
    line ends "(not added to …)", and two brackets in a row read badly (r44)."""
    said = ""
    if status == 410 and subscribed:  # (user test r35 L2: retried for ever, nothing said)
        remove = f"`newstui remove {shlex.quote(name)}`"
        said = f", gone for good — remove it with D in Sources or {remove}"
    elif status == 410:
        said = ": the publisher has taken this feed down for good"
    if asked is not None:
        # (a longer ask is newstui's cap, not the server's time: r45 L3 said 9999's as a week's)
        cap = RETRY_AFTER_CAP
        longer = f"longer: newstui waits at most {cap.days} days, " if asked - now >= cap else ""
        # (kept in UTC, as `feeds` reads it in any zone and on any day: local_times.in_message
        # shows it in the reader's, "16:25" today, "Tue 16:25" this week, else with its date)
        said += f"; the server asks to wait {longer}{until_iso(asked)}"
        said += " (Retry-After)" if subscribed else ""
    return said


def _strip_url(message: str, url: str) -> str:
    """Error text without a leading repeat of the URL (the feed name already says which; an error
    shows the URL with its password hidden, a page's error a long one shortened)."""
    from newstui.errors import hide_url_password

    for full in (url, hide_url_password(url)):
        for shown in (full, clean_line(full, PAGE_URL_SHOWN)):
            if message.startswith(shown + ": "):
                return message[len(shown) + 2 :]
    return message


PAGE_URL_SHOWN = 200  # characters of a failed page's URL its stored error gives


def _page_error(message: str, url: str) -> str:
    """A failed article page's error as stored and said: its URL shortened, its reason kept
    (hostile r48: an article link of 10,000 characters, common enough for tracking links, left
    300 characters of it and no reason: `fulltext.error` and the fetch's line said no HTTP
    status, and the line counted every page as one problem)."""
    reason = _strip_url(message, url)
    if reason == message:
        return clean_line(message, 300)
    shown = message[: len(message) - len(reason) - 2]
    return f"{clean_line(shown, PAGE_URL_SHOWN)}: {clean_line(reason, 300)}"


def _host_of(url: str) -> str:
    """The host a URL names, as _host_key spells it ("" when it names none)."""
    try:
        return _host_key(urlsplit(url).hostname or "")
    except ValueError:  # (the fetch says why)
        return ""


def _host_key(host: str) -> str:
    """One name for the spellings of a host that reach one server (hostile r45 L1: 127.0.0.1,
    127.1, 2130706433 and 0x7f000001 each had slots of their own): case and a trailing dot
    dropped, an IP address as its one written form (IPv4 in the forms the resolver takes)."""
    import ipaddress
    import socket

    host = host.lower().removesuffix(".")
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        pass
    if host[:1].isdigit():
        try:  # (as getaddrinfo reads a numeric host: inet_aton's shorter and hex forms)
            return str(ipaddress.IPv4Address(socket.inet_aton(host)))
        except (OSError, ValueError):
            pass
    return host


class _FulltextPool:
    """Fetches and extracts article pages for summary-only entries, off the event loop."""

    def __init__(
        self, fetcher: PageFetcher, config: Config, on_pages: PagesCallback | None = None
    ) -> None:
        self.fetcher = fetcher
        self.config = config
        self.on_pages = on_pages
        self.planned = 0  # pages asked for so far…
        self.over = 0  # …and those read or failed
        self._pool: ExtractionPool | None = None
        # pages in flight per host: fewer than the fetcher's per_host, which feeds share
        self._per_host = config.settings.fulltext_per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}

    def _host_turn(self, url: str) -> asyncio.Semaphore:
        """The page slots of the URL's host (`fulltext_per_host` of them; user test r44 L2: a
        summary-only feed's 29 pages went to its publisher 8 at a time)."""
        try:
            host = _host_key(urlsplit(url).hostname or "")
        except ValueError:  # (the fetch says why)
            host = ""
        if host not in self._hosts:
            self._hosts[host] = asyncio.Semaphore(self._per_host)
        return self._hosts[host]

    def _extraction(self) -> ExtractionPool:
        if self._pool is None:
            from newstui.fulltext import ExtractionPool

            self._pool = ExtractionPool(max_workers=2)
        return self._pool

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
            future = self._extraction().submit(result.body, result.url)
            page = await pool_result(future)
            if page is None or not page.text.strip():
                raise SourceError(f"{url}: no article text found on the page")
        except SourceError as exc:
            error = _page_error(str(exc), url)
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

    def __enter__(self) -> _FulltextPool:
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
        with _FulltextPool(fetcher, config) as pool:
            ok = await pool.fetch_one(library, article_id, stored.row.url) is None
    if ok:
        analyse_pending(library, config.settings.extractor, [article_id], here=analyse_here)
    return ok


def import_paths(
    library: Library,
    paths: Iterable[Path],
    *,
    name: str | None = None,
    tags: tuple[str, ...] | None = None,
    extractor: str = "rules",
    on_outcome: ProgressCallback | None = None,
    max_bytes: int = 0,
) -> list[SourceOutcome]:
    """Import local files and folders (recursively); each path is one source. `max_bytes`: the
    setting, which may raise the limit of a file's size (sources.files: local_file_limit).

    A source imported before keeps its name and tags unless `name`/`tags` are given (tags=() clears
    them): options given once stay until changed. A path that yields no article and never did is
    not kept as a source.
    """
    name = clean_line(name) if name else None
    outcomes = []
    for path in paths:
        default = clean_line(path.resolve().name) or clean_line(str(path.resolve()))
        outcome = import_local(
            library,
            LocalConfig(path, name or default, clean_tags(tags or ())),
            extractor,
            keep_name=name is None,
            keep_tags=tags is None,
            count_unread_kinds=True,
            max_bytes=max_bytes,
        )
        if outcome.error:
            library.forget_source_if_empty(local_key(path.expanduser()))
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    return outcomes


def import_local(
    library: Library,
    local: LocalConfig,
    extractor: str = "rules",
    *,
    keep_name: bool = False,
    keep_tags: bool = False,
    analyse: bool = True,
    count_unread_kinds: bool = False,
    max_bytes: int = 0,
) -> SourceOutcome:
    """Import one configured local file or folder into its own source; a failure is its outcome,
    never an exception, so one broken source never stops the others. `analyse=False` leaves its
    new articles to the caller's analysis; `count_unread_kinds` (`newstui import`, not every
    fetch of a [[local]] folder) says how many files of a folder are of kinds it does not read;
    `max_bytes`: the setting (0: none), which may raise the limit of a file's size."""
    try:
        return _import_local(
            library, local, extractor, keep_name, keep_tags, analyse, count_unread_kinds, max_bytes
        )
    except NewstuiError as exc:
        return SourceOutcome(local.name, error=_named(local.name, str(exc)))
    except sqlite3.Error as exc:
        return SourceOutcome(local.name, error=f"{local.name}: database error: {exc}")
    except Exception as exc:
        logger.debug("importing %s failed", local.name, exc_info=True)
        reason = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        return SourceOutcome(local.name, error=f"{local.name}: {local.path}: failed: {reason}")


def _named(name: str, error: str) -> str:
    """A local source's error as a feed's reads: its name (the one `feeds` shows) first, then
    the path and the problem ("Clippings: /home/me/news: no such file or folder")."""
    return error if error.startswith(f"{name}: ") else f"{name}: {error}"


def _import_local(
    library: Library,
    local: LocalConfig,
    extractor: str,
    keep_name: bool,
    keep_tags: bool,
    analyse: bool = True,
    count_unread_kinds: bool = False,
    max_bytes: int = 0,
) -> SourceOutcome:
    path = local.path.expanduser()
    # (a failure is not stored over a success another newstui stored while this one read)
    started = datetime.now(UTC).replace(microsecond=0).isoformat()
    feed_id = library.register_source(
        local_key(path),
        local.name,
        kind="local",
        tags=local.tags,
        keep_name=keep_name,
        keep_tags=keep_tags,
    )
    if not path.exists():  # kept for `newstui feeds` (`import` forgets a source never read)
        error = f"{local.name}: {path}: no such file or folder"
        library.record_fetch(feed_id, status=None, error=error, started=started)
        return SourceOutcome(local.name, error=error)
    from newstui.sources.files import iter_files, read_file_content, unread_kinds

    files = [path] if path.is_file() else list(iter_files(path))
    articles: list[Article] = []
    problems: list[str] = []
    if _undecodable(path):
        problems.append(f"{path}: name is not valid UTF-8 (shown with �); imported")
    if count_unread_kinds and path.is_dir() and (kinds := unread_kinds(path)):
        shown = ", ".join(f"{count:,} {kind}" for kind, count in list(kinds.items())[:4])
        more = ", …" if len(kinds) > 4 else ""
        problems.append(
            f"{path}: {counted(sum(kinds.values()), 'file')} of other kinds not read "
            f"({shown}{more}): newstui reads text, Markdown, HTML and feed files"
        )
    title = None
    for file in files:
        rel = file.name if file == path else str(file.relative_to(path))
        if file != path and _undecodable(rel):
            problems.append(f"{file}: name is not valid UTF-8 (shown with �); imported")
        try:
            content = read_file_content(file, "file:" + path_text(rel), max_bytes)
        except SourceError as exc:
            problems.append(str(exc))
            continue
        articles.extend(content.articles)
        if content.warning:
            problems.append(f"{file}: {content.warning}")
        if file == path:  # a feed file imported on its own: its title, as a fetched feed's
            title = content.feed_title
    saved = library.save_batch(feed_id, articles)
    if dropped := _dropped_said(saved):
        problems.append(f"{path}: {dropped}")
    summary = None
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        summary = problems[0] + more
    if not files:
        summary = f"{path}: no importable files (text, Markdown, HTML or feed files)"
    name = local.name
    if title and keep_name and clean_line(title):  # no --name: a feed file goes by its title
        name = library.name_by_title(feed_id, clean_line(title), local.name)
    failure = _named(name, summary) if summary and not articles else None
    library.record_fetch(feed_id, status=None, error=failure, title=title, started=started)
    if saved.changed_ids and analyse:
        analyse_pending(library, extractor, saved.changed_ids)
    return SourceOutcome(
        name,
        new=saved.new,
        updated=saved.updated,
        error=failure,
        warning=summary if articles else None,
        problems=tuple(problems),
    )


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
    process can start.
    """
    from newstui.nlp import get_extractor
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
    extractor: Extractor | None = None  # loaded for the first text analysed in this process
    journal = CrashJournal(library.database_file())
    in_process = here  # the caller's choice, until a worker process cannot start
    given = pool
    with contextlib.ExitStack() as own_pool:  # a pool started here, for this call only
        own_pool.callback(journal.close)
        while not stopped():
            batch = library.to_analyse(version, ids, stale=stale)
            if not batch:
                break
            sketch = _to_sketch(library, batch, stories)
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
                    pool = own_pool.enter_context(CpuPool(None if parallel else 1))
                # A pool that leaves this process a core (a fetch's): it analyses a share
                # too while the workers do the rest, instead of waiting for them.
                beside = in_process and pool.max_workers < cores
                share = len(texts) // (pool.max_workers + 2) if beside else 0
                cut = len(texts) - share
                try:  # (its workers start as the chunks are sent)
                    languages = [a.language for a in batch[:cut]]
                    sent = pool.analyse(extractor_name, texts[:cut], sketch[:cut], languages)
                except NO_WORKERS as exc:  # none can start here: all in this process then
                    WORKERS.failed(exc)
                    if pool is not given:
                        pool.close(wait=False)  # the chunks it took are analysed here
                    pool, in_process = None, True
            if sent is not None:
                own: list[Analysed] = []
                if cut < len(texts):
                    extractor = extractor or get_extractor(extractor_name)
                    own = list(_each_analysed_here(journal, extractor, batch[cut:], sketch[cut:]))
                results: Iterable[Analysed] = chain(sent, own)
            else:
                extractor = extractor or get_extractor(extractor_name)
                results = _each_analysed_here(journal, extractor, batch, sketch)
            done = iter(results) if cancel is None else _until_set(cancel, results)
            sketched: list[tuple[int, StorySketch]] = []
            for start in range(0, len(batch), SAVE_BATCH):
                part = [a.article_id for a in batch[start : start + SAVE_BATCH]]
                analysed = list(islice(done, len(part)))
                part = part[: len(analysed)]  # fewer once cancelled: the rest stays to analyse
                if not part:
                    break
                sketched += _save_analysed(
                    library, extractor_name, version, part, analysed, read_as, read, on_failure
                )
                count += len(part)
            # (the app's, with `cancel`, keep the gaps: its own other connections write too)
            gap = None if cancel is not None else library.story_gap()
            library.join_stories(sketched, gap)  # the batch's at once
            if ids is not None:
                break
    if count:
        library.prune_entities()
    _find_stories(library, stories, cancel)  # articles analysed before, or elsewhere
    return count


def _find_stories(library: Library, stories: int, cancel: threading.Event | None) -> None:
    """Sketch and join at most `stories` articles not yet sketched, in parts, each stoppable by
    `cancel` (a story is found by its text alone: analysis on or off)."""
    try:
        while stories > 0 and not (cancel is not None and cancel.is_set()):
            if cancel is None:  # (not to be stopped: at once)
                library.find_stories(stories, library.story_gap())
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

    def pause() -> None:
        if cancel.wait(STORY_LOCK_GAP_SECONDS):
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
            _save_analysed(
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
        yield _analysed_here(journal, extractor, read, wanted)
    journal.clear()


def _analysed_here(
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


def _to_sketch(library: Library, batch: Sequence[TextToAnalyse], budget: int) -> list[bool]:
    """Which articles of an analysis batch to sketch with their analysis: those not sketched
    yet, at most `budget` (the rest wait for a later run)."""
    if budget <= 0:
        return [False] * len(batch)
    wanted = set(library.unsketched(a.article_id for a in batch)[:budget])
    return [a.article_id in wanted for a in batch]


def _save_analysed(
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


def apply_filters(library: Library, config: Config) -> list[tuple[FilterConfig, int]]:
    """Run each `[[filters]]` entry over the articles it has not seen yet, and its hide filters
    again over those whose text changed since it saw them (library.texts_changed: an updated
    entry, a sync's update, a merge that took a text, a full text, an edited local file; a hidden
    one no hide filter matches any more is shown again), after analysis, so entity and speaker
    filters work (they leave an article whose analysis is not stored yet, another refresh's,
    to a later pass); returns each filter with how many articles it just matched.
    Articles hidden by a filter since removed from the config are shown again first, unless a
    hide filter's query does not parse: which articles it hid cannot be told, so all stay hidden
    until it is fixed or removed (the config's warning says so). A broken filter does not run."""
    changed = library.texts_changed()
    working = [entry for entry in config.filters if not entry.problem]
    keep_hidden = any(entry.problem and entry.action == "hide" for entry in config.filters)
    if not working:  # (the query language's name keys load the extractor's library)
        if not keep_hidden:
            library.unhide_unfiltered([])
            library.unhide_changed(changed.ids, [])
        library.forget_texts_changed(changed)
        return []
    from newstui.nlp import query_keys
    from newstui.query import needs_analysis, parse_query

    # load_config checked that each of these parses
    queries = [(entry, parse_query(entry.query, query_keys)) for entry in working]
    if any(entry.action == "hide" and needs_analysis(q.root) for entry, q in queries):
        changed = changed.analysed()  # (a text not analysed yet: at the pass after its analysis)
    if not keep_hidden:
        hide = [query for entry, query in queries if entry.action == "hide"]
        library.unhide_unfiltered(hide)
        library.unhide_changed(changed.ids, hide)
    matched = [
        (entry, library.apply_filter(query, entry.action, changed.ids)) for entry, query in queries
    ]
    library.forget_texts_changed(changed)
    return matched


def unusable_proxy_lines(outcomes: Sequence[SourceOutcome]) -> tuple[list[str], frozenset[str]]:
    """One line per proxy variable that cannot be used and failed feeds of a fetch, with how many
    (said once a run, not once a feed: r46 scope 1), and the names of those feeds."""
    failed = [o for o in outcomes if o.error]
    if not failed:  # (the common case, without reading the environment's proxies)
        return [], frozenset()
    from newstui.sources.proxies import proxy_settings, unusable_line

    lines: list[str] = []
    names: set[str] = set()
    for reason in proxy_settings().unusable:
        refused = [o.name for o in failed if o.error == f"{o.name}: {reason}"]
        if refused:
            lines.append(clean_line(unusable_line(reason, refused), 300))
            names.update(refused)
    return lines, frozenset(names)


def describe(outcome: SourceOutcome) -> str:
    """One line for a source's outcome."""
    if outcome.error:
        return clean_line(in_message(outcome.error), 300)
    if outcome.waiting_until and outcome.waiting_status is not None:
        # (the server is overloaded or limits its callers: no call to fetch it now, user test
        # r44 L1; named, it is fetched all the same)
        when = short_time(outcome.waiting_until)  # ("22:02" today, as `feeds` says it: r46 L5)
        answer = f"HTTP {outcome.waiting_status} {http_reason(outcome.waiting_status)}"
        return f"{outcome.name}: not fetched: the server answered {answer}, next try at {when}"
    if outcome.waiting_until:
        when = short_time(outcome.waiting_until)
        return f"{outcome.name}: not fetched: failing, next try at {when} (name it to try now)"
    if outcome.not_modified:
        return f"{outcome.name}: not modified"
    text = f"{outcome.name}: {outcome.new} new, {outcome.updated} updated"
    said = fulltext_said(outcome.fulltext_ok, outcome.fulltext_failed, outcome.fulltext_left)
    return f"{text}; {said}" if said else text


def http_reason(status: int) -> str:
    """A status's standard reason phrase ("Too Many Requests"), or "" for one unknown."""
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


FULLTEXT_LEFT = "older left as the feed gave them"  # pages "auto" did not read (the count's)


def fulltext_said(fetched: int, failed: int, left: int) -> str | None:
    """The full-text clause of a fetch's lines, when any page was read, failed or left: "full
    texts: 3 fetched, 1 failed, 4,950 older left as the feed gave them" (review r37 X1: the
    pages left were dropped from a source's line, and dangled in the summary, when none of the
    newest was read or failed)."""
    if not (fetched or failed or left):
        return None
    said = f"full texts: {fetched:,} fetched"
    said += f", {failed:,} failed" if failed else ""
    return said + (f", {left:,} {FULLTEXT_LEFT}" if left else "")


LISTED_PROBLEMS = 3  # a source's unreadable files listed one a line; more: counted


def file_problem_lines(outcome: SourceOutcome) -> list[str]:
    """The lines that say which files of a local source could not be read (or were read with a
    problem): one a file for a few, then how many more (`--json` lists every one)."""
    problems = [f"{outcome.name}: {problem}" for problem in outcome.problems]  # as a feed's
    if len(problems) <= LISTED_PROBLEMS + 1:  # (a line saying "1 more" would replace that one)
        return problems
    rest = len(problems) - LISTED_PROBLEMS
    more = f"{outcome.name}: {counted(rest, 'more problem')} with its files (--json lists each)"
    return [*problems[:LISTED_PROBLEMS], more]


FULLTEXT_REASONS_SHOWN = (
    2  # a fetch's most common page problems said with an example; more: counted
)
FULLTEXT_FEEDS_SHOWN = 3  # the feeds the full-text line names, most failed pages first


def fulltext_failures_line(outcomes: Sequence[SourceOutcome]) -> str | None:
    """The one line that says which article pages of a fetch failed (None when none did), its
    counts first, as the app's refresh line: "full text: 3 of 12 pages could not be fetched in
    Gazette (2), Wire (1), the feeds' text kept: 2 timed out, e.g. https://…; 1 HTTP 404 Not
    Found, e.g. https://… (--json lists each)" (user test r47 L6: a line a page for up to three
    a source, a line a source past that). `--json` and each article's `fulltext.error` keep
    every one."""
    failed = [(o, p) for o in outcomes for p in o.fulltext_problems]
    if not failed:
        return None
    by_reason: dict[str, list[FulltextProblem]] = {}
    by_feed: dict[str, int] = {}
    for outcome, problem in failed:
        by_reason.setdefault(_short_reason(problem), []).append(problem)
        by_feed[outcome.name] = by_feed.get(outcome.name, 0) + 1
    ranked = sorted(by_reason.items(), key=lambda item: (-len(item[1]), item[0]))
    reasons = "; ".join(
        f"{len(pages):,} {reason}, e.g. {_example(pages)}"
        for reason, pages in ranked[:FULLTEXT_REASONS_SHOWN]
    )
    if others := sum(len(pages) for _, pages in ranked[FULLTEXT_REASONS_SHOWN:]):
        reasons += f"; {others:,} for other reasons"
    feeds = sorted(by_feed.items(), key=lambda item: (-item[1], item[0]))
    if len(feeds) == 1:
        where = feeds[0][0]
    else:
        where = ", ".join(f"{name} ({n:,})" for name, n in feeds[:FULLTEXT_FEEDS_SHOWN])
        if len(feeds) > FULLTEXT_FEEDS_SHOWN:
            where += f" and {counted(len(feeds) - FULLTEXT_FEEDS_SHOWN, 'more feed')}"
    tried = sum(o.fulltext_ok + o.fulltext_failed for o in outcomes)
    pages = f"{len(failed):,} of {counted(max(tried, len(failed)), 'page')}"
    every = " (--json lists each)" if len(failed) > FULLTEXT_REASONS_SHOWN else ""
    return f"full text: {pages} could not be fetched in {where}, the feeds' text kept: {reasons}{every}"


_CONNECT_TO = re.compile(r"cannot connect to \S+: ")
_LIMIT_SAID = re.compile(r" \(the limit is [^)]*\)")


def _short_reason(problem: FulltextProblem) -> str:
    """A failed page's problem as a fetch's line counts it: without its URL, the host it could
    not connect to (`cannot connect: connection refused`, one reason for many sites) or the
    setting a timeout names."""
    reason = _strip_url(problem.error, problem.url) if problem.url else problem.error
    return _LIMIT_SAID.sub("", _CONNECT_TO.sub("cannot connect: ", reason, count=1))


def _example(pages: Sequence[FulltextProblem]) -> str:
    """The page a line gives for a problem: its first article's (pages are fetched at once, in
    no set order), by its URL, else its title and id."""
    first = min(pages, key=lambda problem: problem.article_id)
    if first.url:  # (shortened as its error: a tracking link is thousands of characters)
        return clean_line(first.url, PAGE_URL_SHOWN)
    return f'"{first.title}" ({first.article_id})'


def sync_source_name(config: Config) -> str:
    """How a sync shows among the sources of a fetch: "sync <server>"."""
    from newstui.sync.client import server_name

    return f"sync {server_name(config.sync.url)}" if config.sync else "sync"


async def sync_with_server(
    library: Library,
    config: Config,
    *,
    fulltext: bool | None = None,
    analyse: bool = True,
    analyse_here: bool = True,
) -> tuple[SourceOutcome, SyncReport | None] | None:
    """With `[sync]`: push the marks made here, pull subscriptions, new items and the server's
    unread and starred sets; new items then get full text and analysis like any article.
    Returns the sync as one source's outcome (its error a one-line message) with the sync's report
    (None when it failed), or None without [sync].
    """
    if config.sync is None:
        return None
    from newstui.sync.run import make_client, run_sync

    name = sync_source_name(config)
    try:
        async with make_client(config.sync, config, library) as client:
            report = await run_sync(library, config, client)
    except NewstuiError as exc:
        return SourceOutcome(name, error=str(exc), sync=True), None
    except sqlite3.Error as exc:
        return SourceOutcome(name, error=f"{name}: database error: {exc}", sync=True), None
    warning = "; ".join(report.notices) or None
    outcome = SourceOutcome(
        name,
        new=report.new,
        updated=report.updated,
        warning=warning,
        sync=True,
        changes=report.changes,
    )
    modes = _synced_fulltext_modes(library, config, report, fulltext)
    if any(mode is not False for mode, _, _ in modes):
        from newstui.fulltext.podcasts import episode_pages_left_alone

        async with Fetcher(limits_from(config)) as fetcher:
            with _FulltextPool(fetcher, config) as pool:
                done = ok = left = 0
                problems: list[FulltextProblem] = []
                for mode, ids, found in modes:
                    if mode is False:
                        continue
                    # a podcast's episodes, as for a feed fetched here: its items pulled are its
                    # document
                    alone = episode_pages_left_alone(found, mode)
                    filled = await pool.fill(
                        library, outcome, ids, mode, alone, report.content_given
                    )
                    done += filled.fulltext_ok + filled.fulltext_failed
                    ok += filled.fulltext_ok
                    left += filled.fulltext_left
                    problems += filled.fulltext_problems
                outcome = replace(
                    outcome,
                    fulltext_ok=ok,
                    fulltext_failed=done - ok,
                    fulltext_problems=tuple(problems),
                    fulltext_left=left,
                )
    if analyse:  # (`analyse_here`: see analyse_pending's `here`)
        analyse_pending(library, config.settings.extractor, here=analyse_here)
    return outcome, report


def _synced_fulltext_modes(
    library: Library, config: Config, report: SyncReport, fulltext: bool | None
) -> list[tuple[FulltextMode, tuple[int, ...], tuple[Episode, ...]]]:
    """Each synced feed's changed articles with the full-text setting they are filled under: the
    `[[feeds]]` entry's own `fulltext` when the subscription is also in the config, else the
    global one (`fulltext`, the command's --fulltext/--no-fulltext, overrides both)."""
    from newstui.model import fold_url

    if fulltext is not None:
        return [(fulltext, ids, found) for _, ids, found in report.by_feed]
    own = {fold_url(f.url): f.fulltext for f in config.feeds if f.url}
    urls = {f.feed_id: fold_url(f.url or "") for f in library.sync.feeds()}
    default = config.settings.fulltext
    return [
        (own.get(urls.get(feed_id, ""), default), ids, found)
        for feed_id, ids, found in report.by_feed
    ]


def feeds_fetched_directly(
    library: Library, config: Config, feeds: Sequence[FeedConfig] | None = None
) -> list[FeedConfig]:
    """The configured feeds newstui fetches itself: with `[sync]`, those the server does not
    subscribe to (the server fetches the others and they come with the sync)."""
    feeds = list(config.feeds if feeds is None else feeds)
    if config.sync is None:
        return feeds
    from newstui.model import fold_url

    on_server = {fold_url(f.url or "") for f in library.sync.feeds()}
    return [f for f in feeds if fold_url(f.url) not in on_server]


def _seen(task: asyncio.Task[None]) -> None:
    """Mark a chunk task's outcome as seen. A SIGTERM/SIGHUP raised while the task ran (Stopped)
    already leaves the event loop and stops newstui; unseen, asyncio would also log it at exit as
    "Task exception was never retrieved", after newstui's last line."""
    if not task.cancelled():
        task.exception()
