"""The one rule for "the same feed entry" (same_entry), by which a sync pairs a server's items
with the articles here and with those a cleanup removed, and two sources of one feed pair their
articles when they become one (twin_articles)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from newstui.article_rows import enclosure_urls, stored_date
from newstui.model.link_key import link_key, same_link
from newstui.store.json_columns import json_list
from newstui.text import halfwidth_signs

if TYPE_CHECKING:  # (a save never loads the sync's values: store.known_articles imports this)
    from newstui.model import RemoteItem

# An article's link as compared (model.link_key), as indexed with its feed (schema 36).
LINK_KEY = "coalesce(link_key, url)"

SAME_ENTRY_HOURS = 12  # two entries under one link and title dated further apart are two


class FeedEntry(NamedTuple):
    """What tells a feed entry, an article's here or a server item's: its link, title (None: it
    has none, one made from its text tells nothing), enclosure URLs, and date as stored (None:
    not compared)."""

    url: str | None
    title: str | None
    enclosures: frozenset[str]
    published: str | None = None


def stored_entry(
    url: str | None, title: str | None, links: str | bytes | None, published: str | None = None
) -> FeedEntry:
    """A stored article's entry from its columns (links packed or plain JSON)."""
    return FeedEntry(url, title, frozenset(enclosure_urls(links)), published)


def item_entry(item: RemoteItem) -> FeedEntry:
    """A server item's entry: no title when the item had none (see RemoteItem.titled)."""
    article = item.article
    sent = frozenset(link.url for link in article.links if link.kind == "enclosure")
    title = article.title if item.titled else None
    return FeedEntry(article.url, title, sent, stored_date(article.published))


def same_entry(
    here: FeedEntry, there: FeedEntry, *, shared: bool, strict_files: bool = False
) -> bool:
    """Whether two entries are one: the same link (by link_key), and
    - a link one article's here and one item's (not `shared`, see link_shared): that article
      whatever its title (a headline edited since), unless both enclose files and none is the
      same (two episodes under a show page's link, review r33's second pass on F2);
    - else, or where neither has a link: the same title (same_title), which tells apart
      articles sharing a link (a podcast's show page, a live blog); a title one side does not
      have (made from its text) tells nothing, so there is no pair by it;
    never when both are dated more than SAME_ENTRY_HOURS apart (the next day's "Daily briefing"
    under one link and headline: review r34 S1), nor, with `strict_files`, when both enclose
    files and none is the same, whatever their titles (a cleanup's memory: a re-issued episode
    under the same title is let in, not kept out for good)."""
    if not same_link(here.url, there.url):
        return False
    if days_apart(there.published, here.published):
        return False
    other_files = bool(here.enclosures) and bool(there.enclosures)
    other_files = other_files and not here.enclosures & there.enclosures
    if other_files and strict_files:
        return False
    if here.url is not None and not shared and not other_files:
        return True
    return (
        here.title is not None and there.title is not None and same_title(here.title, there.title)
    )


def link_shared(articles: int, items: int) -> bool:
    """Whether a link is shared, for same_entry: more than one article of the source here, or
    more than one of the server's items at hand, has it."""
    return articles > 1 or items > 1


def same_title(a: str | None, b: str | None) -> bool:
    """Whether two titles are one article's: equal but for case, spacing and FreshRSS's
    fullwidth `＆ ＜ ＞` for `& < >` (a title a sync stored before they were folded back)."""
    return folded_title(a) == folded_title(b)


def folded_title(title: str | None) -> str:
    """A title as same_title compares it."""
    return " ".join(halfwidth_signs(title or "").split()).casefold()


def days_apart(sent: str | None, stored: str | None) -> bool:
    """Whether two stored dates (ISO 8601 UTC) say two entries: both known and more than
    SAME_ENTRY_HOURS apart (the next day's "Daily briefing" under one link and headline). Closer
    dates are one entry dated twice (review r34 S2: a server that keeps the date it first saw
    while the feed's entry was re-dated, or seconds rounded, let a removed read article back)."""
    if not sent or not stored:
        return False
    try:
        apart = datetime.fromisoformat(sent) - datetime.fromisoformat(stored)
    except ValueError:  # (a date stored by hand or by an old version: no evidence either way)
        return False
    return abs(apart) > timedelta(hours=SAME_ENTRY_HOURS)


def twin_articles(conn: sqlite3.Connection, source: int, into: int) -> list[tuple[int, int]]:
    """The articles of `source` that are an article of `into` (two sources of one feed, about to
    be one): (source's, into's), each article once. The same id in the feed (guid), else the
    same entry under a link that is only one article's in each source, told by its title
    (same_entry as for a shared link: one episode of a show page kept here and another there
    are two, r32 review M3); articles that share a link (a podcast's show page, a live blog) are
    not paired."""
    mine = _link_counts(conn, source)
    theirs = _link_counts(conn, into)
    claimed: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for article_id, guid, url, title, links, published in conn.execute(
        "SELECT id, guid, url, title, links, published FROM articles WHERE feed_id = ?", [source]
    ).fetchall():
        found = conn.execute(
            "SELECT id FROM articles WHERE feed_id = ? AND guid = ?", [into, guid]
        ).fetchone()
        key = link_key(url) if url is not None else None
        if found is None and key is not None and mine.get(key) == theirs.get(key) == 1:
            row = conn.execute(  # (by link_key: one look-up, `…/V%C3%A1zquez` is `…/Vázquez`)
                "SELECT id, url, title, links, published FROM articles "
                f"WHERE feed_id = ? AND {LINK_KEY} = ?",
                [into, key],
            ).fetchone()
            here = stored_entry(url, title, links, published)
            if (
                row is not None
                and row[0] not in claimed
                and same_entry(here, stored_entry(*row[1:]), shared=True)
            ):
                found = row
        if found is None:
            continue
        claimed.add(found[0])
        pairs.append((article_id, found[0]))
    return pairs


def _link_counts(conn: sqlite3.Connection, feed_id: int) -> dict[str, int]:
    """How many of a source's articles have each link (by link_key)."""
    return dict(
        conn.execute(
            f"SELECT {LINK_KEY}, count(*) FROM articles WHERE feed_id = ? AND url IS NOT NULL "
            f"GROUP BY {LINK_KEY}",
            [feed_id],
        ).fetchall()
    )


class RemovedEntry(NamedTuple):
    """An article a cleanup removed, as a removed_entry found it: the identity it is remembered
    by, and whether it was read here."""

    guid: str
    was_read: bool


def removed_entry(
    conn: sqlite3.Connection, feed_id: int, offered: FeedEntry, alike: int, *, titled: bool = False
) -> RemovedEntry | None:
    """The article of this source a cleanup removed that an offered entry is (a server's item,
    or a feed's entry under a guid not seen before: a feed that changes its guids, user test r35
    M6), known by its link: same_entry with what the cleanup remembered of it (link, title,
    enclosures, date); other files are another entry whatever the title (strict_files: a match
    is kept out for good). `alike`: the entries at hand with its link (more than one: the title
    must match). `titled`: the title must match whatever the link's use (a feed's entry under
    another guid: the new guid says another entry unless the headline is the same — a live blog's
    next bulletin under the one link, r35 tryit H-1)."""
    if not offered.url:
        return None
    link = link_key(offered.url)
    removed = conn.execute(
        # (named: without statistics SQLite 3.40 took the primary key, a scan of every row the
        # feed's cleanups left, 0.3 ms an item with 3,000 of them)
        "SELECT guid, title, enclosures, published, was_read FROM retired_articles "
        "INDEXED BY retired_articles_by_link WHERE feed_id = ? AND link = ?",
        [feed_id, link],
    ).fetchall()
    if not removed:
        return None
    stored = conn.execute(
        f"SELECT count(*) FROM articles WHERE feed_id = ? AND {LINK_KEY} = ?", [feed_id, link]
    ).fetchone()[0]
    shared = titled or link_shared(len(removed) + stored, alike)
    for guid, removed_title, enclosures, published, was_read in removed:
        files = frozenset(str(u) for u in json_list(enclosures))
        entry = FeedEntry(link, removed_title, files, published)
        if same_entry(entry, offered, shared=shared, strict_files=True):
            return RemovedEntry(guid, bool(was_read))
    return None
