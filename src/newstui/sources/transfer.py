"""Fetching a large file to disk: streamed, resumed with an HTTP Range request when a partial
file is there, restarted when the server ignores the range. Bounded redirects, http(s) only."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import httpx

from newstui.errors import NewstuiError
from newstui.sources.http import (
    MAX_REDIRECTS,
    USER_AGENT,
    describe_transport_error,
    is_http_url,
)

PART_SUFFIX = ".part"
_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)")
_UNSATISFIED = re.compile(r"bytes\s+\*/(\d+)")

Progress = Callable[[int, int | None], None]  # (bytes arrived, total or None)


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
) -> int:
    """Download `url` into `path` through `path`.part, resuming what a previous try left there;
    returns the size. Raises TransferError (the .part file stays) or TransferStopped."""
    part = part_path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        have = part.stat().st_size if part.exists() else 0
        size = _fetch(client, url, part, have, progress, stopped)
        os.replace(part, path)
    except OSError as exc:
        raise TransferError(f"{exc.filename or path}: {exc.strerror or exc}") from None
    except httpx.HTTPError as exc:
        raise TransferError(f"{url}: {describe_transport_error(exc)}") from None
    return size


def _fetch(
    client: httpx.Client,
    url: str,
    part: Path,
    have: int,
    progress: Progress,
    stopped: Callable[[], bool],
) -> int:
    if not is_http_url(url):
        raise TransferError(f"{url}: not an http(s) URL")
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        headers = {"Range": f"bytes={have}-"} if have else {}
        with client.stream("GET", current, headers=headers) as response:
            if response.has_redirect_location:
                target = urljoin(current, response.headers["location"])
                if not is_http_url(target):
                    raise TransferError(f"{url}: redirect to a non-http(s) location")
                current = target
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
            start, total = _body_range(response, have)
            return _receive(response, part, start, total, progress, stopped, url)
    raise TransferError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _body_range(response: httpx.Response, have: int) -> tuple[int, int | None]:
    """Where the body starts in the file and the file's whole size, if the server said."""
    length = response.headers.get("content-length", "")
    length_value = int(length) if length.isdigit() else None
    if response.status_code == 206:
        found = _CONTENT_RANGE.match(response.headers.get("content-range", ""))
        if found and int(found[1]) == have:
            return have, int(found[3]) if found[3] != "*" else None
        raise TransferError("the server sent a different part of the file than asked for")
    # 200: the whole file (a server that ignores Range starts again from the first byte)
    return 0, length_value


def _receive(
    response: httpx.Response,
    part: Path,
    start: int,
    total: int | None,
    progress: Progress,
    stopped: Callable[[], bool],
    url: str,
) -> int:
    done = start
    progress(done, total)
    last = time.monotonic()
    with part.open("ab" if start else "wb") as out:
        if start:
            out.truncate(start)
        for chunk in response.iter_raw():
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
