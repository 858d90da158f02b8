"""How long newstui waits for another process's lock on the store is one figure,
store.db.BUSY_SECONDS, read when a wait starts or a line says it: the open's busy timeout, what
a command and the app say of a wait, and the line of a wait in vain all change with it."""

import sqlite3

import pytest

import newstui.store.db
from newstui import busy, library
from newstui.store.opening import close_db, open_busy, open_db


@pytest.fixture
def short_wait(monkeypatch) -> float:
    monkeypatch.setattr(newstui.store.db, "BUSY_SECONDS", 2.5)
    return 2.5


def test_a_store_opened_waits_as_long_as_the_one_figure_says(tmp_path, short_wait) -> None:
    db = open_db(tmp_path / "n.db")
    try:
        assert db.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 2500
    finally:
        close_db(db)
    assert library.busy_seconds() == short_wait


def test_what_a_wait_says_names_the_one_figure(tmp_path, short_wait) -> None:
    path = tmp_path / "n.db"
    said: list[str] = []
    busy.waiting_notice(path, said.append)()
    assert "waiting up to 2.5 s for it to finish" in said[0]
    assert "kept it locked for 2.5 s;" in str(busy.busy_error(path))
    refused = open_busy(path, sqlite3.OperationalError("database is locked"), waited=2.5)
    assert "another process kept it locked for 2.5 s" in str(refused)
