"""Articles: save a feed's batch (dedupe, keep state), list and count by filter, fetch one, mark."""

from __future__ import annotations

import contextlib
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from newstui.article_rows import (
    PreparedArticle,
    digests_with_link,
    dump_links,
    link_dict,
    packed_links,
    packed_text,
    prepared,
    stored_date,
    text_key,
    timed_midnight,
    title_key,
    unpacked_text,
    unpacking_problem,
)
from newstui.errors import hide_passwords
from newstui.model import (
    NEWEST_FIRST,
    ArticleFilter,
    ArticleRow,
    FulltextStatus,
    LinkKind,
    SortOrder,
    believed_date,
    listed_date_only,
)
from newstui.model.link_key import link_key, link_key_if_other, without_userinfo
from newstui.store.analysis import analysis_kept
from newstui.store.db import Database, savepoint, write_transaction
from newstui.store.downloads import take_over_orphans
from newstui.store.enclosures import lists_enclosures, refresh_enclosures
from newstui.store.entries import LINK_KEY, removed_entry, same_title, stored_entry
from newstui.store.feeds import now_iso
from newstui.store.folder_sql import folder_sources
from newstui.store.index_merges import merge_fewer_times
from newstui.store.json_columns import json_list
from newstui.store.pending_marks import GuidAsFetched, apply_pending_marks
from newstui.store.retention import describe_retired, retired_keys
from newstui.store.row_statements import row_statements
from newstui.store.sql_functions import with_texts
from newstui.store.stories import same_story_ids
from newstui.store.texts_changed import text_changed
from newstui.text import author_name, clean_line

if TYPE_CHECKING:  # the query language (and its SQL) is imported when a filter has a query
    from newstui.model import Article, Link, SaveResult, StoredArticle
    from newstui.model.views import Marked
    from newstui.query import Query

EVERY_ARTICLE = ArticleFilter()


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


def identity_keys(articles: Sequence[Article | PreparedArticle]) -> list[str]:
    """The identity of each article within its feed: guid, else link, else (no guid nor link,
    dated) a hash of its title and date (title_key), else a hash of title+text.

    A guid or link shared by several entries of one batch is not trusted for those entries, nor
    a title and date shared by several entries with neither.
    """

    def fallback(a: Article | PreparedArticle) -> str:
        # made here, for the few entries that need it (a prepared text is read back)
        text = unpacked_text(a.text) if isinstance(a, PreparedArticle) else a.text
        return text_key(a.title, text)

    def dated(a: Article | PreparedArticle) -> tuple[str, str] | None:
        """Its title and date when it has neither guid nor link but both of those (dated
        only: an undated "Daily menu" keyed by its title alone would be one article for ever,
        each day's overwriting the last, read: review r35 S6)."""
        if a.guid or a.url or not a.title:
            return None
        published = a.published if isinstance(a, PreparedArticle) else stored_date(a.published)
        return (a.title, published) if published else None

    guids = Counter(a.guid for a in articles if a.guid)
    links = Counter(a.url for a in articles if a.url)
    title_dates = [dated(a) for a in articles]
    titled = Counter(t for t in title_dates if t is not None)
    keys: list[str] = []
    for a, title_date in zip(articles, title_dates, strict=True):
        if a.guid and guids[a.guid] == 1:
            keys.append("guid:" + a.guid)
        elif a.url and links[a.url] == 1:
            keys.append("link:" + a.url)
        elif title_date is not None and titled[title_date] == 1:
            keys.append(title_key(*title_date))
        else:
            keys.append(fallback(a))  # identical entries (same title and text) collapse to one
    return keys


def _sortable(published: str | None, now: str) -> str | None:
    """The publish date to sort by: None (sort by fetch time) when it lies in the future.

    A feed claiming 9999-12-31 would otherwise sit at the top of every list forever; the claimed
    date stays stored and shown. Clamped at `now`, not a day later: a date a few hours ahead
    (a clock or time zone skew) sorting by itself put it above a batch's far-future claims, so
    a batch listed "12-02, 12-04, 12-03"; see `_arrival_order` for the order within a batch.
    """
    if published is None:
        return None
    return published if datetime.fromisoformat(published) <= datetime.fromisoformat(now) else None


def _arrival_order(rows: Sequence[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """New INSERT_ARTICLE rows of one batch in the order to insert them. Those that sort by the
    batch's fetch time (dated ahead of it, or undated) tie on `sort_date`, and lists break ties
    by id, newest first: so among their own places in the batch they go oldest claimed date
    first (undated ones count as dated at the fetch), and list newest first; rows claiming the
    same date go last in the feed first, so they list in the feed's own order, as newsboat does.
    Every other row keeps its place, so its id (and any order by id) is as before."""
    tied = [i for i, row in enumerate(rows) if row[7] == row[6]]  # sort_date is first_seen
    ordered = sorted(tied, key=lambda i: (str(rows[i][5] or rows[i][6]), -i))
    placed = list(rows)
    for slot, i in zip(tied, ordered, strict=True):
        placed[slot] = rows[i]
    return placed


# A new article's id comes first (take_article_ids), then its new_article_row.
INSERT_INTO_ARTICLES = """
    INSERT INTO articles (id, feed_id, guid, url, title, author, published, first_seen,
        sort_date, summary, text, links, content_hash, nlp_version)
"""
ARTICLE_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
INSERT_ARTICLE = f"{INSERT_INTO_ARTICLES} VALUES {ARTICLE_VALUES}"
INSERT_ROWS = 500  # articles inserted by one statement (14 parameters each)


def take_article_ids(conn: sqlite3.Connection, count: int) -> int | None:
    """The first of `count` ids for new articles, past every id an article has had (schema 43:
    SQLite alone gives the highest id + 1, the removed newest article's), so an id a script
    kept never names another article once its own is removed; they are recorded as given.
    Inside the write transaction that inserts them. None in a store of an older schema, not
    upgraded (open_db upgrades first; tests build such stores): SQLite's ids then."""
    try:  # (one write: interrupted, it undoes the transaction as the insert would)
        given = conn.execute(
            "UPDATE article_ids_given SET last = "
            "max(last, (SELECT coalesce(max(id), 0) FROM articles)) + ? RETURNING last",
            [count],
        ).fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return None
        raise
    return max(int(r[0]) for r in given) - count + 1 if given else None


def insert_new_articles(
    db: Database,
    rows: Sequence[tuple[object, ...]],
    texts: Iterable[tuple[bytes, bytes]] = (),
    guid_as_fetched: Mapping[int, GuidAsFetched] | None = None,
) -> dict[tuple[int, str], int]:
    """Insert new articles (INSERT_ARTICLE rows of one feed or several), many in one statement;
    their ids by feed and identity (guid). One statement, not one a row: the full-text index,
    written by a trigger, is flushed at the end of each statement. `texts`: (packed, UTF-8) of
    their texts known already, which the trigger then need not unpack. `guid_as_fetched`: see
    pending_marks.apply_pending_marks."""
    ids: dict[tuple[int, str], int] = {}
    if rows:
        merge_fewer_times(db)
        first = take_article_ids(db.conn, len(rows))
        rows = [(None if first is None else first + n, *row) for n, row in enumerate(rows)]
    with with_texts(db, texts):
        for sql, params in row_statements(
            INSERT_INTO_ARTICLES, rows, INSERT_ROWS, "RETURNING id, feed_id, guid", split_tail=False
        ):
            # fetchall: the statement is done before any Python runs (a signal handler raising
            # mid-iteration would leave it in progress, and the next commit would fail).
            returned = db.conn.execute(sql, params).fetchall()
            ids.update(((feed_id, guid), article_id) for article_id, feed_id, guid in returned)
    if ids:  # read and starred marks an import keeps for them (newsboat's)
        apply_pending_marks(db.conn, ids.values(), guid_as_fetched)
        take_over_orphans(db.conn, ids.values())  # a feed added back: its episodes' files
    return ids


def new_article_row(
    feed_id: int,
    key: str,
    article: Article | PreparedArticle,
    now: str,
    digest: str | None = None,
    analysed_as: str | None = None,
) -> tuple[object, ...]:
    """The INSERT_ARTICLE parameters of a new article first seen `now` (`analysed_as`: the
    extractor version its analysis is already known at, see save_articles)."""
    row = prepared(article)
    return (
        feed_id,
        key,
        row.url,
        row.title,
        row.author,
        row.published,
        now,
        _sortable(row.published, now) or now,
        row.summary,
        row.text,
        row.links,
        digest or row.content_hash,
        analysed_as,
    )


def save_articles(
    db: Database,
    feed_id: int,
    batch: Sequence[Article | PreparedArticle],
    analysed_as: str | None = None,
) -> SaveResult:
    """Insert new articles and update changed ones in one transaction; read/starred are kept.
    Articles come in their stored form when a parsing worker prepared them. `analysed_as`:
    the version of an extractor that finds nothing ("none"): the articles are stored as
    analysed by it (an empty analysis), instead of marked by a second pass over their rows."""
    with write_transaction(db):
        return _save_in_transaction(db, feed_id, batch, analysed_as)


def save_feeds(
    db: Database,
    batches: Sequence[tuple[int, Sequence[Article | PreparedArticle]]],
    analysed_as: str | None = None,
    guid_as_fetched: Mapping[int, GuidAsFetched] | None = None,
) -> list[SaveResult | Exception]:
    """`save_articles` for several feeds' batches in one transaction, each in a savepoint: a
    batch that fails is rolled back alone and its exception is its result (`guid_as_fetched`:
    see pending_marks.apply_pending_marks). One commit for
    several feeds: storing 200 feeds of 50 new articles cost 0.15 s less CPU three at a time
    than one at a time, 0.23 s less ten at a time (1.24 s). The feeds' new articles are
    inserted together first (see _saved_together); only when that fails is each feed saved
    alone."""
    results: list[SaveResult | Exception] = []
    with write_transaction(db):
        together = _saved_together(db, batches, analysed_as, guid_as_fetched)
        if together is not None:
            return together
        for feed_id, batch in batches:
            try:
                with savepoint(db, "save_feed"):
                    results.append(
                        _save_in_transaction(db, feed_id, batch, analysed_as, guid_as_fetched)
                    )
            except Exception as exc:
                if not db.conn.in_transaction:  # SQLite undid the whole transaction (an
                    raise  # interrupt, a full disk): the feeds before it too, not its alone
                results.append(exc)
    return results


def _saved_together(
    db: Database,
    batches: Sequence[tuple[int, Sequence[Article | PreparedArticle]]],
    analysed_as: str | None,
    guid_as_fetched: Mapping[int, GuidAsFetched] | None,
) -> list[SaveResult | Exception] | None:
    """The batches of several feeds saved with one insert statement for all their new articles
    (up to INSERT_ROWS), inside the caller's transaction; None, with nothing changed, when any
    step fails (each feed is then saved alone, and fails alone). The full-text index writes a
    segment at the end of each statement and merges them later: one statement for a group of
    feeds, not one a feed, cost 7 % fewer instructions to store a cold fetch's articles at 5
    feeds of 50 a group, 11 % at 10. Feeds named twice are saved one by one."""
    if len(batches) < 2 or len({feed_id for feed_id, _ in batches}) < len(batches):
        return None
    try:
        with savepoint(db, "save_feeds"):
            plans = [_planned(db, feed_id, batch, analysed_as) for feed_id, batch in batches]
            new_ids = insert_new_articles(
                db,
                [row for plan in plans for row in plan.rows],
                [text for plan in plans for text in plan.texts],
                guid_as_fetched,
            )
            timed = [
                new_ids[feed_id, key]
                for (feed_id, _), plan in zip(batches, plans, strict=True)
                for key in plan.timed
            ]
            _mark_timed_midnights(db, timed)
            _mark_languages(
                db,
                [
                    (new_ids[feed_id, key], language)
                    for (feed_id, _), plan in zip(batches, plans, strict=True)
                    for key, language in plan.languages
                ],
            )
    except Exception:
        if not db.conn.in_transaction:  # SQLite undid the whole transaction: see save_feeds
            raise
        return None
    return [
        plan.result(feed_id, new_ids) for (feed_id, _), plan in zip(batches, plans, strict=True)
    ]


def _save_in_transaction(
    db: Database,
    feed_id: int,
    batch: Sequence[Article | PreparedArticle],
    analysed_as: str | None,
    guid_as_fetched: Mapping[int, GuidAsFetched] | None = None,
) -> SaveResult:
    """save_articles' work, inside the caller's transaction."""
    plan = _planned(db, feed_id, batch, analysed_as)
    new_ids = insert_new_articles(db, plan.rows, plan.texts, guid_as_fetched)
    _mark_timed_midnights(db, [new_ids[feed_id, key] for key in plan.timed])
    _mark_languages(db, [(new_ids[feed_id, key], language) for key, language in plan.languages])
    return plan.result(feed_id, new_ids)


def _mark_timed_midnights(db: Database, ids: list[int]) -> None:
    """Mark new articles whose date is a real midnight UTC (article_rows.timed_midnight): a
    statement only for a batch that has one, so the insert stays as it was (schema 53)."""
    if ids:
        db.execute(
            "UPDATE articles SET timed_midnight = 1 WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(ids)],
        )


def _mark_languages(db: Database, languages: list[tuple[int, str]]) -> None:
    """Store the language each of these new articles' entries declares (Article.language), one
    statement a language (a feed's articles mostly share its own): the insert stays as it was
    (schema 56)."""
    by_language: dict[str, list[int]] = {}
    for article_id, language in languages:
        by_language.setdefault(language, []).append(article_id)
    for language, ids in by_language.items():
        db.execute(
            "UPDATE articles SET language = ? WHERE id IN (SELECT value FROM json_each(?))",
            [language, json.dumps(ids)],
        )


@dataclass(frozen=True, slots=True)
class _Plan:
    """What saving a feed's batch writes once its updates are done: the new articles' rows (in
    the order to insert them) and their texts' UTF-8, and what the result names."""

    rows: list[tuple[object, ...]]
    texts: list[tuple[bytes, bytes]]  # (packed, UTF-8) of new rows' texts
    changed: list[int | str]  # ids of updated articles, keys of new ones
    updated: int
    dropped_enclosures: int  # of the new and updated articles (SaveResult's)
    timed: list[str]  # keys of new rows whose date is a real midnight UTC (timed_midnight)
    languages: list[tuple[str, str]]  # (key, language) of new rows declaring one

    def result(self, feed_id: int, new_ids: dict[tuple[int, str], int]) -> SaveResult:
        """The feed's SaveResult, its new articles' ids taken from `new_ids` (the insert's)."""
        from newstui.model.fetching import SaveResult

        ids = tuple(new_ids[feed_id, c] if isinstance(c, str) else c for c in self.changed)
        return SaveResult(len(self.rows), self.updated, ids, self.dropped_enclosures)


def _planned(
    db: Database,
    feed_id: int,
    batch: Sequence[Article | PreparedArticle],
    analysed_as: str | None,
) -> _Plan:
    """Dedupe a feed's batch against the store and update the articles that changed (inside
    the caller's transaction); the new ones are left to insert."""
    articles = [prepared(article) for article in batch]
    keys = identity_keys(articles)
    links = [link_key(a.url) if a.url else None for a in articles]  # (as compared: link_key)
    link_counts = Counter(links)
    claimed: set[int] = set()
    updated = dropped = 0
    changed: list[int | str] = []  # ids of updated articles, keys of new ones
    new_rows: list[tuple[object, ...]] = []
    texts: list[tuple[bytes, bytes]] = []  # (packed, UTF-8) of new rows' texts
    timed: list[str] = []  # new rows' keys whose date is a real midnight UTC
    languages: list[tuple[str, str]] = []  # new rows' keys and the language each declares
    same: dict[
        int, PreparedArticle
    ] = {}  # stored articles whose entry, with enclosures, is no update
    now = now_iso()
    # What this batch already has in the store: two indexed look-ups for the whole batch
    # (bounded by its size, never every key of the feed).
    by_key = _stored_by(db, feed_id, "guid", keys)
    by_key.update(_keyed_by_title(db, feed_id, keys, articles, by_key))
    unknown = [link for link, k in zip(links, keys, strict=True) if k not in by_key and link]
    by_link = _stored_by(db, feed_id, LINK_KEY, unknown)
    if any(link not in by_link for link in unknown):  # (new entries: one look-up of the feed)
        _stored_with_userinfo(db, feed_id, keys, articles, by_key, by_link)
    seen = retired_keys(db, feed_id, [k for k in keys if k not in by_key], now)
    if seen:  # (what an older cleanup did not keep of them: a sync server's copy is known by it)
        describe_retired(
            db, feed_id, {k: a for k, a in zip(keys, articles, strict=True) if k in seen}
        )
    removed_links = _removed_links(db, feed_id, unknown)
    for key, article, link in zip(keys, articles, links, strict=True):
        if key in seen:  # repeated in the batch, or removed by a cleanup: not new again
            continue
        seen.add(key)
        digest = article.content_hash
        row = by_key.get(key)
        if row is None and link and link_counts[link] == 1:
            # The same entry stored earlier under another identity (its guid became shared, or
            # a sync stored it: `…/V%C3%A1zquez` for this `…/Vázquez`).
            row = by_link.get(link)
            if row is not None and (row.id in claimed or _another_entry(row, key, article)):
                row = None
        if (
            row is None
            and link in removed_links
            and _removed_before(db, feed_id, key, article, link_counts[link], now)
        ):
            continue  # removed by a cleanup, offered under another guid: not new again
        if row is None:
            new_rows.append(new_article_row(feed_id, key, article, now, digest, analysed_as))
            changed.append(key)
            if timed_midnight(article):
                timed.append(key)
            if article.language:
                languages.append((key, article.language))
            dropped += article.dropped_enclosures
            if article.text_utf8 is not None and isinstance(article.text, bytes):
                texts.append((article.text, article.text_utf8))
            continue
        claimed.add(row.id)
        if _new_guid_of(row, key):  # known by the guid the feed offers now (user test r37 M1)
            db.execute("UPDATE articles SET guid = ? WHERE id = ?", [key, row.id])
        if row.digest != digest and not _userinfo_only(db, row, article, digest):
            if update_article_content(db.conn, row.id, article, digest, analysed_as):
                if article.language:  # (its new text reads in the language it declares now)
                    db.execute(
                        "UPDATE articles SET language = ? WHERE id = ?", [article.language, row.id]
                    )
                updated += 1
                changed.append(row.id)
                dropped += article.dropped_enclosures
        elif lists_enclosures(article):  # no update: its enclosures may still be new
            same[row.id] = article
    refresh_enclosures(db, same)
    return _Plan(_arrival_order(new_rows), texts, changed, updated, dropped, timed, languages)


def _stored_with_userinfo(
    db: Database,
    feed_id: int,
    keys: list[str],
    articles: Sequence[PreparedArticle],
    by_key: dict[str, _Stored],
    by_link: dict[str, _Stored],
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
    for old, row in _stored_by(db, feed_id, "guid", list(legacy)).items():
        key = legacy[old][0]
        db.execute("UPDATE articles SET guid = ? WHERE id = ?", [key, row.id])
        by_key[key] = _Stored(row.id, row.digest, key, row.title)
    for old, row in _stored_by(db, feed_id, LINK_KEY, list(legacy)).items():
        by_link.setdefault(link_key(legacy[old][1]), row)
    db.conn.executemany(
        "UPDATE OR IGNORE retired_articles SET guid = ? WHERE feed_id = ? AND guid = ?",
        [(new[0], feed_id, old) for old, new in legacy.items() if old.startswith("link:")],
    )
    db.conn.executemany(
        "UPDATE retired_articles SET link = ? WHERE feed_id = ? AND link = ?",
        [(link_key(new[1]), feed_id, old) for old, new in legacy.items()],
    )


def _userinfo_only(db: Database, stored: _Stored, article: PreparedArticle, digest: str) -> bool:
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


def _new_guid_of(stored: _Stored, key: str) -> bool:
    """Whether a stored article found by its link is offered under a new guid of the feed (a
    feed that changed its guids): it is then known by the new one, which is what the feed will
    offer and what a cleanup remembers it by (user test r37 M1: kept by the old guid, the removed
    read article came back unread once the feed re-dated it past same_entry's hours). Articles
    stored without a guid of their own (by link, by a sync) keep their identity."""
    return stored.guid != key and stored.guid.startswith("guid:") and key.startswith("guid:")


def _another_entry(stored: _Stored, key: str, article: PreparedArticle) -> bool:
    """Whether an entry under its own guid is another entry than the `stored` article with its
    link that was stored under another guid of the feed: told by its headline (a feed that lists
    only its latest bulletin under one fixed link: the next one took the last one's place, read,
    its text replaced, r35 second user test M-c / review S8). A feed that changes its guids keeps
    its headlines, and a sync's or a shared guid's article has no guid of its own."""
    if not key.startswith("guid:"):
        return False
    return stored.guid.startswith("guid:") and not same_title(stored.title, article.title)


def _keyed_by_title(
    db: Database,
    feed_id: int,
    keys: Sequence[str],
    articles: Sequence[PreparedArticle],
    by_key: Mapping[str, _Stored],
) -> dict[str, _Stored]:
    """Entries without guid or link that a newstui before title_key stored by a hash of title
    and text: the oldest stored article (or removed one) of the feed with neither, the entry's
    title and date takes its title key now, so the next fetch does not store it again (its
    stored id and marks kept). The articles so found, by key."""
    found: dict[str, _Stored] = {}
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
            found[key] = _Stored(int(row[0]), str(row[1]))
            continue
        db.execute(
            "UPDATE OR IGNORE retired_articles SET guid = ? WHERE feed_id = ? AND guid = ("
            "SELECT guid FROM retired_articles WHERE feed_id = ? AND link IS NULL "
            "AND guid >= 'hash:' AND guid < 'hash;' AND title = ? AND published IS ? LIMIT 1)",
            [key, feed_id, *wanted],
        )
    return found


def _removed_links(db: Database, feed_id: int, links: Sequence[str | None]) -> set[str | None]:
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


def _removed_before(
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
        "sortable": _sortable(row.published, now_iso()),
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
# <pre> block's gutter (r36, 2d0c91c3), an <hr>'s rule and a superscript number's caret (r49).
_DRAWN = re.compile(r"(?m)^\s*\d+\. |[\s\u2022\u25e6\u25aa\u2502|\u2500^]")


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


class _Stored(NamedTuple):
    """A stored article a feed's entry may be: its id and content hash; found by link, also its
    guid and title (which tell another entry under that link: _another_entry)."""

    id: int
    digest: str
    guid: str = ""
    title: str = ""


def _stored_by(
    db: Database, feed_id: int, column: str, values: Sequence[str]
) -> dict[str, _Stored]:
    """The feed's stored articles by `column` (guid or LINK_KEY) among `values`, with their
    guid and title; the oldest article when several share a link."""
    if not values:
        return {}
    found: dict[str, _Stored] = {}
    for value, article_id, digest, guid, title in db.execute(
        f"SELECT {column}, id, content_hash, guid, title FROM articles WHERE feed_id = ? "
        f"AND {column} IN (SELECT value FROM json_each(?)) ORDER BY id DESC",
        [feed_id, json.dumps(list(values))],
    ).fetchall():
        found[value] = _Stored(article_id, digest, guid, title)
    return found


def forget_analysis(conn: sqlite3.Connection, article_id: int) -> None:
    """Drop an article's quotes and mentions: their offsets point into a text that is gone."""
    conn.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
    conn.execute("DELETE FROM quotes WHERE article_id = ?", [article_id])


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


# Whether it has an enclosure: looked up in the small partial index of those (articles_enclosures),
# never read from `links` (a row's links sit behind its text); whether one is downloaded: in the
# download queue (read once a statement).
_ROW_COLUMNS = """a.id, a.feed_id, f.name, a.title, a.url, a.author, a.published, a.sort_date,
    a.read, a.starred,
    a.id IN (SELECT id FROM articles WHERE instr(links, '"kind": "enclosure"') > 0),
    a.id IN (SELECT article_id FROM downloads WHERE state = 'done'), a.timed_midnight,
    coalesce(a.language, f.language)"""
_ROW_WIDTH = 14  # (_ROW_COLUMNS' count)


def _row(r: Sequence[Any]) -> ArticleRow:
    published, claimed = believed_date(r[6], r[7])  # (a date ahead of its arrival: that)
    date_only = False if r[12] else None  # (NULL: see ArticleRow.date_only)
    return ArticleRow(
        id=r[0],
        feed_id=r[1],
        feed=r[2] and hide_passwords(r[2]),  # a password in a URL-like name as ***
        title=r[3],
        url=r[4],
        author=author_name(r[5]),  # stored before bylines were shortened at ingest
        published=published,
        sort_date=r[7],
        read=bool(r[8]),
        starred=bool(r[9]),
        enclosure=bool(r[10]),
        downloaded=bool(r[11]),
        date_only=listed_date_only(r[6], r[7], date_only),
        claimed=claimed,
        language=r[13],
    )


# One story once: copies of a story from other feeds are listed only in their feed.
_STORY_COPIES = "SELECT article_id FROM stories WHERE story_id != article_id"
# A list that selects by what an article holds (a query, an entity, a speaker) shows a story by
# the versions that match it, not by its first one (user test r43 H1: `title:` of the second
# outlet's headline, or `feed:` of it, found nothing): a matching version is left out only when
# an earlier version of its story from another feed matches too. {matching} is the list's own
# condition over `a` (the earlier versions are named `a` in it); only the stories with copies
# are looked at (the partial index of copies: `article_id > 0` has it chosen over scanning every
# story), so a store without them pays nothing.
_FOLDED_MATCHES = """SELECT id FROM (
    SELECT id, feed, first_feed,
        min(CASE WHEN feed != first_feed THEN id END) OVER (PARTITION BY story) AS cut
    FROM (
        SELECT a.id AS id, a.feed_id AS feed, s.story_id AS story,
            first_value(a.feed_id) OVER (PARTITION BY s.story_id ORDER BY a.id) AS first_feed
        FROM stories s JOIN {articles} ON a.id = s.article_id
        WHERE s.story_id IN (SELECT story_id FROM stories
            WHERE story_id != article_id AND article_id > 0)
        AND {matching}))
    WHERE feed != first_feed OR id > cut"""
# The columns of the index articles_fold (schema v46): a fold whose conditions read no other
# column of `a` reads each version there, not in its row (SQLite looks an id up by its row;
# Starred's `a.starred = 1` is better started from the starred articles' own index).
_FOLD_INDEX_COLUMNS = frozenset({"id", "read", "sort_date", "feed_id"})
# Hidden articles by id through the small partial index of them: any index can test an id.
_HIDDEN = "SELECT id FROM articles WHERE hidden = 1"


def _where(db: Database, f: ArticleFilter) -> tuple[str, list[object]]:
    # A list by match picks the version it shows of a story without its unread flag, which then
    # keeps that version or not: a story is unread when the version shown is, as in All and its
    # Unread (Starred's unread count and `list --starred --unread` differed when one version was
    # read and its copy was not). A query's own `unread` is that flag (flags_apart).
    f = flags_apart(f)
    clauses, params = _conditions(db, replace(f, unread=False))
    if f.folds_copies and folds_by_match(f):
        folded, folded_params = _folded(db, clauses, params)
        clauses.append(f"a.id NOT IN ({folded})")
        params += folded_params
    if f.unread:
        clauses.insert(0, "a.read = 0")
    return " WHERE " + " AND ".join(clauses), params


def _folded(db: Database, clauses: list[str], params: list[object]) -> tuple[str, list[object]]:
    """The SELECT of the versions a list by match leaves out (_FOLDED_MATCHES of its
    conditions), kept as a match set is: a count and the windows after it evaluate it once."""
    from newstui.store.match_sets import match_set

    if not db.execute(f"SELECT EXISTS ({_STORY_COPIES} AND article_id > 0)").fetchone()[0]:
        return "SELECT NULL WHERE 0", []  # no story has copies: nothing to leave out
    matching = " AND ".join(clauses)
    covered = set(re.findall(r"\ba\.(\w+)", matching)) <= _FOLD_INDEX_COLUMNS
    articles = "articles a INDEXED BY articles_fold" if covered else "articles a"
    select = _FOLDED_MATCHES.format(articles=articles, matching=matching)
    folded, folded_params, _ = match_set(db, select, list(params))
    return folded, folded_params


def _conditions(db: Database, f: ArticleFilter) -> tuple[list[str], list[object]]:
    """The filter's conditions over `articles a` but its unread flag and the one folding a
    search's copies (_where adds both)."""
    clauses: list[str] = []
    params: list[object] = []
    if f.feed_id is not None:
        clauses.append("a.feed_id = ?")
        params.append(f.feed_id)
    if f.tag is not None:  # the folder and its subfolders (model.folders)
        sources, folder = folder_sources(f.tag)
        clauses.append(f"a.feed_id IN ({sources})")
        params += folder
    if f.starred:
        clauses.append("a.starred = 1")
    if f.query is not None:
        from newstui.store.match_sets import match_set
        from newstui.store.query_sql import prefixes_stemmed, query_condition

        with prefixes_stemmed(db.prefix_pending):
            sql, query_params = query_condition(
                f.query.root,
                match_set=lambda select, ps: match_set(db, select, ps),
                read=lambda select, ps: int(db.execute(select, ps).fetchone()[0]),
            )
        clauses.append(sql)
        params += query_params
    if f.entity_id is not None:
        clauses.append("a.id IN (SELECT article_id FROM mentions WHERE entity_id = ?)")
        params.append(f.entity_id)
    if f.speaker is not None:
        clauses.append("a.id IN (SELECT article_id FROM quotes WHERE speaker = ?)")
        params.append(f.speaker)
    if f.ids is not None:
        clauses.append("a.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(f.ids)))
    # Last: SQLite tests a row's conditions in the order written, and these two are sets.
    if f.folds_copies and not folds_by_match(f):
        clauses.append(f"a.id NOT IN ({_STORY_COPIES})")
    clauses.append(f"a.id {'IN' if f.hidden else 'NOT IN'} ({_HIDDEN})")
    return clauses, params


def flags_apart(f: ArticleFilter) -> ArticleFilter:
    """`f` with the `unread` and `starred` its query asks for at its top (`tag:news unread`,
    `starred`) as its flags instead. `unread` is then tested after the fold picked the version
    a story is listed by, as the flag is (r44 appfix-a: `tag:T unread` listed a story by its
    unread copy where `--tag T --unread` left it out, its first version read; `unread` alone
    listed a copy Unread folds). `starred` picks the version as before, but from the starred
    articles' index, as Starred does (9,750 copies of 100,000 articles: 32 -> 13 ms)."""
    if f.query is None or not f.folds_copies:
        return f
    from newstui.query import And, Fact, Query

    root = f.query.root
    parts = root.parts if isinstance(root, And) else (root,)
    rest = tuple(part for part in parts if part not in (Fact("unread"), Fact("starred")))
    if len(rest) == len(parts):
        return f
    kept = None if not rest else Query(f.query.text, rest[0] if len(rest) == 1 else And(rest))
    return replace(
        f,
        query=kept,
        unread=f.unread or Fact("unread") in parts,
        starred=f.starred or Fact("starred") in parts,
    )


def folds_by_match(f: ArticleFilter) -> bool:
    """Whether a list folding copies shows each story by its first version that matches
    (_FOLDED_MATCHES), not by its first version: one selecting by what an article holds, or
    by its star (a copy starred in its feed, or found by a search, left Starred), or by its
    feed's tag (as the query `tag:` does: a story is listed by its first version in the tag).
    A query's `unread` selects nothing here (flags_apart)."""
    f = flags_apart(f)
    return (
        f.query is not None
        or f.entity_id is not None
        or f.speaker is not None
        or f.starred
        or f.tag is not None
    )


def count_articles(db: Database, f: ArticleFilter = EVERY_ARTICLE) -> int:
    """How many articles match the filter."""
    f = flags_apart(f)
    one_set = None
    if f.query is not None:
        from newstui.store.match_sets import match_set
        from newstui.store.query_sql import node_matches, prefixes_stemmed

        with prefixes_stemmed(db.prefix_pending):
            one_set = node_matches(f.query.root)
    if one_set is not None and f == ArticleFilter(query=f.query):
        # Words only, or a quote's words: the set's size less the hidden articles and story
        # copies in it (few: counted from their side).
        matches, params, size = match_set(db, *one_set)
        if size is None:
            size = db.execute(f"SELECT count(*) FROM ({matches})", params).fetchone()[0]
        folded, folded_params = _folded(db, *_conditions(db, f))  # (the windows' own)
        left_out = db.execute(
            f"SELECT count(*) FROM ({_HIDDEN} UNION {folded}) x WHERE x.id IN ({matches})",
            [*folded_params, *params],
        ).fetchone()[0]
        return int(size) - int(left_out)
    where, params = _where(db, f)
    return int(db.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()[0])


def count_sources(db: Database, f: ArticleFilter = EVERY_ARTICLE, most: int = 2) -> int:
    """How many sources the matching articles come from, counted up to `most`: a list leaves
    its source column out when they all come from one, decided for the whole list, not the rows
    read first (user test r45 M7: a search of 60,000 articles from three feeds hid it)."""
    where, params = _where(db, f)
    sql = f"SELECT count(*) FROM (SELECT DISTINCT a.feed_id FROM articles a{where} LIMIT ?)"
    return int(db.execute(sql, [*params, most]).fetchone()[0])


Terms = list[tuple[str, bool]]  # an ORDER BY: (SQL expression, descending), most significant first


def _order_terms(order: SortOrder) -> Terms:
    """The ORDER BY of a sort order; ties newest first, then by id (so every row has one place)."""
    newest = [("a.sort_date", True), ("a.id", True)]
    if order.key == "date":
        return [(column, not order.reverse) for column, _ in newest]
    # feeds as Sources and `feeds` list them (Équipe with the E's, "Desk 2" before "Desk 10"),
    # titles so too (NOCASE folds ASCII alone: Éclair came after Zebra)
    # (titles by their stored key, schema 54: read from its index, not worked out a row at a time)
    column = "name_order(f.name)" if order.key == "feed" else "a.title_order"
    return [(column, order.reverse), *newest]


def _flipped(terms: Terms) -> Terms:
    return [(sql, not desc) for sql, desc in terms]


def _order_by(terms: Terms) -> str:
    return ", ".join(f"{sql} {'DESC' if desc else 'ASC'}" for sql, desc in terms)


def _precedes(terms: Terms) -> str:
    """A condition true for rows listed before the row whose sort values are the parameters
    (give them with `_precedes_params`)."""
    alternatives = []
    for i, (sql, desc) in enumerate(terms):
        equal = [f"{earlier} = ?" for earlier, _ in terms[:i]]
        alternatives.append(" AND ".join([*equal, f"{sql} {'>' if desc else '<'} ?"]))
    return "(" + " OR ".join(f"({a})" for a in alternatives) + ")"


def _precedes_params(values: Sequence[object]) -> list[object]:
    """The parameters of `_precedes` for a row's sort values."""
    return [v for i in range(len(values)) for v in values[: i + 1]]


def _sort_values(
    db: Database,
    terms: Terms,
    article_id: int,
    where: str = "",
    params: Sequence[object] = (),
) -> tuple[object, ...] | None:
    """An article's values of the sort terms (None when it is not in the filtered list)."""
    conjunction = " AND" if where else " WHERE"
    row = db.execute(
        f"SELECT {', '.join(sql for sql, _ in terms)} FROM articles a "
        f"JOIN feeds f ON f.id = a.feed_id{where}{conjunction} a.id = ?",
        [*params, article_id],
    ).fetchone()
    return None if row is None else tuple(row)


def list_articles(
    db: Database,
    f: ArticleFilter = EVERY_ARTICLE,
    *,
    offset: int = 0,
    limit: int | None = 100,
    order: SortOrder = NEWEST_FIRST,
) -> list[ArticleRow]:
    """A window of matching articles in `order` (newest first by default)."""
    return [_row(r) for r in _rows_read(db, f, offset, limit, order).fetchall()]


def each_article(
    db: Database, f: ArticleFilter, *, limit: int | None, order: SortOrder
) -> Iterator[ArticleRow]:
    """`list_articles` a row at a time, as SQLite reads them, none kept: what a list of every
    article (200,000 for `list --all --json`) needs without holding all of them."""
    for r in _rows_read(db, f, 0, limit, order):
        yield _row(r)


def _rows_read(
    db: Database, f: ArticleFilter, offset: int, limit: int | None, order: SortOrder
) -> sqlite3.Cursor:
    """The cursor of list_articles' rows (_ROW_COLUMNS), not read yet."""
    where, params = _where(db, f)
    sql = (
        f"SELECT {_ROW_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id{where} "
        f"ORDER BY {_order_by(_order_terms(order))} LIMIT ? OFFSET ?"
    )
    return db.execute(sql, [*params, -1 if limit is None else limit, offset])


def list_article_ids(
    db: Database, f: ArticleFilter = EVERY_ARTICLE, order: SortOrder = NEWEST_FIRST
) -> list[int]:
    """The ids of every matching article in `order`: `list_articles` without a limit, less
    the rows' other columns (a list of 100,000 reads ids only, not titles, feeds and dates)."""
    where, params = _where(db, f)
    sql = (
        f"SELECT a.id FROM articles a{_joined(order)}{where} "
        f"ORDER BY {_order_by(_order_terms(order))}"
    )
    return [r[0] for r in db.execute(sql, params).fetchall()]


def _joined(order: SortOrder) -> str:
    """The FROM of a count in this order: feeds joined only when the order needs its names."""
    return " JOIN feeds f ON f.id = a.feed_id" if order.key == "feed" else ""


def article_position(
    db: Database,
    f: ArticleFilter,
    article_id: int,
    order: SortOrder = NEWEST_FIRST,
) -> int | None:
    """The index of an article in the filtered list in `order`, or None if absent."""
    where, params = _where(db, f)
    terms = _order_terms(order)
    values = _sort_values(db, terms, article_id, where, params)
    if values is None:
        return None
    before = db.execute(
        f"SELECT count(*) FROM articles a{_joined(order)}{where}{' AND' if where else ' WHERE'} "
        f"{_precedes(terms)}",
        [*params, *_precedes_params(values)],
    ).fetchone()[0]
    return int(before)


def next_unread_position(
    db: Database,
    f: ArticleFilter,
    article_id: int | None,
    direction: int,
    order: SortOrder = NEWEST_FIRST,
) -> int | None:
    """The list index of the nearest unread article after (1) or before (-1) `article_id`."""
    where, params = _where(db, f)
    conjunction = " AND" if where else " WHERE"
    walk = _order_terms(order) if direction > 0 else _flipped(_order_terms(order))
    extra = ""
    if article_id is not None:
        values = _sort_values(db, walk, article_id)
        if values is not None:  # rows after it in the walk: before it in the opposite order
            extra = f" AND {_precedes(_flipped(walk))}"
            params = [*params, *_precedes_params(values)]
    found = db.execute(
        f"SELECT a.id FROM articles a{_joined(order)}{where}{conjunction} a.read = 0{extra} "
        f"ORDER BY {_order_by(walk)} LIMIT 1",
        params,
    ).fetchone()
    if found is None:
        return None
    return article_position(db, f, found[0], order)


def search_articles(db: Database, query: Query, limit: int = 50) -> list[ArticleRow]:
    """Articles matching a query, best text matches first (title, then author, then text)."""
    from newstui.query import walk_positive_terms
    from newstui.store.query_sql import (
        TEXT_INDEXES,
        WORD_INDEX,
        fts_term,
        prefixes_stemmed,
        term_index,
    )

    where, params = _where(db, ArticleFilter(query=query))
    positive = walk_positive_terms(query.root)
    if not positive:
        return list_articles(db, ArticleFilter(query=query), limit=limit)
    # ranked in the index each term is matched in, ranks added up: words by bm25 (title, then
    # author, then text), prefixes by the columns they are in, weighed alike (bm25 reads every
    # matching text again in the prefix index, which keeps no positions: 0.13 ms a match)
    joins, ranks, rank_params = "", [], []
    for n, index in enumerate(TEXT_INDEXES):
        with prefixes_stemmed(db.prefix_pending):
            terms = " OR ".join(fts_term(t) for t in positive if term_index(t) == index)
        if terms and index == WORD_INDEX:
            joins += f"""
            LEFT JOIN (SELECT rowid, bm25({index}, 10.0, 3.0, 1.0) AS rank FROM {index}
            WHERE {index} MATCH ?) r{n} ON r{n}.rowid = a.id"""
            rank_params.append(terms)
        elif terms:
            joins += f"""
            LEFT JOIN (SELECT rowid, sum(weight) AS rank FROM (
                SELECT rowid, -10.0 AS weight FROM {index} WHERE {index} MATCH ?
                UNION ALL SELECT rowid, -3.0 FROM {index} WHERE {index} MATCH ?
                UNION ALL SELECT rowid, -1.0 FROM {index} WHERE {index} MATCH ?)
            GROUP BY rowid) r{n} ON r{n}.rowid = a.id"""
            rank_params += [f"{{{column}}} : ({terms})" for column in ("title", "author", "text")]
        if terms:
            ranks.append(f"r{n}.rank")
    rank = ranks[0] if len(ranks) == 1 else " + ".join(f"coalesce({r}, 0)" for r in ranks)
    rows = db.execute(
        f"""
        SELECT {_ROW_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id{joins}
        {where} ORDER BY {rank}, a.sort_date DESC, a.id DESC LIMIT ?
        """,
        [*rank_params, *params, limit],
    ).fetchall()
    return [_row(r) for r in rows]


def get_article(db: Database, article_id: int) -> StoredArticle | None:
    """One article in full, or None."""
    from newstui.model.views import StoredArticle

    r = db.execute(
        f"""SELECT {_ROW_COLUMNS}, a.text, a.summary, a.links, a.fulltext_status, a.fulltext_error,
        a.updated, coalesce(a.language, f.language),
        CASE WHEN a.language IS NOT NULL THEN 'entry' WHEN f.language IS NOT NULL THEN 'feed' END
        FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?""",
        [article_id],
    ).fetchone()
    if r is None:
        return None
    stored_text, stored_summary, stored_links, status, error, updated, language, by = r[_ROW_WIDTH:]
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
        _row(r), text, summary, links, status, error, damaged, updated, language, by
    )


def mark_articles(
    db: Database,
    ids: Iterable[int],
    *,
    read: bool | None = None,
    starred: bool | None = None,
) -> int:
    """Set read and/or starred on articles; returns how many of the given ids exist (the other
    versions of their stories, read or unread with them, are not counted: see marked_articles)."""
    return marked_articles(db, ids, read=read, starred=starred).found


def marked_articles(
    db: Database,
    ids: Iterable[int],
    *,
    read: bool | None = None,
    starred: bool | None = None,
) -> Marked:
    """Set read and/or starred on articles (read: every version of their stories with them);
    returns how many of the given ids exist, how many of them changed, and how many other
    versions changed with them."""
    from newstui.model.views import Marked

    given = list(ids)
    # every version of a story is read (or unread) together
    targets = same_story_ids(db, given) if read is not None else given
    sets, values, differs = [], [], []
    if read is not None:
        sets.append("read = ?")
        values.append(int(read))
        differs.append(f"read != {int(read)}")
    if starred is not None:
        sets.append("starred = ?")
        values.append(int(starred))
        differs.append(f"starred != {int(starred)}")
    if not targets or not sets:
        return Marked(0, 0, 0)
    with write_transaction(db):
        changed = {
            r[0]
            for r in db.execute(
                f"UPDATE articles SET {', '.join(sets)} WHERE id IN (SELECT value FROM "
                f"json_each(?)) AND ({' OR '.join(differs)}) RETURNING id",
                [*values, json.dumps(targets)],
            ).fetchall()
        }
        found = db.execute(
            "SELECT count(*) FROM articles WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(given)],
        ).fetchone()[0]
    mine = changed & set(given)
    return Marked(int(found), len(mine), len(changed - mine), tuple(sorted(changed)))


def set_flags_exactly(
    db: Database,
    ids: Iterable[int],
    *,
    read: bool | None = None,
    starred: bool | None = None,
) -> tuple[int, list[int]]:
    """Set read and/or starred on these articles only (not their stories' other versions: an
    undo puts back each one's own state); returns how many exist and the ids that changed."""
    given = json.dumps(list(ids))
    flags = [(name, int(v)) for name, v in (("read", read), ("starred", starred)) if v is not None]
    sets = [f"{name} = {value}" for name, value in flags]
    differs = [f"{name} != {value}" for name, value in flags]
    if not sets:
        return 0, []
    with write_transaction(db):
        changed = db.execute(
            f"UPDATE articles SET {', '.join(sets)} WHERE id IN (SELECT value FROM json_each(?)) "
            f"AND ({' OR '.join(differs)}) RETURNING id",
            [given],
        ).fetchall()
        found = db.execute(
            "SELECT count(*) FROM articles WHERE id IN (SELECT value FROM json_each(?))", [given]
        ).fetchone()[0]
    return int(found), sorted(r[0] for r in changed)


def unread_to_mark(db: Database, f: ArticleFilter) -> tuple[list[int], list[int]]:
    """What `A` marks read: the unread articles the filter lists, and the unread other versions
    of their stories (read with them), each by id, so the mark touches no article counted later."""
    where, params = _where(db, replace(f, unread=True))
    ids = [r[0] for r in db.execute(f"SELECT a.id FROM articles a{where}", params)]
    # the members of the stories with more than one version (few: the partial index of copies)
    members = db.execute(
        "SELECT s.article_id, s.story_id, a.read FROM stories s JOIN articles a ON "
        "a.id = s.article_id WHERE s.story_id IN (SELECT story_id FROM stories "
        "WHERE story_id != article_id)"
    ).fetchall()
    if not members:
        return ids, []
    listed = set(ids)
    stories = {story for article, story, _ in members if article in listed}
    copies = sorted(
        article
        for article, story, read in members
        if story in stories and not read and article not in listed
    )
    return ids, copies


def mark_all_read(db: Database, f: ArticleFilter) -> int:
    """Mark every article matching the filter read; returns how many changed."""
    return len(mark_all_read_ids(db, f))


def mark_all_read_ids(db: Database, f: ArticleFilter) -> list[int]:
    """Mark every article matching the filter read; returns the ids that changed (for undo)."""
    where, params = _where(db, f)
    with write_transaction(db):
        shown = f"SELECT a.id FROM articles a{where}"
        rows = db.execute(
            f"UPDATE articles SET read = 1 WHERE read = 0 AND (id IN ({shown}) OR id IN "
            "(SELECT article_id FROM stories WHERE story_id IN (SELECT story_id FROM stories "
            f"WHERE article_id IN ({shown})))) RETURNING id",
            [*params, *params],
        ).fetchall()
    return [r[0] for r in rows]


def last_article_id(db: Database) -> int:
    """The highest id an article has now (0: none): every article stored later has a higher
    one (take_article_ids)."""
    return int(db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])


def newest_among(db: Database, ids: Iterable[int], count: int) -> set[int]:
    """The `count` articles among `ids` with the latest dates (published, else first seen)."""
    return {
        r[0]
        for r in db.execute(
            "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?)) "
            "ORDER BY sort_date DESC, id DESC LIMIT ?",
            [json.dumps(list(ids)), count],
        )
    }


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
