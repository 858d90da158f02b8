"""Fetching a large file to disk: streamed, resumed with an HTTP Range request when a partial
file is there, restarted when the server ignores the range. Bounded redirects, http(s) only. A web
page answered for a file that is no page (a login wall, an error or parked-domain page) is refused
before a byte is written."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import httpx

from newstui.errors import NewstuiError
from newstui.model.downloads import PART_SUFFIX
from newstui.sources.enclosures import enclosure_type
from newstui.sources.http import (
    MAX_REDIRECTS,
    USER_AGENT,
    describe_transport_error,
    is_http_url,
)
from newstui.sources.urls import invalid_url_detail, web_url, without_userinfo

_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)")
_UNSATISFIED = re.compile(r"bytes\s+\*/(\d+)")

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
    """A download failed: the server refused it, the connection broke or the disk did."""


class TransferStopped(Exception):
    """The download was asked to stop; what arrived stays in the .part file for next time."""


def part_path(path: Path) -> Path:
    """Where a file's bytes collect while it arrives."""
    return path.with_name(path.name + PART_SUFFIX)


def new_client(timeout: float) -> httpx.Client:
    """An HTTP client for downloads: no total time limit (files are large), but connecting and
    each read are bounded; bytes are taken as sent (no decompression, so ranges add up)."""
    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"},
        timeout=httpx.Timeout(timeout, connect=min(10.0, timeout)),
        follow_redirects=False,
        trust_env=False,
    )


def fetch_to_file(
    client: httpx.Client,
    url: str,
    path: Path,
    progress: Progress,
    stopped: Callable[[], bool],
    expected: str = "",
    limits: Limits = Limits(),
    credentials: Credentials = lambda url: None,
) -> int:
    """Download `url` into `path` through `path`.part, resuming what a previous try left there;
    returns the size. `expected`: the MIME type the feed gave; unless it is a page's, a web page
    answered instead is refused. `credentials`: what each request (a redirect's too) is sent as
    Basic auth; a `user:password@` in a URL never is. Raises TransferError (the .part file stays,
    unless the server sent more than `limits.cap` or than it declared) or TransferStopped."""
    part = part_path(path)
    try:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):  # (a file where a folder should be)
            above = (p for p in path.parents if os.path.lexists(p))
            raise TransferError(f"{next(above, path.parent)}: not a folder") from None
        have = part.stat().st_size if part.exists() else 0
        wanted = _Wanted(url, expected)
        size = _fetch(client, url, part, have, progress, stopped, wanted, limits, credentials)
        os.replace(part, path)
    except OSError as exc:
        raise TransferError(f"{exc.filename or path}: {exc.strerror or exc}") from None
    except httpx.HTTPError as exc:
        raise TransferError(f"{url}: {describe_transport_error(exc)}") from None
    except httpx.InvalidURL as exc:  # (no HTTPError: `//host:abc/x.mp3`, a feed's or a redirect's)
        raise TransferError(f"{url}: not a valid URL{invalid_url_detail(url, exc)}") from None
    return size


def _fetch(
    client: httpx.Client,
    url: str,
    part: Path,
    have: int,
    progress: Progress,
    stopped: Callable[[], bool],
    wanted: _Wanted,
    limits: Limits,
    credentials: Credentials,
) -> int:
    if not is_http_url(url):
        raise TransferError(f"{url}: not an http(s) URL")
    current = without_userinfo(url)  # (a private feed's, in a link stored before r45)
    for _ in range(MAX_REDIRECTS + 1):
        headers = {"Range": f"bytes={have}-"} if have else {}
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
                reason = response.reason_phrase or "error"
                raise TransferError(f"{url}: HTTP {response.status_code} {reason}")
            served = _media_type(response.headers.get("content-type"))
            if served in PAGE_TYPES:
                wanted.refuse_page(served)
            start, total, end = _body_range(response, have)
            if end is not None:  # (a declared size of any size: a 4K video episode may pass
                # 2 GB; the cap bounds a body sent with none, and none may pass what it declared)
                _check_room(part, end - start, url)
            chunks = _watched(response.iter_raw(), url, limits)
            head = _sniffed_head(chunks, served, wanted) if start == 0 else b""
            span = _Span(start, total, end if end is not None else limits.cap, end is not None)
            return _receive(chunks, head, part, span, progress, stopped, url)
    raise TransferError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _check_room(part: Path, coming: int, url: str) -> None:
    """Refuse a file the disk has no room for (what the server declared still to come), before
    a byte is written."""
    try:
        free = shutil.disk_usage(part.parent).free
    except OSError:  # (not known: the disk says when it is full)
        return
    if coming > free:
        raise TransferError(
            f"{url}: {coming:,} bytes to come, more than the {free:,} free in {part.parent}"
        )


def _body_range(response: httpx.Response, have: int) -> tuple[int, int | None, int | None]:
    """Where the body starts in the file, the file's whole size and where the body ends in it,
    as far as the server said (None: not said). A 206 to a request that asked no range is taken
    as the start of the file it says it is (bounded by its Content-Range)."""
    length = response.headers.get("content-length", "")
    length_value = int(length) if length.isdigit() else None
    if response.status_code == 206:
        found = _CONTENT_RANGE.match(response.headers.get("content-range", ""))
        if not found or int(found[1]) != have or int(found[2]) < have:
            raise TransferError("the server sent a different part of the file than asked for")
        total = int(found[3]) if found[3] != "*" else None
        ends = [int(found[2]) + 1, total, None if length_value is None else have + length_value]
        return have, total, min(e for e in ends if e is not None)
    # 200: the whole file (a server that ignores Range starts again from the first byte)
    return 0, length_value, length_value


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
    said the file is one)."""

    def __init__(self, url: str, expected: str) -> None:
        self.url = url
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
    which may hold at most `end` bytes (what the server `declared`, else the cap)."""

    start: int
    total: int | None
    end: int
    declared: bool


def _receive(
    chunks: Iterator[bytes],
    head: bytes,
    part: Path,
    span: _Span,
    progress: Progress,
    stopped: Callable[[], bool],
    url: str,
) -> int:
    """Write the body into `part` as `span` says; past its end, the .part is deleted."""
    start, total = span.start, span.total
    done = start
    progress(done, total)
    last = time.monotonic()
    with part.open("ab" if start else "wb") as out:
        if start:
            out.truncate(start)
        for chunk in itertools.chain((head,) if head else (), chunks):
            if done + len(chunk) > span.end:
                out.close()
                part.unlink(missing_ok=True)  # (the download stays listed: retried on asking)
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
        raise TransferError(f"{url}: the connection closed after {done:,} of {total:,} bytes")
    progress(done, done)
    return done


def _too_much(url: str, span: _Span) -> str:
    """Why a body that went past `span.end` bytes was stopped, its .part deleted."""
    if span.declared:
        said = f"the server sent more than the {span.end:,} bytes it declared"
    else:
        said = f"more than {span.end:,} bytes and the server gave no size"
    return f"{url}: {said}; stopped, nothing kept"
