"""Two copies of one article made one, and a source's articles moved into another: the one step
the three places that merge share (a subscription the server moved onto a source here, articles
a sync stored twice, a feed whose URL changed in the config), so each keeps the same things.

The copy that stays keeps its id, identity and feed; it takes from the copy that goes its marks
(read if either was, starred if either was, an import's marks), its server item when it has
none (with its digest; what the server lacks queued for it), its downloads and enclosures, and its text with its
analysis when that text is the better one (TEXT RULE below), then hidden if a filter hid the copy
and sketched again for its story while recent; a story the copy led is led by its next version.
Nothing the user did is lost."""

from __future__ import annotations

import sqlite3
from typing import Any

from newstui.article_rows import dump_links, packed_links, unpacked_text
from newstui.store.db import json_list
from newstui.store.feeds import now_iso
from newstui.store.stories import lead_orphaned_stories, sketch_again

# TEXT RULE: the text kept is the one whose full text was fetched (`fulltext`, or full text
# `auto`/`true` at a fetch) over one that was not; between two of a kind, the longer; equal,
# the one the article had. Its summary, links, full-text state and analysis come with it.
_RANK = "SELECT fulltext_status IS 'ok', length(article_text(text)) FROM articles WHERE id = ?"
MARKS = ("read", "starred")


def _rank(conn: sqlite3.Connection, article_id: int) -> tuple[int, int]:
    row = conn.execute(_RANK, [article_id]).fetchone()
    return (int(row[0]), int(row[1] or 0)) if row else (0, 0)


def keeps_own_text(conn: sqlite3.Connection, article_id: int, entry_text: str) -> bool:
    """Whether a stored article keeps its text (TEXT RULE) when a sync finds it is a server
    item, whose entry has `entry_text`: its full text fetched here, or a longer text."""
    return _rank(conn, article_id) > (0, len(entry_text))


def merge_article(conn: sqlite3.Connection, gone: int, kept: int) -> None:
    """Merge article `gone` into article `kept` and delete `gone`, inside the caller's
    transaction (see the module's docstring). Writes no memory of `gone` as removed: it is
    `kept` now."""
    marks = conn.execute(
        "SELECT k.read, k.starred, g.read, g.starred FROM articles k, articles g "
        "WHERE k.id = ? AND g.id = ?",
        [kept, gone],
    ).fetchone()
    if marks is None:
        return
    values = [int(marks[0] or marks[2]), int(marks[1] or marks[3])]
    item = _item(conn, kept)
    carrier = kept  # whose server item the kept article is after the merge
    if item is None and _item(conn, gone) is not None:
        carrier = gone
    on_server = _on_server(conn, carrier, marks[2:] if carrier == gone else marks[:2])
    if carrier == gone:  # (and its digest: the item sent again is no update)
        conn.execute("UPDATE sync_items SET article_id = ? WHERE article_id = ?", [kept, gone])
        conn.execute(
            "UPDATE articles SET content_hash = (SELECT content_hash FROM articles WHERE id = ?) "
            "WHERE id = ?",
            [gone, kept],
        )
    conn.execute("UPDATE downloads SET article_id = ? WHERE article_id = ?", [kept, gone])
    conn.execute(
        "INSERT OR IGNORE INTO imported_marks (article_id) "
        "SELECT ? FROM imported_marks WHERE article_id = ?",
        [kept, gone],
    )
    took = _keep_better_text(conn, gone, kept)
    conn.execute("DELETE FROM articles WHERE id = ?", [gone])
    lead_orphaned_stories(conn, [gone])  # (lists show a story by its leader)
    if took:  # its story and filters go by the text it has now
        sketch_again(conn, kept)
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


def _item(conn: sqlite3.Connection, article_id: int) -> int | None:
    row = conn.execute(
        "SELECT item_id FROM sync_items WHERE article_id = ?", [article_id]
    ).fetchone()
    return int(row[0]) if row else None


def _on_server(
    conn: sqlite3.Connection, article_id: int, here: tuple[Any, ...]
) -> tuple[int, int] | None:
    """The server's read and starred for an article's item (its own marks, but where a change
    made here waits to be pushed); None when it is no server item."""
    if _item(conn, article_id) is None:
        return None
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


def _keep_better_text(conn: sqlite3.Connection, gone: int, kept: int) -> bool:
    """`kept` takes `gone`'s text, summary, links, full-text state and analysis when they are
    the better (TEXT RULE), and is hidden if a filter hid `gone` for it; either way it lists
    the enclosures of both. Returns whether it took the text."""
    takes = _rank(conn, gone) > _rank(conn, kept)
    links = {
        i: json_list(unpacked_text(value))
        for i, value in conn.execute(
            "SELECT id, links FROM articles WHERE id IN (?, ?)", [gone, kept]
        ).fetchall()
    }
    first, other = (
        (links.get(gone, []), links.get(kept, []))
        if takes
        else (
            links.get(kept, []),
            links.get(gone, []),
        )
    )
    listed = {link.get("url") for link in first if isinstance(link, dict)}
    added = [
        link
        for link in other
        if isinstance(link, dict)
        and link.get("kind") == "enclosure"
        and link.get("url") not in listed
    ]
    if takes:
        conn.execute("DELETE FROM mentions WHERE article_id = ?", [kept])
        conn.execute("DELETE FROM quotes WHERE article_id = ?", [kept])
        conn.execute(
            """UPDATE articles SET (summary, text, fulltext_status, fulltext_error,
            nlp_version, hidden) = (SELECT g.summary, g.text, g.fulltext_status,
            g.fulltext_error, g.nlp_version, max(g.hidden, articles.hidden)
            FROM articles g WHERE g.id = ?) WHERE id = ?""",
            [gone, kept],
        )
        # (its analysis points into the text it now has; a quote's index row is read from it)
        conn.execute("UPDATE mentions SET article_id = ? WHERE article_id = ?", [kept, gone])
        conn.execute("UPDATE quotes SET article_id = ? WHERE article_id = ?", [kept, gone])
    if takes or added:
        conn.execute(
            "UPDATE articles SET links = ? WHERE id = ?",
            [packed_links(dump_links([*first, *added])), kept],
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
        "INSERT OR IGNORE INTO retired_articles (feed_id, guid, seen) "
        "SELECT ?, guid, seen FROM retired_articles WHERE feed_id = ?",
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
