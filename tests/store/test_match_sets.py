"""Kept text matches (store.match_sets): a query answers the same whether its matches were just
evaluated or kept from before, and follows every change to the articles, whoever makes it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newstui.library import Library
from newstui.model import Analysis, Article, ArticleFilter, Quote
from newstui.nlp import canonical_key, query_keys, short_key
from newstui.query import parse_query
from newstui.store import open_db
from newstui.store.article_lists import list_articles
from newstui.store.article_saving import save_articles
from newstui.store.db import Database, write_transaction
from newstui.store.feeds import ensure_feed
from newstui.store.filter_sql import count_articles
from newstui.store.match_sets import MAX_SETS, TABLE_PREFIX, forget_match_sets

NOW = datetime.now(UTC).replace(microsecond=0)
STORY = (
    "Engineers closed the old swing bridge over the estuary on Monday after divers found cracks "
    "in two of its stone piers, the county highways department said. Buses and lorries will be "
    "sent twelve miles inland until repairs are finished, which officials expect to take most "
    "of the winter. Shopkeepers on both banks said the closure came at the worst time of the "
    "year and asked the council for help with lost trade. The department said the bridge had "
    "passed its last inspection in the spring and that the damage was probably caused by the "
    "autumn floods, when the river ran higher than at any time in forty years of records."
)


def article(guid: str, text: str, minutes: int = 0, title: str = "") -> Article:
    return Article(
        title=title or f"Article {guid}",
        text=text,
        guid=guid,
        published=NOW - timedelta(minutes=minutes),
    )


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "m.db") as library:
        yield library


def view(library: Library, text: str) -> tuple[int, set[int]]:
    """What the app shows for a query: its count and its rows (which must agree)."""
    f = ArticleFilter(query=parse_query(text, query_keys))
    count = library.count(f)
    rows = {r.id for r in library.articles(f, limit=None)}
    assert count == len(rows)
    return count, rows


def store_view(db: Database, text: str) -> tuple[int, set[int]]:
    """`view` on the store itself."""
    f = ArticleFilter(query=parse_query(text, query_keys))
    count = count_articles(db, f)
    rows = {r.id for r in list_articles(db, f, limit=None)}
    assert count == len(rows)
    return count, rows


def temp_tables(db: Database) -> int:
    return db.execute(
        "SELECT count(*) FROM sqlite_temp_master WHERE type = 'table' AND name LIKE ?",
        [TABLE_PREFIX + "%"],
    ).fetchone()[0]


@pytest.fixture
def db(tmp_path):
    db = open_db(tmp_path / "m.db")
    feed = ensure_feed(db, "https://a.example/feed", "A", url="https://a.example/feed")
    save_articles(db, feed, [article(str(i), f"word{i} common harbour") for i in range(30)])
    yield db
    db.conn.close()


def test_a_kept_word_search_follows_new_changed_and_removed_articles(library):
    feed = library.register_source("https://a.example/feed", "A")
    first = library.save_batch(feed, [article("1", "Floods closed the bridge.")]).changed_ids[0]
    assert view(library, "floods") == (1, {first})
    assert view(library, "floods") == (1, {first})  # kept: the same answer
    second = library.save_batch(feed, [article("2", "More floods upstream.")]).changed_ids[0]
    assert view(library, "floods") == (2, {first, second})
    library.save_batch(feed, [article("1", "The bridge opened again.")])  # its text changed
    assert view(library, "floods") == (1, {second})
    assert view(library, "bridge") == (1, {first})
    library.remove_source(feed, purge=True)
    assert view(library, "floods") == (0, set())


def test_another_connections_changes_show_in_a_kept_search(tmp_path):
    with Library.open(tmp_path / "m.db") as reader, Library.open(tmp_path / "m.db") as writer:
        feed = writer.register_source("https://a.example/feed", "A")
        writer.save_batch(feed, [article("1", "Storm warning for the coast.")])
        assert view(reader, "storm")[0] == 1
        writer.save_batch(feed, [article("2", "The storm passed.")])
        assert view(reader, "storm")[0] == 2
        writer.mark(writer_ids(writer), read=True)
        assert view(reader, "storm unread") == (0, set())


def writer_ids(library: Library) -> list[int]:
    return [r.id for r in library.articles(limit=None)]


def test_a_kept_search_leaves_out_articles_a_filter_hides_later(library):
    feed = library.register_source("https://a.example/feed", "A")
    ids = library.save_batch(
        feed, [article("1", "Sponsored river cruise."), article("2", "River levels rise.", 1)]
    ).changed_ids
    assert view(library, "river")[0] == 2
    library.apply_filter(parse_query("sponsored"), "hide")
    assert view(library, "river") == (1, {ids[1]})


def test_a_word_search_counts_a_story_once_like_its_list(library):
    wire = library.register_source("https://wire.example/feed", "Wire")
    courier = library.register_source("https://courier.example/feed", "Courier")
    original = library.save_batch(wire, [article("w", STORY, 10)]).changed_ids[0]
    library.save_batch(courier, [article("c", "By Staff Reporter\n\n" + STORY, 5)])
    library.find_stories()
    assert view(library, "piers") == (1, {original})
    assert view(library, "piers estuary") == (1, {original})


def test_a_quote_search_follows_reanalysis(library):
    feed = library.register_source("https://a.example/feed", "A")
    text = "“We will build the bridge,” the mayor said. “Not this year,” she added."
    [article_id] = library.save_batch(feed, [article("1", text)]).changed_ids

    def analyse(*quotes: Quote) -> None:
        library.save_analyses([(article_id, Analysis((), quotes))], "t", canonical_key, short_key)

    analyse(Quote("We will build the bridge,", 1, 26, "the mayor"))
    assert view(library, 'quotes:"will build"') == (1, {article_id})
    analyse(Quote("Not this year,", 44, 58, "the mayor"))  # analysed again: other quotes
    assert view(library, 'quotes:"will build"') == (0, set())
    assert view(library, 'quotes:"this year"') == (1, {article_id})


def test_queries_inside_a_write_transaction_see_its_changes(db):
    assert store_view(db, "harbour")[0] == 30
    with write_transaction(db) as conn:
        conn.execute("UPDATE articles SET read = 1 WHERE id <= 10")
        assert store_view(db, "harbour unread")[0] == 20
        assert store_view(db, "harbour")[0] == 30
        kept = temp_tables(db)
        assert store_view(db, "word3")[0] == 1  # answered without keeping anything
        assert temp_tables(db) == kept
    assert store_view(db, "harbour unread")[0] == 20


def test_a_rolled_back_change_leaves_kept_matches_right(db):
    assert store_view(db, "word3")[0] == 1
    with pytest.raises(RuntimeError), write_transaction(db) as conn:
        conn.execute("DELETE FROM articles")
        assert store_view(db, "word3")[0] == 0
        raise RuntimeError
    assert store_view(db, "word3")[0] == 1


def test_kept_matches_stay_few_however_many_searches(db):
    for i in range(30):
        assert store_view(db, f"word{i} common")[0] == 1
    assert 0 < temp_tables(db) <= MAX_SETS
    forget_match_sets(db)
    assert temp_tables(db) == 0
    assert store_view(db, "common")[0] == 30
