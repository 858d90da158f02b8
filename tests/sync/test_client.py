"""The Google Reader API client against a small fake server: every failure is one line naming the
server and the problem; ids convert between their two forms; passwords never go near a shell."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from newstui.cli.main import main
from newstui.config import load_config
from newstui.config.tables import SyncConfig
from newstui.errors import SyncError
from newstui.sources.http import FetchLimits
from newstui.store import open_db
from newstui.sync.client import GReaderClient, PassingFailure, retry_after_seconds
from newstui.sync.credentials import AuthCache, password_warning, resolve_password
from newstui.sync.items import item_id_from, long_item_id, parse_item


class FakeGReader:
    """Answers each path with a set (status, headers, body); logs in anyone."""

    def __init__(self) -> None:
        self.answers: dict[str, tuple[int, dict[str, str], bytes, float]] = {}
        # answered in turn, before `answers` (a body alone: with 200)
        self.pages: dict[str, list[bytes | tuple[int, bytes]]] = {}
        self.queries: list[str] = []
        self.hits: list[str] = []
        self.forms: list[tuple[str, dict[str, list[str]]]] = []  # each POST's path and form
        self.id_sets: dict[str, list[bytes]] = {}  # stream/items/ids answers by `s`, in turn
        self.items: dict[int, dict[str, object]] = {}  # what stream/items/contents gives by id
        self.oldest: dict[str, bytes] = {}  # a stream/contents path's answer to `r=o`, by path
        # stream/items/contents' first answers: (status, delay); status 0 hangs up unanswered
        self.contents_failures: list[tuple[int, float]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def _answer(self) -> None:
                path = self.path.split("?", 1)[0]
                fake.hits.append(path)
                fake.queries.append(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                form = parse_qs(self.rfile.read(length).decode()) if length else {}
                fake.forms.append((path, form))
                stream = parse_qs(self.path.partition("?")[2]).get("s", [""])[0]
                if path.endswith("/stream/items/ids") and fake.id_sets.get(stream):
                    sets = fake.id_sets[stream]
                    status, headers, body, delay = (
                        200,
                        {},
                        sets.pop(0) if len(sets) > 1 else sets[0],
                        0.0,
                    )
                elif path.endswith("/stream/items/contents") and fake.contents_failures:
                    status, delay = fake.contents_failures.pop(0)
                    headers, body = {}, b"busy"
                    if not status:
                        self.close_connection = True
                        return
                elif path.endswith("/stream/items/contents"):
                    asked = [item_id_from(i) for i in form.get("i", [])]
                    found = [fake.items[i] for i in asked if i in fake.items]
                    status, headers, body, delay = (
                        200,
                        {},
                        json.dumps({"items": found}).encode(),
                        0.0,
                    )
                elif path in fake.oldest and parse_qs(self.path.partition("?")[2]).get("r") == [
                    "o"
                ]:
                    status, headers, body, delay = 200, {}, fake.oldest[path], 0.0
                elif fake.pages.get(path):
                    page = fake.pages[path].pop(0)
                    status, body = page if isinstance(page, tuple) else (200, page)
                    headers, delay = {}, 0.0
                else:
                    status, headers, body, delay = fake.answers.get(
                        path, (404, {}, b"Not Found", 0.0)
                    )
                if delay:
                    time.sleep(delay)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            do_GET = do_POST = _answer

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/api/greader.php"
        self.server = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.set("/api/greader.php/accounts/ClientLogin", 200, b"SID=x\nAuth=alice/token\n")
        self.set("/api/greader.php/reader/api/0/token", 200, b"T123\n")

    def set(
        self,
        path: str,
        status: int,
        body: bytes | object = b"",
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
    ) -> None:
        """Answer `path` (full path after the host) this way from now on."""
        if not isinstance(body, bytes):
            body = json.dumps(body).encode()
        self.answers[path] = (status, headers or {}, body, delay)

    def oldest_first(self, path: str, items: list[dict[str, object]]) -> None:
        """Answer an API stream/contents call under /reader/api/0 that asks for the oldest
        items first (`r=o`) with these; without `r=o` it answers as set by `api`."""
        self.oldest["/api/greader.php/reader/api/0" + path] = json.dumps({"items": items}).encode()

    def api(self, path: str, status: int, body: bytes | object = b"", **kw: object) -> None:
        """Answer an API call under /reader/api/0."""
        self.set("/api/greader.php/reader/api/0" + path, status, body, **kw)  # type: ignore[arg-type]


@pytest.fixture
def fake() -> Iterator[FakeGReader]:
    server = FakeGReader()
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def client(fake: FakeGReader, timeout: float = 5, max_bytes: int = 1_000_000) -> GReaderClient:
    return GReaderClient(
        fake.base, "alice", lambda: "pw", FetchLimits(timeout=timeout, max_bytes=max_bytes)
    )


def failure(fake: FakeGReader, **kw: float) -> str:
    """The one-line message of a subscription/list call that fails."""

    async def go() -> None:
        async with client(fake, **kw) as c:
            await c.subscriptions()

    with pytest.raises(SyncError) as info:
        asyncio.run(go())
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(fake.server + ": ")
    return message


@pytest.mark.parametrize(
    ("status", "delay", "passing"),
    [
        *[(500, 0, True), (502, 0, True), (503, 0, True), (504, 0, True), (200, 3, True)],
        *[(501, 0, False), (400, 0, False), (403, 0, False), (429, 0, False)],
    ],
)
def test_a_timeout_or_a_5xx_is_a_passing_failure_and_a_refusal_is_not(
    fake: FakeGReader, status: int, delay: float, passing: bool
) -> None:
    # (a sync leaves the items it could not ask about unchanged after a passing failure only)
    fake.api("/subscription/list", status, {"subscriptions": []}, delay=delay)

    async def go() -> None:
        async with client(fake, timeout=1.5) as c:
            await c.subscriptions()

    with pytest.raises(SyncError) as info:
        asyncio.run(go())
    assert isinstance(info.value, PassingFailure) == passing, str(info.value)


@pytest.mark.parametrize(
    ("error", "passing"),
    [
        *[(httpx.ReadTimeout, True), (httpx.ConnectError, True), (httpx.ReadError, True)],
        *[(httpx.WriteError, True), (httpx.CloseError, True), (httpx.RemoteProtocolError, True)],
        *[(httpx.LocalProtocolError, False), (httpx.UnsupportedProtocol, False)],
        *[(httpx.TooManyRedirects, False), (httpx.ProxyError, False)],
        *[(httpx.DecodingError, False)],
    ],
)
def test_only_a_timeout_or_a_broken_connection_is_a_passing_failure(
    error: type[httpx.HTTPError], passing: bool
) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise error("no", request=request)

    async def go() -> None:
        async with GReaderClient("http://rss.example/api", "a", lambda: "p") as c:
            await c._client.aclose()
            c._client = httpx.AsyncClient(transport=httpx.MockTransport(refuse))
            await c.subscriptions()

    with pytest.raises(SyncError) as info:
        asyncio.run(go())
    assert isinstance(info.value, PassingFailure) == passing, str(info.value)


def test_a_refused_login_names_the_server_and_401(fake: FakeGReader) -> None:
    fake.set("/api/greader.php/accounts/ClientLogin", 401, b"Unauthorized!")
    message = failure(fake)
    assert "login refused (HTTP 401)" in message and "'alice'" in message


def test_forbidden_is_reported_as_403(fake: FakeGReader) -> None:
    fake.api("/subscription/list", 403, b"Forbidden")
    assert "access forbidden (HTTP 403)" in failure(fake)


def test_too_many_requests_says_when_to_retry(fake: FakeGReader) -> None:
    fake.api("/subscription/list", 429, b"slow down", headers={"Retry-After": "120"})
    assert "too many requests (HTTP 429), retry after 120 s" in failure(fake)


def test_a_wrong_url_is_not_a_google_reader_endpoint(fake: FakeGReader) -> None:
    fake.set("/api/greader.php/accounts/ClientLogin", 200, b"<html>a web page</html>")
    assert "not a Google Reader API endpoint" in failure(fake)
    fake.set("/api/greader.php/accounts/ClientLogin", 404, b"no")
    assert "not a Google Reader API endpoint (HTTP 404" in failure(fake)


def test_a_site_root_or_a_plain_web_server_is_not_a_google_reader_endpoint(
    fake: FakeGReader,
) -> None:
    """FreshRSS's site root sends the login to its web page (`/i/?rid=…`): that said "set url to
    the final address", which is no API either; a plain web server refuses the POST (501)."""
    login = "/api/greader.php/accounts/ClientLogin"
    fake.set(login, 302, b"", headers={"Location": "/i/?rid=6b0f3329374d7"})
    message = failure(fake)
    assert "not a Google Reader API endpoint (login redirects to /i/?rid=6b0f3329374d7)" in message
    assert "https://host/api/greader.php for FreshRSS" in message
    fake.set(login, 501, b"Unsupported method ('POST')")
    assert "not a Google Reader API endpoint (HTTP 501 for login)" in failure(fake)
    # The API itself moved (http → https): the same call under another base says which.
    fake.set(
        login, 301, b"", headers={"Location": "https://rss.example/api/greader.php" + login[16:]}
    )
    assert failure(fake).endswith("set url to https://rss.example/api/greader.php")
    # FreshRSS's site root as the url: its /i/ login page names it (user test r42 L5)
    fake.base = fake.base.removesuffix("/api/greader.php") + "/"
    fake.set("/accounts/ClientLogin", 302, b"", headers={"Location": "/i/?rid=6b152b1276032"})
    assert failure(fake) == (
        f"{fake.server}: not a Google Reader API endpoint (FreshRSS's web site): set url to "
        f"http://{fake.server}/api/greader.php"
    )


def test_malformed_answers_are_named(fake: FakeGReader) -> None:
    fake.api("/subscription/list", 200, b"{not json")
    assert "malformed answer to subscription/list (not JSON)" in failure(fake)
    # an answer whose connection closed mid-body (no Content-Length): cut short, not wrong
    fake.api("/subscription/list", 200, b'{"subscriptions": [{"id": "feed/1", "title": "Wo')
    assert failure(fake).endswith(
        ": the answer to subscription/list was cut short (the connection closed before its end)"
    )
    fake.api("/subscription/list", 200, {"subs": []})
    assert "malformed answer to subscription/list: no 'subscriptions' list" in failure(fake)


def test_an_auth_token_that_is_not_ascii_is_refused_and_never_cached(
    fake: FakeGReader, tmp_path: Path
) -> None:
    """r44 M3: it gave "the output's encoding (ascii) cannot write the text", and cached, failed
    every later sync, the server fixed or not."""
    cache = AuthCache(tmp_path / "sync-auth")
    key = f"{fake.base} alice"
    fake.set("/api/greader.php/accounts/ClientLogin", 200, "SID=x\nAuth=tök☃en\n".encode())
    fake.api("/subscription/list", 200, {"subscriptions": []})

    async def go() -> list[object]:
        async with GReaderClient(fake.base, "alice", lambda: "pw", auth_cache=cache) as c:
            return list(await c.subscriptions())

    with pytest.raises(SyncError) as info:
        asyncio.run(go())
    assert str(info.value) == (
        f"{fake.server}: malformed answer to login: its Auth= token is not plain ASCII text, "
        "which no HTTP header can carry; not kept"
    )
    assert cache.get(key) is None
    cache.put(key, "tök☃en")  # (cached by an older newstui)
    fake.set("/api/greader.php/accounts/ClientLogin", 200, b"SID=x\nAuth=alice/token\n")
    assert asyncio.run(go()) == []
    assert cache.get(key) == "alice/token"


def test_a_slow_server_times_out_within_the_deadline(fake: FakeGReader) -> None:
    # (the answer comes after 30 s: a bound far from it, which a loaded machine does not reach
    # with a login, a token and the 1-second wait; 2.5 s against an answer after 3 s could be)
    fake.api("/subscription/list", 200, {"subscriptions": []}, delay=30)
    start = time.monotonic()
    assert "timed out after 1 s" in failure(fake, timeout=1)
    assert time.monotonic() - start < 15


def test_an_oversized_answer_is_refused(fake: FakeGReader) -> None:
    fake.api("/subscription/list", 200, {"subscriptions": [], "pad": "x" * 5000})
    said = failure(fake, max_bytes=1000)
    assert "response larger than 1,000 bytes" in said
    assert "the limit is max_bytes in [settings]" in said  # the setting that lifts it


@pytest.mark.parametrize(
    ("environ", "url", "said"),
    [
        # short enough for the app's status line (httpx's "All connection attempts failed" made
        # it "unreachable (cannot connect (All connection attempts failed))", cut off there)
        ({}, "http://127.0.0.1:9/api", "unreachable (cannot connect: connection refused)"),
        # its proxy's failure, naming it: not "unreachable (…)"; review r47 M3: a traceback
        (
            {"http_proxy": "http://127.0.0.1:9"},
            "http://sync.example/api",
            "cannot connect to the proxy http://127.0.0.1:9 (http_proxy): connection refused",
        ),
        (
            {"http_proxy": "http://u:S3CRET\x7f@127.0.0.1:9"},
            "http://sync.example/api",
            "http_proxy=http://u:***@127.0.0.1:9: not a proxy URL (it holds a control character)",
        ),
    ],
)
def test_an_unreachable_server_is_one_line(
    monkeypatch: pytest.MonkeyPatch, environ: dict[str, str], url: str, said: str
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)

    async def go() -> None:
        async with GReaderClient(url, "a", lambda: "p") as c:
            await c.subscriptions()

    with pytest.raises(SyncError) as info:
        asyncio.run(go())
    assert str(info.value) == f"{urlsplit(url).netloc}: {said}"


def test_a_server_that_hangs_up_is_said_in_words() -> None:
    # A server that closes the connection without answering read "RemoteProtocolError: Server
    # disconnected without sending a response."
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def hang_up() -> None:
        with contextlib.suppress(OSError):
            while True:
                conn, _ = listener.accept()
                conn.shutdown(socket.SHUT_WR)  # an end of stream, then whatever the client sends
                while conn.recv(65536):
                    pass
                conn.close()

    threading.Thread(target=hang_up, daemon=True).start()

    async def go() -> None:
        async with GReaderClient(f"http://127.0.0.1:{port}/api", "a", lambda: "p") as c:
            await c.subscriptions()

    try:
        with pytest.raises(SyncError) as info:
            asyncio.run(go())
    finally:
        listener.close()
    assert str(info.value) == (
        f"127.0.0.1:{port}: the server closed the connection without a complete answer "
        "(/accounts/ClientLogin)"
    )


def test_a_failed_sync_says_how_many_changes_stay_queued_in_good_grammar(
    fake: FakeGReader, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = {"id": "feed/1", "title": "One", "url": "https://example.org/feed", "categories": []}
    fake.api("/subscription/list", 200, {"subscriptions": [feed]})
    fake.api("/stream/items/ids", 200, {"itemRefs": []})
    reading = "/stream/contents/user/-/state/com.google/reading-list"
    fake.api(reading, 200, {"items": [fake_item(1, 1000), fake_item(2, 2000)]})
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_X"\n')
    os.environ["PW_X"] = "pw"
    db = ["--db", str(tmp_path / "n.db"), "--config", str(path)]
    assert main([*db, "sync"]) == 0
    capsys.readouterr()
    assert main([*db, "list", "--all", "--json"]) == 0
    first, second = (row["id"] for row in json.loads(capsys.readouterr().out))
    fake.api("/edit-tag", 500, b"oops")
    assert main([*db, "mark", str(first), "--star"]) == 0
    assert main([*db, "sync"]) == 1
    assert "newstui: 1 change stays queued for the next sync" in capsys.readouterr().err
    assert main([*db, "mark", str(second), "--star"]) == 0
    assert main([*db, "sync"]) == 1
    assert "newstui: 2 changes stay queued for the next sync" in capsys.readouterr().err


def test_only_http_urls_are_accepted() -> None:
    with pytest.raises(SyncError, match="not an http"):
        GReaderClient("file:///etc/passwd", "a", lambda: "p")


def test_an_expired_token_logs_in_again_once(fake: FakeGReader) -> None:
    fake.api("/subscription/list", 401, b"Unauthorized!")

    async def go() -> None:
        async with client(fake) as c:
            await c.subscriptions()

    with pytest.raises(SyncError, match="HTTP 401"):
        asyncio.run(go())
    assert fake.hits.count("/api/greader.php/accounts/ClientLogin") == 2


def test_a_token_refused_after_the_api_password_changed_logs_in_again(fake: FakeGReader) -> None:
    # (user test r39 H1) the API password changed on the server: the cached auth is refused at
    # /token, the first call of a write; that raised "login refused" at once, so a sync with a
    # mark to push failed for ever, though the password newstui reads was right again.
    fake.pages["/api/greader.php/reader/api/0/token"] = [(401, b"Unauthorized!"), b"T9\n"]
    fake.api("/edit-tag", 200, b"OK")

    async def go() -> None:
        async with client(fake) as c:
            await c.edit_tag([5], add="user/-/state/com.google/starred")

    asyncio.run(go())
    assert fake.hits.count("/api/greader.php/accounts/ClientLogin") == 2
    assert [form["T"] for path, form in fake.forms if path.endswith("/edit-tag")] == [["T9"]]


def test_a_token_refused_twice_is_one_login_refused_line(fake: FakeGReader) -> None:
    fake.api("/token", 401, b"Unauthorized!")

    async def go() -> None:
        async with client(fake) as c:
            await c.edit_tag([5], add="user/-/state/com.google/read")

    with pytest.raises(SyncError, match="HTTP 401") as info:
        asyncio.run(go())
    assert fake.hits.count("/api/greader.php/accounts/ClientLogin") == 2
    # a FreshRSS address: the line says which password FreshRSS wants
    assert "the API password of the user's profile" in str(info.value)


def test_item_ids_in_both_forms_are_the_same_item() -> None:
    assert item_id_from("1796044404569589") == item_id_from(
        "tag:google.com,2005:reader/item/0006617e2cbc35f5"
    )
    # Google's ids are signed 64-bit: the decimal form can be negative, the long form is unsigned.
    assert item_id_from("-1") == item_id_from("tag:google.com,2005:reader/item/ffffffffffffffff")
    assert long_item_id(-1) == "tag:google.com,2005:reader/item/ffffffffffffffff"
    assert item_id_from(long_item_id(1796044404569589)) == 1796044404569589


def test_an_item_becomes_clean_text_with_its_state() -> None:
    item = parse_item(
        {
            "id": "tag:google.com,2005:reader/item/000000000000000a",
            "crawlTimeMsec": "1700000000123",
            "published": 1700000000,
            "title": "Hello &amp; \x1b[31mworld",
            "canonical": [{"href": "https://example.org/a"}],
            "summary": {"content": "<p>First.</p><script>x()</script><p>Second.</p>"},
            "categories": ["user/1/state/com.google/read", "user/-/state/com.google/starred"],
            "origin": {"streamId": "feed/3"},
        }
    )
    assert item.item_id == 10 and item.stream_id == "feed/3"
    assert item.article.title == "Hello & world"
    assert item.article.text == "First.\n\nSecond."
    assert item.read and item.starred
    assert item.crawled_usec == 1700000000123000


MP3 = "https://example.org/ep1.mp3"


@pytest.mark.parametrize(
    "player",
    [
        f'<div class="enclosure"><p class="enclosure-content">'
        f'<audio preload="none" src="{MP3}" controls="controls"></audio></p>'
        f'<p class="enclosure-content"><a download="" href="{MP3}">💾</a></p></div>',
        # as ../shared/freshrss (1.24) writes it: "💾[1]" stayed under synced episodes (r44)
        f'<figure class="enclosure"><p class="enclosure-content"><audio preload="none" '
        f'src="{MP3}" data-length="12345" data-type="audio/mpeg" controls="controls" title="">'
        f'</audio> <a download="" href="{MP3}">💾</a></p></figure>',
    ],
)
def test_an_enclosure_freshrss_also_links_in_the_content_stays_an_enclosure(player: str) -> None:
    # FreshRSS writes each enclosure into the content as well (a player and a 💾 link): the
    # enclosure was dropped as a duplicate of that link, so `download` found none.
    mp3 = MP3
    item = parse_item(
        {
            "id": "tag:google.com,2005:reader/item/000000000000000b",
            "title": "Episode 1",
            "canonical": [{"href": "https://example.org/ep1"}],
            "summary": {"content": f"<p>Notes.</p>{player}"},
            "enclosure": [{"href": mp3, "type": "audio/mpeg", "length": "12345"}],
            "origin": {"streamId": "feed/3"},
        }
    )
    enclosures = [link for link in item.article.links if link.kind == "enclosure"]
    assert [(e.url, e.text, e.size) for e in enclosures] == [(mp3, "audio/mpeg", 12345)]
    assert item.article.text == "Notes."  # no bare "💾[1]" paragraph (user test r42 L7)


def test_retry_after_reads_seconds_and_dates() -> None:
    assert retry_after_seconds("30") == 30
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0
    assert retry_after_seconds("soon") is None


def test_password_command_runs_without_a_shell(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    command = f"{sys.executable} -c \"print('s3cret word')\" ; touch {marker}"
    sync = SyncConfig(url="http://x", user="a", password_command=command)
    # Split like a shell would (the quoted program is one word), but ";" and "touch" are only
    # arguments to python: no second command runs.
    assert resolve_password(sync) == "s3cret word"
    assert not marker.exists()


def test_password_command_expands_a_tilde_as_the_files_paths_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "frss-pass").write_text("from the home folder\n", "utf-8")
    script = "import sys; print(open(sys.argv[1]).read().strip() + ' ' + sys.argv[2])"
    command = f'{sys.executable} -c "{script}" ~/frss-pass "~x"'
    sync = SyncConfig(url="http://x", user="a", password_command=command)
    # `~/…` is the home folder (user test r51 LOW-1); a word only starting with ~ and naming
    # no user is left as it is, as a shell leaves it
    assert resolve_password(sync) == "from the home folder ~x"


def test_password_sources_fail_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SyncError, match="program 'no-such-program-x' not found"):
        resolve_password(SyncConfig(url="http://x", user="a", password_command="no-such-program-x"))
    monkeypatch.delenv("NEWSTUI_TEST_PW", raising=False)
    with pytest.raises(SyncError, match="NEWSTUI_TEST_PW is not set"):
        resolve_password(SyncConfig(url="http://x", user="a", password_env="NEWSTUI_TEST_PW"))
    monkeypatch.setenv("NEWSTUI_TEST_PW", "pw")
    assert resolve_password(SyncConfig(url="http://x", user="a", password_env="NEWSTUI_TEST_PW"))


def sync_config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text("[settings]\ntimeout = 5\nfulltext = false\n\n[sync]\n" + body, "utf-8")
    return path


def test_a_password_in_a_file_others_can_read_is_warned_about(tmp_path: Path) -> None:
    path = sync_config(tmp_path, 'url = "http://127.0.0.1:9/api"\nuser = "a"\npassword = "pw"\n')
    os.chmod(path, 0o644)
    sync = load_config(path).sync
    assert sync is not None
    assert "other users can read it" in (password_warning(sync, path) or "")
    os.chmod(path, 0o600)
    assert password_warning(sync, path) is None


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('url = "http://h/api"\nuser = "a"\n', "needs password_command, password_env or password"),
        ('url = "ftp://h/api"\nuser = "a"\npassword_env = "X"\n', "is not an http(s) URL"),
        (  # (user test r39 L6: the app's `a` offers http:// for the same mistake)
            'url = "127.0.0.1:8788/api/greader.php"\nuser = "a"\npassword_env = "X"\n',
            "is not an http(s) URL (did you mean 'http://127.0.0.1:8788/api/greader.php'?)",
        ),
        ('service = "fever"\nurl = "http://h"\nuser = "a"\npassword_env = "X"\n', "service must"),
        ('url = "http://h"\nuser = "a"\npassword_env = "X"\npassword = "p"\n', "takes one of"),
        ('url = "http://h"\npassword_env = "X"\n', "has no 'user'"),
    ],
)
def test_bad_sync_settings_name_the_line(tmp_path: Path, body: str, problem: str) -> None:
    from newstui.errors import ConfigError

    path = sync_config(tmp_path, body)
    with pytest.raises(ConfigError, match=r"feeds\.toml:\d+: ") as info:
        load_config(path)
    assert problem in str(info.value)


def test_sync_cli_records_the_error_and_keeps_reading(
    fake: FakeGReader, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.api("/subscription/list", 429, b"", headers={"Retry-After": "600"})
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_X"\n')
    os.environ["PW_X"] = "pw"
    db = str(tmp_path / "n.db")
    assert main(["--db", db, "--config", str(path), "sync"]) == 1
    err = capsys.readouterr().err
    assert f"{fake.server}: too many requests (HTTP 429), retry after 600 s" in err
    hits = len(fake.hits)
    # Within the Retry-After time the server is not called again.
    assert main(["--db", db, "--config", str(path), "sync"]) == 1
    assert "asked us to wait (HTTP 429)" in capsys.readouterr().err
    assert len(fake.hits) == hits
    from newstui.store.sync import sync_status

    status = sync_status(open_db(db))
    assert status.last_error and "HTTP 429" in status.last_error
    assert main(["--db", db, "list"]) == 0


def fake_item(n: int, crawled_s: int) -> dict[str, object]:
    return {
        "id": f"tag:google.com,2005:reader/item/{n:016x}",
        "crawlTimeMsec": str(crawled_s * 1000),
        "title": f"Item {n}",
        "canonical": [{"href": f"https://example.org/{n}"}],
        "summary": {"content": "<p>Text.</p>"},
        "categories": [],
        "origin": {"streamId": "feed/1"},
    }


def test_an_empty_last_page_keeps_the_cursor(
    fake: FakeGReader, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = {"id": "feed/1", "title": "One", "url": "https://example.org/feed", "categories": []}
    fake.api("/subscription/list", 200, {"subscriptions": [feed]})
    fake.api("/stream/items/ids", 200, {"itemRefs": []})
    contents = "/api/greader.php/reader/api/0/stream/contents/user/-/state/com.google/reading-list"
    # A full page with a continuation, then an empty one (FreshRSS does this when the item count
    # is a multiple of the page size).
    fake.pages[contents] = [
        json.dumps(
            {"items": [fake_item(1, 1000), fake_item(2, 2000)], "continuation": "2"}
        ).encode(),
        json.dumps({"items": []}).encode(),
    ]
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_X"\n')
    os.environ["PW_X"] = "pw"
    db = str(tmp_path / "n.db")
    assert main(["--db", db, "--config", str(path), "sync"]) == 0
    fake.api("/stream/contents/user/-/state/com.google/reading-list", 200, {"items": []})
    fake.queries.clear()
    assert main(["--db", db, "--config", str(path), "sync"]) == 0
    asked = [q for q in fake.queries if "stream/contents" in q]
    assert len(asked) == 1 and "ot=2001" in asked[0]  # the second after the newest item


def test_a_server_that_lists_no_subscriptions_removes_no_source(
    fake: FakeGReader, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = {"id": "feed/1", "title": "One", "url": "https://example.org/feed", "categories": []}
    fake.api("/subscription/list", 200, {"subscriptions": [feed]})
    fake.api("/stream/items/ids", 200, {"itemRefs": []})
    reading = "/stream/contents/user/-/state/com.google/reading-list"
    fake.api(reading, 200, {"items": [fake_item(1, 1000), fake_item(2, 2000)]})
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_X"\n')
    os.environ["PW_X"] = "pw"
    db = ["--db", str(tmp_path / "n.db"), "--config", str(path)]
    assert main([*db, "sync"]) == 0
    capsys.readouterr()

    # An account emptied by mistake (or a server restored without its subscriptions): newsboat
    # stops there; newstui keeps every source and its articles, and says so.
    fake.api("/subscription/list", 200, {"subscriptions": []})
    fake.api(reading, 200, {"items": []})
    assert main([*db, "sync", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["feeds_removed"] == [] and report["feeds_kept"] == ["One"]
    assert main([*db, "sync"]) == 0
    line = capsys.readouterr().out
    assert f"{fake.server} lists no subscriptions; kept its 1 source" in " ".join(line.split())
    assert main([*db, "list", "--all", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert main([*db, "fetch"]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert f"warning: sync {fake.server}: {fake.server} lists no subscriptions" in err

    # Once the server lists subscriptions again, one that is gone is removed as before.
    other = {"id": "feed/2", "title": "Two", "url": "https://example.org/two", "categories": []}
    fake.api("/subscription/list", 200, {"subscriptions": [other]})
    assert main([*db, "sync", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["feeds_removed"] == ["One"] and report["feeds_kept"] == []


def test_a_synced_feed_in_the_config_gets_full_text_by_its_own_setting(
    fake: FakeGReader, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Synced items were all filled under [settings] fulltext: a [[feeds]] entry that is also a
    # server subscription lost its own `fulltext = true` (and `false` was not kept either).
    one = {"id": "feed/1", "title": "One", "url": "https://example.org/one", "categories": []}
    two = {"id": "feed/2", "title": "Two", "url": "https://example.org/two", "categories": []}
    fake.api("/subscription/list", 200, {"subscriptions": [one, two]})
    fake.api("/stream/items/ids", 200, {"itemRefs": []})
    items = []
    for n, stream in ((1, "feed/1"), (2, "feed/2")):
        item = fake_item(n, 1000 * n)
        item["origin"] = {"streamId": stream}
        item["canonical"] = [{"href": f"{fake.base[: -len('/api/greader.php')]}/page/{n}"}]
        items.append(item)
    fake.api("/stream/contents/user/-/state/com.google/reading-list", 200, {"items": items})
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_X"\n')
    with path.open("a", encoding="utf-8") as config:
        config.write('\n[[feeds]]\nurl = "https://example.org/one"\nfulltext = true\n')
    os.environ["PW_X"] = "pw"
    db = ["--db", str(tmp_path / "n.db"), "--config", str(path)]

    assert main([*db, "fetch", "--json"]) == 0, capsys.readouterr().err

    assert [hit for hit in fake.hits if hit.startswith("/page/")] == ["/page/1"]
    [synced] = [o for o in json.loads(capsys.readouterr().out) if o["feed_id"] is None]
    assert synced["fulltext_failed"] == 1  # (the fake has no such page: 404)


def test_sync_alone_queues_the_new_episodes_of_a_download_new_feed(
    fake: FakeGReader,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # `newstui sync` stored a podcast's new episodes and queued none: only `fetch` did (r43).
    monkeypatch.setenv("NEWSTUI_DOWNLOADS", str(tmp_path / "pods"))
    pod = {"id": "feed/1", "title": "Pod", "url": "https://example.org/pod", "categories": []}
    fake.api("/subscription/list", 200, {"subscriptions": [pod]})
    fake.api("/stream/items/ids", 200, {"itemRefs": []})

    def episodes(count: int) -> None:
        items = [fake_item(n, 1000 * n) for n in range(1, count + 1)]
        for item in items:
            item["enclosure"] = [{"href": f"https://example.org/{item['title']}.mp3"}]
        reading = "/stream/contents/user/-/state/com.google/reading-list"
        fake.api(reading, 200, {"items": items})

    episodes(2)
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_X"\n')
    with path.open("a", encoding="utf-8") as config:
        config.write(
            '\n[[feeds]]\nurl = "https://example.org/pod"\nname = "Pod"\ndownload_new = 1\n'
        )
    monkeypatch.setenv("PW_X", "pw")
    db = ["--db", str(tmp_path / "n.db"), "--config", str(path)]

    assert main([*db, "sync"]) == 0, capsys.readouterr().err
    out = " ".join(capsys.readouterr().out.split())
    assert "download_new: 1 new episode queued (Pod: 1); `newstui download` downloads" in out
    assert main([*db, "downloads", "--json"]) == 0
    assert [d["title"] for d in json.loads(capsys.readouterr().out)] == ["Item 2"]
    episodes(3)
    assert main([*db, "sync", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["download_new"] == [
        {"source": "Pod", "queued": [2], "not_queued": 0, "error": None}
    ]


def test_a_socks5_proxy_that_says_nothing_ends_a_sync_within_its_deadline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """netfix r48: httpcore reads a SOCKS5 proxy's handshake with no timeout; a sync's request
    runs within its own deadline, which ends it, naming the proxy."""
    listener = socket.create_server(("127.0.0.1", 0))  # (it takes connections, says nothing)
    proxy = f"socks5h://127.0.0.1:{listener.getsockname()[1]}"
    monkeypatch.setenv("http_proxy", proxy)

    async def go() -> None:
        async with GReaderClient(
            "http://sync.example/api", "a", lambda: "p", FetchLimits(timeout=1)
        ) as c:
            await c.subscriptions()

    try:
        with pytest.raises(SyncError) as info:
            asyncio.run(go())
    finally:
        listener.close()
    assert str(info.value) == (
        f"sync.example: timed out after 1 s through the proxy {proxy} (http_proxy) "
        "(/accounts/ClientLogin)"
    )


@pytest.mark.parametrize(
    "written", ["freshrss", "FreshRSS", "miniflux", "The Old Reader", "bazqux"]
)
def test_a_google_reader_servers_own_name_is_taken_for_the_service(
    tmp_path: Path, written: str
) -> None:
    """user test r51 LOW-11: `service = "freshrss"` was refused without a word on why."""
    body = f'service = "{written}"\nurl = "http://127.0.0.1:9/api/greader.php"\nuser = "a"\npassword_env = "PW_X"\n'
    sync = load_config(sync_config(tmp_path, body)).sync
    assert sync is not None and sync.service == "greader"


def test_another_service_is_refused_naming_the_api_and_who_speaks_it(tmp_path: Path) -> None:
    from newstui.errors import ConfigError

    body = (
        'service = "feedbin"\nurl = "http://127.0.0.1:9/api"\nuser = "a"\npassword_env = "PW_X"\n'
    )
    with pytest.raises(ConfigError) as info:
        load_config(sync_config(tmp_path, body))
    said = str(info.value)
    assert (
        "sync service must be \"greader\", not 'feedbin': the Google Reader API, which FreshRSS"
        in said
    )
    assert "\n" not in said


@pytest.mark.parametrize(
    ("service", "url"),
    [
        ("Inoreader", "http://127.0.0.1:9/reader"),
        ("greader", "https://www.inoreader.com"),
        ("greader", "https://jp.innoreader.com/reader/api/0"),
    ],
)
def test_inoreader_is_refused_at_once_saying_why_and_the_way_on(
    tmp_path: Path, service: str, url: str
) -> None:
    """Inoreader's API asks for a registered app's AppId/AppKey and OAuth, which newstui does not
    send: its sync could only fail later with a misleading login line (round 51 research)."""
    from newstui.errors import ConfigError

    body = f'service = "{service}"\nurl = "{url}"\nuser = "a"\npassword_env = "PW_X"\n'
    with pytest.raises(ConfigError) as info:
        load_config(sync_config(tmp_path, body))
    said = str(info.value)
    assert (
        "Inoreader is not supported: its API needs a registered app's keys (AppId/AppKey)" in said
    )
    assert "`newstui opml import FILE`" in said and "\n" not in said


def test_a_host_ending_like_inoreader_is_not_inoreader(tmp_path: Path) -> None:
    body = 'url = "https://notinoreader.com/api"\nuser = "a"\npassword_env = "PW_X"\n'
    sync = load_config(sync_config(tmp_path, body)).sync
    assert sync is not None and sync.url == "https://notinoreader.com/api"
