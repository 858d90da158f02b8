"""Feeds (sources) table: register, record fetch results, list with counts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from newstui.counts import counted
from newstui.errors import SourceChoiceError, hide_passwords, hide_url_password
from newstui.model import FeedRow, SourceKind, respelled, tag_spellings
from newstui.model.folders import added_server_folders
from newstui.model.names import name_key, name_order, named, shows_nothing
from newstui.store.db import Database, write_transaction
from newstui.store.json_columns import json_list
from newstui.store.stories import lead_orphaned_stories
from newstui.text import clean_line

if TYPE_CHECKING:
    from newstui.model import FeedCache, FetchRecord, RemovedSource, SourceSpec
    from newstui.model.fetching import FetchWait


def now_iso() -> str:
    """The current time as ISO 8601 UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def ensure_feed(
    db: Database,
    key: str,
    name: str,
    *,
    kind: SourceKind = "feed",
    url: str | None = None,
    tags: tuple[str, ...] = (),
    configured: bool = False,
    keep_name: bool = False,
    keep_tags: bool = False,
) -> int:
    """The id of the feed with this key, created or renamed/retagged to match the config.

    `configured`: the source comes from the config file, so leaving it removes the source.
    Registering a removed source brings it back. `keep_name`/`keep_tags`: an existing source
    keeps its name/tags (`name` and `tags` only serve a new one): options given once stay.
    """
    from newstui.model.fetching import SourceSpec

    spec = SourceSpec(key, name, kind, url, tags, configured)
    with write_transaction(db) as conn:  # two processes registering the same feed both succeed
        return _upsert_feed(conn, spec, keep_name=keep_name, keep_tags=keep_tags)


def ensure_feeds(db: Database, specs: Sequence[SourceSpec]) -> list[int]:
    """`ensure_feed` for many sources in one transaction (a fetch registers every configured
    feed: one commit instead of one per feed); returns their ids in order. Sources stored as
    the specs say already are only read: every command registers the configured feeds, and a
    write there took the write lock (waiting for another process's fetch) and failed on a
    store newstui may only read."""
    ids = [_registered(db, spec) for spec in specs]
    if all(i is not None for i in ids):
        return [i for i in ids if i is not None]
    with write_transaction(db) as conn:
        return [_upsert_feed(conn, spec) for spec in specs]


def _registered(db: Database, spec: SourceSpec) -> int | None:
    """The id of the source `spec` names when `_upsert_feed` would change nothing of it (not
    removed, every column as it would set it, no server folders to merge), else None."""
    row = db.execute(
        "SELECT id FROM feeds WHERE key = ? AND kind = ? AND url IS ? AND tags = ? "
        "AND removed IS NULL AND configured >= ? AND name = CASE "
        f"WHEN ? THEN {document_name_rule('?')} ELSE ? END "
        "AND NOT EXISTS (SELECT 1 FROM sync_feeds s WHERE s.feed_id = feeds.id)",
        [
            spec.key,
            spec.kind,
            spec.url,
            json.dumps(list(spec.tags)),
            int(spec.configured),
            int(spec.titled),
            spec.name,
            spec.name,
        ],
    ).fetchone()
    return None if row is None else int(row[0])


def entries_changed(db: Database, specs: Sequence[SourceSpec]) -> list[SourceSpec]:
    """The specs whose listed source the config now gives other tags, or (a source with a
    `name`) another name: one read of every listed source, for a command that reads the config
    but fetches nothing (`list`, `feeds`, the app's start: user test r49 MED-9, a folder edited
    by hand was unseen until that feed's next fetch). A synced source's server folders count
    as its own (merge_server_folders adds them); sources not stored yet are left to a fetch."""
    stored: dict[str, tuple[str, list[str], list[str] | None]] = {}
    for key, name, tags, folders in db.execute(
        "SELECT f.key, f.name, f.tags, s.folders FROM feeds f "
        "LEFT JOIN sync_feeds s ON s.feed_id = f.id WHERE f.removed IS NULL"
    ):
        server = None if folders is None else [t for t in json_list(folders) if isinstance(t, str)]
        stored[str(key)] = (str(name), [t for t in json_list(tags) if isinstance(t, str)], server)
    changed: list[SourceSpec] = []
    for spec in specs:
        held = stored.get(spec.key)
        if held is None:
            continue
        name, tags, server = held
        meant = list(spec.tags)
        known = {name_key(t) for t in meant}
        meant += [f for f in server or () if name_key(f) not in known]
        if tags != meant or (not spec.titled and name != spec.name):
            changed.append(spec)
    return changed


def _upsert_feed(
    conn: sqlite3.Connection, spec: SourceSpec, *, keep_name: bool = False, keep_tags: bool = False
) -> int:
    row = conn.execute(
        "INSERT INTO feeds (key, kind, name, url, tags, configured) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(key) DO UPDATE SET "
        "name = CASE WHEN ? THEN name "
        f"WHEN ? THEN {document_name_rule('excluded.name')} "
        "ELSE excluded.name END, "
        "tags = CASE WHEN ? THEN tags ELSE excluded.tags END, "
        "url = excluded.url, kind = excluded.kind, removed = NULL, "
        "configured = max(configured, excluded.configured) RETURNING id",
        [
            spec.key,
            spec.kind,
            spec.name,
            spec.url,
            json.dumps(list(spec.tags)),
            int(spec.configured),
            int(keep_name),
            int(spec.titled),
            int(keep_tags),
        ],
    ).fetchone()
    feed_id = int(row[0])
    merge_server_folders(conn, feed_id)
    return feed_id


def document_name_rule(fallback: str) -> str:
    """The name a source without `name` goes by, as SQL over its row: the first of its
    document's names (model.names.document_names: its title, then its web site's host) that
    no other listed source goes by, else `fallback` (an SQL expression). The one rule, read by
    registering (_upsert_feed, _registered) and by a fetch's record (record_fetches); a
    fetch's own lines ask model.names.document_names the same way (TitleNames)."""
    first, second = (f"document_name(feeds.title, feeds.site_url, {n})" for n in (0, 1))

    def free(name: str) -> str:
        return (
            f"{name} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM feeds o WHERE o.id != feeds.id "
            f"AND o.removed IS NULL AND name_key(o.name) = name_key({name}))"
        )

    # (the name it goes by already, most times: no look at the other sources)
    return (
        f"CASE WHEN feeds.name = {first} THEN feeds.name WHEN {free(first)} THEN {first} "
        f"WHEN {free(second)} THEN {second} ELSE {fallback} END"
    )


def merge_server_folders(conn: sqlite3.Connection, feed_id: int) -> None:
    """Add a synced source's server folders to the tags the config gave it (a folder one of
    them holds as its last part is that folder: model.folders.held_as_tag)."""
    row = conn.execute(
        "SELECT f.tags, s.folders FROM feeds f JOIN sync_feeds s ON s.feed_id = f.id "
        "WHERE f.id = ?",
        [feed_id],
    ).fetchone()
    if row is None:
        return
    tags = list(json.loads(row[0] or "[]"))
    tags += added_server_folders(tags, json.loads(row[1] or "[]"))
    conn.execute("UPDATE feeds SET tags = ? WHERE id = ?", [json.dumps(tags), feed_id])


def feed_cache(db: Database, feed_id: int) -> FeedCache:
    """The ETag, Last-Modified and document digest stored for a feed."""
    from newstui.model.fetching import FeedCache

    row = db.execute(
        "SELECT etag, last_modified, body_hash, last_status, read_from, last_error IS NULL "
        "FROM feeds WHERE id = ?",
        [feed_id],
    ).fetchone()
    return _cache(row[:5], row[5]) if row else FeedCache()


def feed_caches(db: Database) -> dict[int, FeedCache]:
    """`feed_cache` of every source, in one query."""

    rows = db.execute(
        "SELECT id, etag, last_modified, body_hash, last_status, read_from, last_error IS NULL "
        "FROM feeds"
    ).fetchall()
    return {row[0]: _cache(row[1:6], row[6]) for row in rows}


def _cache(values: Sequence[Any], ok: bool) -> FeedCache:
    """A feed's cache from its stored (etag, last_modified, body_hash, last_status, read_from):
    after a failed fetch only where it was read from (the failure's status replaced the one
    before it, and its validators are not sent)."""
    from newstui.model.fetching import FeedCache

    return FeedCache(*values) if ok else FeedCache(read_from=values[4])


def record_fetch(
    db: Database,
    feed_id: int,
    *,
    status: int | None,
    error: str | None,
    etag: str | None = None,
    last_modified: str | None = None,
    title: str | None = None,
    site_url: str | None = None,
    body_hash: str | None = None,
    keep_cache: bool = False,
    next_try: str | None = None,
    started: str | None = None,
) -> None:
    """Store the outcome of one fetch; a failure keeps the previous cache headers, counts one
    more failure in a row and sets when to try again (`next_try`); a success clears both.
    A failure whose fetch `started` before the last success was stored is left out."""
    from newstui.model.fetching import FetchRecord

    record = FetchRecord(
        feed_id,
        status,
        error,
        etag,
        last_modified,
        title,
        site_url,
        body_hash,
        keep_cache,
        next_try,
        started=started,
    )
    record_fetches(db, [record])


# What a source's success ends, whoever read it (a fetch here, or a sync whose server fetched it):
# its run of failures, the back-off it set, and when that run began.
FAILURES_ENDED = "failures = 0, next_try = NULL, failing_since = NULL, network_failure = 0"


# How long a source's failures may go uncounted (FetchRecord.counted False: the machine looked
# offline, or its proxy failed): from then on they count, and back off, as any other.
UNCOUNTED_AT_MOST = timedelta(days=1)


def record_fetches(db: Database, records: Sequence[FetchRecord]) -> None:
    """Store the outcomes of many fetches in one transaction; a failure whose request began
    before the source's last success was stored is left out (that success is newer news). A
    failure not `counted` counts all the same once its source has failed for UNCOUNTED_AT_MOST."""
    if not records:
        return
    now = now_iso()
    day_ago = (datetime.fromisoformat(now) - UNCOUNTED_AT_MOST).isoformat()
    with write_transaction(db) as conn:
        for r in records:
            if r.local:  # (the error alone: the source answered, or was not asked)
                conn.execute(
                    "UPDATE feeds SET last_fetched = ?, last_error = ? WHERE id = ?",
                    [now, clean_line(r.error) if r.error else None, r.source_id],
                )
                continue
            sets = ["last_fetched = ?", "last_status = ?", "last_error = ?"]
            fetched = r.answered if r.error is None and r.answered else now
            values: list[object] = [fetched, r.status, clean_line(r.error) if r.error else None]
            if r.error is None:
                sets.append(FAILURES_ENDED)
            elif r.counted:  # (SET reads the row as it was: failures 0 is this run's first failure)
                sets += [
                    "failures = failures + 1",
                    "next_try = ?",
                    # (kept from failures not counted before: it has failed since then)
                    "failing_since = CASE WHEN failures = 0 THEN coalesce(failing_since, ?) "
                    "ELSE failing_since END",
                    "network_failure = ?",
                ]
                values += [r.next_try, now, int(r.network)]
            else:  # offline, or its proxy failed: the error is shown, its failures and wait kept
                # (unless its feed has been failing for a day: an offline day's worth of runs,
                # or a host that never answers, then counts as every failure does)
                stale = "coalesce(failing_since <= ?, 0)"
                sets += [
                    f"failures = failures + {stale}",
                    f"next_try = CASE WHEN {stale} THEN ? ELSE next_try END",
                    "failing_since = coalesce(failing_since, ?)",
                    "network_failure = ?",
                ]
                values += [day_ago, day_ago, r.next_try, now, int(r.network)]
            if r.error is None and not r.keep_cache:
                sets += ["etag = ?", "last_modified = ?", "body_hash = ?"]
                values += [r.etag, r.last_modified, r.body_hash]
            if r.error is None and r.read_from is not None:  # (NULL where it is the feed's URL)
                sets.append("read_from = nullif(?, coalesce(url, key))")
                values.append(r.read_from)
            if r.title:
                sets.append("title = ?")
                values.append(r.title)
            if r.site_url:
                sets.append("site_url = ?")
                values.append(r.site_url)
            if r.error is None and r.language:
                sets.append("language = ?")
                values.append(r.language)
                _reanalyse_for_language(conn, r.source_id, r.language)
            where, keys = "id = ?", list[object]([r.source_id])
            if r.error is not None and r.started is not None:
                # (user test r37 L1: cron's hung fetch ended after the app's good one and its
                # "timed out" stood in `feeds`, its back-off too)
                where += " AND NOT coalesce(last_error IS NULL AND last_fetched > ?, 0)"
                keys.append(r.started)
            conn.execute(f"UPDATE feeds SET {', '.join(sets)} WHERE {where}", [*values, *keys])
            if r.titled and r.error is None:  # (its title and site as now stored: the one rule)
                conn.execute(
                    f"UPDATE feeds SET name = {document_name_rule('feeds.name')} WHERE id = ?",
                    [r.source_id],
                )


def feeds_read_from(db: Database) -> dict[str, str]:
    """Each feed (by its key, as the config names it) whose last fetch read it from another
    address, after redirects: that address."""
    return dict(
        db.execute("SELECT key, read_from FROM feeds WHERE read_from IS NOT NULL").fetchall()
    )


def forget_read_from(db: Database, key: str) -> None:
    """Forget where a feed was last read from (a move it followed is said again at its next
    fetch, as at a first one)."""
    with write_transaction(db) as conn:
        conn.execute("UPDATE feeds SET read_from = NULL WHERE key = ?", [key])


def name_by_title(db: Database, feed_id: int, title: str, default: str) -> str:
    """Name a source by the title its document gives (an imported feed file, as a fetched
    feed without `name`), unless the user named it: only while its name is still `default`
    or the title it went by, and no other listed source goes by that title, nor by a title
    that shows nothing (invisible characters only). Its name after."""
    with write_transaction(db) as conn:
        if not shows_nothing(title):
            conn.execute(
                "UPDATE feeds SET name = ? WHERE id = ? AND (name = ? OR name = title) AND "
                "NOT EXISTS (SELECT 1 FROM feeds o WHERE o.id != feeds.id AND o.removed IS NULL "
                "AND name_key(o.name) = ?)",
                [title, feed_id, default, name_key(title)],
            )
        row = conn.execute("SELECT name FROM feeds WHERE id = ?", [feed_id]).fetchone()
    return str(row[0]) if row else default


def failing_since(db: Database) -> dict[int, str]:
    """Each source's first failure in a row, counted or not (record_fetches), by id."""
    rows = db.execute("SELECT id, failing_since FROM feeds WHERE failing_since IS NOT NULL")
    return {int(r[0]): str(r[1]) for r in rows.fetchall()}


def fetch_waits(db: Database) -> dict[int, FetchWait]:
    """Every source's failures in a row, the time before which it is not fetched again, its
    last fetch's HTTP status and whether that fetch failed for the network's sake."""
    from newstui.model.fetching import FetchWait

    rows = db.execute(
        "SELECT id, failures, next_try, last_status, network_failure FROM feeds"
    ).fetchall()
    return {r[0]: FetchWait(r[1], r[2], r[3], bool(r[4])) for r in rows}


def feed_title(db: Database, url: str) -> str | None:
    """The title a feed document gave itself, once fetched."""
    row = db.execute("SELECT title FROM feeds WHERE url = ?", [url]).fetchone()
    return row[0] if row and row[0] else None


def keep_site_urls(db: Database, sites: Sequence[tuple[str, str]]) -> None:
    """Give each feed of these (URL, web site) pairs that has no web site yet the one a
    subscription list named (OPML's htmlUrl), kept for `opml export` until a fetch reads the
    feed's own (user test r47 L3: the export dropped it for feeds not fetched yet)."""
    if not sites:
        return
    with write_transaction(db) as conn:
        # the feeds lacking one read in one scan, then each given its own by id: an UPDATE by
        # `url` (no index) scanned every feed for each, 44 s for an OPML of 20,000 feeds
        lacking: dict[str, list[int]] = {}
        for feed_id, url in conn.execute(
            "SELECT id, url FROM feeds WHERE kind = 'feed' AND site_url IS NULL AND url IS NOT NULL"
        ):
            lacking.setdefault(url, []).append(feed_id)
        conn.executemany(
            "UPDATE feeds SET site_url = ? WHERE id = ?",
            [(site, feed_id) for url, site in sites for feed_id in lacking.pop(url, ())],
        )


def site_urls(db: Database) -> dict[str, str]:
    """Each fetched feed's URL → the web site its document links to (OPML's htmlUrl)."""
    rows = db.execute(
        "SELECT url, site_url FROM feeds WHERE url IS NOT NULL AND site_url IS NOT NULL"
    ).fetchall()
    return {url: site for url, site in rows}


def move_feed_address(db: Database, key: str, url: str) -> None:
    """The feed source of `key` is known by `url` (its key and URL) from now on, read from
    there: `add` found it moved for good."""
    with write_transaction(db) as conn:
        _remember_old_url(conn, key, url)
        conn.execute(
            "UPDATE feeds SET key = ?, url = ?, read_from = NULL WHERE key = ? AND kind = 'feed'",
            [url, url, key],
        )


def _remember_old_url(conn: sqlite3.Connection, key: str, url: str) -> None:
    """The feed of `key` moves to `url`: `key` is one of its old addresses (old_feed_urls), and
    `url` none any longer (a move undone)."""
    conn.execute("DELETE FROM feed_old_urls WHERE url = ?", [url])
    conn.execute(
        "INSERT OR REPLACE INTO feed_old_urls (url, feed_id) "
        "SELECT key, id FROM feeds WHERE key = ? AND kind = 'feed'",
        [key],
    )


def old_feed_urls(db: Database) -> dict[str, str]:
    """Each address a listed feed was known by before a move for good was followed → the
    address it is known by now."""
    rows = db.execute(
        "SELECT o.url, coalesce(f.url, f.key) FROM feed_old_urls o JOIN feeds f "
        "ON f.id = o.feed_id WHERE f.removed IS NULL AND f.kind = 'feed'"
    ).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def move_feed_addresses(db: Database, moves: Sequence[tuple[str, str]]) -> None:
    """The feed sources of these (key, url) pairs are known by `url` (key and URL) from now on,
    read from there, all in one transaction: their articles, marks, stars, tags and downloads
    stay theirs (they hang on the source's id). `feeds --update-moved` after a 301."""
    with write_transaction(db) as conn:
        for key, url in moves:
            _remember_old_url(conn, key, url)
            conn.execute(
                "UPDATE feeds SET key = ?, url = ?, read_from = NULL WHERE key = ? "
                "AND kind = 'feed'",
                [url, url, key],
            )


def feed_names(db: Database) -> dict[int, str]:
    """Each listed source's name by id, passwords hidden: a fetch names a feed without `name`
    so, as Sources lists it (its title once read)."""
    rows = db.execute("SELECT id, name FROM feeds WHERE removed IS NULL").fetchall()
    return {int(r[0]): hide_passwords(str(r[1])) for r in rows}


def feed_documents(db: Database) -> dict[int, tuple[str | None, str | None]]:
    """Each listed feed's stored title and web site by id: what its name is made of once a
    fetch reads no other (document_name_rule)."""
    rows = db.execute(
        "SELECT id, title, site_url FROM feeds WHERE removed IS NULL "
        "AND (title IS NOT NULL OR site_url IS NOT NULL)"
    ).fetchall()
    return {int(r[0]): (r[1], r[2]) for r in rows}


def set_feed_tags(db: Database, feed_id: int, tags: Sequence[str]) -> None:
    """The source's tags are `tags` from now on (one taken off: a folder removed that it is
    not only in)."""
    with write_transaction(db):
        db.execute("UPDATE feeds SET tags = ? WHERE id = ?", [json.dumps(list(tags)), feed_id])


def forget_source_if_empty(db: Database, key: str) -> None:
    """Remove a source that never stored an article (an `add` or `import` that failed)."""
    with write_transaction(db):
        db.execute(
            "DELETE FROM feeds WHERE key = ? AND NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.feed_id = feeds.id)",
            [key],
        )


def list_feeds(db: Database) -> list[FeedRow]:
    """Every source with its article and unread counts, by name, numbers in it by value (one
    grouped scan). Sorted here, by the name as shown (model.names.name_order), not by SQL."""
    counts = {
        r[0]: (r[1], r[2])
        for r in db.execute(
            "SELECT feed_id, count(*), coalesce(sum(read = 0), 0) FROM articles GROUP BY feed_id"
        ).fetchall()
    }
    for feed_id, hidden, hidden_unread in db.execute(  # hidden articles are counted nowhere
        "SELECT feed_id, count(*), coalesce(sum(read = 0), 0) FROM articles WHERE hidden = 1 "
        "GROUP BY feed_id"
    ).fetchall():
        articles, unread = counts.get(feed_id, (0, 0))
        counts[feed_id] = (articles - hidden, unread - hidden_unread)
    rows = db.execute(
        """SELECT id, name, kind, url, tags, last_fetched, last_error, failures, next_try,
        CASE WHEN last_status IN (301, 308) AND last_error IS NULL THEN read_from END,
        failing_since,
        CASE WHEN last_status IN (429, 503) AND last_error IS NOT NULL THEN last_status END,
        language
        FROM feeds WHERE removed IS NULL"""
    ).fetchall()
    stored = {r[0]: [tag for tag in json_list(r[4]) if isinstance(tag, str)] for r in rows}
    # "Tech" and "tech" are one tag, shown as the oldest source spells it: merged here, as read,
    # so that a store holding both (each source keeps what it was given) loses no assignment
    spellings = tag_spellings(stored[key] for key in sorted(stored))
    listed = [  # names and errors as shown: a URL's password as *** (one stored before it was hidden)
        FeedRow(
            id=r[0],
            name=hide_passwords(r[1]),
            kind=r[2],
            url=r[3],
            tags=respelled(stored[r[0]], spellings),
            last_fetched=r[5],
            last_error=r[6] and hide_passwords(r[6]),
            failures=r[7],
            next_try=r[8],
            articles=counts.get(r[0], (0, 0))[0],
            unread=counts.get(r[0], (0, 0))[1],
            moved_to=r[9] and clean_line(hide_url_password(r[9]), 300),
            failing_since=r[10] if r[7] else None,
            server_status=r[11],
            language=r[12],
        )
        for r in rows
    ]
    # "Desk 2" before "Desk 10"; names alike but for case or accents in a fixed order
    return sorted(listed, key=lambda row: (name_order(row.name), row.name, row.id))


def listed_tags(db: Database) -> list[str]:
    """Every tag of the listed sources, each once as first spelt (by id: the oldest source's,
    as list_feeds shows it), without the article counts list_feeds reads."""
    spellings = tag_spellings(
        [t for t in json_list(row[0]) if isinstance(t, str)]
        for row in db.execute("SELECT tags FROM feeds WHERE removed IS NULL ORDER BY id")
    )
    return list(spellings.values())


def listed_addresses(db: Database) -> tuple[set[str], set[str]]:
    """The URLs and keys of the listed sources, and their names as compared (name_key): what
    find_feed looks a name up in, read once for many look-ups (`feeds` of 4,000 sources)."""
    addresses: set[str] = set()
    names: set[str] = set()
    for url, key, name in db.execute("SELECT url, key, name FROM feeds WHERE removed IS NULL"):
        addresses.update(a for a in (url, key) if isinstance(a, str))
        names.add(name_key(str(name)))
    return addresses, names


def find_feed(db: Database, name: str) -> int | None:
    """The id of the listed source with the URL (or key) `name`, else of the one named `name`
    (any case and form: model.names.named); SourceChoiceError, naming each, when several are
    and none is named exactly so."""
    row = db.execute(
        "SELECT id FROM feeds WHERE (url = ? OR key = ?) AND removed IS NULL ORDER BY id",
        [name, name],
    ).fetchone()
    if row is not None:
        return int(row[0])
    rows = db.execute(
        "SELECT id, name, coalesce(url, key) FROM feeds "
        "WHERE name_key(name) = ? AND removed IS NULL ORDER BY id",
        [name_key(name)],
    ).fetchall()
    found = named(name, rows, lambda r: str(r[1]))
    if len(found) > 1:
        listed = {r.id: r for r in list_feeds(db)}
        raise SourceChoiceError(
            clean_line(name, 200),
            [
                (
                    clean_line(hide_passwords(r[1]), 200),
                    clean_line(hide_url_password(str(r[2]).removeprefix("local:")), 300),
                    counted(listed[r[0]].articles, "article") if r[0] in listed else "",
                )
                for r in found
            ],
        )
    return int(found[0][0]) if found else None


def feed_held(db: Database, url: str) -> int | None:
    """The id of the source of this URL (or key) the store holds, listed, set aside or removed
    with starred articles kept; None when it holds none."""
    row = db.execute("SELECT id FROM feeds WHERE url = ? OR key = ?", [url, url]).fetchone()
    return row[0] if row else None


def listed_entry(db: Database, url: str) -> tuple[str, tuple[str, ...]] | None:
    """The name and tags of the source of this URL (or key) the store lists, set aside or not
    (None for one removed on purpose, or none held): what an `add` of its URL gives back (user
    test r47 M6: a feed a restored backup holds lost its name and folder)."""
    row = db.execute(
        "SELECT name, tags FROM feeds WHERE (url = ? OR key = ?) AND removed IS NULL", [url, url]
    ).fetchone()
    if row is None:
        return None
    return str(row[0] or ""), tuple(tag for tag in json_list(row[1]) if isinstance(tag, str))


def removal_counts(db: Database, feed_id: int) -> tuple[int, int]:
    """How many articles a source holds, and how many of them are starred."""
    total, starred = db.execute(
        "SELECT count(*), coalesce(sum(starred), 0) FROM articles WHERE feed_id = ?", [feed_id]
    ).fetchone()
    return total, starred


def removed_for_good(db: Database, feed_id: int) -> bool:
    """Whether a source was removed (only its starred articles kept, under no listed source) or
    is gone; False for one listed or set aside after leaving the config."""
    row = db.execute("SELECT removed, configured FROM feeds WHERE id = ?", [feed_id]).fetchone()
    return row is None or (row[0] is not None and not row[1])


# The page cache while a feed's articles are deleted. Each article takes its ~40 story band
# keys with it, rows of a b-tree keyed by hash, so every delete lands on another page: with
# SQLite's 2,000 KiB the store read the same pages again and again and spilled dirty ones to
# the log mid-transaction (bench/mark_remove.py: 10,000 articles of a 50,000 store). The
# cache grows only as pages are read and shrinks back after.
REMOVAL_CACHE_KIB = 65_536


@contextmanager
def _page_cache(db: Database, kib: int) -> Iterator[None]:
    """Let the connection cache up to `kib` KiB of pages for the block, then as before."""
    before = int(db.conn.execute("PRAGMA cache_size").fetchone()[0])
    db.conn.execute(f"PRAGMA cache_size = {-int(kib)}")  # (negative: KiB, not pages)
    try:
        yield
    finally:
        db.conn.execute(f"PRAGMA cache_size = {before}")


def remove_feed(db: Database, feed_id: int, *, purge: bool = False) -> RemovedSource:
    """Delete a source and its articles; starred articles stay (under a hidden, removed source)
    unless `purge`. A sync server subscription it was is forgotten (unsubscribed first)."""
    from newstui.model.fetching import RemovedSource

    with _page_cache(db, REMOVAL_CACHE_KIB), write_transaction(db) as conn:
        row = conn.execute("SELECT name FROM feeds WHERE id = ?", [feed_id]).fetchone()
        if row is None:
            return RemovedSource("", 0, 0)
        starred_clause = "" if purge else " AND starred = 0"
        deleted = conn.execute(
            f"DELETE FROM articles WHERE feed_id = ?{starred_clause}", [feed_id]
        ).rowcount
        lead_orphaned_stories(conn)  # the other feeds' copies of its stories stay listed
        kept = conn.execute("SELECT count(*) FROM articles WHERE feed_id = ?", [feed_id]).fetchone()
        if kept[0]:
            # no server subscription here any more (the caller unsubscribed it): the next sync
            # does not remove it again, or say so
            conn.execute("DELETE FROM sync_feeds WHERE feed_id = ?", [feed_id])
            conn.execute(
                "UPDATE feeds SET removed = ?, configured = 0, etag = NULL, last_modified = NULL, "
                "body_hash = NULL WHERE id = ?",
                [now_iso(), feed_id],
            )
        else:
            conn.execute("DELETE FROM feeds WHERE id = ?", [feed_id])
    return RemovedSource(hide_passwords(row[0]), deleted, kept[0])


def unconfigured_sources(db: Database, keys: set[str]) -> list[int]:
    """Listed sources registered from the config whose key the config no longer has."""
    rows = db.execute("SELECT id, key FROM feeds WHERE configured = 1 AND removed IS NULL")
    return [feed_id for feed_id, key in rows.fetchall() if key not in keys]


def server_only_sources(db: Database, keys: set[str]) -> list[int]:
    """Listed sources that a sync server's subscriptions made (not registered from the config)
    and whose key the config does not have: they leave with [sync] (user test r35 L7)."""
    rows = db.execute(
        "SELECT id, key FROM feeds WHERE configured = 0 AND removed IS NULL "
        "AND id IN (SELECT feed_id FROM sync_feeds)"
    )
    return [feed_id for feed_id, key in rows.fetchall() if key not in keys]


def _foreign(language: str | None) -> bool:
    """Whether a stored language tag names a language other than English (the extractor's
    hint then decides what a text's own words cannot: nlp/language.py)."""
    return bool(language) and str(language).partition("-")[0] != "en"


def _reanalyse_for_language(conn: sqlite3.Connection, feed_id: int, language: str) -> None:
    """A feed's declared language about to be stored: when it changes whether the feed
    declares another language than English (a store upgraded to schema 56 learns it at each
    feed's next fetch), its articles that declare none themselves are analysed again (their
    analyses are marked not done: the fetch's own analysis pass redoes them)."""
    row = conn.execute("SELECT language FROM feeds WHERE id = ?", [feed_id]).fetchone()
    if row is None or _foreign(row[0]) == _foreign(language):
        return
    conn.execute(
        "UPDATE articles SET nlp_version = NULL "
        "WHERE feed_id = ? AND language IS NULL AND nlp_version IS NOT NULL",
        [feed_id],
    )
