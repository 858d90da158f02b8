"""The first sync of a feed fetched here keeps the articles this store fetched from the feed
itself: the server's copy of an item (FreshRSS adds a "💾" link to its enclosure and drops
`itunes:duration`) gives them only its id and marks, and nothing is counted "updated"
(user test r33 M6)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.store import open_db
from tests.sync.test_client import FakeGReader, fake, sync_config  # noqa: F401 (fixture)
from tests.sync.test_sync_states import READING, TWO, ids_answer, item, refs

SHOW = "https://pod.example/show/"


def podcast(text: str = "Show notes 1") -> bytes:
    """A one-episode podcast by Jane Doe whose enclosure has a duration (12:33)."""
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Pod Show'
        f"</title><link>{SHOW}</link><item><title>Episode 1</title>"
        "<link>https://pod.example/ep1</link><guid isPermaLink='false'>ep1</guid>"
        "<pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate><dc:creator>Jane Doe</dc:creator>"
        f"<description>{text}</description><itunes:duration>12:33</itunes:duration>"
        "<enclosure url='https://pod.example/ep1.mp3' type='audio/mpeg' length='20480'/>"
        "</item></channel></rss>"
    ).encode()


def server_copy(n: int, text: str, *states: str) -> dict[str, object]:
    """FreshRSS's copy of the episode: its enclosure without duration, and the 💾 link to it
    added to the text (no author or date: item() gives none)."""
    story = {**item(n, "feed/2", *states), "title": "Episode 1"}
    story["canonical"] = [{"href": "https://pod.example/ep1"}]
    story["summary"] = {
        "content": f'<p>{text}</p><p><a href="https://pod.example/ep1.mp3">💾</a></p>'
    }
    story["enclosure"] = [
        {"href": "https://pod.example/ep1.mp3", "type": "audio/mpeg", "length": "20480"}
    ]
    return story


def article(db: Path) -> tuple[str, list[dict[str, object]], bool]:
    """The one article's text, links and starred mark."""
    store = open_db(db)
    rows = store.execute("SELECT text, links, starred FROM articles").fetchall()
    store.conn.close()
    assert len(rows) == 1
    return rows[0][0], json.loads(rows[0][1]), bool(rows[0][2])


def sync(db: Path, config: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["--db", str(db), "--config", str(config), "sync", "--json"]) == 0
    report: dict[str, object] = json.loads(capsys.readouterr().out)
    return report


def fetched_here(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    items: list[dict[str, object]],
) -> tuple[Path, Path]:
    """The podcast fetched here, then a config syncing with a server whose items are `items`:
    the database and that config."""
    feed_server.route("/pod.xml", body=podcast())
    url = feed_server.url("/pod.xml")
    db = tmp_path / "n.db"
    plain = tmp_path / "plain.toml"
    plain.write_text(f'[settings]\nfulltext = false\n\n[[feeds]]\nname = "Pod"\nurl = "{url}"\n')
    assert main(["--db", str(db), "--config", str(plain), "fetch"]) == 0
    fake.api("/subscription/list", 200, {"subscriptions": [{**TWO, "url": url}]})
    fake.api(f"/stream/contents/{READING}", 200, {"items": items})
    ids_answer(fake, [refs(*(int(str(i["id"]).rsplit("/", 1)[1], 16) for i in items))], [refs()])
    fake.api("/edit-tag", 200, b"OK")
    path = sync_config(tmp_path, f'url = "{fake.base}"\nuser = "alice"\npassword_env = "PW_S"\n')
    path.write_text(path.read_text() + f'\n[[feeds]]\nname = "Pod"\nurl = "{url}"\n')
    os.environ["PW_S"] = "pw"
    return db, path


@pytest.fixture
def fetched(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> Callable[..., tuple[Path, Path]]:
    """fetched_here with the server's copy of the episode as its one item, id 7, with the
    states given ("starred"): the database and the sync's config."""

    def copy_fetched(*states: str) -> tuple[Path, Path]:
        items = [server_copy(7, "Show notes 1", *states)]
        return fetched_here(fake, feed_server, tmp_path, capsys, items)

    return copy_fetched


def test_the_first_sync_keeps_the_text_and_enclosure_fetched_from_the_feed(
    fetched: Callable[..., tuple[Path, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, config = fetched("starred")
    before = article(db)
    assert before[1][0]["duration"] == 753  # 12:33

    report = sync(db, config, capsys)

    assert (report["new"], report["updated"]) == (0, 0)
    text, links, starred = article(db)
    assert (text, links) == before[:2]  # no "💾", the duration kept
    assert starred  # the server's mark is taken
    # (a feed the server has is not fetched here any more: the item is its only copy now)
    assert sync(db, config, capsys)["updated"] == 0  # the item sent again, unchanged
    assert article(db)[:2] == before[:2]


def test_the_first_sync_keeps_the_author_and_date_the_servers_copy_lacks(
    fetched: Callable[..., tuple[Path, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    # The pairing gave the article the item's author and date, which FreshRSS's copy may not
    # have: Jane Doe went, and the episode moved to the day it was fetched (r33 sync4's note).
    db, config = fetched()

    sync(db, config, capsys)

    store = open_db(db)
    row = store.execute("SELECT author, published, sort_date FROM articles").fetchone()
    store.conn.close()
    assert tuple(row) == ("Jane Doe", "2026-11-02T10:00:00+00:00", "2026-11-02T10:00:00+00:00")


def test_the_server_resending_that_item_changed_updates_it_as_any_item(
    fetched: Callable[..., tuple[Path, Path]],
    fake: FakeGReader,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, config = fetched()
    sync(db, config, capsys)
    changed = server_copy(7, "Show notes 1, edited")
    changed["crawlTimeMsec"] = str(1000 * 8 * 1000)
    fake.api(f"/stream/contents/{READING}", 200, {"items": [changed]})

    report = sync(db, config, capsys)

    assert report["updated"] == 1
    assert article(db)[0].startswith("Show notes 1, edited")


def test_an_article_fetched_without_text_takes_the_servers(
    fetched: Callable[..., tuple[Path, Path]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, config = fetched()
    store = open_db(db)
    store.execute("UPDATE articles SET text = '', summary = ''")
    store.conn.commit()
    store.conn.close()

    report = sync(db, config, capsys)

    assert report["updated"] == 1
    text, links, _ = article(db)
    assert text.startswith("Show notes 1")
    assert links[0]["duration"] == 753  # its own enclosure still
