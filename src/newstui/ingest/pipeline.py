"""The fetch run: the configured feeds fetched concurrently, each parsed, stored, given full text
and analysed, with progress callbacks (one failing feed never stops the others).

Used alike by the command line and the app (which runs it in a worker thread); the run's parts
are the modules beside it in newstui.ingest, its lines for a user in fetch_lines.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import sqlite3
import threading
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import partial

from newstui.article_rows import PreparedArticle
from newstui.config import Config, FeedConfig
from newstui.errors import DiskFullError, HTTPStatusError, NetworkError, NewstuiError, SourceError
from newstui.ingest.article_pages import FulltextPool
from newstui.ingest.configured_sources import TitleNames, stored_name_at, sync_sources
from newstui.ingest.fetch_lines import dropped_said, http_failure_said, strip_url
from newstui.ingest.fetch_stop import FetchStop
from newstui.ingest.fetcher import OpenFetcher, limits_from
from newstui.ingest.hosts import hosts_in_turn
from newstui.ingest.parsing import Arrivals, Parsing
from newstui.ingest.pending_analysis import analyse_crash_suspects, analyse_pending
from newstui.ingest.progress import PagesCallback, ProgressCallback
from newstui.ingest.records import FetchRecords, records_not_kept
from newstui.ingest.saving import Saving
from newstui.ingest.streamed_analysis import StreamedAnalysis
from newstui.library import Library
from newstui.model import FeedCache, FetchRecord, SourceOutcome, moved_line, still_waiting
from newstui.model.fetching import FetchWait
from newstui.processes import CpuPool, fetch_workers, parses_in_workers, startable
from newstui.sources.backoff import DEFAULT_INTERVAL, next_try, parse_retry_after
from newstui.sources.http import PERMANENT_REDIRECTS, Fetcher, FetchResult, PageFetcher
from newstui.sources.proxies import ProxyFailure
from newstui.stories import STORIES_PER_RUN

logger = logging.getLogger(__name__)


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
    (see FetchRecords.finish); a proxy variable that cannot be used fails the feeds it would
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
    stored_names = library.source_names() if any(not f.named for f in feeds) else {}
    title_names = TitleNames(stored_names, library.source_documents() if stored_names else None)
    records = FetchRecords(library)
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
            fulltext_pool = pools.enter_context(FulltextPool(fetcher, config, on_pages, cpu))
            streamed = (
                StreamedAnalysis(
                    library,
                    config.settings.extractor,
                    cpu,
                    pages_coming=fulltext_pool.pages_for_workers,
                )
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
            parsing = Parsing(
                cpu,
                share=share,
                queue_deeper=beside,
                utf8=True,
                # beside a single worker busy analysing, this process parses (see there)
                here_while=streamed.parses_here if beside and streamed else None,
            )
            saving = Saving(
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

            arrivals = Arrivals(len(feeds), every_request_over)

            async def one(feed: FeedConfig) -> None:
                feed_id = ids[feed.name]
                if not feed.named:  # said by the name Sources lists it by (its title once read)
                    feed = replace(feed, name=stored_names.get(feed_id, feed.name))
                wait = waits.get(feed_id, FetchWait())
                failures, next_try, status = wait.failures, wait.next_try, wait.status
                tried_now = by_hand and wait.network  # (a server's own wait is honoured)
                if respect_waits and not tried_now and still_waiting(next_try, now):
                    arrivals.arrived()
                    outcome = SourceOutcome(
                        feed.name,
                        waiting_until=next_try,
                        waiting_status=status if status in SERVER_WAITS else None,
                        url=feed.url,
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
                            feed_id,
                            feed,
                            backoff,
                            caches.get(feed_id, FeedCache()),
                            records,
                            parsing,
                            saving,
                            arrivals.arrived,
                            config.path.name,
                            subscribed=subscribed,
                            name_at=partial(stored_name_at, library, config),
                            title_name=title_names.after_fetch,
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
                    records.refused_by_full_disk(feed_id, feed.name)
                    stop_when_full(exc)
                    return
                except NewstuiError as exc:
                    outcome = SourceOutcome(feed.name, error=str(exc))
                except sqlite3.Error as exc:
                    if (refused := library.disk_full(exc)) is not None:
                        records.refused_by_full_disk(feed_id, feed.name)
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
                outcome = replace(outcome, url=feed.url)  # (its name may be its new title)
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
            # with nothing new, only two index look-ups unless some article has no analysis
            # or no story yet.
            # Stoppable (Ctrl-C, the app's quit) between its saves and joins: what is left
            # waits for the next run.
            stop = FetchStop(asyncio.current_task(), cancel, library.story_gap_seconds())
            left = changed or library.any_unanalysed() or library.any_unsketched()
            if analyse and left:
                analyse_pending(
                    library, config.settings.extractor, pool=cpu, stories=stories, cancel=stop
                )
            if stop.is_set():
                return outcomes
            # those no new article can join now (a bounded part); the app's (`cancel`) keep the
            # gaps for its own other connections, as its joins do
            library.forget_old_sketches(pause=None if cancel is not None else library.story_gap())
            if pool is not None:  # the caller's: its workers exit while the caller goes on
                pool.wind_down()
    return outcomes


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
    records: FetchRecords,
    parsing: Parsing,
    saving: Saving,
    arrived: Callable[[], None] = lambda: None,
    config_name: str = "feeds.toml",
    *,
    subscribed: bool = True,
    name_at: Callable[[str], str] = lambda url: "",
    title_name: Callable[[int, str, str, str | None], str] = lambda i, title, name, site: name,
) -> tuple[SourceOutcome, tuple[int, ...], Sequence[PreparedArticle]]:
    """Fetch, parse and store one feed; returns its outcome, the new or changed article ids and
    the document's articles (none when nothing changed). A move for good says to change the
    feed's url in `config_name`, the file the config was read from (`--config chk.toml`).
    The fetch's own record (status, validators, failures) goes to `records`; `parsing` parses
    the document, `saving` stores its articles (with other feeds parsed at about that time);
    `arrived` is called once the request is over (answered or failed). `subscribed=False`:
    `add`'s trial fetch, whose errors say nothing of removing the feed (see `http_failure_said`).
    `name_at`: the config's entry at a URL ("" for none), said of a move to an address listed.
    `title_name(feed_id, title, name, site_url)`: the name a feed without `name` goes by once
    the title (else the web site) this fetch read is stored (TitleNames.after_fetch), which
    names its outcome."""
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
        # (the config's url, named in the line: the file holds the feed by it)
        was = _shown_address(feed.url) if new else ""
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
            moved_news=moved is not None,
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
        message = f"{feed.name}: {strip_url(str(exc), feed.url)}"
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
        return SourceOutcome(feed.name, error=message, network=network), (), ()
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
    named = (
        feed.name
        if feed.named
        else title_name(feed_id, parsed.title or "", feed.name, parsed.site_url)
    )
    outcome = SourceOutcome(
        named,
        new=saved.new,
        updated=saved.updated,
        warning="; ".join(w for w in (moved, parsed.warning, dropped_said(saved)) if w) or None,
        cut_short=parsed.cut_short,
        moved_to=new,
        moved_from=was,
        moved_onto=onto,
        moved_news=moved is not None,
    )
    return outcome, saved.changed_ids, parsed.articles


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
