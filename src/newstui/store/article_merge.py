"""Two copies of one article made one, and a source's articles moved into another: the one step
the three places that merge share (a subscription the server moved onto a source here, articles
a sync stored twice, a feed whose URL changed in the config), so each keeps the same things.

The copy that stays keeps its id, identity and feed; it takes from the copy that goes its marks
(read if either was, starred if either was, an import's marks), its server item when it has
none (with its digest; what the server lacks queued for it), its downloads and enclosures, and its text with its
analysis when that text is the better one (TEXT RULE below), then hidden if a filter hid the copy,
sketched again for its story while recent and checked again by the next filter pass; a story the
copy led is led by its next version.
Nothing the user did is lost."""

from __future__ import annotations

import sqlite3
from typing import Any

from newstui.article_rows import dump_links, packed_links, unpacked_text
from newstui.store.feeds import now_iso
from newstui.store.json_columns import json_list
from newstui.store.stories import lead_orphaned_stories
from newstui.store.texts_changed import text_changed

# TEXT RULE: the text kept is the one whose full text was fetched (`fulltext`, or full text
# `auto`/`true` at a fetch) over one that was not; between two of a kind, the longer; equal,
# the one the article had. Its summary, links, full-text state and analysis come with it.
_RANK = "SELECT fulltext_status IS 'ok', length(article_text(text)) FROM articles WHERE id = ?"
MARKS = ("read", "starred")


def _rank(conn: sqlite3.Connection, article_id: int) -> tuple[int, int]:
    row = conn.execute(_RANK, [article_id]).fetchone()
    return (int(row[0]), int(row[1] or 0)) if row else (0, 0)


# Both copies as merge_article reads them, in one query: marks, server item, TEXT RULE rank and
# links (r33 review F11: a pair took ~12 statements, 2,000 copies 0.4 s -> 2.1 s).
_BOTH = (
    "SELECT id, read, starred, (SELECT item_id FROM sync_items s WHERE s.article_id = a.id), "
    "fulltext_status IS 'ok', coalesce(length(article_text(text)), 0), links FROM articles a "
    "WHERE id IN (?, ?)"
)


def keeps_own_text(conn: sqlite3.Connection, article_id: int, entry_text: str) -> bool:
    """Whether a stored article keeps its text (TEXT RULE) when a sync finds it is a server
    item, whose entry has `entry_text`: its full text fetched here, or a longer text."""
    return _rank(conn, article_id) > (0, len(entry_text))


def merge_article(conn: sqlite3.Connection, gone: int, kept: int) -> None:
    """Merge article `gone` into article `kept` and delete `gone`, inside the caller's
    transaction (see the module's docstring). Writes no memory of `gone` as removed: it is
    `kept` now."""
    rows = {r[0]: r[1:] for r in conn.execute(_BOTH, [gone, kept]).fetchall()}
    if gone not in rows or kept not in rows:
        return
    k, g = rows[kept], rows[gone]
    values = [int(k[0] or g[0]), int(k[1] or g[1])]
    # whose server item the kept article is after the merge: its own, else the copy's
    carrier, marks = (gone, g) if k[2] is None and g[2] is not None else (kept, k)
    on_server = None if marks[2] is None else _on_server(conn, carrier, marks[:2])
    if carrier == gone:  # (and its digest: the item sent again is no update)
        conn.execute("UPDATE sync_items SET article_id = ? WHERE article_id = ?", [kept, gone])
        conn.execute(
            "UPDATE articles SET content_hash = (SELECT content_hash FROM articles WHERE id = ?) "
            "WHERE id = ?",
            [gone, kept],
        )
    conn.execute("UPDATE downloads SET article_id = ? WHERE article_id = ?", [kept, gone])
    conn.execute(
        "INSERT INTO imported_marks (article_id, read, starred) "
        "SELECT ?, read, starred FROM imported_marks WHERE article_id = ? "
        "ON CONFLICT (article_id) DO UPDATE SET read = max(read, excluded.read), "
        "starred = max(starred, excluded.starred)",
        [kept, gone],
    )
    took = _keep_better_text(conn, (gone, g[5]), (kept, k[5]), takes=g[3:5] > k[3:5])
    conn.execute("DELETE FROM articles WHERE id = ?", [gone])
    lead_orphaned_stories(conn, [gone])  # (lists show a story by its leader)
    if took:  # its story and filters go by the text it has now
        text_changed(conn, kept)
    conn.execute("UPDATE articles SET read = ?, starred = ? WHERE id = ?", [*values, kept])
    if on_server is None:
        return
    for field, value, there in zip(MARKS, values, on_server, strict=True):
        if value != there:  # (a trigger may have queued it: the server's state decides)
            conn.execute(
                "INSERT INTO sync_queue (article_id, field, value, queued_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (article_id, field) DO UPDATE SET "
                "value = excluded.value, queued_at = excluded.queued_at "
                "WHERE value != excluded.value",
                [kept, field, value, now_iso()],
            )
        else:
            conn.execute("DELETE FROM sync_queue WHERE article_id = ? AND field = ?", [kept, field])


def _on_server(conn: sqlite3.Connection, article_id: int, here: tuple[Any, ...]) -> tuple[int, int]:
    """The server's read and starred for an article's item (its own marks, but where a change
    made here waits to be pushed)."""
    queued = dict(
        conn.execute(
            "SELECT field, value FROM sync_queue WHERE article_id = ?", [article_id]
        ).fetchall()
    )
    read, starred = (
        int(mine) if field not in queued else 1 - int(queued[field])
        for field, mine in zip(MARKS, here, strict=True)
    )
    return read, starred


def _has_enclosure(links: str | bytes | None) -> bool:
    """Whether a stored `links` value lists an enclosure (packed_links leaves such a list
    unpacked, ENCLOSURE_MARK in it; older rows are plain JSON): read without parsing it."""
    return isinstance(links, str) and '"enclosure"' in links


def _keep_better_text(
    conn: sqlite3.Connection,
    gone: tuple[int, str | bytes | None],
    kept: tuple[int, str | bytes | None],
    *,
    takes: bool,
) -> bool:
    """`kept` takes `gone`'s text, summary, links, full-text state and analysis when `takes`
    (they are the better: TEXT RULE), and is hidden if a filter hid `gone` for it; either way
    it lists the enclosures of both (`gone` and `kept`: an id and its stored links). Returns
    `takes`."""
    (gone_id, gone_links), (kept_id, kept_links) = gone, kept
    first, other = (gone_links, kept_links) if takes else (kept_links, gone_links)
    if takes:
        conn.execute("DELETE FROM mentions WHERE article_id = ?", [kept_id])
        conn.execute("DELETE FROM quotes WHERE article_id = ?", [kept_id])
        conn.execute(
            """UPDATE articles SET (summary, text, links, fulltext_status, fulltext_error,
            nlp_version, hidden) = (SELECT g.summary, g.text, g.links, g.fulltext_status,
            g.fulltext_error, g.nlp_version, max(g.hidden, articles.hidden)
            FROM articles g WHERE g.id = ?) WHERE id = ?""",
            [gone_id, kept_id],
        )
        # (its analysis points into the text it now has; a quote's index row is read from it)
        conn.execute("UPDATE mentions SET article_id = ? WHERE article_id = ?", [kept_id, gone_id])
        conn.execute("UPDATE quotes SET article_id = ? WHERE article_id = ?", [kept_id, gone_id])
    if not _has_enclosure(other):  # (the links pass only for an enclosure to add)
        return takes
    listed_links = json_list(unpacked_text(first))
    listed = {link.get("url") for link in listed_links if isinstance(link, dict)}
    added = [
        link
        for link in json_list(unpacked_text(other))
        if isinstance(link, dict)
        and link.get("kind") == "enclosure"
        and link.get("url") not in listed
    ]
    if added:
        conn.execute(
            "UPDATE articles SET links = ? WHERE id = ?",
            [packed_links(dump_links([*listed_links, *added])), kept_id],
        )
    return takes


def move_articles(conn: sqlite3.Connection, source: int, into: int) -> int:
    """Move a source's (remaining) articles into another and delete it, inside the caller's
    transaction, with what it remembers: articles a cleanup removed (so they do not come
    back), marks imported for articles not fetched yet, and its feeds.toml standing. Returns
    how many articles moved."""
    moved = conn.execute(
        "UPDATE articles SET feed_id = ? WHERE feed_id = ?", [into, source]
    ).rowcount
    conn.execute(
        "INSERT OR IGNORE INTO retired_articles "
        "(feed_id, guid, seen, link, title, enclosures, published, was_read) "
        "SELECT ?, guid, seen, link, title, enclosures, published, was_read "
        "FROM retired_articles "
        "WHERE feed_id = ?",
        [into, source],
    )
    # marks imported for articles not fetched yet wait by the feed's URL (feeds.key)
    conn.execute(
        "UPDATE OR IGNORE pending_marks SET feed_url = (SELECT key FROM feeds WHERE id = ?) "
        "WHERE feed_url = (SELECT key FROM feeds WHERE id = ?)",
        [into, source],
    )
    conn.execute(
        "UPDATE feeds SET configured = max(configured, "
        "(SELECT configured FROM feeds WHERE id = ?)) WHERE id = ?",
        [source, into],
    )
    conn.execute("DELETE FROM feeds WHERE id = ?", [source])
    lead_orphaned_stories(conn)
    return int(moved)
