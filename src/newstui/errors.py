"""The one exception hierarchy: each carries a message fit to show a user."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import re


class NewstuiError(Exception):
    """Base class: an error caused by input or environment, shown as one line, never a traceback.

    `source` names the feed, URL or file the error is about, when there is one (`--json` errors
    carry it)."""

    def __init__(self, *args: object, source: str | None = None) -> None:
        super().__init__(*(hide_passwords(a) if isinstance(a, str) else a for a in args))
        self.source = None if source is None else hide_passwords(source)


def hide_passwords(text: str) -> str:
    """`text` with the password of each URL in it shown as `***` (`me:secret@host` → `me:***@host`):
    with a scheme, a broken one (`http:/`, `https//`, `HTTP ://`, backslashes) or none, and a
    password holding `@`, `#` or white space. For what is displayed (names, error lines,
    listings, links), never for the URL that is fetched."""
    if "@" not in text:  # the common case, without loading `re`
        return text
    return _userinfo().sub(lambda found: f"{found['url'] or found['token']}***@", text)


@cache
def _userinfo() -> re.Pattern[str]:
    """`user:password@` after an authority's start (`//`, `:/`, backslashes; the user may hold
    spaces there) or at a token's start (the text's, or after white space and perhaps a quote or
    bracket; not `mailto:`). The password runs to its last `@` before white space or `/`; else,
    after an authority's start, when it holds a `/` (no port: `host:8080/@me` is a path's @), to
    its last `@` in 256 characters before white space; else, when it holds white space (and does
    not start with it: "Note: ask me@x" is no URL), to its last `@` in 256 characters before
    `/`, `\\` or a line's end, and after a token's start not past a `:` or quote either (the next
    URL's). Linear time: each start reads at most to the next `/` or white space, or 256
    characters."""
    import re

    unspaced = r"(?:[^\s/\\][^\s/]*)?@"
    slashed = r"(?!\d*(?:[/\\?#]|$))[^\s/\\\]][^\s\]]{0,255}@"
    url = rf"""(?P<url>(?<=[/\\:][/\\])[^/\\:\r\n]{{0,256}}:)(?:{unspaced}|{slashed}|[^\s/\\][^/\\\r\n]{{0,255}}@)"""
    token = r"""(?P<token>(?<!\S)['"(<\[]?(?!mailto:)[^\s/\\?#@:'"<>()\[\]]*:)"""
    spaced = r"""[^\s/\\][^/\\\r\n'":]{0,255}@"""
    return re.compile(rf"{url}|{token}(?:{unspaced}|{spaced})", re.IGNORECASE)


class ConfigError(NewstuiError):
    """The config file is missing, unreadable or invalid."""


class SourceError(NewstuiError):
    """A feed, page or file could not be fetched or parsed."""


class HTTPStatusError(SourceError):
    """A server answered with an error status; `retry_after` is its Retry-After header, if any."""

    def __init__(self, message: str, status: int, retry_after: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class StoreError(NewstuiError):
    """The database cannot be opened or is not a newstui database."""


def error_line(exc: BaseException) -> str:
    """One line for a user about an error: the message of a NewstuiError, "database error: …"
    for SQLite, the OS's reason for a file error, else the exception's type and text."""
    import sqlite3  # stdlib: keeps `import newstui.errors` free of work until an error happens

    if isinstance(exc, NewstuiError):
        text = str(exc)
    elif isinstance(exc, sqlite3.Error):
        text = f"database error: {exc}"
    elif isinstance(exc, OSError) and exc.strerror:
        text = f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    else:
        text = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    lines = text.strip().splitlines()
    return lines[0] if lines else type(exc).__name__


class SyncError(NewstuiError):
    """The sync server could not be reached, refused us or answered something unusable."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after  # seconds the server asked us to wait (HTTP 429)
