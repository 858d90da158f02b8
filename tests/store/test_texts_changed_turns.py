"""Schema 42: the changed texts a store of schema 41 noted are still checked after the upgrade,
and each change after it has a turn of its own (review r35 S1)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newstui.library import Library
from newstui.model import Article
from newstui.store import open_db
from newstui.store.article_saving import save_articles
from tests.store.older_store import made_by_schema


def store_of_schema_41(path: Path) -> None:
    """A store made by schema 41 with two articles, the text of one noted as changed."""
    conn = made_by_schema(path, 41)
    conn.execute("INSERT INTO feeds (id, key, name, url) VALUES (1, 'g', 'Gazette', 'g')")
    for n in (1, 2):
        conn.execute(
            "INSERT INTO articles (id, feed_id, guid, title, text, content_hash, first_seen, sort_date) "
            "VALUES (?, 1, ?, 'Harbour', 'Text.', 'x', '2026-12-01T10:00:00Z', "
            "'2026-12-01T10:00:00Z')",
            [n, f"guid:h{n}"],
        )
    conn.execute("INSERT INTO texts_changed (article_id) VALUES (2)")
    conn.commit()
    conn.close()


def test_a_store_from_before_keeps_its_changed_texts_and_notes_a_change_again_with_a_new_turn(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    store_of_schema_41(path)

    db = open_db(path)
    library = Library(db)
    noted = library.texts_changed()
    assert noted.ids == (2,)
    save_articles(db, 1, [Article("Harbour", "Text, edited.", guid="h2")])
    again = library.texts_changed()
    assert again.ids == (2,) and again.turn > noted.turn  # (changed after `noted` was read)
    library.forget_texts_changed(noted)  # (a pass that read before the edit)
    assert library.texts_changed().ids == (2,)
    library.forget_texts_changed(again)
    assert library.texts_changed().ids == ()
    db.conn.close()


def test_a_store_from_before_with_a_change_noted_for_an_article_gone_opens(tmp_path: Path) -> None:
    # (a note left by articles deleted with the sqlite3 shell, whose foreign keys are off: review
    # r36 MG1, the upgrade stopped with "FOREIGN KEY constraint failed" and opened nothing)
    path = tmp_path / "old.db"
    store_of_schema_41(path)
    conn = sqlite3.connect(path)  # (foreign keys off, as in the sqlite3 shell)
    conn.execute("INSERT INTO texts_changed (article_id) VALUES (999)")
    conn.commit()
    conn.close()

    db = open_db(path)

    assert Library(db).texts_changed().ids == (2,)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    db.conn.close()
