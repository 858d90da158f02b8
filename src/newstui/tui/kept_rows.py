"""The rows a list filtered by flags (Unread, Starred, an `unread` query) keeps after they were
marked out of it: where they stand among the rows as listed, so a window read later and the
index of an article the store finds count them (the store no longer lists them)."""

from __future__ import annotations

from dataclasses import replace

from newstui.library import Library
from newstui.model import ArticleFilter, ArticleRow, SortOrder

# the rows whose flags changed since the list loaded: article id -> (list index, row)
Kept = dict[int, tuple[int, ArticleRow]]


def kept_out(library: Library, f: ArticleFilter, kept: Kept) -> list[tuple[int, ArticleRow]]:
    """The kept rows the filter no longer matches, as (list index, row) in list order."""
    if not kept:
        return []
    ids = tuple(kept)
    matching = {row.id for row in library.articles(replace(f, ids=ids), limit=len(ids))}
    return sorted(kept[i] for i in ids if i not in matching)


def listed_window(
    library: Library, f: ArticleFilter, order: SortOrder, start: int, limit: int, kept: Kept
) -> list[ArticleRow]:
    """The rows at list indexes start .. start + limit - 1, the kept rows in their places."""
    out = kept_out(library, f, kept)
    before = sum(1 for index, _ in out if index < start)
    inside = [(index, row) for index, row in out if start <= index < start + limit]
    rows = library.articles(f, offset=start - before, limit=limit - len(inside), order=order)
    for index, row in inside:
        rows.insert(index - start, row)
    return rows[:limit]


def listed_index(library: Library, f: ArticleFilter, index: int, kept: Kept) -> int:
    """The list index of the article the store counts at `index` (the kept rows before it
    moved it down)."""
    for kept_index, _ in kept_out(library, f, kept):
        if kept_index > index:
            break
        index += 1
    return index
