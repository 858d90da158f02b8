"""The order Sources and `newstui feeds` list feeds in: by name as a reader counts."""

from __future__ import annotations

from newstui.model import SortOrder
from newstui.model.fetching import Article
from newstui.store import open_db
from newstui.store.articles import (
    EVERY_ARTICLE,
    article_position,
    list_articles,
    save_articles,
)
from newstui.store.feeds import ensure_feed, find_feed, list_feeds


def test_feeds_are_listed_with_the_numbers_in_their_names_in_order(tmp_path):
    # user test r31 L1: "News Desk 1, News Desk 10 … News Desk 19, News Desk 2"
    db = open_db(tmp_path / "n.db")
    # user test r45 M4: accented first letters came after Z ("Zeit Online, Ärzte Zeitung")
    names = ("News Desk 10", "news desk 2", "Atom Lab", "News Desk 1", "News Desk 19")
    names += ("Zeit Online", "Ärzte Zeitung", "Équipe", "eBay News", "ıslak", "Öko-Test")
    for name in names:
        feed = ensure_feed(db, f"https://x.example/{name}", name, url=f"https://x.example/{name}")
        save_articles(db, feed, [Article(f"From {name}", "text", guid=name)])
    listed = [row.name for row in list_feeds(db)]
    # `list --sort feed` and the app's headlines sorted by feed list them so too (r46: Équipe
    # and Ärzte came after Zeit, SQLite's NOCASE ordering ASCII only)
    for order in (SortOrder("feed"), SortOrder("feed", reverse=True)):
        rows = list_articles(db, order=order)
        assert [r.feed for r in rows] == (listed[::-1] if order.reverse else listed)
        assert [article_position(db, EVERY_ARTICLE, r.id, order) for r in rows] == [*range(11)]
    assert listed == [
        "Ärzte Zeitung",
        "Atom Lab",
        "eBay News",
        "Équipe",
        "ıslak",
        "News Desk 1",
        "news desk 2",
        "News Desk 10",
        "News Desk 19",
        "Öko-Test",
        "Zeit Online",
    ]
    db.conn.close()


def test_a_feed_is_found_by_its_name_in_any_case_of_any_script(tmp_path):
    # user test r45 M2: `list --feed 'SÜDDEUTSCHE …'` found no feed ('süddeutsche …' did)
    db = open_db(tmp_path / "n.db")
    greek = ensure_feed(
        db, "https://x.example/el", "Καθημερινή Ειδήσεις", url="https://x.example/el"
    )
    german = ensure_feed(
        db, "https://x.example/de", "Süddeutsche – München", url="https://x.example/de"
    )
    assert find_feed(db, "καθημερινή ειδήσεις") == find_feed(db, "ΚΑΘΗΜΕΡΙΝΉ ΕΙΔΉΣΕΙΣ") == greek
    assert find_feed(db, "SU\u0308DDEUTSCHE – MÜNCHEN") == german
    assert find_feed(db, "Süddeutsche - München") is None  # a hyphen: cli's did-you-mean
    db.conn.close()
