"""A server item without a title gets one made from its text (or "(untitled)") to be shown; that
made-up title is no evidence of which entry it is, nor a title for an article it is paired with
(review r34 S0; closing r34: link-alone pairing could give it the feed's article)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newstui.cli.main import main
from tests.sync.test_client import FakeGReader, fake  # noqa: F401 (fixture)
from tests.sync.test_feed_copy_kept import sync
from tests.sync.test_retired_items import WIRE, copy, serving, wire

SHOW = "https://pod.example/show/"


def fetched(feed_server, tmp_path: Path, body: bytes, read: bool = False) -> tuple[Path, str]:
    """The feed fetched here before sync (every article read when `read`): database, feed URL."""
    feed_server.route("/feed.xml", body=body)
    url = feed_server.url("/feed.xml")
    db = tmp_path / "n.db"
    plain = tmp_path / "plain.toml"
    plain.write_text(f'[settings]\nfulltext = false\n\n[[feeds]]\nname = "Mine"\nurl = "{url}"\n')
    assert main(["--db", str(db), "--config", str(plain), "fetch"]) == 0
    if read:
        conn = sqlite3.connect(db)
        with conn:
            conn.execute("UPDATE articles SET read = 1")
        conn.close()
    return db, url


def rows(db: Path) -> list[tuple[str, int, str]]:
    conn = sqlite3.connect(db)
    found = conn.execute("SELECT title, read, links FROM articles ORDER BY id").fetchall()
    conn.close()
    return found


def test_an_untitled_episode_is_not_taken_for_another_untitled_episode_by_its_made_up_title(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Episode 1 (no title, no notes, its own file, the show's page as link) read here; the
    server's one item is episode 2 (no title, no notes, another file): both titles are made up
    ("(untitled)"), so they do not make one entry of two episodes."""
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Pod</title>'
        f"<link>{SHOW}</link><item><link>{SHOW}</link><guid isPermaLink='false'>ep1</guid>"
        "<enclosure url='https://pod.example/ep1.mp3' type='audio/mpeg' length='20480'/>"
        "</item></channel></rss>"
    ).encode()
    db, url = fetched(feed_server, tmp_path, body, read=True)
    episode = copy(2, SHOW, "", enclosure="https://pod.example/ep2.mp3")
    episode.pop("summary")

    report = sync(db, serving(fake, tmp_path, url, [episode]), capsys)

    assert (report["new"], report["pushed"]) == (1, 0)
    found = rows(db)
    assert [(title, read) for title, read, _ in found] == [("(untitled)", 1), ("(untitled)", 0)]
    assert "ep1.mp3" in found[0][2] and "ep2.mp3" in found[1][2]


def test_an_item_without_a_title_leaves_the_feeds_title_to_the_article_it_is(
    fake: FakeGReader,  # noqa: F811
    feed_server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Review r34 S0: the server's copy of "Story 1" without a title is that article (its link
    is one article's and one item's), and "Story 1" stays its title (it became "Story 1: the
    minister said talks went well.", the item's text's first line)."""
    db, url = fetched(feed_server, tmp_path, wire())
    items = [copy(n, f"{WIRE}/{n}", f"Story {n}") for n in range(1, 5)]
    items[0]["title"] = ""
    items[0]["summary"] = {"content": "<p>Story 1: the minister said talks went well.</p>"}

    report = sync(db, serving(fake, tmp_path, url, items), capsys)

    assert report["new"] == 0
    assert sorted(title for title, _, _ in rows(db)) == [f"Story {n}" for n in range(1, 5)]
