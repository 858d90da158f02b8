"""What one server does its own way (sync.servers): FreshRSS writes `& < >` in titles as
fullwidth `＆ ＜ ＞` (its compat mode); Miniflux sends them as they are."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newstui.cli import main
from newstui.sync.items import parse_item
from newstui.sync.servers import FRESHRSS, OTHER, server_ways
from tests.sync.test_client import FakeGReader, fake  # noqa: F401 (fixture)
from tests.sync.test_feed_copy_kept import sync
from tests.sync.test_retired_items import copy, serving

SHARED = "https://example.org/live"
TITLES = ("Q&A: rates <up> & down", "Q&A: what comes next")


def live_blog() -> bytes:
    """Two posts under one link (a live blog's page), with `&` and `<` in their titles."""
    entries = "".join(
        f"<item><title>{title.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}"
        f"</title><link>{SHARED}</link><guid isPermaLink='false'>p{n}</guid>"
        f"<pubDate>Mon, 0{2 + n} Nov 2026 10:00:00 GMT</pubDate>"
        f"<description>Post {n}: the minister said talks went well.</description></item>"
        for n, title in enumerate(TITLES)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Live</title>'
        f"<link>{SHARED}</link>{entries}</channel></rss>"
    ).encode()


def freshrss_title(title: str) -> str:
    return title.replace("&", "＆").replace("<", "＜").replace(">", "＞")


def test_freshrss_titles_under_a_shared_link_pair_with_the_feeds_articles_and_read_as_written(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The feed's two posts fetched here before sync; FreshRSS's copies carry fullwidth
    `＆ ＜ ＞`: under a shared link only the title tells the posts, so each is its post (no
    copy stored), and the titles read with `& < >`."""
    feed_server.route("/live.xml", body=live_blog())
    url = feed_server.url("/live.xml")
    db = tmp_path / "n.db"
    plain = tmp_path / "plain.toml"
    plain.write_text(f'[settings]\nfulltext = false\n\n[[feeds]]\nname = "Mine"\nurl = "{url}"\n')
    assert main(["--db", str(db), "--config", str(plain), "fetch"]) == 0
    items = [copy(n, SHARED, freshrss_title(t)) for n, t in enumerate(TITLES)]
    items[0]["author"] = "Smith ＆ Jones"

    report = sync(db, serving(fake, tmp_path, url, items), capsys)

    assert report["new"] == 0
    conn = sqlite3.connect(db)
    stored = conn.execute("SELECT title, author FROM articles ORDER BY title").fetchall()
    conn.close()
    assert [t for t, _ in stored] == sorted(TITLES)


def test_an_item_freshrss_sent_reads_with_its_signs_and_one_from_miniflux_as_sent() -> None:
    answer = {
        "id": "tag:google.com,2005:reader/item/0000000000000001",
        "title": "Q＆A: ＜b＞ rates",
        "author": "Smith ＆ Jones",
        "canonical": [{"href": "https://example.org/1"}],
        "origin": {"streamId": "feed/1"},
    }
    freshrss = parse_item(answer, FRESHRSS).article
    assert (freshrss.title, freshrss.author) == ("Q&A: <b> rates", "Smith & Jones")
    miniflux = parse_item(answer, OTHER).article  # (Miniflux sends a title as it is)
    assert (miniflux.title, miniflux.author) == ("Q＆A: ＜b＞ rates", "Smith ＆ Jones")


def test_freshrss_is_known_by_its_api_address() -> None:
    assert server_ways("https://rss.example/api/greader.php") is FRESHRSS
    assert server_ways("https://example.org/freshrss/p/api/greader.php/") is FRESHRSS
    assert server_ways("https://miniflux.example") is OTHER
    assert server_ways("https://example.org/miniflux/") is OTHER
