"""One article in full: its text, summary, links and full-text state, read back from their stored
forms."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newstui.article_rows import unpacked_text, unpacking_problem
from newstui.model import LinkKind
from newstui.store.article_lists import ROW_COLUMNS, ROW_WIDTH, article_row
from newstui.store.db import Database
from newstui.store.json_columns import json_list

if TYPE_CHECKING:  # (annotations only: the values' own modules load when first used)
    from newstui.model import Link, StoredArticle


def stored_link(data: dict[str, Any]) -> Link:
    """A link read back from the `links` column; values another tool wrote badly are dropped."""
    from newstui.model.links import Link

    stored_kind = data.get("kind")
    kind: LinkKind = (
        "image" if stored_kind == "image" else "enclosure" if stored_kind == "enclosure" else "link"
    )

    def whole(key: str) -> int | None:
        value = data.get(key)
        ok = isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**53
        return value if ok and kind == "enclosure" else None

    offset = data.get("offset")
    return Link(
        str(data.get("text") or ""),
        str(data["url"]),
        kind,
        whole("size"),
        whole("duration"),
        offset if type(offset) is int and offset >= 0 else None,
    )


def get_article(db: Database, article_id: int) -> StoredArticle | None:
    """One article in full, or None. Its language is declared by its entry only when that differs
    from its feed's (before r50 its feed's was stored on each article too: user test r50 LOW-6)."""
    from newstui.model.views import StoredArticle

    r = db.execute(
        f"""SELECT {ROW_COLUMNS}, a.text, a.summary, a.links, a.fulltext_status, a.fulltext_error,
        a.updated, coalesce(a.language, f.language),
        CASE WHEN a.language IS NOT f.language AND a.language IS NOT NULL THEN 'entry'
            WHEN f.language IS NOT NULL THEN 'feed' END
        FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?""",
        [article_id],
    ).fetchone()
    if r is None:
        return None
    stored_text, stored_summary, stored_links, status, error, updated, language, by = r[ROW_WIDTH:]
    links = tuple(
        stored_link(link)
        for link in json_list(unpacked_text(stored_links))
        if isinstance(link, dict) and isinstance(link.get("url"), str)
    )
    text = unpacked_text(stored_text)
    # '': the summary is the text
    summary = unpacked_text(stored_summary) if stored_summary != "" else text
    parts = (
        ("text", stored_text, text),
        ("summary", stored_summary, summary),
        ("list of links", stored_links, links),
    )
    damaged = "; ".join(
        f"its stored {part} {problem}"
        for part, value, read in parts
        if not read and (problem := unpacking_problem(value))
    )
    return StoredArticle(
        article_row(r), text, summary, links, status, error, damaged, updated, language, by
    )
