"""`newstui opml import --dry-run FILE`: what an import would do, nothing written.

The list is read and, with [sync], the server asked which feeds it has (nothing subscribed);
what feeds.toml would get is worked out by the import's own code on a copy of the file in a
temporary folder (`subscription_import.config_copy`); the store is only read."""

from __future__ import annotations

import argparse
import dataclasses
from typing import TYPE_CHECKING

from newstui.cli.config_file import about_source
from newstui.cli.newsboat import newsboat_files
from newstui.cli.output import complain, emit
from newstui.counts import counted
from newstui.errors import SyncError, hide_passwords
from newstui.library import Library
from newstui.newsboat_import import (
    add_ignore_rules,
    add_newsboat_settings,
    newsboat_config_of,
    newsboat_state,
)

if TYPE_CHECKING:
    from newstui.config import Config, FeedConfig
    from newstui.server_import import ServerSplit
    from newstui.sources.newsboat_cache import NewsboatState
    from newstui.subscription_import import SubscriptionsImported

FEEDS_NAMED = 20  # new feeds named one a line in the text; --json names every one


def store_to_read(db_path: str) -> str:
    """The store a dry run reads: `db_path` itself when it is at this newstui's schema, else a
    copy in a temporary folder (removed at exit), so the dry run never upgrades the user's
    store nor leaves a copy for older newstui beside it (review r54 MED-1: it did both)."""
    import os

    path = os.path.expanduser(db_path)
    if Library.stored_version(path) in (None, Library.SCHEMA_VERSION):
        return db_path
    import atexit
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="newstui-dry-run-")
    atexit.register(shutil.rmtree, folder, True)
    copy = os.path.join(folder, "newstui.db")
    shutil.copyfile(path, copy)
    if os.path.exists(path + "-wal"):
        shutil.copyfile(path + "-wal", copy + "-wal")
    return copy


def dry_run_import(args: argparse.Namespace, library: Library, config: Config) -> int:
    """Say what `opml import FILE` (with the same options) would add, leave, skip and subscribe,
    and the folders of what it adds; write nothing (config, store, server)."""
    from newstui.cli.opml import subscription_list
    from newstui.config import url_identity
    from newstui.subscription_import import config_copy, import_subscriptions

    feeds, skipped = subscription_list(args, config)
    found = len(feeds)
    local = [line.local for line in skipped if line.local]
    files = newsboat_files(args)
    state = newsboat_state(files, feeds, local, config, library)  # (read only)
    split = _server_split(args, library, config, feeds)
    subscribe: list[FeedConfig] = []
    if split is not None:
        feeds = split.rest
        if args.subscribe:  # (the server may refuse some: those would be fetched here)
            subscribe, feeds = feeds, []
    listed = {url_identity(f.url) for f in config.feeds}
    with config_copy(config.path) as copy, about_source(str(config.path)):
        imported = import_subscriptions(
            copy, feeds, skipped, library.old_feed_urls(), split, source=args.file
        )
        newsboat = newsboat_config_of(files, config.keys)
        at_copy = dataclasses.replace(config, path=copy)
        filters = add_ignore_rules(at_copy, newsboat.rules) if newsboat else []
        settings = add_newsboat_settings(at_copy, newsboat) if newsboat else None
    new = [*imported.added, *subscribe]
    folders: dict[str, int] = {}
    for feed in new:
        for tag in feed.tags:
            folders[tag] = folders.get(tag, 0) + 1
    invalid = imported.skipped
    if not args.json:
        for line in invalid:
            place = f"{args.file}:{line.line}" if line.line else str(args.file)
            complain(f"warning: {place}: would skip {hide_passwords(line.reason)}")
        for line in imported.notes:
            said = "note" if line.remark else "warning"
            place = f"{args.file}:{line.line}" if line.line else str(args.file)
            complain(f"{said}: {place}: {hide_passwords(line.reason)}")
        if split is not None and split.unasked is not None:
            complain(f"warning: {hide_passwords(split.unasked)}")
    data = {
        "dry_run": True,
        "found": found,
        "added": [f.name for f in imported.added],
        "feeds": [
            {"name": f.name, "url": hide_passwords(f.url), "tags": list(f.tags)} for f in new
        ],
        "folders": [{"folder": tag, "feeds": n} for tag, n in folders.items()],
        "already": len(imported.found) - len(imported.added),
        "tagged": imported.tagged,
        "views": [{"name": name, "query": query} for name, query in imported.added_views],
        "local": [{"name": s.name, "path": str(s.path)} for s in imported.added_local],
        "synced": [f.name for f in split.synced] if split else [],
        "subscribed": [f.name for f in subscribe],
        "subscribed_listed": [f.name for f in subscribe if url_identity(f.url) in listed],
        "skipped": [
            {"reason": hide_passwords(s.reason)} | ({"line": s.line} if s.line else {})
            for s in invalid
        ],
        "warnings": [hide_passwords(s.reason) for s in imported.notes if not s.remark],
        "notes": [s.reason for s in imported.notes if s.remark],
        "filters": [{"name": name, "query": query} for name, query in filters],
        "newsboat_settings": None
        if settings is None
        else {
            "written": dict(settings.written),
            "keys_written": {i: list(k) for i, k in settings.keys_written},
        },
        "read_state": None
        if state is None
        else {"cache": str(state.cache), "read": state.read, "starred": state.starred},
    }
    lines = _said(args, config, found, imported, subscribe, folders, len(filters), state)
    return emit(args, data, "\n".join(lines))


def _server_split(
    args: argparse.Namespace, library: Library, config: Config, feeds: list[FeedConfig]
) -> ServerSplit | None:
    """With [sync] (and no --here), the list's feeds by what the server subscribes to, asked of
    it (nothing subscribed); None without."""
    if config.sync is None or args.here:
        return None
    from newstui.server_import import NeverSynced, split_for_server

    with about_source(hide_passwords(config.sync.url)):
        try:
            split = split_for_server(library, config, feeds, keep_token=False)
        except NeverSynced as exc:
            import shlex

            here = f"newstui opml import --here {shlex.quote(str(args.file))}"
            way = f"`{here}` would add them all to {config.path.name}, fetched here"
            raise NeverSynced(exc.unasked, exc.server, way) from exc
        if args.subscribe and split.unasked is not None:  # (the import would stop there)
            raise SyncError(f"{split.unasked}: an import with --subscribe would stop here")
    return split


def _said(
    args: argparse.Namespace,
    config: Config,
    found: int,
    imported: SubscriptionsImported,
    subscribe: list[FeedConfig],
    folders: dict[str, int],
    filters: int,
    state: NewsboatState | None,
) -> list[str]:
    """The lines of a dry run: what the import would do, then the new feeds named."""
    from newstui.config import url_identity

    name, split, added = config.path.name, imported.server, imported.added
    lines = [f"dry run, nothing written: {counted(found, 'feed')} in {args.file}"]
    if not config.path.exists():
        lines[0] += f" ({config.path} would be made)"
    if split is not None and split.synced:
        lines.append(
            f"  {len(split.synced):,} already subscribed on {split.server}: left to it (synced)"
        )
    if subscribe and split is not None:
        listed = {url_identity(f.url) for f in config.feeds}
        there = sum(url_identity(f.url) in listed for f in subscribe)
        lines.append(
            f"  {counted(len(subscribe), 'feed')} would be subscribed on {split.server}, each in"
            " its first folder"
            + (f" ({there:,} of them listed in {name} already)" if there else "")
        )
    else:
        where = "fetched here"
        if split is not None:
            where += f" (--subscribe would subscribe them on {split.server})"
        lines.append(f"  {len(added):,} new: would be added to {config.path}, {where}")
    if already := len(imported.found) - len(added):
        tagged = imported.tagged
        more = f"; tags would be added to {counted(len(tagged), 'feed')}" if tagged else ""
        lines.append(f"  {already:,} already in {name}{more}")
    if imported.skipped:
        lines.append(f"  {len(imported.skipped):,} invalid: would be skipped (warnings above)")
    if folders:
        shown = ", ".join(f"{folder} ({n:,})" for folder, n in folders.items())
        lines.append(f"  folders of the new feeds: {shown}")
    for count, what in (
        (len(imported.added_views), "query feed as a view"),
        (len(imported.added_local), "local feed file"),
        (filters, "hide filter"),
    ):
        if count:
            lines.append(f"  {counted(count, what)} would be added")
    if state is not None:
        lines.append(
            f"  newsboat's cache: {state.read:,} read marks and {state.starred:,} stars would"
            " come with their articles"
        )
    new = [*added, *subscribe]
    for feed in new[:FEEDS_NAMED]:
        tags = f"  [{', '.join(feed.tags)}]" if feed.tags else ""
        lines.append(f"  + {feed.name}{tags}  {hide_passwords(feed.url)}")
    if len(new) > FEEDS_NAMED:
        lines.append(f"  + {len(new) - FEEDS_NAMED:,} more (--json names every one)")
    return lines
