"""Sources that left the config file by hand: set aside whole (articles, marks, full text,
downloads), listed nowhere, until their URL comes back, their name's new URL takes them, or
their grace period ends.

A set-aside source is a feeds row with `removed` set (when it left) and `configured` still 1;
one set aside because the config gave its name another URL has URL_CHANGED after that time
("2026-12-05T02:00:00+00:00 url-changed"): only such a source moves to its name's new URL, and
its grace period starts only once its name leaves the config (its time is then set anew).
a source removed for good keeps only its starred articles, with `configured` 0 (feeds.remove_feed).
Registering its key again (feeds._upsert_feed) clears `removed`: it comes back as it was.
"""

from __future__ import annotations

from newstui.errors import hide_passwords, hide_url_password
from newstui.model.fetching import RemovedSource, SetAsideSource
from newstui.store.article_merge import merge_article, move_articles
from newstui.store.db import Database, write_transaction
from newstui.store.entries import twin_articles

URL_CHANGED = " url-changed"  # after `removed`'s time: set aside as its name got another URL


def set_aside_feed(
    db: Database, feed_id: int, when: str, *, url_changed: bool = False
) -> RemovedSource | None:
    """Set aside a listed source that left the config (`when`: now, ISO 8601 UTC; `url_changed`:
    the config gives its name another URL), keeping everything of it; one without articles and
    without a memory of articles cleanup removed is deleted instead (nothing stored is lost).
    None when there is no such source."""
    with write_transaction(db) as conn:
        row = conn.execute("SELECT name, url FROM feeds WHERE id = ?", [feed_id]).fetchone()
        if row is None:
            return None
        total, starred = conn.execute(
            "SELECT count(*), coalesce(sum(starred), 0) FROM articles WHERE feed_id = ?",
            [feed_id],
        ).fetchone()
        # (one whose articles cleanup removed keeps its memory of them: deleted with the
        # source, a fixed typo would bring them back unread)
        remembers = conn.execute(
            "SELECT 1 FROM retired_articles WHERE feed_id = ? LIMIT 1", [feed_id]
        ).fetchone()
        if not total and remembers is None:
            conn.execute("DELETE FROM feeds WHERE id = ?", [feed_id])
            return RemovedSource(hide_passwords(row[0]), 0, 0)
        left = when + URL_CHANGED if url_changed else when
        conn.execute("UPDATE feeds SET removed = ?, configured = 1 WHERE id = ?", [left, feed_id])
    url = hide_url_password(row[1]) if row[1] else None
    return RemovedSource(hide_passwords(row[0]), 0, starred, "kept", kept=total, url=url)


def set_aside_feeds(db: Database) -> list[SetAsideSource]:
    """Every set-aside source, oldest first, with its article count and its unread articles
    that no filter hid (as Sources counts a feed's)."""
    rows = db.execute(
        "SELECT f.id, f.key, f.name, f.url, f.removed, "
        "(SELECT count(*) FROM articles a WHERE a.feed_id = f.id), "
        "(SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.read = 0 AND a.hidden = 0) "
        "FROM feeds f WHERE f.removed IS NOT NULL AND f.configured = 1 ORDER BY f.removed, f.id"
    ).fetchall()
    return [
        SetAsideSource(id_, key, name, url, left.removesuffix(URL_CHANGED), count, changed, unread)
        for id_, key, name, url, left, count, unread in rows
        for changed in [left.endswith(URL_CHANGED)]
    ]


def name_left_config(db: Database, feed_id: int, when: str) -> None:
    """A source set aside as its URL changed lost its name from the config too (`when`: now):
    from now on it is one that left the config, its grace period starting `when`."""
    with write_transaction(db) as conn:
        conn.execute(
            "UPDATE feeds SET removed = ? WHERE id = ? AND removed IS NOT NULL AND configured = 1",
            [when, feed_id],
        )


def move_feed_articles(db: Database, old_id: int, new_id: int) -> tuple[int, int]:
    """Move a set-aside source's articles, with their marks, full text, analyses and downloads,
    to the source its URL became, and delete the set-aside source; returns how many moved, and
    how many of the new source's articles were copies of them.

    The new source's copy of an article the old one holds (entries.twin_articles: the same id
    in the feed, else the same entry under a link only one article's in each, as a sync merges
    a moved subscription's) gives way: the old one, with what the user did to it, stays, taking
    the copy's marks, downloads and better text (store.article_merge)."""
    with write_transaction(db) as conn:
        copies = twin_articles(conn, old_id, new_id)
        for old, copy in copies:
            merge_article(conn, copy, old)
        moved = move_articles(conn, old_id, new_id)
    return moved, len(copies)
