"""Read and starred marks: on articles (and the other versions of their stories), exactly, or on
every article a filter lists."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from newstui.model import ArticleFilter
from newstui.store.db import Database, write_transaction
from newstui.store.filter_sql import filter_where
from newstui.store.stories import same_story_ids

if TYPE_CHECKING:  # (annotations only: the values' own modules load when first used)
    from newstui.model.views import Marked


def mark_articles(
    db: Database,
    ids: Iterable[int],
    *,
    read: bool | None = None,
    starred: bool | None = None,
) -> int:
    """Set read and/or starred on articles; returns how many of the given ids exist (the other
    versions of their stories, read or unread with them, are not counted: see marked_articles)."""
    return marked_articles(db, ids, read=read, starred=starred).found


def marked_articles(
    db: Database,
    ids: Iterable[int],
    *,
    read: bool | None = None,
    starred: bool | None = None,
) -> Marked:
    """Set read and/or starred on articles (read: every version of their stories with them);
    returns how many of the given ids exist, how many of them changed, and how many other
    versions changed with them."""
    from newstui.model.views import Marked

    given = list(ids)
    # every version of a story is read (or unread) together
    targets = same_story_ids(db, given) if read is not None else given
    sets, values, differs = [], [], []
    if read is not None:
        sets.append("read = ?")
        values.append(int(read))
        differs.append(f"read != {int(read)}")
    if starred is not None:
        sets.append("starred = ?")
        values.append(int(starred))
        differs.append(f"starred != {int(starred)}")
    if not targets or not sets:
        return Marked(0, 0, 0)
    with write_transaction(db):
        changed = {
            r[0]
            for r in db.execute(
                f"UPDATE articles SET {', '.join(sets)} WHERE id IN (SELECT value FROM "
                f"json_each(?)) AND ({' OR '.join(differs)}) RETURNING id",
                [*values, json.dumps(targets)],
            ).fetchall()
        }
        found = db.execute(
            "SELECT count(*) FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(given)],
        ).fetchone()[0]
    mine = changed & set(given)
    return Marked(int(found), len(mine), len(changed - mine), tuple(sorted(changed)))


def set_flags_exactly(
    db: Database,
    ids: Iterable[int],
    *,
    read: bool | None = None,
    starred: bool | None = None,
) -> tuple[int, list[int]]:
    """Set read and/or starred on these articles only (not their stories' other versions: an
    undo puts back each one's own state); returns how many exist and the ids that changed."""
    given = json.dumps(list(ids))
    flags = [(name, int(v)) for name, v in (("read", read), ("starred", starred)) if v is not None]
    sets = [f"{name} = {value}" for name, value in flags]
    differs = [f"{name} != {value}" for name, value in flags]
    if not sets:
        return 0, []
    with write_transaction(db):
        changed = db.execute(
            f"UPDATE articles SET {', '.join(sets)} WHERE id IN (SELECT value FROM json_each(?)) "
            f"AND ({' OR '.join(differs)}) RETURNING id",
            [given],
        ).fetchall()
        found = db.execute(
            "SELECT count(*) FROM articles WHERE id IN (SELECT value FROM json_each(?))", [given]
        ).fetchone()[0]
    return int(found), sorted(r[0] for r in changed)


def unread_to_mark(db: Database, f: ArticleFilter) -> tuple[list[int], list[int]]:
    """What `A` marks read: the unread articles the filter lists, and the unread other versions
    of their stories (read with them), each by id, so the mark touches no article counted later."""
    where, params = filter_where(db, replace(f, unread=True))
    ids = [r[0] for r in db.execute(f"SELECT a.id FROM articles a{where}", params)]
    # the members of the stories with more than one version (few: the partial index of copies)
    members = db.execute(
        "SELECT s.article_id, s.story_id, a.read FROM stories s JOIN articles a ON "
        "a.id = s.article_id WHERE s.story_id IN (SELECT story_id FROM stories "
        "WHERE story_id != article_id)"
    ).fetchall()
    if not members:
        return ids, []
    listed = set(ids)
    stories = {story for article, story, _ in members if article in listed}
    copies = sorted(
        article
        for article, story, read in members
        if story in stories and not read and article not in listed
    )
    return ids, copies


def mark_all_read(db: Database, f: ArticleFilter) -> int:
    """Mark every article matching the filter read; returns how many changed."""
    return len(mark_all_read_ids(db, f))


def mark_all_read_ids(db: Database, f: ArticleFilter) -> list[int]:
    """Mark every article matching the filter read; returns the ids that changed (for undo)."""
    where, params = filter_where(db, f)
    with write_transaction(db):
        shown = f"SELECT a.id FROM articles a{where}"
        rows = db.execute(
            f"UPDATE articles SET read = 1 WHERE read = 0 AND (id IN ({shown}) OR id IN "
            "(SELECT article_id FROM stories WHERE story_id IN (SELECT story_id FROM stories "
            f"WHERE article_id IN ({shown})))) RETURNING id",
            [*params, *params],
        ).fetchall()
    return [r[0] for r in rows]
