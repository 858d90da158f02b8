"""The store's connection keeps sqlite-utils' write semantics without importing it."""

import re
import sqlite3

import pytest

from newstui.library import Library
from newstui.model import Article
from newstui.query import parse_query
from newstui.store.db import first_keyword, write_transaction
from newstui.store.opening import open_db
from newstui.store.row_statements import row_statements


def test_a_write_outside_a_transaction_is_committed_at_once(tmp_path):
    path = tmp_path / "n.db"
    db = open_db(path)
    db.execute("INSERT INTO sync_state (key, value) VALUES ('cursor', 'x')")
    other = sqlite3.connect(path)
    assert other.execute("SELECT value FROM sync_state WHERE key = 'cursor'").fetchone() == ("x",)
    other.close()
    db.conn.close()


def test_a_failed_write_leaves_no_transaction_open(tmp_path):
    db = open_db(tmp_path / "n.db")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO articles (id) VALUES (NULL)")
    assert not db.conn.in_transaction
    db.conn.close()


def test_writes_inside_a_write_transaction_wait_for_its_end(tmp_path):
    path = tmp_path / "n.db"
    db = open_db(path)
    other = sqlite3.connect(path)
    with write_transaction(db):
        db.execute("INSERT INTO sync_state (key, value) VALUES ('cursor', 'y')")
        assert other.execute("SELECT count(*) FROM sync_state").fetchone() == (0,)
    assert other.execute("SELECT count(*) FROM sync_state").fetchone() == (1,)
    other.close()
    db.conn.close()


def test_a_write_transaction_opened_inside_another_is_refused_and_commits_nothing(tmp_path):
    """A programming mistake: the inner one committed the outer one's writes half-way (a
    failure after it could no longer undo them) and began a transaction of its own."""
    path = tmp_path / "n.db"
    db = open_db(path)
    other = sqlite3.connect(path)
    with pytest.raises(sqlite3.ProgrammingError, match="inside another"), write_transaction(db):
        db.execute("INSERT INTO sync_state (key, value) VALUES ('outer', 'x')")
        with write_transaction(db):
            db.execute("INSERT INTO sync_state (key, value) VALUES ('inner', 'y')")
    assert other.execute("SELECT count(*) FROM sync_state").fetchone() == (0,)
    assert not db.conn.in_transaction
    with write_transaction(db):  # the next one, as usual
        db.execute("INSERT INTO sync_state (key, value) VALUES ('after', 'z')")
    assert other.execute("SELECT key FROM sync_state").fetchall() == [("after",)]
    other.close()
    db.conn.close()


def wal_bytes_after_writing(db, path, megabytes: int) -> int:
    """The write-ahead log's size after `megabytes` of rows, 100 KB a commit."""
    for _ in range(megabytes * 10):
        db.execute(
            "INSERT INTO sync_state (key, value) VALUES (hex(randomblob(16)), ?)", ["x" * 100_000]
        )
    return (path.parent / (path.name + "-wal")).stat().st_size


def test_bulk_writes_copy_the_log_into_the_database_less_often_then_as_before(tmp_path):
    path = tmp_path / "n.db"
    db = open_db(path)
    with Library(db).bulk_writes():
        during = wal_bytes_after_writing(db, path, 16)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    after = wal_bytes_after_writing(db, path, 16)
    db.conn.close()

    assert during > 16 * 10**6  # 16 MB of rows: not yet copied
    assert after < 10 * 10**6  # copied every 1,000 pages (8 MB), the log reused from its start


def test_the_log_a_fetch_grew_is_cut_back_once_copied_while_the_app_stays_open(tmp_path):
    """The log stayed at its peak (tens of MB after a cold fetch) until the app quit: SQLite
    reuses it from its start, and only the last connection's close removed it."""
    path = tmp_path / "n.db"
    log = path.parent / (path.name + "-wal")
    app = open_db(path)
    app.execute("SELECT count(*) FROM articles").fetchone()  # (the app reads: the store is open)
    fetch = open_db(path)
    with Library(fetch).bulk_writes():
        peak = wal_bytes_after_writing(fetch, path, 16)
    fetch.conn.close()  # the fetch's process ends; the app's connection holds the log on
    limit = app.execute("PRAGMA journal_size_limit").fetchone()[0]
    kept = log.stat().st_size
    app.execute("INSERT INTO sync_state (key, value) VALUES ('mark', 'read')")  # the next mark
    after = log.stat().st_size
    app.conn.close()

    assert peak > 16 * 10**6 and kept == peak  # copied, the file is left as it is...
    assert limit == 1000 * 8192  # (as much as the log holds between two checkpoints)
    assert after <= limit  # ... until the next write starts it again


def test_the_log_is_cut_back_at_the_next_mark_also_after_a_fetch_copied_it_midway(tmp_path):
    """The fetch's log reached its bound, was copied and reused from its start, and less than
    1,000 pages (the app's own checkpoint) were written since: the app's marks reused the
    41 MB file for ever."""
    path = tmp_path / "n.db"
    log = path.parent / (path.name + "-wal")
    app = open_db(path)
    app.execute("SELECT count(*) FROM articles").fetchone()
    fetch = open_db(path)
    with Library(fetch).bulk_writes():
        fetch.execute("PRAGMA wal_autocheckpoint = 1500")  # (~12 MB: its bound, for the test)
        fetch.execute("PRAGMA journal_size_limit = -1")
        peak = wal_bytes_after_writing(fetch, path, 14)  # copied at 12 MB, then 2 MB more
    fetch.conn.close()
    app.execute("INSERT INTO sync_state (key, value) VALUES ('mark', 'read')")
    after = log.stat().st_size
    app.conn.close()

    assert peak > 12 * 10**6
    assert after <= 1000 * 8192


def test_bulk_writes_cut_the_log_back_to_their_own_size_then_to_the_usual_one(
    tmp_path, monkeypatch
):
    from newstui.store import wal

    db = open_db(tmp_path / "n.db")
    monkeypatch.setattr(wal, "free_bytes", lambda path: 8 << 20)  # a nearly full disk

    def limit() -> int:
        return int(db.execute("PRAGMA journal_size_limit").fetchone()[0])

    before = limit()
    with Library(db).bulk_writes():
        during = limit()
    after = limit()
    db.conn.close()

    assert during == 2 << 20  # the log's bound on this disk: a quarter of what is free
    assert before == after == 1000 * 8192


def test_bulk_writes_keep_a_larger_page_cache_then_the_one_before(tmp_path):
    db = open_db(tmp_path / "n.db")
    db.execute("PRAGMA cache_size = -3000")  # 3,000 KiB, as a user's setting could be

    def cache_kib() -> int:
        return -int(db.execute("PRAGMA cache_size").fetchone()[0])

    with Library(db).bulk_writes():
        during = cache_kib()
        wal_bytes_after_writing(db, tmp_path / "n.db", 1)
    after = cache_kib()
    db.conn.close()

    assert during >= 4096  # the pages a cold fetch's saves go through stay in memory
    assert after == 3000


def test_a_checkpoint_beside_copies_the_log_into_the_database_while_writing_goes_on(tmp_path):
    path = tmp_path / "n.db"
    db = open_db(path)
    library = Library(db)
    with library.bulk_writes():
        wal_bytes_after_writing(db, path, 8)  # ~2,000 pages, in the log only
        before = path.stat().st_size
        with library.checkpoint_beside():
            wal_bytes_after_writing(db, path, 1)  # this connection writes on meanwhile
        after = path.stat().st_size
    count = db.execute("SELECT count(*) FROM sync_state").fetchone()[0]
    db.conn.close()

    assert before < 10**6
    assert after > 8 * 10**6  # the 8 MB copied into the database file
    assert count == 90


def test_a_changed_article_is_found_by_its_new_words_only(tmp_path):
    with Library.open(tmp_path / "n.db") as library:
        feed = library.register_source("local:/x", "X", kind="local")
        library.save_batch(feed, [Article("Zebra crossing", "About zebras.", guid="a")])
        library.save_batch(feed, [Article("Lion crossing", "About lions.", guid="a")])
        found = [[r.title for r in library.search(parse_query(w))] for w in ("zebra", "lion")]
    assert found == [[], ["Lion crossing"]]


@pytest.mark.parametrize(
    ("sql", "word"),
    [
        ("  select 1", "SELECT"),
        ("-- a comment\nUPDATE x SET y = 1", "UPDATE"),
        ("/* note */ ;BEGIN IMMEDIATE", "BEGIN"),
        ("/* never closed", ""),
    ],
)
def test_the_first_keyword_skips_blanks_and_comments(sql, word):
    assert first_keyword(sql) == word


def test_rows_of_any_count_are_written_by_a_few_statement_texts_in_order() -> None:
    # One text a count of rows filled sqlite3's statement cache (128 a connection) with
    # compiled statements of up to 250 rows: ~9 MiB more over a 100,000-article fill.
    texts: set[str] = set()
    for count in range(1, 600):
        rows = [(n, -n) for n in range(count)]
        statements = list(row_statements("INSERT INTO t (a, b)", rows, 250))
        texts.update(sql for sql, _ in statements)
        assert [v for _, params in statements for v in params] == [v for r in rows for v in r]
        assert all(sql.count("(?, ?)") * 2 == len(params) for sql, params in statements)
    assert len(texts) <= 9  # 250 rows, and 128, 64, … 1


def test_rows_after_the_full_statements_stay_one_statement_when_asked() -> None:
    # Each statement flushes a trigger-written full-text index (articles): their tail stays one.
    statements = list(
        row_statements("INSERT INTO t (a)", [(n,) for n in range(260)], 250, split_tail=False)
    )
    assert [len(params) for _, params in statements] == [250, 10]


def test_a_store_another_process_keeps_locked_while_it_upgrades_is_busy_not_unusable(
    tmp_path, monkeypatch
):
    """A first open that upgrades a large store can hold it for longer than a second process
    waits: the second says the store is busy, never that it is not a usable database."""
    import newstui.store.db
    import newstui.store.opening
    from newstui.errors import StoreError

    path = tmp_path / "n.db"
    open_db(path).conn.close()
    older = sqlite3.connect(path, isolation_level=None)
    older.execute("PRAGMA user_version = 19")  # an older store, for the first open to upgrade
    older.execute("BEGIN IMMEDIATE")  # as that first open holds it while it migrates

    def refused_at_once(conn: sqlite3.Connection) -> None:  # (as the WAL switch was, unretried)
        conn.execute("PRAGMA busy_timeout = 0")
        conn.execute("BEGIN IMMEDIATE")

    with monkeypatch.context() as switch, pytest.raises(StoreError) as at_once:
        switch.setattr(newstui.store.opening, "write_ahead_log", refused_at_once)
        open_db(path)
    assert re.fullmatch(
        rf"{re.escape(str(path))}: busy: refused after \d+\.\d s \(database is locked\): another "
        "process held a lock on it that SQLite does not wait for; try again once that process "
        "is done",
        str(at_once.value),
    )
    monkeypatch.setattr(newstui.store.db, "BUSY_SECONDS", 0.2)  # (the open's wait, its line)
    try:
        with pytest.raises(StoreError) as info:
            open_db(path)
    finally:
        older.execute("ROLLBACK")
    message = str(info.value)
    assert message.startswith(f"{path}: busy: another process kept it locked for 0.2 s")
    assert "not a usable" not in message
    open_db(path).conn.close()  # once it is free the store opens (and is upgraded)
    assert older.execute("PRAGMA user_version").fetchone()[0] > 19
    older.close()
