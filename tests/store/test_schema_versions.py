"""Store versions across newstui versions: a store a newer newstui upgraded is refused with one
line naming the file and both versions, and left as it is; an older one is upgraded once, each
step in a transaction of its own (a step that fails leaves the steps before it done)."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest
from test_index_repair import older_store

import newstui.store.index_checks as index_checks
import newstui.store.migrations as migrations
from newstui.errors import StoreError
from newstui.store import open_db
from newstui.store.schema import MIGRATIONS, NAMED_INDEXES, SCHEMA_VERSION


def newer_store(path: Path, *, wal: bool, version: int = SCHEMA_VERSION + 1) -> int:
    """A store of today's schema stamped as a newer newstui's (one version on; or `version`),
    kept in the write-ahead-log mode newstui sets or in SQLite's default rollback journal."""
    open_db(path).conn.close()
    conn = sqlite3.connect(path)
    if not wal:
        conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    return version


def files_beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


@pytest.mark.parametrize(
    ("wal", "version"),
    [(True, SCHEMA_VERSION + 1), (False, SCHEMA_VERSION + 1), (False, -5)],
    ids=["wal", "rollback-journal", "below-zero"],
)
def test_a_store_a_newer_newstui_upgraded_is_refused_in_one_line_and_left_as_it_is(
    tmp_path: Path, wal: bool, version: int
) -> None:
    """The line named neither the file nor the store's version as such ("database schema 28
    is newer …"), and the open first turned a store in rollback-journal mode into WAL (its
    header rewritten) and kept the connection. A version below 0, which no newstui writes, said
    "table feeds already exists" and left a FILE.v-5 copy (hostile r45 L5)."""
    path = tmp_path / "mine.db"
    newer = newer_store(path, wal=wal, version=version)
    before, files = path.read_bytes(), files_beside(path)

    with pytest.raises(StoreError) as refused:
        open_db(path)

    message = str(refused.value)
    assert message == (
        f"{path}: store version {newer} is newer than this newstui understands "
        f"({SCHEMA_VERSION}): a newer newstui upgraded it; it is left as it is: open it with "
        "that newstui"
        if version > 0
        else f"{path}: not a newstui database (its version is -5); it is left as it is"
    )
    assert "\n" not in message and refused.value.source == str(path)
    assert path.read_bytes() == before and files_beside(path) == files


def test_a_newer_store_on_a_read_only_disk_is_refused_as_newer(tmp_path, monkeypatch) -> None:
    """It said the store "needs upgrading to" this newstui's older version."""
    path = tmp_path / "mine.db"
    newer = newer_store(path, wal=True)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: mode != os.W_OK and real_access(p, mode))
    monkeypatch.setattr(sqlite3, "connect", read_only_connect(sqlite3.connect))

    with pytest.raises(StoreError, match=f"store version {newer} is newer than this newstui"):
        open_db(path)


def read_only_connect(connect):
    """sqlite3.connect where a file opened for writing cannot be (a read-only disk)."""

    def connecting(database, *args, **kwargs):
        if not kwargs.get("uri"):
            raise sqlite3.OperationalError("unable to open database file")
        return connect(database, *args, **kwargs)

    return connecting


def test_an_older_store_is_upgraded_step_by_step_and_a_failed_step_undoes_only_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    older_store(path, SCHEMA_VERSION - 3)
    failing = SCHEMA_VERSION - 2  # the second step
    steps = list(MIGRATIONS)
    steps[failing] = [*steps[failing], "SELECT no_such_function()"]
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)

    with pytest.raises(StoreError, match="no such function"):
        open_db(path)

    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (failing,)  # the first step kept
    conn.close()
    monkeypatch.undo()
    open_db(path).conn.close()  # the rest, at the next open
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert conn.execute("SELECT count(*) FROM index_rebuilds").fetchone() == (0,)  # (v27's)
    conn.close()


def test_an_upgraded_store_is_not_upgraded_again(tmp_path, monkeypatch) -> None:
    path = tmp_path / "old.db"
    older_store(path, SCHEMA_VERSION - 1)
    open_db(path).conn.close()
    # any step run again now fails the open
    monkeypatch.setattr(migrations, "MIGRATIONS", [["SELECT no_such_function()"]] * SCHEMA_VERSION)

    db = open_db(path)

    assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    db.conn.close()


def test_a_store_missing_an_index_its_statements_name_makes_it_again_at_open(
    tmp_path, monkeypatch
) -> None:
    """Hostile r45 M3: with `articles_fold` dropped (by hand, or left out by a repair tool),
    search, a tag's list and the counts said only "no such index: articles_fold". Hostile r46
    L1: where it cannot be made every command was refused; now only what needs it. M7: one of
    that name on other terms was kept, and `list --tag` said "no query solution"."""
    from test_stories import STORY, add, copy_of

    from newstui.library import Library
    from newstui.model import ArticleFilter
    from newstui.query import parse_query

    path = tmp_path / "s.db"
    with Library.open(path) as library:
        first = add(library, "wire", "Council to close three libraries", STORY, 30)
        add(library, "courier", "Libraries axed in budget squeeze", copy_of(STORY), 20)
        for feed in ("wire", "courier"):
            library.register_source(f"https://{feed}.example/feed", feed, tags=("News",))
        library.find_stories()
    conn = sqlite3.connect(path)
    for name in NAMED_INDEXES:
        conn.execute(f"DROP INDEX {name}")
    conn.commit()
    conn.close()
    lacking = "and its index articles_fold is missing (dropped, or left out by a repair tool)"
    with monkeypatch.context() as read_only:  # where it cannot be made: read, but what needs it
        real_access = os.access
        read_only.setattr(os, "access", lambda p, mode: mode != os.W_OK and real_access(p, mode))
        read_only.setattr(sqlite3, "connect", read_only_connect(sqlite3.connect))
        with Library.open(path) as library:
            assert [s.name for s in library.sources()] == ["courier", "wire"]
            with pytest.raises(StoreError) as refused:
                library.articles(ArticleFilter(tag="news"))
        mounted = os.statvfs_result((4096, 4096, 9, 9, 9, 9, 9, 9, os.ST_RDONLY, 255))
        read_only.setattr(os, "statvfs", lambda folder: mounted)
        with Library.open(path) as library, pytest.raises(StoreError, match=" read-only disk, "):
            library.smart_counts()
    with monkeypatch.context() as read_only_file:  # (opened so by SQLite: mode=ro)
        connect = sqlite3.connect
        read_only_file.setattr(
            sqlite3, "connect", lambda name, **kw: connect(f"file:{name}?mode=ro", uri=True, **kw)
        )
        with Library.open(path) as library:
            assert library.count() == 1
            with pytest.raises(StoreError, match=re.escape(f"read-only, {lacking}: this can")):
                library.tag_counts(library.sources())
    assert str(refused.value) == (  # (hostile r45 L5: a folder was called a read-only disk)
        f"{path}: in a read-only folder, {lacking}: this cannot be read without it; newstui "
        "makes it again where it can write: copy the store to a writable folder"
    )

    # a table of the user's in the index's name: every open failed ("there is already a table
    # named articles_fold"); now only what needs the index, in a line naming the table; it stays
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE articles_fold (mine TEXT)")  # (the index dropped above)
        conn.execute("INSERT INTO articles_fold VALUES ('kept')")
    with Library.open(path) as library:
        assert [s.name for s in library.sources()] == ["courier", "wire"]
        assert library.count() == 1
        with pytest.raises(StoreError) as taken:
            library.smart_counts()
    assert str(taken.value) == (
        f"{path}: its index articles_fold cannot be made: a table of that name takes it, not "
        "newstui's (made by hand or by another tool): this cannot be read without it; rename "
        f"that table (sqlite3 {path} 'ALTER TABLE articles_fold RENAME TO another_name'), and "
        "newstui makes the index at its next open; newstui leaves the table as it is"
    )
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT mine FROM articles_fold").fetchall() == [("kept",)]
        conn.execute("ALTER TABLE articles_fold RENAME TO my_folds")

    for other_terms in ("", "CREATE INDEX articles_fold ON articles (id) WHERE 0"):
        if other_terms:
            with sqlite3.connect(path) as conn:
                conn.executescript(f"DROP INDEX articles_fold; {other_terms}")
        with Library.open(path) as library:
            assert [r.id for r in library.search(parse_query("campaigners"))] == [first]
            assert [r.id for r in library.articles(ArticleFilter(tag="news"))] == [first]
            assert library.smart_counts().total == 1
            assert library.tag_counts(library.sources()) == [("News", 1, 1)]
            assert index_checks.unusable_indexes(library._db.conn) == {}

    # read-only, two indexes on other terms: a statement's "no query solution" names the one
    # it uses (review r47 L1: the first unusable one was named, even a missing one)
    with sqlite3.connect(path) as conn:
        conn.executescript(
            "DROP INDEX articles_analysis; DROP INDEX articles_fold; "
            "CREATE INDEX articles_analysis ON articles (id) WHERE 0; "
            "CREATE INDEX articles_fold ON articles (id) WHERE 0"
        )
    with monkeypatch.context() as read_only_file:
        read_only_file.setattr(
            sqlite3, "connect", lambda name, **kw: connect(f"file:{name}?mode=ro", uri=True, **kw)
        )
        with Library.open(path) as library, pytest.raises(StoreError) as changed:
            library.tag_counts(library.sources())
    assert "read-only, and its index articles_fold is not the one newstui makes" in str(
        changed.value
    )


def test_every_index_the_stores_statements_name_is_made_again_when_missing() -> None:
    named = {
        name
        for module in Path(migrations.__file__).parent.parent.rglob("*.py")  # (every module)
        for name in re.findall(r"INDEXED BY (\w+)", module.read_text("utf-8"))
    }
    assert named == set(NAMED_INDEXES)


def upgraded_by_a_newer_newstui(path: Path) -> str:
    """A store of today's schema that a newer newstui upgraded, as it does: the copy of the
    store at today's version kept beside it first (`FILE.vN`, by the upgrade's own KeptCopy),
    then the store stamped one version on. Returns the copy's name."""
    from newstui.store.backup import copy_store
    from newstui.store.upgrade_copies import KeptCopy

    open_db(path).conn.close()
    kept = KeptCopy(str(path), keep=True, written=0, copy_store=copy_store, spare=0)
    kept.make(SCHEMA_VERSION)
    assert kept.upgrade is not None and kept.upgrade.copy == f"{path}.v{SCHEMA_VERSION}"
    newer_store(path, wal=True)
    return kept.upgrade.copy


def test_a_store_a_newer_newstui_upgraded_names_the_copy_it_kept_for_this_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """User test r48 LOW-34: refused by the upgraded store, an older newstui (a cron line still
    calling its venv) was not told of the copy the upgrade kept for it, nor how to read it."""
    from newstui.cli.main import main

    path = tmp_path / "news store.db"
    copy = upgraded_by_a_newer_newstui(path)
    before = path.read_bytes()

    with pytest.raises(StoreError) as refused:
        open_db(path)

    assert str(refused.value) == (
        f"{path}: store version {SCHEMA_VERSION + 1} is newer than this newstui understands "
        f"({SCHEMA_VERSION}): a newer newstui upgraded it; it is left as it is: open it with "
        "that newstui, or read the store as it was before that upgrade, in the copy it kept "
        f"for this newstui: --db '{copy}'"
    )
    assert path.read_bytes() == before
    assert main(["--db", str(path), "list"]) != 0
    assert f"--db '{copy}'" in capsys.readouterr().err
    # the command it gives reads the copy here, which is left at this version
    assert main(["--db", copy, "list", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    conn.close()


def test_a_newer_store_names_no_copy_where_none_of_this_version_is_kept(tmp_path: Path) -> None:
    """A copy of another version (an earlier upgrade's), or a file in the copy's place that is
    no copy, is not offered: only a store this newstui reads as it is."""
    path = tmp_path / "mine.db"
    newer_store(path, wal=True)
    (tmp_path / f"mine.db.v{SCHEMA_VERSION}").write_text("not a database")
    older = tmp_path / f"mine.db.v{SCHEMA_VERSION - 1}"
    conn = sqlite3.connect(older)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()

    with pytest.raises(StoreError) as refused:
        open_db(path)

    assert str(refused.value).endswith("open it with that newstui")
