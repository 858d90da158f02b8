"""A stored article's entry changed: its content replaced (state kept, full text and analysis
redone), another copy's title and dates taken, an empty text filled."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from typing import TYPE_CHECKING

from newstui.article_rows import PreparedArticle, prepared, timed_midnight, unpacked_text
from newstui.model import FulltextStatus
from newstui.store.analysis import analysis_kept
from newstui.store.article_inserts import sortable_date
from newstui.store.feeds import now_iso
from newstui.store.texts_changed import text_changed
from newstui.text import BULLETS

if TYPE_CHECKING:  # (annotations only: the values' own modules load when first used)
    from newstui.model import Article

# An entry's link, title, author and date set on a stored article (named parameters: url,
# title, author, published, sortable, timed_midnight). As an update of that entry they replace
# the article's; as another copy of it that a pairing found (a server's item of an article
# fetched here) a field the copy lacks keeps the article's: a server's item without author or
# date never empties the feed's, and one of the same date keeps the feed's word on whether a
# time was given (schema 53's timed_midnight): a server turns a day without a time into a
# timestamp, at midnight UTC where it reads dates in UTC.
_ENTRY_REPLACED = """url = :url, title = :title, author = :author, published = :published,
    sort_date = coalesce(:sortable, first_seen), timed_midnight = :timed_midnight"""
_ENTRY_PAIRED = """url = coalesce(:url, url), title = coalesce(nullif(:title, ''), title),
    author = coalesce(nullif(:author, ''), author), published = coalesce(:published, published),
    sort_date = CASE WHEN :published IS NULL THEN sort_date
        ELSE coalesce(:sortable, first_seen) END,
    timed_midnight = CASE WHEN :published IS NULL OR :published = published
        THEN timed_midnight ELSE :timed_midnight END"""

# An update of the entry (not another copy of it a pairing found) is noted with its time: the
# reader's byline and `show` say "updated" (user test r44 L3: a correction went unseen).
_UPDATED_NOW = ", updated = :now"


def _entry_fields(row: PreparedArticle) -> dict[str, str | int | None]:
    return {
        "url": row.url,
        "title": row.title,
        "author": row.author,
        "published": row.published,
        "sortable": sortable_date(row.published, now_iso()),
        "timed_midnight": 1 if timed_midnight(row) else None,
    }


def update_article_content(
    conn: sqlite3.Connection,
    article_id: int,
    article: Article | PreparedArticle,
    digest: str,
    analysed_as: str | None = None,
    *,
    paired: bool = False,
) -> bool:
    """Replace a stored article's content (state kept); its full text, analysis and story sketch
    are redone (the analysis is the empty one of `analysed_as`, when given). An entry without text never
    replaces a stored text: the article is left as it is (its full text and analysis too) and
    False returned. Such an entry is mostly a download cut off inside the entry's text, which
    feedparser's recovering parser still yields with its title and id (an entry the publisher
    really emptied is rarer, and keeping its old text loses nothing). `paired`: the entry is
    another copy of the article, found by a pairing: its author and date only where it has
    them (_ENTRY_PAIRED)."""
    row = prepared(article)
    if _converted_alike(conn, article_id, row):
        conn.execute("UPDATE articles SET content_hash = ? WHERE id = ?", [digest, article_id])
        return False
    # A full text fetched for the entry stays until its page is fetched again (it may be gone,
    # or refuse us, by now): the entry's text becomes its summary, as set_fulltext leaves it,
    # and the status "outdated" has the fetch read the page again (review r36 U1, U1b).
    # (its old analysis stays until the new one replaces it, unless the empty one is given)
    given = analysed_as is not None
    with contextlib.nullcontext() if given else analysis_kept(conn, article_id):
        cursor = _replace_content(conn, article_id, row, digest, analysed_as, paired=paired)
    if cursor.rowcount == 0:
        return False
    if given:
        forget_analysis(conn, article_id)
    text_changed(conn, article_id)  # (its story and hide filters go by the text it has now)
    return True


def _replace_content(
    conn: sqlite3.Connection,
    article_id: int,
    row: PreparedArticle,
    digest: str,
    analysed_as: str | None,
    *,
    paired: bool,
) -> sqlite3.Cursor:
    """update_article_content's UPDATE (rowcount 0: the entry has no text, the stored one kept)."""
    return conn.execute(
        f"""
        UPDATE articles SET {_ENTRY_PAIRED if paired else _ENTRY_REPLACED + _UPDATED_NOW},
            summary = CASE WHEN fulltext_status IN {_KEPT} THEN :entry_text ELSE :summary END,
            text = CASE WHEN fulltext_status IN {_KEPT} THEN text ELSE :text END,
            links = CASE WHEN fulltext_status IN {_KEPT} THEN links ELSE :links END,
            content_hash = :digest, fulltext_error = NULL, nlp_version = :analysed_as,
            fulltext_status = CASE WHEN fulltext_status IN {_KEPT} THEN 'outdated' END
        WHERE id = :id AND (:has_text OR text = '')
        """,
        {
            **_entry_fields(row),
            "summary": row.summary,
            "entry_text": row.summary or row.text,
            "text": row.text,
            "links": row.links,
            "digest": digest,
            "analysed_as": analysed_as,
            "id": article_id,
            "has_text": row.text != "",
            "now": now_iso(),
        },
    )


# A full text fetched (or fetched before the entry changed, its page not read again yet):
# the statuses whose text is the page's, and the same as an SQL list
_FULLTEXT_KEPT: tuple[FulltextStatus, ...] = ("ok", "outdated")
_KEPT = "(" + ", ".join(f"'{status}'" for status in _FULLTEXT_KEPT) + ")"

# What html_to_text's drawing of blocks adds to or takes from an entry's words: white space
# (a <br>'s line break, U+2028, too), bullets, a numbered item's number, a table's " | ", a
# <pre> block's gutter (r36, 2d0c91c3), an <hr>'s rule and a superscript number's caret (r49),
# the line naming an embedded video, audio or page (`▶ Video: …`, r51: they were left out), a
# blockquote's paragraphs' `> ` (r51), a heading's `## ` and struck words' `~~` (r52).
_DRAWN = re.compile(rf"(?m)^\s*\d+\. |^\u25b6 [^\n]*|[\s{''.join(BULLETS)}\u2502|\u2500^>#~]")


def _converted_alike(conn: sqlite3.Connection, article_id: int, row: PreparedArticle) -> bool:
    """Whether an entry whose digest changed is the stored one converted from the same HTML by
    another version of html_to_text: the same title, author and link, and the same words in
    text and summary but for how blocks are drawn (_DRAWN). Such an entry is no update (review
    r36 U1: after an upgrade, every entry with a list, table or <pre> was one, re-analysed, its
    full text refetched)."""
    stored = conn.execute(
        "SELECT title, author, url, text, summary, fulltext_status FROM articles WHERE id = ?",
        [article_id],
    ).fetchone()
    if stored is None or (stored[0], stored[1], stored[2]) != (row.title, row.author, row.url):
        return False
    text, summary = unpacked_text(row.text), unpacked_text(row.summary)
    was_text, was_summary = unpacked_text(stored[3]), unpacked_text(stored[4])
    if stored[5] in _FULLTEXT_KEPT:  # its text is the page's: the entry's is its summary
        return _words(was_summary) == _words(summary or text)
    return _words(was_text) == _words(text) and _words(was_summary) == _words(summary)


def _words(text: str) -> str:
    return _DRAWN.sub("", text)


def update_article_entry(
    conn: sqlite3.Connection,
    article_id: int,
    article: Article | PreparedArticle,
    digest: str,
) -> None:
    """Give a stored article the title, link, author, date and digest of another copy of its
    entry that a pairing found, keeping its text, summary, links, full text and analysis (the
    better text: store.article_merge), and its author and date where the copy has none. A
    title it changes is checked again by the hide filters (review r35 S5: they match titles)."""
    row = prepared(article)
    before = conn.execute("SELECT title FROM articles WHERE id = ?", [article_id]).fetchone()
    conn.execute(
        f"UPDATE articles SET {_ENTRY_PAIRED}, content_hash = :digest WHERE id = :id",
        {**_entry_fields(row), "digest": digest, "id": article_id},
    )
    if before is not None and row.title and row.title != before[0]:
        text_changed(conn, article_id)


def fill_empty_text(
    conn: sqlite3.Connection, article_id: int, article: Article | PreparedArticle
) -> bool:
    """Give a stored article without text another entry's text and summary (its links and
    enclosures kept), to be analysed; False when it has a text or the entry has none."""
    row = prepared(article)
    if row.text == "":
        return False
    cursor = conn.execute(
        "UPDATE articles SET summary = ?, text = ?, fulltext_status = NULL, "
        "fulltext_error = NULL, nlp_version = NULL WHERE id = ? AND text = ''",
        [row.summary, row.text, article_id],
    )
    if cursor.rowcount == 0:
        return False
    forget_analysis(conn, article_id)
    text_changed(conn, article_id)  # (its story and hide filters go by the text it has now)
    return True


def forget_analysis(conn: sqlite3.Connection, article_id: int) -> None:
    """Drop an article's quotes and mentions: their offsets point into a text that is gone."""
    conn.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
    conn.execute("DELETE FROM quotes WHERE article_id = ?", [article_id])
