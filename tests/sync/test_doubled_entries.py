"""Two entries of a synced feed under one link and headline ("Daily briefing" linking to the
site's home page) are two articles, not one entry stored twice: the mend of doubled articles
(user test r39 H2) leaves them both when the server purges the older item (review r39 DB1)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from newstui.library import Library
from newstui.model import Article


def briefings(path: Path, second_text: str, second_day: int) -> list[int]:
    """A synced source with two "Daily briefing" entries under one link, items 101 and 102."""
    with Library.open(path) as lib:
        feed = lib.register_source("https://brief.example/rss", "Brief")
        lib.save_batch(
            feed,
            [
                Article(
                    title="Daily briefing",
                    text="Monday: the council met and passed the budget.",
                    url="https://brief.example/",
                    guid="mon",
                    published=datetime(2026, 11, 2, 6, tzinfo=UTC),
                ),
                Article(
                    title="Daily briefing",
                    text=second_text,
                    url="https://brief.example/",
                    guid="thu",
                    published=datetime(2026, 11, second_day, 6, tzinfo=UTC),
                ),
            ],
        )
    conn = sqlite3.connect(path)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    feed_id = conn.execute("SELECT id FROM feeds").fetchone()[0]
    conn.execute("INSERT INTO sync_feeds (feed_id, stream_id) VALUES (?, 'feed/2')", [feed_id])
    for item, article, usec in ((101, ids[0], 1), (102, ids[1], 2)):
        conn.execute(
            "INSERT INTO sync_items (item_id, article_id, crawled_usec) VALUES (?, ?, ?)",
            [item, article, usec],
        )
    conn.commit()
    conn.close()
    return ids


def mended(path: Path) -> list[int]:
    with Library.open(path) as lib:
        lib.sync.merge_doubled(lib.sync.doubled_articles(), {102})  # item 101 purged
    conn = sqlite3.connect(path)
    left = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    conn.close()
    return left


def test_two_briefings_days_apart_stay_two_articles(tmp_path):
    path = tmp_path / "b.db"
    ids = briefings(path, "Thursday: floods closed the motorway.", 5)
    assert mended(path) == ids


def test_two_briefings_of_one_day_with_other_texts_stay_two_articles(tmp_path):
    path = tmp_path / "b.db"
    ids = briefings(path, "Monday evening: floods closed the motorway.", 2)
    assert mended(path) == ids


def test_one_entry_stored_twice_is_still_mended(tmp_path):
    path = tmp_path / "b.db"
    ids = briefings(path, "Monday: the council met and passed the budget.", 2)
    assert mended(path) == ids[:1]
