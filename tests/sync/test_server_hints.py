"""A sync url or server set up wrong says what to change (user test r39 M3, L6): FreshRSS with
its API access off (its 503 is a setting, not an outage), FreshRSS's Fever API given for its
Google Reader one, https:// for a server that speaks http only."""

from __future__ import annotations

import asyncio
import http.server
import threading

import pytest

from newstui.errors import SyncError
from newstui.sync.client import GReaderClient, PassingFailure
from tests.sync.test_client import FakeGReader, failure, fake  # noqa: F401 (fixture)


def test_freshrss_with_its_api_off_says_to_turn_it_on_and_is_no_passing_failure(
    fake: FakeGReader,  # noqa: F811
) -> None:
    fake.set("/api/greader.php/accounts/ClientLogin", 503, b"Service Unavailable!")

    async def go() -> None:
        async with GReaderClient(fake.base, "alice", lambda: "pw") as c:
            await c.check()

    with pytest.raises(SyncError) as info:
        asyncio.run(go())
    assert not isinstance(info.value, PassingFailure)
    assert str(info.value) == (
        f"{fake.server}: HTTP 503 Service Unavailable for login: FreshRSS's API is off (turn on "
        '"Allow API access" in its Settings › Authentication)'
    )


def test_another_503_stays_a_passing_failure_with_no_hint(
    fake: FakeGReader,  # noqa: F811
) -> None:
    fake.api("/subscription/list", 503, b"<html>Maintenance</html>")
    message = failure(fake)
    assert message.endswith("HTTP 503 Service Unavailable for subscription/list")


def test_the_fever_api_url_names_the_google_reader_one() -> None:
    with pytest.raises(SyncError) as info:
        GReaderClient("https://rss.example/api/fever.php", "alice", lambda: "pw")
    assert str(info.value) == (
        "https://rss.example/api/fever.php: this is FreshRSS's Fever API; newstui speaks its "
        "Google Reader API: set url to https://rss.example/api/greader.php"
    )


def test_https_to_a_plain_http_server_says_so_and_names_the_http_url() -> None:
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]

    async def go() -> None:
        async with GReaderClient(
            f"https://127.0.0.1:{port}/api/greader.php", "a", lambda: "p"
        ) as c:
            await c.check()

    try:
        with pytest.raises(SyncError) as info:
            asyncio.run(go())
    finally:
        server.shutdown()
        server.server_close()
    assert str(info.value).endswith(
        "(cannot connect: the server answered in plain HTTP, not TLS: "
        f"try http://127.0.0.1:{port}/api/greader.php)"
    )
