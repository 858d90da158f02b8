"""Importing a subscription list (OPML, or newsboat's `urls` file) into feeds.toml: its feeds,
the tags the file gives feeds listed already, newsboat's query feeds as `[[views]]` and its
`file:` feeds as `[[local]]` sources.
`newstui opml import` and the app's "Import feeds" both go through here."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from newstui.config import FeedConfig, LocalConfig, load_config
from newstui.config.example import ensure_config
from newstui.config.query_edits import add_view
from newstui.config.source_edits import add_feed_tags, add_feeds, add_local_sources, nest_flat_tags
from newstui.counts import counted, plural
from newstui.text import clean_line
from newstui.word_lists import listed

if TYPE_CHECKING:
    from newstui.server_import import ServerSplit
    from newstui.sources.newsboat_urls import SkippedLine


@dataclass(frozen=True)
class SubscriptionsImported:
    """What an import did: the feeds the file lists, those added, the names of those there
    already that got tags, newsboat's query feeds (and those added as views), feeds newsboat
    hid (added all the same) and the lines or outlines skipped."""

    found: list[FeedConfig]
    added: list[FeedConfig]
    tagged: list[str]
    views: list[SkippedLine]
    added_views: list[tuple[str, str]]  # (name, query)
    hidden: list[SkippedLine]
    skipped: list[SkippedLine]
    local: list[SkippedLine] = field(default_factory=list)  # local feed files (`file:` URLs)
    added_local: list[LocalConfig] = field(default_factory=list)  # those added as `[[local]]`
    # warnings that skipped nothing: the file repaired, a feed added that looks like another
    notes: list[SkippedLine] = field(default_factory=list)
    # feeds there already whose flat folder tags (an older import's) became the path tag:
    # (name, old tags, new tags)
    nested: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)
    # views and filters whose tag: named round 47's misreading of such a folder, made to name
    # the one folder: (kind, name, query now, folder)
    retagged: list[tuple[str, str, str, str]] = field(default_factory=list)
    # with [sync]: the list's feeds the server subscribes to (left out of `found`), those it
    # subscribed, refused (in `found`, so written here)
    server: ServerSplit | None = None
    # newsboat's tags as labels: (tags, feeds) when the import wrote `sources_layout = "flat"`
    # (its feeds carry more than one tag each on average: user test r52 MED-5)
    flat_layout: tuple[int, int] | None = None

    def summary(self, file: Path | str, config: Path) -> str:
        """One line: "7 feeds in feeds.opml, 6 added to …/feeds.toml (1 already there); …"."""
        found, added = len(self.found), len(self.added)
        text = f"{counted(found, 'feed')} in {file}, {added} added to {config}"
        if self.server is not None and self.server.clause:  # (r51 MED-1)
            listed = found + len(self.server.synced) + len(self.server.subscribed)
            text = f"{counted(listed, 'feed')} in {file}: {self.server.clause}, {added} added to {config}"
        if added < found:  # the others were listed there already (by URL)
            text += f" ({found - added:,} already there)"
        if self.tagged:
            text += f"; tags added to {counted(len(self.tagged), 'feed')} already there"
        if self.nested:
            text += f"; {self.nested_clause}"
        if self.retagged:
            text += f"; {self.retagged_clause}"
        if self.views:
            n = len(self.added_views)
            text += f"; {counted(n, 'query feed')} added as {'a view' if n == 1 else 'views'}"
            if n < len(self.views):
                text += f" ({len(self.views) - n:,} already there)"
        if self.hidden:
            text += f"; {counted(len(self.hidden), 'feed')} newsboat hid now listed"
        if self.local:
            n = len(self.added_local)
            text += f"; {counted(n, 'local feed file')} added as [[local]] {plural(n, 'source')}"
            if n < len(self.local):
                text += f" ({len(self.local) - n:,} already there)"
        if self.flat_layout is not None:
            tags, feeds = self.flat_layout
            text += (
                f'; [settings] sources_layout = "flat" written: newsboat\'s tags are labels '
                f"({tags:,} on {counted(feeds, 'feed')}), so Sources lists each feed once, its "
                "tags above (the folder tree would list a feed under each of its tags)"
            )
        return text

    @property
    def nested_clause(self) -> str:
        """ "folder tags of 5 feeds made nested, in 3 folders: News/Europe/Deep (3 feeds,
        tagged News, Europe, Deep before), Sport/Daily (1), Tech/AI (1)": every feed is in --json's
        `nested` (user test r47 L3: one example, then "…")."""
        folders: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for _name, had, now in self.nested:
            folders.setdefault(now, []).append(had)
        shown = []
        for at, (now, hads) in enumerate(folders.items()):
            if at == 3:
                shown.append(f"and {counted(len(folders) - 3, 'more folder')}")
                break
            count = counted(len(hads), "feed") if at == 0 else f"{len(hads):,}"
            before = f", {_before(hads[0], now)} before" if at == 0 else ""
            shown.append(f"{', '.join(now)} ({count}{before})")
        return (
            f"folder tags of {counted(len(self.nested), 'feed')} made nested, in "
            f"{counted(len(folders), 'folder')}: {', '.join(shown)}"
        )

    @property
    def retagged_clause(self) -> str:
        """ "view 'Rock' now names Music/AC∕DC Fans" (and filter 'x', by folder): the queries
        made to name the one folder instead of round 47's misreading of it."""
        folders: dict[str, list[str]] = {}
        for kind, name, _query, folder in self.retagged:
            folders.setdefault(folder, []).append(f"{kind} {clean_line(name, 80)!r}")
        return "; ".join(
            f"{listed(entries)} now {'names' if len(entries) == 1 else 'name'} {folder}"
            for folder, entries in folders.items()
        )

    @property
    def skipped_clause(self) -> str:
        """ "; 2 outlines skipped" (or lines, in a urls file), else ""."""
        if not self.skipped:
            return ""
        what = "line" if self.skipped[0].line else "outline"
        return f"; {counted(len(self.skipped), what)} skipped"

    @property
    def skipped_named(self) -> str:
        """ "; line 4 skipped: 'gopher://…': …" for the app's one notice, which has no warning
        lines above it as the CLI has: the first entry skipped and why, and how many more
        (user test r41: "1 line skipped" named nothing to mend)."""
        if not self.skipped:
            return ""
        first = self.skipped[0]
        where = f"line {first.line}" if first.line else "an outline"
        more = len(self.skipped) - 1
        rest = f" ({more:,} more, `newstui opml import` names each)" if more else ""
        return f"; {where} skipped: {first.reason}{rest}"

    @property
    def notes_named(self) -> str:
        """ "; repaired: …" for the app's one notice: the first warning that skipped nothing, and
        how many more."""
        if not self.notes:
            return ""
        more = len(self.notes) - 1
        rest = f" ({more:,} more, `newstui opml import` names each)" if more else ""
        return f"; {self.notes[0].reason}{rest}"


def _before(had: tuple[str, ...], now: tuple[str, ...]) -> str:
    """How a feed's folders read before a re-import made them nested: "tagged News, Europe";
    round 47's misreading of a folder "AC/DC Fans" as nested, "in Music › AC › DC Fans" (its
    tag prints as the folder's own: "tagged Music/AC/DC Fans" read "X (was X)", r49 MED-1)."""
    from newstui.model.folders import PATH_SLASH
    from newstui.model.names import name_key

    kept = {name_key(t) for t in now}
    gone = [t for t in had if name_key(t) not in kept]
    misread = [t for t in gone if PATH_SLASH.search(t)]
    deeper = all(len(PATH_SLASH.split(t)) > len(PATH_SLASH.split(n)) for t in gone for n in now)
    if misread and misread == gone and deeper:  # (flat tags are never deeper than the path)
        return f"in {', '.join(' › '.join(PATH_SLASH.split(t)) for t in misread)}"
    return f"tagged {', '.join(had)}"


def read_subscription_list(
    path: Path, star_flag: str | None = None
) -> tuple[list[FeedConfig], list[SkippedLine]]:
    """The feeds an OPML file or newsboat's `urls` file lists, and the entries that are none;
    a file that is neither raises a SourceError naming it. `star_flag`: newsboat's flag taken
    as the star (`--star-flag`), for its query feeds."""
    from newstui.sources.opml import read_subscriptions

    return read_subscriptions(path, star_flag)


def import_subscriptions(
    config_path: Path,
    feeds: list[FeedConfig],
    skipped: list[SkippedLine],
    moved: Mapping[str, str] | None = None,
    server: ServerSplit | None = None,
    source: Path | None = None,
) -> SubscriptionsImported:
    """Write what a subscription list read (`read_subscription_list`) to the config file, making
    it first if there is none: the feeds not listed there, the file's tags on those that are,
    the query feeds as views (but for a query a view has already) and local feed files as
    `[[local]]` sources (but for a path listed already). `moved`: the addresses the store knows
    feeds by no longer, each → the one it moved to for good (Library.old_feed_urls): a feed of
    the list at one is that feed (user test r50 LOW-21: re-importing newsboat's urls added the
    old address again), said in a note. `server` (with [sync]: split_for_server): `feeds` are its
    `rest`, and the summary names what the server has. `source`: the file read; when it is
    newsboat's urls file and its feeds carry more than one tag each, `flat_layout`."""
    ensure_config(config_path)  # the example (no feeds), then yours
    feeds, followed = _moves_followed(feeds, moved or {})
    added = add_feeds(config_path, feeds)
    added_urls = {a.url for a in added}
    followed_said = _moves_said(config_path, followed, added)
    nested, retagged = nest_flat_tags(config_path, [f for f in feeds if f.url not in added_urls])
    tagged = add_feed_tags(config_path, [f for f in feeds if f.url not in added_urls])
    views = [s for s in skipped if s.view]
    added_views = _add_views(config_path, [s.view for s in views if s.view])
    local = [s for s in skipped if s.local]
    added_local = add_local_sources(config_path, [s.local for s in local if s.local])
    flat = _flat_for_labels(config_path, source, feeds) if source is not None else None
    return SubscriptionsImported(
        found=feeds,
        added=added,
        tagged=tagged,
        views=views,
        added_views=added_views,
        hidden=[s for s in skipped if s.kept],
        skipped=[s for s in skipped if not s.view and not s.kept and not s.local and not s.note],
        local=local,
        added_local=added_local,
        notes=[s for s in skipped if s.note] + followed_said + _look_alike(config_path, added),
        nested=nested,
        retagged=retagged,
        server=server,
        flat_layout=flat,
    )


@contextmanager
def config_copy(config_path: Path) -> Iterator[Path]:
    """A copy of the config file in a temporary folder (none when there is no file), removed
    after: what an import would write (`opml import --dry-run`) is worked out by writing it
    there, by the same code, and the config file is left as it was."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="newstui-import-") as folder:
        copy = Path(folder) / config_path.name
        with suppress(FileNotFoundError):  # (none: the import would make it, from the example)
            copy.write_bytes(config_path.read_bytes())
        yield copy


def tag_labels(feeds: list[FeedConfig]) -> int:
    """How many tags the feeds carry between them, each feed's folders once (`News` and `news`
    are one)."""
    from newstui.model.names import name_key

    return sum(len({name_key(tag) for tag in feed.tags}) for feed in feeds)


def _flat_for_labels(
    config_path: Path, source: Path, feeds: list[FeedConfig]
) -> tuple[int, int] | None:
    """newsboat's tags are labels, several a feed, chosen with `t` from one list of feeds: the
    folder tree listed its user's 39 feeds 60 times (user test r52 MED-5). When `source` is its
    urls file and the feeds carry more than one tag each on average, `sources_layout = "flat"`
    is written (unless the config sets it already): (tags, feeds), else None. An OPML file's
    folders (Feedly's, FreshRSS's) hold a feed once each: the tree stays."""
    from newstui.config.settings_edits import add_settings
    from newstui.sources.bounded_files import SUBSCRIPTION_FILE_BYTES, read_bounded
    from newstui.sources.newsboat_urls import looks_like_newsboat_urls

    tags = tag_labels(feeds)
    if not feeds or tags <= len(feeds):
        return None
    try:
        if not looks_like_newsboat_urls(read_bounded(source, SUBSCRIPTION_FILE_BYTES)):
            return None
    except OSError:  # (it was read a moment ago: the summary says the rest)
        return None
    added = add_settings(config_path, [("sources_layout", "flat")], {})
    return (tags, len(feeds)) if added.written else None


def _moves_followed(
    feeds: list[FeedConfig], moved: Mapping[str, str]
) -> tuple[list[FeedConfig], list[tuple[str, str]]]:
    """The list's feeds with each one at an address a feed moved from (`moved`) taken at its
    new address, and each (old, new) address so taken (_moves_said says them)."""
    from newstui.config import url_identity

    if not moved:
        return feeds, []
    by_old = {url_identity(old): new for old, new in moved.items()}
    taken: list[FeedConfig] = []
    followed: list[tuple[str, str]] = []
    for feed in feeds:
        new = by_old.get(url_identity(feed.url))
        if new is None:
            taken.append(feed)
            continue
        followed.append((feed.url, new))
        taken.append(replace(feed, url=new))
    return taken, followed


def _moves_said(
    config_path: Path, followed: list[tuple[str, str]], added: list[FeedConfig]
) -> list[SkippedLine]:
    """A note for each old address taken at its new one (_moves_followed), by what the import
    did with it: "…/old.xml: moved for good to …/new.xml, added at that address", or "which
    feeds.toml lists: not added" (review r50 LOW-4: an entry feeds.toml skips, a refused name,
    was said to be added)."""
    from newstui.config import url_identity
    from newstui.errors import hide_url_password
    from newstui.sources.newsboat_urls import SkippedLine

    done = {url_identity(a.url) for a in added}
    notes: list[SkippedLine] = []
    for old, new in followed:
        said = (
            "added at that address"
            if url_identity(new) in done
            else f"which {config_path.name} lists: not added"
        )
        done.discard(url_identity(new))  # (a second old address of it: listed by then)
        reason = f"{hide_url_password(old)}: moved for good to {hide_url_password(new)}, {said}"
        notes.append(SkippedLine(None, reason, note=True))
    return notes


def _look_alike(config_path: Path, added: list[FeedConfig]) -> list[SkippedLine]:
    """A warning for each feed added whose address differs from one listed before it only by
    http/https, "www.", a trailing "/" (or its host's case, its #fragment): both are kept (they
    may differ), but the user is told once (user test r47 L6: three subscriptions to one feed,
    without a word)."""
    from newstui.errors import hide_url_password
    from newstui.sources.newsboat_urls import SkippedLine
    from newstui.text import clean_line

    if not added:
        return []
    new = {a.url for a in added}
    first: dict[tuple[str, str, str, str], FeedConfig] = {}
    notes: list[SkippedLine] = []
    for feed in load_config(config_path).feeds:
        key = _loose_address(feed.url)
        other = first.setdefault(key, feed)
        if other is feed or feed.url not in new:
            continue
        differ = _differences(other.url, feed.url)
        verb = "differ" if " and " in differ else "differs"
        shown = [clean_line(hide_url_password(u), 100) for u in (feed.url, other.url)]
        notes.append(
            SkippedLine(
                None,
                f"{feed.name!r} ({shown[0]}) looks like {other.name!r} ({shown[1]}): only "
                f"{differ} {verb}; both are kept (`newstui remove NAME` drops one)",
                note=True,
            )
        )
    return notes


def _loose_address(url: str) -> tuple[str, str, str, str]:
    """A feed address without its scheme, "www." and a trailing "/": (user, host, path, query).
    The user stays: two users' private feeds at one address are two subscriptions (review r47
    L7)."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ("", url, "", "")
    user, _, host = parts.netloc.rpartition("@")
    return (user, host.lower().removeprefix("www."), parts.path.rstrip("/"), parts.query)


def _differences(one: str, other: str) -> str:
    """What two look-alike addresses differ by: "http/https", "www.", "a trailing /", "the case
    of its host", "its #fragment" (joined); each named only where the two differ."""
    from urllib.parse import urlsplit

    a, b = urlsplit(one.strip()), urlsplit(other.strip())
    host_a, host_b = (u.netloc.rpartition("@")[2] for u in (a, b))
    www_a, www_b = (h.lower().startswith("www.") for h in (host_a, host_b))
    said = []
    if a.scheme.lower() != b.scheme.lower():
        said.append("http/https")
    if www_a != www_b:
        said.append("www.")
    if host_a[4 * www_a :] != host_b[4 * www_b :]:  # (the rest of each host, in its case)
        said.append("the case of its host")
    if a.path != b.path:  # (the same but for the "/"s at its end)
        said.append("a trailing /")
    if a.fragment != b.fragment:
        said.append("its #fragment")
    if len(said) > 2:
        said = [", ".join(said[:-1]), said[-1]]
    return " and ".join(said) or "how it is written"


def _add_views(config_path: Path, views: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Add newsboat's query feeds as `[[views]]` entries, but for a query a view already has;
    returns the (name, query) pairs added (a name taken gets " (2)")."""
    if not views:
        return []
    known = {v.query.strip() for v in load_config(config_path).views}
    added = []
    for name, query in views:
        if query not in known:
            known.add(query)
            added.append((add_view(config_path, name, query).name, query))
    return added
