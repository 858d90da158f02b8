"""Sync against a real FreshRSS: both sides are driven, and both must agree afterwards."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.store import open_db
from newstui.store.sync import sync_status
from tests.ports import refused_port
from tests.sync.conftest import Device, FreshRSS, rss

PASSWORD_ENV = "NEWSTUI_TEST_SYNC_PASSWORD"


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "alice-api-password")


def write_config(path: Path, url: str, feeds: str = "", fulltext: str = "false") -> Path:
    path.write_text(
        f'[settings]\ntimeout = 30\nfulltext = {fulltext}\n\n[sync]\nservice = "greader"\n'
        f'url = "{url}"\nuser = "alice"\npassword_env = "{PASSWORD_ENV}"\n{feeds}',
        "utf-8",
    )
    return path


class Here:
    """This device: newstui's CLI on one database and config."""

    def __init__(
        self, tmp_path: Path, freshrss: FreshRSS, feeds: str = "", fulltext: str = "false"
    ) -> None:
        self.db = tmp_path / "newstui.db"
        self.config = write_config(tmp_path / "feeds.toml", freshrss.greader, feeds, fulltext)
        self.offline = write_config(
            tmp_path / "offline.toml", f"http://127.0.0.1:{refused_port()}/api/greader.php", feeds
        )

    def run(self, *args: str, offline: bool = False) -> int:
        config = self.offline if offline else self.config
        return main(["--db", str(self.db), "--config", str(config), *args])

    def json(self, capsys: pytest.CaptureFixture[str], *args: str) -> object:
        capsys.readouterr()
        assert self.run(*args, "--json") == 0
        return json.loads(capsys.readouterr().out)

    def articles(self, feed: str) -> dict[str, dict]:
        """This feed's stored articles by link: read, starred, analysed."""
        db = open_db(self.db)
        rows = db.execute(
            "SELECT a.url, a.read, a.starred, a.nlp_version, a.id FROM articles a "
            "JOIN feeds f ON f.id = a.feed_id WHERE f.name = ?",
            [feed],
        ).fetchall()
        db.conn.close()
        return {
            r[0]: {"read": bool(r[1]), "starred": bool(r[2]), "analysed": r[3], "id": r[4]}
            for r in rows
        }


def new_feed(freshrss: FreshRSS, count: int = 4) -> tuple[str, str, list[str]]:
    """A feed on the local server for FreshRSS to read: (url, title, links)."""
    key = uuid.uuid4().hex[:8]
    base = f"https://example.org/{key}"
    items = [(f"story-{i}", f"Story {key} number {i}") for i in range(count)]
    freshrss.feeds.route(
        f"/{key}.xml", body=rss(f"Wire {key}", items, base), headers={"Content-Type": "text/xml"}
    )
    return freshrss.feeds.url(f"/{key}.xml"), f"Wire {key}", [f"{base}/{s}" for s, _ in items]


def test_sync_pulls_subscriptions_folders_items_and_marks(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    url, title, links = new_feed(freshrss)
    stream = device.subscribe(url, folder="World")
    remote = device.items(stream)
    device.mark(remote[links[0]], add="read")
    device.mark(remote[links[1]], add="starred")
    here = Here(tmp_path, freshrss)

    report = here.json(capsys, "sync")
    assert report["new"] >= 4
    sources = {s["name"]: s for s in here.json(capsys, "feeds")}
    assert "World" in sources[title]["tags"]
    stored = here.articles(title)
    assert set(stored) == set(links)
    assert stored[links[0]]["read"] and not stored[links[2]]["read"]
    assert stored[links[1]]["starred"] and not stored[links[0]]["starred"]
    assert all(a["analysed"] for a in stored.values())  # quotes and entities like any article
    shown = here.json(capsys, "show", str(stored[links[2]]["id"]))
    assert "minister said" in shown["text"]
    assert any(e["name"] == "Paris" for e in shown["entities"])


def test_marks_flow_both_ways_and_offline_marks_wait_in_the_queue(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    url, title, links = new_feed(freshrss)
    stream = device.subscribe(url)
    here = Here(tmp_path, freshrss)
    assert here.run("sync") == 0
    ids = {link: a["id"] for link, a in here.articles(title).items()}

    # The server is unreachable: marks made here are queued, nothing is lost.
    assert here.run("sync", offline=True) == 1
    assert "unreachable" in capsys.readouterr().err
    assert here.run("mark", str(ids[links[0]]), "--read", "--star") == 0
    assert here.run("mark", str(ids[links[1]]), "--read") == 0
    assert here.run("mark", str(ids[links[1]]), "--unread") == 0  # changed back: pushes unread
    assert sync_status(open_db(here.db)).queued == 3
    # Meanwhile another device marks items read, one of them also changed here.
    remote = device.items(stream)
    device.mark(remote[links[2]], add="read")
    device.mark(remote[links[0]], remove="read")
    device.mark(remote[links[0]], add="read")

    assert here.run("sync", offline=True) == 1
    assert here.run("sync") == 0
    assert sync_status(open_db(here.db)).queued == 0
    remote = device.items(stream)
    stored = here.articles(title)
    for link in links:
        assert stored[link]["read"] == device.has(remote[link], "read"), link
        assert stored[link]["starred"] == device.has(remote[link], "starred"), link
    assert stored[links[0]]["read"] and stored[links[0]]["starred"]
    assert not stored[links[1]]["read"]
    assert stored[links[2]]["read"]  # from the other device

    # The other device unmarks; this device follows.
    device.mark(remote[links[0]], remove="starred")
    assert here.run("sync") == 0
    assert not here.articles(title)[links[0]]["starred"]


def test_a_second_sync_asks_only_for_what_is_new(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    url, title, links = new_feed(freshrss, count=3)
    device.subscribe(url)
    here = Here(tmp_path, freshrss)
    assert here.run("sync") == 0
    quiet = here.json(capsys, "sync")
    assert quiet["new"] == 0 and quiet["updated"] == 0 and quiet["pushed"] == 0
    assert quiet["requests"] <= 4  # subscriptions, new items, unread ids, starred ids

    key = url.rsplit("/", 1)[1].removesuffix(".xml")
    base = f"https://example.org/{key}"
    items = [("late", f"Story {key} late"), *((s.rsplit("/", 1)[1], "x") for s in links)]
    freshrss.feeds.route(
        f"/{key}.xml", body=rss(title, items, base), headers={"Content-Type": "text/xml"}
    )
    freshrss.refresh()
    later = here.json(capsys, "sync")
    assert later["new"] == 1
    assert f"{base}/late" in here.articles(title)


def test_a_configured_feed_on_the_server_is_one_source(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    url, _title, links = new_feed(freshrss)
    device.subscribe(url, folder="Science")
    feeds = f'\n[[feeds]]\nname = "My wire"\nurl = "{url}"\ntags = ["mine"]\n'
    here = Here(tmp_path, freshrss, feeds)
    assert here.run("fetch") == 0
    assert here.run("fetch") == 0
    sources = [s for s in here.json(capsys, "feeds") if s["url"] == url]
    assert len(sources) == 1
    assert sources[0]["name"] == "My wire"
    assert set(sources[0]["tags"]) == {"mine", "Science"}
    assert sorted(here.articles("My wire")) == sorted(links)  # no duplicates


def test_unsubscribing_elsewhere_removes_the_source_but_keeps_starred_articles(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    url, title, links = new_feed(freshrss)
    stream = device.subscribe(url)
    device.subscribe(new_feed(freshrss)[0])  # the server still lists one (run alone, too)
    here = Here(tmp_path, freshrss)
    assert here.run("sync") == 0
    keep = here.articles(title)[links[0]]["id"]
    assert here.run("mark", str(keep), "--star") == 0
    device.unsubscribe(stream)
    report = here.json(capsys, "sync")
    assert title in report["feeds_removed"]
    assert list(here.articles(title)) == [links[0]]
    # It keeps its star too, and its unread mark (the server's sets no longer hold the items of
    # a feed it dropped: they were taken as read and unstarred), sync after sync.
    assert here.run("sync") == 0
    kept = here.articles(title)[links[0]]
    assert (kept["read"], kept["starred"]) == (False, True)


def test_a_podcast_episode_synced_from_freshrss_downloads(
    tmp_path: Path, freshrss: FreshRSS, device: Device, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FreshRSS also writes the enclosure into the item's content (a player and a 💾 link): the
    # enclosure was taken for a duplicate of that link and dropped, so there was nothing to
    # download.
    key = uuid.uuid4().hex[:8]
    audio = freshrss.feeds.url(f"/{key}.mp3")
    freshrss.feeds.route(
        f"/{key}.mp3", body=b"ID3" + b"\0" * 2045, headers={"Content-Type": "audio/mpeg"}
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Pod {key}</title>'
        f"<link>https://example.org/{key}</link><item><title>Episode {key}</title>"
        f"<link>https://example.org/{key}/1</link><guid>https://example.org/{key}/1</guid>"
        "<description>Show notes.</description>"
        f'<enclosure url="{audio}" type="audio/mpeg" length="2048"/></item></channel></rss>'
    )
    freshrss.feeds.route(f"/{key}.xml", body=feed.encode(), headers={"Content-Type": "text/xml"})
    device.subscribe(freshrss.feeds.url(f"/{key}.xml"))
    here = Here(tmp_path, freshrss)
    assert here.run("sync") == 0
    (episode,) = here.articles(f"Pod {key}").values()
    monkeypatch.setenv("NEWSTUI_DOWNLOADS", str(tmp_path / "downloads"))
    assert here.run("download", str(episode["id"])) == 0
    (saved,) = (tmp_path / "downloads").iterdir()
    assert saved.suffix == ".mp3" and saved.stat().st_size == 2048


def test_a_podcast_synced_from_freshrss_keeps_its_notes_and_its_pages_are_not_fetched(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    # Under fulltext = "auto" a podcast fetched here keeps its show notes; synced from the
    # server, each episode's web page was fetched and its page chrome replaced the notes.
    key = uuid.uuid4().hex[:8]
    page = (
        "<html><body><nav>Subscribe on Apple Podcasts</nav><article><h1>Page</h1>"
        + "<p>Words of the show's web page, enough of them to read as an article.</p>" * 6
        + "</article></body></html>"
    ).encode()
    pages = {
        slug: freshrss.feeds.route(
            f"/{key}/page/{slug}", body=page, headers={"Content-Type": "text/html"}
        )
        for slug in ("one", "two", "news")
    }
    episodes = "".join(
        f"<item><title>Episode {slug} {key}</title><link>{freshrss.feeds.url(f'/{key}/page/{slug}')}"
        f"</link><guid>{key}-{slug}</guid><description>Show notes of {slug}.</description>"
        f'<enclosure url="https://example.org/{key}/{slug}.mp3" type="audio/mpeg" '
        'length="5000"/></item>'
        for slug in ("one", "two")
    )
    news = (
        f"<item><title>News {key}</title><link>{freshrss.feeds.url(f'/{key}/page/news')}</link>"
        f"<guid>{key}-news</guid><description>A summary.</description></item>"
    )
    for name, items in (("pod", episodes), ("wire", news)):
        body = (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name} {key}</title>'
            f"<link>https://example.org/{key}</link>{items}</channel></rss>"
        )
        freshrss.feeds.route(
            f"/{key}/{name}.xml", body=body.encode(), headers={"Content-Type": "text/xml"}
        )
        device.subscribe(freshrss.feeds.url(f"/{key}/{name}.xml"))
    here = Here(tmp_path, freshrss, fulltext='"auto"')

    assert here.run("sync") == 0
    assert {slug: r.hits for slug, r in pages.items()} == {"one": 0, "two": 0, "news": 1}
    for stored in here.articles(f"pod {key}").values():
        shown = here.json(capsys, "show", str(stored["id"]))
        assert "Show notes of" in shown["text"]


def test_add_subscribes_on_the_server_and_remove_unsubscribes(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    url, title, links = new_feed(freshrss)
    here = Here(tmp_path, freshrss)
    assert here.run("add", url, "--tag", "Later") == 0
    assert device.subscribed(url)
    assert set(here.articles(title)) == set(links)
    sources = {s["name"]: s for s in here.json(capsys, "feeds")}
    assert "Later" in sources[title]["tags"]
    capsys.readouterr()
    assert here.run("opml", "export") == 0
    assert url in capsys.readouterr().out

    assert here.run("remove", title) == 0
    assert not device.subscribed(url)
    assert here.articles(title) == {}


def test_add_of_a_feed_the_server_will_not_take_names_the_feed_and_its_problem(
    tmp_path: Path, freshrss: FreshRSS, capsys: pytest.CaptureFixture[str]
) -> None:
    url = freshrss.feeds.url(f"/{uuid.uuid4().hex[:8]}-gone.xml")  # the feed server says 404
    here = Here(tmp_path, freshrss)
    capsys.readouterr()
    assert here.run("add", url) == 1
    assert capsys.readouterr().err == (
        f"newstui: {url}: HTTP 404 Not Found (not subscribed on {freshrss.greader.split('/')[2]})\n"
    )


def test_wrong_password_and_server_gone_are_one_line_each(
    tmp_path: Path,
    freshrss: FreshRSS,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    here = Here(tmp_path, freshrss)
    monkeypatch.setenv(PASSWORD_ENV, "wrong")
    assert here.run("sync", "login") == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "login refused (HTTP 401) for user 'alice'" in err
    assert here.run("sync", "login", offline=True) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and ": unreachable" in err
    monkeypatch.setenv(PASSWORD_ENV, "alice-api-password")
    assert here.run("sync", "login") == 0
    assert "logged in as alice" in capsys.readouterr().out
    # Reading never needs the server.
    assert here.run("list", offline=True) == 0


def test_a_sync_killed_mid_way_leaves_a_usable_database_and_queue(
    tmp_path: Path, freshrss: FreshRSS, device: Device
) -> None:
    url, title, links = new_feed(freshrss, count=1500)
    stream = device.subscribe(url)
    here = Here(tmp_path, freshrss)
    # A first small state: one queued mark that must survive the kill.
    first, first_title, first_links = new_feed(freshrss, count=2)
    device.unsubscribe(stream)  # the big feed arrives later, during the killed sync
    device.subscribe(first)
    assert here.run("sync") == 0
    queued_id = here.articles(first_title)[first_links[0]]["id"]
    assert here.run("mark", str(queued_id), "--star") == 0
    device.subscribe(url)

    env = {
        **os.environ,
        PASSWORD_ENV: "alice-api-password",
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newstui",
            "--db",
            str(here.db),
            "--config",
            str(here.config),
            "sync",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        conn = sqlite3.connect(here.db, timeout=30)
        try:
            stored = conn.execute("SELECT count(*) FROM sync_items").fetchone()[0]
        finally:
            conn.close()
        if stored > 2 or child.poll() is not None:
            break
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    conn = sqlite3.connect(here.db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    # The mark queued before is pushed or still queued: never lost.
    assert here.run("sync") == 0
    remote = device.items(device.stream_of(first))
    assert device.has(remote[first_links[0]], "starred")
    assert sync_status(open_db(here.db)).queued == 0
    assert set(here.articles(title)) == set(links)


def test_a_cleanup_keeps_marks_for_the_server_and_removed_items_stay_removed(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    """`keep_days` with sync: a read mark not pushed yet survives the cleanup (it used to go with
    its article, and the server kept the item unread), and an item the cleanup removed does not
    come back with the next sync while the server still lists it as unread."""
    url, title, links = new_feed(freshrss)  # items of November 2026: past keep_days = 1
    stream = device.subscribe(url)
    here = Here(tmp_path, freshrss)
    for config in (here.config, here.offline):
        config.write_text(
            config.read_text("utf-8").replace("[settings]\n", "[settings]\nkeep_days = 1\n"),
            "utf-8",
        )
    assert here.run("sync") == 0
    ids = {link: a["id"] for link, a in here.articles(title).items()}
    assert here.run("mark", str(ids[links[0]]), "--read") == 0  # not pushed yet

    assert here.run("cleanup") == 0  # the others are unread and new here: kept
    assert set(here.articles(title)) == set(links)
    assert here.run("sync") == 0
    assert device.has(device.items(stream)[links[0]], "read")

    assert here.run("cleanup") == 0  # pushed: now it goes
    assert set(here.articles(title)) == set(links[1:])
    device.mark(device.items(stream)[links[0]], remove="read")  # unread on the server again
    report = here.json(capsys, "sync")
    assert report["new"] == 0
    assert set(here.articles(title)) == set(links[1:])


def test_an_item_a_cleanup_removed_comes_back_when_starred_elsewhere(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    """A removed item stays removed while the server lists it, but one starred on another
    device since (a cleanup never removes a starred article) comes back, starred: the star
    never arrived before."""
    url, title, links = new_feed(freshrss)  # items of November 2026: past keep_days = 1
    stream = device.subscribe(url)
    here = Here(tmp_path, freshrss)
    here.config.write_text(
        here.config.read_text("utf-8").replace("[settings]\n", "[settings]\nkeep_days = 1\n"),
        "utf-8",
    )
    device.mark(device.items(stream)[links[0]], add="read")
    assert here.run("sync") == 0
    assert here.run("cleanup") == 0  # read and old: removed
    assert set(here.articles(title)) == set(links[1:])

    device.mark(device.items(stream)[links[0]], add="starred")
    report = here.json(capsys, "sync")
    assert report["new"] == 1
    back = here.articles(title)[links[0]]
    assert back["starred"] and back["read"]
    assert here.run("cleanup") == 0  # starred: it stays
    assert links[0] in here.articles(title)


def test_an_item_fetched_from_its_feed_then_synced_stays_removed_after_a_cleanup(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    """An article fetched from a configured feed keeps the feed's guid when a sync links it to
    the server's item later, so the cleanup must remember the item by its item key too: else
    the next sync fetches the item by id (the server lists it unread) and stores it again."""
    url, _title, links = new_feed(freshrss)
    stream = device.subscribe(url)
    feeds = f'\n[[feeds]]\nname = "My wire"\nurl = "{url}"\n'
    here = Here(tmp_path, freshrss, feeds)
    for config in (here.config, here.offline):
        config.write_text(
            config.read_text("utf-8").replace("[settings]\n", "[settings]\nkeep_days = 1\n"),
            "utf-8",
        )
    assert here.run("fetch", offline=True) == 3  # the feed is read; the sync server is not
    ids = {link: a["id"] for link, a in here.articles("My wire").items()}
    assert set(ids) == set(links)
    assert here.run("sync") == 0  # links the stored articles to the server's items
    db = open_db(here.db)
    guids = dict(db.execute("SELECT id, guid FROM articles").fetchall())
    linked = dict(db.execute("SELECT article_id, item_id FROM sync_items").fetchall())
    db.conn.close()
    assert set(ids.values()) <= linked.keys()
    assert not guids[ids[links[0]]].startswith("greader:")  # the feed's guid, not the item's

    assert here.run("mark", str(ids[links[0]]), "--read") == 0
    assert here.run("sync") == 0  # pushed
    assert here.run("cleanup") == 0
    assert set(here.articles("My wire")) == set(links[1:])
    device.mark(device.items(stream)[links[0]], remove="read")  # unread on the server again
    report = here.json(capsys, "sync")
    assert report["new"] == 0
    assert set(here.articles("My wire")) == set(links[1:])


def test_with_sync_left_out_of_the_config_a_queued_mark_holds_no_article(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    """A mark queued for the server keeps its article through cleanups until a sync pushes it;
    once [sync] is gone from the config no sync ever will, and the article stayed for good."""
    url, title, links = new_feed(freshrss)
    device.subscribe(url)
    here = Here(tmp_path, freshrss)
    assert here.run("sync") == 0
    ids = {link: a["id"] for link, a in here.articles(title).items()}
    assert here.run("mark", str(ids[links[0]]), "--read") == 0  # queued, not pushed
    here.config.write_text("[settings]\nkeep_days = 1\n", "utf-8")  # no [sync] any more

    report = here.json(capsys, "cleanup")
    assert [f["removed"] for f in report["feeds"] if f["source"] == title] == [1]
    assert set(here.articles(title)) == set(links[1:])
    assert sync_status(open_db(here.db)).queued == 0


def test_the_first_sync_keeps_out_what_a_cleanup_removed_before_it_and_marks_it_read_there(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    """Read articles a cleanup removed before sync was set up do not come back, unread, from
    the server's copies (user test r34 H2): FreshRSS gives no feed guid (here `w-0`, not the
    link), so they are known by link and title, and the server is told they were read."""
    key = uuid.uuid4().hex[:8]
    base = f"https://example.org/{key}"
    entries = "".join(
        f"<item><title>Story {key} number {i}</title><link>{base}/story-{i}</link>"
        f"<guid isPermaLink='false'>w-{i}</guid><pubDate>Mon, 0{2 + i} Nov 2026 10:00:00 GMT"
        f"</pubDate><description>Story {i}: talks in Paris went well.</description></item>"
        for i in range(4)
    )
    freshrss.feeds.route(
        f"/{key}.xml",
        body=f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>{base}/'
        f"</link>{entries}</channel></rss>".encode(),
        headers={"Content-Type": "text/xml"},
    )
    url = freshrss.feeds.url(f"/{key}.xml")
    links = [f"{base}/story-{i}" for i in range(4)]
    here = Here(tmp_path, freshrss, f'\n[[feeds]]\nname = "My wire"\nurl = "{url}"\n')
    for config in (here.config, here.offline):
        config.write_text(
            config.read_text("utf-8").replace("[settings]\n", "[settings]\nkeep_days = 1\n"),
            "utf-8",
        )
    assert here.run("fetch", offline=True) == 3  # the feed is read; the sync server is not
    ids = {link: a["id"] for link, a in here.articles("My wire").items()}
    assert here.run("mark", str(ids[links[0]]), str(ids[links[1]]), "--read") == 0
    assert here.run("cleanup", offline=True) == 0  # read and old: removed; the unread stay
    assert set(here.articles("My wire")) == set(links[2:])
    stream = device.subscribe(url)

    assert here.run("sync") == 0  # (the session's server has other tests' feeds too)

    assert set(here.articles("My wire")) == set(links[2:])
    remote = device.items(stream)
    assert [device.has(remote[link], "read") for link in links] == [True, True, False, False]
    assert here.json(capsys, "sync")["new"] == 0
    assert set(here.articles("My wire")) == set(links[2:])
