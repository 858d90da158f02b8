"""What an import of newsboat's urls file brings beside its feeds: its cache's read and starred
marks, its config's settings, bind-keys and ignore-article rules, podboat's queue, and the facts
a summary says of each. `newstui opml import` and the app's `I` both go through here."""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newstui.counts import counted
from newstui.errors import NewstuiError, SourceError

if TYPE_CHECKING:
    from pathlib import Path  # a Path is handed in; loading pathlib costs `show` ~17M instructions

    # the config (tomllib, its dataclasses): read by an import, never at start
    from newstui.config import Config, FeedConfig, KeysConfig, LocalConfig
    from newstui.config.settings_edits import SettingsAdded
    from newstui.library import Library
    from newstui.model.marks import MarksTaken
    from newstui.sources.newsboat_cache import NewsboatState
    from newstui.sources.newsboat_config import IgnoreRule, NewsboatConfig, PodboatQueue


@dataclass(frozen=True)
class NewsboatFiles:
    """Where an import finds newsboat's other files: its urls file (`urls`: the list imported,
    which may be an OPML file), the cache named (`--newsboat-cache`; None: found beside it),
    the flag named as the star (`--star-flag`), and whether read marks come at all."""

    urls: Path
    cache: Path | None = None
    star_flag: str | None = None
    read_state: bool = True


@contextlib.contextmanager
def _about(source: str) -> Iterator[None]:
    """An error raised inside names `source` (for --json), unless it names one already."""
    try:
        yield
    except NewstuiError as exc:
        exc.source = exc.source or source
        raise


def is_newsboat_urls(path: Path) -> bool:
    """Whether `path` is newsboat's urls file (not an OPML file); an unreadable one raises the
    OSError that says why, as the import's read of it did."""
    from newstui.sources.bounded_files import SUBSCRIPTION_FILE_BYTES, read_bounded
    from newstui.sources.newsboat_urls import looks_like_newsboat_urls

    with _about(str(path)):
        return looks_like_newsboat_urls(read_bounded(path, SUBSCRIPTION_FILE_BYTES))


def newsboat_config_of(files: NewsboatFiles, keys: KeysConfig) -> NewsboatConfig | None:
    """newsboat's config for an import of its urls file (None for an OPML file, or none)."""
    from newstui.sources.newsboat_cache import newsboat_cache, newsboat_config, newsboat_star_flag
    from newstui.sources.newsboat_config import read_newsboat_config

    if not is_newsboat_urls(files.urls):
        return None
    found = newsboat_config(files.urls, files.cache or newsboat_cache(files.urls))
    if found is None:
        return None
    path, text = found
    taken = {key: binding.id for binding in keys.bindings for key in binding.keys}
    star = newsboat_star_flag(files.urls, files.cache, files.star_flag)
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
    with _about(str(config.path)):
        return add_settings(config.path, settings, keys)


def add_ignore_rules(config: Config, rules: Sequence[IgnoreRule]) -> list[tuple[str, str]]:
    """newsboat's ignore-article rules newstui can say, added as hide `[[filters]]` entries
    (but for a query a filter has already); the (name, query) pairs added."""
    from newstui.config.query_edits import add_hide_filters

    # named by the rule, as newsboat's config writes it: its line number meant nothing in
    # `newstui filters` (user test r41 L6)
    wanted = [(f"newsboat ignore-article: {r.written}", r.query) for r in rules if r.query]
    if not wanted:
        return []
    with _about(str(config.path)):
        return add_hide_filters(config.path, wanted)


def hide_stored(library: Library, config: Config, added: list[tuple[str, str]]) -> int:
    """Run the config's filters over the stored articles now, as `newstui filters` does, so
    the hide filters an import just added hide what they match at once; how many articles
    those matched (user test r52 LOW-12: they stayed listed unread until the next fetch)."""
    from newstui.config import load_config
    from newstui.ingest.filter_run import apply_filters

    queries = {query for _, query in added}
    with _about(str(config.path)):
        ran = apply_filters(library, load_config(config.path))
    return sum(n for entry, n in ran if entry.query in queries and entry.action == "hide")


def imported_podboat_queue(files: NewsboatFiles, library: Library) -> PodboatQueue | None:
    """podboat's queue beside the urls file imported (user test r48 L15: not read, unsaid); the
    files it downloaded, still there, noted so that `d` takes each over (r52 LOW-7). Read
    whether or not newsboat has a config file (on its defaults it has none: review r52 MED-2);
    None for an OPML file."""
    from newstui.sources.newsboat_cache import newsboat_cache
    from newstui.sources.newsboat_config import podboat_queue

    if not is_newsboat_urls(files.urls):
        return None
    queue = podboat_queue(files.urls.parent, files.cache or newsboat_cache(files.urls))
    if queue is not None and queue.downloaded:
        library.downloads.remember_files(queue.downloaded)
    return queue


def newsboat_cache_of(files: NewsboatFiles) -> Path | None:
    """The cache whose marks an import takes: the one named (which must be a file), else the
    one beside a newsboat urls file; None for an OPML file, with --no-read-state, or none."""
    from newstui.sources.newsboat_cache import newsboat_cache

    if not files.read_state:
        return None
    if files.cache is None:
        return newsboat_cache(files.urls) if is_newsboat_urls(files.urls) else None
    if not files.cache.is_file():
        raise SourceError(
            f"{files.cache}: no such file (--newsboat-cache names newsboat's cache.db)",
            source=str(files.cache),
        )
    return files.cache


def newsboat_state(
    files: NewsboatFiles,
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
    from newstui.sources.newsboat_cache import newsboat_star, read_newsboat_state
    from newstui.sources.urls import local_file_of

    cache = newsboat_cache_of(files)
    if cache is None:
        return None
    # newsboat's feed URL as the config spells it: a feed there already keeps its spelling
    urls = {url_identity(f.url): f.url for f in reversed([*config.feeds, *feeds])}
    paths = {local_key(s.path) for s in [*config.local, *local]}
    fetched = {url_identity(key): at for key, at in library.feeds_read_from().items()}

    def feed_url_of(url: str) -> str | None:
        if (file := local_file_of(url)) is not None:  # (user test r41: their marks were lost)
            return key if (key := local_key(file)) in paths else None
        return urls.get(url_identity(url))

    star = newsboat_star(files.urls, cache, files.star_flag)
    state = read_newsboat_state(
        cache,
        star.letter if star else None,
        feed_url_of,
        lambda url: fetched.get(url_identity(url)),
    )
    return dataclasses.replace(state, star=star)


@dataclass(frozen=True)
class NewsboatBrought:
    """What an import of newsboat's urls file did with its config and podboat's queue: the
    config read (None: none, or an OPML file), the hide filters its ignore-article rules became
    and the stored articles they hid now, the settings and keys written, the queue read."""

    newsboat: NewsboatConfig | None
    filters: list[tuple[str, str]]  # (name, query) added
    hidden: int
    settings: SettingsAdded | None
    queue: PodboatQueue | None

    @property
    def rules(self) -> tuple[IgnoreRule, ...]:
        """The ignore-article rules of newsboat's config (and the files it includes)."""
        return self.newsboat.rules if self.newsboat else ()

    @property
    def rules_clause(self) -> str:
        """The summary's part on the ignore-article rules: "; 3 ignore-article rules added as
        hide filters, 1 not taken (2 stored articles hidden by them)", else ""."""
        rules = self.rules
        if not rules:
            return ""
        sayable = [r for r in rules if r.query is not None]
        text = f"; {counted(len(self.filters), 'ignore-article rule')} added as hide filters"
        if len(self.filters) < len(sayable):
            text += f" ({len(sayable) - len(self.filters):,} already there)"
        if len(sayable) < len(rules):
            text += f", {len(rules) - len(sayable):,} not taken"
        if self.hidden:  # (user test r52 LOW-12: listed unread until the next fetch)
            text += f" ({counted(self.hidden, 'stored article')} hidden by them)"
        return text


def bring_newsboat_config(
    files: NewsboatFiles, config: Config, library: Library
) -> NewsboatBrought:
    """After the feeds of newsboat's urls file are written: its config's ignore-article rules
    as hide filters (run over the stored articles at once), its settings and bind-keys into
    [settings] and [keys] where feeds.toml has none, and podboat's queue (its downloaded
    episodes taken as they are). Nothing for an OPML file."""
    newsboat = newsboat_config_of(files, config.keys)
    filters = add_ignore_rules(config, newsboat.rules) if newsboat else []
    hidden = hide_stored(library, config, filters) if filters else 0
    settings = add_newsboat_settings(config, newsboat) if newsboat else None
    queue = imported_podboat_queue(files, library)  # (with no config too)
    return NewsboatBrought(newsboat, filters, hidden, settings, queue)


def toml_value(value: object) -> str:
    """A setting's value as feeds.toml writes it: `60`, `false`, `"w3m %u"`."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str | list) else str(value)


def settings_said(config: Config, newsboat: NewsboatConfig, added: SettingsAdded) -> str:
    """One line of what newsboat's config wrote to feeds.toml and what it left as it was."""
    parts = []
    if added.written:
        example = dict(added.replaced)  # a value the shipped example set, not the user
        values = ", ".join(
            f"{k} = {toml_value(v)}"
            + (f" (was the example's {toml_value(example[k])})" if k in example else "")
            for k, v in added.written
        )
        parts.append(f"[settings] {values}")
    if added.keys_written:
        values = ", ".join(
            f'"{i}" = {toml_value(k[0] if len(k) == 1 else list(k))}' for i, k in added.keys_written
        )
        parts.append(f"[keys] {values}")
    said = f"{config.path}: from newsboat's config, written: {'; '.join(parts) or 'nothing'}"
    kept = [f"{k} = {toml_value(yours)}" for k, _, yours in added.kept]
    kept += [f'"{i}"' for i, _ in added.keys_kept]
    if kept:
        said += f"; kept yours: {', '.join(kept)}"
    if newsboat.keys_already:
        said += f"; {counted(len(newsboat.keys_already), 'bind-key line')} newstui does already"
    return said


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


def not_taken_count(
    config: Config, brought: NewsboatBrought, state: NewsboatState | None, skipped: int
) -> int:
    """How many things of newsboat's an import left behind, each a line the command says: its
    config's settings and lines newstui has no way for (a phrase each), refused settings and
    keys, ignore-article rules no query says, flagged articles not starred, podboat's episodes
    still to download, and the urls file's lines skipped (`skipped`)."""
    newsboat, settings = brought.newsboat, brought.settings
    count = skipped + sum(r.query is None for r in brought.rules)
    if newsboat is not None:
        count += len(newsboat.not_taken) + len(newsboat.warnings)
        count += bool(newsboat.keys) and config.keys.preset != "vim"
    if settings is not None:
        count += len(settings.refused)
    if state is not None and state.flagged:
        count += 1
    if brought.queue is not None and brought.queue.waiting:
        count += 1
    return count


def brought_said(
    taken: MarksTaken | None, brought: NewsboatBrought, flat_layout: bool = False, later: str = ""
) -> str:
    """The app's few words on what came with newsboat's feeds, the parts there are: "10 read
    marks, 3 stars, flat Sources, 4 settings and 6 keys (at restart), 3 hide filters, 1 podboat
    download" (`flat_layout`: the import wrote `sources_layout = "flat"`, which Sources takes at
    once; `later`: said after the settings and keys, which the running app takes only when it
    starts next: review r53 F4); "" when nothing came."""
    parts = []
    if taken is not None and taken.read.total:
        parts.append(counted(taken.read.total, "read mark"))
    if taken is not None and taken.starred.total:
        parts.append(counted(taken.starred.total, "star"))
    if flat_layout:  # (named: Sources changed under the user's eyes)
        parts.append("flat Sources")
    settings = brought.settings
    waiting = []
    if settings is not None and settings.written:
        waiting.append(counted(len(settings.written), "setting"))
    if settings is not None and (count := sum(len(k) for _, k in settings.keys_written)):
        waiting.append(counted(count, "key"))
    if waiting:
        parts.append(" and ".join(waiting) + later)
    if brought.filters:
        parts.append(counted(len(brought.filters), "hide filter"))
    if brought.queue is not None and brought.queue.downloaded:
        parts.append(counted(len(brought.queue.downloaded), "podboat download"))
    return ", ".join(parts)


def marks_left_out(error: SourceError) -> str:
    """The app's warning for newsboat's cache that does not read (damaged, another program's,
    locked by newsboat): the command stops there, naming its options (`--no-read-state`); the
    app, which has none, imports the rest without the cache's marks and says so."""
    from newstui.sources.newsboat_cache import ESCAPES

    said = str(error).removesuffix(f"; nothing imported ({ESCAPES})")
    return f"{said}; the feeds imported without its read marks and stars (import again to add them)"
