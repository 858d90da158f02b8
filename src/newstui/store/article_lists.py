"""Lists of articles: a filter's rows in a sort order, a window or one at a time, an article's place
in them, the next unread."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newstui.errors import hide_passwords
from newstui.model import (
    NEWEST_FIRST,
    ArticleFilter,
    ArticleRow,
    SortOrder,
    believed_date,
    listed_date_only,
)
from newstui.store.db import Database
from newstui.store.filter_sql import EVERY_ARTICLE, filter_where
from newstui.text import author_name

# Whether it has an enclosure: looked up in the small partial index of those (articles_enclosures),
# never read from `links` (a row's links sit behind its text); whether one is downloaded: in the
# download queue (read once a statement).
ROW_COLUMNS = """a.id, a.feed_id, f.name, a.title, a.url, a.author, a.published, a.sort_date,
    a.read, a.starred,
    a.id IN (SELECT id FROM articles WHERE instr(links, '"kind": "enclosure"') > 0),
    a.id IN (SELECT article_id FROM downloads WHERE state = 'done'), a.timed_midnight,
    coalesce(a.language, f.language)"""
ROW_WIDTH = 14  # (ROW_COLUMNS' count)


def article_row(r: Sequence[Any]) -> ArticleRow:
    published, claimed = believed_date(r[6], r[7])  # (a date ahead of its arrival: that)
    date_only = False if r[12] else None  # (NULL: see ArticleRow.date_only)
    return ArticleRow(
        id=r[0],
        feed_id=r[1],
        feed=r[2] and hide_passwords(r[2]),  # a password in a URL-like name as ***
        title=r[3],
        url=r[4],
        author=author_name(r[5]),  # stored before bylines were shortened at ingest
        published=published,
        sort_date=r[7],
        read=bool(r[8]),
        starred=bool(r[9]),
        enclosure=bool(r[10]),
        downloaded=bool(r[11]),
        date_only=listed_date_only(r[6], r[7], date_only),
        claimed=claimed,
        language=r[13],
    )


Terms = list[tuple[str, bool]]  # an ORDER BY: (SQL expression, descending), most significant first


def _order_terms(order: SortOrder) -> Terms:
    """The ORDER BY of a sort order; ties newest first, then by id (so every row has one place)."""
    newest = [("a.sort_date", True), ("a.id", True)]
    if order.key == "date":
        return [(column, not order.reverse) for column, _ in newest]
    # feeds as Sources and `feeds` list them (Équipe with the E's, "Desk 2" before "Desk 10"),
    # titles so too (NOCASE folds ASCII alone: Éclair came after Zebra)
    # (titles by their stored key, schema 54: read from its index, not worked out a row at a time)
    column = "name_order(f.name)" if order.key == "feed" else "a.title_order"
    return [(column, order.reverse), *newest]


def _flipped(terms: Terms) -> Terms:
    return [(sql, not desc) for sql, desc in terms]


def _order_by(terms: Terms) -> str:
    return ", ".join(f"{sql} {'DESC' if desc else 'ASC'}" for sql, desc in terms)


def _precedes(terms: Terms) -> str:
    """A condition true for rows listed before the row whose sort values are the parameters
    (give them with `_precedes_params`)."""
    alternatives = []
    for i, (sql, desc) in enumerate(terms):
        equal = [f"{earlier} = ?" for earlier, _ in terms[:i]]
        alternatives.append(" AND ".join([*equal, f"{sql} {'>' if desc else '<'} ?"]))
    return "(" + " OR ".join(f"({a})" for a in alternatives) + ")"


def _precedes_params(values: Sequence[object]) -> list[object]:
    """The parameters of `_precedes` for a row's sort values."""
    return [v for i in range(len(values)) for v in values[: i + 1]]


def _sort_values(
    db: Database,
    terms: Terms,
    article_id: int,
    where: str = "",
    params: Sequence[object] = (),
) -> tuple[object, ...] | None:
    """An article's values of the sort terms (None when it is not in the filtered list)."""
    conjunction = " AND" if where else " WHERE"
    row = db.execute(
        f"SELECT {', '.join(sql for sql, _ in terms)} FROM articles a "
        f"JOIN feeds f ON f.id = a.feed_id{where}{conjunction} a.id = ?",
        [*params, article_id],
    ).fetchone()
    return None if row is None else tuple(row)


def list_articles(
    db: Database,
    f: ArticleFilter = EVERY_ARTICLE,
    *,
    offset: int = 0,
    limit: int | None = 100,
    order: SortOrder = NEWEST_FIRST,
) -> list[ArticleRow]:
    """A window of matching articles in `order` (newest first by default)."""
    return [article_row(r) for r in _rows_read(db, f, offset, limit, order).fetchall()]


def each_article(
    db: Database, f: ArticleFilter, *, limit: int | None, order: SortOrder
) -> Iterator[ArticleRow]:
    """`list_articles` a row at a time, as SQLite reads them, none kept: what a list of every
    article (200,000 for `list --all --json`) needs without holding all of them."""
    for r in _rows_read(db, f, 0, limit, order):
        yield article_row(r)


def _rows_read(
    db: Database, f: ArticleFilter, offset: int, limit: int | None, order: SortOrder
) -> sqlite3.Cursor:
    """The cursor of list_articles' rows (ROW_COLUMNS), not read yet."""
    where, params = filter_where(db, f)
    sql = (
        f"SELECT {ROW_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id{where} "
        f"ORDER BY {_order_by(_order_terms(order))} LIMIT ? OFFSET ?"
    )
    return db.execute(sql, [*params, -1 if limit is None else limit, offset])


def list_article_ids(
    db: Database, f: ArticleFilter = EVERY_ARTICLE, order: SortOrder = NEWEST_FIRST
) -> list[int]:
    """The ids of every matching article in `order`: `list_articles` without a limit, less
    the rows' other columns (a list of 100,000 reads ids only, not titles, feeds and dates)."""
    where, params = filter_where(db, f)
    sql = (
        f"SELECT a.id FROM articles a{_joined(order)}{where} "
        f"ORDER BY {_order_by(_order_terms(order))}"
    )
    return [r[0] for r in db.execute(sql, params).fetchall()]


def _joined(order: SortOrder) -> str:
    """The FROM of a count in this order: feeds joined only when the order needs its names."""
    return " JOIN feeds f ON f.id = a.feed_id" if order.key == "feed" else ""


def article_position(
    db: Database,
    f: ArticleFilter,
    article_id: int,
    order: SortOrder = NEWEST_FIRST,
) -> int | None:
    """The index of an article in the filtered list in `order`, or None if absent."""
    where, params = filter_where(db, f)
    terms = _order_terms(order)
    values = _sort_values(db, terms, article_id, where, params)
    if values is None:
        return None
    before = db.execute(
        f"SELECT count(*) FROM articles a{_joined(order)}{where}{' AND' if where else ' WHERE'} "
        f"{_precedes(terms)}",
        [*params, *_precedes_params(values)],
    ).fetchone()[0]
    return int(before)


def next_unread_position(
    db: Database,
    f: ArticleFilter,
    article_id: int | None,
    direction: int,
    order: SortOrder = NEWEST_FIRST,
) -> int | None:
    """The list index of the nearest unread article after (1) or before (-1) `article_id`."""
    where, params = filter_where(db, f)
    conjunction = " AND" if where else " WHERE"
    walk = _order_terms(order) if direction > 0 else _flipped(_order_terms(order))
    extra = ""
    if article_id is not None:
        values = _sort_values(db, walk, article_id)
        if values is not None:  # rows after it in the walk: before it in the opposite order
            extra = f" AND {_precedes(_flipped(walk))}"
            params = [*params, *_precedes_params(values)]
    found = db.execute(
        f"SELECT a.id FROM articles a{_joined(order)}{where}{conjunction} a.read = 0{extra} "
        f"ORDER BY {_order_by(walk)} LIMIT 1",
        params,
    ).fetchone()
    if found is None:
        return None
    return article_position(db, f, found[0], order)


def last_article_id(db: Database) -> int:
    """The highest id an article has now (0: none): every article stored later has a higher
    one (take_article_ids)."""
    return int(db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])


def newest_among(db: Database, ids: Iterable[int], count: int) -> set[int]:
    """The `count` articles among `ids` with the latest dates (published, else first seen)."""
    return {
        r[0]
        for r in db.execute(
            "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?)) "
            "ORDER BY sort_date DESC, id DESC LIMIT ?",
            [json.dumps(list(ids)), count],
        )
    }
