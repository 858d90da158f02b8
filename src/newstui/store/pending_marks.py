"""Marks imported from another reader (newsboat's cache.db) for articles not stored yet: kept by
feed URL and guid (or link) until a fetch stores the article, given to it then, and forgotten.
They only ever mark read or starred, and an article gets each once: an import run again never
marks read what the user has marked unread since, nor stars what they unstarred, but gives a
mark an earlier import did not (user test r52 HIGH-1: stars the first import could not give)."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from newstui.local_times import local_day
from newstui.model.link_key import link_key
from newstui.store.db import Database, write_transaction

if TYPE_CHECKING:
    from newstui.model.marks import ImportedMark, MarksTaken, WaitingMarks
    from newstui.model.retention import RetentionPolicy

GuidAsFetched = Callable[[str], str | None]  # a guid as written → as a fetch stores it, if any
UNMATCHED_DAYS = 60  # a mark whose article never came goes after this long (keep_days if less)

# The stored articles a pending mark names, by guid key as written, else as a feed's permalink
# guid is stored when read from its configured address (resolved_guid), else by link, best
# first (rank 2 is a fetch's own resolution: _as_fetched), whether an import gave the article
# its read mark, its star before ({before}), and the article's read and starred now; {articles} is the set of articles to look at (the store's, or the ids just
# inserted). Each is an indexed look-up: feeds.key and articles (feed_id, guid) are unique,
# articles (feed_id, coalesce(link_key, url)), pending_marks (feed_url, resolved_guid) and
# (feed_url, link) are indexed (a NULL equals nothing; no `link IS NOT NULL` here, which made
# SQLite search the feed's marks). A mark keeps its link's key (model.link_key), so a link
# written `…/Vázquez` in newsboat's cache finds the article a sync stored as `…/V%C3%A1zquez`.
_MATCHES = """
    SELECT a.id, p.feed_url, p.guid, p.read, p.starred, {before}, a.read, a.starred, 1 AS rank
    FROM pending_marks p JOIN feeds f ON f.key = p.feed_url
    JOIN articles a ON a.feed_id = f.id AND a.guid = p.guid
    WHERE {articles}
    UNION ALL
    SELECT a.id, p.feed_url, p.guid, p.read, p.starred, {before}, a.read, a.starred, 3 AS rank
    FROM pending_marks p JOIN feeds f ON f.key = p.feed_url
    JOIN articles a ON a.feed_id = f.id AND a.guid = p.resolved_guid
    WHERE {articles}
    UNION ALL
    SELECT a.id, p.feed_url, p.guid, p.read, p.starred, {before}, a.read, a.starred, 4 AS rank
    FROM pending_marks p JOIN feeds f ON f.key = p.feed_url
    JOIN articles a ON a.feed_id = f.id AND coalesce(a.link_key, a.url) = p.link
    WHERE {articles}
    ORDER BY rank
"""
# (article id, feed URL, guid key, read, starred, read given before, star given before,
# article read, article starred, rank): a row of _MATCHES
_Match = tuple[int, str, str, int, int, int, int, int, int, int]
_MARKED_BEFORE = (
    "coalesce((SELECT m.read FROM imported_marks m WHERE m.article_id = a.id), 0), "
    "coalesce((SELECT m.starred FROM imported_marks m WHERE m.article_id = a.id), 0)"
)
_NOT_BEFORE = "0, 0"
# what became of a mark of each kind (MarkCounts' fields)
_Outcome = Literal["given", "there", "undone"]


def add_pending_marks(db: Database, marks: Sequence[ImportedMark], now: datetime) -> MarksTaken:
    """Keep `marks` until their articles arrive, and give those stored already theirs at once
    (but for an article an import marked before). In one transaction: all or nothing."""
    from newstui.model.marks import MarkCounts, MarksTaken

    keyed = [(m, link_key(m.link) if m.link else None) for m in marks]  # (links as compared)
    links = Counter((m.feed_url, link) for m, link in keyed if link)
    rows = {
        (m.feed_url, key): (
            m.feed_url,
            key,
            link if link and links[m.feed_url, link] == 1 else None,  # shared: not an id
            int(m.read),
            int(m.starred),
            now.isoformat(timespec="seconds"),
            "guid:" + m.resolved_guid if m.resolved_guid else None,
        )
        for m, link in keyed
        if (m.read or m.starred) and (key := _guid_key(m))
    }
    with write_transaction(db) as conn:
        conn.executemany(
            "INSERT INTO pending_marks (feed_url, guid, link, read, starred, imported, "
            "resolved_guid) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_url, guid) DO UPDATE "
            "SET link = excluded.link, read = excluded.read, starred = excluded.starred, "
            "imported = excluded.imported, resolved_guid = excluded.resolved_guid",
            rows.values(),
        )
        # the whole table: marks of an earlier import still waiting are as good as these
        matches = _MATCHES.format(before=_MARKED_BEFORE, articles="1")
        outcomes: dict[tuple[str, str], tuple[_Outcome | None, _Outcome | None]] = {}
        applied = _give(conn, conn.execute(matches).fetchall(), outcomes)
        waiting = conn.execute("SELECT count(*) FROM pending_marks").fetchone()[0]
    read, starred = Counter[str](), Counter[str]()
    for pair, row in rows.items():  # this import's own marks, each kind apart
        got = outcomes.get(pair)
        for counts, carried, outcome in ((read, row[3], 0), (starred, row[4], 1)):
            if carried:
                counts[got[outcome] or "there" if got else "waiting"] += 1
    return MarksTaken(applied, waiting, MarkCounts(**read), MarkCounts(**starred))


def _guid_key(mark: ImportedMark) -> str | None:
    """The identity a stored article of this mark has when its feed gives guids (as
    store.article_saving.identity_keys writes it), else when it gives only links."""
    if mark.guid:
        return "guid:" + mark.guid
    return "link:" + mark.link if mark.link else None


def apply_pending_marks(
    conn: sqlite3.Connection,
    article_ids: Iterable[int],
    guid_as_fetched: Mapping[int, GuidAsFetched] | None = None,
) -> int:
    """Give articles just stored the marks waiting for them, inside the caller's transaction;
    how many got one. `guid_as_fetched`: by feed id, how the fetch that brought its articles
    stores a permalink guid as written (joined to the address it read the feed from, after
    redirects). Costs one look-up when none waits."""
    try:
        if conn.execute("SELECT 1 FROM pending_marks LIMIT 1").fetchone() is None:
            return 0
    except sqlite3.OperationalError:  # a store still at an older version (being upgraded)
        return 0
    ids = json.dumps(list(article_ids))
    if ids == "[]":
        return 0
    # (a store without retention settings runs no cleanup: marks past the longest wait
    # marks_kept_for allows go here, in one DELETE)
    conn.execute(
        "DELETE FROM pending_marks WHERE imported < ?", [_gone_before(datetime.now(UTC), None)]
    )
    new = "a.id IN (SELECT value FROM json_each(?))"
    rows = conn.execute(
        _MATCHES.format(before=_NOT_BEFORE, articles=new), [ids, ids, ids]
    ).fetchall()
    if guid_as_fetched:
        rows += _as_fetched(conn, ids, guid_as_fetched)
        rows.sort(key=lambda row: row[-1])  # by rank (stable: SQL's order within one)
    return _give(conn, rows)


def _as_fetched(
    conn: sqlite3.Connection, ids: str, guid_as_fetched: Mapping[int, GuidAsFetched]
) -> list[_Match]:
    """Rank-2 matches (see _MATCHES) of the new articles `ids` (JSON): the marks of their feeds
    whose guid as written, as the fetch stores it, is an article's. In Python: one look-up of
    the new articles, and one of the marks of each feed that has new articles and a fetch's
    resolution (the feed's marks, only while some wait)."""
    new: dict[int, tuple[str, dict[str, int]]] = {}
    for feed_id, feed_url, article_id, guid in conn.execute(
        "SELECT a.feed_id, f.key, a.id, a.guid FROM articles a JOIN feeds f ON f.id = a.feed_id "
        "WHERE a.id IN (SELECT value FROM json_each(?)) AND substr(a.guid, 1, 5) = 'guid:'",
        [ids],
    ):
        if feed_id in guid_as_fetched:
            new.setdefault(feed_id, (feed_url, {}))[1][guid] = article_id
    rows: list[_Match] = []
    for feed_id, (feed_url, articles) in new.items():
        resolve = guid_as_fetched[feed_id]
        for guid, read, starred in conn.execute(
            "SELECT guid, read, starred FROM pending_marks "
            "WHERE feed_url = ? AND substr(guid, 1, 5) = 'guid:'",
            [feed_url],
        ):
            stored = resolve(guid.removeprefix("guid:"))
            if stored and (article_id := articles.get("guid:" + stored)) is not None:
                rows.append((article_id, feed_url, guid, read, starred, 0, 0, 0, 0, 2))
    return rows


def _give(
    conn: sqlite3.Connection,
    rows: Iterable[_Match],
    outcomes: dict[tuple[str, str], tuple[_Outcome | None, _Outcome | None]] | None = None,
) -> int:
    """Set the marks `rows` (_MATCHES' columns, best first) pair with articles (each article
    and each mark once), note which marks an import gave each article, and forget the marks
    matched: a mark of a kind an import gave the article before is not given again, which
    keeps what the user did since (read marked unread, a star taken off), but one it did not
    give is (r52 HIGH-1: stars of a re-import after the star flag was named); how many articles
    got one. `outcomes`: filled with what became of each mark's read and star (None: not
    carried), by (feed URL, guid key)."""
    given: dict[int, tuple[int, int]] = {}
    noted: dict[int, tuple[int, int]] = {}
    used: set[tuple[str, str]] = set()
    for row in rows:
        article_id, feed_url, guid, read, starred, read_before, star_before = row[:7]
        is_read, is_starred = row[7:9]
        if article_id in noted or (feed_url, guid) in used:
            continue
        used.add((feed_url, guid))
        give = (int(read and not read_before), int(starred and not star_before))
        if any(give):
            given[article_id] = give
        noted[article_id] = (int(read or read_before), int(starred or star_before))
        if outcomes is not None:
            outcomes[feed_url, guid] = (
                _outcome(read, give[0], is_read),
                _outcome(starred, give[1], is_starred),
            )
    conn.executemany("DELETE FROM pending_marks WHERE feed_url = ? AND guid = ?", used)
    conn.executemany(
        "UPDATE articles SET read = 1 WHERE id = ? AND read = 0",
        [(i,) for i, (read, _) in given.items() if read],
    )
    conn.executemany(
        "UPDATE articles SET starred = 1 WHERE id = ? AND starred = 0",
        [(i,) for i, (_, starred) in given.items() if starred],
    )
    conn.executemany(
        "INSERT INTO imported_marks (article_id, read, starred) VALUES (?, ?, ?) "
        "ON CONFLICT (article_id) DO UPDATE SET read = max(read, excluded.read), "
        "starred = max(starred, excluded.starred)",
        [(i, read, starred) for i, (read, starred) in noted.items() if read or starred],
    )
    return len(given)


def _outcome(carried: int, give: int, has: int) -> _Outcome | None:
    """What became of one mark of a kind: None (the mark does not carry it), "given" (the
    article gets it now), "there" (it has it already), "undone" (an earlier import gave it,
    and the user took it off since)."""
    if not carried:
        return None
    if has:
        return "there"
    return "given" if give else "undone"


def waiting_marks(db: Database, keep_days: Mapping[str, int]) -> list[WaitingMarks]:
    """The marks still waiting, by feed (its name, else its URL), whether the feed was read
    without error since the newest was imported, and the day they go (marks_kept_for their
    feed's keep_days, by feed URL as marks name feeds). One look-up when none waits."""
    from newstui.model.marks import WaitingMarks

    rows = db.conn.execute(
        """
        SELECT p.feed_url, f.name, count(*), max(p.imported),
            coalesce(f.last_error IS NULL AND f.last_fetched >= max(p.imported), 0)
        FROM pending_marks p LEFT JOIN feeds f ON f.key = p.feed_url
        GROUP BY p.feed_url
        """
    ).fetchall()
    return sorted(
        (
            WaitingMarks(
                url,
                name or url,
                count,
                bool(read_since),
                local_day(datetime.fromisoformat(last) + marks_kept_for(keep_days.get(url))),
            )
            for url, name, count, last, read_since in rows
        ),
        key=lambda w: w.name.casefold(),
    )


def marks_kept_for(keep_days: int | None) -> timedelta:
    """How long a feed's imported marks wait for their articles after their import: its
    keep_days when shorter than UNMATCHED_DAYS (0 or None: the feed keeps articles of any
    age). The one rule for when they go, which `feeds` and `fetch` say and cleanup applies."""
    return timedelta(days=min(keep_days or UNMATCHED_DAYS, UNMATCHED_DAYS))


def _gone_before(now: datetime, keep_days: int | None) -> str:
    """The import time (as `imported` holds it) before which a feed's waiting marks are gone at
    `now`: marks_kept_for its keep_days (None: the longest wait, for any feed)."""
    return (now - marks_kept_for(keep_days)).isoformat(timespec="seconds")


def keep_days_by_feed_url(
    conn: sqlite3.Connection, policies: Mapping[int, RetentionPolicy]
) -> dict[str, int]:
    """Each feed's keep_days by its URL (feeds.key, as marks name feeds), from its policy."""
    keys = dict(conn.execute("SELECT id, key FROM feeds").fetchall())
    return {keys[i]: p.keep_days for i, p in policies.items() if i in keys}


def forget_unmatched_marks(
    conn: sqlite3.Connection, keep_days: Mapping[str, int], now: datetime
) -> int:
    """Drop marks whose article never came: imported longer ago than marks_kept_for their
    feed's keep_days (by feed URL); how many went."""
    gone = 0
    feeds = [row[0] for row in conn.execute("SELECT DISTINCT feed_url FROM pending_marks")]
    for feed_url in feeds:
        gone += conn.execute(
            "DELETE FROM pending_marks WHERE feed_url = ? AND imported < ?",
            [feed_url, _gone_before(now, keep_days.get(feed_url))],
        ).rowcount
    return gone
