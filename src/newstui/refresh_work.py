"""A refresh's work: what it fetches (`RefreshPlan`) and the fetch, analysis, filters and
cleanup that follow (`refresh_here`), run by the app in a thread or in its refresh's child
process. Here in the core, not in newstui.tui: the child loads what it runs by name, and the
newstui.tui package loads Textual (~0.1 s of a refresh's start where every feed answers 304)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from newstui.config import Config, FeedConfig, LocalConfig
    from newstui.library import Library
    from newstui.model import CleanupReport, RemovedSource, SourceOutcome

T = TypeVar("T")
CANCEL_POLL = 0.1  # seconds between looks at a cancel event


@dataclass(frozen=True)
class RefreshPlan:
    """What a refresh fetches: configured feeds and local sources."""

    feeds: tuple[FeedConfig, ...] = ()
    local: tuple[LocalConfig, ...] = ()
    unknown: tuple[str, ...] = ()  # stored sources the config no longer lists
    prune: bool = False  # remove the stored sources that left the config (a refresh of all)
    sync: bool = False  # sync with the [sync] server first
    chosen: bool = False  # the user picked these sources: fetch them even if they are waiting
    # the user asked for it (R, not the timer): feeds waiting after a network failure are tried
    by_hand: bool = False

    @property
    def total(self) -> int:
        return len(self.feeds) + len(self.local) + int(self.sync)


def refresh_here(
    db_path: str,
    config: Config,
    plan: RefreshPlan,
    *,
    report: Callable[[SourceOutcome], None],
    cancel: threading.Event | None = None,
    removed: Callable[[RemovedSource | CleanupReport], None] | None = None,
    pages: Callable[[int, int], None] | None = None,
    analysed: Callable[[int, int], None] | None = None,
) -> str | None:
    """A refresh's work, in this process: tui.refresh.run_refresh runs it here or in a child
    process (newstui.refresh_process), which reports each outcome back (to `pages`, the
    article pages read of those planned; to `analysed`, the new articles analysed of those
    due)."""
    from newstui.ingest.configured_sources import move_set_aside, prune_sources, sync_sources
    from newstui.ingest.filter_run import apply_filters
    from newstui.ingest.local_import import import_local as ingest_local
    from newstui.ingest.pending_analysis import analyse_pending
    from newstui.ingest.pipeline import fetch_feeds
    from newstui.library import Library
    from newstui.model.fetching import SourceOutcome

    cancel = cancel or threading.Event()
    library = Library.open(db_path, threads=True)
    try:
        before = library.last_article_id()  # (what is stored after it is new: download_new)
        if plan.prune:
            sync_sources(library, config)
            for result in prune_sources(library, config):
                if removed is not None:
                    removed(result)
        feeds = plan.feeds
        if plan.sync and not cancel.is_set():
            feeds = _sync_first(library, config, plan, report, cancel)
        if feeds:
            asyncio.run(
                fetch_feeds(
                    library,
                    config,
                    feeds,
                    on_outcome=report,
                    analyse=False,
                    cancel=cancel,
                    respect_waits=not plan.chosen,
                    by_hand=plan.by_hand,
                    on_pages=pages,
                )
            )
        for local in plan.local:
            if cancel.is_set():
                return None
            try:
                # analysed with the feeds' new articles below, in a worker
                outcome = ingest_local(
                    library,
                    local,
                    config.settings.extractor,
                    analyse=False,
                    max_bytes=config.settings.max_bytes,
                )
            except Exception as exc:
                outcome = SourceOutcome(local.name, error=f"{local.name}: {exc}")
            report(outcome)
        if cancel.is_set():
            return None
        for result in move_set_aside(library, config):  # a feed's edited URL read: its articles
            if removed is not None:
                removed(result)
        failed: list[str] = []  # articles the extractor failed on: one line each
        try:  # the new articles: those of older versions are the app's stale pass's
            analyse_pending(  # in a worker: an article that kills it must not kill the app
                library,
                config.settings.extractor,
                stale=False,
                on_failure=failed.append,
                here=False,
                on_progress=analysed,
            )
        except Exception as exc:
            return f"quote and entity analysis failed: {exc}"
        apply_filters(library, config)
        # the planned feeds' new episodes, and those a sync brought of any feed (the app's
        # worker downloads them); a feed's that could not be: said as `fetch` says it
        if config.downloads_new_episodes:
            from newstui.downloads import not_queued_line, queue_new_episodes

            queued = queue_new_episodes(library, config, before)
            failed += [not_queued_line(q) for q in queued if q.problem is not None]
        from newstui.retention import cleanup

        cleaned = cleanup(library, config)
        if cleaned.removed and removed is not None:
            removed(cleaned)
        more = f" (and {len(failed) - 1} more)" if len(failed) > 1 else ""
        return failed[0] + more if failed else None
    finally:
        library.close()


def _sync_first(
    library: Library,
    config: Config,
    plan: RefreshPlan,
    report: Callable[[SourceOutcome], None],
    cancel: threading.Event,
) -> tuple[FeedConfig, ...]:
    """Sync with the server (its failure is one source's error: reading goes on; the store's
    own, a full disk or a lock held too long, is raised and stops the refresh); returns the
    planned feeds the server does not fetch for us (the others are reported `by_sync`: the
    progress counts them, the summary counts them with the sync, as `fetch` does: user test
    r35 L3, "Refreshed 7 of 8 sources" counted 3 the server, down, had not read)."""
    from newstui.ingest.server_sync import feeds_fetched_directly, sync_with_server
    from newstui.model.fetching import SourceOutcome

    synced = asyncio.run(
        until_cancelled(sync_with_server(library, config, analyse=False), cancel, None)
    )
    if synced is not None:
        report(synced[0])
    direct = feeds_fetched_directly(library, config, plan.feeds)
    for feed in plan.feeds:
        if feed not in direct:  # read by the sync, or not at all when it failed: not counted
            report(SourceOutcome(feed.name, not_modified=True, by_sync=True))
    return tuple(direct)


async def until_cancelled(
    work: Coroutine[object, object, T], cancel: threading.Event, default: T
) -> T:
    """Await `work`, but cancel it and return `default` soon after `cancel` is set."""
    task = asyncio.ensure_future(work)
    while not task.done():
        if cancel.is_set():
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                return default
        await asyncio.wait({task}, timeout=CANCEL_POLL)
    return task.result()
