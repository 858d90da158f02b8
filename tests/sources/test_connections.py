"""The HTTP/1.1 transport: kept-alive connections, what it does when a server closes or lies,
and its limits. Servers here are scripted at the byte level on 127.0.0.1."""

from __future__ import annotations

import asyncio
import shutil
import socket
import ssl
import subprocess
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import httpx
import pytest

from newstui.errors import SourceError
from newstui.sources.connections import ConnectionTransport
from newstui.sources.http import Fetcher, FetchLimits

QUICK = FetchLimits(timeout=5)
OK = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"


class RawServer:
    """Each connection is handed to `answer(server, connection number, reader, writer)`."""

    def __init__(self, answer: Callable[..., Awaitable[None]]) -> None:
        self.answer = answer
        self.connections = 0
        self.requests = 0
        self.base = ""

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            await self.answer(self, self.connections, reader, writer)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    async def request(self, reader: asyncio.StreamReader) -> bytes:
        """Read one request's head (b"" when the client closed instead)."""
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.IncompleteReadError:
            return b""
        self.requests += 1
        return head


@pytest.fixture
async def raw_server() -> AsyncIterator[Callable[..., Awaitable[RawServer]]]:
    servers: list[asyncio.Server] = []

    async def start(answer: Callable[..., Awaitable[None]], tls: ssl.SSLContext | None = None):
        raw = RawServer(answer)
        server = await asyncio.start_server(raw.serve, "127.0.0.1", 0, ssl=tls)
        servers.append(server)
        port = server.sockets[0].getsockname()[1]
        raw.base = f"{'https' if tls else 'http'}://127.0.0.1:{port}"
        return raw

    yield start
    for server in servers:
        server.close()


def keep_answering(response: bytes = OK):
    """An answer function: every request on the connection gets `response`."""

    async def answer(server: RawServer, n: int, reader, writer) -> None:
        while await server.request(reader):
            writer.write(response)
            await writer.drain()

    return answer


async def serve_ok(raw_server, response: bytes = OK) -> RawServer:
    return await raw_server(keep_answering(response))


async def test_a_connection_the_server_closed_while_idle_is_replaced_by_a_new_one(raw_server):
    async def answer_once(server: RawServer, n: int, reader, writer) -> None:
        if await server.request(reader):
            writer.write(OK)
            await writer.drain()

    server = await raw_server(answer_once)
    async with Fetcher(QUICK) as fetcher:
        first = await fetcher.fetch(server.base + "/a")
        await asyncio.sleep(0.1)  # the server's close reaches the idle connection
        second = await fetcher.fetch(server.base + "/b")

    assert first.body == second.body == b"hello"
    assert server.connections == 2


async def test_a_request_the_server_drops_on_a_reused_connection_is_sent_once_more(raw_server):
    async def drop_the_second(server: RawServer, n: int, reader, writer) -> None:
        await server.request(reader)
        writer.write(OK)
        await writer.drain()
        if n == 1:
            await server.request(reader)  # read, then close unanswered (a keep-alive race)
            return
        while await server.request(reader):
            writer.write(OK)
            await writer.drain()

    server = await raw_server(drop_the_second)
    async with Fetcher(QUICK) as fetcher:
        await fetcher.fetch(server.base + "/a")
        second = await fetcher.fetch(server.base + "/b")

    assert second.body == b"hello"
    assert server.connections == 2 and server.requests == 3


async def test_a_server_that_never_answers_on_a_new_connection_is_one_clear_error(raw_server):
    async def hang_up(server: RawServer, n: int, reader, writer) -> None:
        await server.request(reader)

    server = await raw_server(hang_up)
    url = server.base + "/feed"

    with pytest.raises(SourceError) as caught:
        async with Fetcher(QUICK) as fetcher:
            await fetcher.fetch(url)

    assert (
        str(caught.value)
        == f"{url}: RemoteProtocolError: Server disconnected without sending a response."
    )
    assert server.connections == 1  # a new connection is not tried twice


@pytest.mark.parametrize(
    "answer",
    [
        b"SPDY/9 200 OK\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nX-Bad: a\x00b\r\nContent-Length: 0\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello",
        b"HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 200_000 + b"\r\n\r\n",
        b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: other\r\n\r\n",
    ],
    ids=["status-line", "no-colon", "nul", "two-lengths", "negative-length", "huge-head", "101"],
)
async def test_a_malformed_answer_is_one_line_naming_the_url(raw_server, answer):
    server = await serve_ok(raw_server, answer)
    url = server.base + "/feed"

    with pytest.raises(SourceError) as caught:
        async with Fetcher(QUICK) as fetcher:
            await fetcher.fetch(url)

    message = str(caught.value)
    assert message.startswith(f"{url}: ") and "\n" not in message and len(message) < 300


async def test_a_body_cut_short_is_an_error_and_its_connection_is_not_reused(raw_server):
    async def cut_the_first(server: RawServer, n: int, reader, writer) -> None:
        while await server.request(reader):
            if server.requests == 1:
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhel")
                await writer.drain()
                return
            writer.write(OK)
            await writer.drain()

    server = await raw_server(cut_the_first)
    async with Fetcher(QUICK) as fetcher:
        with pytest.raises(SourceError, match="without sending complete message body"):
            await fetcher.fetch(server.base + "/a")
        again = await fetcher.fetch(server.base + "/a")

    assert again.body == b"hello"
    assert server.connections == 2


async def test_a_body_refused_as_too_large_closes_its_connection(raw_server):
    big = b"HTTP/1.1 200 OK\r\nContent-Length: 20000\r\n\r\n" + b"x" * 20000

    async def big_then_small(server: RawServer, n: int, reader, writer) -> None:
        while await server.request(reader):
            writer.write(big if server.requests == 1 else OK)
            await writer.drain()

    server = await raw_server(big_then_small)
    async with Fetcher(FetchLimits(timeout=5, max_bytes=1000)) as fetcher:
        with pytest.raises(SourceError, match="larger than"):
            await fetcher.fetch(server.base + "/big")
        small = await fetcher.fetch(server.base + "/small")

    assert small.body == b"hello"
    assert server.connections == 2  # the unread rest of the big body never reaches a request


async def test_an_answer_asking_to_close_is_not_reused(raw_server):
    closing = b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello"
    server = await serve_ok(raw_server, closing)

    async with Fetcher(QUICK) as fetcher:
        for _ in range(3):
            await fetcher.fetch(server.base + "/feed")

    assert server.connections == 3


async def test_an_informational_answer_before_the_real_one_is_skipped(raw_server):
    server = await serve_ok(raw_server, b"HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" + OK)

    async with Fetcher(QUICK) as fetcher:
        result = await fetcher.fetch(server.base + "/feed")

    assert result.status == 200 and result.body == b"hello"


async def test_a_chunked_body_is_read_and_the_connection_reused(raw_server):
    chunked = (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhel\r\n2\r\nlo\r\n0\r\n\r\n"
    )
    server = await serve_ok(raw_server, chunked)

    async with Fetcher(QUICK) as fetcher:
        bodies = [(await fetcher.fetch(server.base + "/feed")).body for _ in range(3)]

    assert bodies == [b"hello"] * 3
    assert server.connections == 1


async def test_a_server_that_accepts_and_says_nothing_times_out(raw_server):
    async def silent(server: RawServer, n: int, reader, writer) -> None:
        await asyncio.sleep(10)

    server = await raw_server(silent)

    with pytest.raises(SourceError, match="timed out"):
        async with Fetcher(FetchLimits(timeout=0.5)) as fetcher:
            await fetcher.fetch(server.base + "/feed")


async def test_a_port_nobody_listens_on_cannot_be_connected_to():
    with socket.socket() as sock:  # a port just freed: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]

    with pytest.raises(SourceError, match="cannot connect"):
        async with Fetcher(QUICK) as fetcher:
            await fetcher.fetch(f"http://127.0.0.1:{port}/feed")


# The transport on its own, under an httpx client ---------------------------------------------


async def test_idle_connections_are_capped_per_origin(raw_server):
    server = await serve_ok(raw_server)
    transport = ConnectionTransport(ssl.create_default_context, max_idle_per_origin=2)

    async with httpx.AsyncClient(transport=transport) as client:
        await asyncio.gather(*(client.get(server.base + "/") for _ in range(5)))
        assert server.connections == 5
        await asyncio.gather(*(client.get(server.base + "/") for _ in range(5)))

    assert server.connections == 8  # two kept from the first five, three new


async def test_idle_connections_are_capped_in_all_oldest_closed_first(raw_server):
    one, two = await serve_ok(raw_server), await serve_ok(raw_server)
    transport = ConnectionTransport(ssl.create_default_context, max_idle=1)

    async with httpx.AsyncClient(transport=transport) as client:
        await client.get(one.base + "/")
        await client.get(two.base + "/")  # the idle connection to `one` is closed for this one
        await client.get(two.base + "/")
        await client.get(one.base + "/")

    assert (one.connections, two.connections) == (2, 1)


async def test_a_connection_idle_past_the_expiry_is_not_reused(raw_server):
    server = await serve_ok(raw_server)
    transport = ConnectionTransport(ssl.create_default_context, keepalive_expiry=0.1)

    async with httpx.AsyncClient(transport=transport) as client:
        await client.get(server.base + "/")
        await client.get(server.base + "/")
        await asyncio.sleep(0.2)
        await client.get(server.base + "/")

    assert server.connections == 2


async def test_a_request_body_is_sent(raw_server):
    received: list[bytes] = []

    async def echo_length(server: RawServer, n: int, reader, writer) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
        received.append(await reader.readexactly(length))
        writer.write(OK)
        await writer.drain()

    server = await raw_server(echo_length)
    async with httpx.AsyncClient(
        transport=ConnectionTransport(ssl.create_default_context)
    ) as client:
        response = await client.post(server.base + "/", content=b"a=1&b=2")

    assert response.status_code == 200 and received == [b"a=1&b=2"]


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key (made by openssl)."""
    if shutil.which("openssl") is None:
        pytest.skip("needs openssl to make a certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key),
         "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


async def test_https_connections_are_verified_and_kept_alive(raw_server, certificate):
    cert, key = certificate
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert, key)
    server = await raw_server(keep_answering(), tls=server_tls)

    def trusting_the_test_certificate() -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(cert))

    transport = ConnectionTransport(trusting_the_test_certificate)
    async with httpx.AsyncClient(transport=transport) as client:
        answers = [await client.get(server.base + "/") for _ in range(3)]
    assert [a.text for a in answers] == ["hello"] * 3
    assert server.connections == 1

    async with httpx.AsyncClient(
        transport=ConnectionTransport(ssl.create_default_context)
    ) as client:
        with pytest.raises(httpx.ConnectError, match=r"(?i)certificate"):
            await client.get(server.base + "/")
