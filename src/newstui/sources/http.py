"""Fetching over HTTP: bounded time, size and redirects; conditional requests; polite concurrency."""

from __future__ import annotations

import asyncio
import contextlib
import ssl
from base64 import b64encode
from collections import defaultdict
from collections.abc import AsyncGenerator, AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, cast
from urllib.parse import urljoin, urlsplit, urlunsplit

from newstui import __version__
from newstui.errors import HTTPStatusError, NetworkError, NoNetwork, SourceError
from newstui.sources.connections import (
    Answer,
    AnsweredPlain,
    ConnectFailed,
    ConnectionPool,
    Relay,
    Timeouts,
    TransportError,
    connect_failure,
    connect_reason,
    target_of,
)
from newstui.sources.decoding import BodyDecoder, DecodingError, accepted_encodings
from newstui.sources.proxies import ProxyFailure, RelayFailure
from newstui.sources.trust import TrustUnusable, trusted_tls
from newstui.sources.urls import invalid_url_detail, is_http_url, web_url
from newstui.sources.waiting import waiting_timeout

USER_AGENT = f"newstui/{__version__} (terminal news reader)"  # the project declares no address
MAX_REDIRECTS = 5
REDIRECTS = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})  # moved for good: the address to use from now on
DRAIN_BYTES = 64 * 1024  # an error or redirect body read to its end to keep its connection
DRAIN_SECONDS = 1.0  # … if it comes within this time

if TYPE_CHECKING:
    import httpx


class PageFetcher(Protocol):
    """What ingest needs to fetch feeds and pages: `Fetcher`, or a fake in tests."""

    async def __aenter__(self) -> PageFetcher: ...

    async def __aexit__(self, *exc: object) -> None: ...

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> FetchResult:
        """GET a URL; raises SourceError with a one-line reason on failure."""
        ...


@dataclass(frozen=True)
class FetchLimits:
    """How long, how big and how many at once (`per_host`: see config.Settings), and which
    certificates to trust beside certifi's and the environment's (`ca_file`: [settings]')."""

    timeout: float = 20.0
    max_bytes: int = 10_000_000
    concurrency: int = 16
    per_host: int = 8
    ca_file: str | None = None


@dataclass(frozen=True)
class FetchResult:
    """A completed response: 304 has an empty body."""

    url: str  # final URL after redirects
    status: int
    body: bytes
    content_type: str | None
    etag: str | None
    last_modified: str | None
    # where permanent redirects (301, 308) from the URL asked for, and only those, led: the
    # address it moved to for good (None: not moved so)
    moved_to: str | None = None

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer to a conditional request."""
        return self.status == 304


class Fetcher:
    """An HTTP client with a global and a per-host concurrency limit; use as an async context.

    Connections are kept open and reused (HTTP keep-alive): a refresh of many feeds on one host
    opens at most `per_host` connections to it. Redirects are followed here; no cookie is ever
    kept or sent; a URL's user and password go as Basic auth to that URL only.
    """

    def __init__(self, limits: FetchLimits = FetchLimits()) -> None:
        self.limits = limits
        self._global = asyncio.Semaphore(limits.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(limits.per_host)
        )
        self._headers = [("User-Agent", USER_AGENT), ("Accept-Encoding", accepted_encodings())]
        timeouts = Timeouts(
            connect=min(10.0, limits.timeout), read=limits.timeout, write=limits.timeout
        )
        self._pool = ConnectionPool(
            lambda: _feed_tls(limits.ca_file),
            timeouts=timeouts,
            max_idle_per_origin=limits.per_host,
            max_idle=limits.concurrency,
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._pool.aclose()

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> FetchResult:
        """GET a URL within the limits; raises SourceError with a one-line reason on failure."""
        if not is_http_url(url):
            raise SourceError(f"{url}: not an http(s) URL")
        host = urlsplit(url).hostname or ""
        # The host's turn first: a request waiting for its busy host holds no global slot, so
        # requests to other hosts go ahead.
        async with self._hosts[host], self._global:
            relay = Relay()  # (how far through a proxy: whose a timeout is)
            try:
                async with waiting_timeout(self.limits.timeout):
                    return await self._fetch(url, etag, last_modified, accept, relay)
            except TimeoutError:
                limit = self.limits.timeout
                when = f"after {limit:g} s (the limit is timeout in [settings])"
                raise _failure(url, relay.timed_out(timed_out(limit), when)) from None
            except TransportError as exc:
                raise _failure(url, exc) from None

    async def _fetch(
        self, url: str, etag: str | None, last_modified: str | None, accept: str, relay: Relay
    ) -> FetchResult:
        headers = [*self._headers, ("Accept", accept)]
        # Validators come from the server: one that could not be sent back as it came (not
        # ASCII, say) is left out, so the feed is fetched whole rather than failing every time.
        if etag and _sendable(etag):
            headers.append(("If-None-Match", etag))
        if last_modified and _sendable(last_modified):
            headers.append(("If-Modified-Since", last_modified))
        current = url
        moved_to: str | None = None
        permanent = True  # every redirect so far was permanent
        for _ in range(MAX_REDIRECTS + 1):
            try:
                target = target_of(current)
            except ValueError as exc:  # a host IDNA refuses, say
                where = "invalid URL" if current == url else "redirect to an invalid URL"
                raise SourceError(f"{url}: {where}{invalid_url_detail(current, exc)}") from None
            sent = headers
            if target.credentials:  # a private feed's http://user:password@host/feed
                sent = [*headers, ("Authorization", _basic_auth(*target.credentials))]
            try:
                response = await self._pool.request("GET", target, sent, relay=relay)
            except AnsweredPlain as exc:  # (https:// to a plain-http port: user test r48 LOW-22)
                raise AnsweredPlain(f"{exc}: try {plain_http_url(current)}") from None
            try:
                status = response.status_code
                if status == 304:
                    # Reaching the (empty) end lets the connection serve the next request;
                    # a response left unread closes it.
                    await response.aread()
                    return FetchResult(
                        current,
                        304,
                        b"",
                        None,
                        response.headers.get("etag") or etag,
                        response.headers.get("last-modified") or last_modified,
                        moved_to,
                    )
                location = response.headers.get("location")
                if status in REDIRECTS and location is not None:
                    try:
                        target_url = web_url(urljoin(current, location))  # a space encoded
                    except ValueError as exc:  # "http://[::1/feed": Invalid IPv6 URL
                        detail = invalid_url_detail(location, exc)
                        raise SourceError(f"{url}: redirect to an invalid URL{detail}") from None
                    if target_url is None:
                        raise SourceError(f"{url}: redirect to a non-http(s) location")
                    await _drain(response)
                    current = target_url
                    permanent = permanent and status in PERMANENT_REDIRECTS
                    moved_to = current if permanent else moved_to
                    continue
                if status in REDIRECTS or status >= 400:
                    await _drain(response)
                    reason = response.reason_phrase or "error"
                    retry_after = (
                        response.headers.get("retry-after") if status in (429, 503) else None
                    )
                    login = login_hint(current, bool(target.credentials)) if status == 401 else ""
                    raise HTTPStatusError(
                        f"{url}: HTTP {status} {reason}{login}", status, retry_after
                    )
                body = await read_capped(response, url, self.limits.max_bytes)
                return FetchResult(
                    url=current,
                    status=status,
                    body=body,
                    content_type=response.headers.get("content-type"),
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                    moved_to=moved_to,
                )
            finally:
                await response.aclose()
        raise SourceError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _feed_tls(ca_file: str | None) -> ssl.SSLContext:
    """The TLS context of feeds and pages, built at the first https connection; a `ca_file`
    TLS can no longer read fails that request (and each https one after it) with its line, as
    a connection that could not be made: plain http goes on (review r52 MED-1)."""
    try:
        return trusted_tls(ca_file)
    except TrustUnusable as exc:
        raise ConnectFailed(str(exc)) from None


def _failure(url: str, exc: TransportError) -> SourceError:
    """The error of a request that got no answer, of the class that says whose fault it was:
    the proxy's, the proxy's or the origin's (RelayFailure), this machine's network, the
    network's, or the server's."""
    said = f"{url}: {exc}"
    if exc.proxy:
        return ProxyFailure(said)
    if exc.relayed_by is not None:
        return RelayFailure(said, exc.relayed_by, silent=exc.silent)
    if exc.offline:
        return NoNetwork(said)
    return NetworkError(said) if exc.network else SourceError(said)


def plain_http_url(url: str) -> str:
    """The http:// address of an https:// one whose server answered in plain HTTP: the same
    host, port (443 written, when it was the default) and path, without a user or password."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    if parts.port is None:
        host = f"{host.rstrip(':')}:443"
    return urlunsplit(("http", host, parts.path, parts.query, parts.fragment))


def timed_out(seconds: float) -> str:
    """A request stopped at the `timeout` setting, naming it (as max_bytes's refusals do)."""
    return f"timed out after {seconds:g} s (the limit is timeout in [settings])"


async def _drain(response: Answer) -> None:
    """Read a small answer's body (an error page, a redirect's note) to its end, so that its
    connection serves the next request: left unread, it was closed, and each of 160 pages
    answering 404 on one server opened a connection of its own (over TLS, three round trips
    each). A body declared larger than DRAIN_BYTES, or found so, or slower than DRAIN_SECONDS,
    is left: its connection closes."""
    declared = response.headers.get("content-length")
    if declared is None:  # chunked, or (HTTP/1.0's way) until the server closes: no reuse then
        if "chunked" not in (response.headers.get("transfer-encoding") or "").lower():
            return
    elif not declared.isdigit() or int(declared) > DRAIN_BYTES:
        return
    size = 0
    with contextlib.suppress(TransportError, TimeoutError):
        async with asyncio.timeout(DRAIN_SECONDS):  # a server slow to send it: the error first
            raw = cast(AsyncGenerator[bytes, None], response.aiter_raw())  # (it is one)
            async with contextlib.aclosing(raw) as body:
                async for chunk in body:
                    size += len(chunk)
                    if size > DRAIN_BYTES:
                        return


def login_hint(url: str, sent: bool, *, of_episode: bool = False) -> str:
    """What a 401 adds (user test r48 LOW-21: "HTTP 401 Unauthorized" alone): newstui logs in
    with the user and password written in a feed's address (HTTP Basic), so the hint shows where
    they go, on this feed's own host (the placeholder, in capitals, is no password to hide).
    `of_episode`: a download's 401, whose login is its feed's, sent to the feed's own host."""
    if sent:
        whose = "its feed's" if of_episode else "its"
        return f": the server refused the user name and password in {whose} address"
    parts = urlsplit(url)
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    port = f":{parts.port}" if parts.port else ""
    if of_episode:  # (newstui sends a feed's login to that feed's host alone: feed_credentials)
        return (
            ": the episode wants a login: write it into its feed's address, "
            f"{parts.scheme}://USER:PASSWORD@{host}{port}/… (sent to the feed's own host only)"
        )
    return (
        ": the feed wants a login: write it into its address, "
        f"{parts.scheme}://USER:PASSWORD@{host}{port}/…"
    )


def _basic_auth(user: str, password: str) -> str:
    """HTTP Basic credentials (as httpx's client sent them from a URL)."""
    return "Basic " + b64encode(f"{user}:{password}".encode()).decode("ascii")


def _sendable(value: str) -> bool:
    """A header value that can go back as it came: printable ASCII (h11 sends nothing else)."""
    return value.isascii() and value.isprintable()


class StreamedResponse(Protocol):
    """What read_capped reads: an httpx response, or the fetcher's own `Answer`."""

    @property
    def headers(self) -> _HeaderLookup: ...

    def aiter_raw(self) -> AsyncIterator[bytes]: ...


class _HeaderLookup(Protocol):
    def get(self, key: str, default: None = None) -> str | None: ...


async def read_capped(response: StreamedResponse, url: str, max_bytes: int) -> bytes:
    """The decoded body, refused once it is declared larger than `max_bytes` or either the raw
    or the decoded bytes pass it.

    httpx would inflate a whole network chunk at once (a 1 KB brotli chunk can become
    gigabytes), so the raw stream is decoded here, one bounded step at a time.
    """
    declared = response.headers.get("content-length")
    with contextlib.suppress(ValueError):
        if declared and int(declared) > max_bytes:
            raise _too_large(url, max_bytes, f"{int(declared):,} declared")
    limit = max_bytes
    pieces: list[bytes] = []
    size = 0
    try:
        async with contextlib.aclosing(_decoded(url, response, limit)) as decoded:
            async for piece in decoded:
                size += len(piece)
                if size > limit:
                    raise _too_large(url, limit)
                pieces.append(piece)
    except DecodingError as exc:
        raise SourceError(f"{url}: response could not be decoded ({exc})") from None
    except BaseException:
        pieces.clear()  # the error's traceback keeps this frame alive until a GC pass
        raise
    return b"".join(pieces)


def _too_large(url: str, limit: int, why: str = "") -> SourceError:
    """The refusal of a body past `limit`, naming the setting that lifts it, whichever way it
    was found out (declared, decoded, or still compressed)."""
    said = f"{why}; " if why else ""
    return SourceError(
        f"{url}: response larger than {limit:,} bytes ({said}the limit is max_bytes in [settings])"
    )


async def _decoded(
    url: str, response: StreamedResponse, raw_limit: int
) -> AsyncGenerator[bytes, None]:
    """A response body decoded under its Content-Encoding, in bounded pieces."""
    decoder = BodyDecoder(response.headers.get("content-encoding"))
    raw_size = 0
    async for chunk in response.aiter_raw():
        raw_size += len(chunk)
        if raw_size > raw_limit:  # compressed data that decodes to little or nothing
            raise _too_large(url, raw_limit)
        for piece in decoder.decode(chunk):
            yield piece
    for piece in decoder.flush():
        yield piece


def describe_transport_error(exc: httpx.HTTPError, *, naming_host: bool = True) -> str:
    """A short reason for an httpx error (the sync client's and downloads'), in words: httpx's
    class names (RemoteProtocolError…) mean nothing to a user. A connection that failed names its
    host unless `naming_host` is False (the caller does)."""
    import httpx  # loaded already by whoever raised it

    from newstui.sources.proxied import ProxyFailed, through_proxy

    if isinstance(exc, ProxyFailed):  # (its proxy named, its words said)
        return str(exc)
    proxy = through_proxy(exc)
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out through the proxy {proxy.shown}" if proxy else "timed out"
    if isinstance(exc, httpx.HTTPStatusError):
        answer = exc.response
        return f"HTTP {answer.status_code} {answer.reason_phrase}".rstrip()
    if isinstance(exc, httpx.ConnectError):
        cause = _connect_cause(exc)
        try:
            url = exc.request.url
        except RuntimeError:  # no request attached
            naming_host = False
        if not naming_host:
            return f"cannot connect: {connect_reason(cause)}"
        return connect_failure(url.host, url.port, url.scheme, cause)
    # httpx's other error classes, each before its base class
    words = (
        (httpx.DecodingError, "response could not be decoded"),
        (httpx.RemoteProtocolError, "the server closed the connection without a complete answer"),
        (httpx.LocalProtocolError, "the request could not be sent"),
        (httpx.ProtocolError, "the server's answer was not valid HTTP"),
        (httpx.ReadError, "the connection broke while the answer was read"),
        (httpx.WriteError, "the connection broke while the request was sent"),
        (httpx.CloseError, "the connection broke as it was closed"),
        (httpx.NetworkError, "the connection broke"),
        (httpx.ProxyError, "the proxy refused the connection"),
        (httpx.UnsupportedProtocol, "the address is not an http(s) one"),
        (httpx.TransportError, "the connection failed"),
        (httpx.TooManyRedirects, "too many redirects"),
    )
    said = next((said for kind, said in words if isinstance(exc, kind)), "the request failed")
    if isinstance(exc, httpx.RemoteProtocolError) and not _closed(str(exc)):  # h11's refusal
        said = "the server's answer was not valid HTTP"
    if proxy is None or isinstance(exc, httpx.TooManyRedirects | httpx.DecodingError):
        return said
    if proxy.scheme == "http" and exc.request.url.scheme == "http":  # (it forwards: its answer)
        said = said.replace("the server's answer", f"the answer of the proxy {proxy.shown}")
        return said.replace("the server", f"the proxy {proxy.shown}")
    return f"{said}, through the proxy {proxy.shown}"


def _closed(said: str) -> bool:
    """Whether httpcore's protocol error says the connection closed (not that what came was
    not HTTP: "illegal status line", a head too long)."""
    return any(word in said.lower() for word in ("disconnect", "closed"))


def _connect_cause(exc: BaseException) -> BaseException:
    """The OS's own error under httpx's ConnectError (which wraps httpcore's, which wraps
    anyio's "All connection attempts failed", which wraps the refusal), else `exc`."""
    found: BaseException | None = None
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, UnicodeError) or (isinstance(cause, OSError) and cause.errno):
            return cause
        if found is None and isinstance(cause, OSError):
            found = cause
        cause = cause.__cause__ or cause.__context__
    return found or exc
