"""Retention: remove a feed's articles past its age and count limits (never starred ones, nor
unread ones fetched recently), with everything hanging off them, and remember what was removed
so the next fetch of a feed still offering it does not bring it back."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from newstui.errors import hide_passwords
from newstui.store.analysis import prune_entities
from newstui.store.db import Database, write_transaction
from newstui.store.entries import LINK_KEY
from newstui.store.pending_marks import forget_unmatched_marks, keep_days_by_feed_url
from newstui.store.stories import forget_old_sketches
from newstui.store.vacuum import give_back_free_pages

if TYPE_CHECKING:
    from newstui.article_rows import PreparedArticle
    from newstui.model import CleanupReport, FeedCleanup, RetentionPolicy

RETIRED_DAYS = 60  # a removed article's identity is forgotten once no fetch offered it this long
RECLAIM_PAGES = 256  # free pages worth giving back to the file system after a cleanup


def cleanup(
    db: Database,
    policies: Mapping[int, RetentionPolicy],
    *,
    now: datetime,
    dry_run: bool = False,
    syncing: bool = True,
    pause: Callable[[], None] | None = None,
) -> CleanupReport:
    """Apply each source's policy (source id → policy); a dry run only counts. `syncing`: a
    sync server is configured, so a queued mark of a server subscription's article waits.
    `pause`: forget_old_sketches' between its batches."""
    from newstui.model.retention import CleanupReport, FeedCleanup

    results: list[FeedCleanup] = []
    stamp = _iso(now)
    size_before = _store_bytes(db)  # (the removed articles' identities take room first)
    with write_transaction(db) as conn:
        names = dict(conn.execute("SELECT id, name FROM feeds WHERE removed IS NULL").fetchall())
        for feed_id, policy in sorted(policies.items(), key=lambda p: names.get(p[0], "")):
            if not policy.active or feed_id not in names:
                continue
            held = syncing and _subscribed(conn, feed_id)
            remove, starred, unread = _past_the_limits(conn, feed_id, policy, now, held)
            if remove and not dry_run:
                delete_articles(conn, remove, stamp)
            results.append(
                FeedCleanup(hide_passwords(names[feed_id]), len(remove), starred, unread)
            )
        if dry_run:
            conn.rollback()
            return CleanupReport(tuple(results), dry_run=True)
        conn.execute(
            "DELETE FROM retired_articles WHERE seen < ?",
            [_iso(now - timedelta(days=RETIRED_DAYS))],
        )
        # imported marks whose article never came
        forget_unmatched_marks(conn, keep_days_by_feed_url(conn, policies), now)
    forget_old_sketches(db, pause=pause)  # those no new article can join now: less to give back
    if any(r.removed for r in results):
        prune_entities(db)  # the people and places only the removed articles mentioned
    _reclaim(db)
    # what the file shrank by since the command began (user test r46 M3: measured from after
    # the deletes and the retired_articles rows, 132 MiB was said for a 50 MiB shrink)
    return CleanupReport(tuple(results), reclaimed_bytes=max(0, size_before - _store_bytes(db)))


def _subscribed(conn: sqlite3.Connection, feed_id: int) -> bool:
    """Whether a source is a subscription of the sync server."""
    return (
        conn.execute("SELECT 1 FROM sync_feeds WHERE feed_id = ?", [feed_id]).fetchone() is not None
    )


def _past_the_limits(
    conn: sqlite3.Connection, feed_id: int, policy: RetentionPolicy, now: datetime, held: bool
) -> tuple[list[int], int, int]:
    """The ids of a feed's articles to remove, and how many past the limits stay because
    starred and because unread and recent. `held`: queued marks wait for the sync server."""
    # (up to the next whole second: dates are stored to the second, and one in the limit's own
    # second but before it is older than keep_days; rounded down, it was kept)
    older_than = _iso_up(now - timedelta(days=policy.keep_days)) if policy.keep_days else ""
    grace = _iso(now - timedelta(days=policy.unread_grace_days))
    # An article whose read or starred change has not reached the sync server yet stays until
    # it has: removing it would drop the change, and the next sync would bring it back unread.
    # Not once the feed left the server or [sync] the config: no sync would ever push it.
    waiting = "AND id NOT IN (SELECT article_id FROM sync_queue)" if held else ""
    rows = conn.execute(
        "SELECT id, starred, read, first_seen FROM ("
        "SELECT id, starred, read, first_seen, sort_date, "
        "row_number() OVER (ORDER BY sort_date DESC, id DESC) AS rank "
        f"FROM articles WHERE feed_id = ?) WHERE (sort_date < ? OR (? > 0 AND rank > ?)) {waiting}",
        [feed_id, older_than, policy.keep_per_feed, policy.keep_per_feed],
    ).fetchall()
    remove: list[int] = []
    starred = unread = 0
    for article_id, is_starred, is_read, first_seen in rows:
        if is_starred:
            starred += 1
        elif not is_read and first_seen >= grace:
            unread += 1
        else:
            remove.append(article_id)
    return remove, starred, unread


def delete_articles(conn: sqlite3.Connection, ids: list[int], stamp: str) -> None:
    """Delete articles with their search rows, mentions, quotes, sync rows and story membership
    (a story whose first article goes is led by its next one), remembering their identities."""
    chunk = json.dumps(ids)
    roots = [
        r[0]
        for r in conn.execute(
            "SELECT article_id FROM stories WHERE story_id = article_id "
            "AND article_id IN (SELECT value FROM json_each(?))",
            [chunk],
        ).fetchall()
    ]
    # With its link (as compared), title, enclosures, date and read mark: a sync server's copy
    # of it carries no feed guid, and is known by those (store.sync: _retired).
    conn.execute(
        "INSERT OR REPLACE INTO retired_articles "
        "(feed_id, guid, seen, link, title, enclosures, published, was_read) "
        f"SELECT feed_id, guid, ?, {LINK_KEY}, title, "
        "enclosure_urls(links), published, read FROM articles "
        "WHERE id IN (SELECT value FROM json_each(?))",
        [stamp, chunk],
    )
    # A sync server's item is remembered by its item id too (an article fetched from the feed
    # and linked to the item later has the feed's guid), so the next sync does not bring it back.
    items = conn.execute(
        "SELECT a.feed_id, s.item_id FROM sync_items s JOIN articles a ON a.id = s.article_id "
        "WHERE a.id IN (SELECT value FROM json_each(?))",
        [chunk],
    ).fetchall()
    from newstui.model.sync import item_key  # sync's values: not made by a start or a listing

    conn.executemany(
        "INSERT OR REPLACE INTO retired_articles (feed_id, guid, seen) VALUES (?, ?, ?)",
        [(feed_id, item_key(item_id), stamp) for feed_id, item_id in items],
    )
    # The FTS rows go with the articles_ad trigger, quotes with articles_delete_quotes (before
    # the text their index rows are read from); mentions, sync rows, stories and their bands by
    # ON DELETE CASCADE.
    conn.execute("DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))", [chunk])
    for root in roots:
        conn.execute(
            "UPDATE stories SET story_id = (SELECT min(article_id) FROM stories WHERE story_id = ?)"
            " WHERE story_id = ?",
            [root, root],
        )


def retired_keys(db: Database, feed_id: int, keys: list[str], stamp: str) -> set[str]:
    """Those of a feed's article identities that a cleanup removed; each is marked as still
    offered (`stamp`), so it is remembered as long as the feed offers it."""
    found = {
        r[0]
        for r in db.execute(
            "SELECT guid FROM retired_articles WHERE feed_id = ? "
            "AND guid IN (SELECT value FROM json_each(?))",
            [feed_id, json.dumps(keys)],
        ).fetchall()
    }
    if found:
        db.execute(
            "UPDATE retired_articles SET seen = ? WHERE feed_id = ? "
            "AND guid IN (SELECT value FROM json_each(?))",
            [stamp, feed_id, json.dumps(sorted(found))],
        )
    return found


def describe_retired(db: Database, feed_id: int, offered: Mapping[str, PreparedArticle]) -> None:
    """Give each removed article a fetch offers again (its identity → the entry) the link, title,
    enclosures and date a cleanup before schema 38 did not keep, so a sync server's copy of it
    is known (store.sync: _retired); whether it was read stays unknown. Once a row."""
    db.conn.executemany(
        "UPDATE retired_articles SET link = link_key(?), title = ?, published = ?, "
        "enclosures = enclosure_urls(?) WHERE feed_id = ? AND guid = ? AND link IS NULL",
        [
            (entry.url, entry.title, entry.published, entry.links, feed_id, key)
            for key, entry in offered.items()
            if entry.url
        ],
    )


def _reclaim(db: Database) -> None:
    """Give free pages back to the file system (stores with incremental auto_vacuum)."""
    conn = db.conn
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    if free < RECLAIM_PAGES or conn.execute("PRAGMA auto_vacuum").fetchone()[0] != 2:
        return
    with contextlib.suppress(sqlite3.OperationalError):  # busy: the free pages are reused
        give_back_free_pages(conn)


def _store_bytes(db: Database) -> int:
    """The size of the store's file once its log is copied in (its pages, as SQLite counts
    them)."""
    conn = db.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    return int(pages * conn.execute("PRAGMA page_size").fetchone()[0])


def _iso(when: datetime) -> str:
    return when.replace(microsecond=0).isoformat()


def _iso_up(when: datetime) -> str:
    """`when` as stored dates are written (to the second), rounded up: a date stored to the
    second is before `when` exactly when it is before this."""
    return _iso(when + timedelta(microseconds=999_999))
