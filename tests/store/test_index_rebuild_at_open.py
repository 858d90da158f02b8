"""The index rebuild a store keeps a mark for (a process killed before it rebuilt, an upgrade)
and the next open runs: a stop during it stops the open with the mark kept (r29 review M1), two
openers do not both rebuild (L3), and the CJK upgrade (schema 28) reindexes only the articles
holding CJK words, no whole rebuild (M2)."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from test_cjk_search import ARTICLES, in_step, store_of_schema_27

import newstui.store.index_repair as index_repair
import newstui.store.migrations as migrations
import newstui.store.opening as opening
import newstui.store.sql_functions as sql_functions
from newstui.errors import StoreError
from newstui.store import open_db
from newstui.store.db import Database

# enough rows that the rebuild runs SQLite's machine well past the stop's 1,000 steps
MANY = ARTICLES | {f"記事 {n}": f"東京都 {n} の天気は雨 " * 20 for n in range(300)}


def marked_store(path, texts: dict[str, str]) -> None:
    """An upgraded store holding these articles, with the mark of a rebuild left due."""
    store_of_schema_27(path, texts).conn.close()
    open_db(path).conn.close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO index_rebuilds (name) VALUES ('articles_fts')")
    conn.commit()
    conn.close()


def marks(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [name for (name,) in conn.execute("SELECT name FROM index_rebuilds")]
    finally:
        conn.close()


def test_a_stop_during_the_upgrades_rebuild_stops_the_open_and_keeps_the_mark(
    tmp_path, monkeypatch
):
    path = tmp_path / "old.db"
    marked_store(path, MANY)
    stop = threading.Event()
    rebuild = index_repair.rebuild_marked

    def stopped_while_rebuilding(db: Database) -> None:
        stop.set()  # as the app's quit, or the CLI's SIGTERM, lands during the rebuild
        rebuild(db)

    monkeypatch.setattr(opening, "rebuild_marked", stopped_while_rebuilding)

    with pytest.raises(StoreError, match="stopped"):
        open_db(path, stop=stop)

    assert marks(path) == ["articles_fts"]
    monkeypatch.undo()
    db = open_db(path)  # the next open rebuilds it
    assert in_step(db)
    assert db.execute("SELECT count(*) FROM index_rebuilds").fetchone()[0] == 0
    db.conn.close()


def test_ctrl_c_inside_the_rebuilds_reading_of_cjk_text_is_a_stop_not_a_busy_store(
    tmp_path, monkeypatch
):
    path = tmp_path / "old.db"
    marked_store(path, ARTICLES)
    apart = sql_functions.search_words

    def interrupted(value):
        if isinstance(value, str) and "東" in value:
            raise KeyboardInterrupt
        return apart(value)

    monkeypatch.setattr(sql_functions, "search_words", interrupted)

    with pytest.raises(KeyboardInterrupt):
        open_db(path)

    assert marks(path) == ["articles_fts"]


def test_an_opener_that_finds_the_rebuild_done_under_the_lock_does_not_rebuild_again(
    tmp_path, monkeypatch
):
    path = tmp_path / "old.db"
    store_of_schema_27(path, ARTICLES).conn.close()
    open_db(path).conn.close()  # upgraded and rebuilt
    other = sqlite3.connect(path)
    other.execute("INSERT INTO index_rebuilds (name) VALUES ('articles_fts')")
    other.commit()
    rebuilds: list[set[str]] = []
    rebuild_stale = Database.rebuild_stale

    def counted(self: Database) -> None:
        if self.known_texts.stale:
            rebuilds.append(set(self.known_texts.stale))
        rebuild_stale(self)

    write_transaction = index_repair.write_transaction

    def after_the_other_opener(db: Database, **kwargs):
        # the other process took the lock first, rebuilt and deleted the marks
        other.execute("DELETE FROM index_rebuilds")
        other.commit()
        return write_transaction(db, **kwargs)

    monkeypatch.setattr(Database, "rebuild_stale", counted)
    monkeypatch.setattr(index_repair, "write_transaction", after_the_other_opener)

    db = open_db(path)

    assert rebuilds == []
    assert in_step(db)
    db.conn.close()
    other.close()


def test_the_cjk_upgrade_reindexes_only_the_articles_holding_cjk(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    english = {f"Floods {n}": f"Rain and floods in the valley, day {n}." for n in range(200)}
    store_of_schema_27(path, english | ARTICLES).conn.close()
    rebuilds: list[set[str]] = []
    rebuild_stale = Database.rebuild_stale

    def counted(self: Database) -> None:
        if self.known_texts.stale:
            rebuilds.append(set(self.known_texts.stale))
        rebuild_stale(self)

    monkeypatch.setattr(Database, "rebuild_stale", counted)
    # (up to 47: schema 48 folds, and so rebuilds whole, an index holding words not ASCII)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 47)
    monkeypatch.setattr(opening, "SCHEMA_VERSION", 47)

    db = open_db(path)

    # no rebuild of the whole index: only the fill of the prefix index schema 31 adds
    assert rebuilds == [{"articles_prefix_fts"}]
    assert in_step(db)  # (the index holds exactly the words of every stored text, split)
    assert db.execute("SELECT count(*) FROM index_rebuilds").fetchone()[0] == 0
    found = db.execute(
        "SELECT a.title FROM articles_fts f JOIN articles a ON a.id = f.rowid "
        "WHERE articles_fts MATCH '\"東 京\"'"
    ).fetchall()
    assert {t for (t,) in found} == {"東京都の天気", "旅行記"}
    db.conn.close()
