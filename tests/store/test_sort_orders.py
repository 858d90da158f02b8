"""Lists in another order (date, feed, title; reversed): the windowed list, an article's place
in it and the next unread article all agree with the order."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from newstui.model import Article, ArticleFilter, SortOrder
from newstui.model.names import (
    NAME_ORDER_VERSION,
    name_order,
    name_order_text,
    name_order_version,
)
from newstui.store import open_db
from newstui.store.article_lists import article_position, list_articles, next_unread_position
from newstui.store.article_marks import mark_articles
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.store.title_order import keys_made

ORDERS = [SortOrder(key, reverse) for key in ("date", "feed", "title") for reverse in (False, True)]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """45 articles in three feeds (names in mixed case), repeated titles and dates, 20 read."""
    rng = random.Random(7)
    db = open_db(tmp_path_factory.mktemp("sort") / "x.db")
    base = datetime(2026, 1, 1, tzinfo=UTC)
    for i, name in enumerate(["beta", "Alpha", "gamma"]):
        feed = ensure_feed(db, f"u{i}", name, url=f"http://127.0.0.1:9/{i}")
        # (r47: titles sorted by SQLite's NOCASE, ASCII only: Éclair came after Zebra)
        titles = ["Apple", "apple", "Zebra", "mango", "Kiwi", "Éclair", "Eagle", "Egg", "ÉCLAIR"]
        save_articles(
            db,
            feed,
            [
                Article(
                    title=f"{rng.choice(titles)} {rng.randint(0, 3)}",
                    text=f"text {i} {n}",
                    guid=f"{i}-{n}",
                    published=base + timedelta(hours=rng.randint(0, 5)),
                )
                for n in range(15)
            ],
        )
    ids = [r.id for r in list_articles(db, limit=None)]
    mark_articles(db, rng.sample(ids, 20), read=True)
    return db


def _expected(rows, order: SortOrder):
    newest = sorted(rows, key=lambda r: (r.sort_date, r.id), reverse=True)
    if order.key == "date":
        return newest[::-1] if order.reverse else newest
    # as Sources lists names: letters without accents or case first (name_order)
    field = (lambda r: name_order(r.feed)) if order.key == "feed" else lambda r: name_order(r.title)
    return sorted(newest, key=field, reverse=order.reverse)  # stable: ties stay newest first


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: o.name)
def test_the_list_is_in_the_chosen_order_with_ties_newest_first(db, order):
    rows = list_articles(db, limit=None, order=order)
    assert [r.id for r in rows] == [r.id for r in _expected(rows, order)]
    window = list_articles(db, offset=10, limit=5, order=order)
    assert [r.id for r in window] == [r.id for r in rows[10:15]]


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: o.name)
def test_each_article_knows_its_place_and_its_unread_neighbours(db, order):
    rows = list_articles(db, limit=None, order=order)
    every = ArticleFilter()
    for i, row in enumerate(rows):
        assert article_position(db, every, row.id, order) == i
        after = next((j for j in range(i + 1, len(rows)) if not rows[j].read), None)
        before = next((j for j in range(i - 1, -1, -1) if not rows[j].read), None)
        assert next_unread_position(db, every, row.id, 1, order) == after
        assert next_unread_position(db, every, row.id, -1, order) == before


def test_a_filtered_list_is_sorted_and_placed_too(db):
    order = SortOrder("title")
    unread = ArticleFilter(unread=True)
    rows = list_articles(db, unread, limit=None, order=order)
    assert rows and not any(r.read for r in rows)
    assert [article_position(db, unread, r.id, order) for r in rows] == list(range(len(rows)))
    read = next(r for r in list_articles(db, limit=None) if r.read)
    assert article_position(db, unread, read.id, order) is None


def test_sort_order_names_and_labels():
    assert SortOrder.parse("title-reverse") == SortOrder("title", reverse=True)
    assert SortOrder.parse("date").label == "newest first"
    assert SortOrder("date", True).label == "oldest first"
    assert SortOrder.parse("feed").label == "by feed A–Z"
    assert [SortOrder.parse(x) for x in ("", "Date", "date-", "size")] == [None] * 4


def test_a_title_is_listed_by_its_stored_key_kept_in_step_with_its_title(tmp_path):
    # review r47 M3: title order worked name_order() out for every row of every window (33 ->
    # 241 ms at 100,000 articles): schema 54 keeps it in articles.title_order, with an index
    db = open_db(tmp_path / "t.db")
    feed = ensure_feed(db, "u", "F", url="http://127.0.0.1:9/f")
    stories = [("Mango", "m"), ("Zebra", "z"), ("Łódź", "l")]
    save_articles(db, feed, [Article(title=t, text="x", guid=g) for t, g in stories])

    def titles() -> list[str]:
        return [r.title for r in list_articles(db, order=SortOrder("title"))]

    assert titles() == ["Łódź", "Mango", "Zebra"]
    # the feed renames an entry: its key follows (the update's trigger)
    save_articles(db, feed, [Article(title="Apple", text="x", guid="z")])
    assert titles() == ["Apple", "Łódź", "Mango"]
    # keys another name_order (or Unicode) made are made again at the next open
    db.execute("UPDATE articles SET title_order = 'x' || id")
    db.execute("UPDATE title_order_made SET version = '1 unicode 13.0.0'")
    db.conn.commit()
    db.conn.close()
    db = open_db(tmp_path / "t.db")
    assert titles() == ["Apple", "Łódź", "Mango"]
    assert keys_made(db) == name_order_version()
    db.conn.close()


def test_stale_title_keys_are_made_again_without_waiting_for_another_processs_write(
    tmp_path, monkeypatch
):
    """Review r48: with another process's write under way (its lock held), an open whose title
    keys were stale waited the whole 30 s for it, unsaid (`newstui list`: 31 s); now it leaves
    them to the next open."""
    import sqlite3

    import newstui.store.title_order as title_order

    db = open_db(tmp_path / "t.db")
    feed = ensure_feed(db, "u", "F", url="http://127.0.0.1:9/f")
    save_articles(db, feed, [Article(title="Łódź", text="x", guid="l")])
    db.execute("UPDATE title_order_made SET version = '1 unicode 13.0.0'")
    db.conn.commit()
    db.conn.close()
    waits: list[int] = []
    begun = title_order.write_transaction

    def watched(db):  # the wait its BEGIN IMMEDIATE would take
        waits.append(db.conn.execute("PRAGMA busy_timeout").fetchone()[0])
        assert (db.on_busy, db.while_busy) == (None, None)
        return begun(db)

    monkeypatch.setattr(title_order, "write_transaction", watched)
    other = sqlite3.connect(tmp_path / "t.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process's write, under way
    db = open_db(tmp_path / "t.db")
    assert waits == [0]
    assert title_order.keys_made(db) == "1 unicode 13.0.0"  # left to the next open
    assert db.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 30_000
    db.conn.close()
    other.execute("ROLLBACK")
    db = open_db(tmp_path / "t.db")
    assert title_order.keys_made(db) == name_order_version()
    db.conn.close()


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("Éclair 2", "eclair \x0012\x00\x01éclair 2"),
        ("Part 010", "part \x00210\x00\x01part 010"),
        ("Łódź", "lodz\x00\x01łódź"),
        ("Þing Œuvre", "thing oeuvre\x00\x01þing œuvre"),
    ],
)
def test_the_stored_title_keys_are_the_ones_name_order_version_names(title, key):
    # stores keep these keys (schema 54) made again only when name_order_version differs: a
    # change of name_order_text's output without NAME_ORDER_VERSION + 1 leaves them stale
    assert (name_order_text(title), NAME_ORDER_VERSION) == (key, 2)
