"""HTTP/1.1 connections kept alive per origin, over asyncio streams with h11.

The feed fetcher's client. httpx's transport goes through httpcore and anyio, whose pool walks
every connection (and polls each idle socket) at the start and end of every request, and its
client builds URLs, cookie jars and auth flows for each: most of the CPU time of a refresh where
every feed answers 304. Here h11 (the parser httpcore itself uses) does the HTTP/1.1 framing
and checks what a server sends; idle connections wait in a list per origin.
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import os
import re
import socket
import ssl
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass

import h11

from newstui.sources.proxies import (
    SOCKS_FIELD_BYTES,
    Proxy,
    ProxyError,
    ProxySettings,
    proxy_settings,
)
from newstui.sources.waiting import waiting_timeout
from newstui.text import clean_line

READ_SIZE = 64 * 1024
MAX_HEAD_BYTES = 100 * 1024  # a response's status line and headers (httpcore's limit)
KEEPALIVE_EXPIRY = 5.0  # seconds an idle connection is kept (httpx's default)
# New connections to one origin not answered yet, at most: a server accepts them from a listen
# queue, which Python's http.server (socketserver) keeps at 5; a connection beyond it has its SYN
# dropped and waits a whole second for the retry, the wall time of a refresh where every feed
# answers 304 (r29: 33 feeds on one such server, 1.2 s instead of 0.2 s). A connection still
# unanswered OPENING_GRACE seconds after it connected was accepted long ago (a server drains its
# queue in milliseconds; this one is slow to answer): it no longer holds another back.
OPENING_PER_ORIGIN = 4
OPENING_GRACE = 0.25
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS"})

Origin = tuple[str, str, int]  # scheme, host, port


class TransportError(Exception):
    """A request that got no complete answer; the message says why, in a few words.
    `network`: because of the network (refused, unknown host, timed out, reset), not of what
    the server said. `proxy`: because of the proxy, not of the origin. `offline`: a failure of
    the network that says this machine has none (see no_network). `relayed_by`: the proxy
    (Proxy.address) that did not reach the origin, which may be its fault or the origin's (see
    RelayFailed; `silent`: it said nothing when asked for the origin)."""

    network = False
    proxy = False
    offline = False
    relayed_by: str | None = None
    silent = False


class ConnectFailed(TransportError):
    """No connection (refused, unknown host, TLS or its certificate)."""


class AnsweredPlain(ConnectFailed):
    """TLS asked of a server that answered without it (`https://` to a port that speaks plain
    HTTP): the request that met it adds the http:// address to try (sources.http)."""


class Unreachable(ConnectFailed):
    """No connection because of the network: refused, unknown host, unreachable."""

    network = True

    def __init__(self, message: str, *, offline: bool = False) -> None:
        super().__init__(message)
        self.offline = offline


class RelayFailed(ConnectFailed):
    """The proxy did not reach the origin, or stopped before saying whether it had: a CONNECT
    answered 502 or 504 (503 or 500 from some proxies), the connection closed unanswered
    after the tunnel or the request was asked for, a connection through it timed out. The
    origin's failure when other hosts are reached through the same proxy, the proxy's when none
    is (ingest.records.FetchRecords decides, as it decides that the machine is offline)."""

    network = True

    def __init__(self, message: str, proxy: Proxy, *, silent: bool = False) -> None:
        super().__init__(message)
        self.relayed_by = proxy.address
        self.silent = silent


class ProxyUnusable(ConnectFailed):
    """The proxy, not the origin, failed: it cannot be reached, refused its login (407), broke
    its protocol, or its variable cannot be used (sources.proxies.ProxyFailure)."""

    network = True
    proxy = True


class TimedOut(TransportError):
    """Connecting, sending or waiting for the server took longer than allowed."""

    network = True


class BrokenAnswer(TransportError):
    """The server broke HTTP/1.1, or closed the connection before the end of its answer."""


class ConnectionLost(BrokenAnswer):
    """The connection broke (reset) while the request was sent or its answer read."""

    network = True


class _StaleConnection(Exception):
    """A reused connection closed by the server before it answered: retried on a new one."""


class Relay:
    """How far a request through a proxy got, for a timeout to say whose it was (review r47 M2:
    the fetch's own timeout, which fires first, named no proxy): `proxy` (None: direct, or
    through a tunnel already open), `connected` to it, `asked` it for the origin (CONNECT, the
    SOCKS request, a forwarded request), `heard` its first byte of answer to that, `through`
    (the tunnel open, or a forwarded answer's head read: the origin's from then on)."""

    __slots__ = ("asked", "connected", "heard", "proxy", "through", "where")

    def __init__(self) -> None:
        self.start(None, "")

    def start(self, proxy: Proxy | None, where: str) -> None:
        """A new request (or connection) through `proxy` (None: direct) for `where`."""
        self.proxy, self.where = proxy, where
        self.connected = self.asked = self.heard = self.through = False

    def timed_out(self, said: str, when: str = "") -> TransportError:
        """The timeout of the request (`said`: in words, if it was the origin's; `when`: "after
        15 s (the limit …)"): the proxy's before it was asked for the origin; silent when asked
        (a black hole, a hung proxy: RelayFailed, silent, which ingest counts as the proxy's
        unless a feed through it was answered); the proxy's or the origin's once it had begun to
        answer (RelayFailed); the origin's once through."""
        proxy = self.proxy
        if proxy is None or self.through:
            return TimedOut(said)
        after = f" {when}" if when else ""
        if not self.connected:
            return ProxyUnusable(f"timed out connecting to the proxy {proxy.shown}{after}")
        if not self.asked:  # (SOCKS5's greeting, or its login, unanswered)
            return ProxyUnusable(f"the proxy {proxy.shown} did not answer: timed out{after}")
        if not self.heard:
            said = f"the proxy {proxy.shown} did not answer when asked for {self.where}"
            return RelayFailed(f"{said}: timed out{after}", proxy, silent=True)
        said = f"timed out connecting to {self.where} through the proxy {proxy.shown}{after}"
        return RelayFailed(said, proxy)


DEFAULT_PORTS = {"http": 80, "https": 443}
_ERRNO = re.compile(r"\[Errno (-?\d+)\]")


def connect_failure(host: str, port: int | None, scheme: str, exc: BaseException) -> str:
    """One plain line for a connection that failed: "cannot connect to 127.0.0.1:8799:
    connection refused" (the port only when it is not the scheme's own; the host, as a
    redirect may have led elsewhere than the URL the user gave)."""
    return f"cannot connect to {authority(scheme, host, port)}: {connect_reason(exc)}"


def authority(scheme: str, host: str, port: int | None) -> str:
    """A host as a Host header or a message names it: IPv6 in brackets, and the port unless it
    is unknown (None) or the scheme's default."""
    where = f"[{host}]" if ":" in host else host
    return where if port is None or port == DEFAULT_PORTS.get(scheme, 80) else f"{where}:{port}"


# What a TLS handshake met when the server answered in plain HTTP ("HTTP/1.1 400 …" read as a
# TLS record), in place of OpenSSL's "wrong version number" (user test r48 LOW-22).
ANSWERED_PLAIN = "the server answered in plain HTTP, not TLS"


def answered_plain(exc: BaseException) -> bool:
    """Whether a TLS handshake failed because the server answered without TLS."""
    return isinstance(exc, ssl.SSLError) and exc.reason == "WRONG_VERSION_NUMBER"


def _tls_failure(host: str, port: int, scheme: str, exc: BaseException) -> ConnectFailed:
    """The failure of a TLS handshake (or an invalid host name): AnsweredPlain when the server
    answered in plain HTTP."""
    said = connect_failure(host, port, scheme, exc)
    return AnsweredPlain(said) if answered_plain(exc) else ConnectFailed(said)


def connect_reason(exc: BaseException) -> str:
    """Why a connection failed, in a few words ("connection refused"), not Python's text."""
    if answered_plain(exc):
        return ANSWERED_PLAIN
    if isinstance(exc, ssl.SSLCertVerificationError):  # (and how to trust it: closing r51)
        from newstui.sources.trust import untrusted_reason

        return untrusted_reason(exc.verify_message or exc.reason or "")
    if isinstance(exc, ssl.SSLError):
        reason = (exc.reason or "").replace("_", " ").lower()
        return f"TLS failed ({reason})" if reason else "TLS failed"
    if isinstance(exc, UnicodeError):
        return "invalid host name"
    if isinstance(exc, socket.gaierror):
        return "unknown host" if exc.errno in _UNKNOWN_HOST else "host name lookup failed"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    number = exc.errno if isinstance(exc, OSError) else None
    if number is None:  # asyncio's "Multiple exceptions: [Errno 111] …" (every address)
        found = _ERRNO.search(str(exc))
        number = int(found.group(1)) if found else None
    if number is not None and number > 0:
        return os.strerror(number).lower()
    return "connection failed"


_UNKNOWN_HOST = {-2, -5, 8, 11001}  # EAI_NONAME, EAI_NODATA (glibc), EAI_NONAME (BSD), Windows
_NO_ROUTE = frozenset({errno.ENETUNREACH, errno.ENETDOWN})


def no_network(exc: BaseException) -> bool:
    """Whether a connection that failed says this machine has no network, not that its host is
    down: no route to the address's network (ENETUNREACH, ENETDOWN: for every address tried), or
    no answer from the name server (EAI_AGAIN; a name that does not exist is EAI_NONAME). A dead
    host is refused, unknown, unreachable (EHOSTUNREACH) or timed out: not this."""
    if isinstance(exc, socket.gaierror):
        return exc.errno == socket.EAI_AGAIN
    if not isinstance(exc, OSError):
        return False
    if exc.errno is not None:
        return exc.errno in _NO_ROUTE
    numbers = {int(n) for n in _ERRNO.findall(str(exc))}  # asyncio's "Multiple exceptions"
    return bool(numbers) and numbers <= _NO_ROUTE


def unreachable(host: str, port: int | None, scheme: str, exc: BaseException) -> Unreachable:
    """The failure of a connection the network refused (see connect_failure), marked when it
    says that this machine is offline (no_network)."""
    return Unreachable(connect_failure(host, port, scheme, exc), offline=no_network(exc))


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds allowed to connect (TLS included), and for each write and read."""

    connect: float | None = 10.0
    read: float | None = 20.0
    write: float | None = 20.0


@dataclass(frozen=True, slots=True)
class Target:
    """Where a request goes: the origin and the request-target (path and query)."""

    scheme: str
    host: str  # lower case, IDNA-encoded, no brackets around IPv6
    port: int
    path: str  # "/path?query", percent-encoded
    credentials: tuple[str, str] | None = None  # user and password given in the URL

    @property
    def origin(self) -> Origin:
        return (self.scheme, self.host, self.port)

    @property
    def authority(self) -> str:
        """The Host header: the host, and the port unless it is the scheme's default."""
        return authority(self.scheme, self.host, self.port)


class Headers:
    """A response's headers by case-insensitive name; repeated ones joined with ", ".

    Values are decoded as httpx decodes them: ASCII, else UTF-8 if every header is, else
    ISO-8859-1 (which decodes any byte).
    """

    __slots__ = ("_raw", "_values")

    def __init__(self, raw: Sequence[tuple[bytes, bytes]]) -> None:
        self._raw = raw
        self._values: dict[str, str] | None = None

    def get(self, name: str, default: str | None = None) -> str | None:
        """The value of a header (repeated ones joined), or `default`."""
        values = self._values
        if values is None:
            values = self._values = self._decode()
        return values.get(name.lower(), default)

    def _decode(self) -> dict[str, str]:
        encoding = "iso-8859-1"
        for candidate in ("ascii", "utf-8"):
            try:
                for key, value in self._raw:
                    key.decode(candidate)
                    value.decode(candidate)
            except UnicodeDecodeError:
                continue
            encoding = candidate
            break
        values: dict[str, str] = {}
        for key, value in self._raw:  # h11 gives names in lower case
            name, text = key.decode(encoding), value.decode(encoding)
            values[name] = f"{values[name]}, {text}" if name in values else text
        return values


def _reason_text(reason: bytes) -> str:
    """A status line's reason as the server wrote it: UTF-8 when it is (`Tröp`, not `TrÃ¶p`,
    hostile r45 L3), else Latin-1, as HTTP defined it once."""
    try:
        return reason.decode("utf-8")
    except UnicodeDecodeError:
        return reason.decode("iso-8859-1")


class Answer:
    """A response: status, headers, and its body read from the connection, which goes back to
    the pool once the body has been read to its end (else it is closed)."""

    def __init__(
        self,
        pool: ConnectionPool,
        origin: Origin,
        connection: Connection,
        status: int,
        reason: str,
        headers: Headers,
    ) -> None:
        self.status_code = status
        self.reason_phrase = reason
        self.headers = headers
        self._pool = pool
        self._origin = origin
        self._connection: Connection | None = connection
        self._complete = False

    async def aiter_raw(self) -> AsyncIterator[bytes]:
        """The body as it arrives, before any Content-Encoding is undone."""
        connection = self._connection
        if connection is None:
            raise RuntimeError("the answer is closed")
        state = connection.h11
        while True:
            event = _next_event(state)
            if event is h11.NEED_DATA:
                state.receive_data(await _read(connection, self._pool.timeouts.read))
            elif isinstance(event, h11.Data):
                yield bytes(event.data)
            elif isinstance(event, h11.EndOfMessage):
                self._complete = True
                return
            else:  # ConnectionClosed before the end: h11 would have called that an error
                raise BrokenAnswer("server closed the connection before the end of the body")

    async def aread(self) -> bytes:
        """The whole raw body (for answers known to be small or empty: 304s)."""
        return b"".join([piece async for piece in self.aiter_raw()])

    async def aclose(self) -> None:
        """Give the connection back (kept alive if the body was read to its end)."""
        connection, self._connection = self._connection, None
        if connection is not None:
            self._pool.release(self._origin, connection, self._complete)


class Connection:
    """One TCP (or TLS) connection and its HTTP/1.1 state. `forwarder`: the HTTP proxy it goes
    to, which forwards its plain-http requests (sent in absolute form, with `proxy_headers`)."""

    __slots__ = ("forwarder", "h11", "idle_since", "proxy_headers", "reader", "writer")

    def __init__(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        *,
        forwarder: Proxy | None = None,
        proxy_headers: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.reader = reader
        self.writer = writer
        self.h11 = h11.Connection(h11.CLIENT, max_incomplete_event_size=MAX_HEAD_BYTES)
        self.idle_since = 0.0
        self.forwarder = forwarder
        self.proxy_headers = proxy_headers

    def usable(self, now: float, expiry: float) -> bool:
        """Still open, not closed by the server while idle, not idle too long, and nothing
        received since its last answer ended (a body sent after a 304, say, would be read as the
        start of the next answer; httpcore checks the socket for the same reason)."""
        return (
            now - self.idle_since < expiry
            and not self.reader.at_eof()
            and self.reader.exception() is None
            and not self.writer.transport.is_closing()
            and not self.h11.trailing_data[0]
            and not self.reader._buffer  # type: ignore[attr-defined]  # no public peek
        )

    def close(self) -> None:
        """Close at once: an HTTP/1.1 client has nothing to say on the way out."""
        self.writer.transport.abort()


class ConnectionPool:
    """Requests over kept-alive HTTP/1.1 connections: at most `max_idle_per_origin` idle
    connections per origin and `max_idle` in all (the oldest idle one is closed first).

    An idle connection is closed after `keepalive_expiry` seconds (or once the server has
    closed it); a request that finds its reused connection closed by the server before any
    answer is sent again once on a new connection, if its method is idempotent. It never limits
    requests in flight: the caller does (`Fetcher`'s semaphores); but at most
    `max_opening_per_origin` new connections to an origin wait for their first answer at once (a
    request beyond waits, then takes a connection that answered, or opens one), each for
    `opening_grace` seconds at most. `proxies` (read from the environment at the first
    connection when None) sends requests through an HTTP or SOCKS5 proxy. No HTTP/2. `tls`
    makes the TLS context at the first https connection (loading the CA bundle costs ~13 ms,
    which a refresh of plain-http feeds never needs).
    """

    def __init__(
        self,
        tls: Callable[[], ssl.SSLContext],
        *,
        timeouts: Timeouts = Timeouts(),
        max_idle_per_origin: int = 8,
        max_idle: int = 16,
        keepalive_expiry: float = KEEPALIVE_EXPIRY,
        max_opening_per_origin: int = OPENING_PER_ORIGIN,
        opening_grace: float = OPENING_GRACE,
        proxies: ProxySettings | None = None,
    ) -> None:
        self.timeouts = timeouts
        self._proxies = proxies
        self._make_tls = tls
        self._tls: ssl.SSLContext | None = None
        self._max_idle_per_origin = max_idle_per_origin
        self._max_idle = max_idle
        self._expiry = keepalive_expiry
        self._idle: dict[Origin, list[Connection]] = {}
        self._idle_order: OrderedDict[Connection, Origin] = OrderedDict()
        self._max_opening = max_opening_per_origin
        self._opening_grace = opening_grace
        self._opening: dict[Origin, asyncio.Semaphore] = {}
        self._closed = False

    async def request(
        self,
        method: str,
        target: Target,
        headers: Sequence[tuple[str, str]],
        body: bytes = b"",
        relay: Relay | None = None,
    ) -> Answer:
        """Send a request and read the answer's head; the body is read from the Answer, which
        must be closed (`aclose`). `headers` should not hold Host or Content-Length. `relay`
        follows it through a proxy, for a timeout from outside to say whose it was."""
        relay = relay or Relay()
        head = [("Host", target.authority), *headers]
        if body or method not in IDEMPOTENT:
            head.append(("Content-Length", str(len(body))))
        origin = target.origin
        retry = method in IDEMPOTENT
        while True:
            connection = self._take_idle(origin)
            opening: asyncio.Semaphore | None = None
            if connection is None:
                opening = self._opening.get(origin)
                if opening is None:
                    opening = self._opening[origin] = asyncio.Semaphore(self._max_opening)
                await opening.acquire()
                connection = self._take_idle(origin)  # one answered while this one waited
                if connection is not None:
                    opening.release()
                    opening = None
            reused = opening is None
            relay.start(None, target.authority)
            let_next_open: Callable[[], None] | None = None
            grace: asyncio.TimerHandle | None = None
            try:
                if connection is None:
                    connection = await self._connect(origin, relay)
                if opening is not None:
                    let_next_open = _once(opening.release)
                    grace = asyncio.get_running_loop().call_later(
                        self._opening_grace, let_next_open
                    )
                path, sent = target.path, head
                proxy = connection.forwarder
                if proxy is not None:  # (an HTTP proxy's: the whole URL, its credentials)
                    path = f"{target.scheme}://{target.authority}{target.path}"
                    sent = [*head, *connection.proxy_headers]
                    relay.start(proxy, target.authority)
                    relay.connected = relay.asked = True
                status, reason, raw = await _exchange(
                    connection, method, path, sent, body, self.timeouts, reused, relay
                )
                if proxy is not None and status >= 400:  # (forwarded: perhaps the proxy's own)
                    failed = forwarder_failed(proxy, target.authority, status, reason, raw)
                    if failed is not None:
                        raise failed
            except _StaleConnection:
                assert connection is not None
                connection.close()
                if retry:
                    retry = False
                    continue
                whole = f"{target.scheme}://{target.authority}{target.path}"
                raise _unanswered(connection.forwarder, whole) from None
            except BaseException:
                if connection is not None:
                    connection.close()
                raise
            finally:  # answered (or failed): the next may open
                if grace is not None:
                    grace.cancel()
                if let_next_open is not None:
                    let_next_open()
                elif opening is not None:  # the connection itself failed
                    opening.release()
            return Answer(self, origin, connection, status, reason, Headers(raw))

    async def aclose(self) -> None:
        """Close every idle connection (those still in use close as their answers do)."""
        self._closed = True
        for connection in self._idle_order:
            connection.close()
        self._idle.clear()
        self._idle_order.clear()
        await asyncio.sleep(0)  # the closed sockets are released at the loop's next turn

    def _take_idle(self, origin: Origin) -> Connection | None:
        idle = self._idle.get(origin)
        now = time.monotonic()
        while idle:
            connection = idle.pop()
            del self._idle_order[connection]
            if connection.usable(now, self._expiry):
                return connection
            connection.close()
        return None

    def release(self, origin: Origin, connection: Connection, reusable: bool) -> None:
        """Take a connection back after its answer: kept idle if it can serve another."""
        if not reusable or self._closed:
            connection.close()
            return
        try:
            connection.h11.start_next_cycle()
        except h11.LocalProtocolError:  # either side asked to close it
            connection.close()
            return
        idle = self._idle.setdefault(origin, [])
        if len(idle) >= self._max_idle_per_origin:
            connection.close()
            return
        if len(self._idle_order) >= self._max_idle:
            oldest, its_origin = self._idle_order.popitem(last=False)
            self._idle[its_origin].remove(oldest)
            oldest.close()
        connection.idle_since = time.monotonic()
        idle.append(connection)
        self._idle_order[connection] = origin

    async def _connect(self, origin: Origin, relay: Relay) -> Connection:
        scheme, host, port = origin
        tls = None
        if scheme == "https":
            if self._tls is None:
                self._tls = self._make_tls()
            tls = self._tls
        if self._proxies is None:
            self._proxies = proxy_settings()
        try:
            proxy = self._proxies.proxy_for(scheme, host, port)
        except ProxyError as exc:  # its variable: the requests it would serve fail, no other
            raise ProxyUnusable(str(exc)) from None
        if proxy is not None:
            where = authority(scheme, host, port)
            relay.start(proxy, where)
            try:
                async with waiting_timeout(self.timeouts.connect):
                    connection = await _through(proxy, origin, tls, relay)
            except TimeoutError:  # (the origin's TLS once through)
                said = f"timed out connecting to {where} through the proxy {proxy.shown}"
                raise relay.timed_out(said, _after(self.timeouts.connect)) from None
            relay.start(None, where)  # (a tunnel: the origin's from now on)
            return connection
        try:
            async with waiting_timeout(self.timeouts.connect):
                reader, writer = await asyncio.open_connection(
                    host,
                    port,
                    ssl=tls,
                    server_hostname=host if tls else None,
                    limit=READ_SIZE,
                    happy_eyeballs_delay=0.25,
                )
        except TimeoutError:
            raise TimedOut("timed out connecting") from None
        except (ssl.SSLError, UnicodeError) as exc:  # TLS (certificate), an invalid host name
            raise _tls_failure(host, port, scheme, exc) from None
        except OSError as exc:  # refused, unknown host, unreachable
            raise unreachable(host, port, scheme, exc) from None
        return Connection(reader, writer)


async def _through(
    proxy: Proxy, origin: Origin, tls: ssl.SSLContext | None, relay: Relay
) -> Connection:
    """A connection to `origin` through `proxy`: to the HTTP proxy itself for plain http (it
    forwards each request), else a tunnel (CONNECT, or SOCKS5) with TLS inside for https.
    `relay` says how far it got."""
    scheme, host, port = origin
    try:
        reader, writer = await asyncio.open_connection(
            proxy.host, proxy.port, limit=READ_SIZE, happy_eyeballs_delay=0.25
        )
    except (OSError, UnicodeError) as exc:
        reason = connect_reason(exc)
        raise ProxyUnusable(f"cannot connect to the proxy {proxy.shown}: {reason}") from None
    relay.connected = True
    auth = [("Proxy-Authorization", _basic(*proxy.credentials))] if proxy.credentials else []
    try:
        if proxy.scheme == "http" and tls is None:
            return Connection(reader, writer, forwarder=proxy, proxy_headers=auth)
        with_body = False
        if proxy.scheme == "http":
            with_body = await _http_tunnel(reader, writer, proxy, host, port, auth, relay)
        else:
            await _socks_tunnel(reader, writer, proxy, origin, relay)
        relay.through = True
        if tls is not None:
            try:
                await writer.start_tls(tls, server_hostname=host)
            except (OSError, UnicodeError) as exc:  # TLS (certificate) errors, a reset
                if with_body:
                    raise _with_body(proxy, authority(scheme, host, port)) from None
                raise _tls_failure(host, port, scheme, exc) from None
    except BaseException:
        writer.transport.abort()
        raise
    return Connection(reader, writer)


async def _http_tunnel(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    proxy: Proxy,
    host: str,
    port: int,
    auth: list[tuple[str, str]],
    relay: Relay,
) -> bool:
    """Ask an HTTP proxy for a tunnel to host:port (CONNECT); raises unless it opens one.
    True when its answer declared a body, which a 2xx to CONNECT never has (its framing is
    ignored, as RFC 9110 says; a TLS failure then is the proxy's)."""
    target = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    where = authority("https", host, port)
    lines = [f"CONNECT {target} HTTP/1.1", f"Host: {target}", *(f"{k}: {v}" for k, v in auth)]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("ascii"))
    relay.asked = True
    try:
        first = await reader.readexactly(1)
        relay.heard = True
        head = first + await reader.readuntil(b"\r\n\r\n")
    except asyncio.LimitOverrunError:  # (no end of its head in READ_SIZE bytes)
        too_long = f"over {READ_SIZE // 1024} KiB"
        said = f"the answer of the proxy {proxy.shown} was too long ({too_long})"
        raise ProxyUnusable(said) from None
    except (asyncio.IncompleteReadError, OSError):
        if relay.heard:  # (hostile r47 M1: "HTTP/1.1 200 Conn", then a close)
            raise _cut_short(proxy, where) from None
        # (perhaps as the origin did not answer)
        said = f"the proxy {proxy.shown} closed the connection when asked for {where}"
        raise RelayFailed(said, proxy, silent=True) from None
    status = _CONNECT_STATUS.match(head)  # "HTTP/1.1 200 …": not "FOO 2", nor "HTTP/1.1 ²00"
    if status is None:
        raise ProxyUnusable(f"the proxy {proxy.shown} did not answer as an HTTP proxy")
    code = status["code"].decode("ascii")
    reason = clean_line((status["reason"] or b"").decode("utf-8", "replace"), 200)
    if not code.startswith("2"):
        said = tunnel_refused(proxy, where, code, f"HTTP {code} {reason}".rstrip())
        if code in _NOT_REACHED:
            raise RelayFailed(said, proxy)
        raise (ProxyUnusable if code in _PROXYS_OWN else ConnectFailed)(said)
    # a tunnel's bytes are the origin's TLS, which speaks only once spoken to: anything before
    # that is the proxy's own (hostile r47 M1: a 200 with a body)
    if reader._buffer:  # type: ignore[attr-defined]  # (no public peek)
        raise _with_body(proxy, where)
    return _BODY_FIELD.search(head) is not None


def _with_body(proxy: Proxy, where: str) -> ProxyUnusable:
    return ProxyUnusable(
        f"the proxy {proxy.shown} answered the request for a tunnel to {where} with a body"
    )


_CONNECT_STATUS = re.compile(rb"HTTP/[0-9]\.[0-9] (?P<code>[0-9]{3})(?: (?P<reason>[^\r\n]*))?\r\n")
_BODY_FIELD = re.compile(rb"\r\n(?:content-length: *[1-9]|transfer-encoding:)", re.IGNORECASE)


def _cut_short(proxy: Proxy, where: str) -> ProxyUnusable:
    """A proxy that closed the connection in the middle of its answer to a tunnel's request:
    its own failure, whatever became of the origin."""
    said = f"the proxy {proxy.shown} closed the connection in the middle of its answer"
    return ProxyUnusable(f"{said} for {where}")


# A proxy's answers to CONNECT that say it did not reach the origin: 502, 504, and 500 or 503
# from some (tinyproxy, Squid, Privoxy say so when they cannot connect or resolve); those about
# the proxy itself: its login (407), no tunnels at all (501)
_NOT_REACHED = frozenset({"500", "502", "503", "504"})
_PROXYS_OWN = frozenset({"407", "501"})


def tunnel_refused(proxy: Proxy, where: str, code: str, said: str) -> str:
    """A proxy's answer to CONNECT other than 2xx (`said`: "HTTP 502 Bad Gateway"), in words
    naming the proxy: it could not reach the origin, opens no tunnels, asks for a login (and
    how to give it), or refused (for feeds, and for downloads and sync: proxied.py). The proxy's
    words go without their controls (hostile r47 M6: `HTTP 407 ^[[2J^[]0;pwned^GAuth` stored)."""
    said = clean_line(said, 300)
    if code in _NOT_REACHED:
        return f"the proxy {proxy.shown} could not reach {where}: {said}"
    if code == "501":  # (it forwards plain http only)
        return f"the proxy {proxy.shown} does not open tunnels (CONNECT): {said}"
    refused = f"the proxy {proxy.shown} refused to connect to {where}: {said}"
    return f"{refused} {proxy.login_hint}" if code == "407" else refused


# A forwarding proxy's own error, as RFC 9209's Proxy-Status names it: about the proxy itself
# (the rest say it could not reach the origin, or the origin failed it: dns_*, destination_*,
# connection_*, tls_*, http_response_*)
_PROXY_STATUS_OWN = frozenset(
    {
        "proxy_internal_response",
        "proxy_internal_error",
        "proxy_configuration_error",
        "proxy_loop_detected",
        "http_request_denied",
        "http_request_error",
        "connection_limit_reached",
    }
)
_PROXY_STATUS_ERROR = re.compile(r";\s*error\s*=\s*([a-z0-9_.*-]{1,60})", re.IGNORECASE)
_SQUID_ERROR = re.compile(r"ERR_[A-Z0-9_]{1,60}")
_GATEWAY = frozenset({502, 504})  # a forwarded answer about the next hop, whoever made it


def forwarder_failed(
    proxy: Proxy, where: str, status: int, reason: str, raw: Sequence[tuple[bytes, bytes]]
) -> TransportError | None:
    """A forwarding HTTP proxy's answer (status 400 or more) to a plain-http request that is its
    failure rather than the origin's: its 407 and an error it says it made itself (RFC 9209's
    Proxy-Status with an `error`, Squid's X-Squid-Error) about itself (ProxyUnusable), one it
    made as it could not reach the origin (RelayFailed), and a 502 or 504 that says nothing of
    whose it is (RelayFailed: like a CONNECT's 502, the proxy's only when it reached none of the
    hosts asked for, ingest.records._proxies_down). None for any other answer: the origin's, forwarded
    (a 503 too: servers say it of themselves, and ask to wait with Retry-After)."""
    said = f"HTTP {status} {clean_line(reason, 300)}".rstrip()
    refused = f"the proxy {proxy.shown} refused to forward the request to {where}"
    if status == 407:
        return ProxyUnusable(f"{refused}: {said} {proxy.login_hint}")
    made = _made_by_proxy(Headers(raw))
    if made is None:
        if status in _GATEWAY:
            return RelayFailed(f"{said}, through the proxy {proxy.shown}", proxy)
        return None
    if status >= 500 and made not in _PROXY_STATUS_OWN:
        return RelayFailed(
            f"the proxy {proxy.shown} could not reach {where}: {said} ({made})", proxy
        )
    return ProxyUnusable(f"{refused}: {said} ({made})")


def _made_by_proxy(headers: Headers) -> str | None:
    """The error a forwarding proxy says it made this answer for, if it says so: the last
    member of Proxy-Status (the proxy nearest this client, RFC 9209) with an `error`, else
    Squid's X-Squid-Error (its error pages: ERR_DNS_FAIL, ERR_CONNECT_FAIL, ERR_ACCESS_DENIED)."""
    status = headers.get("proxy-status")
    if status:
        last = _members(status)[-1]
        found = _PROXY_STATUS_ERROR.search(last)
        if found is not None:
            return found[1].lower()
    squid = _SQUID_ERROR.match((headers.get("x-squid-error") or "").strip())
    return squid[0] if squid is not None else None


def _members(field: str) -> list[str]:
    """A structured field's list members (RFC 8941): apart by commas outside quoted strings."""
    members, start, quoted, escaped = [], 0, False, False
    for i, char in enumerate(field):
        if escaped:
            escaped = False
        elif char == "\\" and quoted:
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            members.append(field[start:i])
            start = i + 1
    return [*members, field[start:]]


_SOCKS_REPLIES = {
    1: "the SOCKS proxy failed",
    2: "the SOCKS proxy does not allow it",
    3: "network is unreachable",
    4: "host is unreachable",
    5: "connection refused",
    6: "timed out",
    7: "the SOCKS proxy refused the command",
    8: "the SOCKS proxy refused the address type",
}
# the origin's network, as the proxy met it; any other reply (1, 2, 7, 8, unknown) is the proxy's
_SOCKS_NETWORK = frozenset({3, 4, 5, 6})


async def _socks_tunnel(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    proxy: Proxy,
    origin: Origin,
    relay: Relay,
) -> None:
    """A SOCKS5 tunnel to the origin (RFC 1928; a user and password as RFC 1929 sends them);
    socks5:// resolves the name here, socks5h:// at the proxy."""
    scheme, host, port = origin
    where = authority(scheme, host, port)
    asked = False  # the tunnel asked for: a close from then on may be the origin's doing
    answering = False  # its answer to that begun: a close from then on is the proxy's
    try:
        writer.write(b"\x05\x02\x00\x02" if proxy.credentials else b"\x05\x01\x00")
        version, method = await reader.readexactly(2)
        if version != 5 or method not in (0, 2):
            raise ProxyUnusable(f"the proxy {proxy.shown} accepts none of the ways to log in")
        if method == 2:
            user, password = (part.encode() for part in proxy.credentials or ("", ""))
            writer.write(bytes([1, len(user)]) + user + bytes([len(password)]) + password)
            if (await reader.readexactly(2))[1] != 0:
                raise ProxyUnusable(f"the proxy {proxy.shown} refused its user and password")
        writer.write(b"\x05\x01\x00" + await _socks_address(proxy, host, port))
        asked = relay.asked = True
        first = await reader.readexactly(1)
        answering = relay.heard = True
        version, reply, _, kind = first + await reader.readexactly(3)
        if version != 5:  # (hostile r47 L6)
            raise ProxyUnusable(f"the proxy {proxy.shown} did not answer as a SOCKS5 proxy")
        if reply != 0:
            said = _SOCKS_REPLIES.get(reply, f"SOCKS reply {reply}")
            error = Unreachable if reply in _SOCKS_NETWORK else ProxyUnusable
            raise error(f"cannot connect to {where} through the proxy {proxy.shown}: {said}")
        size = {1: 4, 4: 16}.get(kind)
        if size is None and kind != 3:  # (hostile r47 L6: 9 was read as a name)
            said = f"the proxy {proxy.shown} did not answer as a SOCKS5 proxy"
            raise ProxyUnusable(f"{said} (address type {kind})")
        if size is None:  # a name: its length first
            size = (await reader.readexactly(1))[0]
        await reader.readexactly(size + 2)
    except (asyncio.IncompleteReadError, OSError):
        if answering:  # (hostile r47 M1: a reply cut short)
            raise _cut_short(proxy, where) from None
        if asked:  # (perhaps as the origin did not answer)
            said = f"the proxy {proxy.shown} closed the connection when asked for {where}"
            raise RelayFailed(said, proxy, silent=True) from None
        said = f"the proxy {proxy.shown} closed the connection before its SOCKS5 answer"
        raise ProxyUnusable(said) from None


async def _socks_address(proxy: Proxy, host: str, port: int) -> bytes:
    """SOCKS5's DST.ADDR and DST.PORT: the name (socks5h), else an address found here."""
    if proxy.scheme == "socks5h":
        try:
            name = host.encode("idna") if not host.isascii() else host.encode()
        except UnicodeError as exc:  # (a label idna cannot encode)
            raise ConnectFailed(connect_failure(host, port, "https", exc)) from None
        if len(name) > SOCKS_FIELD_BYTES:
            raise ConnectFailed(
                f"cannot connect to {host[:60]}…: a host name longer than SOCKS5 allows "
                f"({SOCKS_FIELD_BYTES} bytes)"
            )
        return b"\x03" + bytes([len(name)]) + name + port.to_bytes(2, "big")
    try:
        found = ipaddress.ip_address(host)
    except ValueError:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                host, port, type=socket.SOCK_STREAM
            )
        except UnicodeError as exc:  # an invalid name, not the network
            raise ConnectFailed(connect_failure(host, port, "https", exc)) from None
        except OSError as exc:
            raise unreachable(host, port, "https", exc) from None
        found = ipaddress.ip_address(infos[0][4][0])
    kind = b"\x01" if found.version == 4 else b"\x04"
    return kind + found.packed + port.to_bytes(2, "big")


def _basic(user: str, password: str) -> str:
    """HTTP Basic credentials, as a Proxy-Authorization header carries them."""
    from base64 import b64encode

    return "Basic " + b64encode(f"{user}:{password}".encode()).decode("ascii")


async def _exchange(
    connection: Connection,
    method: str,
    path: str,
    headers: Sequence[tuple[str, str]],
    body: bytes,
    timeouts: Timeouts,
    reused: bool,
    relay: Relay,
) -> tuple[int, str, list[tuple[bytes, bytes]]]:
    """Send the request and read the answer's head: status, reason and raw headers (`relay`
    told when it begins and when the head is read)."""
    state = connection.h11
    try:
        out = state.send(h11.Request(method=method, target=path, headers=list(headers))) or b""
        if body:
            out += state.send(h11.Data(data=body)) or b""
        out += state.send(h11.EndOfMessage()) or b""
    except h11.LocalProtocolError as exc:  # a header value h11 refuses to send
        raise TransportError(f"cannot send the request ({exc})") from None
    writer = connection.writer
    try:
        writer.write(out)
        if writer.transport.get_write_buffer_size():
            async with waiting_timeout(timeouts.write):
                await writer.drain()
    except TimeoutError:
        raise TimedOut("timed out sending the request") from None
    except OSError as exc:
        if reused:
            raise _StaleConnection from None
        raise ConnectionLost(lost_reason(exc)) from None
    received = False
    while True:
        try:
            event = _next_event(state)
        except BrokenAnswer as exc:
            raise _broken(connection.forwarder, path, exc) from None
        if event is h11.NEED_DATA:
            try:
                data = await _read(connection, timeouts.read)
            except TimedOut as exc:
                raise relay.timed_out(str(exc), _after(timeouts.read)) from None
            except BrokenAnswer:
                if reused and not received:
                    raise _StaleConnection from None
                raise
            if not data and not received:
                if reused:
                    raise _StaleConnection
                raise _unanswered(connection.forwarder, path)
            received = relay.heard = True
            state.receive_data(data)
        elif isinstance(event, h11.Response):
            relay.through = True
            reason = _reason_text(bytes(event.reason))
            return event.status_code, reason, list(event.headers)  # names in lower case
        elif isinstance(event, h11.InformationalResponse):
            continue
        else:  # ConnectionClosed, or PAUSED after a 101 nobody asked for
            raise _unanswered(connection.forwarder, path, silent=not received)


def _unanswered(
    proxy: Proxy | None, path: str, *, silent: bool = True
) -> BrokenAnswer | RelayFailed:
    """A connection closed before any answer to a request for `path`: the server's doing, or
    a forwarding proxy's, which may have failed to reach the origin (RelayFailed; `silent`:
    without a byte)."""
    if proxy is None:
        return BrokenAnswer("server closed the connection without answering")
    where = path.split("/", 3)[2] if "://" in path else "the origin"  # (absolute: forwarded)
    said = f"the proxy {proxy.shown} closed the connection when asked for {where}"
    return RelayFailed(said, proxy, silent=silent)


def _after(seconds: float | None) -> str:
    return f"after {seconds:g} s" if seconds is not None else ""


def _broken(proxy: Proxy | None, path: str, exc: BrokenAnswer) -> BrokenAnswer | RelayFailed:
    """An answer that broke HTTP/1.1, as the server sent it or, forwarded, as the proxy did:
    naming the proxy, which sent it whoever wrote it (RelayFailed: the proxy's when it broke
    every answer, of two hosts or more, ingest decides; a proxy answers a broken origin with
    a 502 of its own)."""
    if proxy is None:
        return exc
    where = path.split("/", 3)[2] if "://" in path else "the origin"  # (absolute: forwarded)
    return RelayFailed(f"{exc} from the proxy {proxy.shown} for {where}", proxy)


def _once(call: Callable[[], None]) -> Callable[[], None]:
    """`call`, made to run at most once however often the result is called."""
    done = False

    def once() -> None:
        nonlocal done
        if not done:
            done = True
            call()

    return once


def _next_event(state: h11.Connection) -> h11.Event | type[h11.NEED_DATA] | type[h11.PAUSED]:
    """The next thing the server said; BrokenAnswer when it broke the protocol."""
    try:
        return state.next_event()
    except h11.RemoteProtocolError as exc:
        raise BrokenAnswer(f"invalid HTTP answer ({_said_by_h11(str(exc))})") from None


_BYTES_SHOWN = re.compile(r"""bytearray\((b'[^'\\]*(?:\\.[^'\\]*)*'|b"[^"\\]*(?:\\.[^"\\]*)*")\)""")


def _said_by_h11(said: str) -> str:
    """h11's reason, the bytes it quotes as text (not `bytearray(b'\\x00\\xff…')`: hostile r47
    L2), control characters left out."""
    found = _BYTES_SHOWN.search(said)
    if found is None:
        return clean_line(said, 300)
    from ast import literal_eval

    quoted = clean_line(literal_eval(found[1]).decode("utf-8", "replace"), 80)
    return clean_line(f'{said[: found.start()]}"{quoted}"{said[found.end() :]}', 300)


async def _read(connection: Connection, timeout: float | None) -> bytes:
    """The next bytes from the server (b"" once it has closed)."""
    try:
        async with waiting_timeout(timeout):
            return await connection.reader.read(READ_SIZE)
    except TimeoutError:
        raise TimedOut("timed out reading the answer") from None
    except OSError as exc:
        raise ConnectionLost(lost_reason(exc)) from None


def lost_reason(exc: OSError) -> str:
    """Why an open connection broke, in words ("connection reset by the server"), not Python's
    "[Errno 104] Connection reset by peer"."""
    if isinstance(exc, ConnectionResetError):
        return "connection reset by the server"
    if isinstance(exc, ConnectionAbortedError | BrokenPipeError):
        return "connection closed by the server"
    number = exc.errno if exc.errno and exc.errno > 0 else None
    return f"connection lost ({os.strerror(number).lower()})" if number else "connection lost"


# Most feed URLs: http(s), a plain host name or IPv4 address, perhaps a port, and a path and
# query of characters httpx sends as they are. Anything else is parsed by httpx (imported then).
_PLAIN = re.compile(
    r"(?P<scheme>https?)://(?P<host>[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(?P<port>[1-9][0-9]{0,4}))?"
    r"(?P<path>/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]*)?(?P<query>\?[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*)?"
    r"(?:#.*)?",
    re.IGNORECASE | re.DOTALL,
)
_IPV4_SHAPE = re.compile(r"[0-9.]+")


def target_of(url: str) -> Target:
    """Where a request for `url` goes, as httpx would send it; ValueError if it cannot be sent."""
    match = _PLAIN.fullmatch(url)
    if match is not None:
        scheme, host = match["scheme"].lower(), match["host"].lower()
        port = int(match["port"] or DEFAULT_PORTS.get(scheme, 80))
        path = match["path"] or "/"
        if port <= 65535 and _plain_host(host) and not _has_dot_segment(path):
            return Target(scheme, host, port, path + (match["query"] or ""))
    return _target_by_httpx(url)


def _plain_host(host: str) -> bool:
    if _IPV4_SHAPE.fullmatch(host) is None:
        return ".." not in host
    try:
        ipaddress.IPv4Address(host)
    except ValueError:
        return False
    return True


def _has_dot_segment(path: str) -> bool:
    """A "." or ".." segment, which httpx removes (RFC 3986 5.2.4)."""
    return "/." in path and any(segment in (".", "..") for segment in path.split("/"))


def _target_by_httpx(url: str) -> Target:
    import httpx  # only for URLs outside the plain shape: IDNA host names, user names…

    try:
        parsed = httpx.URL(url)
        host = parsed.raw_host.decode("ascii")
    except (httpx.InvalidURL, UnicodeError) as exc:
        raise ValueError(str(exc)) from None
    scheme = parsed.scheme
    if scheme not in ("http", "https") or not host:
        raise ValueError(f"not an http(s) URL with a host: {url}")
    port = parsed.port or DEFAULT_PORTS.get(scheme, 80)
    if port > 65535:  # httpx takes it; connecting would fail inside asyncio (an IndexError)
        raise ValueError(f"port {port} out of range")
    credentials = (parsed.username, parsed.password) if parsed.userinfo else None
    return Target(scheme, host, port, parsed.raw_path.decode("ascii"), credentials)
