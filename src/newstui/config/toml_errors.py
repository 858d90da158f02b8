"""What a config that does not read as TOML is told: a yes/no or a string written bare, a
setting in newsboat's syntax, newsboat's own files given as the config, a key given twice."""

from __future__ import annotations

import re
from pathlib import Path

from newstui.text import clean_line

TOO_DEEP = "nested too deeply (hundreds of arrays or inline tables inside each other)"
TOO_LONG_NUMBER = "a number of more than 4,300 digits"


# a value written bare as newsboat's config writes it: `mark_read_on_open = yes`
_BARE_BOOL = re.compile(r"[ \t]*[\w.\"'-]+[ \t]*=[ \t]*(yes|no|on|off|True|False)[ \t]*(#.*)?")


# a string written bare: `url = http://host/f.xml`, `browser = w3m %u`
_BARE_STRING = re.compile(r"[ \t]*([\w.\"'-]+)[ \t]*=[ \t]*([A-Za-z~/.][^#\n]*?)[ \t]*(#.*)?")
# a setting written as newsboat's config writes it: `browser "w3m %u"`, `reload-time 60`
_NEWSBOAT_LINE = re.compile(
    r"[ \t]*([a-z][\w-]*)[ \t]+(\"[^\"\n]*\"|[^\s=\"#][^=\n#]*?)[ \t]*(#.*)?"
)


def bare_word_hint(raw: str, line: int) -> str:
    """A hint for the TOML error at `line` when it holds a yes/no written bare (user test r37
    L3: "invalid TOML: Invalid value" did not say what to write), a string without its quotes
    or a setting in newsboat's syntax (user test r48 L12)."""
    lines = raw.splitlines()
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    if found := _BARE_BOOL.fullmatch(text):
        return f" (write true or false, not {found.group(1)})"
    if found := _BARE_STRING.fullmatch(text):
        value = clean_line(found.group(2), 80).replace("\\", "\\\\").replace('"', '\\"')
        return f' (quote it: {found.group(1)} = "{value}")'
    if found := _NEWSBOAT_LINE.fullmatch(text):
        from newstui.sources.newsboat_files import NEWSBOAT_SETTINGS

        key, value = found.group(1), clean_line(found.group(2), 80)
        key = NEWSBOAT_SETTINGS.get(key, key)  # `reload-time 60`: refresh_minutes = 60
        value = {"yes": "true", "no": "false", '"yes"': "true", '"no"': "false"}.get(value, value)
        if value.isdigit() or value in ("true", "false"):
            return f" (newsboat syntax? write {key} = {value})"
        value = value[1:-1] if value.startswith('"') else value.replace('"', '\\"')
        return f' (newsboat syntax? write {key} = "{value}")'
    return ""


def newsboat_file(path: Path, raw: str) -> str | None:
    """For a config that does not read as TOML: the refusal of newsboat's urls file or config
    given as `--config` (newsboat's `-u urls` habit, user test r48 L12), with the command that
    reads it; None for any other text."""
    from newstui.sources.newsboat_files import looks_like_newsboat_config, looks_like_newsboat_urls
    from newstui.sources.newsboat_urls import shell_path

    if looks_like_newsboat_urls(raw, path.name):
        return (
            "newsboat's urls file, not a newstui config (feeds.toml): `newstui opml import "
            f"{shell_path(path.absolute())}` writes its feeds into feeds.toml"
        )
    if looks_like_newsboat_config(raw):
        urls = path.parent / "urls"
        named = shell_path(urls.absolute()) if urls.is_file() else "URLS-FILE"
        return (
            "newsboat's config, not a newstui config (feeds.toml): `newstui opml import "
            f"{named}` reads it beside newsboat's urls file and writes its settings and keys "
            "into feeds.toml"
        )
    return None


_KEY_START = r"[ \t]*(\"[^\"\n]*\"|'[^'\n]*'|[\w-]+)[ \t]*[=.]"  # a key's first part


def twice_hint(raw: str, line: int) -> str:
    """For tomllib's "Cannot overwrite a value" at `line`: the key given twice and the line of
    its first value in the same table (user test r44 L5: the key was not named)."""
    lines = raw.splitlines()
    found = re.match(_KEY_START, lines[line - 1]) if 0 < line <= len(lines) else None
    if found is None:
        return ""
    key = found.group(1)
    named = repr(key.strip("\"'"))
    for earlier in range(line - 1, 0, -1):
        text = lines[earlier - 1]
        if re.match(r"[ \t]*\[", text):  # the table's header: not given before in it
            break
        if (first := re.match(_KEY_START, text)) and first.group(1) == key:
            return f": {named} is given twice, at lines {earlier} and {line} (keep one)"
    return f": {named} is given twice (keep one)"
