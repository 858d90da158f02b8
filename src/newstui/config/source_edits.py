"""Editing the `[[feeds]]` and `[[local]]` entries of feeds.toml: add sources, add or rewrite
their tags (comments kept)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newstui.config import Config, FeedConfig, LocalConfig, load_config, parse_config, url_identity
from newstui.config.edit_lock import edits_config, toml_document
from newstui.config.entry_keys import written_in_place
from newstui.config.entry_layout import appended_parted, tables_parted, with_entries
from newstui.config.example import example_config_text
from newstui.config.feed_urls import url_read
from newstui.config.source_names import clean_tags, path_name
from newstui.config.writing import write_config
from newstui.errors import hide_url_password
from newstui.model import respelled, tag_spellings
from newstui.model.names import name_key, shows_nothing, url_name
from newstui.text import clean_line, free_name

if TYPE_CHECKING:  # (tomlkit: imported by the edits that use it)
    from tomlkit.items import Table


def _names_and_spellings(config: Config) -> tuple[set[str], dict[str, str]]:
    """The source names a config takes (folded: feeds and local sources share them) and its
    tags' spellings (a tag it spells already keeps that spelling: "--tag TECH" joins "Tech")."""
    feeds = (*config.feeds, *config.skipped_feeds)  # (a skipped one's name is taken when fixed)
    names = {name_key(f.name) for f in feeds} | {name_key(s.name) for s in config.local}
    return names, tag_spellings([*(f.tags for f in config.feeds), *(s.tags for s in config.local)])


def _spelled_tags(tags: Iterable[str], spellings: dict[str, str]) -> tuple[str, ...]:
    """An entry's tags, clean and spelled as the config spells them already; a new tag's own
    spelling is the one the entries after it take."""
    spelled = respelled(clean_tags(tags), spellings)
    for tag in spelled:
        spellings.setdefault(name_key(tag), tag)
    return spelled


@edits_config
def add_feeds(path: Path, feeds: list[FeedConfig]) -> list[FeedConfig]:
    """Append feeds to the config file, keeping its comments and layout; returns those added."""
    import tomlkit  # only editing needs it

    # a config that does not exist yet is the example (its feeds commented out) plus these
    raw = path.read_text("utf-8") if path.exists() else example_config_text()
    config = parse_config(path, raw)
    # same_url's identity: looked up, not searched
    known_urls = {url_identity(f.url) for f in (*config.feeds, *config.skipped_feeds)}
    known_names, spellings = _names_and_spellings(config)
    tables: list[Table] = []
    added: list[FeedConfig] = []
    for feed in feeds:
        if url_identity(feed.url) in known_urls:
            continue
        base = clean_line(feed.name)
        # no name known (an OPML outline's text that is its url, one of invisible characters):
        # none written, the feed's own title names it once read
        named = feed.named and not (
            not base or shows_nothing(base) or base in (feed.url, url_name(feed.url))
        )
        name = free_name(base, known_names) if named else url_name(hide_url_password(feed.url))
        table = tomlkit.table()
        if named:
            table["name"] = name
        table["url"] = feed.url
        tags = _spelled_tags(feed.tags, spellings)
        if tags:
            table["tags"] = list(tags)
        if feed.fulltext != "auto":
            table["fulltext"] = feed.fulltext
        tables.append(table)
        known_urls.add(url_identity(feed.url))
        known_names.add(name_key(name))
        added.append(FeedConfig(feed.url, name, tags, feed.fulltext, named=named))
    if added:
        text = with_entries(raw, "feeds", tables)
        write_config(path, appended_parted(tables_parted(text), "feeds", len(added)))
    return added


@edits_config
def move_feed_urls(path: Path, moves: Mapping[str, str]) -> list[str]:
    """Give the feeds the config file lists at the old URLs of `moves` (old → new, as
    `same_url` compares) their new URL, keeping its comments, layout and permissions; returns
    the old URLs it changed (a feed edited meanwhile is left)."""

    if not path.exists():
        return []
    raw = path.read_text("utf-8")
    config = parse_config(path, raw)  # (raises on a file that does not read, as add_feeds)
    by_url = {url_identity(old): (old, new) for old, new in moves.items()}
    written = _url_lines_moved(raw, by_url)
    if written is not None and _only_urls_moved(config, parse_config(path, written[0]), by_url):
        text, moved = written
    else:  # (a url written otherwise: tomlkit, which groups a [[feeds]] written after [sync])
        doc = toml_document(raw)
        moved = []
        for table in doc.get("feeds", []):
            url = table.get("url") if isinstance(table, dict) else None
            if (
                isinstance(url, str)
                and (move := by_url.get(url_identity(url_read(url)))) is not None
            ):
                table["url"] = move[1]
                moved.append(move[0])
        text = written_in_place(raw, doc)
    if moved:
        write_config(path, text)
    return moved


_FEEDS_HEADER = re.compile(r"[ \t]*\[\[[ \t]*feeds[ \t]*\]\]")
_URL_LINE = re.compile(  # url = "…" or '…', and what follows it (a comment, the line's end)
    r"([ \t]*url[ \t]*=[ \t]*)" r"""("(?:[^"\\\n]|\\.)*"|'[^'\n]*')""" r"(.*)", re.DOTALL
)


def _url_lines_moved(
    raw: str, by_url: Mapping[tuple[str, ...], tuple[str, str]]
) -> tuple[str, list[str]] | None:
    """The config's text with each `[[feeds]]` entry's `url = "…"` line at an old url of
    `by_url` given the new one, in place, every other character as it was (tomlkit rewrote the
    whole array, moving an entry written after `[sync]` above it: user test r50 LOW-17); with
    the old urls changed. None when a line it changed does not read as TOML."""
    import tomlkit

    lines = raw.splitlines(keepends=True)
    in_feeds = False
    moved: list[str] = []
    for number, line in enumerate(lines):
        if line.lstrip().startswith("["):
            in_feeds = _FEEDS_HEADER.match(line) is not None
            continue
        match = _URL_LINE.fullmatch(line) if in_feeds else None
        if match is None:
            continue
        try:
            url = tomllib.loads(f"url = {match.group(2)}")["url"]
        except tomllib.TOMLDecodeError:
            return None
        move = by_url.get(url_identity(url_read(url)))
        if move is not None and move[0] not in moved:
            new = tomlkit.string(move[1]).as_string()
            lines[number] = f"{match.group(1)}{new}{match.group(3)}"
            moved.append(move[0])
    return "".join(lines), moved


def _only_urls_moved(
    before: Config, after: Config, by_url: Mapping[tuple[str, ...], tuple[str, str]]
) -> bool:
    """Whether `after` lists `before`'s feeds in their order with the moved urls changed and
    nothing else: the text edit found each url where the file's TOML has it."""
    meant = [move[1] if (move := by_url.get(url_identity(f.url))) else f.url for f in before.feeds]
    named = [(f.name, f.tags) for f in before.feeds if f.named]
    return (
        meant == [f.url for f in after.feeds]
        and named == [(f.name, f.tags) for f in after.feeds if f.named]
        and before.local == after.local
    )


@edits_config
def add_local_sources(path: Path, sources: list[LocalConfig]) -> list[LocalConfig]:
    """Append `[[local]]` entries (a file or folder read on every fetch) to the config file,
    keeping its comments, but for a path it lists already; a name taken gets " (2)"; returns
    those added."""
    import tomlkit  # only editing needs it

    raw = path.read_text("utf-8") if path.exists() else example_config_text()
    config = parse_config(path, raw)
    known_paths = {s.path for s in config.local}
    known_names, spellings = _names_and_spellings(config)
    tables: list[Table] = []
    added: list[LocalConfig] = []
    for source in sources:
        if source.path in known_paths:
            continue
        name = clean_line(source.name)
        name = free_name(name if not shows_nothing(name) else path_name(source.path), known_names)
        table = tomlkit.table()
        table["name"] = name
        table["path"] = str(source.path)
        tags = _spelled_tags(source.tags, spellings)
        if tags:
            table["tags"] = list(tags)
        tables.append(table)
        known_paths.add(source.path)
        known_names.add(name_key(name))
        added.append(LocalConfig(source.path, name, tags))
    if added:
        text = with_entries(raw, "local", tables)
        write_config(path, appended_parted(tables_parted(text), "local", len(added)))
    return added


@edits_config
def add_feed_tags(path: Path, feeds: list[FeedConfig]) -> list[str]:
    """Add `feeds`' tags to the feeds the config file lists already (by URL), keeping its
    comments and each tag's spelling there; returns the names of the feeds that got a tag."""

    if not path.exists() or not any(f.tags for f in feeds):
        return []
    raw = path.read_text("utf-8")
    config = parse_config(path, raw)  # (raises on a file that does not read, as add_feeds)
    spellings = tag_spellings([*(f.tags for f in config.feeds), *(s.tags for s in config.local)])
    doc = toml_document(raw)
    by_url: dict[tuple[str, ...], list[str]] = {}  # same_url's identity: looked up, not searched
    for f in feeds:
        by_url.setdefault(url_identity(f.url), []).extend(clean_tags(f.tags))
    tagged: list[str] = []
    for table in doc.get("feeds", []):
        url = table.get("url") if isinstance(table, dict) else None
        if not isinstance(url, str):
            continue
        had = [str(t) for t in table.get("tags", [])]
        new = by_url.get(url_identity(url_read(url)), [])
        tags = respelled([*had, *new], spellings)
        if len(tags) > len(respelled(had, spellings)):
            table["tags"] = list(tags)
            tagged.append(str(table.get("name") or url))
    if tagged:
        write_config(path, written_in_place(raw, doc))
    return tagged


NestedTags = tuple[str, tuple[str, ...], tuple[str, ...]]
"""A feed whose folder tags a re-import made nested: (its name, its tags before, after)."""
QueryRetagged = tuple[str, str, str, str]
"""A view or filter whose query a re-import made name the one folder: (kind, "view" or
"filter"; its name; its query now; the folder)."""


@edits_config
def nest_flat_tags(
    path: Path, feeds: list[FeedConfig]
) -> tuple[list[NestedTags], list[QueryRetagged]]:
    """Replace the flat folder tags an older OPML import gave feeds listed already ("News",
    "Europe", "Deep") by the path tags `feeds` now give them ("News/Europe/Deep"): only where a
    feed's tags are exactly the parts of its new tags, and no view or filter query names one of
    them (then the user may use them). So too a folder whose title holds a "/", which round 47
    read as nesting ("AC/DC Fans", now "AC∕DC Fans": model.folders.one_folder_name); a view or
    filter whose `tag:` names that misreading is rewritten to name the one folder, the rest of
    its text as written (user test r49 MED-1: the kept misreading and the folder printed the
    same, two rows of the same feeds). Returns (name, old tags, new tags) of each feed changed
    (user test r47 M1: the feed was then exported in 4 folders), and each query rewritten."""
    import tomlkit  # only editing needs it

    from newstui.model.folders import PATH_SLASH, slashes_typed
    from newstui.query import tag_values, with_tags_renamed

    def holds_path(tags: Iterable[str]) -> bool:
        return any("/" in slashes_typed(t) for t in tags)

    def read_as_nested(key: str) -> str:  # ("ac∕dc fans" was read as "ac/dc fans")
        return slashes_typed(key)

    if not path.exists() or not any(holds_path(f.tags) for f in feeds):
        return [], []
    raw = path.read_text("utf-8")
    config = parse_config(path, raw)
    queries = " ".join(
        name_key(q) for q in [*(v.query for v in config.views), *(f.query for f in config.filters)]
    )
    named = {  # the folders a query's tag: names, as written
        name_key(folder)
        for q in [*(v.query for v in config.views), *(f.query for f in config.filters)]
        for _, _, folder in tag_values(q)
    }
    spellings = tag_spellings([*(f.tags for f in config.feeds), *(s.tags for s in config.local)])
    by_url: dict[tuple[str, ...], tuple[str, ...]] = {}
    for f in feeds:
        tags = respelled(clean_tags(f.tags), spellings)
        if holds_path(tags):
            by_url[url_identity(f.url)] = tags
    doc = toml_document(raw)
    nested: list[NestedTags] = []
    misread: dict[str, str] = {}  # a misreading's name_key → the one folder it was
    for table in doc.get("feeds", []):
        url = table.get("url") if isinstance(table, dict) else None
        new = by_url.get(url_identity(url_read(url)), ()) if isinstance(url, str) else ()
        had = tuple(str(t) for t in table.get("tags", [])) if new else ()
        parts = {read_as_nested(name_key(p)) for t in new for p in PATH_SLASH.split(t) if p}
        had_keys = {read_as_nested(name_key(t)) for t in had}
        flat = len(had) >= 2 and had_keys == parts
        new_keys = {name_key(t) for t in new}
        one_title = (
            had_keys == {read_as_nested(key) for key in new_keys}
            and {name_key(t) for t in had} != new_keys
        )
        if not (flat or one_title):
            continue
        if one_title:  # the misreading is no folder of its own: a query naming it follows
            fixed = {read_as_nested(key): t for t in new for key in [name_key(t)]}
            for t in had:
                if name_key(t) not in new_keys and name_key(t) in named:
                    misread[name_key(t)] = fixed[read_as_nested(name_key(t))]
        elif any(name_key(t) in queries for t in had):
            continue
        table["tags"] = list(new)
        nested.append((str(table.get("name") or url), had, new))
    retagged: list[QueryRetagged] = []
    for kind in ("views", "filters") if misread else ():
        for table in doc.get(kind, []):
            query = table.get("query") if isinstance(table, dict) else None
            if not isinstance(query, str):
                continue
            query = str(query)
            now = with_tags_renamed(query, lambda folder: misread.get(name_key(folder)))
            if now == query:
                continue
            literal = "'" not in now and not any(c < " " for c in now)
            table["query"] = tomlkit.string(now, literal=True) if literal else now
            folder = next(
                misread[k] for _, _, f in tag_values(query) if (k := name_key(f)) in misread
            )
            retagged.append((kind.removesuffix("s"), str(table.get("name") or query), now, folder))
    if nested or retagged:
        write_config(path, written_in_place(raw, doc))
    return nested, retagged


@edits_config
def set_source_tags(path: Path, tags: Mapping[str, Sequence[str]]) -> list[str]:
    """Rewrite the tags of config entries (each by name, URL or path, as `remove_sources`),
    keeping the file's comments: a folder removed takes only its tag off a source that is in
    another folder too. Returns the names of the entries changed."""

    config = load_config(path)
    raw = path.read_text("utf-8")
    doc = toml_document(raw)
    changed: list[str] = []
    for entry, new in tags.items():
        source = config.source_named(entry) or config.skipped_named(entry)
        if source is None or source.entry_index is None or tuple(new) == source.tags:
            continue
        table = doc["feeds" if isinstance(source, FeedConfig) else "local"][source.entry_index]
        if new:
            table["tags"] = list(new)
        elif "tags" in table:
            del table["tags"]
        changed.append(source.name)
    if changed:
        write_config(path, written_in_place(raw, doc))
    return changed
