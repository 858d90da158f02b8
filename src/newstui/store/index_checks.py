"""The indexes statements name (schema.NAMED_INDEXES) as a store holds them: which are missing,
made on other terms or whose name another object takes, and the line a statement needing one
fails with.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from typing import TYPE_CHECKING

from newstui.errors import StoreError
from newstui.store.failures import connection_file
from newstui.store.schema import NAMED_INDEXES

if TYPE_CHECKING:
    from pathlib import Path

    from newstui.store.db import Database


MISSING = "is missing (dropped, or left out by a repair tool)"
CHANGED = "is not the one newstui makes (made again on other terms, by hand or by another tool)"
TAKEN = (  # (with the kind of object: a table or a view share the names indexes take)
    "cannot be made: a {kind} of that name takes it, not newstui's (made by hand or by another "
    "tool)"
)
IDENTIFIER_QUOTES = str.maketrans("", "", '"`[]')


def unusable_indexes(conn: sqlite3.Connection) -> dict[str, str]:
    """The indexes statements name (schema.NAMED_INDEXES) that the store lacks (dropped by hand,
    or left out by a repair, `sqlite3 .recover`), holds under that name with another
    definition (hostile r46 M7: one on other columns made `list --tag` fail, "no query
    solution"), or cannot hold as a table or view takes the name (TAKEN: every open failed,
    "there is already a table named articles_fold"), each with what is wrong in words (MISSING,
    CHANGED, TAKEN). One read of the schema's own table; definitions compared as
    index_definition reads them."""
    held: dict[str, str | None] = {}
    taken: dict[str, str] = {}
    for kind, name, sql in conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'table', 'view') "
        f"AND name IN ({', '.join('?' * len(NAMED_INDEXES))})",
        list(NAMED_INDEXES),
    ):
        if kind == "index":
            held[name] = sql
        else:
            taken[name] = kind
    return {
        name: TAKEN.format(kind=taken[name])
        if name in taken
        else MISSING
        if name not in held
        else CHANGED
        for name, made_by in NAMED_INDEXES.items()
        if name not in held or index_definition(held[name]) != index_definition(made_by)
    }


def taken_name(path: Path | str, name: str, what: str) -> str:
    """The line a statement needing the index `name` fails with where a table or view of the
    user's holds its name (`what`: TAKEN's words): what to do, and that nothing is dropped."""
    kind = "view" if " a view " in what else "table"
    remedy = (
        f"ALTER TABLE {name} RENAME TO another_name"
        if kind == "table"
        else f"DROP VIEW {name}, then make it again under another name"
    )
    return (
        f"{path}: its index {name} {what}: this cannot be read without it; rename that {kind} "
        f"(sqlite3 {path} '{remedy}'), and newstui makes the index at its next open; newstui "
        f"leaves the {kind} as it is"
    )


@functools.lru_cache(maxsize=16)  # (the same few statements at each open)
def index_definition(sql: str | None) -> str:
    """A CREATE INDEX statement as compared: without IF NOT EXISTS (SQLite keeps none), its
    case, blanks and identifier quotes, which change nothing the index holds."""
    words = " ".join((sql or "").casefold().split())
    words = words.replace(" if not exists ", " ", 1)
    return "".join(words.translate(IDENTIFIER_QUOTES).split())


def raise_unusable_index(db: Database, exc: BaseException, sql: str = "") -> None:
    """For a statement that failed for want of an index the store lacks and this open could
    not make (a store that cannot be written: Database.unusable_indexes), raise StoreError in
    one line naming the store, the index and the remedy; else nothing. SQLite says "no such
    index: NAME" for a missing one, "no query solution" for one that cannot serve the query:
    one held on other terms (CHANGED), the one `sql` (the statement, where known) names first
    (review r47 L1: the first unusable one was named, a missing index the query never used)."""
    unusable = db.unusable_indexes
    if not unusable or not isinstance(exc, sqlite3.OperationalError):
        return
    text = str(exc)
    name = text.removeprefix("no such index: ")
    if name not in unusable:
        if text != "no query solution":
            return
        changed = [name for name, line in unusable.items() if CHANGED in line]
        named = [name for name in changed if re.search(rf"\bINDEXED BY {name}\b", sql)]
        name = (named or changed or list(unusable))[0]
    raise StoreError(unusable[name], source=connection_file(db.conn)) from exc
