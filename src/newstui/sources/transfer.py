"""Fetching a large file to disk: streamed, resumed with an HTTP Range request when a partial
file is there, restarted when the server ignores the range. Bounded redirects, http(s) only. A web
page answered for a file that is no page (a login wall, an error or parked-domain page) is refused
before a byte is written.

A partial file is resumed only as the version of the file it is the start of: the first answer's
strong ETag (else its Last-Modified date) is kept beside the .part and sent as If-Range, and a
file that changed since is fetched again from its first byte (r46 H3: a podcast's dynamic ads
spliced two versions into one file), and so is one whose 206 does not name that version again
(hostile r47 M5). A .part without one is never resumed, nor kept after a failure (wget -c,
curl -C - and podboat resume by size alone; Chromium restarts without a validator)."""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import re
import ssl
import stat
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin

import httpx

from newstui.disk_room import free_bytes
from newstui.errors import NewstuiError
from newstui.model.downloads import PART_SUFFIX, VALIDATOR_SUFFIX
from newstui.sources.enclosures import enclosure_type
from newstui.sources.http import (
    MAX_REDIRECTS,
    USER_AGENT,
    describe_transport_error,
    is_http_url,
    login_hint,
)
from newstui.sources.proxied import ProxyFailed, proxied_transport
from newstui.sources.urls import invalid_url_detail, web_url, without_userinfo

_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)")
_UNSATISFIED = re.compile(r"bytes\s+\*/(\d+)")
_STRONG_ETAG = re.compile(r'"[\x21\x23-\x7e]{0,200}"')  # (RFC 9110 entity-tag, not W/, ASCII)
_HTTP_DATE = re.compile(r"[\x20-\x7e]{1,64}")  # (then parsed)
_DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
_VALIDATOR_BYTES = 300  # the most a kept validator file holds (an ETag of 200, its quotes, "\n")
# what a name kept for a validator may be instead of a file, as a line says it (hostile r47 M4)
_NOT_A_FILE = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)
_NO_VERSION = "nothing tells which version of the file they are the start of"

Progress = Callable[[int, int | None], None]  # (bytes arrived, total or None)
Credentials = Callable[[str], tuple[str, str] | None]  # a URL's (user, password) for Basic auth
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_SNIFFED_BYTES = 512  # how much of a body is read before deciding whether it is a web page
# The first bytes of an HTML document as browsers recognise it whatever its declared type (WHATWG
# MIME Sniffing, "identifying a resource with an unknown MIME type"): a tag among these, after
# white space (and a byte order mark), followed by a space or ">". No audio or video format
# starts so.
_HTML_START = re.compile(
    rb"(?:\xef\xbb\xbf)?[\t\n\x0c\r ]*<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|"
    rb"a|style|title|b|body|br|p|!--)[ >\t\n\x0c\r]",
    re.IGNORECASE,
)


# The most a download may bring, whatever the feed's `length` says (often 0, 1 or stale): a
# ten-hour episode at 320 kbit/s is 1.4 GB. An endless body stopped here fills no disk (r44 M1:
# 705 MB in 3 s). A size the server declares is refused up front past it, or when the disk has
# not the room, and no more than it is written (r45 H1: a 206, or a Content-Length sent with a
# chunked body, wrote 4.0 GB in 15 s past a declared 10 bytes).
DOWNLOAD_CAP = 2_000_000_000
# A download slower than this over this long stops (curl's --speed-limit/--speed-time), its .part
# kept: a server trickling a byte a second, each read within the timeout, held the queue for ever
# (r45 M2).
SLOWEST = 1024  # bytes a second
STALL_SECONDS = 60.0


@dataclass(frozen=True)
class Limits:
    """What one download may take: at most `cap` bytes when its server declares no size (and
    never more than it declares), and no `stall_seconds` under `slowest` bytes a second."""

    cap: int = DOWNLOAD_CAP
    slowest: int = SLOWEST
    stall_seconds: float = STALL_SECONDS


class TransferError(NewstuiError):
    """A download failed: the server refused it, the connection broke or the disk did.
    `passing`: for a reason that may pass by itself (the network, a server's 5xx or 429: the next
    run tries it again), not for good (a 404, a web page, a full disk); `retry_after`: how long
    the server asked to wait (a 429's or 503's Retry-After)."""

    def __init__(
        self, message: str, *, passing: bool = False, retry_after: timedelta | None = None
    ) -> None:
        super().__init__(message)
        self.passing, self.retry_after = passing, retry_after


class TransferStopped(Exception):
    """The download was asked to stop; what arrived stays in the .part file for next time."""


def part_path(path: Path) -> Path:
    """Where a file's bytes collect while it arrives."""
    return path.with_name(path.name + PART_SUFFIX)


def validator_path(part: Path) -> Path:
    """Where the version (If-Range validator) of the file a .part holds the start of is kept."""
    return part.with_name(part.name + VALIDATOR_SUFFIX)


def new_client(timeout: float, ca_file: str | None = None) -> httpx.Client:
    """An HTTP client for downloads: no total time limit (files are large), but connecting and
    each read are bounded; bytes are taken as sent (no decompression, so ranges add up); through
    the proxy the environment sets (http_proxy, https_proxy, all_proxy, no_proxy); certificates
    checked as feeds' are (`sources.trust`: certifi's, SSL_CERT_FILE/SSL_CERT_DIR, `ca_file`)."""
    from newstui.sources.trust import TrustUnusable, trusted_tls

    mounts: dict[str, httpx.BaseTransport | None] = {}
    try:
        tls = trusted_tls(ca_file)
    except TrustUnusable as exc:  # (moved since the config loaded: review r52 MED-1)
        # each https download fails with its line, as a certificate refused does (not tried
        # again by itself); plain http ones go on
        tls, mounts = trusted_tls(), {"https://": _Untrusted(str(exc))}
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
        timeout=httpx.Timeout(timeout, connect=min(10.0, timeout)),
        follow_redirects=False,
        trust_env=False,  # (the environment's proxies, and nothing else of it: see proxied)
        transport=proxied_transport(tls),
        mounts=mounts,
    )


class _Untrusted(httpx.BaseTransport):
    """The https transport of downloads while the `ca_file` cannot be read: every request fails
    with `problem`, the line naming the file (sources.trust.TrustUnusable)."""

    def __init__(self, problem: str) -> None:
        self.problem = problem

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise TransferError(self.problem)


def fetch_to_file(
    client: httpx.Client,
    url: str,
    path: Path,
    progress: Progress,
    stopped: Callable[[], bool],
    expected: str = "",
    limits: Limits = Limits(),
    credentials: Credentials = lambda url: None,
    elsewhere: Callable[[Path], Path] | None = None,
    started_over: Callable[[int, str | None], None] = lambda kept, why: None,
) -> int:
    """Download `url` into `path` through `path`.part, resuming what a previous try left there;
    returns the size. `expected`: the MIME type the feed gave; unless it is a page's, a web page
    answered instead is refused. `credentials`: what each request (a redirect's too) is sent as
    Basic auth; a `user:password@` in a URL never is. A file at `path` as it ends is never
    written over (user test r47 H2: a retry's replaced the user's own): `elsewhere(taken)` names
    the next name to try (None: TransferError, the .part kept). `started_over` hears the bytes
    of a .part begun again because no version was kept with them, and why none could be: the
    server gives none (user test r48 L31), or None: it does, so an older newstui kept it (r47 L3).
    Raises TransferError (the .part file stays, unless the server sent more than `limits.cap` or
    than it declared, or gave no validator to resume it by) or TransferStopped."""
    part = part_path(path)
    wanted = _Wanted(url, expected, started_over)
    try:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):  # (a file where a folder should be)
            above = (p for p in path.parents if os.path.lexists(p))
            raise TransferError(f"{next(above, path.parent)}: not a folder") from None
        on_disk = part.stat().st_size if part.exists() else 0
        _refuse_odd_validator(part, on_disk)
        if not on_disk:  # (one left when its .part was deleted by hand: never read without it)
            with contextlib.suppress(OSError):
                validator_path(part).unlink(missing_ok=True)
        size = _fetch(client, url, part, on_disk, progress, stopped, wanted, limits, credentials)
    except (OSError, httpx.HTTPError, httpx.InvalidURL, TransferError) as exc:
        problem = _problem(exc, url, path)
        if dropped := drop_unresumable(part):
            problem += (
                f"; the {dropped:,} bytes that had arrived are not kept: {wanted.unresumable}"
            )
        asked = exc.retry_after if isinstance(exc, TransferError) else None
        raise TransferError(problem, passing=_passing(exc), retry_after=asked) from None
    _place(part, path, elsewhere)  # (the whole file: kept whatever happens to its name)
    with contextlib.suppress(OSError):  # (left behind, it is never read without its .part)
        validator_path(part).unlink(missing_ok=True)
    return size


# what link(2) says on a disk without hard links (FAT, exFAT, some network and FUSE disks)
_NO_HARD_LINKS = frozenset(
    {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK, errno.EXDEV}
)


def _place(part: Path, path: Path, elsewhere: Callable[[Path], Path] | None) -> None:
    """Give the finished `part` its name `path`, or the next one `elsewhere` names while a file
    is there (TransferError when None, or when it raises NewstuiError: the .part stays)."""
    target = path
    try:
        while not _take_name(part, target):
            if elsewhere is None:
                raise TransferError(f"{target}: a file newstui did not write is there")
            target = elsewhere(target)
    except (NewstuiError, OSError) as exc:
        said = exc if isinstance(exc, NewstuiError) else f"{target}: {exc.strerror or exc}"
        raise TransferError(f"{said}; the whole file stays in {part.name}") from None


def _take_name(part: Path, target: Path) -> bool:
    """Rename `part` to `target` unless something is there (False): never over it, even one
    made a moment before. A name left pointing at the .part itself (a try killed between its
    two steps) is taken."""
    try:
        os.link(part, target)
    except FileExistsError:
        if not os.path.samestat(os.lstat(target), os.lstat(part)):
            return False
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        try:  # (the name held by an empty file of this process's, then replaced)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            os.close(os.open(target, flags, 0o600))
        except FileExistsError:
            return False
        os.replace(part, target)
        return True
    os.unlink(part)
    return True


def _problem(exc: Exception, url: str, path: Path) -> str:
    """What went wrong, in one line, for a download of `url` into `path`."""
    if isinstance(exc, TransferError):
        return str(exc)
    if isinstance(exc, OSError):
        if exc.errno in _DISK_FULL:
            return f"{url}: no space left on the disk of {path.parent}"
        return f"{exc.filename or path}: {exc.strerror or exc}"
    if isinstance(exc, httpx.HTTPError):
        return f"{url}: {describe_transport_error(exc)}"
    # (InvalidURL, no HTTPError: `//host:abc/x.mp3`, a feed's or a redirect's)
    return f"{url}: not a valid URL{invalid_url_detail(url, exc)}"


def _passing(exc: Exception) -> bool:
    """Whether a download's failure may pass by itself, so that the next run tries it again: the
    network's (refused, unknown host, unreachable, timed out, the connection broken or closed
    early), a proxy's, a server's 5xx or 429; not a TLS or certificate failure, an address that
    is none, a disk's, nor what the server answered for good (404, a web page)."""
    if isinstance(exc, TransferError):
        return exc.passing
    if isinstance(exc, httpx.ConnectError):
        if isinstance(exc, ProxyFailed):
            return True
        cause: BaseException | None = exc
        while cause is not None:  # (httpx's, over httpcore's, over the OS's or ssl's own)
            if isinstance(cause, ssl.SSLError | UnicodeError):
                return False
            cause = cause.__cause__ or cause.__context__
        return True
    return isinstance(exc, httpx.TimeoutException | httpx.NetworkError | httpx.RemoteProtocolError)


def resumable(part: Path) -> bool:
    """Whether a .part is kept to resume from: a regular file with a validator (or something
    not newstui's where one would be) beside it; drop_unresumable deletes the others."""
    try:
        if not stat.S_ISREG(os.lstat(part).st_mode):
            return False
    except OSError:
        return False
    return _read_validator(part) is not None or _odd_validator(part) is not None


def drop_unresumable(part: Path) -> int:
    """Delete a .part no validator is kept for (it could only ever start again): how many bytes
    it held (0: none there, no regular file, or it is kept: a validator, or something not
    newstui's where it would be, is beside it)."""
    try:
        if not stat.S_ISREG(os.lstat(part).st_mode) or resumable(part):
            return 0
        size = part.stat().st_size
        part.unlink()
    except OSError:
        return 0
    return size


def _fetch(
    client: httpx.Client,
    url: str,
    part: Path,
    on_disk: int,
    progress: Progress,
    stopped: Callable[[], bool],
    wanted: _Wanted,
    limits: Limits,
    credentials: Credentials,
) -> int:
    if not is_http_url(url):
        raise TransferError(f"{url}: not an http(s) URL")
    current = without_userinfo(url)  # (a private feed's, in a link stored before r45)
    validator = _read_validator(part) if on_disk else None
    have = on_disk if validator is not None else 0  # (none: the file may have changed since)
    for _ in range(MAX_REDIRECTS + 1):
        headers = {"Range": f"bytes={have}-", "If-Range": validator} if have and validator else {}
        auth = credentials(current)
        with client.stream("GET", current, headers=headers, auth=auth) as response:
            if response.has_redirect_location:
                target = web_url(urljoin(current, response.headers["location"]))
                if target is None:
                    raise TransferError(f"{url}: redirect to a non-http(s) location")
                current = without_userinfo(target)
                continue
            if response.status_code == 416 and have:
                whole = _UNSATISFIED.match(response.headers.get("content-range", ""))
                if whole and int(whole[1]) == have:
                    progress(have, have)  # everything had arrived before the interruption
                    return have
                have = 0  # the partial file is not a prefix of this file: start again
                continue
            if response.status_code >= 300:
                raise _refused(url, current, response, auth is not None)
            if response.status_code == 206 and have and _changed(response, validator):
                have = 0  # (a server that ignores If-Range: another version's rest) from byte 0
                continue
            served = _media_type(response.headers.get("content-type"))
            if served in PAGE_TYPES:
                wanted.refuse_page(served)
            start, total, end = _body_range(response, have, url)
            if end is not None:  # (a declared size of any size: a 4K video episode may pass
                # 2 GB; the cap bounds a body sent with none, and none may pass what it declared)
                _check_room(part, end - start, url, on_disk if start == 0 else 0)
            chunks = _watched(response.iter_raw(), url, limits)
            head = _sniffed_head(chunks, served, wanted) if start == 0 else b""
            if start == 0 and not head:  # (r46 M8: "downloaded (0 B)", never retried; what the
                # .part held stays until another file's bytes come)
                raise TransferError(f"{url}: the server sent an empty file (0 bytes)")
            span = _Span(
                start,
                total,
                end if end is not None else limits.cap,
                end is not None,
                _validator_of(response) if start == 0 else None,
            )
            if start == 0 and span.validator is None:
                wanted.unresumable = _why_unresumable(response)
            if start == 0 and on_disk and validator is None:
                no_version = wanted.unresumable if span.validator is None else None
                wanted.started_over(on_disk, no_version)
            return _receive(chunks, head, part, span, progress, stopped, url)
    raise TransferError(f"{url}: more than {MAX_REDIRECTS} redirects")


PASSING_STATUSES = frozenset({408, 425, 429})  # (and every 5xx): a server busy, not refusing


def _refused(url: str, current: str, response: httpx.Response, sent: bool) -> TransferError:
    """A download's error for an answer that is no file (a 4xx or 5xx): a 5xx, 408 or 429 may
    pass (its Retry-After kept), a 401 says where a login goes, as a feed's does (`sent`: a user
    and password were sent)."""
    from newstui.sources.backoff import parse_retry_after

    status = response.status_code
    said = f"{url}: HTTP {status} {response.reason_phrase or 'error'}"
    if status == 401:
        said += login_hint(current, sent, of_episode=True)
    passing = status >= 500 or status in PASSING_STATUSES
    asked = response.headers.get("retry-after") if status in (429, 503) else None
    wait = parse_retry_after(asked, datetime.now(UTC))
    return TransferError(said, passing=passing, retry_after=wait)


def _read_validator(part: Path) -> str | None:
    """The If-Range validator kept beside a .part (a strong ETag or an HTTP date), or None: none
    kept, or not one (the file is the user's to edit: never sent unless it is one). Only a
    regular file of a validator's size is read, never waited on (hostile r47 M4: a named pipe
    there held `download --retry` for ever)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        if not stat.S_ISREG(os.lstat(validator_path(part)).st_mode):
            return None
        with os.fdopen(os.open(validator_path(part), flags), "rb") as kept:
            found = os.fstat(kept.fileno())  # (what was opened, if it changed since the lstat)
            if not stat.S_ISREG(found.st_mode) or found.st_size > _VALIDATOR_BYTES:
                return None
            text = kept.read(_VALIDATOR_BYTES).decode("ascii").strip()
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return text if _STRONG_ETAG.fullmatch(text) or _http_date(text) is not None else None


def _odd_validator(part: Path) -> str | None:
    """What stands where a .part's validator is kept when it is no file ("a folder", "a named
    pipe"…), or None (a file, or nothing)."""
    try:
        mode = os.lstat(validator_path(part)).st_mode
    except OSError:
        return None
    return next((kind for test, kind in _NOT_A_FILE if test(mode)), None)


def _refuse_odd_validator(part: Path, on_disk: int) -> None:
    """TransferError, before any request, when something that is no file stands where a .part's
    validator is kept: newstui could neither read nor replace it, and it is not newstui's to
    delete; the .part stays (hostile r47 M4: a folder there said "Is a directory" and "the server
    gave no ETag or Last-Modified", and the 2,000 good bytes were deleted)."""
    if (kind := _odd_validator(part)) is None:
        return
    kept = f"; the {on_disk:,} bytes of {part.name} are kept" if on_disk else ""
    raise TransferError(
        f"{validator_path(part)}: {kind}, where newstui keeps the version of the file "
        f"{part.name} holds the start of; move it away and download again{kept}"
    )


def _keep_validator(part: Path, validator: str) -> None:
    """Keep the validator of the file a .part holds the start of."""
    kept = validator_path(part)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(kept, flags, 0o644), "w", encoding="ascii") as out:
        out.write(validator + "\n")


def _validator_of(response: httpx.Response) -> str | None:
    """What an answer's file can be resumed by (RFC 9110 13.1.5 If-Range): its strong ETag, or
    else its Last-Modified date when that is strong (a second or more before the answer's
    Date); None for neither. A weak ETag (`W/"…"`: Express's, nginx's when it compresses)
    never goes in If-Range, so the date decides, as with no ETag (review r46 L8: such a file
    never resumed)."""
    etag = response.headers.get("etag", "").strip()
    if _STRONG_ETAG.fullmatch(etag):
        return etag
    modified = response.headers.get("last-modified", "").strip()
    when, sent = _http_date(modified), _http_date(response.headers.get("date", "").strip())
    if when is None or sent is None or (sent - when).total_seconds() < 1:
        return None
    return modified


def _changed(response: httpx.Response, validator: str | None) -> bool:
    """Whether a 206 answer may be of another version of the file than `validator`: unless it
    names that version again (its ETag, or its Last-Modified for a date), its server may have
    ignored If-Range (hostile r47 M5: a 206 with no ETag, of the changed file's rest, was
    added to the old version's start and said downloaded)."""
    if validator is None:
        return True
    if validator.startswith('"'):
        etag = response.headers.get("etag")
        return etag is None or etag.strip() != validator
    modified = response.headers.get("last-modified")
    return modified is None or _http_date(modified.strip()) != _http_date(validator)


def _why_unresumable(response: httpx.Response) -> str:
    """Why an answer's file cannot be resumed (_validator_of found nothing), as said after "the
    bytes that had arrived are not kept: " (hostile r47 L2: a Last-Modified in the future was
    said to be none)."""
    etag = "a weak ETag only" if response.headers.get("etag", "").strip() else "no ETag"
    modified = response.headers.get("last-modified", "").strip()
    if not modified:
        if etag == "no ETag":
            return "the server gave no ETag or Last-Modified to resume them by"
        return f"the server gave {etag} and no Last-Modified to resume them by"
    date = response.headers.get("date", "").strip()
    when, sent = _http_date(modified), _http_date(date)
    if when is None:
        said = "a Last-Modified that is no date"
    elif sent is None:
        said = "a Last-Modified but no Date to tell it is past"
    elif when > sent:
        said = f"a Last-Modified in the future ({modified}, its Date {date})"
    else:
        said = "a Last-Modified within a second of its Date (the file may still have changed)"
    return f"the server gave {etag} and {said}: nothing to resume them by"


def _http_date(text: str) -> datetime | None:
    """An HTTP date (with its zone), or None when `text` is none."""
    if not _HTTP_DATE.fullmatch(text):
        return None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return when if when.tzinfo is not None else None


def _check_room(part: Path, coming: int, url: str, reusable: int = 0) -> None:
    """Refuse a file the disk has no room for (what the server declared still to come), before
    a byte is written. `reusable`: the bytes of the .part this body replaces, room it frees
    (r46 L2: a download started again counts its own .part's room)."""
    free = free_bytes(str(part))
    if free is None:  # (not known: the disk says when it is full)
        return
    if coming > free + reusable:
        mine = f" and the {reusable:,} of its .part" if reusable else ""
        raise TransferError(
            f"{url}: {coming:,} bytes to come, more than the {free:,} free in {part.parent}{mine}"
        )


def _body_range(
    response: httpx.Response, have: int, url: str
) -> tuple[int, int | None, int | None]:
    """Where the body starts in the file, the file's whole size and where the body ends in it,
    as far as the server said (None: not said). A 206 to a request that asked no range is taken
    as the start of the file it says it is (bounded by its Content-Range). A 206 whose
    Content-Range is not the part asked for, or disagrees with its Content-Length or itself, is
    refused before a byte is written (r46 L3: the .part's earlier bytes were deleted); so is a
    200, the whole file, whose Content-Range says it is part of one (hostile r47 M5: the rest
    of the file, sent as a 200, was kept as the whole episode)."""
    length = response.headers.get("content-length", "")
    length_value = int(length) if length.isdigit() else None
    found = _CONTENT_RANGE.match(response.headers.get("content-range", ""))
    if response.status_code == 206:
        if not found or int(found[1]) != have or int(found[2]) < have:
            raise TransferError(f"{url}: the server sent another part of the file than asked for")
        total = int(found[3]) if found[3] != "*" else None
        span = int(found[2]) + 1 - have
        if (total is not None and int(found[2]) >= total) or length_value not in (None, span):
            raise _contradiction(url, "", found, length)
        return have, total, int(found[2]) + 1
    # 200: the whole file (a server that ignores Range starts again from the first byte)
    if found:  # (a Content-Range on it may only say so)
        whole = int(found[1]) == 0 and found[3] != "*" and int(found[2]) + 1 == int(found[3])
        if not whole or length_value not in (None, int(found[3])):
            raise _contradiction(url, "HTTP 200, the whole file, with ", found, length)
        length_value = int(found[3])
    return 0, length_value, length_value


def _contradiction(url: str, status: str, found: re.Match[str], length: str) -> TransferError:
    """The refusal of an answer whose Content-Range (`found`) disagrees with its status, its
    Content-Length or itself."""
    said = f"Content-Range bytes {found[1]}-{found[2]}/{found[3]}"
    if length:
        said += f", Content-Length {length}"
    return TransferError(
        f"{url}: the server's answer contradicts itself ({status}{said}); nothing of it written"
    )


def _watched(chunks: Iterator[bytes], url: str, limits: Limits) -> Iterator[bytes]:
    """The body's chunks as they arrive; TransferError once fewer than `limits.slowest` bytes a
    second came over `limits.stall_seconds` (each read's timeout alone lets a byte a second
    through for ever)."""
    since, got = time.monotonic(), 0
    for chunk in chunks:
        got += len(chunk)
        now = time.monotonic()
        if now - since >= limits.stall_seconds:
            if got < limits.slowest * (now - since):
                raise TransferError(
                    f"{url}: stalled: {got:,} bytes in {now - since:.0f} s, under "
                    f"{limits.slowest:,} bytes a second; stopped"
                )
            since, got = now, 0
        yield chunk


class _Wanted:
    """What a download is for: its URL, and whether a web page may stand for it (when the feed
    said the file is one); once its server answered, why what arrives could not be resumed;
    who hears that a .part with no version kept is begun again."""

    def __init__(
        self, url: str, expected: str, started_over: Callable[[int, str | None], None]
    ) -> None:
        self.url, self.started_over = url, started_over
        self.unresumable = _NO_VERSION
        self.page_allowed = expected.lower() in PAGE_TYPES
        kind = expected.partition("/")[0].lower()
        self.noun = {"audio": "audio", "video": "video", "image": "an image"}.get(kind, "the file")

    def refuse_page(self, served: str) -> None:
        """Raise TransferError saying a web page came back (`served`: how it was sent)."""
        if not self.page_allowed:
            raise TransferError(f"{self.url} answered a web page ({served}), not {self.noun}")


def _media_type(header: str | None) -> str:
    """A Content-Type without parameters, lower case: "" when absent, "an invalid type" when it
    is not one (a server's bytes are shown in an error only when they are a plain MIME type)."""
    if not header:
        return ""
    return enclosure_type(header) or "an invalid type"


def _sniffed_head(chunks: Iterator[bytes], served: str, wanted: _Wanted) -> bytes:
    """The body's first bytes (up to _SNIFFED_BYTES, more if a chunk held more), refused as
    `wanted` says when they are the start of a web page, whatever type the server declared."""
    head = b""
    for chunk in chunks:
        head += chunk
        if len(head) >= _SNIFFED_BYTES:
            break
    if _HTML_START.match(head):
        wanted.refuse_page(f"sent as {served}" if served else "sent with no type")
    return head


@dataclass(frozen=True)
class _Span:
    """Where a body goes in the file: from `start`, of a file of `total` bytes (None: not said),
    which may hold at most `end` bytes (what the server `declared`, else the cap); a body from
    the first byte comes with the `validator` to resume it by, if any."""

    start: int
    total: int | None
    end: int
    declared: bool
    validator: str | None = None


def _receive(
    chunks: Iterator[bytes],
    head: bytes,
    part: Path,
    span: _Span,
    progress: Progress,
    stopped: Callable[[], bool],
    url: str,
) -> int:
    """Write the body into `part` as `span` says; past its end, the .part is cut back to what
    was there before (deleted when the body started the file)."""
    start, total = span.start, span.total
    done = start
    progress(done, total)
    last = time.monotonic()
    if not start:  # (the validator of what the .part held goes before its bytes do)
        validator_path(part).unlink(missing_ok=True)
    with part.open("ab" if start else "wb") as out:
        if start:
            out.truncate(start)
        elif span.validator is not None:
            _keep_validator(part, span.validator)
        for chunk in itertools.chain((head,) if head else (), chunks):
            if done + len(chunk) > span.end:
                if start:  # (the earlier bytes, of the version asked for, stay to resume)
                    out.truncate(start)
                out.close()
                if not start:
                    part.unlink(missing_ok=True)  # (the download stays listed: retried on asking)
                    validator_path(part).unlink(missing_ok=True)
                raise TransferError(_too_much(url, span))
            out.write(chunk)
            done += len(chunk)
            if stopped():
                out.flush()
                raise TransferStopped
            if time.monotonic() - last >= 0.2:
                last = time.monotonic()
                progress(done, total)
    if total is not None and done != total:
        if done == span.end:  # (a 206 that ends before the file does, as its Content-Range said)
            sent = f"bytes {start:,}-{done - 1:,} of {total:,}"
            if not start:  # (a 206 to a request for the whole file: hostile r47 L2)
                raise TransferError(f"{url}: the server sent part of the file unasked ({sent})")
            raise TransferError(f"{url}: the server sent {sent}, not the rest asked for")
        raise TransferError(f"{url}: the connection closed after {done:,} of {total:,} bytes")
    progress(done, done)
    return done


def _too_much(url: str, span: _Span) -> str:
    """Why a body that went past `span.end` bytes was stopped, and what of the .part is kept."""
    if span.declared:
        said = f"the server sent more than the {span.end:,} bytes it declared"
    else:
        said = f"more than {span.end:,} bytes and the server gave no size"
    kept = f"the {span.start:,} bytes from before kept" if span.start else "nothing kept"
    return f"{url}: {said}; stopped, {kept}"
