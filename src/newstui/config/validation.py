"""The TOML data of feeds.toml → `Config`: every table checked, errors naming the file, the
line and the problem; one broken feed, view or filter is a warning, and the rest is read."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from newstui.config import Config, FeedConfig, LocalConfig
from newstui.config.entry_reading import ConfigReading
from newstui.config.feeds_table import read_feeds
from newstui.config.keys_table import validate_keys
from newstui.config.lines import entry_line, quoted_line, table_start_line
from newstui.config.local_table import read_local
from newstui.config.query_tables import read_filters, read_views
from newstui.config.settings_table import not_a_setting, validate_settings
from newstui.config.sync_table import validate_sync
from newstui.model import respelled, tag_spellings
from newstui.word_lists import did_you_mean

TOP_LEVEL_KEYS = ("settings", "feeds", "local", "sync", "views", "filters", "keys")
TOP_LEVEL_TABLES = "[settings], [[feeds]], [[local]], [sync], [[views]], [[filters]], [keys]"


def validate_config(path: Path, raw: str, data: dict[str, Any]) -> Config:
    """The config `data` (read from `raw`, the text of `path`) holds, each table checked in the
    file's order of tables; the first error that stops the file raised, naming its line."""
    reading = ConfigReading(path, raw)
    _check_top_level_keys(reading, data)
    settings = validate_settings(data.get("settings", {}), raw, reading.fail, path)
    feeds, skipped = read_feeds(reading, data.get("feeds", []), settings)
    local, skipped_local = read_local(reading, data.get("local", []), feeds, skipped)
    views = read_views(reading, data.get("views", []))
    filters = read_filters(reading, data.get("filters", []))
    sync = validate_sync(data["sync"], raw, reading.fail, path) if "sync" in data else None
    keys = validate_keys(data.get("keys", {}), raw, reading.fail, path)
    feeds, local = _tags_spelled_alike(feeds, local)
    return Config(
        path,
        settings,
        tuple(feeds),
        tuple(local),
        sync,
        tuple(views),
        tuple(filters),
        keys,
        tuple(skipped),
        tuple(skipped_local),
    )


def _check_top_level_keys(reading: ConfigReading, data: dict[str, Any]) -> None:
    """A top-level key the file may not have (`[setings]`) refused, with the one meant."""
    unknown = set(data) - set(TOP_LEVEL_KEYS)
    if unknown:
        key = sorted(unknown)[0]
        import difflib

        near = difflib.get_close_matches(key, sorted(TOP_LEVEL_KEYS), n=1)
        hint = not_a_setting(key) or (
            did_you_mean(near) if near else f" (it takes {TOP_LEVEL_TABLES})"
        )
        raw = reading.raw
        line = table_start_line(raw, key) or entry_line(raw, key, 0) or quoted_line(raw, key)
        raise reading.fail(line, f"unknown top-level key {key!r}{hint}")


def _tags_spelled_alike(
    feeds: list[FeedConfig], local: list[LocalConfig]
) -> tuple[list[FeedConfig], list[LocalConfig]]:
    """The sources with "Tech" on one entry and "tech" on another as one tag, spelled as the
    file first writes it."""
    spellings = tag_spellings([*(f.tags for f in feeds), *(s.tags for s in local)])
    feeds = [
        f if f.tags == (t := respelled(f.tags, spellings)) else replace(f, tags=t) for f in feeds
    ]
    local = [
        s if s.tags == (t := respelled(s.tags, spellings)) else replace(s, tags=t) for s in local
    ]
    return feeds, local
