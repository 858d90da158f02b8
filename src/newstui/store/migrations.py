"""Bring a store's schema up to date: schema.py's MIGRATIONS taken step by step, each in its own
transaction, safe when two processes open a store at once; which upgrades are slow.
"""

from __future__ import annotations

import sqlite3
import time
from typing import TYPE_CHECKING

from newstui.errors import StoreError
from newstui.store import lock_holder
from newstui.store.cjk_words import CJK_GLOB
from newstui.store.db import busy_seconds, schema_version, write_transaction
from newstui.store.failures import connection_file, is_busy, newer_store
from newstui.store.kept_stops import raise_kept_stop
from newstui.store.lock_holder import HolderWatch
from newstui.store.schema import (
    FOLD_REINDEX_AT,
    LATER_CASE_REINDEX_AT,
    LATIN_BASE_REINDEX_AT,
    MIGRATIONS,
    NOT_ASCII_TERM,
    SCHEMA_VERSION,
    SPLIT_MARKS_AT,
)
from newstui.store.schema_v26_v31 import PREFIX_INDEX_AT, SPLIT_JOINS_AT
from newstui.store.search_fold import LATER_CASE_GLOB, LATIN_BASE_GLOB
from newstui.store.untold_upgrades import mark_untold
from newstui.store.user_indexes import drop_user_indexes, make_again, rebuilt_tables, user_indexes

if TYPE_CHECKING:
    import threading
    from collections.abc import Callable

    from newstui.store.db import Database


# Migrating an existing store to one of these versions frees a third of its pages or more (8:
# one copy of each text; 18: texts compressed, rows left half-empty where they were): rewrite it.
COMPACT_AT = (8, 18)
# Migrating an existing store to one of these versions makes its stories' sketches or band keys
# again (schema_v17_v25.py _V20, _V22): ~50 s for 20,000 articles, worth a line before it starts.
RESKETCH_AT = (20, 22)


# Migrating an existing store to these versions rebuilds its articles' index (28) and its quote
# index (30) when they hold a word with a CJK character (schema_v26_v31.py _V28, _V30): ~25 s
# for 50,000 articles (bench/cjk_search.py).
CJK_REINDEX_AT = (28, 30)
# Migrating a store of this many articles or more past SPLIT_MARKS_AT (49) reads every text
# for a mark its indexes split words at, and rebuilds them when one holds one: ~3 s CPU for
# 100,000 articles to read them (on a loaded machine, 2 cores), ~15 s more to rebuild (4.4 s
# CPU, 22 s wall for 30,000 articles): said before it starts. Fewer: under a second.
SPLIT_MARKS_SLOW_ARTICLES = 10_000


def slow_upgrade(version: int, conn: sqlite3.Connection | None = None) -> bool:
    """True when migrating an existing store of schema `version` sketches its stories again or
    rewrites the file (RESKETCH_AT, COMPACT_AT), or, given its connection, judges its joined
    stories again (SPLIT_JOINS_AT), rebuilds its articles' index (CJK_REINDEX_AT, FOLD_REINDEX_AT),
    fills its prefix index (PREFIX_INDEX_AT, any store with articles) or reads every text again
    (SPLIT_MARKS_AT, a store of SPLIT_MARKS_SLOW_ARTICLES): worth saying before it starts.
    Decided without reading every row (the other migrations add a column or change a few rows
    of feeds: 47, 50; 51 rebuilds the indexes only of a store whose words hold a letter of a
    later case, LATER_CASE_REINDEX_AT, found as a CJK word is; 55 those whose words hold a Latin
    letter search reads as others since, LATIN_BASE_REINDEX_AT: Ł, Ø, Æ)."""
    if any(0 < version < at <= SCHEMA_VERSION for at in (*RESKETCH_AT, *COMPACT_AT)):
        return True
    if conn is None:
        return False
    if 0 < version < SPLIT_JOINS_AT <= SCHEMA_VERSION and joined_stories(conn):
        return True
    if 0 < version < SPLIT_MARKS_AT <= SCHEMA_VERSION and _holds(conn, SPLIT_MARKS_SLOW_ARTICLES):
        return True
    if (
        0 < version < PREFIX_INDEX_AT <= SCHEMA_VERSION
        and conn.execute("SELECT EXISTS (SELECT 1 FROM articles)").fetchone()[0]
    ):
        return True  # the prefix index is filled from every text (~N s for 100,000 articles)
    if 0 < version < FOLD_REINDEX_AT <= SCHEMA_VERSION and not_ascii_indexed(conn):
        return True  # the indexes read again, folded (~N s for 80,000 articles)
    if 0 < version < LATER_CASE_REINDEX_AT <= SCHEMA_VERSION and cjk_indexed(conn, LATER_CASE_GLOB):
        return True  # (rare: Georgian Mtavruli, Cherokee small letters…) rebuilt, folded
    if 0 < version < LATIN_BASE_REINDEX_AT <= SCHEMA_VERSION and cjk_indexed(conn, LATIN_BASE_GLOB):
        return True  # (Danish, Norwegian, Polish, Icelandic… words) rebuilt, folded
    return any(0 < version < at <= SCHEMA_VERSION for at in CJK_REINDEX_AT) and cjk_indexed(conn)


def _holds(conn: sqlite3.Connection, articles: int) -> bool:
    """Whether the store holds `articles` articles or more: read up to that many ids of an
    index, not counted to the last."""
    sql = "SELECT EXISTS (SELECT 1 FROM articles LIMIT 1 OFFSET ?)"
    return bool(conn.execute(sql, [max(articles - 1, 0)]).fetchone()[0])


def joined_stories(conn: sqlite3.Connection) -> bool:
    """Whether the store holds a story of two versions or more: what schema 29 judges again
    (store.stories.split_boilerplate_joins reads their texts: ~5 s for 30,000 articles)."""
    return bool(
        conn.execute(
            "SELECT EXISTS (SELECT 1 FROM stories WHERE story_id != article_id)"
        ).fetchone()[0]
    )


def cjk_indexed(conn: sqlite3.Connection, glob: str = CJK_GLOB) -> bool:
    """Whether the articles' index holds a word with a CJK character (read from its list of
    words, not from the texts): what schemas 28 and 30 reindex (a quote's words are in its
    article's text, so a store with CJK quotes has CJK words in the articles' index). With
    `glob`, a word it matches (LATER_CASE_GLOB, LATIN_BASE_GLOB: what schemas 51, 55 reindex)."""
    conn.execute("DROP TABLE IF EXISTS temp.cjk_article_words")
    conn.execute(
        "CREATE VIRTUAL TABLE temp.cjk_article_words USING fts5vocab(main, articles_fts, row)"
    )
    try:
        return bool(
            conn.execute(
                "SELECT EXISTS (SELECT 1 FROM temp.cjk_article_words WHERE term GLOB ?)",
                [glob],
            ).fetchone()[0]
        )
    finally:
        conn.execute("DROP TABLE temp.cjk_article_words")


def not_ascii_indexed(conn: sqlite3.Connection) -> bool:
    """Whether the articles' index holds a word that is not ASCII (read from its list of
    words): what schema 48 reindexes, folded (a quote's words are in its article's text)."""
    conn.execute("DROP TABLE IF EXISTS temp.fold_words_ahead")
    conn.execute(
        "CREATE VIRTUAL TABLE temp.fold_words_ahead USING fts5vocab(main, articles_fts, row)"
    )
    try:
        return bool(
            conn.execute(
                f"SELECT EXISTS (SELECT 1 FROM temp.fold_words_ahead WHERE {NOT_ASCII_TERM})"
            ).fetchone()[0]
        )
    finally:
        conn.execute("DROP TABLE temp.fold_words_ahead")


def _added_before(statement: str, error: sqlite3.OperationalError) -> bool:
    """Whether `statement` adds a column the table has already (a step replayed, as every step
    from schema 19 on can be)."""
    return "ADD COLUMN" in statement and str(error).startswith("duplicate column name")


# While another process upgrades the store, this one waits: the version is read again after
# this pause (the lock held: each BUSY_STEP_SECONDS of the wait), and with no step of the other's
# for TAKE_OVER_SECONDS while the lock is free (the other was stopped) this one goes on with it.
UPGRADE_LOOK_SECONDS = 0.05
TAKE_OVER_SECONDS = 1.0


def migrate(
    db: Database,
    upgrading: Callable[[int], None] | None = None,
    first_step: Callable[[int, bool], None] | None = None,
    waiting: Callable[[], None] | None = None,
    pause: Callable[[float], object] = time.sleep,
    stop: threading.Event | None = None,
    lost_indexes: list[str] | None = None,
) -> bool:
    """Apply every migration newer than the database, each in its own transaction; True when
    this call took an existing store across a version of COMPACT_AT (worth a VACUUM).
    `upgrading(articles)` is called before this call's first step when an existing store with
    articles is up for a slow_upgrade; `first_step(version, resumed)` inside the first step's
    transaction, before it, when this call upgrades (the write lock held: no other process
    changes the store meanwhile), with the version the upgrade began at: an upgrade stopped
    partway (q, Ctrl-C) goes on at the next open, `resumed`, from a version in between that no
    released newstui wrote (upgrade_began).

    Safe when two processes open a database at once: each step re-reads the version under the
    write lock, so a step is applied once, and a new store is made in one step (one
    transaction): another process opening it meanwhile waits for the lock, then finds it whole.
    One that finds another's step taken since it looked leaves the upgrade to it and waits for
    its end (hostile r46 L6: three commands each said they upgraded): `waiting()` is called
    once then, for a slow upgrade, in `upgrading`'s place; it goes on with the steps left only
    where that upgrade stopped (no step for TAKE_OVER_SECONDS, the lock free), and `pause`s
    UPGRADE_LOOK_SECONDS between looks. `stop` set (open_db's: q in the app) ends that wait at
    the next look, within BUSY_STEP_SECONDS, as sqlite3.OperationalError "interrupted": its
    statements are too short for the progress handler that stops a step (review r47 H1: the
    app quit only once the other's upgrade was over, ~50 s for a large store).
    `lost_indexes` is given, in words, the user's own indexes a step rebuilding their table
    could not make again (user_indexes.make_again). An existing store's upgrade marks itself
    untold in its last step's transaction (untold_upgrades: what it changed is said once a
    person reads a run's output).
    """
    version = schema_version(db)
    start = version
    began: int | None = None
    if version > SCHEMA_VERSION:  # (open_db refuses it before: upgraded since by another)
        raise newer_store(connection_file(db.conn), version)
    articles = 0
    if (upgrading is not None or waiting is not None) and slow_upgrade(start, db.conn):
        articles = int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
    seen = version  # the version last read
    changed_at = -TAKE_OVER_SECONDS  # when another process's step was last seen
    other_upgrades = False
    told: list[Callable[[], None]] = [waiting] if waiting is not None else []
    holder = HolderWatch(connection_file(db.conn))
    upgrader: int | None = None  # the newstui whose work lets the wait go past BUSY_SECONDS
    runs_newstui: dict[int, bool] = {}

    def upgrades(pid: int | None) -> bool:  # (looked at once a process)
        if pid is not None and pid not in runs_newstui:
            runs_newstui[pid] = lock_holder.runs_what(pid) == "newstui"
        return pid is not None and runs_newstui[pid]

    def say_waiting(always: bool = False) -> None:  # once; for a slow upgrade or a long wait
        if always or articles:
            while told:
                told.pop()()

    def looked() -> bool:  # (while another process holds the lock)
        nonlocal seen, changed_at, upgrader
        raise_if_stopped(stop)
        try:
            now = version_checked(db.conn)
        except sqlite3.OperationalError as exc:  # (the log being recovered: looked at next)
            if not is_busy(exc):
                raise
            return False
        if now == seen:
            # a step of another newstui's upgrade longer than BUSY_SECONDS (schema 20's
            # sketches of a large store) is waited for while its process works; a stopped or
            # hung one is not, nor any other holder, for which the wait ends after BUSY_SECONDS
            # with the busy line (review r47 H2: a sqlite3 shell's long UPDATE held an open
            # 44 s, "waiting for the upgrade … another newstui is making"). A newstui holding
            # the lock of a store behind this schema is upgrading it: its first step's mark
            # (UPGRADE_BEGAN) and version are not committed before that step ends
            if not holder.working() or not upgrades(holder.pid):
                return False
            upgrader = holder.pid
            say_waiting(always=True)
            return True
        seen, changed_at = now, time.monotonic()
        say_waiting()
        return True

    db.while_busy = looked
    try:
        while version < SCHEMA_VERSION:
            raise_if_stopped(stop)  # (after a pause: before the next look, or taking over)
            # sqlite3 opens no transaction before DDL: this does, so a killed step leaves nothing
            with write_transaction(db) as conn:
                version = version_checked(conn)
                if version >= SCHEMA_VERSION:
                    break
                if version != seen:  # another process's step since this one looked
                    seen, changed_at = version, time.monotonic()
                other_upgrades = time.monotonic() - changed_at < TAKE_OVER_SECONDS
                if not other_upgrades:
                    if began is None:
                        if upgrading is not None and articles:
                            upgrading(articles)
                        told.clear()
                        began = upgrade_began(conn, version) if version else 0  # (new: one step)
                        if first_step is not None:
                            first_step(began, began != version)
                    for _ in range(SCHEMA_VERSION if version == 0 else 1):
                        lost = _take_step(conn, version)
                        if lost_indexes is not None:
                            lost_indexes += lost
                        version += 1
                    if version == SCHEMA_VERSION:  # done: the next upgrade begins afresh
                        conn.execute(f"DROP TABLE IF EXISTS {UPGRADE_BEGAN}")
                        if began:  # (an existing store's: what it changed is said to a person)
                            mark_untold(conn, began)
                    seen = version
            if other_upgrades:  # (the lock let go: the other takes its next step meanwhile)
                say_waiting()
                pause(UPGRADE_LOOK_SECONDS)
    except sqlite3.OperationalError as exc:
        if upgrader is None or holder.pid != upgrader or not is_busy(exc):
            raise  # (no newstui's upgrade waited for: the busy line)
        raise _upgrade_stuck(connection_file(db.conn), upgrader) from exc
    finally:
        db.while_busy = None
    return began is not None and any(0 < start < at <= version for at in COMPACT_AT)


def raise_if_stopped(stop: threading.Event | None) -> bool:
    """Raise sqlite3.OperationalError "interrupted", as the progress handler of open_db's
    `stop` does, once `stop` is set; else False (as a Database.while_busy: no progress seen).
    For waits of an open for another process's lock, whose short statements never reach that
    handler (review r47 H1)."""
    if stop is not None and stop.is_set():
        raise sqlite3.OperationalError("interrupted")
    return False


def _upgrade_stuck(path: str, pid: int) -> StoreError:
    """The line of an open that waited for another process's upgrade of the store, which worked
    for a while, then no more for BUSY_SECONDS, its lock held (stopped by Ctrl-Z, or hung)."""
    return StoreError(
        f"{path}: busy: the newstui upgrading it (pid {pid}) has done nothing for "
        f"{busy_seconds():g} s, holding its lock (stopped, or hung?); try again once it goes on or "
        "ends (an upgrade ended partway goes on at the next open)",
        source=path,
    )


def version_checked(conn: sqlite3.Connection) -> int:
    """The schema version, read by a statement that also checks the connection's copy of the
    schema against the store's, reading it again where another process changed the schema
    since. `PRAGMA user_version` checks nothing: under the write lock an upgrade step then ran
    on the tables of an earlier version, its ALTER TABLE refused as "duplicate column" (and
    passed over as a replayed step) a column another process's step had dropped: "no such
    column: text" (schema 9's: 2 of ~1,570 pairs and triples of opens of a new store, 26 pairs
    in 30 with 3 ms between steps), and an ALTER passed over so would leave a column out."""
    return int(
        conn.execute(
            "SELECT user_version, (SELECT count(*) FROM sqlite_master) FROM pragma_user_version"
        ).fetchone()[0]
    )


def _take_step(conn: sqlite3.Connection, version: int) -> list[str]:
    """Take the store from schema `version` to the next (MIGRATIONS), in the open transaction.
    The user's own indexes on a table the step rebuilds are made again after it (user_indexes);
    returns those that could not be, in words."""
    statements = MIGRATIONS[version]
    users = user_indexes(conn, rebuilt_tables(statements))
    drop_user_indexes(conn, users)
    for statement in statements:
        try:
            conn.execute(statement)
        except sqlite3.OperationalError as exc:
            if _added_before(statement, exc):
                continue  # (a step replayed: SQLite has no ADD COLUMN IF NOT EXISTS)
            raise_kept_stop()  # Ctrl-C or SIGTERM in an SQL function: a stop
            raise
    if version + 1 == SPLIT_JOINS_AT:
        from newstui.store.stories import split_boilerplate_joins

        split_boilerplate_joins(conn)
    lost = make_again(conn, users)
    conn.execute(f"PRAGMA user_version = {version + 1}")
    return lost


# The version the upgrade under way began at, one row kept from its first step to its last: a
# store at a version in between (an upgrade stopped by q or Ctrl-C) is known for one at the next
# open, which goes on from there (r44 appfix-d: it made a second `FILE.vN`, of that in-between
# store, which no released newstui wrote). A table of its own, dropped at the end: an older
# newstui sees none in a store it opens, and would pass over one.
UPGRADE_BEGAN = "upgrade_began"


def upgrade_began(conn: sqlite3.Connection, version: int) -> int:
    """The version the upgrade of the store (at `version`, in the first step's transaction)
    began at: `version`, marked now, unless a stopped upgrade marked an older one."""
    conn.execute(f"CREATE TABLE IF NOT EXISTS {UPGRADE_BEGAN} (version INTEGER NOT NULL)")
    row = conn.execute(f"SELECT max(version) FROM {UPGRADE_BEGAN}").fetchone()
    if row[0] is not None and int(row[0]) <= version:
        return int(row[0])
    conn.execute(f"DELETE FROM {UPGRADE_BEGAN}")
    conn.execute(f"INSERT INTO {UPGRADE_BEGAN} (version) VALUES (?)", [version])
    return version
