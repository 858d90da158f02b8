"""The quotes' word index (schema 12): `quotes:"…"` finds a quote's words in order, and the index
follows every way quotes are written, re-analysed or removed."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from newstui.model import Analysis, Article, ArticleFilter, Quote
from newstui.query import parse_query
from newstui.store import open_db
from newstui.store.analysis import (
    articles_to_analyse,
    list_quotes,
    mark_unanalysed,
    save_analyses,
    save_analysis,
)
from newstui.store.article_fulltext import set_fulltext
from newstui.store.article_lists import list_articles
from newstui.store.article_saving import save_articles
from newstui.store.db import Database, write_transaction
from newstui.store.feeds import ensure_feed, remove_feed
from newstui.store.filter_sql import count_articles
from newstui.store.retention import delete_articles
from newstui.store.schema import MIGRATIONS

TEXT = "“We will build the bridge this year,” the mayor said. “Zürich café closes,” Ana said."
BUILD = Quote("We will build the bridge this year,", 1, 36, "the mayor")
CAFE = Quote("Zürich café closes,", 55, 74, "Ana")


def quoting(db: Database, text: str) -> set[int]:
    f = ArticleFilter(query=parse_query(text))
    rows = {r.id for r in list_articles(db, f, limit=None)}
    assert count_articles(db, f) == len(rows)
    return rows


def index_matches_quotes(db: Database) -> bool:
    """The index holds exactly the words of the stored quotes, each at its place: a quote's
    words are its span of its article's text (the index built afresh from them is the same)."""
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.quote_words USING fts5vocab(main, quotes_fts, "
        "instance)"
    )
    db.execute("DROP TABLE IF EXISTS temp.fresh")
    db.execute(
        "CREATE VIRTUAL TABLE temp.fresh USING fts5(text, content='', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    db.execute(
        "INSERT INTO temp.fresh (rowid, text) SELECT q.id, search_words(substr(article_text(a.text), "
        "q.start + 1, q.end - q.start)) FROM quotes q JOIN articles a ON a.id = q.article_id"
    )
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fresh_words USING fts5vocab(temp, fresh, instance)"
    )
    query = "SELECT term, doc, offset FROM temp.{} ORDER BY term, doc, offset"
    indexed = db.execute(query.format("quote_words")).fetchall()
    return (
        bool(indexed) == bool(db.execute("SELECT 1 FROM quotes WHERE end > start").fetchall())
        and indexed == db.execute(query.format("fresh_words")).fetchall()
    )


def quoted(db: Database, article_id: int | None = None) -> list[int]:
    rows = db.execute("SELECT id, article_id FROM quotes").fetchall()
    return [r[0] for r in rows if article_id in (None, r[1])]


def analyse(db: Database, article_id: int, *quotes: Quote) -> None:
    save_analysis(db, article_id, Analysis((), quotes), "t", lambda name, _: name.casefold())


@pytest.fixture
def store(tmp_path):
    db = open_db(tmp_path / "q.db")
    feed = ensure_feed(db, "https://a.example/feed", "A", url="https://a.example/feed")
    now = datetime.now(UTC)
    ids = save_articles(
        db, feed, [Article(title=f"t{i}", text=TEXT, guid=str(i), published=now) for i in (1, 2)]
    ).changed_ids
    yield db, feed, ids
    db.conn.close()


def test_a_quote_search_matches_words_in_order_in_any_case_and_accent(store):
    db, _, (first, second) = store
    analyse(db, first, BUILD, CAFE)
    analyse(db, second, CAFE)
    assert quoting(db, 'quotes:"we will build"') == {first}
    assert quoting(db, 'quotes:"WE WILL"') == {first}
    assert quoting(db, "quotes:bridge") == {first}
    assert quoting(db, 'quotes:"zurich cafe"') == {first, second}
    assert quoting(db, 'quotes:"build will"') == set()
    assert quoting(db, 'quotes:"the mayor"') == set()  # in the text, not in a quote
    assert quoting(db, 'quotes:"will buil"') == set()  # words, not parts of words
    assert quoting(db, 'quotes:"bridge" unread') == {first}
    assert index_matches_quotes(db)


def test_the_quote_index_follows_reanalysis_and_removal(store):
    db, feed, (first, second) = store
    analyse(db, first, BUILD)
    analyse(db, second, BUILD)
    assert quoting(db, "quotes:bridge") == {first, second}
    analyse(db, first, CAFE)  # analysed again: its quotes are replaced
    assert quoting(db, "quotes:bridge") == {second}
    assert quoting(db, "quotes:closes") == {first}
    assert index_matches_quotes(db)
    mark_unanalysed(db, "v2")  # an extractor that finds nothing: every quote goes
    assert quoting(db, "quotes:bridge") == set()
    assert quoting(db, "quotes:closes") == set()
    assert index_matches_quotes(db)
    analyse(db, second, BUILD)
    save_articles(db, feed, [Article(title="t2", text="New words.", guid="2")])  # text changed
    assert quoting(db, "quotes:bridge") == set()  # the analysis of the old text is dropped
    analyse(db, first, BUILD)
    remove_feed(db, feed, purge=True)  # articles deleted: their quotes go by cascade
    assert db.execute("SELECT count(*) FROM quotes").fetchone()[0] == 0
    assert quoting(db, "quotes:bridge") == set()
    assert index_matches_quotes(db)


def test_an_older_store_gets_its_quotes_indexed(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for statement in [s for migration in MIGRATIONS[:11] for s in migration]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 11")
    conn.execute("INSERT INTO feeds (id, key, name) VALUES (1, 'k', 'Feed')")
    conn.execute(
        "INSERT INTO articles (id, feed_id, guid, title, first_seen, sort_date, text, "
        "content_hash) VALUES (1, 1, 'g', 't', 'x', 'x', ?, 'h')",
        [TEXT],
    )
    conn.execute(
        "INSERT INTO quotes (article_id, start, end, text, speaker) VALUES (1, 1, 36, ?, 'm')",
        [BUILD.text],
    )
    conn.commit()
    conn.close()
    db = open_db(path)
    assert quoting(db, 'quotes:"build the bridge"') == {1}
    assert index_matches_quotes(db)
    db.conn.close()


def test_the_index_forgets_the_words_of_quotes_whose_text_changes_or_goes(store):
    db, _, (first, second) = store
    analyse(db, first, BUILD, CAFE)
    analyse(db, second, BUILD)
    set_fulltext(db, first, text="The page says nothing quoted.")  # a new text: quotes go first
    assert quoting(db, "quotes:bridge") == {second}  # (its speakers kept, without words, until
    assert index_matches_quotes(db)  # its new analysis replaces them: user test r44 M3)
    with db.conn:  # any writer changing a text takes its quotes with it, even in raw SQL
        db.conn.execute("UPDATE articles SET text = 'Other words.' WHERE id = ?", [second])
    assert quoted(db, second) == [] and quoting(db, "quotes:bridge") == set()
    assert index_matches_quotes(db)
    analyse(db, second, Quote("Other", 0, 5, None))
    analyse(db, first)  # (the kept speakers go with the new analysis)
    with write_transaction(db) as conn:  # a cleanup deletes the article
        delete_articles(conn, [second], "2026-01-01T00:00:00+00:00")
    assert quoted(db) == [] and quoting(db, "quotes:other") == set()
    assert index_matches_quotes(db)


def test_quotes_keep_their_words_in_the_article_only(store):
    db, _, (first, _second) = store
    analyse(db, first, BUILD, CAFE)
    columns = {r[1] for r in db.execute("PRAGMA table_info(quotes)").fetchall()}
    assert "text" not in columns
    assert [q.text for q in list_quotes(db, article_id=first)] == [BUILD.text, CAFE.text]


def test_quotes_saved_with_the_texts_as_read_index_their_own_words(store):
    db, feed, (first, _) = store
    long = "🙂 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 " + TEXT + " Filler words go on." * 20  # stored packed
    [third] = save_articles(db, feed, [Article(title="t3", text=long, guid="3")]).changed_ids
    read = {a.article_id: a for a in articles_to_analyse(db, "t", [first, third])}
    shift = len("🙂 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ")
    build = Quote(BUILD.text, BUILD.start + shift, BUILD.end + shift, "the mayor")
    save_analyses(
        db,
        [(third, Analysis((), (build,))), (first, Analysis((), (BUILD,)))],
        "t",
        lambda name, _: name.casefold(),
        read_as={i: a.stamp for i, a in read.items()},
        texts={i: a.text for i, a in read.items()},
    )
    assert quoting(db, 'quotes:"we will build"') == {first, third}
    assert quoting(db, 'quotes:"zurich cafe"') == set()
    assert index_matches_quotes(db)


def test_a_batch_saved_in_any_order_indexes_each_quotes_own_words(store):
    db, feed, (first, second) = store
    # long enough to be stored packed; characters outside the BMP before the quotes
    long = "🙂 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 " + TEXT + " Filler words go on." * 20
    third, fourth = save_articles(
        db, feed, [Article(title=f"t{i}", text=long, guid=str(i)) for i in (3, 4)]
    ).changed_ids
    assert isinstance(
        db.execute("SELECT text FROM articles WHERE id = ?", [third]).fetchone()[0], bytes
    )
    shift = len("🙂 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ")
    build = Quote(BUILD.text, BUILD.start + shift, BUILD.end + shift, "the mayor")
    cafe = Quote(CAFE.text, CAFE.start + shift, CAFE.end + shift, "Ana")
    key = lambda name, _: name.casefold()  # noqa: E731
    save_analyses(
        db,
        [
            (fourth, Analysis((), (cafe,))),
            (first, Analysis((), (BUILD,))),
            (third, Analysis((), (build, cafe))),
        ],
        "t",
        key,
    )
    assert [q.text for q in list_quotes(db, article_id=third)] == [BUILD.text, CAFE.text]
    assert quoting(db, 'quotes:"we will build"') == {first, third}
    assert quoting(db, 'quotes:"zurich cafe"') == {third, fourth}
    save_analyses(
        db,
        [
            (third, Analysis((), (cafe,))),
            (second, Analysis((), (CAFE,))),
            (first, Analysis((), (BUILD, CAFE))),
        ],
        "t",
        key,
    )  # analysed again
    assert quoting(db, 'quotes:"we will build"') == {first}
    assert quoting(db, 'quotes:"zurich cafe"') == {first, second, third, fourth}
    assert index_matches_quotes(db)
