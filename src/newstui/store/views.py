"""Queries the reading app needs beyond the CLI's: smart-view counts, one article with its
analysis, and a fast bulk insert for benchmarks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from newstui.store import analysis as analysis_store
from newstui.store import downloads as downloads_store
from newstui.store import stories as story_store
from newstui.store.article_detail import get_article
from newstui.store.article_inserts import insert_new_articles, new_article_row
from newstui.store.db import Database, write_transaction
from newstui.store.feeds import now_iso
from newstui.store.json_columns import json_list

if TYPE_CHECKING:
    from newstui.model import Article, ArticleDetail, SmartCounts


def smart_counts(db: Database) -> SmartCounts:
    """Article, unread and starred counts over the whole store."""
    from newstui.model.views import SmartCounts  # the app's; a listing never makes one

    # Totals over every article (from indexes), minus the few hidden ones (their partial index).
    total, unread = db.execute(
        "SELECT count(*), coalesce(sum(read = 0), 0) FROM articles"
    ).fetchone()
    starred, starred_unread = db.execute(
        "SELECT count(*), coalesce(sum(read = 0), 0) FROM articles WHERE starred = 1"
    ).fetchone()
    hidden, hidden_unread, hidden_starred, hidden_starred_unread = db.execute(
        "SELECT count(*), coalesce(sum(read = 0), 0), coalesce(sum(starred), 0), "
        "coalesce(sum(starred AND read = 0), 0) FROM articles WHERE hidden = 1"
    ).fetchone()
    # Copies of a story from other feeds are listed once, under the first version; in Starred,
    # under the first starred one (a starred version is left out only when an earlier version
    # of its story from another feed is starred too: store.filter_sql's _FOLDED_MATCHES).
    # (each copy's read mark from the fold's index, not its row: a page each; hidden ones by
    # their own small index. 9,750 copies of 100,000 articles: 23 -> 5 ms)
    copies, copies_unread = db.execute(
        "SELECT count(*), coalesce(sum(read = 0), 0) FROM articles INDEXED BY articles_fold "
        "WHERE id IN (SELECT article_id FROM stories WHERE story_id != article_id "
        "AND article_id > 0) AND id NOT IN (SELECT id FROM articles WHERE hidden = 1)"
    ).fetchone()
    copies_starred, copies_starred_unread = db.execute(
        "SELECT count(*), coalesce(sum(c.read = 0), 0) FROM articles c "
        "JOIN stories cs ON cs.article_id = c.id WHERE c.starred = 1 AND c.id IN (SELECT "
        "article_id FROM stories WHERE story_id != article_id AND article_id > 0) "  # (few)
        "AND c.hidden = 0 "
        "AND cs.story_id != cs.article_id AND EXISTS (SELECT 1 FROM stories e "
        "JOIN articles x ON x.id = e.article_id WHERE e.story_id = cs.story_id "
        # each starred copy's earlier versions (few) by its story, not every starred article
        "AND e.article_id < c.id AND x.feed_id != c.feed_id AND +x.starred = 1 AND +x.hidden = 0)"
    ).fetchone()
    return SmartCounts(
        total - hidden - copies,
        unread - hidden_unread - copies_unread,
        starred - hidden_starred - copies_starred,
        starred_unread - hidden_starred_unread - copies_starred_unread,
        hidden,
    )


def tag_copies(db: Database) -> dict[str, tuple[int, int]]:
    """For each tag (by its name_key) whose list leaves out copies: (how many, how many unread).
    A tag's list folds as the query `tag:` does (store.filter_sql's _FOLDED_MATCHES): a version is
    left out when an earlier version of its story from another feed in the folder (the tag or
    one under it: model.folders) is listed. One pass over the versions of the stories with
    copies (few), each folder of its feed apart."""
    import json

    from newstui.model.folders import folder_keys

    folders: dict[str, list[str]] = {}  # by feed id: the folders it is in (folder_keys)
    for feed_id, tags in db.execute("SELECT id, tags FROM feeds WHERE tags != '[]'"):
        keys = sorted(
            {key for tag in json_list(tags) if isinstance(tag, str) for key in folder_keys(tag)}
        )
        if keys:
            folders[str(feed_id)] = keys
    if not folders:
        return {}
    # Each version's folders are looked up by its feed (json_each at the feed's key): joined
    # to a list of (feed, folder) pairs, SQLite went through the versions once a pair, 2.3
    # CPU-s for 11,000 versions in 300 feeds (user test r54: Sources' folders ~40 s at start)
    return {
        r[0]: (r[1], r[2])
        for r in db.execute(
            """WITH versions AS (SELECT a.id, a.feed_id AS feed, a.read, s.story_id AS story,
                g.value AS tag,
                first_value(a.feed_id) OVER (PARTITION BY s.story_id, g.value ORDER BY a.id)
                    AS first_feed
                FROM stories s JOIN articles a INDEXED BY articles_fold ON a.id = s.article_id
                JOIN json_each(?, '$."' || a.feed_id || '"') g
                WHERE s.story_id IN (SELECT story_id FROM stories
                    WHERE story_id != article_id AND article_id > 0)
                AND a.id NOT IN (SELECT id FROM articles WHERE hidden = 1)),
            cuts AS (SELECT tag, read, id, feed, first_feed,
                min(CASE WHEN feed != first_feed THEN id END) OVER (PARTITION BY story, tag) AS cut
                FROM versions)
            SELECT tag, count(*), coalesce(sum(read = 0), 0) FROM cuts
            WHERE feed != first_feed OR id > cut GROUP BY tag""",
            [json.dumps(folders)],
        )
    }


def article_detail(db: Database, article_id: int) -> ArticleDetail | None:
    """One article in full with its stored analysis and entity counts, or None."""
    from newstui.model.views import ArticleDetail

    conn = db.conn
    began = not conn.in_transaction  # (one read: article, analysis and counts of one moment)
    if began:  # an analysis written between two of these reads gave the sidebar half of each
        conn.execute("BEGIN")  # (user test r52 L8)
    try:
        stored = get_article(db, article_id)
        if stored is None:
            return None
        return ArticleDetail(
            stored,
            analysis_store.article_analysis(db, article_id),
            tuple(analysis_store.article_entities(db, article_id)),
            tuple(story_store.story_versions(db, article_id)),
            tuple(downloads_store.list_downloads(db, article_id)),
            analysed=analysis_store.analysed(db, article_id),
        )
    finally:
        if began and conn.in_transaction:
            conn.commit()  # (nothing written: the read snapshot ends)


def bulk_insert_articles(db: Database, feed_id: int, articles: Iterable[Article]) -> int:
    """Insert many new articles in one transaction without dedupe checks (benchmarks, demos)."""
    now = now_iso()
    rows = [
        new_article_row(feed_id, article.guid or f"bulk:{i}", article, now)
        for i, article in enumerate(articles)
    ]
    with write_transaction(db):
        insert_new_articles(db, rows)
    return len(rows)
