"""Keys of feeds.toml's `[[…]]` entries written in place: an edit that changes an entry's keys
(its tags, say) rewrites only those lines, so a file whose `[[feeds]]` entries another table
parts (`[sync]` between them), each under its own comments, keeps its order and comments.
tomlkit's own writing regrouped such entries under the first and left their comments behind."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from newstui.config.lines import header_lines

if TYPE_CHECKING:  # (tomlkit: imported by the edits that use it)
    from tomlkit import TOMLDocument

# A line that may begin a key (`tags = …`, `"tags" = …`): not a comment, a header or a blank
_KEY_START = re.compile(r"[ \t]*[\w\"'-]")
# The lines a value of one key may take at most (a long `tags = [` array written a tag a line)
_MOST_VALUE_LINES = 200


def written_in_place(raw: str, doc: TOMLDocument) -> str:
    """The text of `doc` (tomlkit's document of `raw`, its entries' keys edited) with `raw`'s
    layout: each `[[…]]` entry's changed keys rewritten on their own lines (a key's comment on
    its line kept), a new one under the entry's last key, a key taken out with its lines; the
    rest of `raw` as it was. When the edit is more than that, or the text made would not read
    as `doc` does, tomlkit's writing of `doc`."""
    import tomllib

    import tomlkit  # only editing needs it

    whole = tomlkit.dumps(doc)
    try:
        before, after = tomllib.loads(raw), tomllib.loads(whole)
    except tomllib.TOMLDecodeError:
        return whole
    lines = raw.splitlines()
    changes: list[tuple[int, int, list[str]]] = []  # (from, to, lines in their place)
    for table, entries in after.items():
        old = before.get(table)
        if entries == old:
            continue
        if not isinstance(old, list) or not _entries(entries) or not _entries(old):
            return whole
        if len(entries) != len(old):
            return whole
        headers = header_lines(raw, table)
        if len(headers) != len(old):  # (an inline `feeds = [...]`, a dotted header)
            return whole
        for index, (had, has) in enumerate(zip(old, entries, strict=True)):
            if had != has:
                items = doc[table][index]  # (each value as the edit wrote it: 'literal' or not)
                found = _entry_changes(lines, headers[index] - 1, had, has, items)
                if found is None:
                    return whole
                changes += found
    for start, end, new in sorted(changes, reverse=True):
        lines[start:end] = new
    text = "\n".join(lines) + ("\n" if raw.endswith("\n") else "")
    try:
        return text if tomllib.loads(text) == after else whole
    except tomllib.TOMLDecodeError:
        return whole


def _entries(value: object) -> bool:
    """Whether a TOML value is an array of tables."""
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def _entry_changes(
    lines: list[str], header: int, had: dict[str, Any], has: dict[str, Any], items: Any
) -> list[tuple[int, int, list[str]]] | None:
    """The line changes making the entry whose header is line index `header` hold `has` instead
    of `had` (`items`: tomlkit's table of it, whose values keep the style the edit gave them);
    None when one of its keys is not found on lines of its own (a sub-table)."""
    end = next((i for i in range(header + 1, len(lines)) if _header(lines[i])), len(lines))
    spans = _key_spans(lines, header + 1, end)
    changes: list[tuple[int, int, list[str]]] = []
    added: list[str] = []
    for key in [*had, *(k for k in has if k not in had)]:
        if had.get(key, _NONE) == has.get(key, _NONE):
            continue
        span = spans.get(key)
        if key in had and span is None:
            return None
        if span is None:
            first = min((begin for begin, _ in spans.values()), default=header)
            added.append(key_line(key, items[key], "", _indent(lines[first]) if spans else ""))
        elif key in has:
            start, stop = span
            old = lines[start] if stop == start + 1 else ""
            changes.append((start, stop, [key_line(key, items[key], old, _indent(lines[start]))]))
        else:
            changes.append((span[0], span[1], []))
    if added:
        last = max((stop for _, stop in spans.values()), default=header + 1)
        changes.append((last, last, added))
    return changes


_NONE = object()


def _header(line: str) -> bool:
    """Whether a line is a table header (`[sync]`, `[[feeds]]`)."""
    return line.lstrip().startswith("[")


def _indent(line: str) -> str:
    """The white space a line is indented by."""
    return line[: len(line) - len(line.lstrip(" \t"))]


def _key_spans(lines: list[str], start: int, end: int) -> dict[str, tuple[int, int]]:
    """Each top-level key written in lines `start` to `end` (one entry's), by its name: the
    index of its first line and of the line after its value (a multi-line array's last)."""
    import tomllib

    spans: dict[str, tuple[int, int]] = {}
    at = start
    while at < end:
        if not _KEY_START.match(lines[at]):
            at += 1
            continue
        for stop in range(at + 1, min(end, at + _MOST_VALUE_LINES) + 1):
            try:
                found = tomllib.loads("\n".join(lines[at:stop]))
            except tomllib.TOMLDecodeError:
                continue
            if len(found) == 1:
                spans.setdefault(next(iter(found)), (at, stop))
            at = stop - 1
            break
        at += 1
    return spans


def key_line(key: str, value: Any, old: str, indent: str = "") -> str:
    """`key = value` (indented by `indent`), with the comment `old` (a line it replaces) ends
    with, at its column."""
    import tomllib

    import tomlkit  # only editing needs it

    line = f"{indent}{tomlkit.key(key).as_string()} = {tomlkit.item(value).as_string()}"
    body = re.match(r"[ \t]*#*[ \t]*", old)
    start = body.end() if body else 0
    for hash_at in (m.start() for m in re.finditer("#", old) if m.start() >= start):
        try:
            if tomllib.loads(old[start:hash_at]):
                comment = old[hash_at:].rstrip()
                gap = hash_at - start - len(old[start:hash_at].rstrip())
                column = hash_at if gap > 2 else len(line) + gap  # aligned, or its own gap
                return f"{line.ljust(max(column, len(line) + 2))}{comment}"
        except tomllib.TOMLDecodeError:
            continue
    return line
