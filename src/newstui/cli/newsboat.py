"""What `opml import` of a newsboat urls file brings along: its config's settings and kill file,
its podboat queue and its cache's read and starred marks."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newstui.cli.config_file import about_source
from newstui.cli.output import complain
from newstui.counts import counted
from newstui.errors import SourceError
from newstui.library import Library

if TYPE_CHECKING:
    # the config (tomllib, its dataclasses): by the commands that read or edit it
    from newstui.config import Config, FeedConfig, KeysConfig, LocalConfig
    from newstui.config.settings_edits import SettingsAdded
    from newstui.model.marks import MarksTaken
    from newstui.sources.newsboat_cache import NewsboatState
    from newstui.sources.newsboat_config import IgnoreRule, NewsboatConfig, PodboatQueue


def imported_newsboat_config(args: argparse.Namespace, keys: KeysConfig) -> NewsboatConfig | None:
    """newsboat's config for an import of its urls file (None for an OPML file, or none)."""
    from newstui.sources.bounded_files import SUBSCRIPTION_FILE_BYTES, read_bounded
    from newstui.sources.newsboat_cache import newsboat_cache, newsboat_config
    from newstui.sources.newsboat_config import read_newsboat_config
    from newstui.sources.newsboat_urls import looks_like_newsboat_urls

    with about_source(str(args.file)):
        if not looks_like_newsboat_urls(read_bounded(args.file, SUBSCRIPTION_FILE_BYTES)):
            return None
    found = newsboat_config(args.file, args.newsboat_cache or newsboat_cache(args.file))
    if found is None:
        return None
    path, text = found
    from newstui.sources.newsboat_cache import newsboat_star_flag

    taken = {key: binding.id for binding in keys.bindings for key in binding.keys}
    star = newsboat_star_flag(args.file, args.newsboat_cache, args.star_flag)
    return read_newsboat_config(path, text, star, taken)


def add_newsboat_settings(config: Config, newsboat: NewsboatConfig) -> SettingsAdded:
    """The settings and bind-keys of newsboat's config that say what newstui's do, written to
    feeds.toml's [settings] and [keys] but for those it sets already (user test r48 M4); under
    the emacs preset no key (the app's own keys are the vim preset's)."""
    from newstui.config.settings_edits import add_settings

    settings = [(s.key, s.value) for s in newsboat.settings]
    keys: dict[str, list[str]] = {}
    if config.keys.preset == "vim":
        for bound in newsboat.keys:
            keys.setdefault(bound.binding_id, []).append(bound.key)
    with about_source(str(config.path)):
        return add_settings(config.path, settings, keys)


def _toml_value(value: object) -> str:
    """A setting's value as feeds.toml writes it: `60`, `false`, `"w3m %u"`."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str | list) else str(value)


def _settings_said(config: Config, newsboat: NewsboatConfig, added: SettingsAdded) -> str:
    """One line of what newsboat's config wrote to feeds.toml and what it left as it was."""
    parts = []
    if added.written:
        example = dict(added.replaced)  # a value the shipped example set, not the user
        values = ", ".join(
            f"{k} = {_toml_value(v)}"
            + (f" (was the example's {_toml_value(example[k])})" if k in example else "")
            for k, v in added.written
        )
        parts.append(f"[settings] {values}")
    if added.keys_written:
        values = ", ".join(
            f'"{i}" = {_toml_value(k[0] if len(k) == 1 else list(k))}'
            for i, k in added.keys_written
        )
        parts.append(f"[keys] {values}")
    said = f"{config.path}: from newsboat's config, written: {'; '.join(parts) or 'nothing'}"
    kept = [f"{k} = {_toml_value(yours)}" for k, _, yours in added.kept]
    kept += [f'"{i}"' for i, _ in added.keys_kept]
    if kept:
        said += f"; kept yours: {', '.join(kept)}"
    if newsboat.keys_already:
        said += f"; {counted(len(newsboat.keys_already), 'bind-key line')} newstui does already"
    return said


def add_ignore_rules(config: Config, rules: Sequence[IgnoreRule]) -> list[tuple[str, str]]:
    """newsboat's ignore-article rules newstui can say, added as hide `[[filters]]` entries
    (but for a query a filter has already); the (name, query) pairs added."""
    from newstui.config.query_edits import add_hide_filters

    # named by the rule, as newsboat's config writes it: its line number meant nothing in
    # `newstui filters` (user test r41 L6)
    wanted = [(f"newsboat ignore-article: {r.written}", r.query) for r in rules if r.query]
    if not wanted:
        return []
    with about_source(str(config.path)):
        return add_hide_filters(config.path, wanted)


def imported_podboat_queue(args: argparse.Namespace, library: Library) -> PodboatQueue | None:
    """podboat's queue beside the urls file imported (user test r48 L15: not read, unsaid); the
    files it downloaded, still there, noted so that `d` takes each over (r52 LOW-7). Read
    whether or not newsboat has a config file (on its defaults it has none: review r52 MED-2);
    None for an OPML file."""
    from newstui.sources.bounded_files import SUBSCRIPTION_FILE_BYTES, read_bounded
    from newstui.sources.newsboat_cache import newsboat_cache
    from newstui.sources.newsboat_config import podboat_queue
    from newstui.sources.newsboat_urls import looks_like_newsboat_urls

    with about_source(str(args.file)):
        if not looks_like_newsboat_urls(read_bounded(args.file, SUBSCRIPTION_FILE_BYTES)):
            return None
    queue = podboat_queue(args.file.parent, args.newsboat_cache or newsboat_cache(args.file))
    if queue is not None and queue.downloaded:
        library.downloads.remember_files(queue.downloaded)
    return queue


def podboat_queue_said(queue: PodboatQueue) -> str | None:
    """The note on podboat's queue: its episodes still to download, named (the first three),
    and those downloaded that `d` takes as they are; None when it holds neither."""
    said = []
    if queue.waiting:
        names = queue.waiting_names
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3:,} more" if len(names) > 3 else "")
        said.append(
            f"podboat's queue holds {counted(len(names), 'episode')} to download, not carried "
            f"over: {shown}; after `newstui fetch`, `d` on each (or `newstui download ID`) "
            "downloads it"
        )
    if queue.downloaded:
        n = len(queue.downloaded)
        said.append(
            f"{counted(n, 'episode')} podboat downloaded {'is' if n == 1 else 'are'} taken as "
            f"{'it is' if n == 1 else 'they are'}: `d` on {'it' if n == 1 else 'one'} lists "
            "its file, not a second copy"
        )
    return f"{queue.path}: {'; '.join(said)}" if said else None


def _say_newsboat_settings(config: Config, newsboat: NewsboatConfig, added: SettingsAdded) -> None:
    """A line for each setting or bind-key not written and why, then one of what was."""
    for warning in newsboat.warnings:
        complain(f"warning: {warning}")
    for key, problem in added.refused:
        complain(f"warning: {newsboat.path}: {key} not written: {problem}")
    if newsboat.keys and config.keys.preset != "vim":
        complain(
            f"warning: {newsboat.path}: {counted(len(newsboat.keys), 'bind-key line')} not "
            f"written: feeds.toml's [keys] preset is {config.keys.preset}"
        )
    if newsboat.settings or newsboat.keys or newsboat.keys_already:
        complain(_settings_said(config, newsboat, added))


def say_newsboat_config(
    newsboat: NewsboatConfig,
    added: list[tuple[str, str]],
    config: Config,
    settings: SettingsAdded | None,
) -> None:
    """One line for each ignore-article rule (a hide filter now, or why not), the settings and
    keys written (and those not, one line each), one naming the settings newstui does not take."""
    queries = {query for _, query in added}
    for rule in newsboat.rules:
        place = f"{rule.path or newsboat.path}:{rule.line}"
        if rule.query is None:
            complain(
                f"warning: {place}: ignore-article rule not taken: {rule.written} (newstui's "
                "queries cannot say it; write a [[filters]] entry by hand: README, Coming from "
                "newsboat)"
            )
        elif rule.query in queries:
            complain(f"{place}: ignore-article rule added as a hide filter: {rule.query}")
        else:
            complain(f"{place}: ignore-article rule already a filter: {rule.query}")
    if settings is not None:
        _say_newsboat_settings(config, newsboat, settings)
    if newsboat.not_taken:
        complain(f"note: {newsboat.path}: not taken: {'; '.join(newsboat.not_taken)}")


def newsboat_state(
    args: argparse.Namespace,
    feeds: list[FeedConfig],
    local: list[LocalConfig],
    config: Config,
    library: Library,
) -> NewsboatState | None:
    """The read state in newsboat's cache for an import of its urls file (the cache beside it,
    or --newsboat-cache), keyed by the URLs the config will list (their guids resolved as the
    library's last fetch of each read it), a `file://` feed's by the [[local]] source it
    becomes (`local`: the file's added now); None for an OPML file, with --no-read-state, or
    when there is no cache."""
    from newstui.config import url_identity
    from newstui.ingest.configured_sources import local_key
    from newstui.sources.bounded_files import SUBSCRIPTION_FILE_BYTES, read_bounded
    from newstui.sources.newsboat_cache import (
        newsboat_cache,
        newsboat_star,
        read_newsboat_state,
    )
    from newstui.sources.newsboat_urls import looks_like_newsboat_urls
    from newstui.sources.urls import local_file_of

    if args.no_read_state:
        return None
    cache = args.newsboat_cache
    if cache is None:
        with about_source(str(args.file)):
            if not looks_like_newsboat_urls(read_bounded(args.file, SUBSCRIPTION_FILE_BYTES)):
                return None
        cache = newsboat_cache(args.file)
        if cache is None:
            return None
    elif not cache.is_file():
        raise SourceError(
            f"{cache}: no such file (--newsboat-cache names newsboat's cache.db)", source=str(cache)
        )
    # newsboat's feed URL as the config spells it: a feed there already keeps its spelling
    urls = {url_identity(f.url): f.url for f in reversed([*config.feeds, *feeds])}
    files = {local_key(s.path) for s in [*config.local, *local]}
    fetched = {url_identity(key): at for key, at in library.feeds_read_from().items()}

    def feed_url_of(url: str) -> str | None:
        if (file := local_file_of(url)) is not None:  # (user test r41: their marks were lost)
            return key if (key := local_key(file)) in files else None
        return urls.get(url_identity(url))

    star = newsboat_star(args.file, cache, args.star_flag)
    state = read_newsboat_state(
        cache,
        star.letter if star else None,
        feed_url_of,
        lambda url: fetched.get(url_identity(url)),
    )
    return dataclasses.replace(state, star=star)


def read_state_said(state: NewsboatState, taken: MarksTaken) -> str:
    """The summary's part on newsboat's read state: "; 412 read and 2 starred marks from
    cache.db (120 given now, 294 waiting for their articles' first fetch, 0 …)": given,
    waiting, on their articles already and not given add up to the marks brought (user test
    r52 HIGH-1: "3 starred", 1 given, 0 waiting, and 2 vanished)."""
    read, starred = taken.read, taken.starred
    given, waiting = read.given + starred.given, read.waiting + starred.waiting
    said = f"; {counted(read.total, 'read mark')}"
    if starred.total:
        said += f" and {starred.total:,} starred"
        if state.star is not None:  # (which flag, and why: user test r52 MED-1)
            said += f' (flag "{state.star.letter}": {state.star.why})'
    said += f" from {state.cache} ({given:,} given now, {waiting:,} waiting for their "
    said += "articles' first fetch"
    if there := read.there + starred.there:
        said += f", {there:,} on their articles already"
    if undone := read.undone + starred.undone:
        which = " or ".join(
            what for n, what in ((read.undone, "marked unread"), (starred.undone, "unstarred")) if n
        )
        said += (
            f"; {undone:,} not given: an earlier import gave {'it' if undone == 1 else 'them'} "
            f"and {'its article was' if undone == 1 else 'their articles were'} {which} since"
        )
    if state.deleted:
        said += f"; {state.deleted:,} newsboat deleted come in read"
    return said + ")"


def flags_not_starred(state: NewsboatState) -> str | None:
    """The warning for the articles of newsboat's cache flagged but not starred, with the way
    to star them (`--star-flag`, the letter they use most), or None when there are none."""
    if not state.flagged:
        return None
    flagged = counted(state.flagged, "flagged article")
    letter = state.other_flags[0] if state.other_flags else "s"
    if state.star is not None:
        return (
            f"{state.cache}: {flagged} not starred: flagged with other letters than "
            f'"{state.star.letter}", the star ({state.star.why})'
        )
    return (
        f"{state.cache}: {flagged} not starred: newsboat's flags mean nothing of their own; "
        f"`newstui opml import --star-flag {letter} FILE` takes the one you star by (run again, "
        "it gives the stars; README: Coming from newsboat)"
    )
