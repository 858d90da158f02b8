"""Match sets: the article ids a query's text part matches, kept per connection in TEMP tables.

The app counts a view, finds the selected article's position and lists windows of it; each of
those statements would evaluate the same FTS5 expression again (a common word: ~90,000 rowids).
A match set is evaluated once and reused until anything in the database changes: another
connection's commit (PRAGMA data_version) or a write on this one (total_changes).
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from contextlib import suppress
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from newstui.store.db import Database
from newstui.store.index_checks import raise_unusable_index

MAX_SETS = 8  # tables kept per connection; the least recently used one goes first
TABLE_PREFIX = "newstui_matches_"


@dataclass
class _Sets:
    """One connection's match sets: (select, parameters) → TEMP table, valid for one state."""

    state: tuple[int, int] = (-1, -1)
    tables: OrderedDict[tuple[str, tuple[object, ...]], tuple[str, int]] = field(
        default_factory=OrderedDict
    )  # → (table, how many ids)
    serial: int = 0


_SETS: WeakKeyDictionary[Database, _Sets] = WeakKeyDictionary()


def _state(conn: sqlite3.Connection) -> tuple[int, int]:
    return int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes


def _drop(conn: sqlite3.Connection, table: str) -> None:
    # Still read by an unfinished statement: then it goes with the connection.
    with suppress(sqlite3.OperationalError):
        conn.execute(f"DROP TABLE IF EXISTS temp.{table}")


def match_set(
    db: Database, select: str, params: list[object]
) -> tuple[str, list[object], int | None]:
    """SQL for the distinct ids `select` yields (its one column), its parameters and how many:
    `SELECT id FROM` a TEMP table filled once for this state of the database; or `select` itself
    (count unknown) inside a transaction, where a table could be rolled back under the cache."""
    conn = db.conn
    if conn.in_transaction:
        return select, params, None
    sets = _SETS.setdefault(db, _Sets())
    state = _state(conn)
    if state != sets.state:
        for table, _ in sets.tables.values():
            _drop(conn, table)
        sets.tables.clear()
    key = (select, tuple(params))
    kept = sets.tables.get(key)
    if kept is None:
        while len(sets.tables) >= MAX_SETS:
            _drop(conn, sets.tables.popitem(last=False)[1][0])
        sets.serial += 1
        table = f"{TABLE_PREFIX}{sets.serial}"
        conn.execute(f"CREATE TEMP TABLE {table} (id INTEGER PRIMARY KEY)")
        try:
            size = conn.execute(f"INSERT INTO temp.{table} (id) {select}", params).rowcount
        except BaseException as exc:
            conn.rollback()
            _drop(conn, table)
            raise_unusable_index(db, exc, select)  # (a store that cannot be written, lacking one)
            raise
        conn.commit()  # only the TEMP table: no transaction was open before
        kept = sets.tables[key] = (table, size)
        # Filled as of the data_version read above; its own writes are this connection's.
        state = (state[0], conn.total_changes)
    sets.tables.move_to_end(key)
    sets.state = state
    return f"SELECT id FROM temp.{kept[0]}", [], kept[1]


def forget_match_sets(db: Database) -> None:
    """Drop this connection's match sets (the next query evaluates its text part again)."""
    sets = _SETS.pop(db, None)
    if sets is not None and not db.conn.in_transaction:
        for table, _ in sets.tables.values():
            _drop(db.conn, table)
