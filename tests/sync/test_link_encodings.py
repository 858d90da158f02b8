"""A link is one link however its characters are written: an article a feed gave as
`…/Wanda_Vázquez` is the server item `…/Wanda_V%C3%A1zquez` (FreshRSS sends links as URIs), and
the other way round; links that really differ (`a%2Fb` and `a/b`) stay two articles."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest

from newstui.cli.main import main
from tests.sync.conftest import Device, FreshRSS, rss
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_freshrss import Here
from tests.sync.test_freshrss import password as password
from tests.sync.test_sync_states import (  # noqa: F401 (fixture)
    ONE,
    READING,
    TWO,
    ids_answer,
    item,
    marks,
    refs,
    synced,
)

RAW = "https://en.wikinews.org/wiki/Wanda_Vázquez_becomes_governor"
ENCODED = "https://en.wikinews.org/wiki/Wanda_V%C3%A1zquez_becomes_governor"
RAW_2 = "https://en.wikinews.org/wiki/Vlada_Stamenković"
ENCODED_2 = "https://en.wikinews.org/wiki/Vlada_Stamenkovi%c4%87"  # (lower-case escapes)


def feed(links: list[tuple[str, str]]) -> bytes:
    """An RSS document with (title, link) items whose guids are not their links."""
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid isPermaLink='false'>g{i}</guid>"
        f"<pubDate>Mon, 0{1 + i} Nov 2026 10:00:00 GMT</pubDate>"
        f"<description>{title}: the court ruled on Monday.</description></item>"
        for i, (title, link) in enumerate(links)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wiki</title>'
        f"<link>https://en.wikinews.org/</link>{entries}</channel></rss>"
    ).encode()


def fetched_then_synced(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    here: list[tuple[str, str]],
    there: list[str],
) -> tuple[list[str], dict]:
    """Articles fetched from a feed with links `here` (one marked read, one starred), then a
    sync with a server whose items of that feed have the links `there`: the database and what
    the sync said."""
    feed_server.route("/wiki", body=feed(here))
    url = feed_server.url("/wiki")
    plain = tmp_path / "plain.toml"
    plain.write_text(f'[settings]\nfulltext = false\n\n[[feeds]]\nname = "Wiki"\nurl = "{url}"\n')
    db = ["--db", str(tmp_path / "n.db")]
    assert main([*db, "--config", str(plain), "fetch"]) == 0
    capsys.readouterr()
    assert main([*db, "list", "--json"]) == 0
    ids = [r["id"] for r in sorted(json.loads(capsys.readouterr().out), key=lambda r: r["title"])]
    assert main([*db, "mark", "--read", str(ids[0])]) == 0
    assert main([*db, "mark", "--star", str(ids[1])]) == 0
    fake.api("/subscription/list", 200, {"subscriptions": [{**TWO, "url": url}]})
    stories = []
    for n, ((title, _), link) in enumerate(zip(here, there, strict=True), 7):
        story = {**item(n, "feed/2"), "title": title}
        story["canonical"] = [{"href": link}]
        stories.append(story)
    fake.api(f"/stream/contents/{READING}", 200, {"items": stories})
    ids_answer(fake, [refs(*range(7, 7 + len(stories)))], [refs()])
    fake.api("/edit-tag", 200, b"OK")
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_S"\n')
    path.write_text(path.read_text() + f'\n[[feeds]]\nname = "Wiki"\nurl = "{url}"\n')
    os.environ["PW_S"] = "pw"
    capsys.readouterr()
    assert main([*db, "--config", str(path), "sync", "--json"]) == 0
    return db, json.loads(capsys.readouterr().out)


def test_a_percent_encoded_item_is_the_article_the_feed_gave_with_accents(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # It said "2 new": the two articles were stored twice, their marks on one copy only.
    db, report = fetched_then_synced(
        fake,
        feed_server,
        tmp_path,
        capsys,
        [("A Pierluisi removed", RAW), ("B Martian brines", RAW_2)],
        [ENCODED, ENCODED_2],
    )

    assert (report["new"], report["pushed"]) == (0, 2)  # the read mark and the star, sent
    assert marks(db, capsys) == {"A Pierluisi removed": "", "B Martian brines": "unread starred"}


def test_an_item_with_accents_is_the_article_the_feed_gave_percent_encoded(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, report = fetched_then_synced(
        fake,
        feed_server,
        tmp_path,
        capsys,
        [("A Pierluisi removed", ENCODED), ("B Martian brines", ENCODED_2)],
        [RAW, RAW_2.replace("https://en.wikinews.org", "https://EN.Wikinews.org")],
    )

    assert report["new"] == 0
    assert marks(db, capsys) == {"A Pierluisi removed": "", "B Martian brines": "unread starred"}


def test_links_that_differ_by_more_than_their_writing_stay_two_articles(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, report = fetched_then_synced(
        fake,
        feed_server,
        tmp_path,
        capsys,
        [("A slash", "https://example.org/a/b"), ("B query", "https://example.org/s?a=1&b=2")],
        ["https://example.org/a%2Fb", "https://example.org/s?b=2&a=1"],
    )

    assert report["new"] == 2
    capsys.readouterr()
    assert main([*db, "list", "--all", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 4


def test_a_feed_fetched_after_a_sync_stored_its_links_encoded_adds_no_copy(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The fetch's own dedup: the synced article has the server's item key and its link as a
    # URI; the feed read itself (sync left out of the config) gives its guid and the IRI.
    feed_server.route("/wiki", body=feed([("A Pierluisi removed", RAW)]))
    url = feed_server.url("/wiki")
    fake.api("/subscription/list", 200, {"subscriptions": [{**TWO, "url": url}]})
    story = {**item(7, "feed/2"), "title": "A Pierluisi removed"}
    story["canonical"] = [{"href": ENCODED}]
    fake.api(f"/stream/contents/{READING}", 200, {"items": [story]})
    ids_answer(fake, [refs(7)], [refs()])
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_S"\n')
    os.environ["PW_S"] = "pw"
    db = ["--db", str(tmp_path / "n.db")]
    assert main([*db, "--config", str(path), "sync"]) == 0
    assert marks(db, capsys) == {"A Pierluisi removed": "unread"}
    plain = tmp_path / "plain.toml"
    plain.write_text(f'[settings]\nfulltext = false\n\n[[feeds]]\nname = "Wiki"\nurl = "{url}"\n')

    assert main([*db, "--config", str(plain), "fetch"]) == 0

    capsys.readouterr()
    assert main([*db, "list", "--all", "--json"]) == 0
    assert [r["title"] for r in json.loads(capsys.readouterr().out)] == ["A Pierluisi removed"]


def test_freshrss_sends_accented_links_encoded_and_they_are_the_articles_fetched_before(
    tmp_path: Path, freshrss: FreshRSS, device: Device, capsys: pytest.CaptureFixture[str]
) -> None:
    # r32 H2: "synced: 2 new, 28 updated" and the feed went 30 -> 32 articles.
    key = uuid.uuid4().hex[:8]
    links = [
        ("Wanda", f"https://en.wikinews.org/{key}/Wanda_Vázquez"),
        ("Vlada", f"https://en.wikinews.org/{key}/Vlada_Stamenković"),
        ("Naive", f"https://example.org/{key}/na%c3%afve"),
        ("Buecher", f"https://bücher.example/{key}"),
        ("Query", f"https://example.org/{key}?q=über"),
        ("Plain", f"https://example.org/{key}/plain"),
    ]
    freshrss.feeds.route(f"/{key}.xml", body=feed(links), headers={"Content-Type": "text/xml"})
    url = freshrss.feeds.url(f"/{key}.xml")
    here = Here(tmp_path, freshrss, f'\n[[feeds]]\nname = "Wiki {key}"\nurl = "{url}"\n')
    assert here.run("fetch", offline=True) == 3  # the feed is read; the sync server is not
    assert len(here.articles(f"Wiki {key}")) == 6
    stream = device.subscribe(url)
    sent = set(device.items(stream))
    assert f"https://en.wikinews.org/{key}/Wanda_V%C3%A1zquez" in sent  # (as in r32 H2)

    assert here.run("sync") == 0  # (other tests' subscriptions come too: the account is shared)

    stored = here.articles(f"Wiki {key}")
    assert len(stored) == 6
    assert set(stored) == sent  # each the server's item, its link as the server gives it


def test_a_feed_moved_onto_a_source_here_keeps_one_article_of_a_link_written_otherwise(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    feed_server,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The server's One moves to the URL of "Mine", fetched here, whose Item 1 links to
    # https://EXAMPLE.ORG/1, the server's https://example.org/1: merged, they were two.
    new = feed_server.url("/mine")
    feed_server.route("/mine", body=rss("Mine", [("1", "Item 1")], "https://EXAMPLE.ORG"))
    config = Path(synced[3])
    config.write_text(config.read_text() + f'\n[[feeds]]\nname = "Mine"\nurl = "{new}"\n')
    assert main([*synced, "fetch"]) == 0
    fake.api("/subscription/list", 200, {"subscriptions": [{**ONE, "url": new}, TWO]})

    assert main([*synced, "sync"]) == 0

    capsys.readouterr()
    assert main([*synced, "list", "--all", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted((r["feed"], r["title"]) for r in rows) == [
        ("Mine", "Item 1"),
        ("Mine", "Item 2"),
        ("Two", "Item 3"),
    ]
