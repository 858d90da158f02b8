"""The download queue of enclosures: queue, claim, progress, finish or fail, retry, forget.

A row is claimed (queued → downloading) by one process at a time; a process that died leaves a
row that stops being touched, which `requeue_stale` puts back in the queue."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from newstui.article_rows import enclosure_urls
from newstui.model.downloads import url_host
from newstui.store.db import Database, write_transaction
from newstui.store.feeds import now_iso
from newstui.text import clean_line

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Sequence

    from newstui.model import Download

_COLUMNS = """id, url, title, mime, state, path, bytes_done, bytes_total, error, article_id,
    queued_at, finished_at, owner, tries, retry_at"""


def _download(row: Any) -> Download:
    from newstui.model.downloads import Download

    return Download(*row)


def queue_download(
    db: Database,
    *,
    url: str,
    path: str,
    article_id: int | None,
    title: str,
    mime: str,
    bytes_total: int | None,
    done: bool = False,
) -> tuple[Download, bool]:
    """Queue an enclosure; a URL already in the queue keeps its row (a failed one is queued
    again; one whose article was deleted becomes `article_id`'s). `done`: a new row's file is
    already there, whole, so it is stored as downloaded (in one step: no worker claims it
    meanwhile). Returns the row and whether it was queued now."""
    with write_transaction(db) as conn:
        conn.execute("DELETE FROM forgotten_downloads WHERE url = ?", [url])  # (taken over now)
        old = conn.execute(f"SELECT {_COLUMNS} FROM downloads WHERE url = ?", [url]).fetchone()
        if old is not None and old[9] is None and article_id is not None:  # its article was
            conn.execute(  # deleted (its feed removed, then added back): this one takes it over
                "UPDATE downloads SET article_id = ? WHERE id = ?", [article_id, old[0]]
            )
            old = (*old[:9], article_id, *old[10:])
        if old is not None:
            if old[4] != "failed":
                return _download(old), False
            conn.execute(
                "UPDATE downloads SET state = 'queued', error = NULL, queued_at = ?, tries = 0, "
                "retry_at = NULL WHERE id = ?",
                [now_iso(), old[0]],
            )
            new_id = old[0]
        else:  # its name is this download's now: no longer a forgotten one's
            conn.execute("DELETE FROM forgotten_downloads WHERE path = ?", [path])
            new_id = conn.execute(
                """INSERT INTO downloads (url, path, article_id, title, mime, bytes_total,
                queued_at, state, bytes_done, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    url,
                    path,
                    article_id,
                    title,
                    mime,
                    bytes_total,
                    now_iso(),
                    "done" if done else "queued",
                    (bytes_total or 0) if done else 0,
                    now_iso() if done else None,
                ],
            ).lastrowid
        row = conn.execute(f"SELECT {_COLUMNS} FROM downloads WHERE id = ?", [new_id]).fetchone()
    return _download(row), True


def take_over_orphans(conn: sqlite3.Connection, article_ids: Collection[int]) -> None:
    """Give the downloads whose article was deleted (its feed removed: the file stays) to these
    new articles that list the same enclosure URL: a feed added back plays, shows and lists its
    episodes' files again (user test r42 M2). Reads nothing more while no download lost its
    article."""
    orphans = dict(
        conn.execute("SELECT url, id FROM downloads WHERE article_id IS NULL").fetchall()
    )
    if not orphans or not article_ids:
        return
    rows = conn.execute(  # (new ids are consecutive; an enclosure's links are plain JSON)
        "SELECT id, links FROM articles WHERE id BETWEEN ? AND ? "
        """AND instr(links, '"kind": "enclosure"') > 0 ORDER BY id""",
        [min(article_ids), max(article_ids)],
    ).fetchall()
    wanted = set(article_ids)
    for article_id, links in rows:
        for url in enclosure_urls(links) if article_id in wanted else ():
            if (download_id := orphans.pop(url, None)) is not None:
                conn.execute(
                    "UPDATE downloads SET article_id = ? WHERE id = ?", [article_id, download_id]
                )


def feed_key_of(db: Database, article_id: int) -> str | None:
    """The key of the feed (or local source) article `article_id` belongs to; None if gone."""
    row = db.execute(
        "SELECT f.key FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?",
        [article_id],
    ).fetchone()
    return None if row is None else str(row[0])


def feed_name_of(db: Database, article_id: int) -> str | None:
    """The stored name of the feed (or local source) article `article_id` belongs to, as a
    listing names it; None if the article is gone."""
    row = db.execute(
        "SELECT f.name FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?",
        [article_id],
    ).fetchone()
    return None if row is None or row[0] is None else str(row[0])


def feeds_with_new_episodes(db: Database, after_id: int) -> list[tuple[str, str]]:
    """The feeds (not local sources) with an article that has an enclosure, no filter hid and
    was stored after article `after_id`: each one's key and name, in name order."""
    rows = db.execute(
        "SELECT DISTINCT f.key, f.name FROM articles a JOIN feeds f ON f.id = a.feed_id "
        """WHERE a.id > ? AND f.kind = 'feed' AND a.hidden = 0 AND instr(a.links, '"kind": "enclosure"') > 0 """
        "ORDER BY f.name",
        [after_id],
    )
    return [(r[0], r[1]) for r in rows.fetchall()]


def new_episodes(db: Database, feed_key: str, after_id: int, count: int) -> list[int]:
    """The newest `count` articles with an enclosure that no filter hid, of the feed stored under
    `feed_key`, among those stored after article `after_id` (a fetch's new ones); ids, newest
    first."""
    rows = db.execute(
        "SELECT a.id FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.key = ? "
        """AND a.id > ? AND a.hidden = 0 AND instr(a.links, '"kind": "enclosure"') > 0 """
        "ORDER BY a.sort_date DESC, a.id DESC LIMIT ?",
        [feed_key, after_id, count],
    )
    return [r[0] for r in rows.fetchall()]


def path_in_use(db: Database, path: str) -> bool:
    """True when a download in the queue already has this file."""
    return db.execute("SELECT 1 FROM downloads WHERE path = ?", [path]).fetchone() is not None


def forgotten_file(db: Database, url: str) -> tuple[str, int | None] | None:
    """The file a forgotten download of this URL left (its path, and its size when it had
    finished), or None: also when another forgotten URL names the same file (an older newstui
    kept both; which one wrote it is unknown)."""
    row = db.execute(
        """SELECT path, size FROM forgotten_downloads AS f WHERE url = ? AND NOT EXISTS
        (SELECT 1 FROM forgotten_downloads AS g WHERE g.path = f.path AND g.url != f.url)""",
        [url],
    ).fetchone()
    return (row[0], row[1]) if row else None


def remember_files(db: Database, files: Sequence[tuple[str, str, int]]) -> int:
    """Note files another program downloaded (podboat: URL, path, size) as forgotten downloads'
    whole files, so that queuing such a URL takes its file over instead of downloading it
    again; a URL the queue has, or forgotten already, keeps its own. How many were noted."""
    with write_transaction(db) as conn:
        before = conn.total_changes
        conn.executemany(
            "INSERT INTO forgotten_downloads (url, path, size) SELECT ?, ?, ? "
            "WHERE NOT EXISTS (SELECT 1 FROM downloads WHERE url = ?1 OR path = ?2) "
            "ON CONFLICT (url) DO NOTHING",
            files,
        )
        return conn.total_changes - before


def forgotten_paths(db: Database) -> list[str]:
    """The files the forgotten downloads left (finished, or each one's .part)."""
    return [row[0] for row in db.execute("SELECT path FROM forgotten_downloads").fetchall()]


def list_downloads(db: Database, article_id: int | None = None) -> list[Download]:
    """The queue, oldest first (only one article's, when given)."""
    where, params = ("WHERE article_id = ?", [article_id]) if article_id is not None else ("", [])
    rows = db.execute(f"SELECT {_COLUMNS} FROM downloads {where} ORDER BY id", params)
    return [_download(r) for r in rows.fetchall()]


def get_download(db: Database, download_id: int) -> Download | None:
    """One row of the queue, or None."""
    row = db.execute(f"SELECT {_COLUMNS} FROM downloads WHERE id = ?", [download_id]).fetchone()
    return _download(row) if row else None


# A running download is alive while its process writes progress (record_progress, claim_next
# touch it): one untouched since the caller's `alive_since` (ISO 8601 UTC; downloads.py owns the
# figure, STALE_SECONDS) belongs to a process that died, and requeue_stale queues it again.
_ALIVE = "state = 'downloading' AND touched_at > ?"
_STALE = "state = 'downloading' AND (touched_at IS NULL OR touched_at <= ?)"  # (not _ALIVE)


def _running_by_host(
    conn: sqlite3.Connection | Database, alive_since: str, but_owner: int | None = None
) -> dict[str, int]:
    """The live running downloads (`_ALIVE`) by host (`url_host`); `but_owner`: not that
    process's."""
    running: dict[str, int] = {}
    rows = conn.execute(f"SELECT url, owner FROM downloads WHERE {_ALIVE}", [alive_since])
    for url, owner in rows.fetchall():
        if but_owner is None or owner != but_owner:
            running[url_host(url)] = running.get(url_host(url), 0) + 1
    return running


def _next_claimable(
    conn: sqlite3.Connection | Database,
    busy_hosts: Collection[str],
    per_host: int | None,
    alive_since: str,
) -> int | None:
    """The oldest queued download whose host is not in `busy_hosts` nor, with `per_host`, runs
    that many live downloads over every process sharing the store; None when there is none."""
    busy = set(busy_hosts)
    if per_host is not None:
        running = _running_by_host(conn, alive_since)
        busy |= {host for host, count in running.items() if count >= per_host}
    limit = "" if busy else " LIMIT 1"
    rows = conn.execute(
        f"SELECT id, url FROM downloads WHERE state = 'queued' ORDER BY id{limit}"
    ).fetchall()
    return next((row[0] for row in rows if url_host(row[1]) not in busy), None)


def claim_next(
    db: Database,
    owner: int,
    busy_hosts: Collection[str] = (),
    per_host: int | None = None,
    alive_since: str = "",
) -> Download | None:
    """Take the oldest queued download for process `owner` (state → downloading), or None; one
    whose URL's host (`url_host`) is among `busy_hosts` is passed over (left queued), and with
    `per_host`, one whose host has that many running in the processes sharing the store (the
    app and a cron `download`): those alive (`_ALIVE`: progress written after `alive_since`).
    Counted and claimed in one write transaction, so two processes never both take a host's
    last place; looked for first without one, so a run finding nothing to take (the queue
    empty, its hosts full) takes no write lock (review r50 MED-2: one a second while it
    waited). The row returned has its last try's `error` (a download queued again by itself
    after a passing failure: what `--quiet` compares its next failure with), the stored one
    cleared."""
    if _next_claimable(db, busy_hosts, per_host, alive_since) is None:
        return None
    with write_transaction(db) as conn:
        found = _next_claimable(conn, busy_hosts, per_host, alive_since)
        if found is None:
            return None
        before = conn.execute("SELECT error FROM downloads WHERE id = ?", [found]).fetchone()[0]
        conn.execute(
            "UPDATE downloads SET state = 'downloading', error = NULL, touched_at = ?, owner = ? "
            "WHERE id = ?",
            [now_iso(), owner, found],
        )
        conn.execute("DELETE FROM download_stops WHERE download_id = ?", [found])  # (old asks)
    claimed = get_download(db, found)
    return None if claimed is None else replace(claimed, error=before)


def waiting_on_others(db: Database, owner: int, per_host: int, alive_since: str) -> dict[str, int]:
    """The hosts whose queued downloads wait because other processes than `owner` sharing the
    store run `per_host` live downloads (`_ALIVE`) there: how many wait, by host. Read only."""
    held = {
        host
        for host, count in _running_by_host(db, alive_since, but_owner=owner).items()
        if count >= per_host
    }
    if not held:
        return {}
    waiting: dict[str, int] = {}
    for (url,) in db.execute("SELECT url FROM downloads WHERE state = 'queued'").fetchall():
        if (host := url_host(url)) in held:
            waiting[host] = waiting.get(host, 0) + 1
    return waiting


def running_owners(db: Database) -> set[int]:
    """The processes that hold a running download (`owner`), alive or not."""
    rows = db.execute(
        "SELECT DISTINCT owner FROM downloads WHERE state = 'downloading' AND owner IS NOT NULL"
    )
    return {row[0] for row in rows.fetchall()}


def record_progress(db: Database, download_id: int, done: int, total: int | None) -> None:
    """How much of a download has arrived (also says its process is alive)."""
    with write_transaction(db):
        db.execute(
            "UPDATE downloads SET bytes_done = ?, bytes_total = coalesce(?, bytes_total), "
            "touched_at = ? WHERE id = ?",
            [done, total, now_iso(), download_id],
        )


def finish_download(db: Database, download_id: int, size: int, path: str | None = None) -> None:
    """A download is complete: its file holds `size` bytes (at `path`, when not the name it was
    queued for: move_download)."""
    with write_transaction(db) as conn:
        if path is not None:
            _move(conn, download_id, path)
        conn.execute(
            "UPDATE downloads SET state = 'done', bytes_done = ?, bytes_total = ?, error = NULL, "
            "finished_at = ?, touched_at = ?, tries = 0, retry_at = NULL WHERE id = ?",
            [size, size, now_iso(), now_iso(), download_id],
        )


def move_download(db: Database, download_id: int, path: str) -> None:
    """A download's file goes to `path` from now on (its name was another's file, or outside
    download_dir); the name is no longer a forgotten download's (as queue_download)."""
    with write_transaction(db) as conn:
        _move(conn, download_id, path)


def _move(conn: sqlite3.Connection, download_id: int, path: str) -> None:
    conn.execute("DELETE FROM forgotten_downloads WHERE path = ?", [path])
    conn.execute("UPDATE downloads SET path = ? WHERE id = ?", [path, download_id])


def fail_download(
    db: Database, download_id: int, error: str, tries: int = 0, retry_at: str | None = None
) -> None:
    """A download failed; what arrived stays for a retry to resume. `error` is stored as one
    line, controls out (a server's or proxy's words in it: hostile r47 M6), as a feed's is.
    `tries`: its passing failures in a row, now; `retry_at`: when the next run may queue it
    again (None: only a --retry does)."""
    with write_transaction(db):
        db.execute(
            "UPDATE downloads SET state = 'failed', error = ?, touched_at = ?, tries = ?, "
            "retry_at = ? WHERE id = ?",
            [clean_line(error), now_iso(), tries, retry_at, download_id],
        )


# failed for a passing reason, and its wait (retry_at, ISO 8601 UTC) over by the moment given
_DUE = "state = 'failed' AND retry_at IS NOT NULL AND retry_at <= ?"


def any_due(db: Database, now: str) -> bool:
    """Whether a download that failed for a passing reason has waited its time by `now` (ISO
    8601 UTC): what requeue_due would queue again. Read only."""
    return db.execute(f"SELECT 1 FROM downloads WHERE {_DUE} LIMIT 1", [now]).fetchone() is not None


def requeue_due(db: Database, now: str) -> list[Download]:
    """Queue again the downloads that failed for a passing reason and whose wait ended by `now`
    (ISO 8601 UTC); what was queued (none: nothing written)."""
    if not any_due(db, now):
        return []
    with write_transaction(db) as conn:
        rows = conn.execute(f"SELECT {_COLUMNS} FROM downloads WHERE {_DUE} ORDER BY id", [now])
        found = [_download(row) for row in rows.fetchall()]
        conn.executemany(
            "UPDATE downloads SET state = 'queued', retry_at = NULL WHERE id = ?",
            [(d.id,) for d in found],
        )
    return found


def release_download(db: Database, download_id: int) -> None:
    """Give a download back to the queue (the app quit while it ran): resumed next time."""
    with write_transaction(db):
        db.execute(
            "UPDATE downloads SET state = 'queued', owner = NULL "
            "WHERE id = ? AND state = 'downloading'",
            [download_id],
        )


def requeue_stale(db: Database, alive_since: str, dead_owners: Iterable[int] = ()) -> int:
    """Queue again the downloads whose process died: one of `dead_owners`, or one no longer
    alive (`_STALE`: untouched since `alive_since`, ISO 8601 UTC)."""
    dead = list(dead_owners)
    marks = ",".join("?" * len(dead)) or "NULL"
    stale = f"({_STALE}) OR (state = 'downloading' AND owner IN ({marks}))"
    if db.execute(
        f"SELECT 1 FROM downloads WHERE {stale} LIMIT 1", [alive_since, *dead]
    ).fetchone():
        with write_transaction(db):  # (only then: listing the queue takes no write lock)
            cursor = db.execute(
                f"UPDATE downloads SET state = 'queued', owner = NULL WHERE {stale}",
                [alive_since, *dead],
            )
        return cursor.rowcount
    return 0


def retry_downloads(db: Database, ids: Iterable[int] | None = None) -> int:
    """Queue failed downloads again (all of them, or those with these ids)."""
    with write_transaction(db):
        if ids is None:
            cursor = db.execute(
                "UPDATE downloads SET state = 'queued', tries = 0, retry_at = NULL "
                "WHERE state = 'failed'"
            )
        else:
            chosen = list(ids)
            marks = ",".join("?" * len(chosen))
            cursor = db.execute(
                "UPDATE downloads SET state = 'queued', tries = 0, retry_at = NULL "
                f"WHERE state = 'failed' AND id IN ({marks})",
                chosen,
            )
    return cursor.rowcount


def forget_download(db: Database, download_id: int, *, keep_file: bool) -> Download | None:
    """Take a download off the list (not while it runs); returns what it was, or None.
    `keep_file`: its file stays on disk, remembered with its URL (forgotten_file)."""
    with write_transaction(db) as conn:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM downloads WHERE id = ?", [download_id]
        ).fetchone()
        if row is None or row[4] == "downloading":
            return _download(row) if row else None
        _forget_row(conn, row, keep_file=keep_file)
    return _download(row)


def _forget_row(conn: sqlite3.Connection, row: Sequence[Any], *, keep_file: bool) -> None:
    """Delete a download's row (not running); `keep_file`: its file is remembered with its URL
    (forgotten_file)."""
    conn.execute("DELETE FROM downloads WHERE id = ?", [row[0]])
    if keep_file:
        conn.execute("DELETE FROM forgotten_downloads WHERE path = ?", [row[5]])  # (older)
        conn.execute(
            "INSERT OR REPLACE INTO forgotten_downloads (url, path, size) VALUES (?, ?, ?)",
            [row[1], row[5], row[7] if row[4] == "done" else None],
        )


def forget_downloads(db: Database, ids: list[int]) -> dict[int, Download]:
    """Take these downloads off the list in one write, their files kept and remembered (as
    forget_download with keep_file), but the running ones; what each was, running ones as they
    are, by id (a number with no download is left out)."""
    found: dict[int, Download] = {}
    with write_transaction(db) as conn:
        for download_id in dict.fromkeys(ids):
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM downloads WHERE id = ?", [download_id]
            ).fetchone()
            if row is None:
                continue
            found[download_id] = _download(row)
            if row[4] != "downloading":
                _forget_row(conn, row, keep_file=True)
    return found


def forget_finished(db: Database, ids: list[int]) -> list[Download]:
    """Take these finished downloads off the list in one write, their files remembered as a
    forgotten one's (forgotten_file), but one no longer finished (queued again meanwhile); what
    was taken off."""
    gone: list[Download] = []
    with write_transaction(db) as conn:
        for download_id in dict.fromkeys(ids):
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM downloads WHERE id = ?", [download_id]
            ).fetchone()
            if row is not None and row[4] == "done":
                _forget_row(conn, row, keep_file=True)
                gone.append(_download(row))
    return gone


def ask_stop(db: Database, download_id: int, then: str) -> Download | None:
    """Ask the process running a download to stop it, then forget it ("forget": its .part
    kept) or delete its .part ("delete"); nothing is asked of one that is not running. Returns
    the download as it is (None: no such download)."""
    with write_transaction(db) as conn:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM downloads WHERE id = ?", [download_id]
        ).fetchone()
        if row is not None and row[4] == "downloading":
            conn.execute(
                "INSERT OR REPLACE INTO download_stops (download_id, next_step) VALUES (?, ?)",
                [download_id, then],
            )
    return _download(row) if row else None


def stop_asked(db: Database, download_id: int) -> str | None:
    """What a running download was asked to do once stopped ("forget", "delete"), or None."""
    row = db.execute(
        "SELECT next_step FROM download_stops WHERE download_id = ?", [download_id]
    ).fetchone()
    return row[0] if row else None


def end_stopped(db: Database, download_id: int, then: str) -> None:
    """A download stopped as asked: take it off the list; "forget" remembers its file (the .part
    it kept) for the same URL queued again."""
    with write_transaction(db) as conn:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM downloads WHERE id = ?", [download_id]
        ).fetchone()
        conn.execute("DELETE FROM download_stops WHERE download_id = ?", [download_id])
        if row is None:
            return
        conn.execute("DELETE FROM downloads WHERE id = ?", [download_id])
        if then == "forget":
            conn.execute("DELETE FROM forgotten_downloads WHERE path = ?", [row[5]])  # (older)
            conn.execute(
                "INSERT OR REPLACE INTO forgotten_downloads (url, path, size) VALUES (?, ?, NULL)",
                [row[1], row[5]],
            )
