"""The indexes a user made on newstui's tables (`CREATE INDEX my_idx ON articles (author)` in
sqlite3, which restore takes: r48), kept across an upgrade step that rebuilds their table: a
step that makes a table anew and drops the old one (`DROP TABLE`) drops every index on it,
and one dropping a column a user's index names fails. Such a step's user indexes are dropped
before it and made again after it from their own statements; one that cannot be made again (it
names a column the step took away) is said in the upgrade's line, not kept silently lost."""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass

from newstui.store.failures import is_interrupt
from newstui.store.kept_stops import raise_kept_stop
from newstui.store.schema import MIGRATIONS

_MADE = re.compile(
    r"\bCREATE\s+(?:VIRTUAL\s+|UNIQUE\s+)?(?:TABLE|INDEX|VIEW|TRIGGER)\s+(?:IF\s+NOT\s+EXISTS\s+)?"
    r"(?:\w+\.)?[\"`\[]?(\w+)",
    re.IGNORECASE,
)
# What a step does to a table that drops the indexes on it, or fails on a user's one: a table
# of the store (not temp.) dropped, or a column dropped from it.
_REBUILT = re.compile(
    r"\bDROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?!temp\.)(?:main\.)?[\"`\[]?(\w+)"
    r"|\bALTER\s+TABLE\s+(?:main\.)?[\"`\[]?(\w+)[\"`\]]?\s+DROP\s+(?:COLUMN\s+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class UserIndex:
    """A user's own index: its name, its table and the statement that made it."""

    name: str
    table: str
    sql: str


@functools.cache
def newstui_names() -> frozenset[str]:
    """The name of each table, index, view and trigger some step of newstui makes (folded):
    an index named otherwise is a user's."""
    return frozenset(
        m.group(1).casefold() for step in MIGRATIONS for s in step for m in _MADE.finditer(s)
    )


def rebuilt_tables(statements: list[str]) -> frozenset[str]:
    """The tables (folded) a step's statements drop, or drop a column of."""
    return frozenset(
        (m.group(1) or m.group(2)).casefold() for s in statements for m in _REBUILT.finditer(s)
    )


def user_indexes(conn: sqlite3.Connection, tables: frozenset[str]) -> list[UserIndex]:
    """The user's own indexes on these tables (folded names), in the order SQLite lists them
    (SQLite's automatic ones have no statement, newstui's are named by its steps)."""
    if not tables:
        return []
    return [
        UserIndex(str(name), str(table), str(sql))
        for name, table, sql in conn.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        )
        if str(table).casefold() in tables and str(name).casefold() not in newstui_names()
    ]


def drop_user_indexes(conn: sqlite3.Connection, indexes: list[UserIndex]) -> None:
    """Drop these indexes before a step rebuilds their tables (their statements are kept)."""
    for index in indexes:
        conn.execute('DROP INDEX IF EXISTS "' + index.name.replace('"', '""') + '"')


def make_again(conn: sqlite3.Connection, indexes: list[UserIndex]) -> list[str]:
    """Make these indexes again after a step, each from its own statement (the table rebuilt
    under the same name); returns those that could not be, in words ("my_idx on quotes (no
    such column: text)"). A stop (Ctrl-C, `q`) is raised as it is."""
    lost = []
    for index in indexes:
        try:
            conn.execute(index.sql)
        except sqlite3.Error as exc:
            raise_kept_stop()  # Ctrl-C or SIGTERM in an SQL function: a stop
            if is_interrupt(exc):  # (`q` in the app: the step is rolled back)
                raise
            lost.append(f"{index.name} on {index.table} ({exc})")
    return lost
