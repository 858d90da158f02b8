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
from hypothesis import given, settings
from hypothesis import strategies as st

from newstui.errors import SourceError
from newstui.sources.connections import (
    ConnectFailed,
    ConnectionPool,
    connect_failure,
    no_network,
    target_of,
)
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

    assert str(caught.value) == f"{url}: server closed the connection without answering"
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


@pytest.mark.parametrize("late", [False, True], ids=["with-the-head", "after-the-head"])
async def test_bytes_after_an_answer_never_become_the_next_answer(raw_server, late):
    # A 304 sent with a body (a real server bug): the stray bytes used to be read as the start of
    # the next answer on that connection, so the next feed of the host failed ("illegal status
    # line") or got them as its body.
    async def stray_body_after_304(server: RawServer, n: int, reader, writer) -> None:
        while await server.request(reader):
            if server.requests > 1:
                writer.write(OK)
            elif late:
                writer.write(b"HTTP/1.1 304 Not Modified\r\n\r\n")
                await writer.drain()
                await asyncio.sleep(0.2)
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nwrong")
            else:
                writer.write(b"HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\nstray")
            await writer.drain()

    server = await raw_server(stray_body_after_304)
    async with Fetcher(QUICK) as fetcher:
        first = await fetcher.fetch(server.base + "/a", etag='"1"')
        await asyncio.sleep(0.4)
        second = await fetcher.fetch(server.base + "/b")

    assert first.status == 304
    assert second.status == 200 and second.body == b"hello"


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

    with pytest.raises(SourceError) as info:
        async with Fetcher(QUICK) as fetcher:
            await fetcher.fetch(f"http://127.0.0.1:{port}/feed")
    # one plain line naming where, not Python's "[Errno 111] Connect call failed (…)"
    assert str(info.value) == (
        f"http://127.0.0.1:{port}/feed: cannot connect to 127.0.0.1:{port}: connection refused"
    )


@pytest.mark.parametrize(
    ("error", "reason", "offline"),
    [
        (ConnectionRefusedError(111, "Connect call failed ('::1', 80)"), "connection refused", 0),
        (
            OSError("Multiple exceptions: [Errno 111] Connect call failed (…)"),
            "connection refused",
            0,
        ),
        (socket.gaierror(-2, "Name or service not known"), "unknown host", 0),
        # no route, no name server: this machine is offline, not the host down (netfix r47)
        (OSError(101, "Network is unreachable"), "network is unreachable", 1),
        (socket.gaierror(socket.EAI_AGAIN, "Temporary failure"), "host name lookup failed", 1),
        (OSError("Multiple exceptions: [Errno 101] …, [Errno 101] …"), "network is unreachable", 1),
        (OSError("Multiple exceptions: [Errno 101] …, [Errno 111] …"), "network is unreachable", 0),
        (OSError(113, "No route to host"), "no route to host", 0),  # (that host: EHOSTUNREACH)
        (UnicodeError("label too long"), "invalid host name", 0),
    ],
)
def test_a_failed_connection_reads_as_one_plain_line_naming_the_host(error, reason, offline):
    assert connect_failure("news.example", 443, "https", error) == (
        f"cannot connect to news.example: {reason}"
    )
    assert connect_failure("::1", 8080, "http", error).startswith("cannot connect to [::1]:8080: ")
    assert no_network(error) is bool(offline)


# The pool on its own ----------------------------------------------------------------------


async def get(pool: ConnectionPool, url: str, method: str = "GET", body: bytes = b"") -> bytes:
    """One request through the pool; the answer's body."""
    answer = await pool.request(method, target_of(url), [], body)
    try:
        return await answer.aread()
    finally:
        await answer.aclose()


async def test_idle_connections_are_capped_per_origin(raw_server):
    server = await serve_ok(raw_server)
    pool = ConnectionPool(
        ssl.create_default_context, max_idle_per_origin=2, max_opening_per_origin=5
    )

    await asyncio.gather(*(get(pool, server.base + "/") for _ in range(5)))
    assert server.connections == 5
    await asyncio.gather(*(get(pool, server.base + "/") for _ in range(5)))
    await pool.aclose()

    assert server.connections == 8  # two kept from the first five, three new


async def test_no_more_new_connections_wait_at_one_server_than_its_listen_queue_keeps(raw_server):
    # Python's http.server keeps 5 connections waiting to be accepted; one more has its SYN
    # dropped and waits a second for the retry: 33 feeds of one such server took 1.2 s, not 0.2.
    answering = asyncio.Event()
    waiting_at_most = 0

    async def answer_when_told(server: RawServer, n: int, reader, writer) -> None:
        nonlocal waiting_at_most
        if not answering.is_set():
            waiting_at_most = max(waiting_at_most, server.connections)
        await answering.wait()
        await keep_answering()(server, n, reader, writer)

    server = await raw_server(answer_when_told)
    pool = ConnectionPool(ssl.create_default_context, opening_grace=60)  # (a slow machine)
    asked = [asyncio.ensure_future(get(pool, f"{server.base}/{i}")) for i in range(8)]
    while server.connections < 4:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.3)  # a fifth connection would have come by now
    answering.set()
    bodies = await asyncio.gather(*asked)
    await pool.aclose()

    assert waiting_at_most == 4
    assert bodies == [b"hello"] * 8  # the others were sent as the first four were answered
    assert 4 <= server.connections <= 8


async def test_a_slow_server_still_gets_every_request_at_once_after_a_moment(raw_server):
    answering = asyncio.Event()

    async def answer_when_all_came(server: RawServer, n: int, reader, writer) -> None:
        if server.connections == 8:
            answering.set()
        await answering.wait()
        await keep_answering()(server, n, reader, writer)

    server = await raw_server(answer_when_all_came)
    pool = ConnectionPool(ssl.create_default_context, opening_grace=0.05)
    bodies = await asyncio.wait_for(
        asyncio.gather(*(get(pool, f"{server.base}/{i}") for i in range(8))), 30
    )
    await pool.aclose()

    assert bodies == [b"hello"] * 8 and server.connections == 8


NOT_FOUND = b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found"


async def test_pages_answering_404_on_one_server_share_one_connection(raw_server):
    # Each answer's unread body closed its connection: 160 full-text pages answering 404 on one
    # server opened 160 connections (over TLS, three round trips each).
    server = await serve_ok(raw_server, NOT_FOUND)
    async with Fetcher(QUICK) as fetcher:
        for page in range(3):
            with pytest.raises(SourceError, match="HTTP 404 Not Found"):
                await fetcher.fetch(f"{server.base}/page{page}")

    assert server.connections == 1 and server.requests == 3


async def test_a_redirect_on_the_same_server_keeps_its_connection(raw_server):
    moved = b"HTTP/1.1 301 Moved\r\nLocation: /new\r\nContent-Length: 5\r\n\r\nmoved"

    async def redirect_then_answer(server: RawServer, n: int, reader, writer) -> None:
        while head := await server.request(reader):
            writer.write(OK if head.startswith(b"GET /new") else moved)
            await writer.drain()

    server = await raw_server(redirect_then_answer)
    async with Fetcher(QUICK) as fetcher:
        result = await fetcher.fetch(f"{server.base}/old")

    assert result.body == b"hello" and result.url == f"{server.base}/new"
    assert server.connections == 1


async def test_an_error_page_sent_slowly_is_left_and_the_error_said_at_once(raw_server):
    async def stall(server: RawServer, n: int, reader, writer) -> None:
        await server.request(reader)
        writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot")
        await writer.drain()
        await asyncio.sleep(30)

    server = await raw_server(stall)
    async with Fetcher(FetchLimits(timeout=20)) as fetcher:
        with pytest.raises(SourceError, match="HTTP 404 Not Found"):
            await fetcher.fetch(f"{server.base}/page")


async def test_idle_connections_are_capped_in_all_oldest_closed_first(raw_server):
    one, two = await serve_ok(raw_server), await serve_ok(raw_server)
    pool = ConnectionPool(ssl.create_default_context, max_idle=1)

    await get(pool, one.base + "/")
    await get(pool, two.base + "/")  # the idle connection to `one` is closed for this one
    await get(pool, two.base + "/")
    await get(pool, one.base + "/")
    await pool.aclose()

    assert (one.connections, two.connections) == (2, 1)


async def test_a_connection_idle_past_the_expiry_is_not_reused(raw_server):
    server = await serve_ok(raw_server)
    pool = ConnectionPool(ssl.create_default_context, keepalive_expiry=0.1)

    await get(pool, server.base + "/")
    await get(pool, server.base + "/")
    await asyncio.sleep(0.2)
    await get(pool, server.base + "/")
    await pool.aclose()

    assert server.connections == 2


async def test_a_request_body_is_sent_with_its_length(raw_server):
    received: list[bytes] = []

    async def echo_length(server: RawServer, n: int, reader, writer) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
        received.append(await reader.readexactly(length))
        writer.write(OK)
        await writer.drain()

    server = await raw_server(echo_length)
    pool = ConnectionPool(ssl.create_default_context)
    body = await get(pool, server.base + "/", "POST", b"a=1&b=2")
    await pool.aclose()

    assert body == b"hello" and received == [b"a=1&b=2"]


async def test_repeated_headers_are_joined_and_names_match_in_any_case(raw_server):
    # (and a UTF-8 reason phrase reads as written: hostile r45 L3 saw "HTTP 429 TrÃ¶p")
    server = await serve_ok(
        raw_server,
        b"HTTP/1.1 200 Tr\xc3\xb6p\r\nVary: a\r\nVARY: b\r\nContent-Length: 0\r\n\r\n",
    )
    pool = ConnectionPool(ssl.create_default_context)
    answer = await pool.request("GET", target_of(server.base + "/"), [])
    await answer.aclose()
    await pool.aclose()

    assert answer.headers.get("Vary") == "a, b" and answer.headers.get("vary") == "a, b"
    assert answer.headers.get("ETag") is None
    assert answer.reason_phrase == "Tr\u00f6p"


@pytest.mark.parametrize(
    "url",
    [
        "http://Example.COM",
        "https://example.com:443/a?b=c#frag",
        "HTTP://example.com/",
        "http://example.com:8080/a%20b/?x=1&y=%zz",
        "http://e.com?x",
        "http://e.com/a/../b/./c?d",
        "http://1.2.3.4:81/x",
        "http://999.2.3.4/x",
        'http://e.com/a"b<c>d^e`f{g|h}i?j="k"',
        "http://e.com/ünï/?q=ä",
        "http://bücher.example/feed",
        "http://us%40er:p%3Ass@e.com/private",
        "http://[::1]:8080/feed",
        "http://e.com:/x",
        "http://a_b.e.com/x",
    ],
)
def test_a_url_goes_where_httpx_would_send_it(url):
    if goes_where_httpx_sends(url) and not url.startswith("HTTP:"):  # httpx keeps :443 there
        assert target_of(url).authority == httpx.Request("GET", url).headers["Host"]


def goes_where_httpx_sends(url: str) -> bool:
    """Assert target_of(url) is httpx's scheme, host, port, path and credentials (or both
    refuse the URL); True when the URL was valid."""
    try:
        theirs = httpx.URL(url)
    except httpx.InvalidURL:
        with pytest.raises(ValueError):
            target_of(url)
        return False
    default = 443 if theirs.scheme == "https" else 80
    credentials = (theirs.username, theirs.password) if theirs.userinfo else None
    ours = target_of(url)
    assert (ours.scheme, ours.host, ours.port, ours.path, ours.credentials) == (
        theirs.scheme,
        theirs.raw_host.decode(),
        theirs.port or default,
        theirs.raw_path.decode(),
        credentials,
    )
    return True


PLAIN_URLS = st.builds(
    lambda scheme, host, port, path, query: f"{scheme}://{host}{port}{path}{query}",
    st.sampled_from(["http", "https", "HTTP"]),
    st.from_regex(
        r"[A-Za-z0-9]([A-Za-z0-9.-]{0,12}[A-Za-z0-9])?|[0-9]{1,3}(\.[0-9]{1,3}){3}", fullmatch=True
    ),
    st.sampled_from(["", ":80", ":443", ":8080", ":65535", ":1"]),
    st.text("abZ09-._~!$&'()*+,;=:@/%.", max_size=20).map(lambda p: "/" + p),
    st.one_of(
        st.sampled_from(["", "#f", "?a=b#f"]),
        st.text("aZ09-._~!$&'()*+,;=:@/?%", max_size=12).map(lambda q: "?" + q),
    ),
)


@given(PLAIN_URLS)
@settings(max_examples=300, deadline=None)
def test_plain_urls_taken_apart_without_httpx_go_where_httpx_sends_them(url):
    goes_where_httpx_sends(url)


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

    pool = ConnectionPool(trusting_the_test_certificate)
    bodies = [await get(pool, server.base + "/") for _ in range(3)]
    await pool.aclose()
    assert bodies == [b"hello"] * 3
    assert server.connections == 1

    pool = ConnectionPool(ssl.create_default_context)
    with pytest.raises(ConnectFailed, match=r"(?i)certificate"):
        await get(pool, server.base + "/")
    await pool.aclose()
