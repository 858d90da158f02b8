"""An ArticleFilter as SQL over `articles a`: its conditions, the fold of a story's copies, and
counts."""

from __future__ import annotations

import json
import re
from dataclasses import replace

from newstui.model import ArticleFilter
from newstui.store.db import Database
from newstui.store.folder_sql import folder_sources

EVERY_ARTICLE = ArticleFilter()


# One story once: copies of a story from other feeds are listed only in their feed.
_STORY_COPIES = "SELECT article_id FROM stories WHERE story_id != article_id"
# A list that selects by what an article holds (a query, an entity, a speaker) shows a story by
# the versions that match it, not by its first one (user test r43 H1: `title:` of the second
# outlet's headline, or `feed:` of it, found nothing): a matching version is left out only when
# an earlier version of its story from another feed matches too. {matching} is the list's own
# condition over `a` (the earlier versions are named `a` in it); only the stories with copies
# are looked at (the partial index of copies: `article_id > 0` has it chosen over scanning every
# story), so a store without them pays nothing.
_FOLDED_MATCHES = """SELECT id FROM (
    SELECT id, feed, first_feed,
        min(CASE WHEN feed != first_feed THEN id END) OVER (PARTITION BY story) AS cut
    FROM (
        SELECT a.id AS id, a.feed_id AS feed, s.story_id AS story,
            first_value(a.feed_id) OVER (PARTITION BY s.story_id ORDER BY a.id) AS first_feed
        FROM stories s JOIN {articles} ON a.id = s.article_id
        WHERE s.story_id IN (SELECT story_id FROM stories
            WHERE story_id != article_id AND article_id > 0)
        AND {matching}))
    WHERE feed != first_feed OR id > cut"""
# The columns of the index articles_fold (schema v46): a fold whose conditions read no other
# column of `a` reads each version there, not in its row (SQLite looks an id up by its row;
# Starred's `a.starred = 1` is better started from the starred articles' own index).
_FOLD_INDEX_COLUMNS = frozenset({"id", "read", "sort_date", "feed_id"})
# Hidden articles by id through the small partial index of them: any index can test an id.
_HIDDEN = "SELECT id FROM articles WHERE hidden = 1"


def filter_where(db: Database, f: ArticleFilter) -> tuple[str, list[object]]:
    # A list by match picks the version it shows of a story without its unread flag, which then
    # keeps that version or not: a story is unread when the version shown is, as in All and its
    # Unread (Starred's unread count and `list --starred --unread` differed when one version was
    # read and its copy was not). A query's own `unread` is that flag (flags_apart).
    f = flags_apart(f)
    clauses, params = _conditions(db, replace(f, unread=False))
    if f.folds_copies and folds_by_match(f):
        folded, folded_params = _folded(db, clauses, params)
        clauses.append(f"a.id NOT IN ({folded})")
        params += folded_params
    if f.unread:
        clauses.insert(0, "a.read = 0")
    return " WHERE " + " AND ".join(clauses), params


def every_version_where(db: Database, f: ArticleFilter) -> tuple[str, list[object]]:
    """filter_where's WHERE clause over `articles a` (with `feeds f` joined) without the fold of
    a story's copies: every version that matches (a quote's versions are folded by its words)."""
    f = flags_apart(f)
    clauses, params = _conditions(db, replace(f, unread=False))
    if f.unread:
        clauses.insert(0, "a.read = 0")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _folded(db: Database, clauses: list[str], params: list[object]) -> tuple[str, list[object]]:
    """The SELECT of the versions a list by match leaves out (_FOLDED_MATCHES of its
    conditions), kept as a match set is: a count and the windows after it evaluate it once."""
    from newstui.store.match_sets import match_set

    if not db.execute(f"SELECT EXISTS ({_STORY_COPIES} AND article_id > 0)").fetchone()[0]:
        return "SELECT NULL WHERE 0", []  # no story has copies: nothing to leave out
    matching = " AND ".join(clauses)
    covered = set(re.findall(r"\ba\.(\w+)", matching)) <= _FOLD_INDEX_COLUMNS
    articles = "articles a INDEXED BY articles_fold" if covered else "articles a"
    select = _FOLDED_MATCHES.format(articles=articles, matching=matching)
    folded, folded_params, _ = match_set(db, select, list(params))
    return folded, folded_params


def _conditions(db: Database, f: ArticleFilter) -> tuple[list[str], list[object]]:
    """The filter's conditions over `articles a` but its unread flag and the one folding a
    search's copies (filter_where adds both)."""
    clauses: list[str] = []
    params: list[object] = []
    if f.feed_id is not None:
        clauses.append("a.feed_id = ?")
        params.append(f.feed_id)
    if f.tag is not None:  # the folder and its subfolders (model.folders)
        sources, folder = folder_sources(f.tag)
        clauses.append(f"a.feed_id IN ({sources})")
        params += folder
    if f.starred:
        clauses.append("a.starred = 1")
    if f.query is not None:
        from newstui.store.match_sets import match_set
        from newstui.store.query_sql import prefixes_stemmed, query_condition

        with prefixes_stemmed(db.prefix_pending):
            sql, query_params = query_condition(
                f.query.root,
                match_set=lambda select, ps: match_set(db, select, ps),
                read=lambda select, ps: int(db.execute(select, ps).fetchone()[0]),
            )
        clauses.append(sql)
        params += query_params
    if f.entity_id is not None:
        clauses.append("a.id IN (SELECT article_id FROM mentions WHERE entity_id = ?)")
        params.append(f.entity_id)
    if f.speaker is not None:
        clauses.append("a.id IN (SELECT article_id FROM quotes WHERE speaker = ?)")
        params.append(f.speaker)
    if f.ids is not None:
        clauses.append("a.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(f.ids)))
    # Last: SQLite tests a row's conditions in the order written, and these two are sets.
    if f.folds_copies and not folds_by_match(f):
        clauses.append(f"a.id NOT IN ({_STORY_COPIES})")
    clauses.append(f"a.id {'IN' if f.hidden else 'NOT IN'} ({_HIDDEN})")
    return clauses, params


def flags_apart(f: ArticleFilter) -> ArticleFilter:
    """`f` with the `unread` and `starred` its query asks for at its top (`tag:news unread`,
    `starred`) as its flags instead. `unread` is then tested after the fold picked the version
    a story is listed by, as the flag is (r44 appfix-a: `tag:T unread` listed a story by its
    unread copy where `--tag T --unread` left it out, its first version read; `unread` alone
    listed a copy Unread folds). `starred` picks the version as before, but from the starred
    articles' index, as Starred does (9,750 copies of 100,000 articles: 32 -> 13 ms)."""
    if f.query is None or not f.folds_copies:
        return f
    from newstui.query import And, Fact, Query

    root = f.query.root
    parts = root.parts if isinstance(root, And) else (root,)
    rest = tuple(part for part in parts if part not in (Fact("unread"), Fact("starred")))
    if len(rest) == len(parts):
        return f
    kept = None if not rest else Query(f.query.text, rest[0] if len(rest) == 1 else And(rest))
    return replace(
        f,
        query=kept,
        unread=f.unread or Fact("unread") in parts,
        starred=f.starred or Fact("starred") in parts,
    )


def folds_by_match(f: ArticleFilter) -> bool:
    """Whether a list folding copies shows each story by its first version that matches
    (_FOLDED_MATCHES), not by its first version: one selecting by what an article holds, or
    by its star (a copy starred in its feed, or found by a search, left Starred), or by its
    feed's tag (as the query `tag:` does: a story is listed by its first version in the tag).
    A query's `unread` selects nothing here (flags_apart)."""
    f = flags_apart(f)
    return (
        f.query is not None
        or f.entity_id is not None
        or f.speaker is not None
        or f.starred
        or f.tag is not None
    )


def count_articles(db: Database, f: ArticleFilter = EVERY_ARTICLE) -> int:
    """How many articles match the filter."""
    f = flags_apart(f)
    one_set = None
    if f.query is not None:
        from newstui.store.match_sets import match_set
        from newstui.store.query_sql import node_matches, prefixes_stemmed

        with prefixes_stemmed(db.prefix_pending):
            one_set = node_matches(f.query.root)
    if one_set is not None and f == ArticleFilter(query=f.query):
        # Words only, or a quote's words: the set's size less the hidden articles and story
        # copies in it (few: counted from their side).
        matches, params, size = match_set(db, *one_set)
        if size is None:
            size = db.execute(f"SELECT count(*) FROM ({matches})", params).fetchone()[0]
        folded, folded_params = _folded(db, *_conditions(db, f))  # (the windows' own)
        left_out = db.execute(
            f"SELECT count(*) FROM ({_HIDDEN} UNION {folded}) x WHERE x.id IN ({matches})",
            [*folded_params, *params],
        ).fetchone()[0]
        return int(size) - int(left_out)
    where, params = filter_where(db, f)
    return int(db.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()[0])


def count_sources(db: Database, f: ArticleFilter = EVERY_ARTICLE, most: int = 2) -> int:
    """How many sources the matching articles come from, counted up to `most`: a list leaves
    its source column out when they all come from one, decided for the whole list, not the rows
    read first (user test r45 M7: a search of 60,000 articles from three feeds hid it)."""
    where, params = filter_where(db, f)
    sql = f"SELECT count(*) FROM (SELECT DISTINCT a.feed_id FROM articles a{where} LIMIT ?)"
    return int(db.execute(sql, [*params, most]).fetchone()[0])
