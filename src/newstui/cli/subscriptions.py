"""`newstui add`, `remove` and `import`: subscribe to a feed (choosing among those a page links),
unsubscribe, read local files."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newstui.cli.arguments import path_argument
from newstui.cli.config_file import about_source
from newstui.cli.episodes import queue_wanted_episodes, say_filtered_and_queued
from newstui.cli.fetch_report import EXIT_FAILED, report_outcomes
from newstui.cli.output import (
    complain,
    emit,
    print_json_error,
    print_note,
    safe_cell,
    stderr_console,
)
from newstui.cli.source_names import configured_source, meant_source, meant_tag
from newstui.counts import counted
from newstui.errors import NewstuiError, SourceError, hide_passwords, hide_url_password
from newstui.library import Library
from newstui.model.names import name_key, visible_name
from newstui.word_lists import listed

if TYPE_CHECKING:
    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config
    from newstui.sources.discovery import FeedAnswer, FeedLink


def cmd_remove(args: argparse.Namespace, library: Library, config: Config) -> int:
    """`newstui remove NAME|URL|PATH [--purge]`: out of the config file, then out of the database."""
    from newstui.config import FeedConfig
    from newstui.config.removal import remove_source
    from newstui.ingest.configured_sources import feed_key, local_key
    from newstui.model.fetching import RemovedSource

    if args.tag is not None:
        if args.name is not None:
            raise NewstuiError("remove: give a NAME or --tag TAG, not both")
        return _remove_tag(args, library, config)
    if args.name is None:
        raise NewstuiError("remove: give the NAME, URL or path of a source, or --tag TAG")
    source = configured_source(config, library, args.name) or config.skipped_named(args.name)
    # the set-aside sources under that name go too (an edited URL's old feed, one deleted by hand)
    names = [args.name, *([source.name] if source is not None else [])]
    if source is not None:
        key = feed_key(source) if isinstance(source, FeedConfig) else local_key(source.path)
        feed_id = library.find_source(key)
    else:  # imported with `newstui import`, a server subscription, or already gone from the config
        feed_id = library.find_source(args.name)
        if feed_id is None:  # an imported file or folder, by its path
            try:
                feed_id = library.find_source(local_key(path_argument(args.name).expanduser()))
            except (OSError, RuntimeError, ValueError):  # ~x of no user, a loop of symlinks
                feed_id = None  # no path any source has
        if feed_id is None and not library.set_aside_counts(names)[0]:
            raise NewstuiError(
                f"{config.path}: no source named {hide_url_password(args.name)!r}"
                f"{meant_source(library, config, args.name)} (see `newstui feeds`)",
                source=hide_url_password(args.name),
            )
    unsubscribed = _unsubscribe_on_server(library, config, feed_id, args.name)
    if source is not None:  # (a skipped one by what was typed: two may share a url, r46 M3)
        fetched = source.url if isinstance(source, FeedConfig) and not source.problem else None
        remove_source(config.path, fetched or args.name)
        where = f" from {config.path}"
    else:
        where = ""
    if unsubscribed:
        where += f" and unsubscribed on {unsubscribed}"
    result = (
        library.remove_source(feed_id, purge=args.purge)
        if feed_id is not None
        else RemovedSource(source.name if source else args.name, 0, 0)
    )
    aside = library.remove_set_aside(names, purge=args.purge)
    if aside is not None:
        deleted, starred = result.deleted + aside.deleted, result.kept_starred + aside.kept_starred
        result = RemovedSource(aside.name if feed_id is None else result.name, deleted, starred)
    # as `feeds` lists it: a feed without `name` by its title
    name = result.name if feed_id is not None or source is None else source.name
    result = dataclasses.replace(result, name=name)
    # (the entry as the file writes it, its invisible characters as escapes: "removed Tech News"
    # said nothing of which of four look-alikes went, r47 L5)
    written = source.written if source is not None else ""
    spelled = visible_name(written if written and name_key(written) == name_key(name) else name)
    text = result.summary().replace(f"removed {name}", f"removed {spelled}{where}", 1)
    if result.kept_starred:
        text += " (--purge deletes them)"
        if unsubscribed:  # (FreshRSS drops a feed's items with it, starred too: r42 L10)
            text += f"; they stay here only: {unsubscribed} may drop them with the subscription"
    data = {  # as fetch's row for a removed source, every key always there (r43 M6)
        "source": name,
        "removed": True,
        "deleted": result.deleted,
        "kept_starred": result.kept_starred,
        "unsubscribed": unsubscribed,
    }
    return emit(args, data, text)


def _remove_tag(args: argparse.Namespace, library: Library, config: Config) -> int:
    """`newstui remove --tag TAG [--yes]`: every source of a tag, after asking on a terminal
    (user test r47 M1: a folder of 600 feeds took 600 commands)."""
    from newstui.tag_removal import remove_tagged, tagged_sources

    if not args.tag.strip():  # (`--tag ""`: no tag holds every source)
        raise NewstuiError("remove --tag: give the name of a tag (see `newstui feeds`)")
    tagged = tagged_sources(library, config, args.tag)
    if tagged is None:
        raise NewstuiError(
            f"{config.path}: no source is tagged {args.tag!r}"
            f"{meant_tag(library, config, args.tag)} (see `newstui feeds`)",
            source=args.tag,
        )
    question = tagged.question(config.path.name, purge=args.purge)
    if not args.yes:
        if args.json or not sys.stdin.isatty():
            raise NewstuiError(
                f"remove --tag: not removed: it asks on a terminal, elsewhere add --yes ({question})"
            )
        try:
            answer = input(f"{question} [y/N] ")
        except EOFError:  # Ctrl-D: no (it was a traceback, review r48)
            answer = ""
            print(file=sys.stderr)  # (the prompt's line ended)
        if answer.strip().lower() not in ("y", "yes"):
            stderr_console().print(safe_cell("Nothing removed."), soft_wrap=True)
            return 1
    done = remove_tagged(library, config, tagged, purge=args.purge)
    kept = {name_key(name) for name in done.not_removed}
    data = {
        "tag": done.tag,
        "removed": [name for name in tagged.names if name_key(name) not in kept],
        "deleted": done.deleted,
        "kept_starred": done.kept_starred,
        "unsubscribed": done.unsubscribed,
        # a server's refusal partway: the subscriptions it still lists, kept here, and why
        "not_removed": list(done.not_removed),
        "refused": done.refused,
        # sources also in another folder: they stay, the folder's tags taken off (r47 M5)
        "stayed": [s.name for s in tagged.staying],
    }
    summary = done.summary(str(config.path))
    if not done.not_removed:
        return emit(args, data, summary)
    emit(args, data)
    if not args.json:
        complain(f"newstui remove: {summary}")
    return 1


class FeedChoiceError(NewstuiError):
    """A page links to several feeds and no one is there to choose: the candidates go with it."""

    def __init__(self, message: str, choices: Sequence[FeedLink], source: str) -> None:
        super().__init__(message, source=source)
        self.choices = tuple(choices)


def _feed_behind(
    url: str, config: Config, args: argparse.Namespace
) -> tuple[str, FeedAnswer | None]:
    """The feed to add for `url`: itself when it is not a web page (with its answer, fetched
    once), else the feed the page links to (`<link rel="alternate">`); with several, the user
    picks one on a terminal, and anywhere else the command fails listing them (pass the feed's
    URL instead)."""
    from newstui.sources.discovery import FeedAnswer
    from newstui.subscribe import feeds_behind, feeds_to_add

    try:
        links = feeds_behind(url, config)
    except SourceError as exc:  # a page announcing no feed
        raise SourceError(str(exc), source=url) from None
    if isinstance(links, FeedAnswer):
        return url, links
    links = feeds_to_add(url, links, config)  # those listed already are no choice
    if len(links) == 1:
        chosen = links[0]
    elif sys.stdin.isatty() and not args.json:
        chosen = _ask_which_feed(url, links)
    else:
        raise FeedChoiceError(
            f"{url}: this page links to {len(links)} feeds; add one of them by its URL",
            links,
            url,
        )
    if not args.json:
        label = f" ({chosen.title})" if chosen.title else ""
        print_note(
            f"{hide_url_password(url)} links to the {chosen.kind} feed "
            f"{hide_url_password(chosen.url)}{hide_passwords(label)}"
        )
    return chosen.url, None


def _report_feed_choice(exc: FeedChoiceError, args: argparse.Namespace) -> int:
    """The error for a page with several feeds: one line, then a line per feed to add."""
    from rich.text import Text

    if args.json:
        feeds = [{"url": f.url, "title": f.title, "kind": f.kind} for f in exc.choices]
        print_json_error(str(exc), "input", exc.source, feeds=feeds)
    else:
        import shlex  # its import compiles a pattern: only this message needs it

        complain(f"newstui: {exc}:")
        for link in exc.choices:
            title = f"{link.title} " if link.title else ""
            line = Text.assemble(
                "  ",
                safe_cell(f"newstui add {shlex.quote(link.url)}"),
                "    ",
                safe_cell(f"# {title}({link.kind})"),
            )
            with contextlib.suppress(OSError):
                stderr_console().print(line, soft_wrap=True)
    return EXIT_FAILED


def _feed_line(link: FeedLink) -> str:
    title = f"{link.title} " if link.title else ""
    return f"{title}({link.kind}) {hide_url_password(link.url)}"


def _ask_which_feed(url: str, links: Sequence[FeedLink]) -> FeedLink:
    """Ask on the terminal which of a page's feeds to add (Enter: the first)."""
    from rich.text import Text

    stderr_console().print(
        safe_cell(f"{hide_url_password(url)} links to {len(links)} feeds:"), soft_wrap=True
    )
    for n, link in enumerate(links, 1):
        stderr_console().print(
            Text.assemble(f"  {n}. ", safe_cell(_feed_line(link))), soft_wrap=True
        )
    while True:
        try:
            answer = input(f"Add which feed? [1-{len(links)}, Enter: 1, q: none] ").strip()
        except EOFError:
            answer = "q"
        if answer.lower() in ("q", "quit"):
            raise NewstuiError(f"{url}: nothing added", source=url)
        if not answer:
            return links[0]
        if answer.isdigit() and 1 <= int(answer) <= len(links):
            return links[int(answer) - 1]
        stderr_console().print(Text(f"type a number from 1 to {len(links)}, or q"))


def cmd_add(args: argparse.Namespace, library: Library, config: Config) -> int:
    """`newstui add URL`: fetch the feed and, when it reads, add it to the config (comments kept)."""
    from newstui.subscribe import add_feed, feed_address, has_articles, not_a_feed_url

    typed = args.url.strip()
    url = feed_address(typed)  # (feed://, a space in the path: as `opml import` reads them)
    if url is None:
        raise NewstuiError(not_a_feed_url(typed), source=hide_url_password(args.url))
    if url != typed and not args.json:
        print_note(hide_passwords(f"reading {typed} as {url}"))
    try:
        url, answer = _feed_behind(url, config, args)
    except FeedChoiceError as exc:
        return _report_feed_choice(exc, args)
    if config.sync is not None and not getattr(args, "here", False):
        return _add_on_server(args, library, config, url)
    added = add_feed(library, config, url, args.name, tuple(args.tag), answer=answer)
    if not args.json:
        yet = "" if has_articles(added.outcome) else ": no article yet"  # a new blog or podcast
        if added.kept and not has_articles(added.outcome):  # (a restored backup's: r47 M6)
            yet = f": {counted(added.kept, 'article')} kept"
        print_note(f"added {added.entry.name} to {config.path}{yet}")
    queued = list(added.queued)  # ([settings] download_new: its newest episodes)
    status = report_outcomes([added.outcome], args, library=library, config=config, episodes=queued)
    if not args.json:
        say_filtered_and_queued([], queued)
    return status


def cmd_import(args: argparse.Namespace, library: Library, config: Config | None) -> int:
    """`newstui import PATH...`."""
    from newstui.ingest.local_import import import_paths

    outcomes = import_paths(
        library,
        [p.expanduser() for p in args.paths],
        name=args.name,
        tags=tuple(args.tag) if args.tag else None,  # none given: a re-import keeps the old ones
        extractor=config.settings.extractor if config is not None else "rules",
        max_bytes=config.settings.max_bytes if config is not None else 0,
    )
    return report_outcomes(outcomes, args, library=library, config=config)


def _unsubscribe_on_server(
    library: Library, config: Config, feed_id: int | None, name: str
) -> str | None:
    """Unsubscribe a source that is a sync server subscription (before anything here changes);
    returns the server's URL, or None when the source is not on a server."""
    import asyncio

    from newstui.sync.run import unsubscribe_source

    if feed_id is None:
        return None
    try:
        return asyncio.run(unsubscribe_source(library, config, feed_id))
    except NewstuiError as exc:
        raise NewstuiError(f"{name}: not removed: {exc}", source=name) from None


def _tags_left_out(tags: Sequence[str]) -> list[str]:
    """The `--tag`s after the first that a sync server keeps no place for: a Google Reader
    server's feed is in one folder (FreshRSS and Miniflux take one category; the next sync
    gives the feed the server's folders and no other: user test r50 LOW-22)."""
    kept = {name_key(tags[0])} if tags else set()
    left = []
    for tag in tags[1:]:
        if name_key(tag) not in kept:
            kept.add(name_key(tag))
            left.append(tag)
    return left


def _add_on_server(args: argparse.Namespace, library: Library, config: Config, url: str) -> int:
    """`add URL` with [sync]: subscribe on the server (first tag as its folder), then sync."""
    import asyncio

    from newstui.ingest.server_sync import sync_with_server
    from newstui.subscribe import subscribe_on_server
    from newstui.sync.client import server_name

    sync = config.sync
    assert sync is not None
    folder = args.tag[0] if args.tag else None
    with about_source(hide_passwords(sync.url)):
        subscribe_on_server(library, config, url, args.name, folder)
    if not args.json:
        print_note(hide_passwords(f"subscribed to {url} on {server_name(sync.url)}"))
    if left := _tags_left_out(args.tag):
        complain(
            hide_passwords(
                f"warning: {'tag' if len(left) == 1 else 'tags'} {listed(left, 5)} not kept: "
                f"{server_name(sync.url)} files a feed in one folder, and {url} is in {folder}"
            )
        )
    before = library.last_article_id()  # (what is stored after it is new: download_new)
    synced = asyncio.run(sync_with_server(library, config))
    outcomes = [synced[0]] if synced else []
    queued = queue_wanted_episodes(library, config, before)
    status = report_outcomes(outcomes, args, episodes=queued)
    if not args.json:
        say_filtered_and_queued([], queued)
    return status
