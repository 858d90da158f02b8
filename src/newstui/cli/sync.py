"""`newstui sync`: reconcile with the Google Reader API server of the config's [sync]."""

from __future__ import annotations

import argparse
import time
from typing import TYPE_CHECKING

from newstui.cli.config_file import about_source
from newstui.cli.episodes import episodes_data, queue_wanted_episodes, say_filtered_and_queued
from newstui.cli.fetch_report import fulltext_data
from newstui.cli.output import complain, emit, print_json_error
from newstui.counts import counted, plural
from newstui.errors import ConfigError, hide_passwords
from newstui.library import Library
from newstui.local_times import in_message

if TYPE_CHECKING:
    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config
    from newstui.model.failure_news import LastFetch
    from newstui.model.sync import SyncStatus


def cmd_sync(args: argparse.Namespace, library: Library, config: Config) -> int:
    """`newstui sync` and `newstui sync login`."""
    import asyncio

    from newstui.ingest.fetch_lines import (
        describe,
        fulltext_failures_line,
        fulltext_said,
        recovered_line,
    )
    from newstui.ingest.server_sync import sync_with_server
    from newstui.model.failure_news import failure_news
    from newstui.sync.client import server_name
    from newstui.sync.run import make_client

    if config.sync is None:
        raise ConfigError(
            f"{config.path}: no [sync] table; add one with service, url, user and "
            "password_command (see the README's Sync section)",
            source=str(config.path),
        )
    sync = config.sync
    if args.action == "login":

        async def check() -> int:
            async with make_client(sync, config, library) as client:
                return await client.check()

        with about_source(hide_passwords(sync.url)):
            count = asyncio.run(check())
        if args.quiet and not args.json:  # (a failure is said: it raised)
            return 0
        return emit(
            args,
            {"server": hide_passwords(sync.url), "user": sync.user, "subscriptions": count},
            f"{server_name(sync.url)}: logged in as {sync.user}; {counted(count, 'subscription')}",
        )
    from newstui.ingest.filter_run import apply_filters

    before = library.last_article_id()  # (what is stored after it is new: download_new)
    quiet = args.quiet and not args.json  # (cron: only what is news, as `fetch --quiet`)
    last = library.sync.status() if quiet else None
    start = time.perf_counter()
    result = asyncio.run(sync_with_server(library, config))
    seconds = time.perf_counter() - start
    assert result is not None
    outcome, report = result
    # as `fetch` does: its filters, then the new episodes of a `download_new` feed (a sync that
    # failed midway may have stored some)
    filtered = apply_filters(library, config)
    episodes = queue_wanted_episodes(library, config, before)
    if outcome.error or report is None:
        queued = library.sync.status().queued
        error = outcome.error or "sync failed"
        if args.json:
            print_json_error(error, "sync", hide_passwords(sync.url), queued=queued)
            return 1
        if last is not None:  # --quiet: said once, and again when it fails otherwise
            if failure_news(outcome, _last_fetch(last)) == "new":
                complain(f"error: {describe(outcome)}")
            say_filtered_and_queued(filtered, episodes, quiet=True)
            return 1
        complain(f"newstui: {in_message(error)}")
        if queued:
            stay = plural(queued, "stays", "stay")
            complain(f"newstui: {counted(queued, 'change')} {stay} queued for the next sync")
        say_filtered_and_queued(filtered, episodes)
        return 1
    data = {
        "server": report.server,
        "pushed": report.pushed,
        "new": report.new,
        "updated": report.updated,
        "read_changed": report.read_changed,
        "starred_changed": report.starred_changed,
        "feeds_added": list(report.feeds_added),
        "feeds_removed": list(report.feeds_removed),
        "deleted": sum(r.deleted for r in report.removed),
        "kept_starred": sum(r.kept_starred for r in report.removed),
        "feeds_kept": list(report.feeds_kept),
        "feeds_fetched_here": list(report.fetched_here),
        "unchecked": report.unchecked,
        "unfetched": report.unfetched,
        "cut_short": list(report.cut_short),
        "switched_from": report.switched_from,
        "switch": report.switch,
        "renamed_from": report.renamed_from,
        "expired": report.expired,
        "unsent": report.unsent,
        "feeds_moved": [
            {"name": m.name, "from": m.old, "to": m.new, "kept": m.kept}
            | {"merged_with": None if m.kept else m.other}
            for m in report.moved
        ],
        "merged": report.merged,
        "requests": report.requests,
        **fulltext_data(outcome),
        "download_new": [{"source": q.feed, **episodes_data(q)} for q in episodes],
        "seconds": round(seconds, 3),
    }
    if last is not None:  # --quiet: nothing but a sync that works again after failing
        if last.last_error is not None:
            complain(f"recovered: {recovered_line(outcome.name, _last_fetch(last), sync=True)}")
        say_filtered_and_queued(filtered, episodes, quiet=True)
        return 0
    # the pages that failed, as `fetch` says them (user test r42 M1), the articles stored
    if not args.json and (pages_failed := fulltext_failures_line([outcome])):
        complain(f"warning: {pages_failed}")
    pages = fulltext_said(outcome.fulltext_ok, outcome.fulltext_failed, outcome.fulltext_left)
    status = emit(args, data, report.summary(pages))
    if not args.json:
        say_filtered_and_queued(filtered, episodes)
    return status


def _last_fetch(status: SyncStatus) -> LastFetch:
    """The last sync's record as `fetch --quiet` reads a source's: its error, failures in a row
    and since when."""
    from newstui.model.failure_news import LastFetch

    return LastFetch(status.last_error, status.failures, status.failing_since)
