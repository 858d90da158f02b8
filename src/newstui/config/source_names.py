"""A source's name and tags as feeds.toml writes them: checked (one a user can see and type),
cleaned, and told apart from another entry's name that looks the same."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newstui.model import respelled
from newstui.model.names import invisible_characters, shown_name, shows_nothing
from newstui.text import clean_line
from newstui.word_lists import listed


def taken_name(name: str, line: int, first: str, url: str, kind: str = "feed") -> str:
    """What a source's name, as written, shares with the entry on `line` whose name is written
    `first` (the `kind` of source at `url`): the same name (in another case), or two spellings
    that look the same, each shown as TOML writes it (`Caf\\u00e9` and `Cafe\\u0301`: the line
    showed 'Café' twice), and what tells them apart when only characters that show nothing do
    (hostile r47 L5: 'Tech News' and 'Tech\\xa0News' were "already the name", unsaid why). An
    entry of an inline `feeds = [{…}]` array has no line of its own: its url names it (it said
    "on line 0")."""
    where = f"on line {line}" if line else f"at {url!r}"
    if shown_name(clean_line(first)) != shown_name(clean_line(name)):
        return f"is the name of {kind} {first!r} {where} (names are one in any case)"
    if first == name:
        return f"is already the name of the {kind} {where}"
    differing = _invisible_difference(first, name)
    return (
        f"is already the name of the {kind} {where}: written {_escaped(first)} there and "
        f"{_escaped(name)} here, "
        + (f"they differ only by {differing}" if differing else "they look the same")
    )


def _invisible_difference(first: str, name: str) -> str:
    """What two spellings of a name differ by when it is only characters that show nothing or
    white space other than the space ("a no-break space U+00A0"); "" when they differ by more
    (`Caf\\u00e9` and `Cafe\\u0301`: letters composed or not)."""
    import difflib
    import unicodedata

    a, b = unicodedata.normalize("NFC", first), unicodedata.normalize("NFC", name)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    differing = [
        c
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
        for c in a[i1:i2] + b[j1:j2]
        if c != " "
    ]
    unseen = dict.fromkeys(differing)
    if not unseen or not all(
        c.isspace() or not c.isprintable() or invisible_characters(c) for c in unseen
    ):
        return ""
    said = []
    for c in unseen:
        called = unicodedata.name(c, "").lower() or "control character"
        said.append(f"{'an' if called[0] in 'aeiou' else 'a'} {called} U+{ord(c):04X}")
    return listed(said)


def _escaped(name: str) -> str:
    """`name` with each character not printable ASCII as a TOML escape (`\\u0301`)."""
    return "".join(
        c if " " <= c <= "~" else f"\\u{ord(c):04X}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08X}"
        for c in name
    )


def local_name(entry: dict[str, Any], lpath: Path, line: int, fail: Any) -> str:
    """A `[[local]]` entry's name: its own, else its file or folder's name (else the path: "/"
    has no name; hostile r44 L3: "'name' must be a non-empty string" for a name never written)."""
    if "name" in entry:
        return clean_name(entry["name"], "name", line, fail)
    return path_name(lpath)


def path_name(path: Path) -> str:
    """A local source's name when none is given: its file or folder's name, else (one that
    shows nothing, or "/") its path."""
    name = clean_line(path.name)
    return name if not shows_nothing(name) else clean_line(str(path))


def clean_name(value: Any, key: str, line: int, fail: Any) -> str:
    """A name: one line without control characters (TOML escapes like \\u001b are removed)."""
    if not isinstance(value, str):
        raise fail(line, f"{key!r} must be a non-empty string")
    if problem := name_problem(value, key):
        raise fail(line, problem[0])
    return clean_line(value)


def usable_name(value: Any, line: int, fail: Any) -> bool:
    """Whether a `[[feeds]]` or `[[local]]` entry's `name` names it: False for a text that
    names nothing (name_problem: the entry alone is skipped, with one warning). A value that is
    no text at all (name = 3, a list) refuses the file, as a url that is none does: the file's
    shape is wrong there, and what else it holds is no more to be trusted than that entry."""
    if not isinstance(value, str):
        raise fail(line, "'name' must be a non-empty string")
    return name_problem(value) is None


def name_problem(value: str, key: str = "name") -> tuple[str, str] | None:
    """Why a name written `value` names nothing a user could see or type, as a config line
    says it and as `feeds` says it of a source so named; None for a usable name."""
    text = clean_line(value)
    if not text and value.strip():  # hostile r44 L3
        said = f"{key!r} is empty once its control characters are removed ({value!r})"
        return said, "its name is only control characters"
    if not text and value:  # (U+2028, U+0085: "must be a non-empty string" said r47 M7)
        said = f"{key!r} is only white space (written {_escaped(value)})"
        return said, "its name is only white space"
    if not text:
        return f"{key!r} must be a non-empty string", "its name is empty"
    if shows_nothing(text):  # (a blank line in Sources and `feeds` that no one can type)
        said = f"{key!r} shows nothing: it is only invisible characters (written {_escaped(text)})"
        return said, "its name shows nothing"
    return None


def entry_tags(value: Any, line: int, fail: Any, owner: str) -> tuple[str, ...]:
    """An entry's tags: a list of strings, or one tag alone as a string (spaces and all: "World
    News" is one tag, as the last release took it, review r37 C1). A string holding a comma is
    several tags written as one (user test r37 L8: `tags = "news, world"` was one tag "news,
    world"): one line says how to write them."""
    if isinstance(value, str) and "," not in value:
        value = [value]
    if isinstance(value, str):
        words = [w for w in value.split(",") if w.strip()]
        like = ", ".join(f'"{w.strip()}"' for w in words)
        raise fail(line, f"'tags' of {owner} must be a list, like tags = [{like}], not {value!r}")
    if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
        raise fail(line, f"'tags' of {owner} must be a list of strings")
    return clean_tags(value)


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as stored: one line each, no control characters, no empty or repeated tag ("Tech"
    and "tech" are one: the first spelling is kept)."""
    return respelled((tag for tag in map(clean_line, tags) if tag), {})
