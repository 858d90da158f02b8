"""A search's articles, best text matches first (title, then author, then text)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newstui.model import ArticleFilter, ArticleRow
from newstui.store.article_lists import ROW_COLUMNS, article_row, list_articles
from newstui.store.db import Database
from newstui.store.filter_sql import filter_where

if TYPE_CHECKING:  # the query language (and its SQL) is imported when a filter has a query
    from newstui.query import Query


def search_articles(db: Database, query: Query, limit: int = 50) -> list[ArticleRow]:
    """Articles matching a query, best text matches first (title, then author, then text)."""
    from newstui.query import walk_positive_terms
    from newstui.store.query_sql import (
        TEXT_INDEXES,
        WORD_INDEX,
        fts_term,
        prefixes_stemmed,
        term_index,
    )

    where, params = filter_where(db, ArticleFilter(query=query))
    positive = walk_positive_terms(query.root)
    if not positive:
        return list_articles(db, ArticleFilter(query=query), limit=limit)
    # ranked in the index each term is matched in, ranks added up: words by bm25 (title, then
    # author, then text), prefixes by the columns they are in, weighed alike (bm25 reads every
    # matching text again in the prefix index, which keeps no positions: 0.13 ms a match)
    joins, ranks, rank_params = "", [], []
    for n, index in enumerate(TEXT_INDEXES):
        with prefixes_stemmed(db.prefix_pending):
            terms = " OR ".join(fts_term(t) for t in positive if term_index(t) == index)
        if terms and index == WORD_INDEX:
            joins += f"""
            LEFT JOIN (SELECT rowid, bm25({index}, 10.0, 3.0, 1.0) AS rank FROM {index}
            WHERE {index} MATCH ?) r{n} ON r{n}.rowid = a.id"""
            rank_params.append(terms)
        elif terms:
            joins += f"""
            LEFT JOIN (SELECT rowid, sum(weight) AS rank FROM (
                SELECT rowid, -10.0 AS weight FROM {index} WHERE {index} MATCH ?
                UNION ALL SELECT rowid, -3.0 FROM {index} WHERE {index} MATCH ?
                UNION ALL SELECT rowid, -1.0 FROM {index} WHERE {index} MATCH ?)
            GROUP BY rowid) r{n} ON r{n}.rowid = a.id"""
            rank_params += [f"{{{column}}} : ({terms})" for column in ("title", "author", "text")]
        if terms:
            ranks.append(f"r{n}.rank")
    rank = ranks[0] if len(ranks) == 1 else " + ".join(f"coalesce({r}, 0)" for r in ranks)
    rows = db.execute(
        f"""
        SELECT {ROW_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id{joins}
        {where} ORDER BY {rank}, a.sort_date DESC, a.id DESC LIMIT ?
        """,
        [*rank_params, *params, limit],
    ).fetchall()
    return [article_row(r) for r in rows]
