"""The `[sync]` server as one source of a fetch: the sync, then full text and analysis of what it
brought; which configured feeds newstui fetches itself beside it."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newstui.config import Config, FeedConfig
from newstui.errors import DiskFullError, NewstuiError, StoreError, SyncError
from newstui.ingest.article_pages import FulltextPool
from newstui.ingest.fetcher import limits_from
from newstui.ingest.pending_analysis import analyse_pending
from newstui.library import Library
from newstui.model import FulltextMode, FulltextProblem, SourceOutcome
from newstui.sources.http import Fetcher

if TYPE_CHECKING:
    from newstui.fulltext.podcasts import Episode
    from newstui.sync.run import SyncReport


# sqlite3's errors that say what one write did (a constraint, a value, a statement: a newstui bug
# the server's odd data met), not the store's state (a full disk, a read-only file, a lock held
# past the wait, a damaged file: OperationalError, DatabaseError): a sync failing so is one failed
# source and the feeds are fetched (review r51 LOW-6: it stopped every cron fetch)
ONE_OFF_ERRORS = (
    sqlite3.IntegrityError,
    sqlite3.DataError,
    sqlite3.ProgrammingError,
    sqlite3.InterfaceError,
    sqlite3.NotSupportedError,
)


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
    (None when it failed), or None without [sync]. A failure of the store itself is no failure
    of the sync: raised as a StoreError naming the sync and the file (_stopped), for what comes
    after it would write to that store too (review r50 LOW-2). A write refused for what it held
    (ONE_OFF_ERRORS: a constraint) is a failed sync, and the feeds are fetched.
    """
    if config.sync is None:
        return None
    from newstui.sync.run import make_client, note_failure, run_sync

    name = sync_source_name(config)
    try:
        client = make_client(config.sync, config, library)
    except NewstuiError as exc:  # (before it starts: a url the client refuses) a failed sync
        note_failure(library, exc)
        return SourceOutcome(name, error=str(exc), sync=True), None
    try:
        async with client:
            report = await run_sync(library, config, client)
    except ONE_OFF_ERRORS as exc:  # (what the server sent met a newstui bug: one failed source)
        failed = SyncError(f"{client.server}: could not store what it sent: database error: {exc}")
        note_failure(library, failed)
        return SourceOutcome(name, error=str(failed), sync=True), None
    except (StoreError, sqlite3.Error) as exc:  # the store's own failure: the command stops
        raise _stopped(name, library, exc) from exc
    except NewstuiError as exc:
        return SourceOutcome(name, error=str(exc), sync=True), None
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
            with FulltextPool(fetcher, config) as pool:
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


def _stopped(name: str, library: Library, exc: StoreError | sqlite3.Error) -> StoreError:
    """The one line of a sync the store stopped (a full disk, a read-only file, another
    process's lock held past the wait), naming the sync and the file: "sync example.org:
    stopped: …/newstui.db: the disk is full (…)". A DiskFullError stays one (a fetch stops at
    once: nothing more can be kept); a lock waited for in vain names its holder, as every
    command's busy line does."""
    if isinstance(exc, StoreError):
        kind = DiskFullError if isinstance(exc, DiskFullError) else StoreError
        return kind(f"{name}: stopped: {exc}", source=exc.source)
    path = library.sync.path()
    if Library.is_busy(exc):
        from newstui.busy import busy_error

        return StoreError(f"{name}: stopped: {busy_error(path)}", source=path)
    return StoreError(f"{name}: stopped: {path}: database error: {exc}", source=path)


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
