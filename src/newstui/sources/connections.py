"""HTTP/1.1 connections kept alive per origin: an httpx transport over asyncio streams and h11.

httpx's own transport goes through httpcore and anyio, whose pool walks every connection (and
polls each idle socket) at the start and end of every request: most of the CPU time of a
refresh where every feed answers 304. This one keeps the idle connections of each origin in a
list and speaks HTTP/1.1 with h11 (the parser httpcore uses), raising httpx's error types.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable

import h11
import httpx

READ_SIZE = 64 * 1024
MAX_HEAD_BYTES = 100 * 1024  # a response's status line and headers (httpcore's limit)
KEEPALIVE_EXPIRY = 5.0  # seconds an idle connection is kept (httpx's default)
IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS"})

Origin = tuple[bytes, str, int]  # scheme, host, port


class _StaleConnection(Exception):
    """A reused connection closed by the server before it answered: retried on a new one."""


class Connection:
    """One TCP (or TLS) connection and its HTTP/1.1 state."""

    __slots__ = ("h11", "idle_since", "reader", "writer")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.h11 = h11.Connection(h11.CLIENT, max_incomplete_event_size=MAX_HEAD_BYTES)
        self.idle_since = 0.0

    def usable(self, now: float, expiry: float) -> bool:
        """Still open, not closed by the server while idle, not idle too long."""
        return (
            now - self.idle_since < expiry
            and not self.reader.at_eof()
            and self.reader.exception() is None
            and not self.writer.transport.is_closing()
        )

    def close(self) -> None:
        """Close at once: an HTTP/1.1 client has nothing to say on the way out."""
        self.writer.transport.abort()


class ConnectionTransport(httpx.AsyncBaseTransport):
    """Requests over kept-alive HTTP/1.1 connections: at most `max_idle_per_origin` idle
    connections per origin and `max_idle` in all (the oldest idle one is closed first).

    An idle connection is closed after `keepalive_expiry` seconds (or once the server has
    closed it); a request that finds its reused connection closed by the server before any
    answer is sent again once on a new connection, if its method is idempotent.
    It never limits requests in flight: the caller does (`Fetcher`'s semaphores). No proxies,
    no HTTP/2. `tls` makes the TLS context at the first https connection (loading the CA bundle
    costs ~13 ms, which a refresh of plain-http feeds never needs).
    """

    def __init__(
        self,
        tls: Callable[[], ssl.SSLContext],
        *,
        max_idle_per_origin: int = 8,
        max_idle: int = 16,
        keepalive_expiry: float = KEEPALIVE_EXPIRY,
    ) -> None:
        self._make_tls = tls
        self._tls: ssl.SSLContext | None = None
        self._max_idle_per_origin = max_idle_per_origin
        self._max_idle = max_idle
        self._expiry = keepalive_expiry
        self._idle: dict[Origin, list[Connection]] = {}
        self._idle_order: OrderedDict[Connection, Origin] = OrderedDict()
        self._closed = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        scheme = url.raw_scheme
        if scheme not in (b"http", b"https"):
            raise httpx.UnsupportedProtocol(
                f"Request URL has an unsupported protocol '{url.scheme}://'."
            )
        host = url.raw_host.decode("ascii")
        origin = (scheme, host, url.port or (443 if scheme == b"https" else 80))
        timeouts: dict[str, float | None] = request.extensions.get("timeout", {})
        retry = request.method in IDEMPOTENT
        while True:
            connection = self._take_idle(origin)
            reused = connection is not None
            if connection is None:
                connection = await self._connect(origin, timeouts.get("connect"))
            try:
                response = await _exchange(connection, request, timeouts, reused)
            except _StaleConnection:
                connection.close()
                if retry:
                    retry = False
                    continue
                raise httpx.RemoteProtocolError(
                    "Server disconnected without sending a response."
                ) from None
            except BaseException:
                connection.close()
                raise
            status, reason, version, headers = response
            return httpx.Response(
                status,
                headers=headers,
                stream=_Body(self, origin, connection, timeouts.get("read")),
                extensions={"http_version": b"HTTP/" + version, "reason_phrase": reason},
            )

    async def aclose(self) -> None:
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
        """Give a connection back after its response: kept idle if it can serve another."""
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

    async def _connect(self, origin: Origin, timeout: float | None) -> Connection:
        scheme, host, port = origin
        tls = None
        if scheme == b"https":
            if self._tls is None:
                self._tls = self._make_tls()
            tls = self._tls
        try:
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_connection(
                    host,
                    port,
                    ssl=tls,
                    server_hostname=host if tls else None,
                    limit=READ_SIZE,
                    happy_eyeballs_delay=0.25,
                )
        except TimeoutError:
            raise httpx.ConnectTimeout("timed out connecting") from None
        except (OSError, UnicodeError) as exc:  # refused, unknown host, TLS (certificate) errors
            raise httpx.ConnectError(str(exc) or type(exc).__name__) from None
        return Connection(reader, writer)


async def _exchange(
    connection: Connection,
    request: httpx.Request,
    timeouts: dict[str, float | None],
    reused: bool,
) -> tuple[int, bytes, bytes, list[tuple[bytes, bytes]]]:
    """Send the request and read the response's head: status, reason, version, headers."""
    state = connection.h11
    try:
        out = [
            state.send(
                h11.Request(
                    method=request.method, target=request.url.raw_path, headers=request.headers.raw
                )
            )
            or b""
        ]
        async for chunk in request.stream:  # type: ignore[union-attr]
            out.append(state.send(h11.Data(data=chunk)) or b"")
        out.append(state.send(h11.EndOfMessage()) or b"")
    except h11.LocalProtocolError as exc:
        raise httpx.LocalProtocolError(str(exc)) from None
    writer = connection.writer
    try:
        writer.write(b"".join(out))
        if writer.transport.get_write_buffer_size():
            async with asyncio.timeout(timeouts.get("write")):
                await writer.drain()
    except TimeoutError:
        raise httpx.WriteTimeout("timed out sending the request") from None
    except OSError as exc:
        if reused:
            raise _StaleConnection from None
        raise httpx.WriteError(str(exc) or type(exc).__name__) from None
    read_timeout = timeouts.get("read")
    received = False
    while True:
        event = _next_event(state)
        if event is h11.NEED_DATA:
            try:
                data = await _read(connection, read_timeout)
            except httpx.ReadError:
                if reused and not received:
                    raise _StaleConnection from None
                raise
            if not data and not received:
                if reused:
                    raise _StaleConnection
                raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
            received = True
            state.receive_data(data)
        elif isinstance(event, h11.Response):
            return event.status_code, event.reason, event.http_version, event.headers.raw_items()
        elif isinstance(event, h11.InformationalResponse):
            continue
        else:  # ConnectionClosed, or PAUSED after a 101 nobody asked for
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.")


def _next_event(state: h11.Connection) -> h11.Event | type[h11.NEED_DATA] | type[h11.PAUSED]:
    """The next thing the server said; httpx's error when it broke the protocol."""
    try:
        return state.next_event()
    except h11.RemoteProtocolError as exc:
        raise httpx.RemoteProtocolError(str(exc)) from None


async def _read(connection: Connection, timeout: float | None) -> bytes:
    """The next bytes from the server (b"" once it has closed)."""
    try:
        async with asyncio.timeout(timeout):
            return await connection.reader.read(READ_SIZE)
    except TimeoutError:
        raise httpx.ReadTimeout("timed out reading the response") from None
    except OSError as exc:
        raise httpx.ReadError(str(exc) or type(exc).__name__) from None


class _Body(httpx.AsyncByteStream):
    """A response body read from its connection, which goes back to the transport at the end."""

    def __init__(
        self,
        transport: ConnectionTransport,
        origin: Origin,
        connection: Connection,
        timeout: float | None,
    ) -> None:
        self._transport = transport
        self._origin = origin
        self._connection: Connection | None = connection
        self._timeout = timeout
        self._complete = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        connection = self._connection
        if connection is None:
            raise httpx.StreamClosed()
        state = connection.h11
        while True:
            event = _next_event(state)
            if event is h11.NEED_DATA:
                state.receive_data(await _read(connection, self._timeout))
            elif isinstance(event, h11.Data):
                yield bytes(event.data)
            elif isinstance(event, h11.EndOfMessage):
                self._complete = True
                return
            else:  # ConnectionClosed before the end h11 would have reported as an error
                raise httpx.RemoteProtocolError("Server disconnected before the end of the body.")

    async def aclose(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            self._transport.release(self._origin, connection, self._complete)
