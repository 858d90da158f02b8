"""`newstui fetch`: fetch the configured sources (or those named), with progress on a terminal."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from typing import TYPE_CHECKING, Any

from newstui.cli.episodes import download_queued, queue_wanted_episodes, say_filtered_and_queued
from newstui.cli.feeds import waiting_marks
from newstui.cli.fetch_report import EXIT_DOWNLOAD_FAILED, EXIT_OK, last_fetches, report_outcomes
from newstui.cli.output import complain, plain_width, stdout_console
from newstui.cli.source_names import configured_source, meant_source
from newstui.errors import ConfigError, NewstuiError, hide_passwords, hide_url_password
from newstui.library import Library
from newstui.text import terminal_safe

if TYPE_CHECKING:  # ingest (feedparser, httpx, worker pools) is imported by the commands that fetch
    # pathlib (~17M instructions with urllib.parse and ipaddress): --db and --config stay text
    # until a command needs a Path (see store_path_of)
    from pathlib import Path

    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config, FeedConfig
    from newstui.model import RemovedSource, SourceOutcome
    from newstui.processes import CpuPool


def first_fetch_pool(
    args: argparse.Namespace, config: Config, db_path: Path | str
) -> contextlib.AbstractContextManager[CpuPool | None]:
    """For a fetch into a store not made yet (every document is parsed, every article new and
    analysed): its workers, started before the store is made (~0.3 s), so their own start-up
    (~0.3 s) and the extractor's load are done by the first articles. Other fetches start
    them when needed (ingest.fetch_feeds), and so does one with [sync]: the server is read
    first, and its feeds are not fetched here."""
    if config.sync is not None or os.path.exists(db_path):
        return contextlib.nullcontext()
    from newstui.processes import fetch_pool

    feeds = len(set(args.names)) if args.names else len(config.feeds)
    return fetch_pool(feeds, config.settings.extractor)


def _fetch_with_progress(
    library: Library,
    config: Config,
    feeds: list[FeedConfig] | None,
    fulltext: bool | None,
    args: argparse.Namespace,
    respect_waits: bool = True,
    pool: CpuPool | None = None,
) -> list[SourceOutcome]:
    import asyncio

    from newstui.ingest.pipeline import fetch_feeds

    by_hand = _typed_in_a_terminal()

    total = len(config.feeds if feeds is None else feeds)
    # (a pipe is known without rich's console: its import is ~100M instructions before the
    # first request)
    terminal = plain_width() is None and stdout_console().is_terminal
    shown = not getattr(args, "json", False) and not getattr(args, "quiet", False)
    if terminal and shown and total:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        with Progress(
            TextColumn("fetching"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=stdout_console(),
            transient=True,
        ) as progress:
            task = progress.add_task("", total=total)

            def advance(outcome: SourceOutcome) -> None:
                progress.update(
                    task, advance=1, description=terminal_safe(outcome.name, line=True)[:40]
                )

            return asyncio.run(
                fetch_feeds(
                    library,
                    config,
                    feeds,
                    fulltext=fulltext,
                    on_outcome=advance,
                    respect_waits=respect_waits,
                    pool=pool,
                    by_hand=by_hand,
                )
            )
    return asyncio.run(
        fetch_feeds(
            library,
            config,
            feeds,
            fulltext=fulltext,
            respect_waits=respect_waits,
            pool=pool,
            by_hand=by_hand,
        )
    )


def _typed_in_a_terminal() -> bool:
    """Whether this command was typed by someone at a terminal (its standard input is one),
    not run by cron, a systemd timer or a script fed by a pipe: a fetch typed so tries the feeds
    left to wait after a network failure, as R does and the app's timer does not."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


def cmd_fetch(
    args: argparse.Namespace, library: Library, config: Config, pool: CpuPool | None = None
) -> int:
    """`newstui fetch [NAME...]` (`pool`: see first_fetch_pool), holding the store's fetch mark
    the while: an app open on the store leaves the pass over unanalysed articles to it."""
    from newstui.fetch_mark import fetch_marked

    with fetch_marked(library.database_file()):
        return _fetch(args, library, config, pool)


def _fetch(args: argparse.Namespace, library: Library, config: Config, pool: CpuPool | None) -> int:
    import asyncio

    from newstui.config import LocalConfig
    from newstui.ingest.configured_sources import (
        lists_sources,
        move_set_aside,
        prune_sources,
        sync_sources,
    )
    from newstui.ingest.filter_run import apply_filters
    from newstui.ingest.local_import import import_local

    feeds: list[FeedConfig] | None = None
    locals_named = list(config.local)  # all of them, unless sources are named
    server_named = False  # a server subscription named: the sync reads it
    if args.names:
        feeds, locals_named = [], []
        for name in args.names:
            source = configured_source(config, library, name)  # a [[local]] too
            if source is None and _server_subscription(library, config, name):
                server_named = True
                continue
            if source is None and (skipped := config.skipped_named(name)) is not None:
                raise NewstuiError(f"{skipped.name}: {skipped.not_fetchable}", source=skipped.name)
            if source is None:
                raise NewstuiError(
                    f"{config.path}: no source named {hide_url_password(name)!r}"
                    f"{meant_source(library, config, name)} (see `newstui feeds`)",
                    source=hide_url_password(name),
                )
            if isinstance(source, LocalConfig):
                if source not in locals_named:
                    locals_named.append(source)
            elif source not in feeds:
                feeds.append(source)
    removed: list[RemovedSource] = []
    if not args.names and not lists_sources(config) and config.sync is None:
        raise ConfigError(_NO_SOURCES.format(path=config.path), source=str(config.path))
    if not args.names:
        sync_sources(library, config)
        removed = prune_sources(library, config)
    # feeds newsboat marks wait for, not read since their import: this fetch reads them
    unread_for_marks = {w.feed_url for w in library.waiting_marks() if not w.read_since}
    last = last_fetches(library, config) if args.quiet and not args.json else None
    before = library.last_article_id()  # (what is stored after it is new: download_new)
    left = library.count_unanalysed()  # what a killed fetch left: this one analyses them
    outcomes: list[SourceOutcome] = []
    if (not args.names or server_named) and config.sync is not None:
        from newstui.ingest.server_sync import feeds_fetched_directly, sync_with_server

        synced = asyncio.run(sync_with_server(library, config, fulltext=args.fulltext))
        if synced is not None:
            outcomes.append(synced[0])
        if not args.names:
            feeds = feeds_fetched_directly(library, config)
    if feeds is None or feeds:
        # feeds named on the command line are fetched now, even if they are waiting
        outcomes += _fetch_with_progress(
            library,
            config,
            feeds,
            args.fulltext,
            args,
            respect_waits=not (args.names or getattr(args, "now", False)),
            pool=pool,
        )
    outcomes += [
        import_local(library, local, config.settings.extractor, max_bytes=config.settings.max_bytes)
        for local in locals_named
    ]
    removed += move_set_aside(library, config)  # a feed's edited URL read: its articles follow
    leftovers = left - library.count_unanalysed(before) if left else 0
    read_as_copies = library.read_as_copies(before)  # (before a filter marks any read)
    filtered = apply_filters(library, config)
    queued = queue_wanted_episodes(library, config, before)
    from newstui.retention import cleanup

    cleaned = cleanup(library, config, pause=library.story_gap())  # (gaps only while shared)
    downloaded: list[dict[str, Any]] = []
    downloads_failed = False
    if args.download and args.json:  # (listed in the fetch's JSON array, after the sources)
        downloads_failed, downloaded = download_queued(args, library, config)
    status = report_outcomes(
        outcomes,
        args,
        removed,
        cleaned,
        config.path,
        library=library,
        config=config,
        episodes=queued,
        leftovers=leftovers,
        last=last,
        downloaded=downloaded,
        read_as_copies=read_as_copies,
    )
    if not args.json:
        say_filtered_and_queued(filtered, queued, quiet=args.quiet, downloading=args.download)
        if unread_for_marks and not args.quiet:  # marks this fetch found nothing for: said once
            for waiting in waiting_marks(library, config):
                if waiting.read_since and waiting.feed_url in unread_for_marks:
                    complain(f"warning: {hide_passwords(waiting.line())}")
        if args.download:
            downloads_failed, _ = download_queued(args, library, config)
    if downloads_failed and status == EXIT_OK:
        return EXIT_DOWNLOAD_FAILED
    return status


def _server_subscription(library: Library, config: Config, name: str) -> bool:
    """Whether `name` is a source only the [sync] server's subscriptions list (added with `add`
    or on the server, not in the config file): `fetch NAME` syncs for it, as the app's `r`
    does (user test r35 M4: "no source named" for a feed `feeds` lists)."""
    if config.sync is None:
        return False
    source = library.find_source(name)
    return source is not None and library.sync.stream_of(source) is not None


_NO_SOURCES = (
    "{path}: lists no feeds; nothing fetched, nothing removed (add one with `newstui add URL` or "
    "`newstui opml import FILE`)"
)
"""`fetch` of everything with a config that lists no source: newsboat refuses to run with no
URLs; read as an order, an emptied file would remove every stored feed and its articles."""
