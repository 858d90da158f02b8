"""Whether a backup is a store newstui can safely put back (`newstui restore`): a backup is
untrusted input. Its schema must be the one newstui makes for its version, and its texts must
read (hostile r47 H1: a backup's own trigger deleted every article at the next fetch; M3: a
store whose tables newstui does not make, or holding a text no command could read, was
restored, and then every command failed).

The rule, for a backup of schema N (N up to this newstui's): every trigger, view and index and
every table newstui makes at schema N is there and as newstui makes it (its statement compared
blanks, case and identifier quotes aside, as db.index_definition reads one; full-text shadow
tables by their columns); nothing else is there but tables of the user's own, and indexes on
them or on newstui's tables (r48: a plain index only speeds up reads; one newstui's writes
would fail on, unique or calling a function newstui lacks, is refused), whose names newstui
never makes. Restore checks every backup at this newstui's schema:
an older one's copy is upgraded first, as the next open would (review r47 M2: compared with what
today's steps make at N, an older newstui's own stores were refused, some steps having been
written otherwise since), and what no step makes again is still there to find."""

from __future__ import annotations

import functools
import re
import sqlite3

from newstui.store.index_checks import index_definition
from newstui.store.schema import MIGRATIONS, NAMED_INDEXES
from newstui.store.sql_functions import add_text_functions
from newstui.store.user_indexes import newstui_names

Object = tuple[str, str]  # (type, name) in sqlite_master
PACKED = {("articles", "text"), ("articles", "summary"), ("articles", "links")}
"""The columns declared TEXT that newstui keeps as bytes where packing makes them shorter
(article_rows.packed_text, packed_links)."""
_COMMENT_OR_QUOTED = re.compile(
    r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|`(?:[^`]|``)*`|\[[^\]]*\]|--[^\n]*|/\*.*?(?:\*/|$)",
    re.DOTALL,
)


class _Made:
    """What newstui makes at one schema version: each object's table and statement as compared,
    the columns of each table, and the full-text indexes' shadow tables."""

    def __init__(self, version: int) -> None:
        conn = _made_in_memory(version)
        try:
            self.objects = _objects(conn)
            self.columns = {
                name: _columns(conn, name) for (kind, name) in self.objects if kind == "table"
            }
            self.texts = {  # (whether each column is declared a text)
                name: [
                    str(r[2]).upper().startswith("TEXT")
                    for r in conn.execute("SELECT * FROM pragma_table_xinfo(?)", [name])
                ]
                for name in self.columns
            }
        finally:
            conn.close()
        virtual = [
            n for (_, n), (_, sql) in self.objects.items() if sql.startswith("createvirtual")
        ]
        self.shadows = {n for n in self.columns if any(n.startswith(f"{v}_") for v in virtual)}


def _made_in_memory(version: int) -> sqlite3.Connection:
    """A store in memory as newstui makes it at schema `version`, with its SQL functions."""
    conn = sqlite3.connect(":memory:")
    add_text_functions(conn)  # (the steps' statements call them)
    for statement in (s for step in MIGRATIONS[:version] for s in step):
        conn.execute(statement)
    return conn


@functools.lru_cache(maxsize=2)
def _made(version: int) -> _Made:
    """What newstui makes at schema `version` (a store made in memory: ~50 ms for all steps)."""
    return _Made(version)


def _compared(sql: str | None) -> str:
    """A statement as compared: its comments out (an older newstui's differ: the articles
    table's told of fewer fulltext states), then as db.index_definition reads one."""
    return index_definition(_COMMENT_OR_QUOTED.sub(_uncommented, sql or ""))


def _uncommented(found: re.Match[str]) -> str:
    """A comment as a blank; a quoted string or name as it is."""
    return " " if found.group(0)[0] in "-/" else found.group(0)


def _objects(conn: sqlite3.Connection) -> dict[Object, tuple[str, str]]:
    """Each object of the database's schema (SQLite's own aside): its table and statement, as
    compared."""
    return {
        (kind, name): (table, _compared(sql))
        for kind, name, table, sql in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' "
            "ESCAPE '\\'"
        )
    }


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """The names of a table's columns, in order."""
    return [str(r[1]) for r in conn.execute("SELECT * FROM pragma_table_xinfo(?)", [table])]


def _quoted(name: str) -> str:
    """A name as an SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def unmade(conn: sqlite3.Connection, version: int) -> str | None:
    """What the store behind `conn` (of schema `version`) holds that newstui does not make at
    that version, or lacks of what it makes, in words (the first few); None when it is as
    newstui makes it. An index statements name (schema.NAMED_INDEXES) may be missing or other,
    and a table of the user's may take its name: each open deals with those (db.unusable_indexes)."""
    made = _made(version)
    held = _objects(conn)
    problems: list[str] = []
    for (kind, name), (table, sql) in held.items():
        if (kind, name) not in made.objects:
            own = kind in ("table", "index")
            if not own or (name.casefold() in newstui_names() and name not in NAMED_INDEXES):
                problems.append(f"{_a(kind)} {name} that newstui does not make")
            elif kind == "index" and ("table", table) in made.objects:
                breaks = _index_breaking_writes(conn, name, table, version)
                problems += [f"an index {name} on {table} {breaks}"] if breaks else []
        elif kind == "index" and name in NAMED_INDEXES:
            continue
        elif name in made.shadows:
            if _columns(conn, name) != made.columns[name]:
                problems.append(f"{_a(kind)} {name} that is not the one newstui makes")
        elif (table, sql) != made.objects[(kind, name)]:
            problems.append(f"{_a(kind)} {name} that is not the one newstui makes")
    lacks = [
        f"{kind} {name}"
        for (kind, name) in made.objects
        if (kind, name) not in held and name not in NAMED_INDEXES
    ]
    if lacks:
        problems.append(f"no {lacks[0]}" + (f" (and {len(lacks) - 1} more)" if lacks[1:] else ""))
    if not problems:
        return None
    more = f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
    return f"it holds {'; '.join(problems[:3])}{more} (schema {version})"


def _index_breaking_writes(
    conn: sqlite3.Connection, name: str, table: str, version: int
) -> str | None:
    """Why the user's own index `name` on newstui's `table` would make newstui's writes to it
    fail, in words, or None for one that cannot: a plain index only speeds up a read. A unique
    one refuses rows newstui writes; one on an expression, or a partial one, calling a function
    or naming a collation newstui's connections lack fails each write ("no such function"):
    its statement is made again, as is, on newstui's own schema in memory to find out."""
    if any(
        r[1] == name and r[2] for r in conn.execute("PRAGMA index_list(" + _quoted(table) + ")")
    ):
        return "that newstui's writes would fail on (it is unique)"
    (sql,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", [name]
    ).fetchone()
    made = _made_in_memory(version)
    try:
        made.execute(str(sql))
    except sqlite3.Error as exc:
        return f"that newstui's writes would fail on ({exc})"
    finally:
        made.close()
    return None


def _a(kind: str) -> str:
    """ "a table", "an index": a kind of schema object with its article."""
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def _not_utf8(value: bytes | None) -> bool:
    """Whether a text's bytes are no UTF-8 (SQLite keeps what it is given)."""
    try:
        (value or b"").decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def unreadable_text(conn: sqlite3.Connection, version: int) -> str | None:
    """Where the store behind `conn`, as newstui makes it at schema `version`, holds a text that
    is no UTF-8, which no command can read ("Could not decode to UTF-8": hostile r47 M3, a feed
    name), or bytes where newstui keeps a text (but where it keeps one packed: PACKED), which
    ended `list` or `feeds` in a traceback, in words; None when every text reads. One pass over
    each table."""
    made = _made(version)
    conn.create_function("not_utf8", 1, _not_utf8, deterministic=True)
    for (kind, table), (_, sql) in made.objects.items():
        if kind != "table" or sql.startswith("createvirtual") or table in made.shadows:
            continue
        tests: list[tuple[str, str]] = []  # (the test, what a value it finds is, in words)
        for name, text in zip(made.columns[table], made.texts[table], strict=True):
            column = _quoted(name)
            tests.append(
                (
                    f"typeof({column}) = 'text' AND not_utf8(CAST({column} AS BLOB))",
                    f"a text that is no UTF-8 (in column {name})",
                )
            )
            if text and (table, name) not in PACKED:
                tests.append(
                    (
                        f"typeof({column}) = 'blob'",
                        f"bytes where newstui keeps a text (in column {name})",
                    )
                )
        which = " ".join(f"WHEN {test} THEN {i}" for i, (test, _) in enumerate(tests))
        row = conn.execute(
            f"SELECT CASE {which} END FROM {_quoted(table)} "
            f"WHERE {' OR '.join(f'({test})' for test, _ in tests)} LIMIT 1"
        ).fetchone()
        if row is not None:
            return f"its table {table} holds {tests[int(row[0])][1]}"
    return None


def unreadable_index(conn: sqlite3.Connection, version: int) -> str | None:
    """The full-text index of the store behind `conn` (schema `version`) that cannot be searched
    (its settings or structure damaged: "invalid fts5 file format"), in words; None when each
    answers a search."""
    for (kind, name), (_, sql) in _made(version).objects.items():
        if kind == "table" and sql.startswith("createvirtualtable") and "fts5(" in sql:
            try:
                conn.execute(
                    f"SELECT rowid FROM {_quoted(name)} WHERE {_quoted(name)} MATCH 'newstui' "
                    "LIMIT 1"
                ).fetchall()
            except sqlite3.DatabaseError as exc:
                return f"its full-text index {name} cannot be searched ({exc})"
    return None
