"""Open the database with the right pragmas and bring its schema up to date."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from newstui.errors import StoreError
from newstui.store.schema import MIGRATIONS, SCHEMA_VERSION


def open_db(path: Path | str, *, threads: bool = False) -> sqlite_utils.Database:
    """Open (creating if needed) a newstui database: WAL, foreign keys, busy timeout, migrated."""
    memory = str(path) == ":memory:"
    if not memory:
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create database folder: {exc.strerror}") from exc
    try:
        conn = sqlite3.connect(str(path), timeout=30, check_same_thread=not threads)
        conn.execute("PRAGMA busy_timeout = 30000")
        if not memory:
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        db = sqlite_utils.Database(conn)
        migrate(db)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a usable newstui database: {exc}") from exc
    return db


def schema_version(db: sqlite_utils.Database) -> int:
    """The schema version stored in the database (0 for a new one)."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database) -> None:
    """Apply every migration newer than the database, each in its own transaction."""
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"database schema {version} is newer than this newstui understands ({SCHEMA_VERSION})"
        )
    for target, statements in enumerate(MIGRATIONS[version:], start=version + 1):
        # sqlite3 does not open a transaction before DDL: do it, so a killed migration leaves nothing.
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements:
                db.conn.execute(statement)
            db.conn.execute(f"PRAGMA user_version = {target}")
        except BaseException:
            db.conn.rollback()
            raise
        db.conn.commit()
