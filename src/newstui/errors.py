"""The one exception hierarchy: each carries a message fit to show a user."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import re
    from collections.abc import Callable, Sequence


class NewstuiError(Exception):
    """Base class: an error caused by input or environment, shown as one line, never a traceback.

    `source` names the feed, URL or file the error is about, when there is one (`--json` errors
    carry it)."""

    def __init__(self, *args: object, source: str | None = None) -> None:
        super().__init__(*(hide_passwords(a) if isinstance(a, str) else a for a in args))
        # (an address as written, its password of any length hidden: hide_url_password)
        hide = hide_url_password if source is not None and "://" in source else hide_passwords
        self.source = None if source is None else hide(source)


def hide_passwords(text: str) -> str:
    """`text` with each URL's password shown as `***` (`me:pw@host/f` → `me:***@host/f`):
    with a scheme, a broken one (`http:/`, `https//`, `HTTP ://`, backslashes) or none (then
    with a port or path after the host), and a password holding `@`, `#` or (after a scheme)
    white space. Prose is left as written: "AWS re:Invent recap @ Las Vegas" is a name, not
    `user:password@host` (review r45 H2), and so are "Email:info@acme.com", `sip:` and `xmpp:`
    addresses and "Score 2:1@home" (review r46 L3). For what is displayed (names, error lines,
    listings, links), never for the URL that is fetched; an address as the user wrote it goes
    through hide_url_password."""
    if "@" not in text:  # the common case, without loading `re`
        return text
    return _as_shown(text, _hidden_in_text)


def _hidden_in_text(text: str) -> str:
    if len(text) > _USER_READ and (users := _long_users().findall(text)):
        # each user name longer than the patterns read stands in as one character, not in the
        # text, while they look for passwords (review r46 L2 in free text: a proxy's error line)
        free = (chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text)
        marks = dict(zip(free, users, strict=False))
        short = iter(marks)
        text = _long_users().sub(lambda _: next(short, "u"), text)
        hidden = _userinfo().sub(_stars, text)
        return "".join(marks.get(c, c) for c in hidden) if marks else hidden
    return _userinfo().sub(_stars, text)


def hide_url_password(url: str) -> str:
    """hide_passwords of a text that is one address as written (a feed url of the config, `add`'s
    argument, an OPML outline's, a newsboat urls line): a password holding white space is hidden
    there even without a scheme (`me:s3c ret@host/feed`), which in other text reads as prose."""
    if "@" not in url:
        return url
    return _as_shown(url, _hidden_in_address)


def _hidden_in_address(url: str) -> str:
    user = _long_user(url)
    if user is not None:  # (the patterns read 256 characters of a user: review r46 L2)
        start, end = user
        short = _hidden_in_address(f"{url[:start]}u{url[end:]}")
        if short.startswith(f"{url[:start]}u"):
            return f"{url[:end]}{short[start + 1 :]}"
    spaced = _spaced_userinfo().match(url) or _address_userinfo().match(url)
    if spaced is not None:
        url = f"{spaced['lead']}{spaced['token']}***@{url[spaced.end() :]}"
    return _long_password_hidden(_hidden_in_text(url))


def _long_password_hidden(url: str) -> str:
    """An address whose password the patterns left, as longer than the 256 characters they
    read before its `@`, with it hidden: read at that one place (after the authority's
    `//user:`, else the address's first `user:`) as the patterns read it, to any length. Only
    in an address: in other text, what lies 256 characters after a `user:` is prose more often
    than a password's end (`see https://h:8443 … mail me@x.org`)."""
    start = _authority_start(url)
    if start:
        end = url.find(":", start)
        if end < 0 or any(c in url[start:end] for c in "/\\\r\n"):
            return url
        whole = _whole_password()
    elif (token := _schemeless_user().match(url)) is not None:
        end, whole = token.end() - 1, _whole_spaced_password()
    else:
        return url
    if url.startswith("***@", end + 1):
        return url
    password = whole.match(url, end + 1)
    if password is None or password.end() - end <= _USER_READ:
        return url
    return f"{url[: end + 1]}***@{url[password.end() :]}"


def _long_user(url: str) -> tuple[int, int] | None:
    """Where the user name of an address's authority (after `//`, `:/` or backslashes, to its
    `:`) starts and ends when it is longer than the patterns read and a `@` follows; else None.
    Found with str methods, so its length is not bounded."""
    start = _authority_start(url)
    end = url.find(":", start) if start else -1
    user = url[start:end]
    if end < 0 or len(user) <= _USER_READ or "@" not in url[end:]:
        return None
    if any(c in user for c in "/\\\r\n"):
        return None
    return start, end


def _authority_start(url: str) -> int:
    """Where the authority of an address starts, after its first `//`, `:/` or backslashes;
    0 when there is none."""
    slashes = (i + 1 for i in range(1, len(url)) if url[i] in "/\\" and url[i - 1] in "/\\:")
    start = next(slashes, 0)
    while start < len(url) and url[start] in "/\\":
        start += 1
    return start


def _as_shown(text: str, hidden_in: Callable[[str], str]) -> str:
    """`hidden_in(text)`, or, when a password would show once the text is cleaned for a line
    (clean_line takes controls out and makes line breaks one space: `me:s3c\\x0bret@host/f`
    reads `me:s3cret@host/f`), that line (controls out, line breaks as spaces) with it hidden
    (hostile r46 L8): neither order of the two shows a password."""
    hidden = hidden_in(text)
    if hidden.isprintable():  # (no control, no line break, no white space but the plain space)
        return hidden
    from newstui.text import strip_controls

    line = strip_controls(hidden).replace("\n", " ")  # (tabs and other white space are \s)
    again = hidden_in(line)
    return hidden if again == line else again


LOGIN_PLACEHOLDER = "USER:PASSWORD"
"""What a hint writes for the user and password to put in an address (a proxy's 407:
`http_proxy=http://USER:PASSWORD@px:3128`): no password, so shown as written (hostile r47 L2: the
hint said `USER:***@`, which told the user to type `***`)."""


def _stars(found: re.Match[str]) -> str:
    if found[0] == f"{LOGIN_PLACEHOLDER}@":
        return found[0]
    return f"{found['url'] or found['token']}***@"


# The parts of the patterns below. `user:` at a token's start: the text's, or after white space
# and perhaps a quote or bracket; not `mailto:`.
_TOKEN = r"""(?P<token>(?<!\S)['"(<\[]?(?!mailto:)[^\s/\\?#@:'"<>()\[\]]*:)"""
_UNSPACED = r"[^\s/]*@"
_USER_READ = 256  # the longest user name after an authority's start the patterns read (_long_user)
# after a token's `user:password@` (no scheme before it), a host and then a port or a path, as in
# an address: "Email:info@acme.com", "sip:alice@example.com", "Score 2:1@home" are no URLs
_THEN_PORT_OR_PATH = r"(?=[^\s/\\:]*(?::\d|/))"
# a password holding white space (not at its start: "Note: ask me@x" is no URL), to its last `@`
# in 256 characters before `/` or a line's end (a backslash in it too: review r46 L3), and
# after a token not past a `:` or quote
_SPACED = r"""[^\s/][^/\r\n'":]{0,255}@"""
# after a token, a password may begin with `\` (`me:\pw@host/f`, hostile r46 H1), but not a
# broken scheme's user (`http:\\me:pw@`: that `user:` is the url alternative's)
_NOT_AUTHORITY = r"(?!\\+[^\s/\\:@]*:)"
# (a password holding `/`) not a port and then a path, query or fragment (`host:8080/@me`), nor
# a broken one's `\`
_NO_PORT = r"(?!\d*(?:[/?#]|$)|\d+\\)"


@cache
def _userinfo() -> re.Pattern[str]:
    """`user:password@` after an authority's start (`//`, `:/`, backslashes; the user may hold
    spaces there) or at a token's start (then a port or path after the host). The password runs
    to its last `@` before white space or `/`; else, after an authority's start, when it holds
    a `/` (no port: `host:8080/@me` is a path's @), to its last `@` in 256 characters before
    white space; else, after an authority's start, when it holds white space, as _SPACED, and
    when it holds both, to its last `@` in 256 characters before a line's end or a `://`.
    Linear time: each start reads at most to the next `/` or white space, or 256 characters."""
    import re

    slashed = rf"{_NO_PORT}[^\s/\]][^\s\]]{{0,255}}@"
    # (last: a password holding `/` and white space, `me:s3c/re t@`, to its last `@` on the line
    # before another URL)
    slashed_spaced = rf"{_NO_PORT}[^\s/\]](?:(?!://)[^\]\r\n]){{0,255}}@"
    url = rf"""(?P<url>(?<=[/\\:][/\\])[^/\\:\r\n]{{0,{_USER_READ}}}:)(?:{_UNSPACED}|{slashed}|[^\s/][^/\r\n]{{0,255}}@|{slashed_spaced})"""
    return re.compile(
        rf"{url}|{_TOKEN}{_NOT_AUTHORITY}{_UNSPACED}{_THEN_PORT_OR_PATH}", re.IGNORECASE
    )


@cache
def _long_users() -> re.Pattern[str]:
    """A user name after an authority's start longer than _userinfo reads, then its `:`. Linear:
    each run ends at a `/`, which the next start follows."""
    import re

    return re.compile(rf"(?<=[/\\:][/\\])[^/\\:\r\n]{{{_USER_READ + 1},}}(?=:)")


@cache
def _whole_password() -> re.Pattern[str]:
    """The password after an authority's `user:` as _userinfo's url alternative reads it, to
    any length: matched at one place only (_long_password_hidden)."""
    import re

    slashed = rf"{_NO_PORT}[^\s/\]][^\s\]]*@"
    slashed_spaced = rf"{_NO_PORT}[^\s/\]](?:(?!://)[^\]\r\n])*@"
    return re.compile(rf"{_UNSPACED}|{slashed}|[^\s/][^/\r\n]*@|{slashed_spaced}", re.IGNORECASE)


@cache
def _schemeless_user() -> re.Pattern[str]:
    """The `user:` an address written without a scheme starts with (as _spaced_userinfo)."""
    import re

    return re.compile(rf"\s*{_TOKEN}{_NOT_AUTHORITY}", re.IGNORECASE)


@cache
def _whole_spaced_password() -> re.Pattern[str]:
    """_SPACED to any length (with _UNSPACED first): matched at one place only."""
    import re

    return re.compile(rf"""{_UNSPACED}|[^\s/][^/\r\n'":]*@(?!\s)""", re.IGNORECASE)


@cache
def _spaced_userinfo() -> re.Pattern[str]:
    """`user:pass word@host` at the start of an address written without a scheme
    (hide_url_password): leading white space, a quote or bracket allowed; a `:`-free user; a host
    (no white space) after the `@`: a name typed for a source ("NPR:Morning Edition @ 6") stays."""
    import re

    return re.compile(rf"(?P<lead>\s*){_TOKEN}{_NOT_AUTHORITY}{_SPACED}(?!\s)", re.IGNORECASE)


@cache
def _address_userinfo() -> re.Pattern[str]:
    """`user:pass word@host` after the scheme of an address as written (hide_url_password): the
    password holds white space and runs to its last `@` on the line (before another `://`), past
    an `@` before the white space (`http://me:s3c@re t@h` showed "re t"; `/` in it too), which in
    other text would reach into the prose after a URL (`http://me:pw@host, or mail me@x.org`)."""
    import re

    start = r"""(?P<lead>\s*['"(<\[]?[^\s/\\:'"]*\s*:?[/\\]{1,2})"""
    user = rf"(?P<token>[^/\\:\r\n]{{0,{_USER_READ}}}:)"
    password = rf"(?=[^\r\n]*\s){_NO_PORT}[^\s/\]](?:(?!://)[^\]\r\n]){{0,255}}@(?!\s)"
    return re.compile(f"{start}{user}{password}", re.IGNORECASE)


class ConfigError(NewstuiError):
    """The config file is missing, unreadable or invalid."""


class SourceError(NewstuiError):
    """A feed, page or file could not be fetched or parsed."""


class NetworkError(SourceError):
    """No answer came because of the network, not the server's answer: connection refused,
    unknown host, unreachable, timed out, reset. A refresh the user asks for tries a feed left
    to wait after one (see ingest.fetch_feeds)."""


class NoNetwork(NetworkError):
    """A failure of the network that says this machine has none (no route to the address's
    network, no answer from the name server), not that the host is down: a lone feed failing so
    is not counted against (see ingest.records.FetchRecords)."""


class HTTPStatusError(SourceError):
    """A server answered with an error status; `retry_after` is its Retry-After header, if any."""

    def __init__(self, message: str, status: int, retry_after: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class SourceChoiceError(NewstuiError):
    """A name several sources go by, none of them exactly as typed: a command must not pick one
    (hostile r46 H2). `candidates`: each one's name, URL (or path) and what `feeds` says of it."""

    def __init__(self, name: str, candidates: Sequence[tuple[str, str, str]]) -> None:
        listed = [f"{n!r} ({f'{said}, ' if said else ''}{where})" for n, where, said in candidates]
        local = any(not w.startswith(("http:", "https:")) for _, w, _ in candidates)
        by = "URL or path" if local else "URL"
        super().__init__(
            f"{len(listed)} sources are named {name!r}: {', '.join(listed[:-1])} and "
            f"{listed[-1]}; name one by its {by} (see `newstui feeds --json`)",
            source=name,
        )
        self.candidates = tuple(candidates)


class StoreError(NewstuiError):
    """The database cannot be opened or is not a newstui database."""


class BackupRefused(StoreError):
    """A file `restore` was given that is no backup it can put back (not a newstui store, one cut
    short or damaged, compressed, newer, holding what newstui does not make): the fault of the
    input, not of the database (`--json`: kind input, `source` the file; user test r47 L7)."""

    def __init__(self, shown: str, reason: str, *, source: str) -> None:
        super().__init__(f"{shown}: not restored: {reason}", source=source)


class DiskFullError(StoreError):
    """A write failed for want of disk space: nothing more can be stored until some is freed,
    so a fetch stops at once instead of fetching what it cannot keep (user test r47 M4)."""


class RestoreRoomError(StoreError):
    """A restore refused before it wrote anything: the disk of the store at `store` has `free`
    bytes, and it needs `needed` (`kept`: to keep the store as it was too); the command says
    them in sizes people read (user test r46 M3)."""

    def __init__(self, store: str, needed: int, free: int, *, kept: bool) -> None:
        super().__init__(f"{store}: not restored: needs {needed} bytes free, {free} free")
        self.store, self.needed, self.free, self.kept = store, needed, free, kept


class RestoreFailed(StoreError):
    """A restore that failed after the store as it was had been copied beside it: `kept`, that
    copy's name, "" when it was removed, the store being as it was; `reason`, the failure."""

    def __init__(self, store: str, reason: str, kept: str) -> None:
        super().__init__(f"{store}: not restored: {reason}", source=store)
        self.store, self.reason, self.kept = store, reason, kept


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
