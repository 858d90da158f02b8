"""The order Sources and `newstui feeds` list feeds in: by name as a reader counts."""

from __future__ import annotations

from newstui.store import open_db
from newstui.store.feeds import ensure_feed, list_feeds


def test_feeds_are_listed_with_the_numbers_in_their_names_in_order(tmp_path):
    # user test r31 L1: "News Desk 1, News Desk 10 … News Desk 19, News Desk 2"
    db = open_db(tmp_path / "n.db")
    for name in ("News Desk 10", "news desk 2", "Atom Lab", "News Desk 1", "News Desk 19"):
        ensure_feed(db, f"https://x.example/{name}", name, url=f"https://x.example/{name}")
    assert [row.name for row in list_feeds(db)] == [
        "Atom Lab",
        "News Desk 1",
        "news desk 2",
        "News Desk 10",
        "News Desk 19",
    ]
    db.conn.close()
