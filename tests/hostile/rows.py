"""Rows written by something other than newstui's ingest (an old version, a manual edit):
every text field carries terminal escape sequences."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from newstui.nlp import get_extractor
from newstui.store import open_db

# Title, clipboard, clear-screen and cursor-report sequences, 8-bit CSI, bell, bidi override.
ESCAPES = "\x1b]0;PWNED\x07\x1b]52;c;cHduZWQ=\x07\x1b[2J\x1b[6n\x9b2J\x07\u202e"
TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE_TEXT = (
    f"Kremlin spokesperson Dmitry{ESCAPES} Peskov said: “We consider{ESCAPES} this a violation.”"
    f"\n\nSecond{ESCAPES} paragraph about Aleppo."
)


def hostile(label: str) -> str:
    """A field value: a visible label wrapped in every escape sequence."""
    return f"{ESCAPES}{label}{ESCAPES}"


@dataclass(frozen=True)
class HostileDb:
    """A database whose every text field holds terminal escape sequences."""

    path: Path
    article_id: int
    feed_name: str = "Hostile Feed"


def write_hostile_rows(path: Path) -> HostileDb:
    """Write a feed, an article, its entities and a quote straight into the tables (no ingest)."""
    db = open_db(path)
    conn = db.conn
    with conn:
        feed_id = conn.execute(
            "INSERT INTO feeds (key, kind, name, url, tags, title, last_fetched, last_error) "
            "VALUES (?, 'feed', ?, ?, ?, ?, ?, ?) RETURNING id",
            [
                "http://127.0.0.1:9/hostile.xml",
                hostile("Hostile Feed"),
                "http://127.0.0.1:9/hostile.xml" + ESCAPES,
                json.dumps([hostile("evil-tag")]),
                hostile("Feed title"),
                "2024-11-30T12:00:00+00:00" + ESCAPES,
                hostile("Last error"),
            ],
        ).fetchone()[0]
        article_id = conn.execute(
            "INSERT INTO articles (feed_id, guid, url, title, author, published, first_seen, "
            "sort_date, summary, text, links, content_hash, fulltext_status, fulltext_error) "
            "VALUES (?, 'guid:hostile', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'x', 'failed', ?) RETURNING id",
            [
                feed_id,
                "https://evil.example/a" + ESCAPES,
                hostile("Hostile headline"),
                hostile("Mallory Author"),
                "2024-11-30T11:00:00+00:00" + ESCAPES,
                "2024-11-30T12:00:00+00:00",
                "2024-11-30T11:00:00+00:00",
                hostile("Summary words"),
                HOSTILE_TEXT,
                json.dumps(
                    [{"text": hostile("Link text"), "url": "https://evil.example/l" + ESCAPES}]
                ),
                hostile("Fulltext error"),
            ],
        ).fetchone()[0]
        for name, etype, word in (
            ("Dmitry Peskov", "PERSON", "Dmitry"),
            ("Aleppo", "PLACE", "Aleppo"),
        ):
            start = HOSTILE_TEXT.index(word)
            end = HOSTILE_TEXT.index("Peskov") + len("Peskov") if etype == "PERSON" else start + 6
            entity_id = conn.execute(
                "INSERT INTO entities (key, name, type) VALUES (?, ?, ?) RETURNING id",
                [f"{etype}:{name}", hostile(name), etype],
            ).fetchone()[0]
            conn.execute(  # a mention's words are the article's text between its offsets
                "INSERT INTO mentions (article_id, entity_id, start, end) VALUES (?, ?, ?, ?)",
                [article_id, entity_id, start, end],
            )
        start = HOSTILE_TEXT.index("We consider")
        end = HOSTILE_TEXT.index("”")
        conn.execute(  # a quote's words too (and its words index, which the store writes)
            "INSERT INTO quotes (article_id, start, end, speaker) VALUES (?, ?, ?, ?)",
            [article_id, start, end, hostile("Dmitry Peskov")],
        )
        conn.execute(
            "INSERT INTO quotes_fts (rowid, text) SELECT max(id), ? FROM quotes",
            [HOSTILE_TEXT[start:end]],
        )
        version = get_extractor("rules").version  # analysed: the app leaves it as it is
        conn.execute("UPDATE articles SET nlp_version = ? WHERE id = ?", [version, article_id])
    conn.close()
    return HostileDb(path, article_id)
