"""A user's own index on newstui's table (made in sqlite3; restore takes one since r48) outlives
an upgrade step that rebuilds its table: made again after the step, or, where it cannot be (it
names a column the step took away), named in the upgrade's line as gone."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from older_store import made_by_schema

import newstui.store.migrations as migrations
from newstui.render import store_upgraded_line
from newstui.store import open_db
from newstui.store.schema import MIGRATIONS, SCHEMA_VERSION


def indexes(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(
            conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            ).fetchall()
        )
    finally:
        conn.close()


def opened(path: Path) -> list[str]:
    """Open (upgrade) the store; the upgrade's lines."""
    said: list[str] = []
    open_db(path, upgraded=lambda upgrade: said.append(store_upgraded_line(upgrade))).conn.close()
    return said


def with_users_index(path: Path, version: int, *statements: str) -> None:
    conn = made_by_schema(path, version)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def rebuilding(table: str, path: Path, dropping: str = "") -> list[str]:
    """A later step's statements that rebuild `table` as schema steps do (a new table made,
    the rows copied, the old one dropped, the new one renamed, its own indexes made again),
    leaving out the column `dropping`."""
    conn = sqlite3.connect(path)
    (made,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
    ).fetchone()
    columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != dropping]
    own = [
        sql
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL AND name NOT LIKE 'my\\_%' ESCAPE '\\'",
            [table],
        )
    ]
    conn.close()
    new = f"{table}_next"
    create = re.sub(r"^CREATE TABLE (IF NOT EXISTS )?\S+", f"CREATE TABLE {new}", made.strip())
    if dropping:  # (the fixture's own column, added last)
        create = create.replace(f", {dropping} TEXT", "")
    listed = ", ".join(columns)
    return [
        create,
        f"INSERT INTO {new} ({listed}) SELECT {listed} FROM {table}",
        f"DROP TABLE {table}",
        f"ALTER TABLE {new} RENAME TO {table}",
        *own,
    ]


def test_a_real_step_rebuilding_a_table_keeps_the_users_index_on_it(tmp_path: Path) -> None:
    """Schema 21 rebuilds the downloads table: a user's index on it was dropped with it."""
    path = tmp_path / "old.db"
    mine = "CREATE INDEX my_states ON downloads (state, finished_at)"
    with_users_index(path, 20, mine)

    said = opened(path)

    assert indexes(path)["my_states"] == mine
    assert "gone" not in said[0]


def test_a_later_step_rebuilding_a_table_makes_the_users_indexes_on_it_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    mine = [
        "CREATE INDEX my_authors ON articles (author)",  # (on a table the step leaves alone)
        "CREATE INDEX my_states ON downloads (state, finished_at)",
        "CREATE INDEX my_recent ON downloads (queued_at) WHERE state = 'done'",
    ]
    with_users_index(path, SCHEMA_VERSION - 1, *mine)
    steps = list(MIGRATIONS)
    steps[-1] = [*steps[-1], *rebuilding("downloads", path)]
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)

    said = opened(path)

    assert {name: indexes(path)[name] for name in ("my_authors", "my_states", "my_recent")} == {
        statement.split()[2]: statement for statement in mine
    }
    assert indexes(path)["downloads_article"]  # (the step's own)
    assert "gone" not in said[0]


def test_an_index_on_a_column_a_step_drops_is_said_gone_and_the_upgrade_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step dropping a column that a user's index names failed ("error in index … after drop
    column"), and one rebuilding its table without the column lost the index unsaid."""
    path = tmp_path / "old.db"
    with_users_index(
        path,
        SCHEMA_VERSION - 1,
        "ALTER TABLE downloads ADD COLUMN note TEXT",  # (a column the next step takes away)
        "ALTER TABLE feeds ADD COLUMN note TEXT",
        "CREATE INDEX my_notes ON downloads (note)",
        "CREATE INDEX my_feed_notes ON feeds (note, name)",
        "CREATE INDEX my_states ON downloads (state)",
    )
    steps = list(MIGRATIONS)
    steps[-1] = [
        *steps[-1],
        *rebuilding("downloads", path, dropping="note"),
        "ALTER TABLE feeds DROP COLUMN note",
    ]
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)

    [said] = opened(path)

    assert said.endswith(
        ". Your own indexes my_notes on downloads (no such column: note) and my_feed_notes on "
        "feeds (no such column: note) are gone: the upgrade rebuilt their tables and could "
        "not make them again"
    )
    assert "my_states" in indexes(path) and "my_notes" not in indexes(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    conn.close()
