"""The rows of a list filtered by flags (Unread, Starred, an `unread` query) as it was loaded: the
list keeps a row marked out of it (here, or by another process) where it was, so its windows and
the next unread article are read from the ids it listed, not at the store's offsets, which no
longer count the rows marked since."""

from __future__ import annotations

from newstui.library import Library
from newstui.model import ArticleFilter, ArticleRow, Direction

WALK = 200  # rows read at a time looking for the next unread one


def listed_rows(library: Library, f: ArticleFilter, ids: tuple[int, ...]) -> list[ArticleRow]:
    """The stored rows of these ids, in their order (an article deleted since is left out)."""
    if not ids:
        return []
    found = {row.id: row for row in library.articles(_by_ids(f, ids), limit=len(ids))}
    return [found[i] for i in ids if i in found]


def next_listed_unread(
    library: Library,
    f: ArticleFilter,
    ids: tuple[int, ...],
    from_id: int | None,
    direction: Direction,
    read: frozenset[int] = frozenset(),
) -> tuple[int, int] | None:
    """(list index, id) of the nearest unread row after (1) or before (-1) `from_id` among the
    listed ids (from the first, or the last, when `from_id` is None or no longer listed), taking
    the ids in `read` (marked, their marks not stored yet) as read."""
    try:
        start = ids.index(from_id) if from_id is not None else None
    except ValueError:
        start = None
    if start is None:
        start = -1 if direction > 0 else len(ids)
    walk = range(start + direction, len(ids) if direction > 0 else -1, direction)
    for begin in range(0, len(walk), WALK):
        part = walk[begin : begin + WALK]
        window = tuple(ids[i] for i in part)
        unread = set(library.article_ids(_by_ids(f, window, unread=True))) - read
        for i in part:
            if ids[i] in unread:
                return i, ids[i]
    return None


def _by_ids(f: ArticleFilter, ids: tuple[int, ...], *, unread: bool = False) -> ArticleFilter:
    """These ids, hidden as the list's filter hides them."""
    return ArticleFilter(ids=ids, hidden=f.hidden, unread=unread)
