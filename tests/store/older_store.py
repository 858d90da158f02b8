"""A store as an older newstui made it, to test the upgrade from it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newstui.store.schema import MIGRATIONS
from newstui.store.sql_functions import add_text_functions


def made_by_schema(path: Path, version: int) -> sqlite3.Connection:
    """A store made by schema `version` (its tables, indexes and triggers, that user_version),
    open for the test to fill; the caller commits and closes it."""
    conn = sqlite3.connect(path)
    add_text_functions(conn)
    for statement in [s for migration in MIGRATIONS[:version] for s in migration]:
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    return conn
