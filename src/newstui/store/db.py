"""`Database`, the store's connection, and its transactions.

`Database` is the standard library's sqlite3 with sqlite-utils' `execute` semantics (a write
outside a transaction commits at once). The store never used anything else of sqlite-utils,
whose import (plugins, dateutil) cost more than a quick command. Opening a store is
`store.opening.open_db`.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from newstui.store.failures import is_busy, raise_refused_write
from newstui.store.index_checks import raise_unusable_index
from newstui.store.kept_stops import raise_kept_stop, signals_kept
from newstui.store.schema_sql import INDEX_REBUILDS, PREFIX_INDEX
from newstui.store.sql_functions import add_name_functions, add_text_functions

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator


Parameters = Sequence[Any] | dict[str, Any]
TRANSACTION_CONTROL = frozenset({"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})
BUSY_SECONDS = 30.0  # how long a connection waits for another process's write to end
BUSY_STEP_SECONDS = 0.5  # the steps of a wait the user is told of (see _begin_immediate)
FIRST_WORD = re.compile(r"(?:\s|;|\ufeff|--[^\n]*(?:\n|$)|/\*.*?\*/)*([A-Za-z_]*)", re.DOTALL)


def busy_seconds() -> float:
    """How long a connection waits for another process's write to end: BUSY_SECONDS as it is
    when asked. Every wait outside this module reads it here, so a test shortens it in one place."""
    return BUSY_SECONDS


def busy_step_seconds() -> float:
    """The steps of a wait the user is told of: BUSY_STEP_SECONDS as it is when asked."""
    return BUSY_STEP_SECONDS


class Database:
    """A sqlite3 connection the store runs its SQL on. `execute` commits a write that opened
    an implicit transaction (and rolls it back if it failed), like sqlite-utils' `execute`;
    inside `write_transaction` statements join its transaction. Write through these two, not
    `with db.conn:` and `conn.execute`: a full-text index a write leaves out of step (a
    damaged text's words) is rebuilt before their commit, and a rollback forgets it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # as sqlite-utils did: REPLACE's deletes fire the delete triggers (full-text index)
        conn.execute("PRAGMA recursive_triggers = ON")
        add_name_functions(conn)
        self.known_texts = add_text_functions(conn)
        # the prefix index's fill (schema 31) is still marked, not done: prefixes are matched
        # by stems meanwhile (query_sql.prefixes_stemmed); see rebuild_marked
        self.prefix_pending = False
        self.in_write_transaction = False  # its end rebuilds: once, not after each statement
        self.merges_set = False  # the article indexes' AUTOMERGE: seen set and committed
        self.merges_pending = False  # ... set in the open transaction (merge_fewer_times)
        # Called once, before a write transaction waits longer than BUSY_STEP_SECONDS for
        # another process's write (a command says it waits); None: waits are silent.
        self.on_busy: Callable[[], None] | None = None
        # Called between those steps (set: the wait goes in steps, as for on_busy); True where
        # the lock's holder was seen making progress (its upgrade's steps): the wait starts again.
        self.while_busy: Callable[[], bool] | None = None
        # indexes statements name that the store lacks and this open could not make (it cannot
        # write the file): name -> the line a statement needing one fails with (raise_unusable…)
        self.unusable_indexes: dict[str, str] = {}

    def execute(self, sql: str, parameters: Parameters | None = None) -> sqlite3.Cursor:
        """Run one statement; a write that is not part of an open transaction is committed.
        A full-text index the statement (or the open transaction) left out of step is rebuilt
        after it, in its transaction (inside write_transaction, at the block's end). One that a write outside this class left marked after
        its commit is rebuilt before it, in a write transaction of its own: a read never
        opens a transaction it leaves open (holding the write lock), and a write that returns
        rows is refused outside a transaction (ProgrammingError, rolled back)."""
        conn = self.conn
        was_in_transaction = conn.in_transaction
        if self.known_texts.stale and not was_in_transaction:
            with write_transaction(self):  # rebuilt at its end
                pass
        try:
            cursor = conn.execute(sql) if parameters is None else conn.execute(sql, parameters)
            if conn.in_transaction and not self.in_write_transaction:
                self.rebuild_stale()  # (a COMMIT run here leaves its marks to the next call)
        except BaseException as exc:  # Ctrl-C too: the statement is undone, its lock not kept
            if not was_in_transaction and conn.in_transaction:
                self.roll_back()  # nothing would ever commit what the failure began
            raise_kept_stop()
            raise_refused_write(conn, exc)
            raise_unusable_index(self, exc, sql)
            raise
        if (
            not was_in_transaction
            and conn.in_transaction
            and first_keyword(sql) not in TRANSACTION_CONTROL
        ):
            if cursor.description is not None:  # its rows unread: SQLite refuses the COMMIT
                self.roll_back()
                raise sqlite3.ProgrammingError(
                    "a write that returns rows (RETURNING) runs inside write_transaction: "
                    "outside one, nothing would commit it and its write lock would stay held"
                )
            conn.execute("COMMIT")
        return cursor

    def rebuild_stale(self) -> None:
        """Rebuild each full-text index a trigger marked out of step since the last call (a
        deleted or changed row's old text did not unpack, so its words could not be taken
        out: schema 26), once, however many rows marked it; inside the open transaction."""
        stale = self.known_texts.stale
        if not stale:
            return
        # (each once: the articles' index's rebuild also rebuilds its prefix index)
        for statement in dict.fromkeys(st for name in sorted(stale) for st in INDEX_REBUILDS[name]):
            self.conn.execute(statement)
        if PREFIX_INDEX in stale or "articles_fts" in stale:  # (which rebuilds both)
            self.prefix_pending = False
        # the marks the writes kept in the store (schema 27), gone with the rebuild they asked
        self.conn.execute(
            "DELETE FROM index_rebuilds WHERE name IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(stale))],
        )
        stale.clear()

    def roll_back(self, due: Iterable[str] = (), savepoint: str = "") -> None:
        """Roll back the open transaction (or only its `savepoint`, then released) and forget
        the index rebuilds its writes asked for (undone with them); `due`: the marks of writes
        made before it began, kept."""
        if savepoint:
            self.conn.execute(f"ROLLBACK TO {savepoint}")
            self.conn.execute(f"RELEASE {savepoint}")
        else:
            self.conn.rollback()
        stale = self.known_texts.stale
        stale.clear()
        stale.update(due)


def first_keyword(sql: str) -> str:
    """The first keyword of a statement, upper-cased, after blanks, comments and empty
    statements ("" when there is none)."""
    match = FIRST_WORD.match(sql)
    return match.group(1).upper() if match else ""


def run_while_busy(conn: sqlite3.Connection, sql: str, between: Callable[[], bool | None]) -> None:
    """Run `sql`, again after `between()` each time another process's lock refuses it
    (SQLITE_BUSY), until BUSY_SECONDS have passed (since `between()` last returned True: the
    lock's holder makes progress): then its error is raised."""
    started = time.monotonic()
    while True:
        try:
            conn.execute(sql)
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() - started >= BUSY_SECONDS:
                raise
        if between() is True:
            started = time.monotonic()


@contextmanager
def write_transaction(
    db: Database, *, check_references: bool = True
) -> Iterator[sqlite3.Connection]:
    """A transaction that takes the write lock at once (BEGIN IMMEDIATE), so two processes
    writing the same rows wait for each other instead of failing half-way. A full-text index
    the block's statements left out of step is rebuilt once at its end (Database.rebuild_stale),
    and so is one a write committed outside Database left marked.

    `check_references=False` turns the foreign-key checks off for this transaction only (for
    a writer that takes every id it writes from rows it has read or written in it: each
    checked row costs two b-tree look-ups; and no delete of it cascades).

    One opened inside another on the same connection is refused (sqlite3.ProgrammingError, a
    programming mistake): it would commit the outer one's writes half-way."""
    if db.in_write_transaction:
        raise sqlite3.ProgrammingError(
            "write_transaction opened inside another on the same connection: it would commit "
            "the outer one's writes half-way; write inside the outer block, or in a savepoint"
        )
    conn = db.conn
    if conn.in_transaction:  # raw writes' (`conn.execute`): ended as a block of this ends
        db.rebuild_stale()
        conn.commit()
    due = frozenset(db.known_texts.stale)  # marks of committed writes: not undone by a rollback
    db.merges_pending = False
    checked = check_references or not conn.execute("PRAGMA foreign_keys").fetchone()[0]
    if not checked:
        conn.execute("PRAGMA foreign_keys = OFF")  # outside a transaction, or it is a no-op
    try:
        _begin_immediate(db)
        db.in_write_transaction = True
        try:
            with signals_kept():  # a Ctrl-C at an SQL function's entry: a stop, not an error
                yield conn
                db.rebuild_stale()  # an index the block left out of step, once
            conn.commit()
            db.merges_set = db.merges_set or db.merges_pending
        except BaseException as exc:
            db.roll_back(due)
            if isinstance(exc, sqlite3.Error):
                raise_kept_stop()
                raise_refused_write(conn, exc)
                raise_unusable_index(db, exc)
            raise
    finally:
        db.in_write_transaction = False
        db.merges_pending = False
        if not checked:
            conn.execute("PRAGMA foreign_keys = ON")


def _begin_immediate(db: Database) -> None:
    """BEGIN IMMEDIATE: wait up to BUSY_SECONDS for another process's write. With `on_busy`
    set, the wait goes in steps of BUSY_STEP_SECONDS: `on_busy` is called once the first
    step is over, and a signal (Ctrl-C, SIGTERM) is handled between steps, where one wait
    held it until the lock came or the 30 s were over."""
    conn = db.conn
    if db.on_busy is None and db.while_busy is None:
        conn.execute("BEGIN IMMEDIATE")
        return

    def told_once() -> bool:
        if db.on_busy is not None:
            told, db.on_busy = db.on_busy, None  # once a connection
            told()
        return db.while_busy is not None and db.while_busy()

    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_STEP_SECONDS * 1000)}")
    try:
        run_while_busy(conn, "BEGIN IMMEDIATE", told_once)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")


@contextmanager
def savepoint(db: Database, name: str) -> Iterator[None]:
    """A part of the open transaction that a failure undoes alone (the failure is raised, and
    the transaction goes on): its writes, and the index rebuilds they asked for. Where the
    failure undid the whole transaction (SQLite does on some), a caller must raise it too. A stop
    (Ctrl-C, SIGTERM) that an SQL function kept is raised as itself, as write_transaction
    does, so a caller that goes on after a failed part (save_feeds) does not go on after it."""
    due = frozenset(db.known_texts.stale)
    db.conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException as exc:
        if db.conn.in_transaction:  # (else SQLite undid the whole transaction: an interrupt, at
            db.roll_back(due, savepoint=name)  # times a full disk; its caller must not go on)
        if isinstance(exc, sqlite3.Error):
            raise_kept_stop()
        raise
    db.conn.execute(f"RELEASE {name}")


def data_version(db: Database) -> int:
    """A number that changes whenever another connection commits to the database."""
    return int(db.execute("PRAGMA data_version").fetchone()[0])


def application_id(db: Database) -> int:
    """The number an application stored in the database header (0 when none did)."""
    return int(db.execute("PRAGMA application_id").fetchone()[0])


def set_application_id(db: Database, value: int) -> None:
    """Mark the database header as belonging to an application (e.g. the rebuildable demo)."""
    db.execute(f"PRAGMA application_id = {int(value)}")


def schema_version(db: Database) -> int:
    """The schema version stored in the database (0 for a new one)."""
    return schema_version_of(db.conn)


def schema_version_of(conn: sqlite3.Connection) -> int:
    """The schema version stored behind a connection."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])
