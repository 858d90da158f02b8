"""A subscription the server reports at a new URL (changed in its web UI, or a 301 it followed)
is the same source here: it takes the new URL and keeps its articles and marks, a later fetch
of the feed asks the new URL, and a source here that had that URL already is merged with it,
none of either's articles lost, in one line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newstui.cli.main import main
from tests.conftest import FeedServer, feed_server  # noqa: F401 (fixture)
from tests.sync.conftest import rss
from tests.sync.test_account_switch import _titles
from tests.sync.test_client import FakeGReader, fake  # noqa: F401 (fixture)
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


def _sources(db: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    capsys.readouterr()
    assert main([*db, "feeds", "--json"]) == 0
    return {f["name"]: f["url"] for f in json.loads(capsys.readouterr().out)}


def _rows(db: list[str], capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main([*db, "list", "--all", "--json"]) == 0
    rows: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return rows


def _by_feed(db: list[str], capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str]]:
    return sorted((str(r["feed"]), str(r["title"])) for r in _rows(db, capsys))


def _mark_here(db: list[str], capsys: pytest.CaptureFixture[str], server: FakeGReader) -> None:
    """Item 1 read and Item 2 starred here, pushed."""
    ids = _titles(db, capsys)
    assert main([*db, "mark", "--read", str(ids["Item 1"])]) == 0
    assert main([*db, "mark", "--star", str(ids["Item 2"])]) == 0
    server.api("/edit-tag", 200, b"OK")
    server.items = {
        1: item(1, "feed/1", "read"),
        2: item(2, "feed/1", "starred"),
        3: server.items[3],
    }
    ids_answer(server, [refs(2, 3)], [refs(2, 3)])
    assert main([*db, "sync"]) == 0


def _my_one_listed(synced: list[str], then: str) -> Path:  # noqa: F811
    """feeds.toml lists One's URL as "My One", and a `then` ("sync", "fetch") registers the
    entry: the config file."""
    config = Path(synced[3])
    config.write_text(config.read_text() + f'\n[[feeds]]\nname = "My One"\nurl = "{ONE["url"]}"\n')
    assert main([*synced, then]) == 0
    return config


def _one_moved(fake: FakeGReader, url: str) -> None:  # noqa: F811
    """The server lists One at `url`."""
    fake.api("/subscription/list", 200, {"subscriptions": [{**ONE, "url": url}, TWO]})


def _said_one_moved(synced: list[str], capsys, fake: FakeGReader, url: str) -> bool:  # noqa: F811
    """Whether a sync says My One moved to `url` (from One's URL)."""
    capsys.readouterr()
    assert main([*synced, "sync"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    return f"My One moved to {url} on {fake.server} (it was {ONE['url']})" in out


def test_a_feed_the_server_moved_takes_its_new_url_and_a_later_fetch_asks_that_one(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    feed_server: FeedServer,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Before, One kept https://example.org/one: `feeds` and `opml export` gave the old URL, and
    # the feed listed by the URL `feeds` gave, once [sync] was left, was another source.
    _mark_here(synced, capsys, fake)
    new = feed_server.url("/one-new")
    feed_server.route("/one-new", body=rss("One", [("later", "A later story")]))
    fake.api("/subscription/list", 200, {"subscriptions": [{**ONE, "url": new}, TWO]})
    capsys.readouterr()

    assert main([*synced, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert (report["new"], report["feeds_added"], report["feeds_removed"]) == (0, [], [])
    assert _sources(synced, capsys) == {"One": new, "Two": TWO["url"]}
    assert report["feeds_moved"] == [
        {"name": "One", "from": ONE["url"], "to": new, "merged_with": None, "kept": None}
    ]
    assert marks(synced, capsys) == {
        "Item 1": "",
        "Item 2": "unread starred",
        "Item 3": "unread starred",
    }
    # The user leaves the server and lists the feed by the URL `feeds` gives: the same source.
    config = Path(synced[3])
    text = config.read_text().split("[sync]")[0]
    config.write_text(f'{text}[[feeds]]\nurl = "{new}"\n')
    capsys.readouterr()
    assert main([*synced, "fetch"]) == 0
    assert feed_server.routes["/one-new"].hits == 1
    # Two, only the server's subscription, left with [sync]: set aside (user test r35 L7)
    assert f"Two is no longer in {config}: its 1 article is kept until" in capsys.readouterr().out
    assert _sources(synced, capsys) == {"One": new}
    assert _by_feed(synced, capsys) == [
        ("One", "A later story"),
        ("One", "Item 1"),
        ("One", "Item 2"),
        ("Two", "Item 3"),  # (kept, set aside: listed as a set-aside feed's articles are)
    ]


def test_the_sync_line_says_the_feed_moved(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    new = "https://example.org/one-new"
    fake.api("/subscription/list", 200, {"subscriptions": [{**ONE, "url": new}, TWO]})
    capsys.readouterr()

    assert main([*synced, "sync"]) == 0

    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert f"One moved to {new} on {fake.server} (it was {ONE['url']})" in " ".join(out.split())


def test_a_feed_moved_onto_the_url_of_a_feed_fetched_here_is_merged_with_it_nothing_lost(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    feed_server: FeedServer,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # feeds.toml lists the new URL as "Mine", fetched here (not on the server), one story starred.
    # Before, One kept the old URL and was renamed "Mine (2)"; Mine was still fetched directly,
    # so its stories and the server's came in two sources.
    new = feed_server.url("/mine")
    route = feed_server.route("/mine", body=rss("Mine", [("a", "Story A"), ("1", "Item 1")]))
    config = Path(synced[3])
    config.write_text(config.read_text() + f'\n[[feeds]]\nname = "Mine"\nurl = "{new}"\n')
    assert main([*synced, "fetch"]) == 0
    ids = _titles(synced, capsys)
    assert main([*synced, "mark", "--star", str(ids["Story A"])]) == 0
    assert route.hits == 1
    _mark_here(synced, capsys, fake)
    fake.api("/subscription/list", 200, {"subscriptions": [{**ONE, "url": new}, TWO]})
    twin = next(  # Mine's copy of Item 1, which goes: its download follows it
        r["id"] for r in _rows(synced, capsys) if (r["feed"], r["title"]) == ("Mine", "Item 1")
    )
    con = sqlite3.connect(synced[1])
    con.execute(
        "INSERT INTO downloads (url, article_id, path, queued_at) VALUES (?, ?, ?, ?)",
        ["https://example.org/1.mp3", twin, "/tmp/1.mp3", "2026-12-05T00:00:00+00:00"],
    )
    con.commit()
    con.close()
    capsys.readouterr()

    assert main([*synced, "sync", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    assert _sources(synced, capsys) == {"Mine": new, "Two": TWO["url"]}
    assert report["feeds_moved"] == [
        {"name": "Mine", "from": ONE["url"], "to": new, "merged_with": "Mine", "kept": None}
    ]
    assert report["feeds_removed"] == []
    assert _by_feed(synced, capsys) == [  # (Mine's "Item 1" is the server's Item 1: one article)
        ("Mine", "Item 1"),
        ("Mine", "Item 2"),
        ("Mine", "Story A"),
        ("Two", "Item 3"),
    ]
    assert marks(synced, capsys) == {
        "Item 1": "",
        "Item 2": "unread starred",
        "Story A": "unread starred",
        "Item 3": "unread starred",
    }
    ids = _titles(synced, capsys)
    con = sqlite3.connect(synced[1])
    assert con.execute("SELECT article_id FROM downloads").fetchall() == [(ids["Item 1"],)]
    con.close()
    assert main([*synced, "fetch"]) == 0  # (on the server now: not fetched here too)
    assert route.hits == 1
    assert len(_by_feed(synced, capsys)) == 4


def test_the_merge_is_said_in_one_line(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    feed_server: FeedServer,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    new = feed_server.url("/mine")
    feed_server.route("/mine", body=rss("Mine", [("a", "Story A")]))
    config = Path(synced[3])
    config.write_text(config.read_text() + f'\n[[feeds]]\nname = "Mine"\nurl = "{new}"\n')
    assert main([*synced, "fetch"]) == 0
    fake.api("/subscription/list", 200, {"subscriptions": [{**ONE, "url": new}, TWO]})
    capsys.readouterr()

    assert main([*synced, "sync"]) == 0

    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert (
        f"One moved to {new} on {fake.server} (it was {ONE['url']}), the URL of Mine here: "
        "now one source, Mine, with the articles of both"
    ) in " ".join(out.split())


def test_a_feed_listed_in_feeds_toml_keeps_its_url_and_name_there_and_the_line_says_so(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # feeds.toml lists One's old URL as "My One": newstui does not rewrite the file, so the
    # source keeps that URL (a later fetch of the entry would else be another source). Before,
    # it also lost its name ("One", the server's title) and its tag.
    config = Path(synced[3])
    one = ONE["url"]
    config.write_text(
        config.read_text() + f'\n[[feeds]]\nname = "My One"\nurl = "{one}"\ntags = ["mine"]\n'
    )
    assert main([*synced, "sync"]) == 0
    new = "https://example.org/one-new"
    fake.api("/subscription/list", 200, {"subscriptions": [{**ONE, "url": new}, TWO]})
    capsys.readouterr()

    assert main([*synced, "sync"]) == 0

    out = " ".join(capsys.readouterr().out.split())
    assert (
        f"My One moved to {new} on {fake.server} (it was {one}); {config} lists it at {one}: "
        "kept there (change its url to follow)"
    ) in out
    assert _sources(synced, capsys) == {"My One": one, "Two": TWO["url"]}
    assert main([*synced, "feeds", "--json"]) == 0
    tags = {f["name"]: f["tags"] for f in json.loads(capsys.readouterr().out)}
    assert tags["My One"] == ["mine"]


def test_a_feed_moved_onto_the_url_of_another_subscription_keeps_its_own(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The server lists two subscriptions at Two's URL: they are not made one source here.
    fake.api("/subscription/list", 200, {"subscriptions": [{**ONE, "url": TWO["url"]}, TWO]})
    capsys.readouterr()

    assert main([*synced, "sync"]) == 0

    out = " ".join(capsys.readouterr().out.split())
    assert (
        f"One moved to {TWO['url']} on {fake.server} (it was {ONE['url']}), the URL of Two here, "
        f"another of its subscriptions: kept at {ONE['url']}"
    ) in out
    assert _sources(synced, capsys) == {"One": ONE["url"], "Two": TWO["url"]}
    assert _by_feed(synced, capsys) == [("One", "Item 1"), ("One", "Item 2"), ("Two", "Item 3")]


def test_a_feed_listed_in_feeds_toml_follows_once_its_url_is_changed_there_nothing_lost(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Before, the fetch removed My One as an entry gone from feeds.toml, before the sync: "2
    # articles deleted"; the server's unread and starred items came again as new articles, and
    # Item 1, read, was lost.
    config, one = _my_one_listed(synced, "fetch"), ONE["url"]
    new = "https://example.org/one-new"
    _one_moved(fake, new)
    assert main([*synced, "fetch"]) == 0
    _mark_here(synced, capsys, fake)  # (Item 1 read: the server lists it in no set)
    before = _titles(synced, capsys)
    config.write_text(config.read_text().replace(f'url = "{one}"', f'url = "{new}"'))
    capsys.readouterr()

    assert main([*synced, "fetch"]) == 0

    out = capsys.readouterr().out
    assert "removed" not in out
    assert _sources(synced, capsys) == {"My One": new, "Two": TWO["url"]}
    assert _titles(synced, capsys) == before  # (the same articles: read Item 1 too)
    assert marks(synced, capsys) == {
        "Item 1": "",
        "Item 2": "unread starred",
        "Item 3": "unread starred",
    }


def test_a_move_kept_at_the_url_feeds_toml_lists_is_said_once(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # r33 L9: the line came again at every fetch, sync, add and app refresh until feeds.toml
    # was edited. It is said once a move; the server moving it again is said again.
    _my_one_listed(synced, "sync")
    one = ONE["url"]
    _one_moved(fake, "https://example.org/one-new")
    assert main([*synced, "sync"]) == 0
    capsys.readouterr()

    assert main([*synced, "sync", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["feeds_moved"] == []
    assert main([*synced, "sync"]) == 0
    assert "moved" not in capsys.readouterr().out

    newer = "https://example.org/one-newer"
    _one_moved(fake, newer)
    assert _said_one_moved(synced, capsys, fake, newer)
    assert _sources(synced, capsys) == {"My One": one, "Two": TWO["url"]}


def test_a_move_kept_at_its_url_is_said_by_the_next_sync_when_the_one_that_found_it_failed(
    fake: FakeGReader,  # noqa: F811
    synced: list[str],  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The move was remembered as said when the subscriptions were applied: a sync that failed
    # after that (the server's items unreachable) said only its error, and no later sync said
    # the move (r33 sync4's note).
    _my_one_listed(synced, "sync")
    new = "https://example.org/one-new"
    _one_moved(fake, new)
    fake.api(f"/stream/contents/{READING}", 503, b"")
    capsys.readouterr()

    assert main([*synced, "sync"]) != 0

    assert "moved" not in capsys.readouterr().out
    fake.api(f"/stream/contents/{READING}", 200, {"items": []})
    assert _said_one_moved(synced, capsys, fake, new)
    assert not _said_one_moved(synced, capsys, fake, new)  # (said once)
