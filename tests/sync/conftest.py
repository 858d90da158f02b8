"""A real FreshRSS (from ../shared/freshrss) for the whole session, a feed server it fetches from,
and a plain Google Reader API client that plays "another device"."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest

from tests.conftest import FeedServer
from tests.ports import free_port
from tests.shared_material import require_shared


def rss(title: str, items: list[tuple[str, str]], base: str = "https://example.org") -> bytes:
    """An RSS 2.0 document with (slug, title) items, newest first."""
    entries = "".join(
        f"<item><title>{t}</title><link>{base}/{slug}</link><guid>{base}/{slug}</guid>"
        f"<pubDate>Mon, {1 + i % 28:02d} Nov 2026 10:00:00 GMT</pubDate>"
        f"<description>{t}: the minister said on Monday that talks in Paris went well."
        "</description></item>"
        for i, (slug, t) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>{base}/</link>{entries}</channel></rss>"
    ).encode()


@dataclass
class FreshRSS:
    """A running FreshRSS: its API base, install folder and the feed server it reads."""

    greader: str
    folder: Path
    feeds: FeedServer
    pid: int

    def refresh(self) -> None:
        """Fetch every subscribed feed now, as FreshRSS's cron job would (past its TTL and
        cache)."""
        subprocess.run(
            [
                "php",
                "-r",
                '$db = new PDO("sqlite:data/users/alice/db.sqlite");'
                ' $db->exec("UPDATE feed SET lastUpdate = 0");',
            ],
            cwd=self.folder,
            check=True,
            capture_output=True,
        )
        for cached in (self.folder / "data" / "cache").glob("*.spc"):
            cached.unlink()
        subprocess.run(
            ["php", "cli/actualize-user.php", "--user", "alice"],
            cwd=self.folder,
            check=True,
            capture_output=True,
            timeout=300,
        )


class Device:
    """Another device using the same account (alice's, or `user`'s) through the Google Reader
    API."""

    def __init__(
        self, greader: str, user: str = "alice", password: str = "alice-api-password"
    ) -> None:
        self.base = greader
        self.http = httpx.Client(timeout=120)
        answer = self.http.post(
            greader + "/accounts/ClientLogin", data={"Email": user, "Passwd": password}
        )
        answer.raise_for_status()
        auth = next(line[5:] for line in answer.text.splitlines() if line.startswith("Auth="))
        self.http.headers["Authorization"] = f"GoogleLogin auth={auth}"
        self.token = self.get("/token").text.strip()

    def get(self, path: str, **params: str) -> httpx.Response:
        answer = self.http.get(self.base + "/reader/api/0" + path, params=params)
        answer.raise_for_status()
        return answer

    def post(self, path: str, data: list[tuple[str, str]]) -> httpx.Response:
        answer = self.http.post(
            self.base + "/reader/api/0" + path,
            content=urlencode([*data, ("T", self.token)]),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        answer.raise_for_status()
        return answer

    def subscribe(self, url: str, folder: str | None = None) -> str:
        """Subscribe (FreshRSS fetches the feed at once); returns the stream id."""
        data = [("ac", "subscribe"), ("s", "feed/" + url)]
        if folder:
            data.append(("a", "user/-/label/" + folder))
        self.post("/subscription/edit", data)
        return self.stream_of(url)

    def stream_of(self, url: str) -> str:
        subs = self.get("/subscription/list", output="json").json()["subscriptions"]
        return next(s["id"] for s in subs if s["url"] == url)

    def subscribed(self, url: str) -> bool:
        subs = self.get("/subscription/list", output="json").json()["subscriptions"]
        return any(s["url"] == url for s in subs)

    def unsubscribe(self, stream_id: str) -> None:
        self.post("/subscription/edit", [("ac", "unsubscribe"), ("s", stream_id)])

    def items(self, stream_id: str) -> dict[str, dict]:
        """The items of one feed by link, each with its categories."""
        data = self.get("/stream/contents/" + stream_id, output="json", n="1000").json()
        return {i["canonical"][0]["href"]: i for i in data["items"]}

    def mark(self, item: dict, *, add: str | None = None, remove: str | None = None) -> None:
        data = [("i", item["id"])]
        if add:
            data.append(("a", "user/-/state/com.google/" + add))
        if remove:
            data.append(("r", "user/-/state/com.google/" + remove))
        self.post("/edit-tag", data)

    @staticmethod
    def has(item: dict, state: str) -> bool:
        return f"user/-/state/com.google/{state}" in item["categories"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test using the FreshRSS server runs in one xdist worker (`--dist loadgroup`, in
    pyproject.toml's addopts): the server is one per session, and a second one starting beside
    it on CI would also race it for the PHP install `serve` makes where PHP is missing."""
    for item in items:
        if "freshrss" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("freshrss"))


@pytest.fixture(scope="session")
def freshrss(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FreshRSS]:
    """FreshRSS started by ../shared/freshrss/serve on a free port, with a feed server."""
    serve = require_shared("freshrss") / "serve"
    feeds = FeedServer()
    threading.Thread(target=feeds.httpd.serve_forever, daemon=True).start()
    folder = tmp_path_factory.mktemp("freshrss") / "server"
    done = subprocess.run(
        [str(serve), str(folder), str(free_port())],
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    settings = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    server = FreshRSS(settings["greader"], folder, feeds, int(settings["pid"]))
    yield server
    os.kill(server.pid, signal.SIGTERM)
    feeds.httpd.shutdown()
    feeds.httpd.server_close()


@pytest.fixture
def device(freshrss: FreshRSS) -> Iterator[Device]:
    other = Device(freshrss.greader)
    yield other
    other.http.close()
