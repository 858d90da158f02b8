"""Sync bookkeeping: which articles are server items, which sources server subscriptions, the queue
of read/starred changes not yet pushed, and the sync cursor and outcome."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Literal, NamedTuple
from urllib.parse import unquote

from newstui.article_rows import content_hash, prepared, timed_midnight
from newstui.model import RemoteFeed, RemoteItem, SyncStatus, fold_url
from newstui.model.fetching import RemovedSource
from newstui.model.folders import added_server_folders, server_folder_here
from newstui.model.link_key import link_key
from newstui.model.names import document_names, name_key, url_name
from newstui.model.sync import ITEM_KEY_PREFIX, item_key
from newstui.store.article_inserts import INSERT_ARTICLE, new_article_row, take_article_ids
from newstui.store.article_merge import keeps_own_text, merge_article, move_articles
from newstui.store.article_updates import (
    fill_empty_text,
    update_article_content,
    update_article_entry,
)
from newstui.store.db import Database, write_transaction
from newstui.store.downloads import take_over_orphans
from newstui.store.entries import (
    LINK_KEY,
    FeedEntry,
    days_apart,
    folded_title,
    item_entry,
    link_shared,
    removed_entry,
    same_entry,
    same_title,
    stored_entry,
    twin_articles,
)
from newstui.store.failures import connection_file
from newstui.store.feeds import FAILURES_ENDED, now_iso, remove_feed
from newstui.store.json_columns import json_list
from newstui.text import free_name

FIELDS = ("read", "starred")


@dataclass(frozen=True)
class QueuedChange:
    """A read or starred change made here and not yet pushed to the server."""

    article_id: int
    item_id: int
    field: str  # "read" or "starred"
    value: bool


@dataclass(frozen=True)
class SyncedFeed:
    """A stored source that is a subscription on the server."""

    feed_id: int
    name: str
    url: str | None
    tags: tuple[str, ...]
    stream_id: str


@dataclass(frozen=True)
class MovedSource:
    """A subscription the server lists at another URL than its source here has (changed in its
    web UI, or a permanent redirect it followed)."""

    name: str  # the source's name after the sync
    former: str  # and before it
    old: str
    new: str
    other: str | None = None  # the source here that had the new URL: merged into it (unless kept)
    # the source kept its URL: "configured", feeds.toml lists that URL (newstui does not rewrite
    # the file); "listed", `other` is another subscription the server lists
    kept: Literal["configured", "listed"] | None = None
    said_before: bool = False  # a kept move a sync that finished said (remember_kept_moves)


@dataclass(frozen=True)
class SavedItems:
    """What saving a page of server items did."""

    new: int = 0
    updated: int = 0
    changed_ids: tuple[int, ...] = ()  # new or changed articles: full text and analysis to do
    changed_feeds: tuple[int, ...] = ()  # the feed id of each of changed_ids


@contextmanager
def _applying(db: Database) -> Iterator[sqlite3.Connection]:
    """A write transaction whose changes to read/starred are the server's: none is queued."""
    with write_transaction(db) as conn:
        conn.execute("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('applying', '1')")
        yield conn
        conn.execute("DELETE FROM sync_state WHERE key = 'applying'")


def get_state(db: Database, key: str) -> str | None:
    """One value of the sync state (cursor, last sync, last error…), or None."""
    row = db.execute("SELECT value FROM sync_state WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def set_state(db: Database, **values: str | None) -> None:
    """Set (or, with None, clear) values of the sync state in one transaction."""
    with write_transaction(db) as conn:
        for key, value in values.items():
            if value is None:
                conn.execute("DELETE FROM sync_state WHERE key = ?", [key])
            else:
                conn.execute(
                    "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)", [key, value]
                )


def sync_status(db: Database) -> SyncStatus:
    """The last sync's time and error and how many changes wait to be pushed."""
    state = dict(db.execute("SELECT key, value FROM sync_state").fetchall())
    queued = db.execute(
        "SELECT (SELECT count(*) FROM sync_queue) + (SELECT count(*) FROM retired_item_reads)"
    ).fetchone()[0]
    return SyncStatus(
        last_sync=state.get("last_sync"),
        last_error=state.get("last_error"),
        queued=queued,
        retry_after=state.get("retry_after"),
        failures=int(failures) if (failures := state.get("failures", "")).isdigit() else 0,
        failing_since=state.get("failing_since"),
    )


def pending_changes(db: Database) -> list[QueuedChange]:
    """Every queued change with its server item id, oldest first."""
    return [
        QueuedChange(r[0], r[1], r[2], bool(r[3]))
        for r in db.execute(
            """SELECT q.article_id, s.item_id, q.field, q.value FROM sync_queue q
            JOIN sync_items s ON s.article_id = q.article_id ORDER BY q.queued_at, q.article_id"""
        ).fetchall()
    ]


def forget_pushed(db: Database, changes: Iterable[QueuedChange]) -> None:
    """Drop pushed changes from the queue, unless the flag changed again since (then it stays)."""
    with write_transaction(db) as conn:
        conn.executemany(
            "DELETE FROM sync_queue WHERE article_id = ? AND field = ? AND value = ?",
            [(c.article_id, c.field, int(c.value)) for c in changes],
        )


def items_stored_as(db: Database, items: Iterable[RemoteItem]) -> set[int]:
    """Those of these server items that are, by their id, the same article here (same_entry, as
    a first sync pairs them): a server that gives an id stored here to another article
    (another episode under a podcast's show-page link) is another account's, whose ids are not
    this store's."""
    items = list(items)
    sent = Counter(link_key(item.article.url) for item in items if item.article.url)
    same: set[int] = set()
    for item in items:
        row = db.execute(
            "SELECT a.url, a.title, a.links, (SELECT count(*) FROM articles o "
            "WHERE o.feed_id = a.feed_id AND coalesce(o.link_key, o.url) = "
            "coalesce(a.link_key, a.url)) "
            "FROM sync_items s JOIN articles a ON a.id = s.article_id WHERE s.item_id = ?",
            [item.item_id],
        ).fetchone()
        if row is None:
            continue
        url, title, links, under_link = row
        shared = link_shared(under_link, sent[link_key(url)] if url is not None else 0)
        if same_entry(stored_entry(url, title, links), item_entry(item), shared=shared):
            same.add(item.item_id)
    return same


# A subscription id of the server or account synced before the configured one: never the id of
# a subscription of this one (its stream ids, feed/12, name other feeds), so its source is matched
# by URL, and removed when this one does not list it.
FORMER = "former:"


# sync_state: the articles forget_server unlinked from another user's items (JSON list of ids):
# linked to the new account's items, they take its marks (none of the last user's is pushed).
UNLINKED = "unlinked_articles"


def _unlinked(conn: Database | sqlite3.Connection) -> set[int]:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", [UNLINKED]).fetchone()
    try:
        ids = json.loads(row[0]) if row else []
    except ValueError:
        return set()
    return {i for i in ids if isinstance(i, int)} if isinstance(ids, list) else set()


def unlinked_articles(db: Database) -> set[int]:
    """The articles forget_server unlinked from another user's items that no item of the new
    account was linked to yet (read once a sync, given to each save_items)."""
    return _unlinked(db)


def forget_server(db: Database, *, keep_marks: bool = True) -> None:
    """Forget which server items and subscriptions the store's articles and sources are (another
    server or account is configured: its ids name other things), and the cursor. Articles,
    sources and marks stay: the next sync matches them by URL.

    `keep_marks` (the same user on another server): queued changes stay, and marks made here go
    to the items matched. Without it (another user) the queue is dropped and the unlinked
    articles are remembered (UNLINKED), so the new account's items give them its marks; nor do
    the articles a cleanup removed send their read marks to the new account (review r34 S3).
    Removed articles remembered by the last server's item ids are forgotten as such: another
    server's items may have those ids."""
    with write_transaction(db) as conn:
        # (one known by its link stays so, under a name no item key has; `OR IGNORE` leaves a
        # row renamed by an earlier switch, which the DELETE then drops)
        conn.execute(
            "UPDATE OR IGNORE retired_articles SET guid = ? || guid "
            "WHERE guid LIKE ? AND link IS NOT NULL",
            [FORMER, ITEM_KEY_PREFIX + "%"],
        )
        conn.execute("DELETE FROM retired_articles WHERE guid LIKE ?", [ITEM_KEY_PREFIX + "%"])
        if not keep_marks:
            conn.execute("UPDATE retired_articles SET was_read = NULL WHERE was_read IS NOT NULL")
            unlinked = _unlinked(conn) | {
                r[0] for r in conn.execute("SELECT article_id FROM sync_items")
            }
            conn.execute(
                "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)",
                [UNLINKED, json.dumps(sorted(unlinked))],
            )
            conn.execute("DELETE FROM sync_queue")
        conn.execute("DELETE FROM sync_items")
        conn.execute("DELETE FROM retired_item_reads")  # (the last one's item ids)
        conn.execute(
            "UPDATE sync_feeds SET stream_id = ? || stream_id WHERE stream_id NOT LIKE ?",
            [FORMER, FORMER + "%"],
        )
        forgotten = (
            "items_since",
            GONE,
            "retry_after",
            "last_error",
            "failures",
            "failing_since",
        )  # (its cursor, its ids)
        conn.executemany("DELETE FROM sync_state WHERE key = ?", [(k,) for k in forgotten])


def drop_unpushable_changes(db: Database) -> int:
    """Drop queued changes of articles no server item is (the server synced now does not have
    them): they can never be pushed. Returns how many."""
    with write_transaction(db) as conn:
        return conn.execute(
            "DELETE FROM sync_queue WHERE article_id NOT IN (SELECT article_id FROM sync_items)"
        ).rowcount


@dataclass(frozen=True)
class AccountEvidence:
    """What the store can tell of whose the server's subscriptions are, for a store that does not
    remember its last account (synced by a version that did not): see account_evidence."""

    conflict: bool = False  # one of their ids is, here, the id of another URL's source
    probes: tuple[int, ...] = ()  # stored item ids to ask the server for
    shared: tuple[tuple[str, int], ...] = ()  # (their id, the source synced here) of one URL
    synced: bool = False  # sources here were synced before


def account_evidence(
    db: Database,
    remote: Sequence[RemoteFeed],
    limit: int = 20,  # (run.PROBES)
) -> AccountEvidence:
    """Whether the server's subscription ids name the feeds of the sources that carry them here.
    conflict: one of them is, on the server, the URL of another source here (another account's
    ids); probes: the newest item stored of each source one of them names here (the same URL or
    a moved feed's), or, when none of them is stored here (Miniflux's ids are global), of every
    source synced here: the same account still has them unless its retention dropped them;
    shared: its subscriptions whose URL is a source synced here (the same account follows the
    same feeds, another may too: see stored_under_other_ids)."""
    by_stream = dict(
        db.execute(
            "SELECT stream_id, feed_id FROM sync_feeds WHERE stream_id NOT LIKE ?", [FORMER + "%"]
        ).fetchall()
    )
    if not by_stream:
        return AccountEvidence()
    synced = set(by_stream.values())
    by_url = {
        fold_url(r[1] or r[0]): r[2]
        for r in db.execute(
            "SELECT key, url, id FROM feeds WHERE kind = 'feed' AND removed IS NULL"
        ).fetchall()
    }
    carriers: list[int] = []
    shared: list[tuple[str, int]] = []
    for feed in remote:
        other = by_url.get(fold_url(feed.url))
        if other is not None and other in synced:
            shared.append((feed.stream_id, other))
        carrier = by_stream.get(feed.stream_id)
        if carrier is None:
            continue
        if other is not None and other != carrier:
            return AccountEvidence(conflict=True, synced=True)
        carriers.append(carrier)
    probes: list[int] = []
    for carrier in dict.fromkeys(carriers or by_stream.values()):
        newest = db.execute(
            "SELECT s.item_id FROM sync_items s JOIN articles a ON a.id = s.article_id "
            "WHERE a.feed_id = ? ORDER BY s.crawled_usec DESC LIMIT 1",
            [carrier],
        ).fetchone()
        if newest is not None:
            probes.append(newest[0])
            if len(probes) >= limit:
                break
    return AccountEvidence(False, tuple(probes), tuple(shared), True)


def newest_items(db: Database, limit: int) -> list[int]:
    """The newest item stored of each source synced (at most `limit`, newest sources first): the
    items a server is asked for to tell whether it is the account synced before under another
    name (run.same_items_there)."""
    return [
        r[0]
        for r in db.execute(
            """SELECT (SELECT s.item_id FROM sync_items s JOIN articles a ON a.id = s.article_id
                WHERE a.feed_id = f.feed_id ORDER BY s.crawled_usec DESC LIMIT 1) AS newest
            FROM sync_feeds f WHERE f.stream_id NOT LIKE ? AND newest IS NOT NULL
            ORDER BY newest DESC LIMIT ?""",
            [FORMER + "%", limit],
        ).fetchall()
    ]


def stored_under_other_ids(db: Database, feed_id: int, items: Iterable[RemoteItem]) -> int:
    """How many of these server items are an article of this source stored as another item:
    another account following the same feed has them (the same one has them under the ids
    stored here, or, dropped by its retention, not at all): the same entry (same_entry, as a
    first sync pairs them; by link alone the same account's newer episodes of a podcast,
    linking to its show page, were the stored ones)."""
    linked = [(item, link_key(item.article.url)) for item in items if item.article.url]
    sent = Counter(key for _, key in linked)
    found = 0
    for item, key in linked:
        stored = db.execute(
            "SELECT a.url, a.title, a.links, s.item_id FROM articles a LEFT JOIN sync_items s "
            f"ON s.article_id = a.id WHERE a.feed_id = ? AND {LINK_KEY} = ?",
            [feed_id, key],
        ).fetchall()
        # (a link one article has here and one item has among these is that article whatever
        # its title, review r33 F10: a headline edited between two crawls made another
        # account's copies look like this one's)
        shared = link_shared(len(stored), sent[key])
        entry = item_entry(item)
        if any(
            same_entry(stored_entry(url, title, links), entry, shared=shared)
            for url, title, links, item_id in stored
            if item_id not in (None, item.item_id)
        ):
            found += 1
    return found


def synced_feeds(db: Database) -> list[SyncedFeed]:
    """Every stored source that is a server subscription, by name."""
    return [
        SyncedFeed(r[0], r[1], r[2], tuple(json.loads(r[3] or "[]")), r[4])
        for r in db.execute(
            """SELECT f.id, f.name, f.url, f.tags, s.stream_id FROM sync_feeds s
            JOIN feeds f ON f.id = s.feed_id ORDER BY name_order(f.name)"""
        ).fetchall()
    ]


def apply_subscriptions(
    db: Database,
    remote: Sequence[RemoteFeed],
    configured: Mapping[str, tuple[str | None, tuple[str, ...]]],
) -> tuple[list[str], list[RemovedSource], list[MovedSource], list[str]]:
    """Make the server's subscriptions sources; returns the names added, what removing each
    source whose subscription left the server did, the sources whose subscription the server
    lists at a new URL (see _move_source; a move kept at the old URL that a finished sync said
    is `said_before`: the sync gives these to remember_kept_moves once it finished), and the
    names of those whose subscription left but that feeds.toml lists (fetched here from now).

    `configured` maps the folded URL of each `[[feeds]]` entry to its name (None: the entry has
    none) and tags: a server feed with the same URL is that source (config name, config tags plus
    server folders), at this sync already, not only at the next fetch. A source
    whose subscription left the server is removed unless it is configured; its starred
    articles are kept. An empty list removes nothing: like newsboat, which stops when the server
    lists no feeds, an emptied account is not taken as an order to delete every source.
    """
    added: list[str] = []
    gone: list[int] = []
    moves: list[MovedSource] = []
    fetched_here: list[str] = []
    if not remote:
        return added, [], moves, fetched_here
    listed = {feed.stream_id for feed in remote}
    with write_transaction(db) as conn:
        said = _kept_moves_said(conn)
        by_stream = dict(conn.execute("SELECT stream_id, feed_id FROM sync_feeds").fetchall())
        feeds = conn.execute(
            "SELECT id, key, url, name FROM feeds WHERE kind = 'feed' AND removed IS NULL"
        ).fetchall()
        by_url = {fold_url(r[2] or r[1]): r[0] for r in feeds}
        # every folder here, which a server's "A/B" label is when this has it nested (A/B) or
        # as one folder (A∕B): the sources' tags, feeds.toml's, and those `add --tag` asked for
        asked = _asked_folders(conn)
        here = [
            t
            for (tags,) in conn.execute("SELECT tags FROM feeds WHERE removed IS NULL")
            for t in json_list(tags)
            if isinstance(t, str)
        ]
        here += [t for _, tags in configured.values() for t in tags] + list(asked.values())
        names = {name_key(r[3]) for r in feeds} | {
            name_key(r[0]) for r in conn.execute("SELECT name FROM feeds WHERE kind != 'feed'")
        }
        seen: set[str] = set()
        matched: set[int] = set()
        for feed in remote:
            seen.add(feed.stream_id)
            config = configured.get(fold_url(feed.url))
            feed_id = by_stream.get(feed.stream_id) or by_url.get(fold_url(feed.url))
            move = None
            if feed_id is not None and by_stream.get(feed.stream_id) == feed_id:
                move = _move_source(conn, feed_id, feed, configured, listed)
            if move is not None and move.merged_id is not None and move.other is not None:
                names.discard(name_key(move.other))
                by_url = {u: i for u, i in by_url.items() if i != move.merged_id}
                by_url[fold_url(feed.url)] = feed_id
            if move is not None and move.kept is not None:
                config = configured.get(fold_url(move.old)) or config  # (its entry's name, tags)
            if feed_id is not None:
                matched.add(feed_id)
            if config is not None:
                name, tags = config[0] or feed.url, list(config[1])
            else:
                name, tags = _server_feed_name(feed, names, feed_id, conn), []
            folders = tuple(server_folder_here(f, here) for f in feed.folders)
            tags += added_server_folders(tags, folders)  # ("Nordics" of News/…/Nordics: no)
            if feed_id is None:
                name = free_name(name, names)
                feed_id = conn.execute(
                    "INSERT INTO feeds (key, kind, name, url, tags) VALUES (?, 'feed', ?, ?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET url = excluded.url, removed = NULL RETURNING id",
                    [feed.url, name, feed.url, json.dumps(tags)],
                ).fetchone()[0]
                # A source removed here when its subscription left the server, subscribed again:
                # the items its kept (starred) articles were are gone with the old subscription,
                # so they are matched to the new one's items by URL (else each came twice).
                conn.execute(
                    "DELETE FROM sync_items WHERE article_id IN "
                    "(SELECT id FROM articles WHERE feed_id = ?)",
                    [feed_id],
                )
                names.add(name_key(name))
                added.append(name)
            else:
                _unlink_resubscribed(conn, feed_id, feed.stream_id, listed)
                current = conn.execute("SELECT name FROM feeds WHERE id = ?", [feed_id]).fetchone()
                renamed = config is None or config[0] is not None  # the server's or the user's
                if renamed and current and current[0] != name:
                    names.discard(name_key(current[0]))
                    name = free_name(name, names)
                    names.add(name_key(name))
                else:
                    name = current[0] if current else name
                conn.execute(
                    "UPDATE feeds SET name = ?, tags = ?, removed = NULL WHERE id = ?",
                    [name, json.dumps(tags), feed_id],
                )
                if move is not None:
                    moves.append(move.said(name, current[0] if current else name, said))
            conn.execute(  # the server fetched it for us: "last fetch" is this sync, a success
                f"UPDATE feeds SET last_fetched = ?, last_error = NULL, {FAILURES_ENDED}, "
                "site_url = coalesce(?, site_url) WHERE id = ?",
                [now_iso(), feed.site_url, feed_id],
            )
            conn.execute(
                "DELETE FROM sync_feeds WHERE stream_id = ? AND feed_id != ?",
                [feed.stream_id, feed_id],
            )
            conn.execute(
                "INSERT INTO sync_feeds (feed_id, stream_id, folders) VALUES (?, ?, ?) "
                "ON CONFLICT(feed_id) DO UPDATE SET stream_id = excluded.stream_id, "
                "folders = excluded.folders",
                [feed_id, feed.stream_id, json.dumps(list(folders))],
            )
            asked.pop(fold_url(feed.url), None)  # (filed here now: its tags hold the folder)
        for stream_id, feed_id in by_stream.items():
            if stream_id in seen or feed_id in matched:
                continue
            conn.execute("DELETE FROM sync_feeds WHERE feed_id = ?", [feed_id])
            row = conn.execute(
                "SELECT name, url, key FROM feeds WHERE id = ?", [feed_id]
            ).fetchone()
            if row is None:
                continue
            entry = configured.get(fold_url(row[1] or row[2]))
            if entry is not None:  # fetched here again: its tags are the config's, no folder
                conn.execute(
                    "UPDATE feeds SET tags = ? WHERE id = ?", [json.dumps(entry[1]), feed_id]
                )
                # its articles are no server's items now: subscribed again there (new item ids),
                # they are matched to its items by link and title, as at a first sync (each came
                # twice, merged only at the sync after: user test r42 L9's feed)
                conn.execute(
                    "DELETE FROM sync_items WHERE article_id IN "
                    "(SELECT id FROM articles WHERE feed_id = ?)",
                    [feed_id],
                )
                fetched_here.append(row[0])
                continue
            gone.append(feed_id)
        _keep_asked_folders(conn, asked)
    removed = [remove_feed(db, feed_id, purge=False) for feed_id in gone]
    return added, removed, moves, fetched_here


# sync_state: the folders `add URL --tag FOLDER` subscribed feeds into on the server, by their
# folded URL (JSON object), until a sync files them here: the server's label cannot say that
# "News/Europe" was the nested folder (model.folders.server_folder_here)
ASKED_FOLDERS = "asked_folders"
_MOST_ASKED = 100  # (one the server lists at another URL waits for ever: the oldest go)


def ask_folder(db: Database, url: str, folder: str) -> None:
    """Remember that the feed at `url`, subscribed on the server, was asked into `folder` here
    (a nested one, "News/Europe"), until the sync that files it."""
    with write_transaction(db) as conn:
        asked = _asked_folders(conn)
        asked.pop(fold_url(url), None)
        asked[fold_url(url)] = folder  # (last: the oldest go first past _MOST_ASKED)
        _keep_asked_folders(conn, dict(list(asked.items())[-_MOST_ASKED:]))


def _asked_folders(conn: sqlite3.Connection) -> dict[str, str]:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", [ASKED_FOLDERS]).fetchone()
    try:
        value = json.loads(row[0]) if row else {}
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


def _keep_asked_folders(conn: sqlite3.Connection, asked: Mapping[str, str]) -> None:
    if asked:
        conn.execute(
            "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)",
            [ASKED_FOLDERS, json.dumps(dict(asked))],
        )
    else:
        conn.execute("DELETE FROM sync_state WHERE key = ?", [ASKED_FOLDERS])


def _unlink_resubscribed(
    conn: sqlite3.Connection, feed_id: int, stream_id: str, listed: Collection[str]
) -> None:
    """A source found by its URL under a new subscription id while its old one is gone from the
    server (unsubscribed and subscribed again there while this store did not sync: user test r39
    H2): the items its articles were went with the old subscription, so they are unlinked and the
    new subscription's items are matched to them by link and title, as at a first sync (their
    marks kept, what the server lacks queued for it); else each came twice. An entry an earlier
    newstui stored twice so (_one_entry_twice, both copies items of subscriptions now gone) is
    made one article first (the one stored first, with the marks of both: article_merge), or
    neither copy could be the new item's and it came a third time."""
    old = conn.execute("SELECT stream_id FROM sync_feeds WHERE feed_id = ?", [feed_id]).fetchone()
    if old is None or old[0] == stream_id or old[0] in listed:
        return
    doubled = list(_entries_stored_twice(conn, feed_id))
    conn.execute(
        "DELETE FROM sync_items WHERE article_id IN (SELECT id FROM articles WHERE feed_id = ?)",
        [feed_id],
    )
    for pair in doubled:  # (no item either: the marks of both stay on the first)
        merge_article(conn, pair.copy, pair.first)


# sync_state: the moves kept at the old URL (JSON list of [old, new], folded) said by a sync that
# finished, so each is said once, not at every sync until feeds.toml follows; a move no longer
# kept is forgotten.
KEPT_MOVES_SAID = "kept_moves_said"


def _kept_moves_said(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    found = conn.execute("SELECT value FROM sync_state WHERE key = ?", [KEPT_MOVES_SAID]).fetchone()
    try:
        pairs = json.loads(found[0]) if found else []
    except ValueError:
        pairs = []
    return {
        (p[0], p[1])
        for p in (pairs if isinstance(pairs, list) else [])
        if isinstance(p, list) and len(p) == 2 and all(isinstance(u, str) for u in p)
    }


def _folded_move(old: str, new: str) -> tuple[str, str]:
    return fold_url(old), fold_url(new)


def remember_kept_moves(db: Database, moves: Iterable[MovedSource]) -> None:
    """Once a sync finished and said its moves (apply_subscriptions'), remember those kept at
    the old URL as said (KEPT_MOVES_SAID), the others forgotten: a sync that fails after
    listing the subscriptions said nothing, and its moves are said by the next."""
    pairs = sorted({_folded_move(m.old, m.new) for m in moves if m.kept is not None})
    with write_transaction(db) as conn:
        if pairs:
            conn.execute(
                "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)",
                [KEPT_MOVES_SAID, json.dumps(pairs)],
            )
        else:
            conn.execute("DELETE FROM sync_state WHERE key = ?", [KEPT_MOVES_SAID])


@dataclass(frozen=True)
class _Move:
    old: str
    new: str
    merged_id: int | None = None  # the source merged into the moved one
    other: str | None = None
    kept: Literal["configured", "listed"] | None = None

    def said(self, name: str, former: str, said: set[tuple[str, str]]) -> MovedSource:
        before = self.kept is not None and _folded_move(self.old, self.new) in said
        return MovedSource(name, former, self.old, self.new, self.other, self.kept, before)


def _server_feed_name(
    feed: RemoteFeed, names: set[str], feed_id: int | None, conn: sqlite3.Connection
) -> str:
    """The name a subscription no `[[feeds]]` entry names goes by, by the rule a fetched feed
    follows (model.names.document_names; review r50 LOW-7: an untitled one went by its address,
    not by its web site's host as a fetched one): the server's title, else its web site's host,
    the first no other source goes by, else its address without the scheme."""
    row = (
        None
        if feed_id is None
        else conn.execute("SELECT name FROM feeds WHERE id = ?", [feed_id]).fetchone()
    )
    own = name_key(row[0]) if row else None
    for candidate in document_names(feed.title, feed.site_url):
        if name_key(candidate) == own or name_key(candidate) not in names:
            return candidate
    return url_name(feed.url)


def _move_source(
    conn: sqlite3.Connection,
    feed_id: int,
    feed: RemoteFeed,
    configured: Mapping[str, tuple[str | None, tuple[str, ...]]],
    listed: Collection[str],
) -> _Move | None:
    """The source of a subscription the server lists at another URL takes it (its articles,
    marks and downloads stay), so a later fetch of the feed asks that URL; None when its URL is
    the same. A source here that had the new URL (a feed fetched here, one removed with starred
    articles kept) is merged into it: its articles join it, those it had too (same id in the
    feed or same link) keep the marks of either, their downloads and the better text
    (store.article_merge). The URL is kept when
    feeds.toml lists it and not the new one (the file is the user's: an entry left at the old
    URL would be another source), or when the new one is, here, another subscription the server
    lists (two of its subscriptions are never made one)."""
    row = conn.execute("SELECT key, url FROM feeds WHERE id = ?", [feed_id]).fetchone()
    old = row[1] or row[0]
    if fold_url(old) == fold_url(feed.url):
        return None
    entry = configured.get(fold_url(old))
    if entry is not None and fold_url(feed.url) not in configured:
        return _Move(old, feed.url, kept="configured")
    other = next(
        (
            (r[0], r[1], r[2])
            for r in conn.execute(
                "SELECT id, name, key, url FROM feeds WHERE kind = 'feed' AND id != ?", [feed_id]
            )
            if r[2] == feed.url or fold_url(r[3] or r[2]) == fold_url(feed.url)
        ),
        None,
    )
    merged: tuple[int, str] | None = None
    if other is not None:
        stream = conn.execute(
            "SELECT stream_id FROM sync_feeds WHERE feed_id = ?", [other[0]]
        ).fetchone()
        if stream is not None and stream[0] in listed:
            return _Move(old, feed.url, other=other[1], kept="listed")
        _merge_source(conn, other[0], feed_id)
        merged = (other[0], other[1])
    conn.execute(
        "UPDATE feeds SET key = ?, url = ?, etag = NULL, last_modified = NULL, body_hash = NULL "
        "WHERE id = ?",
        [feed.url, feed.url, feed_id],
    )
    conn.execute(  # (marks imported for articles not fetched yet wait by the feed's key)
        "UPDATE OR IGNORE pending_marks SET feed_url = ? WHERE feed_url = ?", [feed.url, row[0]]
    )
    if merged is None:
        return _Move(old, feed.url)
    return _Move(old, feed.url, merged[0], merged[1])


def _merge_source(conn: sqlite3.Connection, source: int, into: int) -> None:
    """Move a source's articles into another and delete it: an article both have
    (entries.twin_articles: the same id in the feed, else the same entry under a link only one
    article's in each) stays once, `into`'s copy taking the other's marks, downloads and better
    text (article_merge.merge_article); articles that share a link (a podcast's show page, a live
    blog) are moved over, never deleted. The source's cleanup memory, imported marks waiting and
    feeds.toml standing go along."""
    for article_id, twin in twin_articles(conn, source, into):
        merge_article(conn, article_id, twin)  # (a mark it gains is queued for the server)
    move_articles(conn, source, into)


def stream_of(db: Database, feed_id: int) -> str | None:
    """The server's subscription id of a stored source, or None."""
    row = db.execute("SELECT stream_id FROM sync_feeds WHERE feed_id = ?", [feed_id]).fetchone()
    return row[0] if row and not row[0].startswith(FORMER) else None


def server_folders(db: Database, feed_id: int) -> tuple[str, ...]:
    """The folders the server files a subscribed source in (as tags), or () for another."""
    row = db.execute("SELECT folders FROM sync_feeds WHERE feed_id = ?", [feed_id]).fetchone()
    if row is None:
        return ()
    return tuple(f for f in json.loads(row[0] or "[]") if isinstance(f, str))


def leave_server_folders(db: Database, feed_id: int, folders: Iterable[str]) -> None:
    """Take `folders` (any case) off the server folders stored for a subscribed source."""
    gone = {name_key(f) for f in folders}
    with write_transaction(db) as conn:
        row = conn.execute("SELECT folders FROM sync_feeds WHERE feed_id = ?", [feed_id]).fetchone()
        if row is None:
            return
        kept = [f for f in json.loads(row[0] or "[]") if name_key(f) not in gone]
        conn.execute(
            "UPDATE sync_feeds SET folders = ? WHERE feed_id = ?", [json.dumps(kept), feed_id]
        )


def known_items(db: Database, item_ids: Iterable[int], starred: Iterable[int] = ()) -> set[int]:
    """Those of the given server item ids that are stored here, or that a cleanup removed (those
    are remembered as still offered, so they do not come back while the server lists them).
    A removed item in `starred` is not known: a cleanup never removes a starred article, so it
    was starred elsewhere since, and it comes back."""
    welcome = set(starred)
    item_ids = list(item_ids)
    stored = {
        r[0]
        for r in db.execute(
            "SELECT item_id FROM sync_items WHERE item_id IN (SELECT value FROM json_each(?))",
            [json.dumps(item_ids)],
        ).fetchall()
    }
    keys = {item_key(i): i for i in item_ids if i not in stored and i not in welcome}
    if not keys or db.execute("SELECT 1 FROM retired_articles LIMIT 1").fetchone() is None:
        return stored
    retired = [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT guid FROM retired_articles WHERE guid IN "
            "(SELECT value FROM json_each(?))",
            [json.dumps(list(keys))],
        ).fetchall()
    ]
    if retired:
        with write_transaction(db):
            db.execute(
                "UPDATE retired_articles SET seen = ? WHERE guid IN (SELECT value FROM json_each(?))",
                [now_iso(), json.dumps(retired)],
            )
    return stored | {keys[k] for k in retired}


def save_items(
    db: Database,
    items: Sequence[RemoteItem],
    feed_ids: dict[str, int],
    cursor: tuple[str, str] | None = None,
    unlinked: set[int] | None = None,
) -> SavedItems:
    """Store a page of server items in one transaction (and advance the cursor with them).

    A known item keeps its article and local state; a new one takes the server's state, or is
    linked to the article this source already stored under the same link and title (see
    _stored_before), whose read and starred marks stay, queued for the server where the item
    lacks them (an article another user's item was takes the server's marks: see
    forget_server). An article fetched here from the feed keeps its text, links and enclosures
    (the item's text only where it has none); one kept from another account's item keeps its
    text when it is the better (article_merge.keeps_own_text: its full text fetched here, or
    longer). A new item that is an article a cleanup removed here (_retired) is not stored,
    unless starred there; its read mark made here is queued for the server (_keep_out).
    `unlinked`, the sync's unlinked_articles (else read here): those linked now leave it.
    """
    new = updated = 0
    changed: list[int] = []
    feeds: list[int] = []  # (changed's feed ids)
    added: list[int] = []
    now = now_iso()
    with _applying(db) as conn:
        if unlinked is None:  # (another user's articles: they take this one's marks)
            unlinked = _unlinked(conn)
        alike: Counter[tuple[str, str, str]] = Counter(
            _link_and_title(item) for item in items if item.article.url
        )
        alike.update((stream, key, _ANY_TITLE) for stream, key, _ in list(alike.elements()))
        under: _Shared = {}
        for item in items:
            feed_id = feed_ids.get(item.stream_id)
            if feed_id is None:
                continue
            digest = content_hash(item.article)
            row = conn.execute(
                "SELECT a.id, a.content_hash FROM sync_items s JOIN articles a "
                "ON a.id = s.article_id WHERE s.item_id = ?",
                [item.item_id],
            ).fetchone()
            paired = row is None and bool(item.article.url)
            # (what a paired article takes of the item: no title made from the item's text)
            entry = item.article if item.titled else replace(item.article, title="")
            if paired:
                before = _stored_before(conn, feed_id, item, alike, under)
                row = None if before is None else (*before, _guid(conn, before[0]))
                if row is not None:
                    _link(conn, item, row[0])
                    if row[0] in unlinked:
                        unlinked.discard(row[0])
                    else:
                        _keep_marks_made_here(conn, row[0], item)
                    _take_state(conn, row[0], item)
            if paired and row is not None:
                if fetched_from_feed(row[2]):
                    # the feed's own copy: the server's (FreshRSS adds a "💾" link and drops
                    # the enclosure's duration) gives it its id, marks, title and link (the
                    # same, as compared), and its text only where it has none
                    update_article_entry(conn, row[0], entry, digest)
                    if fill_empty_text(conn, row[0], item.article):
                        updated += 1
                        changed.append(row[0])
                        feeds.append(feed_id)
                    continue
                if row[1] != digest and keeps_own_text(conn, row[0], item.article.text):
                    # its full text fetched here (or a longer text) stays; the item's
                    # title, link and date are taken, and its digest: it is that entry
                    update_article_entry(conn, row[0], entry, digest)
                    continue
            if row is None:
                key = item_key(item.item_id)
                retired = _retired(conn, feed_id, item, alike)
                if retired is not None and not item.starred:
                    _keep_out(conn, feed_id, item, retired, now)  # removed by a cleanup
                    continue
                if retired is not None:  # starred elsewhere since: it comes back
                    conn.execute(
                        "DELETE FROM retired_articles WHERE feed_id = ? AND guid = ?",
                        [feed_id, key],
                    )
                _free_item_key(conn, feed_id, key)
                stored = prepared(item.article)
                article_id = int(
                    conn.execute(
                        INSERT_ARTICLE,
                        (
                            take_article_ids(conn, 1),
                            *new_article_row(feed_id, key, stored, now, digest),
                        ),
                    ).lastrowid
                    or 0
                )
                if timed_midnight(stored):  # (a timestamp at midnight UTC: a time, not a day)
                    conn.execute(
                        "UPDATE articles SET timed_midnight = 1 WHERE id = ?", [article_id]
                    )
                if stored.language:  # (the item's declared language: the extractor's hint)
                    conn.execute(
                        "UPDATE articles SET language = ? WHERE id = ?",
                        [stored.language, article_id],
                    )
                _link(conn, item, article_id)
                _take_state(conn, article_id, item)
                if retired is not None and retired.read_mark and not item.read:
                    # (read here before the cleanup: it stays read, and the server is told)
                    conn.execute("UPDATE articles SET read = 1 WHERE id = ?", [article_id])
                    _keep_marks_made_here(conn, article_id, item)
                new += 1
                added.append(article_id)
                changed.append(article_id)
                feeds.append(feed_id)
            elif row[1] != digest and update_article_content(
                conn, row[0], entry if paired else item.article, digest, paired=paired
            ):
                if not paired and item.article.language:  # (its new text's declared language)
                    conn.execute(
                        "UPDATE articles SET language = ? WHERE id = ?",
                        [item.article.language, row[0]],
                    )
                updated += 1
                changed.append(row[0])
                feeds.append(feed_id)
        take_over_orphans(conn, added)  # (a feed subscribed again: its episodes' files)
        if cursor is not None:
            conn.execute(
                "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)", list(cursor)
            )
    return SavedItems(new, updated, tuple(changed), tuple(feeds))


@dataclass(frozen=True)
class _Retired:
    """An article a cleanup removed that a server item is: the identity it is remembered by,
    and whether its read mark is to be sent (it was read here, and removed before the server
    learnt it: never for one known by the item's own key, whose marks a sync exchanged)."""

    guid: str
    read_mark: bool


def _retired(
    conn: sqlite3.Connection, feed_id: int, item: RemoteItem, alike: Counter[tuple[str, str, str]]
) -> _Retired | None:
    """The article of this source a cleanup removed that a new server item is (user test r34
    H2): one removed as this item, else its feed entry, known as a first sync pairs an item with
    an article here (entries.removed_entry: same_entry by link, alone or with its title), unless
    their enclosures or dates say they are two entries; one removed by a newstui before schema 38 is known by its
    identity alone, the item's link where the feed gave it as the guid (a permalink) or gave no
    guid."""
    key = item_key(item.item_id)
    if conn.execute(
        "SELECT 1 FROM retired_articles WHERE feed_id = ? AND guid = ?", [feed_id, key]
    ).fetchone():
        return _Retired(key, read_mark=False)
    url = item.article.url
    if not url:
        return None
    stream, link, _ = _link_and_title(item)
    found = removed_entry(conn, feed_id, item_entry(item), alike[stream, link, _ANY_TITLE])
    if found is not None:
        return _Retired(found.guid, read_mark=found.was_read)
    written = dict.fromkeys((url, link, unquote(url)))
    old = conn.execute(
        "SELECT guid FROM retired_articles WHERE feed_id = ? AND link IS NULL "
        "AND guid IN (SELECT value FROM json_each(?))",
        [feed_id, json.dumps([f"{kind}:{u}" for u in written for kind in ("guid", "link")])],
    ).fetchone()
    return _Retired(old[0], read_mark=False) if old else None


def _keep_out(
    conn: sqlite3.Connection, feed_id: int, item: RemoteItem, retired: _Retired, now: str
) -> None:
    """A server item a cleanup removed here is not stored: it is remembered by its item key too
    (later syncs skip it without a look at its link: known_items), as offered now; its read
    mark made here waits for the server (retired_item_reads) unless the item is read there."""
    conn.execute(
        "UPDATE retired_articles SET seen = ? WHERE feed_id = ? AND guid = ?",
        [now, feed_id, retired.guid],
    )
    conn.execute(
        "INSERT OR IGNORE INTO retired_articles (feed_id, guid, seen) VALUES (?, ?, ?)",
        [feed_id, item_key(item.item_id), now],
    )
    if retired.read_mark and not item.read:
        conn.execute(
            "INSERT OR IGNORE INTO retired_item_reads (item_id, queued_at) VALUES (?, ?)",
            [item.item_id, now],
        )


def retired_reads(db: Database) -> list[int]:
    """The server items whose read mark waits to be sent although no article here is them (a
    cleanup removed it before the server learnt it was read), oldest first."""
    return [
        r[0]
        for r in db.execute(
            "SELECT item_id FROM retired_item_reads ORDER BY queued_at, item_id"
        ).fetchall()
    ]


def forget_retired_reads(db: Database, item_ids: Iterable[int]) -> None:
    """Drop read marks of retired_reads once the server accepted them."""
    with write_transaction(db) as conn:
        conn.executemany(
            "DELETE FROM retired_item_reads WHERE item_id = ?", [(i,) for i in item_ids]
        )


def _guid(conn: sqlite3.Connection, article_id: int) -> str:
    return str(conn.execute("SELECT guid FROM articles WHERE id = ?", [article_id]).fetchone()[0])


def fetched_from_feed(guid: str) -> bool:
    """Whether an article linked to a server item was fetched here from its feed (its guid is
    the feed's), not stored from a server's item (its guid is an item key)."""
    if guid.startswith(FORMER):  # (former:<article id>:<key>, or former:<key> of round 39)
        number, colon, rest = guid.removeprefix(FORMER).partition(":")
        guid = rest if colon and number.isdigit() else guid.removeprefix(FORMER)
    return not guid.startswith(ITEM_KEY_PREFIX)


def _free_item_key(conn: sqlite3.Connection, feed_id: int, key: str) -> None:
    """An article of the source that was the last server's item of this id, no item's now (a
    switch unlinked it: forget_server), gives its key up to the new item (FORMER before its
    guid): ids name other things on another server, so the item is another article, stored
    beside it (else the insert failed on the source's unique guid and the sync with it, at every
    try). The article's own id goes in the new guid: a second switch that meets the same item id
    renames another article, which "former:" + key alone gave the first one's guid (review r39
    FK1: the same unique-guid failure at every sync)."""
    conn.execute(
        "UPDATE articles SET guid = ? || id || ':' || guid WHERE feed_id = ? AND guid = ? "
        "AND id NOT IN (SELECT article_id FROM sync_items)",
        [FORMER, feed_id, key],
    )


def _link_and_title(item: RemoteItem) -> tuple[str, str, str]:
    """What tells an item stored before sync was set up: its source, link (by link_key) and
    title (folded as same_title compares it)."""
    return item.stream_id, link_key(item.article.url or ""), folded_title(item.article.title)


# Where `alike` counts a page's items by link whatever their titles: no title holds a NUL (control
# characters are stripped at ingest), so no folded title is this key.
_ANY_TITLE = "\x00any"


class _Stored(NamedTuple):
    """An article of the source under an item's link, as a first sync looks at it."""

    article_id: int
    digest: str
    linked: bool  # a server item is it already
    entry: FeedEntry


# A page's articles under one link, by source and link_key: by folded title.
_Shared = dict[tuple[int, str], dict[str, list[_Stored]]]


def _stored_before(
    conn: sqlite3.Connection,
    feed_id: int,
    item: RemoteItem,
    alike: Counter[tuple[str, str, str]],
    under: _Shared,
) -> tuple[int, str] | None:
    """The article (id, content hash) that the source stored before this item was linked to it
    (fetched here before sync was set up), with no item yet: the one article under the item's
    link (compared by link_key: `…/V%C3%A1zquez` is the `…/Vázquez` a feed gave) that is its
    entry by same_entry, when no other item of the page has that link and title. An item that
    is no one article's so is stored as new: a copy, never another article's title, enclosure
    or marks. `under` keeps each link's articles for the page (one look-up a link, not one an
    item), by folded title: where the link is shared, same_entry needs the title."""
    stream, key, title = _link_and_title(item)
    if (feed_id, key) not in under:
        by_title: dict[str, list[_Stored]] = {}
        for article_id, digest, url, stored_title, linked, links, published in conn.execute(
            "SELECT a.id, a.content_hash, a.url, a.title, s.item_id IS NOT NULL, a.links, "
            "a.published FROM articles a LEFT JOIN sync_items s ON s.article_id = a.id "
            f"WHERE a.feed_id = ? AND {LINK_KEY} = ?",
            [feed_id, key],
        ):
            entry = stored_entry(url, stored_title, links, published)
            by_title.setdefault(folded_title(stored_title), []).append(
                _Stored(article_id, digest, bool(linked), entry)
            )
        under[feed_id, key] = by_title
    stored = under[feed_id, key]
    shared = link_shared(sum(map(len, stored.values())), alike[stream, key, _ANY_TITLE])
    # (those same_entry may take: the link's one article, else the articles of the item's title)
    candidates = stored.get(title, []) if shared else next(iter(stored.values()), [])
    sent = item_entry(item)
    same = [c for c in candidates if same_entry(c.entry, sent, shared=shared)]
    if alike[stream, key, title] != 1 or len(same) != 1 or same[0].linked:
        return None
    return same[0].article_id, same[0].digest


def _link(conn: sqlite3.Connection, item: RemoteItem, article_id: int) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO sync_items (item_id, article_id, crawled_usec) VALUES (?, ?, ?)",
        [item.item_id, article_id, item.crawled_usec],
    )


TWINS_MERGED = "link_twins_merged"  # sync_state: the articles stored twice before were merged


def merge_link_twins(db: Database) -> int:
    """Merge, once, each server item a sync stored as a new article although the source had it
    already under the same link written otherwise (`…/V%C3%A1zquez` for `…/Vázquez`: before
    links were compared by link_key, schema 36). The article stored first stays, linked to the
    item, with the downloads of both and the better text (store.article_merge): read if either
    copy was read, starred if either was, and what the server lacks of that queued for it; the
    copy goes. How many went."""
    if db.execute("SELECT 1 FROM sync_state WHERE key = ?", [TWINS_MERGED]).fetchone():
        return 0
    merged = 0
    with _applying(db) as conn:
        # A pair is the only two articles of the feed under that link, one unlinked and written
        # otherwise, with the same title: articles that share a link (a live blog, a show page)
        # are other articles, left both.
        pairs = conn.execute(
            """SELECT b.id, b.title, (SELECT json_group_array(json_array(a.id, a.title))
                FROM articles a WHERE a.feed_id = b.feed_id AND a.id != b.id
                AND coalesce(a.link_key, a.url) = coalesce(b.link_key, b.url)),
                (SELECT a.id FROM articles a WHERE a.feed_id = b.feed_id
                AND coalesce(a.link_key, a.url) = coalesce(b.link_key, b.url) AND a.url != b.url
                AND a.id NOT IN (SELECT article_id FROM sync_items))
            FROM sync_items s JOIN articles b ON b.id = s.article_id
            WHERE b.url IS NOT NULL AND b.feed_id IN (SELECT feed_id FROM sync_feeds)"""
        ).fetchall()
        kept: set[int] = set()
        for copy, title, others, first in pairs:
            sharing = json.loads(others)
            if first is None or first in kept or len(sharing) != 1:
                continue
            if sharing[0][0] != first or not same_title(sharing[0][1], title):
                continue
            kept.add(first)
            _merge_twin(conn, first, copy)
            merged += 1
        conn.execute(
            "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)",
            [TWINS_MERGED, now_iso()],
        )
    return merged


class DoubledArticle(NamedTuple):
    """Two articles of a synced source that are one entry, each a server item (see
    doubled_articles): the one stored first and the copy."""

    first: int
    first_item: int
    copy: int
    copy_item: int


# sync_state: the (first item, copy item) pairs of doubled_articles the server was asked about
# and had neither item of (expired there): JSON list, not asked about again. (A pair it has both
# items of is asked about at each sync: the old one may leave it later.)
DOUBLES_LEFT = "doubles_left"


def _doubles_left(conn: Database | sqlite3.Connection) -> set[tuple[int, int]]:
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", [DOUBLES_LEFT]).fetchone()
    try:
        pairs = json.loads(row[0]) if row else []
    except ValueError:
        return set()
    return {
        (p[0], p[1])
        for p in (pairs if isinstance(pairs, list) else [])
        if isinstance(p, list) and len(p) == 2 and all(isinstance(i, int) for i in p)
    }


def doubled_articles(db: Database) -> list[DoubledArticle]:
    """Each entry a synced source holds twice, both copies server items: the only two articles
    under one link (link_key), with the same title. A feed unsubscribed and subscribed again on
    the server while this store did not sync was stored so by an earlier newstui (user test r39
    H2: the new subscription's items beside the old ones'); a server may also have two items of
    one entry, so only the server, asked for both, tells a copy (see merge_doubled). A pair
    the server had neither item of is not listed again."""
    left = _doubles_left(db)
    pairs = _entries_stored_twice(db, None)
    return [pair for pair in pairs if (pair.first_item, pair.copy_item) not in left]


def _entries_stored_twice(
    conn: Database | sqlite3.Connection, feed_id: int | None
) -> Iterator[DoubledArticle]:
    """The entries stored twice as server items (_one_entry_twice: the only two articles under
    one link) of one source, or of every synced source when `feed_id` is None."""
    where = "feed_id = ?" if feed_id is not None else "feed_id IN (SELECT feed_id FROM sync_feeds)"
    for first, copy in conn.execute(
        f"SELECT min(id), max(id) FROM articles WHERE {where} AND url IS NOT NULL "
        "GROUP BY feed_id, coalesce(link_key, url) HAVING count(*) = 2",
        [feed_id] if feed_id is not None else [],
    ).fetchall():
        rows = {
            r[0]: r[1:]
            for r in conn.execute(
                "SELECT a.id, a.title, s.item_id, a.published, a.summary, a.content_hash "
                "FROM articles a JOIN sync_items s ON s.article_id = a.id WHERE a.id IN (?, ?)",
                [first, copy],
            )
        }
        if len(rows) == 2 and _one_entry_twice(rows[first], rows[copy]):
            yield DoubledArticle(first, rows[first][1], copy, rows[copy][1])


def _one_entry_twice(first: tuple[Any, ...], copy: tuple[Any, ...]) -> bool:
    """Whether two (title, item, published, summary, content hash) rows under one link are one
    entry stored twice: the same title, dated at most SAME_ENTRY_HOURS apart and the same
    content (summary or digest). A feed whose entries all link to one page under one headline
    ("Daily briefing") holds two entries so, and one is not merged into the other when the
    server purges its item (review r39 DB1)."""
    title, _, published, summary, digest = first
    return (
        same_title(title, copy[0])
        and not days_apart(published, copy[2])
        and (digest == copy[4] or (bool(summary) and summary == copy[3]))
    )


def merge_doubled(db: Database, pairs: Iterable[DoubledArticle], on_server: Collection[int]) -> int:
    """Make each pair of doubled_articles one article when the server has one of its two items
    (`on_server`: those of their items it returned): the article stored first stays (its id, as
    lists and scripts know it), as the item the server has, with the marks of both copies (read
    if either was, starred if either was; what the server lacks queued for it), the downloads of
    both and the better text (store.article_merge); the copy goes. A pair whose items the server
    has both (two items of one entry, for now) or neither (expired there: remembered, not asked
    about again) stays. How many copies went."""
    merged = 0
    with _applying(db) as conn:
        left = _doubles_left(conn)
        for pair in pairs:
            alive = (pair.first_item in on_server, pair.copy_item in on_server)
            if not any(alive):
                left.add((pair.first_item, pair.copy_item))
            if alive[0] == alive[1]:
                continue
            dead = pair.copy_item if alive[0] else pair.first_item
            conn.execute("DELETE FROM sync_items WHERE item_id = ?", [dead])
            merge_article(conn, pair.copy, pair.first)
            merged += 1
        if left:
            conn.execute(
                "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)",
                [DOUBLES_LEFT, json.dumps(sorted(map(list, left)))],
            )
    return merged


def _merge_twin(conn: sqlite3.Connection, first: int, copy: int) -> None:
    """The article `first` takes `copy`'s server item, downloads and marks, and its text when
    that is the better (see merge_link_twins, article_merge); `copy` is deleted."""
    merge_article(conn, copy, first)


def _keep_marks_made_here(conn: sqlite3.Connection, article_id: int, item: RemoteItem) -> None:
    """An article stored before it was this item's (fetched from its feed before sync was set
    up, kept from a server or subscription left): its read and starred marks are not taken away;
    where the item lacks one, it is queued for the server."""
    here = conn.execute("SELECT read, starred FROM articles WHERE id = ?", [article_id]).fetchone()
    for field, mine, theirs in zip(FIELDS, here, (item.read, item.starred), strict=True):
        if mine and not theirs:
            conn.execute(
                "INSERT OR IGNORE INTO sync_queue (article_id, field, value, queued_at) "
                "VALUES (?, ?, 1, ?)",
                [article_id, field, now_iso()],
            )


def _take_state(conn: sqlite3.Connection, article_id: int, item: RemoteItem) -> None:
    """The server's read/starred for an article first linked to it (a queued change wins)."""
    for field, value in (("read", item.read), ("starred", item.starred)):
        conn.execute(
            f"UPDATE articles SET {field} = ? WHERE id = ? AND NOT EXISTS "
            "(SELECT 1 FROM sync_queue WHERE article_id = ? AND field = ?)",
            [int(value), article_id, article_id, field],
        )


# Synced articles a sync may change: those of the subscriptions the server lists now (`?`: their
# stream ids, as JSON), never an article of a subscription it no longer has (a star kept there
# must stay), nor one changed here and not yet pushed (`?`: the field).
_IN_SCOPE = """a.feed_id IN (SELECT feed_id FROM sync_feeds
    WHERE stream_id IN (SELECT value FROM json_each(?)))
    AND a.id NOT IN (SELECT article_id FROM sync_queue WHERE field = ?)"""

# (field, the value of an article in the server's set: unread is read = 0, starred is 1)
_SETS = (("read", 0), ("starred", 1))
GONE = "gone_items"  # sync_state: items asked for by id that the server no longer returned


def _gone(db: Database | sqlite3.Connection) -> set[int]:
    row = db.execute("SELECT value FROM sync_state WHERE key = ?", [GONE]).fetchone()
    try:
        ids = json.loads(row[0]) if row else []
    except ValueError:
        return set()
    return {i for i in ids if isinstance(i, int)} if isinstance(ids, list) else set()


def doubtful_items(
    db: Database,
    streams: Collection[str],
    unread: Collection[int] | None,
    starred: Collection[int] | None,
) -> list[int]:
    """Server items stored here as unread (or starred) that the server's whole unread (or
    starred) set leaves out: read or unstarred elsewhere, or no longer on the server (dropped by
    its retention, in a stream it does not list); only asking for them tells which. A set that
    is None (not read to its end) raises no doubt, nor does an item the server no longer returned
    when asked (it is not asked for again at every sync)."""
    found: list[int] = []
    scope = json.dumps(sorted(streams))
    for (field, present), ids in zip(_SETS, (unread, starred), strict=True):
        if ids is None:
            continue
        found += [
            r[0]
            for r in db.execute(
                f"""SELECT s.item_id FROM sync_items s JOIN articles a ON a.id = s.article_id
                WHERE a.{field} = ? AND {_IN_SCOPE}
                AND s.item_id NOT IN (SELECT value FROM json_each(?))""",
                [present, scope, field, json.dumps(list(ids))],
            ).fetchall()
        ]
    return sorted(set(found) - _gone(db))


def apply_states(
    db: Database,
    streams: Collection[str],
    unread: Collection[int] | None,
    starred: Collection[int] | None,
    confirmed: Mapping[int, tuple[bool, bool]],
    gone: Collection[int] = (),
) -> tuple[int, int]:
    """Make synced articles match the server: those in its unread (starred) set become unread
    (starred); those it leaves out become read (unstarred) only when `confirmed` (the server's
    own (read, starred) for items asked for by id) says so. Only articles of the subscriptions
    in `streams`, never one changed here and not yet pushed; a set that is None changes nothing.
    `gone`: items asked for that the server did not return, remembered (until a set lists one
    again) so they are not asked for at every sync. Returns how many became (read or unread,
    starred or not)."""
    counts = [0, 0]
    scope = json.dumps(sorted(streams))
    with _applying(db) as conn:
        before = _gone(conn)
        listed = {*(unread or ()), *(starred or ())}
        remembered = {i for i in before | set(gone) if i not in listed}
        remembered = {
            r[0]
            for r in conn.execute(
                "SELECT item_id FROM sync_items WHERE item_id IN (SELECT value FROM json_each(?))",
                [json.dumps(sorted(remembered))],
            )
        }
        if remembered != before:
            conn.execute(
                "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)",
                [GONE, json.dumps(sorted(remembered))],
            )
        for n, ((field, present), ids) in enumerate(zip(_SETS, (unread, starred), strict=True)):
            if ids is None:
                continue
            members = set(ids)
            taken_away = (True, False)[n]  # read, not starred
            absent = [i for i, state in confirmed.items() if state[n] == taken_away]
            absent = [i for i in absent if i not in members]
            for value, items in ((present, members), (1 - present, absent)):
                counts[n] += conn.execute(
                    f"""UPDATE articles AS a SET {field} = ? WHERE {field} != ?
                    AND id IN (SELECT article_id FROM sync_items
                    WHERE item_id IN (SELECT value FROM json_each(?))) AND {_IN_SCOPE}""",
                    [value, value, json.dumps(list(items)), scope, field],
                ).rowcount
    return counts[0], counts[1]


def database_file(db: Database) -> str:
    """The database's file path (":memory:" for an in-memory one)."""
    return connection_file(db.conn)
