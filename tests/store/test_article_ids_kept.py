"""An article's id names it alone, also once it is removed: a new article never takes the id of
one removed, the newest included (r35 closing, left: SQLite gives a new row the highest id + 1,
so a script that kept a removed article's id named the next one stored)."""

from __future__ import annotations

from pathlib import Path

from newstui.library import Library
from newstui.model import Article, RemoteItem
from newstui.store import open_db
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.store.sync import save_items
from tests.store.older_store import made_by_schema


def story(n: int) -> Article:
    return Article(f"Story {n}", f"Text of story {n}.", guid=f"s{n}", url=f"https://e.example/{n}")


def test_a_new_article_never_takes_the_id_of_the_newest_one_removed_with_its_feed(db):
    library = Library(db)
    gazette = ensure_feed(db, "https://g.example/feed", "Gazette")
    wire = ensure_feed(db, "https://w.example/feed", "Wire")
    kept = save_articles(db, gazette, [story(1)]).changed_ids
    removed = save_articles(db, wire, [story(2), story(3)]).changed_ids
    library.remove_source(wire, purge=True)

    [fetched] = save_articles(db, gazette, [story(4)]).changed_ids
    item = RemoteItem(9, "feed/1", 1, story(5), read=False, starred=False)
    [synced] = save_items(db, [item], {"feed/1": gazette}).changed_ids

    assert fetched > max(removed) and synced > fetched
    assert {row.id for row in library.articles()} == {*kept, fetched, synced}


def test_a_store_from_before_gives_ids_past_its_newest_article_once_that_is_removed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    conn = made_by_schema(path, 42)
    conn.execute("INSERT INTO feeds (id, key, name, url) VALUES (1, 'g', 'Gazette', 'g')")
    conn.execute(
        "INSERT INTO articles (id, feed_id, guid, title, text, content_hash, first_seen, "
        "sort_date) VALUES (7, 1, 'guid:s7', 'Story 7', 'Text.', 'x', '2026-12-01T10:00:00Z', "
        "'2026-12-01T10:00:00Z')"
    )
    conn.commit()
    conn.close()
    db = open_db(path)
    db.execute("DELETE FROM articles WHERE id = 7")

    [new] = save_articles(db, 1, [story(8)]).changed_ids

    assert new == 8
    db.conn.close()
