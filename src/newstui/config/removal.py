"""Taking sources and views out of feeds.toml, the rest of the file as it was (the comments
over an entry go with it, a section's heading stays)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from newstui.config import Config, FeedConfig, LocalConfig, load_config
from newstui.config.edit_lock import edits_config, toml_document
from newstui.config.entry_layout import HEADING_COMMENT
from newstui.config.lines import entry_line
from newstui.config.validation import validate_config
from newstui.config.writing import write_config
from newstui.errors import ConfigError, hide_url_password
from newstui.model.names import name_key

if TYPE_CHECKING:  # the optional tables' values: imported by the functions that make them
    from newstui.config.tables import ViewConfig


@edits_config
def remove_source(path: Path, name: str) -> FeedConfig | LocalConfig:
    """Delete a feed or local source (by name, URL or path) from the config file, keeping the
    rest of the file as it was; returns what was removed."""
    config = load_config(path)
    source = config.source_named(name) or config.skipped_named(name)
    if source is None:
        raise ConfigError(
            f"{path}: no source named {hide_url_password(name)!r} (see `newstui feeds`)"
        )
    if isinstance(source, FeedConfig):
        assert source.entry_index is not None  # (load_config's)
        _remove_entry(config, "feeds", source.entry_index, source, _feed_entries)
    else:
        assert source.entry_index is not None  # (load_config's)
        _remove_entry(config, "local", source.entry_index, source, _local_entries)
    return source


@edits_config
def remove_sources(path: Path, names: Iterable[str]) -> list[FeedConfig | LocalConfig]:
    """Delete feeds and local sources (each by name, URL or path) from the config file in one
    write, the rest of it as it was (a folder of 600 feeds: one read and one write, not 600);
    a name the file lists no more is passed over; returns what was removed."""
    config = load_config(path)
    found: dict[tuple[str, int], FeedConfig | LocalConfig] = {}
    for name in names:
        source = config.source_named(name) or config.skipped_named(name)
        if source is not None and source.entry_index is not None:
            table = "feeds" if isinstance(source, FeedConfig) else "local"
            found[(table, source.entry_index)] = replace(source, problem="", not_fetchable="")
    if not found:
        return []
    _remove_entries(config, found, lambda c: (*_feed_entries(c), *_local_entries(c)))
    return list(found.values())


def _feed_entries(config: Config) -> tuple[FeedConfig, ...]:
    """A config's `[[feeds]]` entries as _remove_entry compares them: those skipped without
    their warning (it names a line, which moves)."""
    unplaced = (replace(f, problem="", not_fetchable="") for f in config.skipped_feeds)
    return (*config.feeds, *unplaced)


def _local_entries(config: Config) -> tuple[LocalConfig, ...]:
    """A config's `[[local]]` entries as _remove_entry compares them (as _feed_entries)."""
    unplaced = (replace(s, problem="", not_fetchable="") for s in config.skipped_local)
    return (*config.local, *unplaced)


@edits_config
def remove_view(path: Path, name: str) -> ViewConfig:
    """Delete a saved view (by name, any case) from the config file, keeping the rest of the
    file as it was; returns what was removed. Its articles stay in their feeds."""
    config = load_config(path)
    view = next((v for v in config.views if name_key(v.name) == name_key(name)), None)
    if view is None:
        raise ConfigError(f"{path}: no view named {name!r}")
    _remove_entry(config, "views", config.views.index(view), view, lambda c: c.views)
    return view


def _remove_entry(
    config: Config,
    table: str,
    index: int,
    removed: object,
    entries: Callable[[Config], tuple[object, ...]],
) -> None:
    """Write the config file without the index-th `[[table]]` entry (`removed`, as `entries`
    gives it), the rest as it was; `entries` reads that table's entries from a config (to check
    the cut left the others)."""
    _remove_entries(config, {(table, index): removed}, entries)


def _remove_entries(
    config: Config,
    removed: Mapping[tuple[str, int], object],
    entries: Callable[[Config], tuple[object, ...]],
) -> None:
    """Write the config file without each `[[table]]` entry at (table, index) of `removed` (the
    entry as `entries` gives it), in one write, the rest as it was; `entries` reads the tables'
    entries from a config (to check the cut left the others)."""
    import tomllib

    path = config.path
    raw = path.read_text("utf-8")
    kept = list(entries(config))
    for entry in removed.values():
        if isinstance(entry, FeedConfig | LocalConfig):
            entry = replace(entry, problem="", not_fetchable="")
        kept.remove(entry)  # (one of two alike: either leaves the same list)
    # the last first: the others' places hold
    places = sorted(removed, key=lambda place: place[1], reverse=True)
    text = raw
    for table, index in places:
        text = _without_entry(text, table, index)
    try:
        after = validate_config(path, text, tomllib.loads(text))
    except (ConfigError, tomllib.TOMLDecodeError):
        after = None
    if after is None or list(entries(after)) != kept:
        import tomlkit  # only editing needs it

        doc = toml_document(raw)  # an unusual layout: let tomlkit cut the entries out
        for table, index in places:
            del doc[table][index]
        for table in {table for table, _ in places}:
            if not len(doc[table]):
                del doc[table]
        text = tomlkit.dumps(doc)
    write_config(path, text)


def _entry_header(line: str, table: str) -> bool:
    """Whether a line is the header of a `[[table]]` entry."""
    return (
        re.fullmatch(rf"[ \t]*\[\[[ \t]*{re.escape(table)}[ \t]*\]\][ \t]*(?:#.*)?\s*", line)
        is not None
    )


def _without_entry(raw: str, table: str, index: int) -> str:
    """The config text without the index-th `[[table]]` entry and the comment lines just above
    it (comments just above the next header stay with that header), but for a section's
    heading over them when the next entry goes on under it (user test r38 L18: `remove` took
    "# --- tech ---" with the section's first feed)."""
    lines = raw.splitlines(keepends=True)
    header = entry_line(raw, table, index) - 1
    if header < 0:
        return raw

    def is_comment(line: str) -> bool:
        return line.lstrip().startswith("#")

    start = header
    while start > 0 and is_comment(lines[start - 1]):
        start -= 1
    end = next(
        (i for i in range(header + 1, len(lines)) if re.match(r"[ \t]*\[", lines[i])), len(lines)
    )
    # a section's heading ("# --- tech ---") over its first entry stays while the section goes on
    headings = [i for i in range(start, header) if HEADING_COMMENT.match(lines[i])]
    if headings and end < len(lines) and _entry_header(lines[end], table):
        above = end
        while above > header + 1 and is_comment(lines[above - 1]):
            above -= 1
        if not any(HEADING_COMMENT.match(line) for line in lines[above:end]):
            start = headings[-1] + 1
    while end - 1 > header and (is_comment(lines[end - 1]) or not lines[end - 1].strip()):
        end -= 1
    while end < len(lines) and not lines[end].strip():
        end += 1  # the blank lines after the entry go with it
    return "".join(lines[:start] + lines[end:])
