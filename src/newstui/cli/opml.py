"""`newstui opml import` and `opml export`: subscription lists in and out."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import TYPE_CHECKING

from newstui.cli.config_file import about_source
from newstui.cli.newsboat import newsboat_files, say_newsboat_config
from newstui.cli.output import complain, emit, safe_cell, stderr_console
from newstui.counts import counted
from newstui.errors import NewstuiError, hide_passwords
from newstui.library import Library
from newstui.newsboat_import import (
    bring_newsboat_config,
    flags_not_starred,
    newsboat_state,
    podboat_queue_said,
    read_state_said,
)

if TYPE_CHECKING:
    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config, FeedConfig
    from newstui.subscription_import import SkippedLine


def subscription_list(
    args: argparse.Namespace, config: Config
) -> tuple[list[FeedConfig], list[SkippedLine]]:
    """`opml import`'s list (its feeds and the lines that are none), read before anything is
    written; `--subscribe` without a [sync] server refused. The import's and its dry run's."""
    from newstui.subscription_import import read_subscription_list

    with about_source(str(args.file)):
        feeds, skipped = read_subscription_list(args.file, args.star_flag)
    if args.subscribe and config.sync is None:
        raise NewstuiError(
            f"opml import --subscribe: {config.path} has no [sync] server to subscribe on",
            source=str(config.path),
        )
    return feeds, skipped


def cmd_opml(args: argparse.Namespace, library: Library, config: Config) -> int:
    """`newstui opml import FILE` / `newstui opml export [FILE]`."""
    from newstui.config import FeedConfig, url_identity
    from newstui.sources.opml import write_opml
    from newstui.subscription_import import import_subscriptions

    if args.opml_command == "import":
        if args.dry_run:
            from newstui.cli.opml_dry_run import dry_run_import

            return dry_run_import(args, library, config)
        feeds, skipped = subscription_list(args, config)
        # newsboat's read marks: read (or refused) before anything is written; stored once the
        # server was asked (a server that cannot be reached or refuses the login stops the
        # import before anything is written here, its marks too: review r51 LOW-8)
        local = [line.local for line in skipped if line.local]
        files = newsboat_files(args)
        state = newsboat_state(files, feeds, local, config, library)
        split, found = None, len(feeds)
        if config.sync is not None and not args.here:  # the server's own feeds stay its own
            from newstui.server_import import NeverSynced, split_for_server

            with about_source(hide_passwords(config.sync.url)):
                try:  # (user test r51 MED-1)
                    split = split_for_server(library, config, feeds, subscribe=args.subscribe)
                except NeverSynced as exc:  # (nothing written: the way to import anyway)
                    import shlex

                    here = f"newstui opml import --here {shlex.quote(str(args.file))}"
                    way = f"`{here}` adds them all to {config.path.name}, fetched here"
                    raise NeverSynced(exc.unasked, exc.server, way) from exc
            feeds = split.rest
        taken = library.add_imported_marks(state.marks) if state else None
        made = not config.path.exists()
        with about_source(str(config.path)):
            imported = import_subscriptions(
                config.path, feeds, skipped, library.old_feed_urls(), split, source=args.file
            )
        if made and config.path.exists():  # (as a first `fetch` says it: user test r47 L10)
            complain(f"newstui: created the config file {config.path}")
        with about_source(str(config.path)):
            if any(f.site for f in feeds):  # (their web sites, for `opml export`: r47 L3)
                from newstui.config import load_config
                from newstui.ingest.configured_sources import list_imported

                list_imported(library, load_config(config.path), feeds)
        added, tagged, added_views = imported.added, imported.tagged, imported.added_views
        views, hidden, skipped = imported.views, imported.hidden, imported.skipped
        # its kill file as hide filters, its settings and keys into [settings] and [keys]
        brought = bring_newsboat_config(files, config, library)
        newsboat, rules, queue = brought.newsboat, brought.rules, brought.queue
        added_filters, hidden_now, added_settings = (
            brought.filters,
            brought.hidden,
            brought.settings,
        )
        if not args.json:
            stored = dict((query, name) for name, query in added_views)
            for line in views:
                if line.view and line.view[1] in stored:
                    named = (
                        "" if stored[line.view[1]] == line.view[0] else f" {stored[line.view[1]]!r}"
                    )
                    complain(f"{args.file}:{line.line}: {line.reason}{named}: {line.view[1]}")
            paths = {source.path for source in imported.added_local}
            for line in imported.local:
                if line.local and line.local.path in paths:
                    place = f"{args.file}:{line.line}" if line.line else str(args.file)
                    complain(f"{place}: {line.reason}")
            for line in hidden:
                complain(f"warning: {args.file}:{line.line}: {line.reason}")
            for line in imported.notes:  # (an OPML repaired, a feed that looks like another)
                said = "note" if line.remark else "warning"  # (how newsboat's "/" tags read)
                place = f"{args.file}:{line.line}" if line.line else str(args.file)
                complain(f"{said}: {place}: {hide_passwords(line.reason)}")
            for line in skipped:
                place = f"{args.file}:{line.line}" if line.line else str(args.file)
                complain(f"warning: {place}: skipped {hide_passwords(line.reason)}")
            if split is not None and split.unasked is not None:
                complain(f"warning: {hide_passwords(split.unasked)}")
            listed = {url_identity(f.url) for f in config.feeds}
            for feed, reason in split.refused if split else ():
                where = "kept in" if url_identity(feed.url) in listed else "added to"
                complain(f"warning: {reason}; {where} {config.path.name} instead: fetched here")
            if newsboat is not None:
                say_newsboat_config(newsboat, added_filters, config, added_settings)
            if queue is not None and (queue_said := podboat_queue_said(queue)):
                complain(f"note: {queue_said}")
        text = imported.summary(args.file, config.path)
        text += brought.rules_clause
        if added and split is not None and not args.subscribe:  # (this writes the file)
            text += (  # (user test r33 L16: the phone never saw them, and nothing said so)
                f"; not subscribed on {split.server}: newstui fetches them itself "
                "(`newstui opml import --subscribe FILE` subscribes them there)"
            )
        elif added and config.sync is not None and args.here:
            from newstui.sync.client import server_name

            server = server_name(config.sync.url)
            text += f"; not subscribed on {server} (--here): newstui fetches them itself"
        if split is not None and split.unasked is not None:
            text += f" ({split.server} could not be asked: its subscriptions as of the last sync)"
        text += imported.skipped_clause  # (an OPML file's outlines carry no line numbers)
        if state and taken:
            text += read_state_said(state, taken)
            if (unstarred := flags_not_starred(state)) and not args.json:
                complain(f"warning: {unstarred}")
        return emit(
            args,
            {
                "found": found,
                "added": [f.name for f in added],
                "views": [{"name": name, "query": query} for name, query in added_views],
                "local": [{"name": s.name, "path": str(s.path)} for s in imported.added_local],
                "already": len(feeds) - len(added),  # listed in the config by URL already
                # with [sync]: on the server already (not written here), subscribed there by
                # --subscribe, refused there (written here)
                "synced": [f.name for f in split.synced] if split else [],
                "subscribed": [f.name for f in split.subscribed] if split else [],
                # of those, the ones feeds.toml listed already (an earlier plain import's)
                "subscribed_listed": [f.name for f in split.listed] if split else [],
                "refused": [
                    {"name": f.name, "url": hide_passwords(f.url), "reason": why}
                    for f, why in (split.refused if split else ())
                ],
                # newsboat's tags as labels: `sources_layout = "flat"` written (user test r52
                # MED-5), with the tags and feeds that made it so; null when not written
                "sources_layout": None
                if imported.flat_layout is None
                else {
                    "written": "flat",
                    "tags": imported.flat_layout[0],
                    "feeds": imported.flat_layout[1],
                },
                "tagged": tagged,  # of those, the ones the file gave tags they lacked
                # of those, the ones whose flat folder tags (an older import's) became the path
                "nested": [
                    {"name": name, "from": list(had), "to": list(now)}
                    for name, had, now in imported.nested
                ],
                # views and filters made to name a folder round 47 read as nested (r49 MED-1)
                "retagged": [
                    {"kind": kind, "name": name, "query": query, "folder": folder}
                    for kind, name, query, folder in imported.retagged
                ],
                "skipped": [
                    {"reason": hide_passwords(s.reason)} | ({"line": s.line} if s.line else {})
                    for s in skipped
                ],
                "hidden_in_newsboat": [{"reason": s.reason, "line": s.line} for s in hidden],
                "warnings": [hide_passwords(s.reason) for s in imported.notes if not s.remark],
                "notes": [s.reason for s in imported.notes if s.remark],
                "filters": [{"name": name, "query": query} for name, query in added_filters],
                "hidden_by_filters": hidden_now,
                "ignore_rules_not_taken": [
                    {"line": r.line, "rule": r.written} for r in rules if r.query is None
                ],
                "newsboat_settings_not_taken": list(newsboat.not_taken) if newsboat else [],
                "newsboat_settings": None
                if added_settings is None
                else {
                    "written": dict(added_settings.written),
                    "kept": {k: yours for k, _, yours in added_settings.kept},
                    "refused": dict(added_settings.refused),
                    "replaced_example": dict(added_settings.replaced),
                    "keys_written": {i: list(k) for i, k in added_settings.keys_written},
                    "keys_kept": [i for i, _ in added_settings.keys_kept],
                    "warnings": list(newsboat.warnings) if newsboat else [],
                    "included": [str(p) for p in newsboat.includes] if newsboat else [],
                },
                "podboat_queue": None
                if queue is None
                else {
                    "file": str(queue.path),
                    "not_carried_over": queue.waiting,
                    "downloaded": [{"url": u, "path": p} for u, p, _ in queue.downloaded],
                },
                "read_state": None
                if state is None or taken is None
                else {
                    "cache": str(state.cache),
                    "read": state.read,
                    "starred": state.starred,
                    "deleted": state.deleted,
                    "flagged_not_starred": state.flagged,
                    "star_flag": None
                    if state.star is None
                    else {"flag": state.star.letter, "why": state.star.why},
                    "applied": taken.applied,
                    "waiting": taken.waiting,
                    # what became of this import's marks of each kind (they add up to them)
                    "marks": {
                        kind: dataclasses.asdict(counts) | {"total": counts.total}
                        for kind, counts in (("read", taken.read), ("starred", taken.starred))
                    },
                },
            },
            text,
        )
    from newstui.export_file import check_export_target, write_export
    from newstui.model import fold_url

    if args.file:  # (before anything is said: review r48, an earlier export was replaced)
        check_export_target(args.file, force=args.force)
    sources = library.sources()
    shown = {row.url: row.name for row in sources if row.url}
    # a feed without `name` under the title it goes by (as newsboat exports a feed's title)
    # (one with no title read yet: its URL, as newsboat exports it)
    feeds = [
        f
        if f.named
        else dataclasses.replace(
            f, name=shown[f.url] if shown.get(f.url, f.name) != f.name else f.url
        )
        for f in config.feeds
    ]
    held = [] if feeds or args.demo else [row for row in sources if row.kind == "feed" and row.url]
    if held:  # (a backup restored into a new home: feeds.toml is not in it, user test r46 M4)
        feeds = [FeedConfig(row.url or "", row.name, row.tags) for row in held]
        complain(
            f"newstui: opml export: {config.path} lists no feeds: the "
            f"{counted(len(feeds), 'feed')} the database holds "
            f"{'is' if len(feeds) == 1 else 'are'} written instead"
        )
    known = {fold_url(f.url) for f in feeds}
    synced_feeds = library.sync.feeds()
    # a feed feeds.toml lists in one folder and the server files in another is in both (user
    # test r51 LOW-7: the server's folder was left out of the file)
    server_tags = {fold_url(s.url): s.tags for s in synced_feeds if s.url}
    feeds = [_with_server_folders(f, server_tags.get(fold_url(f.url), ())) for f in feeds]
    for synced in synced_feeds:  # subscriptions that live only on the sync server
        if synced.url and fold_url(synced.url) not in known:
            feeds.append(FeedConfig(synced.url, synced.name, synced.tags))
            known.add(fold_url(synced.url))
    if not feeds and args.demo:  # an empty but valid OPML still goes out, for scripts
        complain("newstui: opml export: the demo has no feeds (its sources are local files)")
    text = write_opml(feeds, site_urls=library.site_urls())
    if args.file:
        try:
            write_export(args.file, text, force=args.force)
        except OSError as exc:
            # an OS error on a file: kind "file", the path as its source
            raise OSError(
                exc.errno, f"cannot write: {exc.strerror or exc}", str(args.file)
            ) from None
        if args.json:
            return emit(args, {"file": str(args.file), "feeds": len(feeds)})
        stderr_console().print(
            safe_cell(f"wrote {counted(len(feeds), 'feed')} to {args.file}"), soft_wrap=True
        )
        return 0
    if args.json:
        raise NewstuiError("opml export --json needs a FILE: without one, the OPML goes to stdout")
    sys.stdout.write(text)
    return 0


def _with_server_folders(feed: FeedConfig, server_tags: tuple[str, ...]) -> FeedConfig:
    """`feed` with the folders the sync server also files it in after its own."""
    from newstui.model.names import name_key

    had = {name_key(t) for t in feed.tags}
    more = tuple(t for t in server_tags if name_key(t) not in had)
    return dataclasses.replace(feed, tags=(*feed.tags, *more)) if more else feed
