"""The stored article a feed's entry is: by guid or link, by the title key or the `user:pw@` link
older versions stored it under, or one a cleanup removed."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from newstui.article_rows import PreparedArticle, digests_with_link
from newstui.model.link_key import link_key, link_key_if_other, without_userinfo
from newstui.store.db import Database
from newstui.store.entries import LINK_KEY, removed_entry, same_title, stored_entry


class KnownArticle(NamedTuple):
    """A stored article a feed's entry may be: its id and content hash; found by link, also its
    guid and title (which tell another entry under that link: another_entry)."""

    id: int
    digest: str
    guid: str = ""
    title: str = ""


def known_by(
    db: Database, feed_id: int, column: str, values: Sequence[str]
) -> dict[str, KnownArticle]:
    """The feed's stored articles by `column` (guid or LINK_KEY) among `values`, with their
    guid and title; the oldest article when several share a link."""
    if not values:
        return {}
    found: dict[str, KnownArticle] = {}
    for value, article_id, digest, guid, title in db.execute(
        f"SELECT {column}, id, content_hash, guid, title FROM articles WHERE feed_id = ? "
        f"AND {column} IN (SELECT value FROM json_each(?)) ORDER BY id DESC",
        [feed_id, json.dumps(list(values))],
    ).fetchall():
        found[value] = KnownArticle(article_id, digest, guid, title)
    return found


def known_with_userinfo(
    db: Database,
    feed_id: int,
    keys: list[str],
    articles: Sequence[PreparedArticle],
    by_key: dict[str, KnownArticle],
    by_link: dict[str, KnownArticle],
) -> None:
    """Entries of a private feed (`http://me:pw@host/f.xml`) that a newstui before r45 stored
    with the feed's `me:pw@` in their links (a relative link joined to its url): each is known
    by that link or its `link:` identity again, under the link it has now (review r45 M2: an
    entry without guid was stored again). Adds them to `by_key` and `by_link`; a removed one's
    identity in retired_articles is its new link's too."""
    feed = db.execute("SELECT key, url FROM feeds WHERE id = ?", [feed_id]).fetchone()
    written = next((u for u in feed or () if isinstance(u, str) and "@" in u), None)
    if written is None:
        return
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(written)
    except ValueError:
        return
    userinfo, _, host = parts.netloc.rpartition("@")
    if not userinfo:
        return
    prefix = f"{parts.scheme}://{host}".lower()
    legacy: dict[str, tuple[str, str]] = {}  # an old identity or link: its key, link now
    for key, article in zip(keys, articles, strict=True):
        url = article.url
        if key in by_key or not url or url[: len(prefix)].lower() != prefix:
            continue
        if url[len(prefix) : len(prefix) + 1] not in ("", "/", "?", "#"):
            continue  # (another port: `host:80` is not `host:8080`)
        old = f"{url[: len(parts.scheme) + 3]}{userinfo}@{url[len(parts.scheme) + 3 :]}"
        if key == "link:" + url:
            legacy["link:" + old] = (key, url)
        legacy[link_key(old)] = (key, url)
    if not legacy:
        return
    for old, row in known_by(db, feed_id, "guid", list(legacy)).items():
        key = legacy[old][0]
        db.execute("UPDATE articles SET guid = ? WHERE id = ?", [key, row.id])
        by_key[key] = KnownArticle(row.id, row.digest, key, row.title)
    for old, row in known_by(db, feed_id, LINK_KEY, list(legacy)).items():
        by_link.setdefault(link_key(legacy[old][1]), row)
    db.conn.executemany(
        "UPDATE OR IGNORE retired_articles SET guid = ? WHERE feed_id = ? AND guid = ?",
        [(new[0], feed_id, old) for old, new in legacy.items() if old.startswith("link:")],
    )
    db.conn.executemany(
        "UPDATE retired_articles SET link = ? WHERE feed_id = ? AND link = ?",
        [(link_key(new[1]), feed_id, old) for old, new in legacy.items()],
    )


def userinfo_only(
    db: Database, stored: KnownArticle, article: PreparedArticle, digest: str
) -> bool:
    """Whether an entry whose digest changed differs from the `stored` article only by the
    `user:password@` a newstui before r45 kept in its link (a private feed's relative link: the
    digest covers the link). Such an entry is no update (review r45 M2: each was "updated" and
    its full text fetched again): the article takes the link and digest without it."""
    if not article.url:
        return False
    row = db.execute("SELECT url FROM articles WHERE id = ?", [stored.id]).fetchone()
    url = row[0] if row is not None else None
    if not url or "@" not in url or without_userinfo(url) != article.url:
        return False
    if stored.digest not in digests_with_link(article, url):
        return False
    db.execute(
        "UPDATE articles SET url = ?, link_key = ?, content_hash = ? WHERE id = ?",
        [article.url, link_key_if_other(article.url), digest, stored.id],
    )
    return True


def new_guid_of(stored: KnownArticle, key: str) -> bool:
    """Whether a stored article found by its link is offered under a new guid of the feed (a
    feed that changed its guids): it is then known by the new one, which is what the feed will
    offer and what a cleanup remembers it by (user test r37 M1: kept by the old guid, the removed
    read article came back unread once the feed re-dated it past same_entry's hours). Articles
    stored without a guid of their own (by link, by a sync) keep their identity."""
    return stored.guid != key and stored.guid.startswith("guid:") and key.startswith("guid:")


def another_entry(stored: KnownArticle, key: str, article: PreparedArticle) -> bool:
    """Whether an entry under its own guid is another entry than the `stored` article with its
    link that was stored under another guid of the feed: told by its headline (a feed that lists
    only its latest bulletin under one fixed link: the next one took the last one's place, read,
    its text replaced, r35 second user test M-c / review S8). A feed that changes its guids keeps
    its headlines, and a sync's or a shared guid's article has no guid of its own."""
    if not key.startswith("guid:"):
        return False
    return stored.guid.startswith("guid:") and not same_title(stored.title, article.title)


def keyed_by_title(
    db: Database,
    feed_id: int,
    keys: Sequence[str],
    articles: Sequence[PreparedArticle],
    by_key: Mapping[str, KnownArticle],
) -> dict[str, KnownArticle]:
    """Entries without guid or link that a newstui before title_key stored by a hash of title
    and text: the oldest stored article (or removed one) of the feed with neither, the entry's
    title and date takes its title key now, so the next fetch does not store it again (its
    stored id and marks kept). The articles so found, by key."""
    found: dict[str, KnownArticle] = {}
    for key, article in zip(keys, articles, strict=True):
        if not key.startswith("title:") or key in by_key:
            continue
        wanted = [feed_id, article.title, article.published]
        row = db.execute(
            "SELECT id, content_hash FROM articles WHERE feed_id = ? AND guid >= 'hash:' "
            "AND guid < 'hash;' AND url IS NULL AND title = ? AND published IS ? "
            "ORDER BY id LIMIT 1",
            wanted,
        ).fetchone()
        if row is not None:
            db.execute("UPDATE articles SET guid = ? WHERE id = ?", [key, row[0]])
            found[key] = KnownArticle(int(row[0]), str(row[1]))
            continue
        db.execute(
            "UPDATE OR IGNORE retired_articles SET guid = ? WHERE feed_id = ? AND guid = ("
            "SELECT guid FROM retired_articles WHERE feed_id = ? AND link IS NULL "
            "AND guid >= 'hash:' AND guid < 'hash;' AND title = ? AND published IS ? LIMIT 1)",
            [key, feed_id, *wanted],
        )
    return found


def removed_links(db: Database, feed_id: int, links: Sequence[str | None]) -> set[str | None]:
    """Those of these links (by link_key) under which a cleanup removed an article of the feed:
    one look-up a batch (most have none)."""
    if not links:
        return set()
    return {
        r[0]
        for r in db.execute(
            "SELECT DISTINCT link FROM retired_articles INDEXED BY retired_articles_by_link "
            "WHERE feed_id = ? AND link IN (SELECT value FROM json_each(?))",
            [feed_id, json.dumps(list(dict.fromkeys(links)))],
        ).fetchall()
    }


def removed_before(
    db: Database, feed_id: int, key: str, article: PreparedArticle, alike: int, stamp: str
) -> bool:
    """Whether a feed's entry with an identity not seen before is an article a cleanup removed,
    known by its link and title (store.entries.removed_entry, by same_entry's rule for a shared
    link: a feed that changes its guids brought its removed read articles back unread, user test
    r35 M6; the title too, as the guid differs: a live blog's next bulletin under the removed
    one's link is new, r35 tryit H-1); it is then remembered as still offered (`stamp`).
    `key`: its identity in the batch; `alike`: the batch's entries with its link."""
    entry = stored_entry(article.url, article.title, article.links, article.published)
    found = removed_entry(db.conn, feed_id, entry, alike, titled=True)
    if found is None:
        return False
    # ...and by the guid it is offered under now, if it has one (user test r37 M1: the old guid
    # alone let it back once the feed re-dated it past same_entry's hours)
    new_guid = key if key.startswith("guid:") and found.guid.startswith("guid:") else found.guid
    db.execute(
        "UPDATE OR IGNORE retired_articles SET seen = ?, guid = ? WHERE feed_id = ? AND guid = ?",
        [stamp, new_guid, feed_id, found.guid],
    )
    return True
