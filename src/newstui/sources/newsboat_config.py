"""newsboat's `config` at an import of its urls file: its `ignore-article` rules (its kill file)
as hide filters where newstui's queries can say them, and the settings newstui takes elsewhere,
so that none is passed over without a word (user test r36 L2)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from newstui.query import QueryError, parse_query
from newstui.sources.newsboat_urls import newsboat_filter_query
from newstui.text import clean_line

# a config line's words: "quoted \"text\"" or bare (newsboat's own quoting)
_WORD = re.compile(r'"((?:[^"\\]|\\.)*)"|(\S+)')
_ESCAPED = re.compile(r"\\(.)")

# newsboat's settings with an equivalent here: where it is
_ELSEWHERE = {
    "browser": "browser",
    "player": "player",
    "download-path": "download_dir",
    "max-items": "keep_per_feed",
    "reload-time": "refresh_minutes",
    "auto-reload": "refresh_minutes",
    "show-read-feeds": "show_read_feeds",
    "podcast-auto-enqueue": "download_new",
}
_KEYS = ("bind-key", "unbind-key", "macro")  # [keys]
_COLOURS = ("color", "highlight", "highlight-article", "highlight-feed")  # no colour settings
# read by the import itself: the flag newsboat stars by (sync services), the kill file's mode
_TAKEN = re.compile(r"^[a-z]+-flag-star$|^ignore-mode$|^ignore-article$")


@dataclass(frozen=True)
class IgnoreRule:
    """One `ignore-article FEED EXPRESSION` line: the hide filter's query it becomes (None: one
    newstui's queries cannot say), and what it was, to name it."""

    line: int
    written: str  # the rule as the config has it, control characters stripped
    query: str | None


@dataclass(frozen=True)
class NewsboatConfig:
    """What an import does with newsboat's config."""

    path: Path
    rules: tuple[IgnoreRule, ...]
    not_taken: tuple[str, ...]  # each setting newstui does not take, and where it has its like


def _words(line: str) -> list[str]:
    return [_ESCAPED.sub(r"\1", q) if q or not bare else bare for q, bare in _WORD.findall(line)]


def _rule_query(feed: str, query: str | None) -> str | None:
    """A rule's hide-filter query, for every feed ("*") or `feed:"URL"` (its name or URL
    containing it); None when a query cannot say it: a URL holding `"`, which a phrase cannot
    hold (review r36 NB1: the query did not parse, and the whole import stopped)."""
    if query is None or feed == "*":
        return query
    if '"' in feed:
        return None
    query = f'feed:"{feed}" ({query})'
    try:
        parse_query(query)
    except QueryError:
        return None
    return query


def read_newsboat_config(path: Path, text: str, star_flag: str | None) -> NewsboatConfig:
    """The ignore-article rules of newsboat's config `text` (at `path`) as hide-filter queries,
    and its other settings said with newstui's equivalent (one phrase each, in file order)."""
    rules: list[IgnoreRule] = []
    settings: dict[str, str] = {}  # phrase by setting name, the first of each
    keys = colours = 0
    for number, raw in enumerate(text.split("\n"), 1):
        words = _words(raw.strip())
        if not words or words[0].startswith("#"):
            continue
        name = words[0]
        if name == "ignore-article" and len(words) >= 3:
            feed, expression = words[1], words[2]
            query = _rule_query(feed, newsboat_filter_query(expression, star_flag))
            written = clean_line(expression if feed == "*" else f"{expression} (feed {feed})", 200)
            rules.append(IgnoreRule(number, written, query))
        elif name in _KEYS:
            keys += 1
        elif name in _COLOURS:
            colours += 1
        elif name in _ELSEWHERE and name not in settings:
            value = clean_line(" ".join(words[1:3]), 60)
            settings[name] = f"{name} {value} (newstui: {_ELSEWHERE[name]} in [settings])"
        elif not _TAKEN.match(name) and name not in settings:
            settings[name] = clean_line(name, 40)
    said = [s for n, s in settings.items() if n in _ELSEWHERE]
    if keys:
        said.append(f"{keys} bind-key/unbind-key line{'s' * (keys != 1)} (newstui: [keys])")
    if colours:
        said.append(
            f"{colours} color/highlight line{'s' * (colours != 1)} "
            "(newstui has no colour settings; t flips dark/light)"
        )
    others = [s for n, s in settings.items() if n not in _ELSEWHERE]
    if others:
        said.append(f"{', '.join(others)} (no equivalent)")
    return NewsboatConfig(path, tuple(rules), tuple(said))
