"""HTTP/1.1 connections kept alive per origin, over asyncio streams with h11.

The feed fetcher's client. httpx's transport goes through httpcore and anyio, whose pool walks
every connection (and polls each idle socket) at the start and end of every request, and its
client builds URLs, cookie jars and auth flows for each: most of the CPU time of a refresh where
every feed answers 304. Here h11 (the parser httpcore itself uses) does the HTTP/1.1 framing
and checks what a server sends; idle connections wait in a list per origin.
"""

from __future__ import annotations

import asyncio
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
    """A request that got no complete answer; the message says why, in a few words."""


class ConnectFailed(TransportError):
    """No connection (refused, unknown host, TLS or its certificate)."""


class TimedOut(TransportError):
    """Connecting, sending or waiting for the server took longer than allowed."""


class BrokenAnswer(TransportError):
    """The server broke HTTP/1.1, or closed the connection before the end of its answer."""


class _StaleConnection(Exception):
    """A reused connection closed by the server before it answered: retried on a new one."""


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


def connect_reason(exc: BaseException) -> str:
    """Why a connection failed, in a few words ("connection refused"), not Python's text."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        return f"certificate not accepted ({exc.verify_message or exc.reason or 'invalid'})"
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
    """One TCP (or TLS) connection and its HTTP/1.1 state."""

    __slots__ = ("h11", "idle_since", "reader", "writer")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.h11 = h11.Connection(h11.CLIENT, max_incomplete_event_size=MAX_HEAD_BYTES)
        self.idle_since = 0.0

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
    `opening_grace` seconds at most. No proxies, no HTTP/2. `tls`
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
    ) -> None:
        self.timeouts = timeouts
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
    ) -> Answer:
        """Send a request and read the answer's head; the body is read from the Answer, which
        must be closed (`aclose`). `headers` should not hold Host or Content-Length."""
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
            let_next_open: Callable[[], None] | None = None
            grace: asyncio.TimerHandle | None = None
            try:
                if connection is None:
                    connection = await self._connect(origin)
                if opening is not None:
                    let_next_open = _once(opening.release)
                    grace = asyncio.get_running_loop().call_later(
                        self._opening_grace, let_next_open
                    )
                status, reason, raw = await _exchange(
                    connection, method, target.path, head, body, self.timeouts, reused
                )
            except _StaleConnection:
                assert connection is not None
                connection.close()
                if retry:
                    retry = False
                    continue
                raise BrokenAnswer("server closed the connection without answering") from None
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

    async def _connect(self, origin: Origin) -> Connection:
        scheme, host, port = origin
        tls = None
        if scheme == "https":
            if self._tls is None:
                self._tls = self._make_tls()
            tls = self._tls
        try:
            async with asyncio.timeout(self.timeouts.connect):
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
        except (OSError, UnicodeError) as exc:  # refused, unknown host, TLS (certificate) errors
            raise ConnectFailed(connect_failure(host, port, scheme, exc)) from None
        return Connection(reader, writer)


async def _exchange(
    connection: Connection,
    method: str,
    path: str,
    headers: Sequence[tuple[str, str]],
    body: bytes,
    timeouts: Timeouts,
    reused: bool,
) -> tuple[int, str, list[tuple[bytes, bytes]]]:
    """Send the request and read the answer's head: status, reason and raw headers."""
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
            async with asyncio.timeout(timeouts.write):
                await writer.drain()
    except TimeoutError:
        raise TimedOut("timed out sending the request") from None
    except OSError as exc:
        if reused:
            raise _StaleConnection from None
        raise BrokenAnswer(f"connection lost ({exc})") from None
    received = False
    while True:
        event = _next_event(state)
        if event is h11.NEED_DATA:
            try:
                data = await _read(connection, timeouts.read)
            except BrokenAnswer:
                if reused and not received:
                    raise _StaleConnection from None
                raise
            if not data and not received:
                if reused:
                    raise _StaleConnection
                raise BrokenAnswer("server closed the connection without answering")
            received = True
            state.receive_data(data)
        elif isinstance(event, h11.Response):
            reason = _reason_text(bytes(event.reason))
            return event.status_code, reason, list(event.headers)  # names in lower case
        elif isinstance(event, h11.InformationalResponse):
            continue
        else:  # ConnectionClosed, or PAUSED after a 101 nobody asked for
            raise BrokenAnswer("server closed the connection without answering")


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
        raise BrokenAnswer(f"invalid HTTP answer ({exc})") from None


async def _read(connection: Connection, timeout: float | None) -> bytes:
    """The next bytes from the server (b"" once it has closed)."""
    try:
        async with asyncio.timeout(timeout):
            return await connection.reader.read(READ_SIZE)
    except TimeoutError:
        raise TimedOut("timed out reading the answer") from None
    except OSError as exc:
        raise BrokenAnswer(f"connection lost ({exc})") from None


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
