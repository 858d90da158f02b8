"""Where in the config's text a table, an entry or a key is: the line numbers the messages
name, found from the raw text (tomllib keeps none), each search done once per file."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Hashable
from functools import cache
from typing import Generic, TypeVar

_Found = TypeVar("_Found")

_LINE_PATTERNS = {
    "array": r"(?m)^[ \t]*\[\[[ \t]*([^\]\n]*?)[ \t]*\]\]",  # [[array]] headers
    "table": r"(?m)^[ \t]*\[(?!\[)[ \t]*([^\]\n]*?)[ \t]*\]",  # [table] headers
    "header": r"(?m)^[ \t]*\[",  # any header: where a table ends
    "key": r"(?m)^[ \t]*([^\s=\[#]+?)[ \t]*=",  # key = …
}


@cache
def _line_pattern(kind: str) -> re.Pattern[str]:
    """A pattern that finds lines in the config's text, compiled once, when first needed: a line
    is looked up for each [[…]] entry and [keys] entry, else only for an error message (a pattern
    per key and table, compiled at every start, cost ~21M instructions)."""
    return re.compile(_LINE_PATTERNS[kind])


class _PerText(Generic[_Found]):
    """What was found in a config's text, kept for the last TEXTS_KEPT texts and looked up by
    the text itself (`is`), never compared: a cache keyed by the text (functools.lru_cache)
    compared a new copy of the same file, read again by the next step of an import, with the
    one it held, character by character, at every line looked up (an import of 20,000 feeds:
    ~150 µs a line, 80,000 lines, 23 s)."""

    TEXTS_KEPT = 4

    def __init__(self) -> None:
        self._kept: list[tuple[str, dict[Hashable, _Found]]] = []

    def get(self, raw: str, key: Hashable, find: Callable[[], _Found]) -> _Found:
        """What `find()` finds in `raw` for `key`, found once for that text."""
        found = next((held for text, held in self._kept if text is raw), None)
        if found is None:
            found = {}
            self._kept = [(raw, found), *self._kept[: self.TEXTS_KEPT - 1]]
        if key not in found:
            found[key] = find()
        return found[key]


_LINE_ENDS: _PerText[tuple[int, ...]] = _PerText()
_HEADERS: _PerText[tuple[tuple[int, ...], tuple[int, ...]]] = _PerText()


def line_at(raw: str, offset: int) -> int:
    """The line (1-based) of the character at `offset`."""
    return bisect_left(_line_ends(raw), offset) + 1


def _line_ends(raw: str) -> tuple[int, ...]:
    """The offset of every newline in the config's text, found once: each feed's `tags = …`
    line counted the newlines from the top of the file again (hostile r44 L6)."""
    return _LINE_ENDS.get(
        raw, None, lambda: tuple(match.start() for match in re.finditer("\n", raw))
    )


def entry_line(raw: str, table: str, index: int) -> int:
    """The line number of the index-th `[[table]]` header (1-based), or 0."""
    lines = header_lines(raw, table)
    return lines[index] if index < len(lines) else 0


def header_lines(raw: str, table: str) -> tuple[int, ...]:
    """The line numbers of every `[[table]]` header."""
    return _headers(raw, table)[0]


def _headers(raw: str, table: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The line numbers of every `[[table]]` header, and the offset where the line below each
    starts, found once per file and table (a config of hundreds of feeds searched the whole
    file again for each, at every start)."""
    return _HEADERS.get(raw, table, lambda: _find_headers(raw, table))


def _find_headers(raw: str, table: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """_headers' search."""
    lines, below, line, done = [], [], 1, 0
    for match in _line_pattern("array").finditer(raw):
        if match.group(1) != table:
            continue
        line += raw.count("\n", done, match.start())
        done = match.start()
        lines.append(line)
        end = raw.find("\n", match.end())
        below.append(len(raw) if end < 0 else end + 1)
    return tuple(lines), tuple(below)


def table_header(raw: str, table: str) -> re.Match[str] | None:
    """The `[table]` header line's match, or None."""
    return next((m for m in _line_pattern("table").finditer(raw) if m.group(1) == table), None)


def table_start_line(raw: str, table: str) -> int:
    """The line of the `[table]` header, else of a `table = …` key, else 0."""
    header = table_header(raw, table)
    return line_at(raw, header.start()) if header else key_line(raw, table)


def quoted_line(raw: str, key: str) -> int:
    """The line of a top-level table header or key written with TOML escapes or quotes, which
    the patterns above do not read (`["\\u001b]52;…"]`: hostile r45 L5), or 0. Each line that
    may be one is read as TOML alone: slow, but only for an error."""
    import tomllib

    in_table = False
    for number, text in enumerate(raw.splitlines(), 1):
        header = text.lstrip().startswith("[")
        if in_table and not header:
            continue
        in_table = in_table or header
        try:
            found = tomllib.loads(text)
        except (tomllib.TOMLDecodeError, RecursionError):
            continue
        if key in found:
            return number
    return 0


def _key_in(raw: str, key: str, start: int) -> int:
    """The line of `key = …` between `start` and the next header, or 0."""
    following = _line_pattern("header").search(raw, start)
    end = following.start() if following else len(raw)
    for match in _line_pattern("key").finditer(raw, start, end):
        if match.group(1) == key:
            return line_at(raw, match.start())
    return 0


def entry_key_line(raw: str, table: str, index: int, key: str) -> int:
    """The line of `key = …` inside the index-th `[[table]]` entry, or 0. Looked up for every
    feed: the text is searched from the entry's header on (it split the whole file for each, 1.4
    ms a feed: 4,000 feeds took 5.8 s at every command, hostile r44 L6)."""
    below = _headers(raw, table)[1]
    return _key_in(raw, key, below[index]) if index < len(below) else 0


def key_line(raw: str, key: str, table: str | None = None) -> int:
    """The line of `key = …` (inside `[table]` when given), or 0."""
    if table is None:
        return _key_in(raw, key, 0)
    header = table_header(raw, table)
    return _key_in(raw, key, header.end()) if header else 0


def at_line(path: object, line: int | None) -> str:
    """Where in a config file a message points: "FILE:LINE", or the file alone when the line
    is not known (0 or None)."""
    return f"{path}:{line}" if line else str(path)
