"""Two newstui opening a new store at once (the app and a cron `fetch` on a first run): the one
that comes second waits for the other's tables and opens the store, never takes it for another
program's database, nor fails on the other's lock or schema."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from older_store import made_by_schema

from newstui.errors import StoreError
from newstui.library import Library
from newstui.model import Article
from newstui.store import open_db
from newstui.store.db import Database, write_transaction
from newstui.store.migrations import _take_step, migrate, upgrade_began, version_checked
from newstui.store.schema import MIGRATIONS, SCHEMA_VERSION
from newstui.store.sql_functions import add_text_functions
from newstui.store.wal import write_ahead_log


def test_a_store_another_newstui_creates_meanwhile_is_opened_not_refused_as_foreign(
    tmp_path, monkeypatch
):
    """The second read the store's version (0: nothing committed yet), then the first committed
    its first tables, then the second counted them: 'not a newstui database: a database of
    another program (15 tables of its own)' (tests/test_fetch.py's two fetches at once; 1 pair of
    opens in 140 under load)."""
    import newstui.store.opening

    path = tmp_path / "n.db"
    real = newstui.store.opening.schema_version_of
    others: list[sqlite3.Connection] = []
    reads = []

    def version_read_before_the_other_commits(conn: sqlite3.Connection) -> int:
        version = real(conn)
        reads.append(version)
        if len(reads) == 1:  # the other newstui creates the store right after this first read
            others.append(open_db(path).conn)
        return version

    monkeypatch.setattr(
        newstui.store.opening, "schema_version_of", version_read_before_the_other_commits
    )

    db = open_db(path)

    assert real(db.conn) == SCHEMA_VERSION
    monkeypatch.undo()
    library = Library(db)
    assert library.count() == 0
    library.close()
    others[0].close()


def test_a_new_store_another_newstui_is_writing_goes_into_wal_mode_once_that_write_is_done(
    tmp_path,
):
    """The switch writes the header from within a read, for which SQLite waits for no writer:
    the second of two fetches making one store failed at once, 'database is locked'."""
    path = tmp_path / "n.db"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA auto_vacuum = INCREMENTAL")  # its first page written, not in WAL mode
    other.execute("BEGIN IMMEDIATE")  # ... and its write lock held, as its own switch holds it
    conn = sqlite3.connect(path)
    pauses: list[float] = []

    def other_done(seconds: float) -> None:
        pauses.append(seconds)
        other.execute("COMMIT")

    write_ahead_log(conn, pause=other_done)

    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert len(pauses) == 1
    conn.close()
    other.close()


def test_an_upgrade_step_after_another_newstuis_step_runs_on_the_schema_that_step_left(tmp_path):
    """This newstui read the tables of schema 7, then another took the step to 8 (which drops
    quotes.text): step 9 adds it again, which the schema read before refused as a duplicate."""
    path = tmp_path / "n.db"
    made = made_by_schema(path, 7)
    made.commit()
    made.close()
    db = Database(sqlite3.connect(path, isolation_level=None))
    add_text_functions(db.conn)
    db.conn.execute("SELECT text FROM quotes").fetchall()  # this newstui's copy of the schema
    other = sqlite3.connect(path)  # another newstui, taking the step from 7
    add_text_functions(other)
    with other:
        for statement in MIGRATIONS[7]:
            other.execute(statement)
        other.execute("PRAGMA user_version = 8")
    other.close()

    with write_transaction(db) as conn:
        assert version_checked(conn) == 8
        for statement in MIGRATIONS[8]:
            conn.execute(statement)

    assert "text" in {row[1] for row in db.conn.execute("PRAGMA table_info(quotes)")}
    db.conn.close()


def store_of_schema_21(path: Path) -> None:
    """A store of one article as an older newstui left it, at schema 21 (its later steps can
    be replayed; 22 sketches every story again: a slow one)."""
    with Library.open(path) as library:
        source = library.register_source("https://gazette.example/feed", "Gazette")
        library.save_batch(source, [Article("Story", "Text of a story.", guid="1")])
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 21")


def test_an_open_finding_another_newstuis_upgrade_under_way_waits_for_it_and_says_so_once(
    tmp_path, monkeypatch
):
    """Hostile r46 L6: three commands opening one old store at once each said 'upgrading the
    store: 300 articles…', and two could each say they had upgraded it (r46 race). The one that
    finds another's step taken since it looked says it waits, once, and takes no step."""
    import newstui.store.migrations

    path = tmp_path / "n.db"
    store_of_schema_21(path)
    db, other = (Database(sqlite3.connect(path, isolation_level=None)) for _ in range(2))
    real = newstui.store.migrations.schema_version

    def read_before_the_others_first_step(read_by: Database) -> int:
        version = real(read_by)
        if read_by is db:  # the other newstui takes its first step right after
            with write_transaction(other) as conn:
                upgrade_began(conn, version)
                _take_step(conn, version)
        return version

    monkeypatch.setattr(
        newstui.store.migrations, "schema_version", read_before_the_others_first_step
    )
    said: list[object] = []

    def the_others_steps_go_on(seconds: float) -> None:
        said.append("paused")
        migrate(other)

    compacting = migrate(
        db,
        upgrading=lambda articles: said.append(("upgrading", articles)),
        first_step=lambda began, resumed: said.append(("first step", began)),
        waiting=lambda: said.append("waiting"),
        pause=the_others_steps_go_on,
    )

    assert said == ["waiting", "paused"]
    assert not compacting  # (nor does it compact the store the other upgraded)
    assert version_checked(db.conn) == SCHEMA_VERSION
    db.conn.close()
    other.conn.close()


# (looks at its process, 0.05 s apart; a holder that runs no newstui: a sqlite3 shell's UPDATE)
@pytest.mark.parametrize(("works_for", "runs"), [(16, "newstui"), (2, "newstui"), (40, "process")])
def test_an_open_waits_through_another_newstuis_long_upgrade_step_while_its_process_works(
    tmp_path, monkeypatch, works_for, runs
):
    """A step longer than the 30 s wait (schema 20's sketches of a large store) made a second
    newstui fail with the busy line (r46 openfix noticed): it waits while the upgrading process
    uses CPU time, and gives up, naming it, once it stops doing so (Ctrl-Z, hung). Any other
    holder is waited for 30 s, as before, without a word of an upgrade (review r47 H2, L1)."""
    import newstui.store.db
    import newstui.store.lock_holder

    path = tmp_path / "n.db"
    store_of_schema_21(path)
    db, other = (Database(sqlite3.connect(path, isolation_level=None)) for _ in range(2))
    other.conn.execute("BEGIN IMMEDIATE")  # the other newstui's long first step, under way
    upgrade_began(other.conn, 21)
    _take_step(other.conn, 21)
    monkeypatch.setattr(newstui.store.db, "BUSY_SECONDS", 0.3)  # (the 30 s wait; its line)
    monkeypatch.setattr(newstui.store.db, "BUSY_STEP_SECONDS", 0.05)
    looks: list[int] = []

    def upgrader_seen(store: str) -> tuple[int, int]:  # (its pid, its CPU time)
        looks.append(len(looks))
        if len(looks) == works_for == 16:
            other.conn.execute("COMMIT")  # its step done, after 0.8 s of lock waits
        return (4242, min(len(looks), works_for))

    monkeypatch.setattr(newstui.store.lock_holder, "holder_work", upgrader_seen)
    monkeypatch.setattr(newstui.store.lock_holder, "runs_what", lambda pid: runs)
    said: list[str] = []

    def waits() -> bool:
        migrate(db, waiting=lambda: said.append("waiting"), pause=lambda _: migrate(other))
        return version_checked(db.conn) == SCHEMA_VERSION

    if runs != "newstui":  # (0.3 s, though it works on: the busy line, from open_db)
        with pytest.raises(sqlite3.OperationalError, match="database is locked"):
            waits()
        assert said == [] and len(looks) < works_for
        other.conn.execute("COMMIT")
    elif works_for > 2:
        assert waits()
        assert said == ["waiting"]
    else:  # (its CPU time no longer grows: 0.3 s later this one gives up)
        with pytest.raises(StoreError, match=r"\(pid 4242\) has done nothing for 0.3 s, holding"):
            waits()
        other.conn.execute("COMMIT")
    db.conn.close()
    other.conn.close()


# (mid-step; between its steps; in the index rebuild after its last step, which open_db waits
# for after migrate)
@pytest.mark.parametrize("lock", ["held", "let go", "rebuilding"])
def test_quitting_while_waiting_for_another_newstuis_upgrade_ends_the_wait_within_a_second(
    tmp_path, monkeypatch, lock
):
    """Review r47 H1: q on the app's upgrade screen (open_db's `stop`) was seen only by SQLite's
    progress handler, which the wait's short statements never reach: the app went on waiting
    (its process alive after q) until the other's upgrade was over, ~50 s for a large store."""
    import newstui.store.db
    import newstui.store.index_repair
    import newstui.store.lock_holder

    path = tmp_path / "n.db"
    store_of_schema_21(path)
    other = sqlite3.connect(path, isolation_level=None)
    add_text_functions(other)
    other.execute("BEGIN IMMEDIATE")  # the other newstui's first step, under way
    upgrade_began(other, 21)
    _take_step(other, 21)
    if lock == "rebuilding":  # (its steps done, an index left to rebuild)
        other.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        other.execute("INSERT INTO index_rebuilds (name) VALUES ('articles_fts')")
        other.execute("COMMIT")
        other.execute("BEGIN IMMEDIATE")
    monkeypatch.setattr(newstui.store.db, "BUSY_SECONDS", 0.5)  # (the wait, the open's timeout)
    monkeypatch.setattr(newstui.store.db, "BUSY_STEP_SECONDS", 0.1)
    looks: list[int] = []

    def upgrader_seen(store: str) -> tuple[int, int]:  # (its pid, its CPU time: it works)
        if lock == "let go" and other.in_transaction:
            other.execute("PRAGMA user_version = 22")
            other.execute("COMMIT")  # its step done; its next one not yet begun
        looks.append(len(looks))
        return (4242, min(len(looks), 20))

    monkeypatch.setattr(newstui.store.lock_holder, "holder_work", upgrader_seen)
    monkeypatch.setattr(newstui.store.lock_holder, "runs_what", lambda pid: "newstui")
    stop = threading.Event()
    stopped_at: list[float] = []

    def q_pressed() -> None:  # as the upgrade screen says it waits
        stopped_at.append(time.monotonic())
        stop.set()

    if lock == "rebuilding":  # q as this open, finding the steps done, comes to the rebuild
        looked_at = newstui.store.index_repair.unusable_indexes

        def then_q(conn: sqlite3.Connection) -> dict[str, str]:
            found = looked_at(conn)
            q_pressed()
            return found

        monkeypatch.setattr(newstui.store.index_repair, "unusable_indexes", then_q)
    with pytest.raises(StoreError, match="the upgrade was stopped before it was done"):
        open_db(path, threads=True, stop=stop, upgrade_elsewhere=q_pressed)

    assert len(stopped_at) == 1 and time.monotonic() - stopped_at[0] < 1.0
    assert not list(tmp_path.glob("n.db.v*"))  # nor did it take the upgrade over (its copy)
    if other.in_transaction:
        other.execute("COMMIT")
    other.close()
