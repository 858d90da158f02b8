"""New stores have pages that hold several articles each: less of them is left unused when rows
of many sizes are stored and then grow by their analysis version; stores made with smaller pages
keep them and work as before."""

import random
import sqlite3

import pytest

from newstui.library import Library
from newstui.model import Analysis, Article
from newstui.nlp import canonical_key
from newstui.store import db as store_db
from newstui.store import open_db, opening, wal
from newstui.store.analysis import save_analyses
from newstui.store.article_detail import get_article
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed


def article_text(n: int) -> str:
    """1-4 KB of words from a large vocabulary (0.5-2 KB once packed), as real bodies vary."""
    rng = random.Random(n)
    letters = "abcdefghijklmnopqrstuvwxyz"
    count = rng.randint(150, 600)
    words = ("".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(count))
    return " ".join(words) + f" item{n}."


def store_articles(db: store_db.Database, count: int, lag: int = 200) -> list[int]:
    """Store `count` articles 100 at a time, each analysed once `lag` more are stored (as a
    fetch's analyses follow its stores)."""
    feed = ensure_feed(db, "k", "Feed")
    ids: list[int] = []
    for start in range(0, count, 100):
        batch = [
            Article(title=f"Title {n}", text=article_text(n), guid=f"g{n}", url=f"https://e.x/{n}")
            for n in range(start, start + 100)
        ]
        ids += save_articles(db, feed, batch).changed_ids
        analysed = ids[max(0, start - lag) : max(0, start + 100 - lag)]
        save_analyses(db, [(i, Analysis()) for i in analysed], "rules-20", canonical_key)
    save_analyses(db, [(i, Analysis()) for i in ids[-lag:]], "rules-20", canonical_key)
    return ids


def unused_share(db: store_db.Database, table: str) -> float:
    try:
        size, unused = db.execute(
            "SELECT sum(pgsize), sum(unused) FROM dbstat WHERE name = ?", [table]
        ).fetchone()
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table")
    return float(unused) / float(size)


def test_a_new_store_leaves_little_of_its_article_pages_unused(db_path):
    db = open_db(db_path)
    ids = store_articles(db, 800)

    assert db.execute("PRAGMA page_size").fetchone()[0] == opening.PAGE_SIZE == 8192
    assert unused_share(db, "articles") < 0.15  # 4 KiB pages: 0.22
    assert get_article(db, ids[-1]).text == article_text(799)
    db.conn.close()


def test_a_store_made_with_4_kib_pages_keeps_them_and_takes_articles_as_before(
    db_path, monkeypatch
):
    with monkeypatch.context() as patch:
        patch.setattr(opening, "PAGE_SIZE", 4096)
        open_db(db_path).conn.close()

    db = open_db(db_path)
    ids = store_articles(db, 100)
    with Library(db).bulk_writes():
        bulk_pages = db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]

    assert db.execute("PRAGMA page_size").fetchone()[0] == 4096
    assert bulk_pages == 10_000  # the log grows to ~40 MB in a bulk write, as before
    assert get_article(db, ids[0]).text == article_text(0)
    assert db.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'item99'"
    ).fetchall() == [(ids[99],)]
    db.conn.close()


@pytest.mark.parametrize(
    ("free", "log_bytes"),
    [
        (None, 10_000 * 4096),  # (the disk cannot be asked)
        (10 << 30, 10_000 * 4096),
        # a nearly full disk: a quarter of its free space (user test r47 L7: on a 40 MB disk
        # the log alone filled it), and never less than 1 MiB
        (40 << 20, 10 << 20),
        (2 << 20, 1 << 20),
    ],
)
def test_bulk_writes_let_the_log_grow_to_the_same_bytes_whatever_the_page_size(
    db_path, monkeypatch, free, log_bytes
):
    db = open_db(db_path)
    monkeypatch.setattr(wal, "free_bytes", lambda path: free)
    with Library(db).bulk_writes():
        bulk_pages = db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    after = db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    db.conn.close()

    assert bulk_pages * 8192 == log_bytes
    assert wal.BULK_CHECKPOINT_BYTES == 10_000 * 4096
    assert after == 1000  # SQLite's own setting is back
