"""Writing `[settings]` values and `[keys]` bindings into feeds.toml (an import's): none the
user set, each in the place of the shipped example's line or its commented-out one."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newstui.config import parse_config
from newstui.config.edit_lock import edits_config, toml_document
from newstui.config.entry_keys import key_line
from newstui.config.entry_layout import tables_parted
from newstui.config.example import example_config_text
from newstui.config.lines import table_header
from newstui.config.settings_table import setting_problem
from newstui.config.writing import write_config


@dataclass(frozen=True)
class SettingsAdded:
    """What `add_settings` wrote to [settings] and [keys], and what it left as the file had it."""

    written: tuple[tuple[str, Any], ...] = ()  # (setting, value)
    kept: tuple[tuple[str, Any, Any], ...] = ()  # (setting, the value offered, the file's)
    refused: tuple[tuple[str, str], ...] = ()  # (setting, why its value is none newstui takes)
    keys_written: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (binding id, keys)
    keys_kept: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (binding id, the keys offered)
    replaced: tuple[tuple[str, Any], ...] = ()  # (setting, the shipped example's value it had)


@edits_config
def add_settings(
    path: Path, settings: Sequence[tuple[str, Any]], keys: Mapping[str, Sequence[str]]
) -> SettingsAdded:
    """Write these [settings] values and [keys] bindings into the config file (comments kept),
    but none the file sets already (an imported value never overwrites the user's) nor an
    invalid one; returns what was written, kept and refused. A setting line still exactly as
    the shipped example writes it (`refresh_minutes = 30` with its comment) is the example's,
    not the user's: it takes the value offered (user test r48 MED-11). A value the file has
    already is neither written nor kept: nothing changes (user test r55 LOW-4: "timeout = 20
    (was the example's 20)")."""
    import tomlkit  # only editing needs it

    raw = path.read_text("utf-8") if path.exists() else ""
    config = parse_config(path, raw)  # (raises on a file that does not read, as add_feeds)
    doc = toml_document(raw)
    table = doc.get("settings")
    own = dict(table) if isinstance(table, dict) else {}
    examples = _example_setting_lines(raw) if isinstance(table, dict) else {}
    written: list[tuple[str, Any]] = []
    kept: list[tuple[str, Any, Any]] = []
    refused: list[tuple[str, str]] = []
    replaced: list[tuple[str, Any]] = []
    for key, value in settings:
        if key in own and _same_value(own[key], value):
            continue
        if key in own and key not in examples:
            kept.append((key, value, own[key]))
        elif (problem := setting_problem(key, value)) is not None:
            refused.append((key, problem))
        elif key not in dict(written):
            written.append((key, value))
            if key in own:
                replaced.append((key, own[key]))
    given = {binding.id for binding in config.keys.bindings}
    keys_written = [(i, tuple(k)) for i, k in keys.items() if i not in given and k]
    keys_kept = [(i, tuple(k)) for i, k in keys.items() if i in given and k]
    if not written and not keys_written:
        return SettingsAdded((), tuple(kept), tuple(refused), (), tuple(keys_kept))
    bindings: list[tuple[str, Any]] = [
        (i, bound[0] if len(bound) == 1 else list(bound)) for i, bound in keys_written
    ]
    text: str | None = raw
    for name, values in (("settings", written), ("keys", bindings)):
        if values and text is not None:
            text = _with_table_keys(text, name, values)
    if text is None:  # (a layout the lines above do not read: tomlkit's own writing)
        for name, values in (("settings", written), ("keys", bindings)):
            if values:
                found = doc.get(name)
                if not isinstance(found, dict):
                    found = tomlkit.table()
                    doc[name] = found
                for key, value in values:
                    found[key] = value
        text = tables_parted(tomlkit.dumps(doc))
    write_config(path, text)
    return SettingsAdded(
        tuple(written),
        tuple(kept),
        tuple(refused),
        tuple(keys_written),
        tuple(keys_kept),
        tuple(replaced),
    )


def _same_value(had: Any, offered: Any) -> bool:
    """Whether a value the file has is the one offered: equal, and a flag only to a flag (in
    Python `True == 1`)."""
    return bool(had == offered) and isinstance(had, bool) == isinstance(offered, bool)


def _line_words(line: str) -> str:
    """A line with its runs of blanks made one space, to compare lines as written."""
    return " ".join(line.split())


def _example_setting_lines(raw: str) -> dict[str, str]:
    """The [settings] keys whose line in `raw` is still the shipped example's, word for word
    (value and comment): set by the example, not by the user."""
    shipped = example_config_text()
    theirs = _table_lines(raw, "settings")
    ours = _table_lines(shipped, "settings")
    if theirs is None or ours is None:
        return {}
    example = _real_keys(shipped.splitlines(), ours)
    found = _real_keys(raw.splitlines(), theirs)
    return {
        key: line
        for key, line in found.items()
        if key in example and _line_words(line) == _line_words(example[key])
    }


def _table_lines(raw: str, table: str) -> tuple[int, int] | None:
    """The `[table]` header's index in raw's lines and the index of the next header (or the
    line count), or None when it has no such header."""
    header = table_header(raw, table)
    if header is None:
        return None
    lines = raw.splitlines()
    start = raw.count("\n", 0, header.start())
    end = next(
        (i for i in range(start + 1, len(lines)) if re.match(r"[ \t]*\[", lines[i])), len(lines)
    )
    return start, end


def _real_keys(lines: list[str], span: tuple[int, int]) -> dict[str, str]:
    """The keys written one a line in a table's span (`key = value  # comment`), by key."""
    import tomllib

    found: dict[str, str] = {}
    for line in lines[span[0] + 1 : span[1]]:
        try:
            keys = list(tomllib.loads(line))
        except tomllib.TOMLDecodeError:
            continue
        if len(keys) == 1:
            found.setdefault(keys[0], line)
    return found


def _commented_key(line: str) -> str | None:
    """The key a commented-out line would set (`# keep_days = 90  # …` → keep_days), or None."""
    import tomllib

    match = re.match(r"[ \t]*#+[ \t]*(?=\S)", line)
    if match is None:
        return None
    try:
        keys = list(tomllib.loads(line[match.end() :]))
    except tomllib.TOMLDecodeError:
        return None
    return keys[0] if len(keys) == 1 else None


def _with_table_keys(raw: str, table: str, values: Sequence[tuple[str, Any]]) -> str | None:
    """The config text with these keys written inside its `[table]` block: a key whose line is
    the shipped example's, or whose commented-out example line the block holds, in that line's
    place (its comment kept); the others under the block's last key, never after the
    commented-out example of a table further down (user test r48 MED-11: uncommenting `# [sync]`
    moved them into [sync]). A file without the table gets it above its first table. None when
    the text made does not read as the same config with these values (tomlkit writes it then)."""
    import tomllib

    lines = raw.splitlines()
    span = _table_lines(raw, table)
    examples = _example_setting_lines(raw) if table == "settings" else {}
    new = [key_line(key, value, "") for key, value in values]
    if span is None:  # [settings] above the first table, [keys] at the end
        first = (i for i, x in enumerate(lines) if re.match(r"[ \t]*\[", x))
        at = next(first, len(lines)) if table == "settings" else len(lines)
        top = at  # (above the comment lines right over that table: theirs)
        while at < len(lines) and top > 0 and lines[top - 1].lstrip().startswith("#"):
            top -= 1
        at = at if top == 0 else top
        block = [f"[{table}]", *new]
        before = lines[:at]
        if before and before[-1].strip():
            block.insert(0, "")
        if at < len(lines):
            block.append("")
        lines[at:at] = block
    else:
        start, end = span
        last = max(
            (i for i in range(start + 1, end) if lines[i].strip() and not _comment(lines[i])),
            default=start,
        )
        while last + 1 < end and _continued(lines[last + 1]):
            last += 1  # (its comment's next lines stay with it: user test r55 LOW-3)
        paragraph = next((i for i in range(last + 1, end) if not lines[i].strip()), end)
        below: list[str] = []
        places: dict[int, str] = {}
        for (key, value), line in zip(values, new, strict=True):
            place = next(
                (
                    i
                    for i in range(start + 1, paragraph)
                    if i not in places
                    and (
                        (key in examples and lines[i] == examples[key])
                        or _commented_key(lines[i]) == key
                    )
                ),
                None,
            )
            if place is None:
                below.append(line)
            else:
                places[place] = key_line(key, value, lines[place])
        for at, line in places.items():
            lines[at] = line
        lines[last + 1 : last + 1] = below
    text = "\n".join(lines) + ("\n" if raw.endswith("\n") or not raw else "")
    try:
        wanted = tomllib.loads(raw)
        wanted.setdefault(table, {}).update(dict(values))
        if tomllib.loads(text) != wanted:
            return None
    except (tomllib.TOMLDecodeError, AttributeError):
        return None
    return text


def _continued(line: str) -> bool:
    """Whether a line goes on the comment of the line above it: a comment alone whose text is
    indented (`#                          under it) or "flat" …`), not a commented-out key nor a
    comment of its own (`# [sync]`)."""
    return re.match(r"[ \t]*#[ \t]{2,}\S", line) is not None


def _comment(line: str) -> bool:
    """Whether a line is a comment alone."""
    return line.lstrip().startswith("#")
