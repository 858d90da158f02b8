"""The config's sources in the store: their stored keys, registering them, setting aside those
that left the config (and deleting them after a grace), moving a feed whose URL was edited."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newstui.config import Config, FeedConfig, load_config
from newstui.errors import NewstuiError, hide_passwords, hide_url_password
from newstui.library import Library
from newstui.model import FeedRow, RemovedSource, SourceSpec
from newstui.model.names import name_key


def feed_key(feed: FeedConfig) -> str:
    """The stored identity of a configured feed."""
    return feed.url


def listed_names(rows: Iterable[FeedRow]) -> dict[str, str]:
    """The stored feeds' names by their URL (listed_name's `listed`)."""
    return {row.url: row.name for row in rows if row.url}


def listed_name(feed: FeedConfig, listed: Mapping[str, str]) -> str:
    """The one name a feed goes by, in Sources, the refresh line, `fetch`'s lines, `feeds` and
    `list`: the `name` feeds.toml gives it, else its own title once fetched (the store names
    it so), else the host of the web site its document or OPML names (model.names.site_name,
    stored so too), else its address without the scheme (model.names.url_name); a title or
    host another source goes by already is not taken. `listed`: the stored feeds' names by URL
    (listed_names)."""
    return feed.name if feed.named else listed.get(feed.url, feed.name)


def listed_name_at(config: Config, url: str, listed: Mapping[str, str]) -> str:
    """The one name (listed_name) of the config's `[[feeds]]` entry at `url`, "" when it has
    none: what a line says of the entry a feed moved to, or an `add` finds there already (user
    test r50 LOW-8: they said its address, which Sources and `feeds` list by its title)."""
    feed = config.feed_at(url)
    return listed_name(feed, listed) if feed is not None else ""


class TitleNames:
    """The names feeds without `name` go by once a fetch's records are stored, by the store's
    own rule (model.names.document_names: the title, else the web site's host, the first no
    other listed source goes by; the stored ones where this fetch read none), so the fetch's
    own lines name a feed as `feeds` lists it right after (user test r50 LOW-1; review r50
    LOW-3: a feed once titled Foo, served untitled, was `harbour.org` in the lines and Foo in
    `feeds`). `names`: the listed sources' names by id before the fetch
    (Library.source_names); `documents`: their stored titles and web sites
    (Library.source_documents)."""

    def __init__(
        self,
        names: Mapping[int, str],
        documents: Mapping[int, tuple[str | None, str | None]] | None = None,
    ) -> None:
        self._names = names
        self._documents = documents or {}
        self._holders: dict[str, set[int]] | None = None  # name key → ids going by it

    def after_fetch(self, feed_id: int, title: str, name: str, site_url: str | None = None) -> str:
        """The name of feed `feed_id` (`name` before) once its fetch's title and web site
        (`site_url`) are stored (a title or site read replaces the stored one)."""
        from newstui.errors import hide_passwords
        from newstui.model.names import document_names

        stored_title, stored_site = self._documents.get(feed_id, (None, None))
        for candidate in document_names(title or stored_title, site_url or stored_site):
            if candidate == name:
                return name
            if self._holders is None:  # (only a fetch that renames: a first one, mostly)
                self._holders = {}
                for source_id, held in self._names.items():
                    self._holders.setdefault(name_key(held), set()).add(source_id)
            holders = self._holders.setdefault(name_key(candidate), set())
            if holders - {feed_id}:
                continue
            holders.add(feed_id)  # (two feeds of one title: the first stored takes it)
            self._holders.get(name_key(name), set()).discard(feed_id)
            return hide_passwords(candidate)
        return name


def stored_name_at(library: Library, config: Config, url: str) -> str:
    """listed_name_at with the name the store lists the entry by, read for that entry alone."""
    feed = config.feed_at(url)
    if feed is None:
        return ""
    entry = None if feed.named else library.listed_entry(feed.url)
    return listed_name(feed, {feed.url: entry[0]} if entry is not None and entry[0] else {})


def local_key(path: Path) -> str:
    """The stored identity of a local file or folder source."""
    return "local:" + path_text(path.resolve())


def path_text(path: Path | str) -> str:
    """A path as storable text: bytes that are not UTF-8 written as \\xNN (unique, no surrogates)."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def sync_sources(library: Library, config: Config) -> dict[str, int]:
    """Register every configured feed and local source (one transaction); returns feed ids by
    source name."""
    specs = _specs(config)
    names = [feed.name for feed in config.feeds] + [local.name for local in config.local]
    return dict(zip(names, library.register_sources(specs), strict=True))


def retag_sources(library: Library, config: Config) -> int:
    """Give the stored sources the folders (tags) and names the config gives them now, without
    a fetch: a `tags` edited by hand is seen by the next `list`, `feeds`, `search` or the app's
    start (user test r49 MED-9: it waited for that feed's next fetch, hours for one failing).
    Only what differs is written (nothing, most times: one read); sources not stored yet wait
    for their first fetch. Returns how many changed."""
    changed = library.sources_config_changed(_specs(config))
    if changed:
        library.register_sources(changed)
    return len(changed)


def _specs(config: Config) -> list[SourceSpec]:
    """The config's feeds and local sources as the store registers them."""
    specs = [
        SourceSpec(
            feed_key(feed),
            feed.name,
            url=feed.url,
            tags=feed.tags,
            configured=True,
            titled=not feed.named,
        )
        for feed in config.feeds
    ]
    specs += [
        SourceSpec(local_key(local.path), local.name, "local", tags=local.tags, configured=True)
        for local in config.local
    ]
    return specs


def list_imported(library: Library, config: Config, imported: Sequence[FeedConfig]) -> None:
    """List the configured sources in the store after an import (as a fetch or the app's start
    does), the web site each imported feed came with kept until its first fetch (OPML's
    htmlUrl: `opml export` writes it back)."""
    sync_sources(library, config)
    library.keep_site_urls([(f.url, f.site) for f in imported if f.site])


def lists_sources(config: Config) -> bool:
    """Whether the config file lists a feed or local source to fetch."""
    return bool(config.feeds or config.local)


LEFT_CONFIG_DAYS = 30  # a source deleted from the config by hand is kept this long


def prune_sources(
    library: Library, config: Config, *, now: datetime | None = None
) -> list[RemovedSource]:
    """Set aside the stored sources that left the config file by hand, and delete those set aside
    LEFT_CONFIG_DAYS ago (starred articles kept) unless the config lists their name.

    A config mistake never loses what is stored: a source set aside keeps its articles, marks,
    full text and downloads, listed nowhere, and comes back whole when its URL does; a feed whose
    name the config gives another URL (its URL was edited) waits for that URL to fetch, and
    move_set_aside then moves them there. One without articles is simply deleted (unsaid when
    the config still lists its name: a mistyped URL that never read). A config that
    lists no source at all sets aside nothing: an emptied or half-written file, or one whose
    feeds all moved to the [sync] server, is no order to drop every feed. With [sync], a source
    that is a server subscription stays: it is the server's (an entry whose url was changed to
    the one the server moved it to is that source again at the sync); without it, one only the
    server's subscriptions made is set aside as leaving the config (user test r35 L7)."""
    if not lists_sources(config):
        return []
    now = now or datetime.now(UTC)
    # (a feed skipped for its url is still listed: what it stored waits for the url's fix)
    feeds = (*config.feeds, *config.skipped_feeds)
    # (and a local source skipped for its name: what it stored waits for its rename)
    local = (*config.local, *config.skipped_local)
    keys = {feed_key(f) for f in feeds} | {local_key(s.path) for s in local}
    renamed = _names_configured(config)
    said: list[RemovedSource] = []
    left = now.replace(microsecond=0).isoformat()
    # (the moment from which a fetch deletes it, in UTC; its lines say the reader's day)
    until = (
        (now + timedelta(days=LEFT_CONFIG_DAYS)).astimezone(UTC).replace(microsecond=0).isoformat()
    )
    gone = library.unconfigured_sources(keys)
    if config.sync is not None:
        gone = [source_id for source_id in gone if library.sync.stream_of(source_id) is None]
    else:  # [sync] taken out: the server's own subscriptions left the config with it
        gone += library.server_only_sources(keys)
    rows = library.sources() if gone else []
    names = {row.id: row.name for row in rows}
    gone = _not_being_added(library, config, gone, {row.id: row.url for row in rows})
    for source_id in gone:
        name = names.get(source_id)
        feed = renamed.get(name_key(name)) if name is not None else None
        kept = library.set_aside_source(source_id, left, url_changed=feed is not None)
        if kept is None or (kept.outcome == "deleted" and feed is not None):
            continue  # (an empty source whose name is listed: a URL tried and left, unsaid)
        if kept.outcome == "deleted":  # no article: nothing to keep
            said.append(kept)
        elif feed is not None:  # its URL edited: kept while the name is listed
            said.append(replace(kept, new_url=hide_url_password(feed.url)))
        else:
            said.append(replace(kept, kept_until=until))
    listed = {name_key(n) for n in [*renamed, *(s.name for s in config.local)]}
    over = (now - timedelta(days=LEFT_CONFIG_DAYS)).replace(microsecond=0).isoformat()
    for source in library.set_aside_sources():
        if name_key(source.name) in listed:
            continue  # never deleted while the config lists its name
        if source.url_changed:  # its name left the config now: its 30 days start today
            library.set_aside_name_left(source.id, left)
            starred = library.removal_counts(source.id)[1]
            said.append(
                RemovedSource(
                    hide_passwords(source.name),
                    0,
                    starred,
                    "kept",
                    kept=source.articles,
                    kept_until=until,
                    url=hide_url_password(source.url) if source.url else None,
                )
            )
        elif source.left <= over:
            said.append(library.remove_source(source.id))
    reported = {name_key(r.name) for r in said if r.outcome == "kept"}
    # an edited entry deleted: its new URL's empty source goes unsaid beside its old feed's line
    return [
        r for r in said if r.outcome != "deleted" or r.deleted or name_key(r.name) not in reported
    ]


def _not_being_added(
    library: Library, config: Config, gone: list[int], urls: dict[int, str | None]
) -> list[int]:
    """The sources of `gone` (`urls`: their addresses) that no `add` is writing: one an add has
    stored and not yet written to the config file is left alone (add_mark), and so is one the
    file lists by now, read again (written after this fetch read it: user test r55 HIGH-1)."""
    from newstui.add_mark import adds_under_way

    if not gone:
        return gone
    # (the marks first, the file after: an add that let go of its mark has written its entry)
    adding = adds_under_way(library.database_file(), {u for i in gone if (u := urls.get(i))})
    gone = [source_id for source_id in gone if urls.get(source_id) not in adding]
    if not gone or not config.path.is_file():
        return gone
    try:
        now = load_config(config.path)
    except NewstuiError:  # (a file broken since: the config as read decides)
        return gone
    listed = {feed_key(f) for f in (*now.feeds, *now.skipped_feeds)}
    return [source_id for source_id in gone if urls.get(source_id) not in listed]


def _names_configured(config: Config) -> dict[str, FeedConfig]:
    """The config's feeds by their `name` (folded); feeds written without one go by their URL
    or title, which say nothing of a source that had another URL."""
    # (a name two entries share: the one fetched, not the later one skipped for it: r46 M6)
    return {name_key(f.name): f for f in (*config.skipped_feeds, *config.feeds) if f.named}


def move_set_aside(library: Library, config: Config) -> list[RemovedSource]:
    """Move each source set aside as the config gave its name another URL to that URL's source,
    once it has fetched successfully (a typo's 404 takes nothing); returns what moved. A source
    set aside as no longer listed is never merged into a feed given its name later."""
    aside = [source for source in library.set_aside_sources() if source.url_changed]
    if not aside:
        return []
    named = _names_configured(config)
    moved: list[RemovedSource] = []
    rows = {row.id: row for row in library.sources()}
    for source in aside:
        feed = named.get(name_key(source.name))
        new_id = library.find_source(feed_key(feed)) if feed is not None else None
        row = rows.get(new_id) if new_id is not None else None
        if feed is None or row is None or row.last_fetched is None or row.last_error:
            continue
        count, copies = library.move_source_articles(source.id, row.id)
        moved.append(
            RemovedSource(
                hide_passwords(source.name),
                0,
                0,
                "moved",
                kept=count,
                url=hide_url_password(source.url or source.key),
                new_url=hide_url_password(feed.url),
                copies=copies,
            )
        )
    return moved


def cleanup_left_config(library: Library) -> list[RemovedSource]:
    """Delete now every source set aside after leaving the config (starred articles kept), as
    `newstui cleanup --left-config` asks."""
    return [library.remove_source(source.id) for source in library.set_aside_sources()]
