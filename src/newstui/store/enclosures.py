"""Stored articles' enclosures brought up to their feed's, apart from any update of the entry.

An entry's digest covers its title, author, text, summary and link, not its enclosures: an episode
a newstui stored without its audio (a relative enclosure URL it could not resolve before 8619772f)
would stay so for good, the entry being no update. A fetch gives it the feed's enclosures here,
marks, counts and text untouched."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from newstui.article_rows import ENCLOSURE_MARK, dump_links, packed_links, unpacked_text
from newstui.store.json_columns import json_list

if TYPE_CHECKING:
    from newstui.article_rows import PreparedArticle
    from newstui.store.db import Database


def lists_enclosures(article: PreparedArticle) -> bool:
    """Whether an entry in its stored form has an enclosure (its links are then plain JSON)."""
    return isinstance(article.links, str) and ENCLOSURE_MARK in article.links


def refresh_enclosures(db: Database, entries: Mapping[int, PreparedArticle]) -> int:
    """Give each stored article (by id) whose entry is no update and which has no enclosure
    stored the entry's enclosures, its other links (a full text's) kept; inside the
    caller's transaction. One read of the articles' links; most are equal to the entry's as a
    string and need no parsing. Returns how many articles changed."""
    if not entries:
        return 0
    rows = db.execute(
        "SELECT id, links FROM articles WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(list(entries))],
    ).fetchall()
    changed = 0
    for article_id, stored in rows:
        links = entries[article_id].links
        if stored == links:
            continue
        kept = json_list(unpacked_text(stored))
        if _enclosures(kept):  # only one stored without any: enclosure URLs that carry rotating
            continue  # tokens (signed CDN links) would be rewritten at each fetch (review r45 L1)
        wanted = _enclosures(json_list(links if isinstance(links, str) else None))
        others = [k for k in kept if isinstance(k, dict) and k.get("kind") != "enclosure"]
        db.execute(
            "UPDATE articles SET links = ? WHERE id = ?",
            [packed_links(dump_links([*others, *wanted])), article_id],
        )
        changed += 1
    return changed


def _enclosures(links: Sequence[Any]) -> list[dict[str, Any]]:
    return [k for k in links if isinstance(k, dict) and k.get("kind") == "enclosure"]
