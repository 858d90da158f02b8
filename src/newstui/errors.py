"""The one exception hierarchy: each carries a message fit to show a user."""


class NewstuiError(Exception):
    """Base class: an error caused by input or environment, shown as one line, never a traceback.

    `source` names the feed, URL or file the error is about, when there is one (`--json` errors
    carry it)."""

    def __init__(self, *args: object, source: str | None = None) -> None:
        super().__init__(*(hide_passwords(a) if isinstance(a, str) else a for a in args))
        self.source = None if source is None else hide_passwords(source)


def hide_passwords(text: str) -> str:
    """`text` with the password of each URL in it (`http://me:secret@host/`) shown as `***`: for
    what is displayed (names, error lines, listings), never for the URL that is fetched."""
    if "@" not in text:  # the common case, without loading `re`
        return text
    import re

    return re.sub(r"(\b[a-zA-Z][\w+.-]*://[^\s/?#@:]*:)[^\s/?#@]*@", r"\1***@", text)


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
