"""The search indexes beside damaged texts (schema 26): a statement that deletes or changes
many articles whose stored text no longer unpacks rebuilds each index once, not once a row,
and a store upgraded with the words of such an article still indexed is rebuilt once (and a
clean store is not)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from test_quote_index import index_matches_quotes

import newstui.store.article_saving as article_saving
import newstui.store.sql_functions as sql_functions
from newstui.model import Analysis, Article, Quote
from newstui.store import open_db
from newstui.store.analysis import save_analysis
from newstui.store.article_saving import save_articles, save_feeds
from newstui.store.db import Database, schema_version, write_transaction
from newstui.store.feeds import ensure_feed, remove_feed
from newstui.store.schema import MIGRATIONS, SCHEMA_VERSION
from newstui.store.sql_functions import add_text_functions

QUOTED = '"The harbour stays shut until spring," the pilot said. '
LINES = {  # a word of each of its own (WORDS), and text enough to be stored packed
    "Pier": "Engineers found cracked pilings under the pier. ",
    "Dock": "The dock flooded when the river rose overnight. ",
    "Quay": "Cranes on the quay were tied down before the gale. ",
    "Ferry": "Ferries run again across the bay on Monday. ",
    "Tram": "The tram line reopened downtown after repairs. ",
}
WORDS = {"Pier": "pilings", "Dock": "flooded", "Quay": "gale", "Ferry": "bay", "Tram": "downtown"}


def body(title: str) -> str:
    return QUOTED + LINES[title] * 12


def quote_of(text: str) -> Quote:
    end = text.index(",") + 1
    return Quote(text[1:end], 1, end, "the pilot")


def stored_text(conn: sqlite3.Connection, article_id: int) -> bytes:
    packed = conn.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    assert isinstance(packed, bytes)  # stored packed
    return bytes(packed)


def write_text_behind_the_triggers(
    conn: sqlite3.Connection, article_id: int, stored: str | bytes
) -> None:
    """Store an article's text as another tool (or a bad disk) would: no trigger sees it, so
    neither index follows and its quotes stay."""
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'articles'"
    ).fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE articles SET text = ? WHERE id = ?", [stored, article_id])
    for _, sql in triggers:
        conn.execute(sql)
    conn.commit()


def damage(path: Path, article_id: int) -> None:
    """Flip bytes inside an article's stored text, as a bad disk would."""
    conn = sqlite3.connect(path)
    packed = stored_text(conn, article_id)
    at = len(packed) // 2
    bad = packed[:at] + bytes(b ^ 0x5A for b in packed[at : at + 8]) + packed[at + 8 :]
    write_text_behind_the_triggers(conn, article_id, bad)
    conn.close()


def fill(db: Database) -> dict[str, int]:
    """Town (Ferry: quoted; Tram: not), then Wharf (Pier, Dock, Quay: quoted), each quoted
    article analysed in the order of their ids: ids by title."""
    now = datetime.now(UTC)
    ids = {}
    for feed, titles in (("Town", ("Ferry", "Tram")), ("Wharf", ("Pier", "Dock", "Quay"))):
        feed_id = ensure_feed(db, f"https://{feed}.example/", feed, url=f"https://{feed}.example/")
        articles = [
            Article(title=t, text=body(t), guid=t, published=now - timedelta(hours=n))
            for n, t in enumerate(titles)
        ]
        saved = save_articles(db, feed_id, articles).changed_ids
        ids.update(zip(titles, saved, strict=True))
    for title in sorted(("Pier", "Dock", "Quay", "Ferry"), key=ids.__getitem__):
        save_analysis(
            db, ids[title], Analysis((), (quote_of(body(title)),)), "t", lambda n, _: n.casefold()
        )
    return ids


def with_damaged(path: Path, *titles: str) -> tuple[Database, dict[str, int], dict[str, bytes]]:
    """A store `fill`ed, the texts of articles `titles` then damaged, opened again: with the ids
    by title and each article's stored text from before."""
    db = open_db(path)
    ids = fill(db)
    texts = {title: stored_text(db.conn, article_id) for title, article_id in ids.items()}
    db.conn.close()
    for title in titles:
        damage(path, ids[title])
    return open_db(path), ids, texts


def indexed(db: Database, word: str) -> list[int]:
    """The article ids the full-text index gives for a word, once its integrity-check passed
    (it fails while the index holds words of a row that is gone)."""
    db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    return [r[0] for r in db.execute("SELECT rowid FROM articles_fts(?)", [word])]


def quoted(db: Database, word: str) -> list[int]:
    return [r[0] for r in db.execute("SELECT rowid FROM quotes_fts(?)", [word])]


@pytest.fixture
def unpacked(monkeypatch) -> Iterator[Counter[bytes]]:
    """How many times each stored text is unpacked from now on (each index rebuild reads every
    text once; the quote index's, every quoted text once a quote)."""
    counts: Counter[bytes] = Counter()
    inflated = sql_functions._inflated

    def counting(packed: bytes) -> bytes:
        counts[packed] += 1
        return inflated(packed)

    monkeypatch.setattr(sql_functions, "_inflated", counting)
    yield counts


def test_one_delete_of_many_damaged_articles_rebuilds_each_index_once(tmp_path, unpacked):
    db, ids, texts = with_damaged(tmp_path / "s.db", "Pier", "Dock", "Quay")
    ferry, tram = texts["Ferry"], texts["Tram"]
    unpacked.clear()

    remove_feed(db, db.execute("SELECT id FROM feeds WHERE name = 'Wharf'").fetchone()[0])

    # the articles' index rebuilt once (it was 3 times, once a row), with its prefix index
    # (schema 31): each reads every text once
    assert unpacked[tram] == 2
    assert unpacked[ferry] == 3  # and the quote index once (Ferry's one quote; it was 3 + 3)
    assert indexed(db, "pilings") == indexed(db, "gale") == []
    assert indexed(db, "ferries") == [ids["Ferry"]] and indexed(db, "tram") == [ids["Tram"]]
    assert quoted(db, "harbour") == [r[0] for r in db.execute("SELECT id FROM quotes")]
    assert index_matches_quotes(db)
    db.conn.close()


def test_changing_damaged_articles_in_one_fetch_rebuilds_each_index_once(tmp_path, unpacked):
    db, ids, texts = with_damaged(tmp_path / "s.db", "Pier", "Dock")
    tram = texts["Tram"]
    unpacked.clear()
    wharf = db.execute("SELECT id FROM feeds WHERE name = 'Wharf'").fetchone()[0]
    fixed = [Article(title=t, text=f"The {t.lower()} was mended by Friday.", guid=t) for t in LINES]

    save_articles(db, wharf, fixed[:3])

    assert unpacked[tram] == 2  # the articles' index and its prefix index, once each
    assert indexed(db, "pilings") == indexed(db, "flooded") == []
    assert sorted(indexed(db, "mended")) == sorted(ids[t] for t in ("Pier", "Dock", "Quay"))
    assert index_matches_quotes(db)
    db.conn.close()


def test_a_damaged_article_analysed_again_leaves_none_of_its_quotes_words(tmp_path, unpacked):
    """Its quotes' words are read from its text to take them out of the index: a damaged text
    gave none, so they stayed (found for a later quote given one of their ids)."""
    db, ids, _ = with_damaged(tmp_path / "s.db", "Pier")
    pier_quote = db.execute("SELECT id FROM quotes WHERE article_id = ?", [ids["Pier"]]).fetchone()
    assert pier_quote[0] in quoted(db, "harbour")

    save_analysis(db, ids["Pier"], Analysis((), ()), "t2", lambda n, _: n.casefold())

    assert pier_quote[0] not in quoted(db, "harbour")
    assert index_matches_quotes(db)
    db.conn.close()


def test_deleting_an_article_that_is_not_damaged_rebuilds_nothing(tmp_path, unpacked):
    db, _, texts = with_damaged(tmp_path / "s.db")
    tram = texts["Tram"]
    unpacked.clear()

    remove_feed(db, db.execute("SELECT id FROM feeds WHERE name = 'Wharf'").fetchone()[0])

    assert unpacked[tram] == 0
    assert indexed(db, "pilings") == []
    assert quoted(db, "harbour") == [r[0] for r in db.execute("SELECT id FROM quotes")]
    db.conn.close()


def older_store(path: Path, version: int) -> dict[str, int]:
    """A store made by schema `version` (its triggers, and the versions after it to upgrade),
    filled as `fill` does with today's code."""
    conn = sqlite3.connect(path)
    add_text_functions(conn)
    for statement in [s for migration in MIGRATIONS[:version] for s in migration]:
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    db = Database(sqlite3.connect(path))
    ids = fill(db)
    db.conn.close()
    return ids


def test_an_upgrade_rebuilds_the_indexes_holding_a_deleted_damaged_articles_words(
    tmp_path, unpacked
):
    """Before schema 24, deleting a damaged article left its words in both indexes, and an
    article (and a quote) given its id later was found by them."""
    path = tmp_path / "old.db"
    ids = older_store(path, 23)
    gone = "Quay"  # the newest, with the newest quote: the next ones take their ids
    assert ids[gone] == max(ids.values())
    damage(path, ids[gone])
    db = Database(sqlite3.connect(path))
    quote_id = db.execute("SELECT max(id) FROM quotes").fetchone()[0]
    db.execute("DELETE FROM articles WHERE id = ?", [ids[gone]])  # by schema 23's triggers
    town = db.execute("SELECT id FROM feeds WHERE name = 'Town'").fetchone()[0]
    late = '"Boats may sail at dawn," the captain said. ' + "A quiet day at the marina. " * 12
    (new_id,) = save_articles(db, town, [Article(title="Late", text=late, guid="late")]).changed_ids
    save_analysis(db, new_id, Analysis((), (quote_of(late),)), "t", lambda n, _: n.casefold())
    assert new_id == ids[gone]
    assert indexed_unchecked(db, WORDS[gone]) == [new_id]  # found by the deleted one's words
    assert quote_id in quoted(db, "harbour") and quote_id in quoted(db, "boats")  # its quote's
    db.conn.close()
    unpacked.clear()

    db = open_db(path)

    assert unpacked  # stored texts were read again
    assert indexed(db, WORDS[gone]) == []
    assert indexed(db, "marina") == [new_id]
    assert quote_id not in quoted(db, "harbour") and quote_id in quoted(db, "boats")
    assert index_matches_quotes(db)
    db.conn.close()


def indexed_unchecked(db: Database, word: str) -> list[int]:
    return [r[0] for r in db.execute("SELECT rowid FROM articles_fts(?)", [word])]


def test_an_upgrade_empties_the_quote_index_of_words_of_quotes_that_are_gone(tmp_path, unpacked):
    path = tmp_path / "old.db"
    ids = older_store(path, 25)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO quotes_fts (rowid, text) VALUES (99, 'lighthouse keepers')")
    conn.commit()
    conn.close()
    conn = sqlite3.connect(path)
    tram = stored_text(conn, ids["Tram"])
    conn.close()

    db = open_db(path)

    assert quoted(db, "lighthouse") == []
    assert unpacked[tram] == 2  # the articles' index was clean: not rebuilt (read to fill the
    # prefix index schema 31 adds, and by schema 49's look for marks the tokenizer split at)
    assert index_matches_quotes(db)
    db.conn.close()


def test_an_upgrade_of_a_clean_store_rebuilds_no_index(tmp_path, unpacked):
    path = tmp_path / "old.db"
    ids = older_store(path, 25)
    unpacked.clear()

    db = open_db(path)

    # no index rebuilt: each stored text read to fill the prefix index (schema 31) and to look
    # for marks the tokenizer split words at (schema 49)
    assert set(unpacked.values()) == {2}
    assert indexed(db, "pilings") == [ids["Pier"]]
    assert index_matches_quotes(db)
    db.execute("PRAGMA user_version = 25")  # replayed on the store it made
    db.conn.close()
    unpacked.clear()
    db = open_db(path)
    assert schema_version(db) == SCHEMA_VERSION
    assert set(unpacked.values()) == {1}  # schema 49's look again; no index rebuilt
    db.conn.close()


def test_the_size_records_are_read_as_the_index_counts_words():
    conn = sqlite3.connect(":memory:")
    add_text_functions(conn)
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, b)")
    sizes = [(3, 0), (300, 1), (20_000, 129)]
    for a, b in sizes:
        conn.execute("INSERT INTO t (a, b) VALUES (?, ?)", ["w " * a, "w " * b])
    conn.commit()  # (FTS5 writes its totals when the transaction ends)

    rows = conn.execute("SELECT fts_size_total(sz, 0) FROM t_docsize ORDER BY id").fetchall()
    averages = conn.execute("SELECT fts_size_total(block, 1) FROM t_data WHERE id = 1").fetchone()

    assert [r[0] for r in rows] == [a + b for a, b in sizes]
    assert averages[0] == sum(a + b for a, b in sizes)
    conn.close()


def test_a_delete_rolled_back_leaves_no_rebuild_for_the_next_write(tmp_path, unpacked):
    db, ids, texts = with_damaged(tmp_path / "s.db", "Pier")
    tram = texts["Tram"]
    unpacked.clear()

    with pytest.raises(RuntimeError), write_transaction(db) as conn:
        conn.execute("DELETE FROM articles WHERE id = ?", [ids["Pier"]])
        raise RuntimeError("stopped half-way")
    db.execute("UPDATE articles SET read = 1 WHERE id = ?", [ids["Tram"]])

    assert unpacked[tram] == 0
    assert indexed(db, "pilings") == [ids["Pier"]]  # the article and its words are still there
    db.conn.close()


def mended(*titles: str) -> list[Article]:
    return [Article(title=t, text=f"The {t.lower()} was mended by Friday.", guid=t) for t in titles]


def test_a_fetch_changing_damaged_articles_of_several_feeds_rebuilds_each_index_once(
    tmp_path, unpacked
):
    """Inside a write transaction a statement no longer rebuilds what the ones before it
    marked: the second feed's first read rebuilt the first feed's, and the end again."""
    db, ids, texts = with_damaged(tmp_path / "s.db", "Ferry", "Pier", "Dock")
    town, wharf = (feed_id(db, name) for name in ("Town", "Wharf"))
    unpacked.clear()

    save_feeds(db, [(town, mended("Ferry")), (wharf, mended("Pier", "Dock"))])

    assert unpacked[texts["Tram"]] == 2  # was 4: the articles' two indexes, once each
    assert unpacked[texts["Quay"]] == 3  # and its quote's: was 5
    assert sorted(indexed(db, "mended")) == sorted(ids[t] for t in ("Ferry", "Pier", "Dock"))
    assert index_matches_quotes(db)
    db.conn.close()


def test_a_feed_whose_save_failed_leaves_no_rebuild_of_what_it_undid(
    tmp_path, unpacked, monkeypatch
):
    db, ids, texts = with_damaged(tmp_path / "s.db", "Pier")
    town, wharf = (feed_id(db, name) for name in ("Town", "Wharf"))
    inserted = article_saving.insert_new_articles

    def failing_for_wharf(db: Database, rows, *rest):  # after Wharf's update of Pier
        if any(row[0] == wharf for row in rows):
            raise sqlite3.IntegrityError("UNIQUE constraint failed")
        return inserted(db, rows, *rest)

    monkeypatch.setattr(article_saving, "insert_new_articles", failing_for_wharf)
    unpacked.clear()

    town_saved, wharf_failed = save_feeds(
        db, [(town, mended("Bus")), (wharf, [*mended("Pier"), *mended("Barge")])]
    )

    assert isinstance(wharf_failed, sqlite3.IntegrityError)
    assert unpacked[texts["Tram"]] == 0  # its update undone: nothing to rebuild
    assert not isinstance(town_saved, Exception)
    assert indexed_unchecked(db, "mended") == list(town_saved.changed_ids)
    assert indexed_unchecked(db, "pilings") == [ids["Pier"]]  # Pier as it was
    db.conn.close()


def feed_id(db: Database, name: str) -> int:
    return int(db.execute("SELECT id FROM feeds WHERE name = ?", [name]).fetchone()[0])
