"""Savepoints inside a write transaction (save_feeds saves each feed in one): a failure undoes
the savepoint's writes alone, but a stop (Ctrl-C, SIGTERM) inside one stops the command, and
the marks that say an index rebuild is due follow what the savepoint keeps or undoes."""

from __future__ import annotations

import sqlite3

import pytest
from test_index_rebuild_locks import in_step
from test_index_repair import (
    fill,
    indexed,
    indexed_unchecked,
    mended,
    unpacked,
    with_damaged,
)

import newstui.store.article_saving as article_saving
import newstui.store.db as store_db
import newstui.store.sql_functions as sql_functions
from newstui.store import open_db
from newstui.store.article_saving import save_feeds

__all__ = ["unpacked"]  # (a fixture)


def feed_id(db: store_db.Database, name: str) -> int:
    return int(db.execute("SELECT id FROM feeds WHERE name = ?", [name]).fetchone()[0])


def test_a_stop_inside_a_feeds_savepoint_stops_the_save_and_nothing_is_stored(
    tmp_path, monkeypatch
):
    """Ctrl-C while SQLite unpacked an old text in save_feeds' savepoint was swallowed: the
    savepoint's failure was the feed's result, and the save went on and committed."""
    db = open_db(tmp_path / "s.db")
    ids = fill(db)
    town, wharf = feed_id(db, "Town"), feed_id(db, "Wharf")
    decompress = sql_functions.zlib.decompress
    stops = [KeyboardInterrupt()]

    class StoppedOnce:
        error = sql_functions.zlib.error

        @staticmethod
        def decompress(data: bytes) -> bytes:
            if stops:
                raise stops.pop()
            return decompress(data)

    monkeypatch.setattr(sql_functions, "zlib", StoppedOnce)
    with pytest.raises(KeyboardInterrupt):
        save_feeds(db, [(town, mended("Ferry")), (wharf, mended("Pier"))])
    monkeypatch.undo()

    assert not stops  # (the stop was raised inside SQLite)
    assert not db.conn.in_transaction
    assert indexed(db, "mended") == []  # neither feed's save was committed
    assert indexed(db, "pilings") == [ids["Pier"]]
    db.conn.close()


def marks(db: store_db.Database) -> tuple[set[str], set[str]]:
    """The index rebuilds due: the connection's and those kept in the store (schema 27)."""
    kept = {name for (name,) in db.conn.execute("SELECT name FROM index_rebuilds")}
    return set(db.known_texts.stale), kept


BOTH = {"articles_fts", "quotes_fts"}  # (a quoted article's text damaged: both indexes)


def test_a_savepoint_rolled_back_keeps_the_rebuild_its_transaction_made_due_before_it(tmp_path):
    """Pier's delete marks both indexes; Dock's delete, in a savepoint that fails, is undone
    and so is nothing of Pier's: the commit rebuilds both indexes without Pier's words."""
    db, ids, _ = with_damaged(tmp_path / "s.db", "Pier", "Dock")

    with store_db.write_transaction(db) as conn:
        conn.execute("DELETE FROM articles WHERE id = ?", [ids["Pier"]])
        assert marks(db) == (BOTH, BOTH)
        with pytest.raises(RuntimeError), store_db.savepoint(db, "part"):
            conn.execute("DELETE FROM articles WHERE id = ?", [ids["Dock"]])
            raise RuntimeError("the part failed")
        assert marks(db) == (BOTH, BOTH)

    assert marks(db) == (set(), set())
    assert in_step(tmp_path / "s.db")
    assert indexed(db, "pilings") == []
    assert db.execute("SELECT count(*) FROM articles WHERE id = ?", [ids["Dock"]]).fetchone() == (
        1,
    )
    db.conn.close()


def test_a_savepoint_rolled_back_forgets_the_rebuild_only_its_writes_made_due(tmp_path, unpacked):
    db, ids, texts = with_damaged(tmp_path / "s.db", "Pier")
    unpacked.clear()

    with store_db.write_transaction(db) as conn:
        with pytest.raises(RuntimeError), store_db.savepoint(db, "part"):
            conn.execute("DELETE FROM articles WHERE id = ?", [ids["Pier"]])
            assert marks(db) == (BOTH, BOTH)
            raise RuntimeError("the part failed")
        assert marks(db) == (set(), set())

    assert marks(db) == (set(), set())
    assert unpacked[texts["Tram"]] == 0  # no index was rebuilt
    assert indexed_unchecked(db, "pilings") == [ids["Pier"]]  # Pier is still there
    db.conn.close()


def test_a_savepoint_that_commits_keeps_the_rebuild_its_writes_made_due(tmp_path):
    db, ids, _ = with_damaged(tmp_path / "s.db", "Pier")

    with store_db.write_transaction(db) as conn:
        with store_db.savepoint(db, "part"):
            conn.execute("DELETE FROM articles WHERE id = ?", [ids["Pier"]])
        assert marks(db) == (BOTH, BOTH)

    assert marks(db) == (set(), set())
    assert in_step(tmp_path / "s.db")  # rebuilt at the commit: no word of Pier's left
    assert indexed(db, "pilings") == []
    db.conn.close()


def test_a_rebuild_a_raw_write_left_due_survives_a_savepoint_rolled_back(tmp_path):
    """A raw write's commit left the rebuild due (kept in the store); a savepoint of the next
    write transaction fails: the rebuild is still done at its commit."""
    db, ids, _ = with_damaged(tmp_path / "s.db", "Pier", "Dock")
    with db.conn:  # a write outside Database: committed, its rebuild left due
        db.conn.execute("DELETE FROM articles WHERE id = ?", [ids["Pier"]])
    assert marks(db) == (BOTH, BOTH)

    with store_db.write_transaction(db) as conn:
        with pytest.raises(RuntimeError), store_db.savepoint(db, "part"):
            conn.execute("DELETE FROM articles WHERE id = ?", [ids["Dock"]])
            raise RuntimeError("the part failed")
        assert marks(db) == (BOTH, BOTH)

    assert marks(db) == (set(), set())
    assert in_step(tmp_path / "s.db")
    assert indexed(db, "pilings") == []
    assert db.execute("SELECT count(*) FROM articles WHERE id = ?", [ids["Dock"]]).fetchone() == (
        1,
    )
    db.conn.close()


def test_a_failure_that_undid_the_whole_transaction_fails_the_save_not_one_feed(tmp_path):
    """SQLite rolls the whole transaction back on some failures (an interrupt, at times a full
    disk): the savepoint's roll back then failed ("no such savepoint"), that was taken for the
    second feed's failure, and the first feed was reported saved though undone, while the
    third was committed alone."""
    db = open_db(tmp_path / "s.db")
    fill(db)
    town, wharf = feed_id(db, "Town"), feed_id(db, "Wharf")
    inserting = article_saving.insert_new_articles

    def interrupted_for_wharf(db: store_db.Database, rows: list, *rest: object) -> object:
        if not any(row[0] == wharf for row in rows):
            return inserting(db, rows, *rest)
        db.conn.set_progress_handler(lambda: 1, 1)  # SQLite stops the insert
        try:
            return inserting(db, rows, *rest)
        finally:
            db.conn.set_progress_handler(None, 0)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(article_saving, "insert_new_articles", interrupted_for_wharf)
        with pytest.raises(sqlite3.OperationalError, match="interrupted"):
            save_feeds(
                db, [(town, mended("Bus")), (wharf, mended("Barge")), (town, mended("Tram"))]
            )

    assert not db.conn.in_transaction
    assert indexed(db, "mended") == []  # nothing saved, as the error says
    assert db.execute("SELECT count(*) FROM articles").fetchone() == (5,)
    db.conn.close()
