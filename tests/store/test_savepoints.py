"""Savepoints inside a write transaction (save_feeds saves each feed in one): a failure undoes
the savepoint's writes alone, but a stop (Ctrl-C, SIGTERM) inside one stops the command, and
the marks that say an index rebuild is due follow what the savepoint keeps or undoes."""

from __future__ import annotations

import pytest
from test_index_repair import fill, indexed, mended

import newstui.store.db as store_db
from newstui.store import open_db
from newstui.store.articles import save_feeds


def feed_id(db: store_db.Database, name: str) -> int:
    return int(db.execute("SELECT id FROM feeds WHERE name = ?", [name]).fetchone()[0])


def test_a_stop_inside_a_feeds_savepoint_stops_the_save_and_nothing_is_stored(
    tmp_path, monkeypatch
):
    """Ctrl-C while SQLite unpacked an old text in save_feeds' savepoint was swallowed: the
    savepoint's failure was the feed's result, and the save went on and committed."""
    db = open_db(tmp_path / "s.db")
    ids = fill(db)
    town, wharf = feed_id(db, "Town"), feed_id(db, "Wharf")
    decompress = store_db.zlib.decompress
    stops = [KeyboardInterrupt()]

    class StoppedOnce:
        error = store_db.zlib.error

        @staticmethod
        def decompress(data: bytes) -> bytes:
            if stops:
                raise stops.pop()
            return decompress(data)

    monkeypatch.setattr(store_db, "zlib", StoppedOnce)
    with pytest.raises(KeyboardInterrupt):
        save_feeds(db, [(town, mended("Ferry")), (wharf, mended("Pier"))])
    monkeypatch.undo()

    assert not stops  # (the stop was raised inside SQLite)
    assert not db.conn.in_transaction
    assert indexed(db, "mended") == []  # neither feed's save was committed
    assert indexed(db, "pilings") == [ids["Pier"]]
    db.conn.close()
