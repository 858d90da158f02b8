"""The store finds an article by its link however the link's characters are written: a mark
imported from newsboat, and a store made before links were compared so (schema 36 keys them)."""

from __future__ import annotations

from pathlib import Path

from newstui.library import Library
from newstui.model import Article, ArticleFilter
from newstui.model.marks import ImportedMark
from newstui.model.sync import RemoteItem
from newstui.store.opening import open_db
from newstui.store.sync import save_items
from tests.store.older_store import made_by_schema

RAW = "https://en.wikinews.org/wiki/Wanda_Vázquez"
ENCODED = "https://en.wikinews.org/wiki/Wanda_V%C3%A1zquez"
FEED = "https://en.wikinews.org/feed"


def test_a_mark_imported_with_an_accented_link_finds_the_article_stored_encoded(tmp_path):
    with Library.open(tmp_path / "m.db") as library:
        feed_id = library.register_source(FEED, "Wikinews", url=FEED)
        library.save_batch(feed_id, [Article("Pierluisi removed", "Text.", guid="g", url=ENCODED)])
        taken = library.add_imported_marks([ImportedMark(FEED, "other-guid", RAW, True)])
        assert taken.applied == 1
        assert library.count(ArticleFilter(unread=True)) == 0


def test_a_mark_waiting_with_an_encoded_link_is_given_to_the_article_fetched_with_accents(
    tmp_path,
):
    with Library.open(tmp_path / "m.db") as library:
        feed_id = library.register_source(FEED, "Wikinews", url=FEED)
        library.add_imported_marks(
            [ImportedMark(FEED, None, ENCODED.replace("%C3%A1", "%c3%a1"), False, True)]
        )
        library.save_batch(feed_id, [Article("Pierluisi removed", "Text.", guid="g", url=RAW)])
        assert library.count(ArticleFilter(starred=True)) == 1


def store_of_schema_34(path: Path) -> None:
    """A store made by schema 34 with one article fetched with an accented link, and a mark
    imported for another article by its accented link."""
    conn = made_by_schema(path, 34)
    conn.execute(
        "INSERT INTO feeds (id, key, name, url) VALUES (1, ?, 'Wikinews', ?)", [FEED, FEED]
    )
    conn.execute(
        "INSERT INTO articles (feed_id, guid, url, title, first_seen, sort_date, content_hash) "
        "VALUES (1, 'guid:g', ?, 'Pierluisi removed', '2026-12-01', '2026-12-01', 'h')",
        [RAW],
    )
    conn.execute(
        "INSERT INTO pending_marks (feed_url, guid, link, read, imported) "
        "VALUES (?, 'guid:other', ?, 1, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'))",
        [FEED, RAW.replace("Wanda_Vázquez", "Península")],
    )
    conn.commit()
    conn.close()


def test_a_store_from_before_link_keys_finds_its_articles_by_the_servers_encoded_links(
    tmp_path,
):
    path = tmp_path / "old.db"
    store_of_schema_34(path)
    db = open_db(path)
    db.execute("INSERT INTO sync_feeds (feed_id, stream_id) VALUES (1, 'feed/1')")
    items = [
        RemoteItem(n, "feed/1", n, Article(title, "Text.", url=url), read=False, starred=False)
        for n, title, url in (
            (7, "Pierluisi removed", ENCODED),
            (8, "Martian brines", ENCODED.replace("Wanda", "Vlada")),
        )
    ]

    saved = save_items(db, items, {"feed/1": 1})

    assert saved.new == 1  # the second: not stored before
    db.conn.close()
    with Library.open(path) as library:  # the mark imported before, given at a fetch
        other = ENCODED.replace("Wanda_V%C3%A1zquez", "Pen%C3%ADnsula")
        library.save_batch(1, [Article("Península", "Text.", guid="g9", url=other)])
        assert library.count(ArticleFilter(unread=True)) == 2  # (of 3)
