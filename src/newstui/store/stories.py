"""One story once: sketch new articles, join each to an earlier copy in another feed, and read
the versions of a story. The matching itself is newstui.stories (pure)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from newstui.article_rows import bulk_inflate, unpacked_text
from newstui.errors import hide_passwords
from newstui.store.db import Database, write_transaction

if TYPE_CHECKING:  # the matching (newstui.stories) loads when a fetch or analysis sketches
    import sqlite3

    from newstui.model import StoryVersion
    from newstui.stories import StorySketch

RECENT_DAYS = 14  # only articles first seen this recently are new enough to be compared
SKETCH_BATCH = 500  # articles read, sketched and stored at a time: memory stays flat
_RECENT = (  # an article first seen within RECENT_DAYS
    f"a.first_seen >= strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now', '-{RECENT_DAYS} days')"
)
_UNSKETCHED = "NOT EXISTS (SELECT 1 FROM stories s WHERE s.article_id = a.id)"


def find_stories(db: Database, limit: int | None = None) -> int:
    """Sketch the recent articles not yet sketched (oldest first, at most `limit`, None:
    STORIES_PER_RUN) and join copies of an earlier article from another feed to its story;
    returns how many articles were joined to another. Articles analysed in a worker come
    sketched (`join_stories`): this is for the others."""
    from newstui.stories import STORIES_PER_RUN, story_sketch

    limit = STORIES_PER_RUN if limit is None else limit
    joined = done = 0
    while done < limit:
        rows = db.execute(
            f"SELECT a.id, a.text FROM articles a WHERE {_RECENT} AND {_UNSKETCHED} "
            "ORDER BY a.id LIMIT ?",
            [min(SKETCH_BATCH, limit - done)],
        ).fetchall()
        if not rows:
            break
        done += len(rows)
        inflate = bulk_inflate()
        sketched = [(r[0], story_sketch(unpacked_text(r[1], inflate))) for r in rows]
        joined += join_stories(db, sketched)
    return joined


def unsketched(db: Database, ids: Iterable[int]) -> list[int]:
    """Those of the ids whose articles are recent and not sketched yet (in id order): the ones
    whose sketch is worth making."""
    return [
        r[0]
        for r in db.execute(
            f"SELECT a.id FROM articles a WHERE a.id IN (SELECT value FROM json_each(?)) "
            f"AND {_RECENT} AND {_UNSKETCHED} ORDER BY a.id",
            [json.dumps(list(ids))],
        ).fetchall()
    ]


def join_stories(db: Database, sketched: Iterable[tuple[int, StorySketch]]) -> int:
    """Store sketched articles (sketched elsewhere: outside the write lock, or in a worker),
    each joined to the story of the most similar article of another feed; returns how many
    were joined. An article sketched meanwhile, or deleted, is left as it is. The first
    version (the lowest id) leads a story, whatever order the sketches come in. It writes only
    articles it has read in its transaction: their references are not checked row by row."""
    from newstui.stories import SAME_STORY, similarity, unpack

    made = dict(sketched)
    if not made:
        return 0
    joined = 0
    with write_transaction(db, check_references=False) as conn:
        feeds = conn.execute(
            f"SELECT a.id, a.feed_id FROM articles a WHERE a.id IN (SELECT value FROM "
            f"json_each(?)) AND {_UNSKETCHED} ORDER BY a.id",
            [json.dumps(list(made))],
        ).fetchall()
        for article_id, feed_id in feeds:
            found = made[article_id]
            if found.packed is None:
                conn.execute(
                    "INSERT INTO stories (article_id, story_id) VALUES (?, ?)",
                    [article_id, article_id],
                )
                continue
            compared: tuple[int, ...] = ()  # unpacked when there is a candidate
            story = article_id
            best = SAME_STORY
            keys = json.dumps(found.keys)
            for other_story, other_sketch in conn.execute(
                "SELECT s.story_id, s.sketch FROM stories s "
                "JOIN articles o ON o.id = s.article_id WHERE s.article_id IN "
                "(SELECT b.article_id FROM story_bands b WHERE b.key IN "
                "(SELECT value FROM json_each(?))) AND o.feed_id != ? AND s.sketch IS NOT NULL",
                [keys, feed_id],
            ).fetchall():
                compared = compared or unpack(found.packed)
                score = similarity(compared, unpack(other_sketch))
                if score >= best:
                    story, best = other_story, score
            if story != article_id:
                joined += 1
                if story > article_id:  # a later version was sketched first: this one leads
                    conn.execute(
                        "UPDATE stories SET story_id = ? WHERE story_id = ?", [article_id, story]
                    )
                    story = article_id
            conn.execute(
                "INSERT INTO stories (article_id, story_id, sketch) VALUES (?, ?, ?)",
                [article_id, story, found.packed],
            )
            # one statement, not one per key (the same rows in the same order: ~20 % less CPU)
            conn.execute(
                "INSERT OR IGNORE INTO story_bands (key, article_id) "
                "SELECT value, ? FROM json_each(?)",
                [article_id, keys],
            )
    return joined


def lead_orphaned_stories(conn: sqlite3.Connection) -> None:
    """A story whose leading version was deleted is led by its next one (the lowest id left).
    Lists show a story by its leader only: without one, every copy of it left All and Unread
    (removing the feed that brought a story first hid the other feeds' copies)."""
    leaders = conn.execute(
        "SELECT min(article_id), story_id FROM stories "
        "WHERE story_id NOT IN (SELECT article_id FROM stories) GROUP BY story_id"
    ).fetchall()
    conn.executemany("UPDATE stories SET story_id = ? WHERE story_id = ?", leaders)


def story_versions(db: Database, article_id: int) -> list[StoryVersion]:
    """Every version of an article's story (itself included), first published first."""
    from newstui.model.analysis import StoryVersion

    return [
        StoryVersion(
            article_id=r[0], feed=hide_passwords(r[1]), title=r[2], read=bool(r[3]), feed_id=r[4]
        )
        for r in db.execute(
            "SELECT a.id, f.name, a.title, a.read, a.feed_id FROM stories s JOIN articles a "
            "ON a.id = s.article_id JOIN feeds f ON f.id = a.feed_id WHERE s.story_id = "
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
