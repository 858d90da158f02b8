"""`newstui add` reads an address as `opml import` does, and says what is wrong with one it cannot
read (user test r48 LOW-22): feed://, a space in the path or the host, https:// to a port that
answers in plain HTTP."""

from __future__ import annotations

import asyncio
import http.server
import threading
from collections.abc import Iterator

import pytest

from newstui.errors import SourceError
from newstui.sources.http import Fetcher, FetchLimits, plain_http_url
from newstui.subscribe import feed_address, not_a_feed_url
from tests.test_cli import Cli, cli, empty_config, no_user_paths, one_line  # noqa: F401


def test_add_reads_a_feed_scheme_address_as_the_http_one_it_stands_for(cli, feed_server) -> None:  # noqa: F811
    feed_server.serve_file("/atom", "atom.xml", "application/atom+xml")
    typed = feed_server.url("/atom").replace("http://", "feed://")

    assert cli("add", typed) == 0, cli.err

    assert f"reading {typed} as {feed_server.url('/atom')}" in cli.out
    assert f'url = "{feed_server.url("/atom")}"' in cli.config.read_text("utf-8")
    assert "feed://" not in cli.config.read_text("utf-8")


def test_add_encodes_a_space_in_the_path_as_the_import_does(cli, feed_server) -> None:  # noqa: F811
    route = feed_server.serve_file("/my%20feed.xml", "atom.xml", "application/atom+xml")
    typed = feed_server.url("/my feed.xml")

    assert cli("add", typed) == 0, cli.err

    assert route.hits >= 1
    assert f'url = "{feed_server.url("/my%20feed.xml")}"' in cli.config.read_text("utf-8")


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("http://127.0.0 .1:9/x.xml", "a space in its host name"),
        ("feed://news .example/x.xml", "a space in its host name"),
        ("http://127.0.0.1:9/a\tb.xml", "a tab or line break in the address"),
    ],
)
def test_add_says_where_white_space_is_the_problem(cli, typed, said) -> None:  # noqa: F811
    before = cli.config.read_text("utf-8")

    assert cli("add", typed) == 1

    assert said in one_line(cli.err)
    assert "not an http(s) URL" not in cli.err
    assert cli.config.read_text("utf-8") == before


def test_feed_address_reads_the_podcast_apps_schemes_and_leaves_others_refused() -> None:
    assert feed_address(" feed:https://h.example/x ") == "https://h.example/x"
    assert feed_address("itpc://h.example/pod.xml") == "http://h.example/pod.xml"
    assert feed_address("ftp://h.example/x") is None
    assert feed_address("feed:x") is None
    assert not_a_feed_url("ftp://h.example/x") == "ftp://h.example/x: not an http(s) URL"


@pytest.fixture
def plain_server() -> Iterator[int]:
    """A server on 127.0.0.1 that speaks plain HTTP only; yields its port."""

    class Quiet(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_https_to_a_plain_http_port_says_so_and_names_the_http_address(plain_server) -> None:
    url = f"https://127.0.0.1:{plain_server}/feeds/f.xml?a=1"

    async def fetch() -> None:
        async with Fetcher(FetchLimits(timeout=5)) as fetcher:
            await fetcher.fetch(url)

    with pytest.raises(SourceError) as failed:
        asyncio.run(fetch())

    assert str(failed.value) == (
        f"{url}: cannot connect to 127.0.0.1:{plain_server}: the server answered in plain HTTP, "
        f"not TLS: try http://127.0.0.1:{plain_server}/feeds/f.xml?a=1"
    )
    assert "wrong version number" not in str(failed.value)


def test_add_of_https_to_a_plain_http_port_adds_nothing_and_says_try_http(
    cli,  # noqa: F811
    plain_server,
) -> None:
    before = cli.config.read_text("utf-8")

    assert cli("add", f"https://127.0.0.1:{plain_server}/f.xml") == 1

    said = one_line(cli.err)
    assert "the server answered in plain HTTP, not TLS" in said
    assert f"try http://127.0.0.1:{plain_server}/f.xml (not added to" in said
    assert cli.config.read_text("utf-8") == before


@pytest.mark.parametrize(
    ("url", "plain"),
    [
        ("https://h.example/x", "http://h.example:443/x"),
        ("https://me:s3cret@h.example:8443/x#y", "http://h.example:8443/x#y"),
        ("https://[::1]/x", "http://[::1]:443/x"),
    ],
)
def test_the_http_address_to_try_keeps_the_port_and_drops_a_password(url, plain) -> None:
    assert plain_http_url(url) == plain
