"""Removing a feed (the app's D, `newstui remove`) leaves the store exactly as the plain
deletes did, however its page cache is set, and gives the connection its cache back."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newstui.library import Library
from newstui.model import Analysis, Article, Entity, Mention, Quote
from newstui.nlp import canonical_key, short_key
from newstui.store.db import write_transaction
from newstui.store.feeds import remove_feed
from newstui.store.stories import lead_orphaned_stories

TABLES = (
    "feeds",
    "articles",
    "stories",
    "story_bands",
    "quotes",
    "mentions",
    "entities",
    "sync_items",
    "sync_queue",
)


def story_text(i: int) -> str:
    # each story's own words (a shifted run of one word list would be text every story of the
    # feed shares, which stories take for boilerplate and never join on)
    words = " ".join(f"s{i}w{k}" for k in range(80))
    return f"Maria Lopez said “we will build the bridge {i}” in Lisbon. {words}"


def build_store(path: Path) -> dict[str, int]:
    """Two feeds carrying the same stories (one story, two versions), some starred, analysed,
    sketched and synced: every table a removal touches has rows."""
    library = Library.open(path)
    now = datetime.now(UTC).replace(microsecond=0)
    feeds = {
        name: library.register_source(f"https://{name}.example/feed.xml", name)
        for name in ("wire", "desk")
    }
    for offset, (name, feed) in enumerate(feeds.items()):
        library.bulk_insert(
            feed,
            [
                Article(
                    title=f"{name} story {i}",
                    text=story_text(i),
                    guid=f"{name}-{i}",
                    url=f"https://{name}.example/{i}",
                    published=now - timedelta(minutes=2 * i + offset),
                )
                for i in range(30)
            ],
        )
    rows = library.articles(limit=None)
    library.find_stories(1000)
    library.mark([r.id for r in rows if r.id % 5 == 0], starred=True)
    library.mark([r.id for r in rows if r.id % 3 == 0], read=True)
    analyses = []
    for row in rows:
        text = story_text(int(row.title.rsplit(" ", 1)[1]))
        at = text.index("we will")
        quote = Quote(text[at : text.index("”")], at, text.index("”"), "Maria Lopez")
        people = Entity("Maria Lopez", "PERSON", (Mention(0, 11, "Maria Lopez"),))
        place = text.index("Lisbon")
        places = Entity("Lisbon", "PLACE", (Mention(place, place + 6, "Lisbon"),))
        analyses.append((row.id, Analysis((people, places), (quote,))))
    library.save_analyses(analyses, "test", canonical_key, short_key)
    library.close()
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "INSERT INTO sync_items (item_id, article_id) VALUES (?, ?)",
            [(1000 + r.id, r.id) for r in rows if r.id % 2 == 0],
        )
    conn.close()
    library = Library.open(path)  # read here and not pushed yet: queued for the server
    library.mark([r.id for r in rows if r.id % 7 == 0], read=True)
    library.close()
    return feeds


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    tables = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    tables["feeds"] = conn.execute(  # (but the time it was removed)
        "SELECT id, key, name, configured, removed IS NOT NULL, etag, last_modified, body_hash "
        "FROM feeds ORDER BY id"
    ).fetchall()
    conn.close()
    return tables


def remove_the_plain_way(path: Path, feed_id: int) -> None:
    """The removal as it was written before its page cache: the same statements, as they were."""
    library = Library.open(path)
    db = library._db
    with write_transaction(db) as conn:
        conn.execute("DELETE FROM articles WHERE feed_id = ? AND starred = 0", [feed_id])
        lead_orphaned_stories(conn)
        kept = conn.execute("SELECT count(*) FROM articles WHERE feed_id = ?", [feed_id]).fetchone()
        if kept[0]:
            conn.execute(
                "UPDATE feeds SET removed = 'then', configured = 0, etag = NULL, "
                "last_modified = NULL, body_hash = NULL WHERE id = ?",
                [feed_id],
            )
        else:
            conn.execute("DELETE FROM feeds WHERE id = ?", [feed_id])
    library.close()


def test_removing_a_feed_leaves_the_same_rows_as_the_plain_deletes(tmp_path: Path) -> None:
    store = tmp_path / "store.db"
    feeds = build_store(store)
    before = dump(store)
    assert all(before[t] for t in TABLES), [t for t in TABLES if not before[t]]
    assert any(story != article for article, story, _ in before["stories"])  # joined copies
    plain, removed = tmp_path / "plain.db", tmp_path / "removed.db"
    shutil.copy(store, plain)
    shutil.copy(store, removed)

    remove_the_plain_way(plain, feeds["wire"])
    library = Library.open(removed)
    result = library.remove_source(feeds["wire"])
    library.close()

    assert (result.deleted, result.kept_starred) == (24, 6)
    assert dump(removed) == dump(plain)
    for path in (plain, removed):
        conn = sqlite3.connect(path)
        assert conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        conn.close()


def test_removing_a_feed_gives_the_connection_its_page_cache_back(tmp_path: Path) -> None:
    store = tmp_path / "store.db"
    feeds = build_store(store)
    library = Library.open(store)
    db = library._db
    db.conn.execute("PRAGMA cache_size = -3000")
    remove_feed(db, feeds["desk"], purge=True)
    assert db.conn.execute("PRAGMA cache_size").fetchone()[0] == -3000
    library.close()
