"""On the real FreshRSS: another user following the same feed, whose feed got more items than
the probe asks for since this store (not remembering its account) last synced, is another
account, not the same one whose items expired (review r31 H1: his copies of the stored articles
were stored a second time)."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.sync.conftest import FreshRSS, rss
from tests.sync.test_freshrss_switch import Store, a_feed, new_user, on_server, synced_as


def _the_feed_goes_on(freshrss: FreshRSS, user: str, url: str, title: str) -> None:
    """25 more items in a_feed's feed (28 in all), fetched now by `user`'s FreshRSS."""
    key = url.rsplit("/", 1)[1].removesuffix(".xml")
    items = [(f"story-{i}", f"Story {key} number {i}") for i in range(28)]
    freshrss.feeds.route(
        f"/{key}.xml",
        body=rss(title, items[::-1], f"https://example.org/{key}"),
        headers={"Content-Type": "text/xml"},
    )
    on_server(freshrss, user, "UPDATE feed SET lastUpdate = 0")
    for cached in (freshrss.folder / "data" / "cache").glob("*.spc"):
        cached.unlink()
    subprocess.run(
        ["php", "cli/actualize-user.php", "--user", user],
        cwd=freshrss.folder,
        check=True,
        capture_output=True,
        timeout=300,
    )


def _stored_twice(store: Store) -> list[tuple[str, int]]:
    con = sqlite3.connect(store.db)
    twice = con.execute(
        "SELECT url, count(*) FROM articles GROUP BY url HAVING count(*) > 1"
    ).fetchall()
    con.close()
    return twice


def test_another_user_of_the_same_feed_with_many_newer_items_is_not_taken_for_expired(
    tmp_path: Path, freshrss: FreshRSS, capsys: pytest.CaptureFixture[str]
) -> None:
    alice, alices = new_user(freshrss)
    url, title, _links = a_feed(freshrss)
    alices.subscribe(url)
    store = synced_as(tmp_path, freshrss, alice, capsys)
    bob, bobs = new_user(freshrss)
    bobs.subscribe(url)  # bob has the 3 stored articles under his own ids
    _the_feed_goes_on(freshrss, bob, url, title)  # (bob's newest 20 are all new)
    store.use(bob)

    report = store.report(capsys)

    assert (report["switch"], report["expired"], _stored_twice(store)) == ("unknown", 0, [])


def test_the_same_account_whose_items_expired_under_many_newer_ones_is_still_expired(
    tmp_path: Path, freshrss: FreshRSS, capsys: pytest.CaptureFixture[str]
) -> None:
    # alice's feed got 25 more items and her FreshRSS dropped the 3 stored here: its oldest 20
    # (asked with r=o, a full page oldest first) are none of them, so nothing is forgotten.
    alice, alices = new_user(freshrss)
    url, title, links = a_feed(freshrss)
    alices.subscribe(url)
    store = synced_as(tmp_path, freshrss, alice, capsys)
    before = store.articles()
    _the_feed_goes_on(freshrss, alice, url, title)
    on_server(freshrss, alice, "DELETE FROM entry WHERE link IN (?, ?, ?)", *links)

    report = store.report(capsys)

    assert (report["switch"], report["feeds_removed"], report["new"]) == (None, [], 25)
    assert report["expired"] == 1
    assert _stored_twice(store) == []
    assert set(before) <= set(store.articles())
