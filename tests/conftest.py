"""Shared fixtures: a temporary database and config, a feed server on 127.0.0.1, the seed article.

Tests that need material from ../shared use `shared_path(name)` or `@pytest.mark.needs_shared(name)`
from tests/shared_material.py (see its docstring): they skip in a plain clone and must run in CI.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hostile.rows import HostileDb, write_hostile_rows
from hypothesis import settings as hypothesis_settings

from newstui.demo import seed_article_path
from newstui.store import open_db

# The property tests draw the same examples on every run (a seed from each test's source), so
# the suite gives one answer for one tree: a rare input found by chance would fail one CI run
# and not the next. To look for new inputs: HYPOTHESIS_PROFILE=explore pytest tests/sources.
hypothesis_settings.register_profile("suite", derandomize=True)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

pytest_plugins = ["shared_material", "pytester"]

DATA = Path(__file__).parent / "data"


def pytest_configure(config: pytest.Config) -> None:
    """A pytest-xdist worker starts with COLUMNS=80 and LINES=24 in its environment, which a
    one-process run has not: newstui started in a pseudo-terminal by a test then drew 80x24
    whatever the terminal's size (Textual and rich read them first). The workers run as the
    one process does."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        os.environ.pop("COLUMNS", None)
        os.environ.pop("LINES", None)
    _away_from_the_users_own_files()


def _away_from_the_users_own_files() -> None:
    """newstui finds its config, database and state by XDG's folders (platformdirs) and by
    `NEWSTUI_CONFIG`, `NEWSTUI_DB`, `NEWSTUI_DOWNLOADS` and `NEWSTUI_SYNC_PASSWORD`: a user who
    ran the suite with their own ~/.config/newstui (query feeds, [sync]) saw tests fail that
    read it, in this process or a child it started (user test r52:
    tests/test_startup_imports.py). Every test process, and every child it starts, uses empty
    folders of its own instead (removed at exit); a test that needs a config writes one."""
    import atexit
    import shutil
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="newstui-tests-xdg-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = root / name.lower()
        folder.mkdir()
        os.environ[name] = str(folder)
    for name in ("NEWSTUI_CONFIG", "NEWSTUI_DB", "NEWSTUI_DOWNLOADS", "NEWSTUI_SYNC_PASSWORD"):
        os.environ.pop(name, None)


def _is_address(name: str) -> bool:
    import ipaddress

    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "ip6-localhost"})


@pytest.fixture(autouse=True, scope="session")
def no_name_lookups_beyond_loopback() -> Iterator[None]:
    """Tests use no network beyond 127.0.0.1: a host name a test fetches from (example.org in a
    urls file, say) fails at once as an unknown name, as on a machine without a resolver,
    instead of waiting for whatever resolver the machine running the tests has (a CI machine's
    may take seconds to answer). Child processes a test starts are not covered."""
    import socket

    real = socket.getaddrinfo

    def loopback_only(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        name = host.decode() if isinstance(host, bytes) else host
        if name is None or name in LOOPBACK_NAMES or _is_address(name):
            return real(host, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    socket.getaddrinfo = loopback_only  # type: ignore[assignment]
    yield
    socket.getaddrinfo = real


@pytest.fixture(autouse=True)
def environment_put_back() -> Iterator[None]:
    """The environment and the working folder are put back after each test: one that sets a
    variable by hand (`os.environ["PW_S"] = "pw"`, as sync tests do) changed it for every
    test after it in the same process, which then passed or failed by the order xdist gave
    them. (Set up before the other autouse fixtures: put back after their monkeypatch.)"""
    environ, cwd = dict(os.environ), os.getcwd()
    yield
    changed = {
        name
        for name in {*environ, *os.environ}
        if environ.get(name) != os.environ.get(name) and name != "PYTEST_CURRENT_TEST"
    }
    for name in changed:
        if name in environ:
            os.environ[name] = environ[name]
        else:
            del os.environ[name]
    if "TZ" in changed:
        time.tzset()
    if os.getcwd() != cwd:
        os.chdir(cwd)


@pytest.fixture(autouse=True)
def app_analysis_worker_ended() -> Iterator[None]:
    """The app's analysis worker (newstui.processes.APP_ANALYSIS) lives as long as the process:
    an app test that used it left its idle timer running, whose `CpuPool.wind_down` 60 s
    later counted in a later test that patched that method for every pool (CI, round 48), and
    its worker process alive meanwhile. After each test the worker is ended and its timer
    cancelled, as the app's exit does; the next analysis starts another worker."""
    yield
    import sys

    processes = sys.modules.get("newstui.processes")  # (not imported: nothing to end)
    if processes is not None:
        processes.APP_ANALYSIS.close()


@pytest.fixture(autouse=True)
def times_shown_in_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """newstui shows times in the reader's zone (newstui.local_times): the tests' in UTC,
    whatever the TZ of the machine running them, in this process and the ones it starts. A
    test of another zone passes it to the function it tests."""
    from datetime import UTC

    from newstui import local_times

    monkeypatch.setattr(local_times, "ZONE", UTC)
    monkeypatch.setenv("TZ", "UTC")


PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture(autouse=True)
def no_proxies_of_this_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """newstui goes through the proxy the environment sets (newstui.sources.proxies): a CI
    machine's HTTP_PROXY is not the tests' (their servers are on 127.0.0.1, which no proxy is
    asked for anyway), in this process and the ones it starts. A test of a proxy sets its own."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@pytest.fixture
def process_zone() -> Iterator[Callable[[str], None]]:
    """Times in the process's own zone, as users run newstui (local_times.ZONE None), which a
    test sets: `process_zone("America/Santiago")` sets TZ and calls time.tzset() (review r46
    L7: the suite ran only zones given); the zone before is restored after."""
    from newstui import local_times

    before, zone = os.environ.get("TZ"), local_times.ZONE

    def use(tz: str) -> None:
        local_times.ZONE = None
        os.environ["TZ"] = tz
        time.tzset()
        local_times.zone_changed()

    yield use
    local_times.ZONE = zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()
    local_times.zone_changed()


@pytest.fixture(autouse=True)
def no_system_browsers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Python's webbrowser sees no browser of this machine (a console `www-browser` on a box
    without a desktop would be run by `o`): tests register the ones they mean."""
    import webbrowser

    monkeypatch.setattr(webbrowser, "_browsers", {})
    monkeypatch.setattr(webbrowser, "_tryorder", [])
    monkeypatch.delenv("BROWSER", raising=False)


@pytest.fixture(autouse=True)
def no_newsboat_of_this_machine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """The urls file of a newsboat user running the tests is not the tests': a first start names
    it (newsboat_import_hint), which would change the messages tests read. `newsboat_home` gives a
    test one of its own."""
    if "newsboat_home" in request.fixturenames:
        return
    from newstui.sources import newsboat_urls

    monkeypatch.setattr(newsboat_urls, "newsboat_urls_file", lambda: None)


@pytest.fixture
def newsboat_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A home folder whose ~/.newsboat/urls lists one feed: newsboat's, as a migrating user has it."""
    home = tmp_path / "home"
    (home / ".newsboat").mkdir(parents=True)
    (home / ".newsboat" / "urls").write_text('https://example.org/feed.xml "news"\n', "utf-8")
    monkeypatch.setenv("HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def collector_left_on() -> Iterator[None]:
    """A test that finds Python's garbage collector on leaves it on: newstui turns it off
    around start-up (newstui.tui.collector), and a code path that forgot to turn it back on
    would make later tests in the same process fail far from the cause."""
    import gc

    collecting = gc.isenabled()
    yield
    if collecting and not gc.isenabled():
        gc.enable()
        pytest.fail("this test left Python's garbage collector off", pytrace=False)


@pytest.fixture(autouse=True)
def pools_start_again() -> Iterator[None]:
    """A test that stops newstui as a signal does (SIGTERM, a closed terminal: the app's
    `_stop`) sets the process-wide stop after which no worker pool starts; newstui exits then,
    but the tests after it run on in this process, and the app analyses in worker pools."""
    yield
    import sys

    spawned = sys.modules.get("newstui.spawned")
    if spawned is not None:
        spawned.allow_pools_again()


@pytest.fixture
def ctrl_c_raises() -> Iterator[object]:
    """Ctrl-C (SIGINT) raises KeyboardInterrupt during the test, as in a terminal, and the
    handler the run had is back after it (returned). A run started in the background of a
    shell without job control (`pytest … &`, a nohup'd or CI run) has SIGINT ignored from its
    start, so a test raising SIGINT itself found nothing raised ("DID NOT RAISE")."""
    import signal

    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield before
    finally:
        signal.signal(signal.SIGINT, before)


@dataclass
class Route:
    """What the test server answers on one path."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    # the first `gather` requests wait (up to 5 s) until that many have been answered at once,
    # so a test of concurrency does not depend on how fast a loaded machine sends them
    gather: int = 0
    drip: float = 0.0  # seconds between single bytes of the body
    # when set, answers wait until the test sets this event (at most 60 s): a request that stays
    # open exactly as long as the test needs, however slow a loaded machine is
    hold: threading.Event | None = None
    etag: str | None = None  # answer 304 when If-None-Match matches
    gzip: bool = False
    # answer "Range: bytes=N-" with 206 and the rest of the body, and send an ETag (the body's
    # hash, unless `etag` is set); a Range with another version's If-Range gets the whole body
    ranges: bool = False
    cut_after: int | None = None  # close the connection after this many body bytes (once)
    hits: int = 0


class FeedServer:
    """A local HTTP server whose routes tests set: `server.route("/feed", body=...)`.

    It answers in HTTP/1.0 (one request per connection) unless `keep_alive` is set: then in
    HTTP/1.1, keeping connections open (routes with `drip` need HTTP/1.0). `connections` counts
    the connections clients opened, `peak` the most requests it was answering at once.
    """

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.keep_alive = False
        self.connections = 0
        self.peak = 0
        self._in_flight = 0
        self._lock = threading.Condition()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def setup(self) -> None:
                super().setup()
                if server.keep_alive:
                    self.protocol_version = "HTTP/1.1"
                with server._lock:
                    server.connections += 1

            def do_GET(self) -> None:
                with server._lock:
                    server._in_flight += 1
                    server.peak = max(server.peak, server._in_flight)
                    server._lock.notify_all()
                self._counted = True
                try:
                    self._answer()
                finally:
                    self._uncount()

            def _uncount(self) -> None:
                # a request stops counting before its answer is written: once the client has
                # read it, it may send the next one while this thread is still finishing
                if self._counted:
                    self._counted = False
                    with server._lock:
                        server._in_flight -= 1

            def _answer(self) -> None:
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                route.hits += 1
                if route.hits <= route.gather:
                    deadline = time.monotonic() + 5
                    with server._lock:
                        # peak, not the count now: once reached, every waiter goes, even one
                        # that wakes after the first has answered
                        while server.peak < route.gather and time.monotonic() < deadline:
                            server._lock.wait(deadline - time.monotonic())
                if route.delay:
                    time.sleep(route.delay)
                if route.hold is not None:
                    route.hold.wait(60)
                self._uncount()
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                body = gzip.compress(route.body) if route.gzip else route.body
                status, whole = route.status, len(body)
                wanted = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range", ""))
                # a ranged body's version, unless the test names one: resumed only as that one
                tag = route.etag or (
                    f'"{hashlib.sha1(body).hexdigest()[:16]}"' if route.ranges else None
                )
                if_range = self.headers.get("If-Range")  # (another version's: the whole body)
                if if_range is not None and if_range not in (
                    tag,
                    route.headers.get("Last-Modified"),
                ):
                    wanted = None
                if route.ranges and wanted:
                    start = int(wanted[1])
                    if start >= whole:
                        self.send_response(416)
                        self.send_header("Content-Range", f"bytes */{whole}")
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    body, status = body[start:], 206
                self.send_response(status)
                if status == 206:
                    self.send_header("Content-Range", f"bytes {start}-{whole - 1}/{whole}")
                if route.ranges:
                    self.send_header("Accept-Ranges", "bytes")
                for key, value in route.headers.items():
                    self.send_header(key, value)
                if tag:
                    self.send_header("ETag", tag)
                if route.gzip:
                    self.send_header("Content-Encoding", "gzip")
                if not route.drip:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    if route.drip:
                        for i in range(len(body)):
                            self.wfile.write(body[i : i + 1])
                            self.wfile.flush()
                            time.sleep(route.drip)
                    elif route.cut_after is not None:
                        cut, route.cut_after = route.cut_after, None
                        self.wfile.write(body[:cut])
                        self.wfile.flush()
                        self.close_connection = True
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        """The server's base URL."""
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        """The absolute URL of a path."""
        return self.base + path

    def route(self, path: str, **kwargs: object) -> Route:
        """Serve something on a path; returns the Route (its `hits` counts requests)."""
        self.routes[path] = Route(**kwargs)  # type: ignore[arg-type]
        return self.routes[path]

    def serve_file(self, path: str, name: str, content_type: str = "application/rss+xml") -> Route:
        """Serve a file from tests/data/feeds on a path."""
        return self.route(
            path, body=(DATA / "feeds" / name).read_bytes(), headers={"Content-Type": content_type}
        )


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A running FeedServer on 127.0.0.1, port chosen by the OS."""
    server = FeedServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a new database."""
    return tmp_path / "newstui.db"


@pytest.fixture
def db(db_path: Path):
    """A new, migrated database."""
    database = open_db(db_path)
    yield database
    database.conn.close()


@pytest.fixture
def config_file(tmp_path: Path, feed_server: FeedServer):
    """Write a feeds.toml listing feeds on the test server; call with {name: path} and settings."""

    def write(feeds: dict[str, str], **settings: object) -> Path:
        lines = ["# test config", "[settings]"]
        defaults = {"timeout": 5, "fulltext": False}
        for key, value in {**defaults, **settings}.items():
            lines.append(f"{key} = {_toml(value)}")
        for name, path in feeds.items():
            lines += ["", "[[feeds]]", f'name = "{name}"', f'url = "{feed_server.url(path)}"']
        path = tmp_path / "feeds.toml"
        path.write_text("\n".join(lines) + "\n", "utf-8")
        return path

    return write


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


@pytest.fixture
def seed_article() -> Path:
    """The reference article, as the package ships it (the same text as ../shared's copy)."""
    return seed_article_path()


@pytest.fixture
def hostile_db(tmp_path: Path) -> HostileDb:
    """A database whose rows (feed, article, links, entities, quote) all carry escape sequences."""
    return write_hostile_rows(tmp_path / "hostile.db")


@pytest.fixture
def org_quotes_db(tmp_path: Path) -> Path:
    """A store where one organisation speaks under two names: "World Health Organization" in
    one article, "WHO" in another (ORG entities, keyed as fetching keys them)."""
    from datetime import UTC, datetime, timedelta

    from newstui.model import Analysis, Article, Entity, Mention, Quote
    from newstui.nlp import canonical_key, short_key
    from newstui.store.analysis import save_analysis
    from newstui.store.article_saving import save_articles
    from newstui.store.feeds import ensure_feed

    path = tmp_path / "who.db"
    db = open_db(path)
    feed = ensure_feed(db, "http://127.0.0.1:9/h.xml", "Health Desk", url="http://127.0.0.1:9/h")
    said = {"World Health Organization": "Act now.", "WHO": "Wash your hands."}
    start = datetime(2024, 11, 30, 12, 0, tzinfo=UTC)
    texts = {
        name: f"In Geneva, {name} said: “{words}” Nobody else spoke."
        for name, words in said.items()
    }
    save_articles(
        db,
        feed,
        [
            Article(
                title=f"Story {i}", text=text, guid=f"g{i}", published=start - timedelta(hours=i)
            )
            for i, text in enumerate(texts.values())
        ],
    )
    for (article_id,), (name, text) in zip(
        db.execute("SELECT id FROM articles ORDER BY published DESC"), texts.items(), strict=True
    ):
        at, words = text.index(name), text.index("“") + 1
        analysis = Analysis(
            (Entity(name, "ORG", (Mention(at, at + len(name), name),)),),
            (Quote(said[name], words, words + len(said[name]), name),),
        )
        save_analysis(db, article_id, analysis, "test", canonical_key, short_key)
    db.conn.close()
    return path
