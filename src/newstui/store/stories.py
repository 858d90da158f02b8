"""One story once: sketch new articles, join each to an earlier copy in another feed, and read
the versions of a story. The matching itself is newstui.stories (pure)."""

from __future__ import annotations

import json

from newstui.model import StoryVersion
from newstui.store.db import Database, write_transaction
from newstui.stories import (
    SAME_STORY,
    band_keys,
    pack,
    similarity,
    sketch,
    stored_form,
    unpack,
)

RECENT_DAYS = 14  # only articles first seen this recently are new enough to be compared
SKETCH_BATCH = 500  # articles read, sketched and stored at a time: memory stays flat


def find_stories(db: Database, limit: int = 5000) -> int:
    """Sketch the recent articles not yet sketched and join copies of an earlier article from
    another feed to its story; returns how many articles were joined to another."""
    joined = done = 0
    while done < limit:
        rows = db.execute(
            "SELECT a.id, a.feed_id, a.text FROM articles a WHERE a.first_seen >= "
            "strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now', ?) AND NOT EXISTS "
            "(SELECT 1 FROM stories s WHERE s.article_id = a.id) ORDER BY a.id LIMIT ?",
            [f"-{RECENT_DAYS} days", min(SKETCH_BATCH, limit - done)],
        ).fetchall()
        if not rows:
            break
        done += len(rows)
        joined += _join_stories(db, [(r[0], r[1], sketch(r[2])) for r in rows])
    return joined


def _join_stories(db: Database, sketches: list[tuple[int, int, tuple[int, ...] | None]]) -> int:
    """Store sketched articles (sketched outside the write lock), each joined to the story of
    the most similar earlier article of another feed; returns how many were joined."""
    joined = 0
    with write_transaction(db) as conn:
        for article_id, feed_id, signature in sketches:
            if signature is None:
                conn.execute(
                    "INSERT OR IGNORE INTO stories (article_id, story_id) VALUES (?, ?)",
                    [article_id, article_id],
                )
                continue
            keys = band_keys(signature)
            compared = stored_form(signature)
            story = article_id
            best = SAME_STORY
            for other_story, other_sketch in conn.execute(
                "SELECT s.story_id, s.sketch FROM stories s "
                "JOIN articles o ON o.id = s.article_id WHERE s.article_id IN "
                "(SELECT b.article_id FROM story_bands b WHERE b.key IN "
                "(SELECT value FROM json_each(?))) AND o.feed_id != ? AND s.sketch IS NOT NULL",
                [json.dumps(keys), feed_id],
            ).fetchall():
                score = similarity(compared, unpack(other_sketch))
                if score >= best:
                    story, best = other_story, score
            conn.execute(
                "INSERT OR REPLACE INTO stories (article_id, story_id, sketch) VALUES (?, ?, ?)",
                [article_id, story, pack(signature)],
            )
            conn.executemany(
                "INSERT OR IGNORE INTO story_bands (key, article_id) VALUES (?, ?)",
                [(key, article_id) for key in keys],
            )
            joined += story != article_id
    return joined


def story_versions(db: Database, article_id: int) -> list[StoryVersion]:
    """Every version of an article's story (itself included), first published first."""
    return [
        StoryVersion(article_id=r[0], feed=r[1], title=r[2], read=bool(r[3]))
        for r in db.execute(
            "SELECT a.id, f.name, a.title, a.read FROM stories s JOIN articles a ON a.id = "
            "s.article_id JOIN feeds f ON f.id = a.feed_id WHERE s.story_id = "
            "(SELECT story_id FROM stories WHERE article_id = ?) ORDER BY a.sort_date, a.id",
            [article_id],
        ).fetchall()
    ]


def same_story_ids(db: Database, ids: list[int]) -> list[int]:
    """The given ids and every other version of their stories."""
    if not ids:
        return []
    found = db.execute(
        "SELECT article_id FROM stories WHERE story_id IN (SELECT story_id FROM stories "
        "WHERE article_id IN (SELECT value FROM json_each(?)))",
        [json.dumps(ids)],
    ).fetchall()
    return sorted(set(ids) | {r[0] for r in found})
