"""The first sync of a feed fetched here before sync was set up pairs a server item with an
article stored here by link only when the link and title are one article's here and one item's
on the server: a podcast whose episodes all link to its show page keeps each episode's title,
enclosure and marks, and a mark made here goes to that episode's item (user test r33 H3)."""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.store import open_db
from tests.sync.conftest import Device, FreshRSS
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_freshrss import Here
from tests.sync.test_freshrss import password as password
from tests.sync.test_sync_states import READING, TWO, ids_answer, item, refs

SHOW = "https://pod.example/show/"


def podcast(episodes: list[tuple[str, str]], base: str = "https://pod.example") -> bytes:
    """An RSS podcast whose (slug, title) episodes, oldest first, all link to the show page, each
    with its guid and mp3; listed newest first, as podcasts do."""
    entries = "".join(
        f"<item><title>{title}</title><link>{SHOW}</link>"
        f"<guid isPermaLink='false'>{base}/{slug}</guid>"
        f"<pubDate>Mon, 0{1 + i} Nov 2026 10:00:00 GMT</pubDate>"
        f"<description>{title}: the river rose on Monday.</description>"
        f"<enclosure url='{base}/{slug}.mp3' type='audio/mpeg' length='1000'/></item>"
        for i, (slug, title) in reversed(list(enumerate(episodes)))
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Pod Show'
        f"</title><link>{SHOW}</link>{entries}</channel></rss>"
    ).encode()


def episode_item(n: int, slug: str, title: str) -> dict[str, object]:
    """The server's item `n` of that podcast: the show page as its link, its mp3 enclosed."""
    story = {**item(n, "feed/2"), "title": title}
    story["canonical"] = [{"href": SHOW}]
    story["enclosure"] = [{"href": f"https://pod.example/{slug}.mp3", "type": "audio/mpeg"}]
    return story


def stored(db: Path) -> dict[str, tuple[str, list[str], bool]]:
    """Each article by its guid: title, enclosure URLs and whether it is read."""
    store = open_db(db)
    rows = store.execute("SELECT guid, title, links, read FROM articles").fetchall()
    store.conn.close()
    return {
        guid.removeprefix("guid:"): (
            title,
            [link["url"] for link in json.loads(links) if link.get("kind") == "enclosure"],
            bool(read),
        )
        for guid, title, links, read in rows
    }


def fetched_then_synced(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    there: list[tuple[int, str, str]],
) -> tuple[Path, dict]:
    """The podcast's Episodes 1-3 fetched here, Episode 1 read; then the first sync with a
    server listing the items `there` ((id, slug, title), in that order): the database and what
    the sync said."""
    episodes = [("ep1", "Episode 1: Rivers"), ("ep2", "Episode 2: Lakes"), ("ep3", "Episode 3")]
    feed_server.route("/pod.xml", body=podcast(episodes))
    url = feed_server.url("/pod.xml")
    plain = tmp_path / "plain.toml"
    plain.write_text(f'[settings]\nfulltext = false\n\n[[feeds]]\nname = "Pod"\nurl = "{url}"\n')
    db = tmp_path / "n.db"
    assert main(["--db", str(db), "--config", str(plain), "fetch"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "list", "--json"]) == 0
    ids = {r["title"]: r["id"] for r in json.loads(capsys.readouterr().out)}
    assert main(["--db", str(db), "mark", "--read", str(ids["Episode 1: Rivers"])]) == 0
    fake.api("/subscription/list", 200, {"subscriptions": [{**TWO, "url": url}]})
    items = [episode_item(n, slug, title) for n, slug, title in there]
    fake.api(f"/stream/contents/{READING}", 200, {"items": items})
    ids_answer(fake, [refs(*(n for n, _, _ in there))], [refs()])
    fake.api("/edit-tag", 200, b"OK")
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_S"\n')
    path.write_text(path.read_text() + f'\n[[feeds]]\nname = "Pod"\nurl = "{url}"\n')
    os.environ["PW_S"] = "pw"
    capsys.readouterr()
    assert main(["--db", str(db), "--config", str(path), "sync", "--json"]) == 0
    return db, json.loads(capsys.readouterr().out)


def pushed_read(fake: FakeGReader) -> list[str]:  # noqa: F811
    """The item ids the sync sent a read mark for."""
    return [
        i
        for path, form in fake.forms
        if path.endswith("/edit-tag") and form.get("a") == ["user/-/state/com.google/read"]
        for i in form.get("i", [])
    ]


def test_episodes_sharing_a_show_page_link_each_stay_themselves_at_the_first_sync(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # r33 H3: Episode 1 (read, ep1.mp3) became "Episode 3" with ep3.mp3, still read, and the
    # read mark went to the server's Episode 3.
    there = [
        (7, "ep1", "Episode 1: Rivers"),
        (8, "ep2", "Episode 2: Lakes"),
        (9, "ep3", "Episode 3"),
    ]
    db, report = fetched_then_synced(fake, feed_server, tmp_path, capsys, there)

    assert report["new"] == 0
    assert stored(db) == {
        "https://pod.example/ep1": ("Episode 1: Rivers", ["https://pod.example/ep1.mp3"], True),
        "https://pod.example/ep2": ("Episode 2: Lakes", ["https://pod.example/ep2.mp3"], False),
        "https://pod.example/ep3": ("Episode 3", ["https://pod.example/ep3.mp3"], False),
    }
    assert [int(i.rsplit("/", 1)[-1], 16) for i in pushed_read(fake)] == [7]  # Episode 1's item


def test_an_item_under_a_shared_link_whose_title_is_no_article_here_is_stored_apart(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # A duplicate beats a swap: no article here takes the title, enclosure or marks of an
    # episode it is not.
    there = [(7, "ep1", "Episode 1: Rivers"), (9, "ep4", "Episode 4: Seas")]
    db, report = fetched_then_synced(fake, feed_server, tmp_path, capsys, there)

    assert report["new"] == 1
    articles = stored(db)
    assert articles["https://pod.example/ep1"][0] == "Episode 1: Rivers"
    assert articles["https://pod.example/ep2"][:2] == (
        "Episode 2: Lakes",
        ["https://pod.example/ep2.mp3"],
    )
    assert articles["https://pod.example/ep3"][:2] == ("Episode 3", ["https://pod.example/ep3.mp3"])
    assert sorted(t for t, _, _ in articles.values()) == [
        "Episode 1: Rivers",
        "Episode 2: Lakes",
        "Episode 3",
        "Episode 4: Seas",
    ]
    assert [int(i.rsplit("/", 1)[-1], 16) for i in pushed_read(fake)] == [7]


def test_freshrss_pairs_a_podcasts_episodes_fetched_before_with_their_own_items(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    # r33 H3 as the user test found it: the server's Episode 3 was marked read, Episode 1 not.
    key = uuid.uuid4().hex[:8]
    base = f"https://pod.example/{key}"
    episodes = [("ep1", "Episode 1: Rivers"), ("ep2", "Episode 2: Lakes"), ("ep3", "Episode 3")]
    freshrss.feeds.route(
        f"/{key}.xml", body=podcast(episodes, base), headers={"Content-Type": "text/xml"}
    )
    url = freshrss.feeds.url(f"/{key}.xml")
    here = Here(tmp_path, freshrss, f'\n[[feeds]]\nname = "Pod {key}"\nurl = "{url}"\n')
    assert here.run("fetch", offline=True) == 3  # the feed is read; the sync server is not
    store = sqlite3.connect(here.db)
    first = store.execute("SELECT id FROM articles WHERE guid = ?", [f"guid:{base}/ep1"]).fetchone()
    store.close()
    assert main(["--db", str(here.db), "mark", "--read", str(first[0])]) == 0
    stream = device.subscribe(url)

    assert here.run("sync") == 0

    articles = {g: a for g, a in stored(here.db).items() if g.startswith(base)}
    assert articles == {
        f"{base}/ep1": ("Episode 1: Rivers", [f"{base}/ep1.mp3"], True),
        f"{base}/ep2": ("Episode 2: Lakes", [f"{base}/ep2.mp3"], False),
        f"{base}/ep3": ("Episode 3", [f"{base}/ep3.mp3"], False),
    }
    data = device.get("/stream/contents/" + stream, output="json", n="100").json()
    read = {i["title"]: Device.has(i, "read") for i in data["items"]}
    assert read == {"Episode 1: Rivers": True, "Episode 2: Lakes": False, "Episode 3": False}


def _read_here_then_synced(tmp_path: Path, stored: list[str], sent: list[str]):
    """Articles `stored` (titles) fetched here under one link, the first read; then a server page
    of items titled `sent` under that link: the articles after the sync, (title, read), and the
    read marks queued for the server."""
    from newstui.library import Library
    from newstui.model import Article, ArticleFilter, RemoteItem

    link = "https://news.example/story-1"
    with Library.open(tmp_path / "s.db") as library:
        feed = library.register_source(
            "https://news.example/rss", "Wire", url="https://news.example/rss"
        )
        library.save_batch(
            feed, [Article(t, "Summary.", guid=f"g{i}", url=link) for i, t in enumerate(stored)]
        )
        rows = library.articles(ArticleFilter(), limit=None)
        library.mark([next(r.id for r in rows if r.title == stored[0])], read=True)
        items = [
            RemoteItem(
                7 + i, "feed/2", 1, Article(t, "Summary.", url=link), read=False, starred=False
            )
            for i, t in enumerate(sent)
        ]
        library.sync.save_items(items, {"feed/2": feed})
        after = sorted((r.title, r.read) for r in library.articles(ArticleFilter(), limit=None))
        queued = library._db.execute("SELECT field, value FROM sync_queue").fetchall()
    return after, queued


def test_a_headline_edited_before_the_server_s_crawl_is_still_the_article_of_its_link(tmp_path):
    """A link one article has here and one item has on the server pairs them whatever the
    title: with titles required to agree, "Minister resigns" read here and the server's
    "Minister resigns after scandal" became two articles, the copy unread and the read mark
    never pushed (review r33 F2)."""
    after, queued = _read_here_then_synced(
        tmp_path, ["Minister resigns"], ["Minister resigns after scandal"]
    )
    assert after == [("Minister resigns after scandal", True)]
    assert queued == [("read", 1)]


def test_articles_sharing_a_link_are_still_told_apart_by_title(tmp_path):
    after, _ = _read_here_then_synced(tmp_path, ["Episode 1", "Episode 2"], ["Episode 2 (edited)"])
    assert after == [("Episode 1", True), ("Episode 2", False), ("Episode 2 (edited)", False)]


def test_one_episode_kept_here_does_not_take_another_episode_s_item_by_its_show_link(tmp_path):
    """One episode here under the show page's link (the others removed by keep_per_feed) and
    another alone on the server's page: by link alone the item rewrote it, H3's swap again
    (review r33, second pass on F2). Both enclose a file and none is the same: two episodes."""
    from newstui.library import Library
    from newstui.model import Article, ArticleFilter, Link, RemoteItem

    def episode(title: str, mp3: str) -> Article:
        enclosure = Link("audio/mpeg", f"https://pod.example/{mp3}", "enclosure")
        return Article(title, "Show notes.", guid=mp3, url=SHOW, links=[enclosure])

    with Library.open(tmp_path / "s.db") as library:
        feed = library.register_source(
            "https://pod.example/rss", "Pod", url="https://pod.example/rss"
        )
        library.save_batch(feed, [episode("Episode 1", "ep1.mp3")])
        library.mark([r.id for r in library.articles(ArticleFilter(), limit=None)], read=True)
        item = RemoteItem(
            9, "feed/2", 1, episode("Episode 2", "ep2.mp3"), read=False, starred=False
        )
        library.sync.save_items([item], {"feed/2": feed})
        after = sorted((r.title, r.read) for r in library.articles(ArticleFilter(), limit=None))
    assert after == [("Episode 1", True), ("Episode 2", False)]
