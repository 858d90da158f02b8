"""An article's full text: which articles need their page read, and what reading it gave (the text,
or why it failed)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from newstui.article_rows import dump_links, link_dict, packed_links, packed_text, unpacked_text
from newstui.store.analysis import analysis_kept
from newstui.store.db import Database, write_transaction
from newstui.store.json_columns import json_list
from newstui.store.texts_changed import text_changed
from newstui.text import clean_line

if TYPE_CHECKING:  # (annotations only: the values' own modules load when first used)
    from newstui.model import Link


def set_fulltext(
    db: Database,
    article_id: int,
    *,
    text: str | None,
    links: Iterable[Link] = (),
    error: str | None = None,
    gone: bool = False,
) -> None:
    """Store an article's extracted full text (keeping the summary; its analysis and story
    sketch are redone), or the reason it failed (`gone`: its page is gone behind an entry
    whose content is the article, status "gone")."""
    with write_transaction(db), analysis_kept(db.conn, article_id):
        if text is not None:
            old = db.execute("SELECT links FROM articles WHERE id = ?", [article_id]).fetchone()
            kept = [
                k
                for k in json_list(unpacked_text(old[0]) if old else None)
                if isinstance(k, dict) and k.get("kind") == "enclosure"
            ]
            db.execute(
                """UPDATE articles SET summary = CASE WHEN summary = '' THEN text ELSE summary END,
                   text = ?, links = ?, fulltext_status = 'ok',
                   fulltext_error = NULL, nlp_version = NULL WHERE id = ?""",
                [
                    packed_text(text),
                    packed_links(dump_links([*map(link_dict, links), *kept])),
                    article_id,
                ],
            )
            text_changed(db.conn, article_id)  # (its story and hide filters: by the full text)
        else:
            db.execute(
                "UPDATE articles SET fulltext_status = ?, fulltext_error = ? WHERE id = ?",
                ["gone" if gone else "failed", clean_line(error) if error else None, article_id],
            )


def articles_needing_fulltext(
    db: Database, ids: Iterable[int], *, unless: Callable[[str], bool] | None = None
) -> list[tuple[int, str, str]]:
    """(id, url, title) of the given articles with an http(s) link and no full text yet, or a
    full text outdated by an update of its entry (read again whatever `unless` says: it was
    fetched before); with `unless`, only those whose text it is false for (the text is read
    only then)."""
    ids = list(ids)
    if not ids:
        return []
    rows = db.execute(
        f"""SELECT id, url, title, {"text" if unless else "''"}, fulltext_status FROM articles
        WHERE id IN (SELECT value FROM json_each(?))
        AND (fulltext_status IS NULL OR fulltext_status = 'outdated')
        AND (url LIKE 'http://%' OR url LIKE 'https://%')""",
        [json.dumps(ids)],
    ).fetchall()
    return [
        (r[0], r[1], r[2])
        for r in rows
        if unless is None or r[4] == "outdated" or not unless(unpacked_text(r[3]))
    ]
