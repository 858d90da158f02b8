"""What an article's changed text redoes besides its analysis: its story sketch, and the hide
filters' look at it (the articles noted here are checked again at the next filter pass)."""

from __future__ import annotations

import json
import sqlite3

from newstui.model import ChangedTexts
from newstui.store.db import Database, write_transaction
from newstui.store.stories import sketch_again


def text_changed(conn: sqlite3.Connection, article_id: int) -> None:
    """An article's text changed (an updated entry, a sync's update, a merge that took the
    other copy's text, a full text, an edited local file): its story is found again by the new
    text, and the next filter pass checks it again, inside the caller's transaction."""
    sketch_again(conn, article_id)
    # (a new turn, AUTOINCREMENT's: never one a pass running now has read, schema 42)
    conn.execute("INSERT OR REPLACE INTO texts_changed (article_id) VALUES (?)", [article_id])


def texts_changed(db: Database) -> ChangedTexts:
    """The articles whose text changed since the filters last ran, oldest id first, with the
    turn of the last change read, and those of them whose new text's analysis is not stored."""
    rows = db.execute(
        "SELECT t.article_id, t.turn, a.id IS NOT NULL AND a.nlp_version IS NULL "
        "FROM texts_changed t LEFT JOIN articles a ON a.id = t.article_id ORDER BY 1"
    ).fetchall()
    return ChangedTexts(
        tuple(r[0] for r in rows),
        max((r[1] for r in rows), default=0),
        tuple(r[0] for r in rows if r[2]),
    )


def forget_texts_changed(db: Database, changed: ChangedTexts) -> None:
    """The filter pass checked these again: forgotten, unless changed again since it read
    them (a later turn: the next pass checks that text)."""
    if not changed.ids:
        return
    with write_transaction(db) as conn:
        conn.execute(
            "DELETE FROM texts_changed WHERE turn <= ? "
            "AND article_id IN (SELECT value FROM json_each(?))",
            [changed.turn, json.dumps(list(changed.ids))],
        )
