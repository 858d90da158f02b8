"""What reading feeds.toml's tables shares: the reading itself (the file, its text, its errors'
wording, the owner of each source name read so far), the keys a [[feeds]] or [[local]] entry
takes, an array of tables checked, and the error of a key an entry does not take."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from newstui.config import FeedConfig
from newstui.config.lines import at_line, entry_key_line, entry_line, key_line
from newstui.config.source_names import taken_name
from newstui.errors import ConfigError
from newstui.word_lists import did_you_mean

FEED_KEYS = ("url", "name", "tags", "fulltext", "keep_days", "keep_per_feed", "download_new")
LOCAL_KEYS = ("path", "name", "tags")


class ConfigReading:
    """One config file being read: its path and text, its errors' wording, and the owner of each
    source name read so far (a later entry going by a name is skipped, with a warning)."""

    def __init__(self, path: Path, raw: str) -> None:
        self.path = path
        self.raw = raw
        # each name's (name_key) line (0 in an inline array), name as written, url or path, and
        # kind of source ("feed", "local source")
        self.names: dict[str, tuple[int, str, str, str]] = {}

    def fail(self, line: int, message: str) -> ConfigError:
        """The error of `message` on `line` of the file ("feeds.toml:12: …")."""
        where = at_line(self.path, line)
        return ConfigError(f"{where}: {message}")

    def name_taken(
        self, feed: FeedConfig, line: int, owner: tuple[int, str, str, str]
    ) -> FeedConfig:
        """`feed` (on `line`) skipped: the entry `owner` describes (names') has its name."""
        spelled = feed.written or feed.name
        taken = f"feed name {spelled!r} {taken_name(spelled, *owner)}"
        by = f"line {owner[0]}" if owner[0] else repr(owner[2])
        return FeedConfig(
            feed.url,
            feed.name,
            feed.tags,
            named=True,
            problem=f"{self.fail(line, taken)}; the feed is not fetched until it is renamed",
            not_fetchable=f"not fetched ({at_line(self.path.name, line)}): its name is taken by {by}",
            entry_index=feed.entry_index,
            written=feed.written,
        )


def unknown_key(
    extra: set[str],
    known: Iterable[str],
    what: str,
    table: str,
    index: int,
    raw: str,
    fail: Callable[[int, str], ConfigError],
) -> ConfigError:
    """The error for a key an entry of `[[table]]` does not take, on that key's line, with the
    known key it is nearest to ("did you mean 'tags'?")."""
    import difflib

    key = sorted(extra)[0]
    if table == "local" and key in FEED_KEYS:
        hint = f" ({key!r} applies to [[feeds]] entries only)"
    else:
        near = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
        hint = did_you_mean(near) if near else f" (it takes {', '.join(known)})"
    line = entry_key_line(raw, table, index, key) or entry_line(raw, table, index)
    return fail(line, f"unknown key {key!r} in {what}{hint}")


def table_array(value: Any, name: str, raw: str, fail: Any) -> list[dict[str, Any]]:
    """`value`, the file's `[[name]]` entries: a list of tables, else the error on its line."""
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise fail(key_line(raw, name), f"'{name}' must be an array of tables ([[{name}]])")
    return value
