"""New articles' rows: their ids past every id given, one INSERT for many, the date they sort by."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from newstui.article_rows import PreparedArticle, prepared
from newstui.store.db import Database
from newstui.store.downloads import take_over_orphans
from newstui.store.index_merges import merge_fewer_times
from newstui.store.pending_marks import GuidAsFetched, apply_pending_marks
from newstui.store.row_statements import row_statements
from newstui.store.sql_functions import with_texts

if TYPE_CHECKING:  # (annotations only: the values' own modules load when first used)
    from newstui.model import Article


def sortable_date(published: str | None, now: str) -> str | None:
    """The publish date to sort by: None (sort by fetch time) when it lies in the future.

    A feed claiming 9999-12-31 would otherwise sit at the top of every list forever; the claimed
    date stays stored and shown. Clamped at `now`, not a day later: a date a few hours ahead
    (a clock or time zone skew) sorting by itself put it above a batch's far-future claims, so
    a batch listed "12-02, 12-04, 12-03"; see `article_saving._arrival_order` for the order
    within a batch.
    """
    if published is None:
        return None
    return published if datetime.fromisoformat(published) <= datetime.fromisoformat(now) else None


# A new article's id comes first (take_article_ids), then its new_article_row.
INSERT_INTO_ARTICLES = """
    INSERT INTO articles (id, feed_id, guid, url, title, author, published, first_seen,
        sort_date, summary, text, links, content_hash, nlp_version)
"""
ARTICLE_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
INSERT_ARTICLE = f"{INSERT_INTO_ARTICLES} VALUES {ARTICLE_VALUES}"
INSERT_ROWS = 500  # articles inserted by one statement (14 parameters each)


def take_article_ids(conn: sqlite3.Connection, count: int) -> int | None:
    """The first of `count` ids for new articles, past every id an article has had (schema 43:
    SQLite alone gives the highest id + 1, the removed newest article's), so an id a script
    kept never names another article once its own is removed; they are recorded as given.
    Inside the write transaction that inserts them. None in a store of an older schema, not
    upgraded (open_db upgrades first; tests build such stores): SQLite's ids then."""
    try:  # (one write: interrupted, it undoes the transaction as the insert would)
        given = conn.execute(
            "UPDATE article_ids_given SET last = "
            "max(last, (SELECT coalesce(max(id), 0) FROM articles)) + ? RETURNING last",
            [count],
        ).fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return None
        raise
    return max(int(r[0]) for r in given) - count + 1 if given else None


def insert_new_articles(
    db: Database,
    rows: Sequence[tuple[object, ...]],
    texts: Iterable[tuple[bytes, bytes]] = (),
    guid_as_fetched: Mapping[int, GuidAsFetched] | None = None,
) -> dict[tuple[int, str], int]:
    """Insert new articles (INSERT_ARTICLE rows of one feed or several), many in one statement;
    their ids by feed and identity (guid). One statement, not one a row: the full-text index,
    written by a trigger, is flushed at the end of each statement. `texts`: (packed, UTF-8) of
    their texts known already, which the trigger then need not unpack. `guid_as_fetched`: see
    pending_marks.apply_pending_marks."""
    ids: dict[tuple[int, str], int] = {}
    if rows:
        merge_fewer_times(db)
        first = take_article_ids(db.conn, len(rows))
        rows = [(None if first is None else first + n, *row) for n, row in enumerate(rows)]
    with with_texts(db, texts):
        for sql, params in row_statements(
            INSERT_INTO_ARTICLES, rows, INSERT_ROWS, "RETURNING id, feed_id, guid", split_tail=False
        ):
            # fetchall: the statement is done before any Python runs (a signal handler raising
            # mid-iteration would leave it in progress, and the next commit would fail).
            returned = db.conn.execute(sql, params).fetchall()
            ids.update(((feed_id, guid), article_id) for article_id, feed_id, guid in returned)
    if ids:  # read and starred marks an import keeps for them (newsboat's)
        apply_pending_marks(db.conn, ids.values(), guid_as_fetched)
        take_over_orphans(db.conn, ids.values())  # a feed added back: its episodes' files
    return ids


def new_article_row(
    feed_id: int,
    key: str,
    article: Article | PreparedArticle,
    now: str,
    digest: str | None = None,
    analysed_as: str | None = None,
) -> tuple[object, ...]:
    """The INSERT_ARTICLE parameters of a new article first seen `now` (`analysed_as`: the
    extractor version its analysis is already known at, see save_articles)."""
    row = prepared(article)
    return (
        feed_id,
        key,
        row.url,
        row.title,
        row.author,
        row.published,
        now,
        sortable_date(row.published, now) or now,
        row.summary,
        row.text,
        row.links,
        digest or row.content_hash,
        analysed_as,
    )
