"""A database newstui cannot write, or must not: a file of another program is left as it is, and
a write the file refuses (read-only, the disk full) is one line naming the database, what is
kept and what to do; what was stored before stays whole."""

from __future__ import annotations

import os
import resource
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

import newstui.store.opening as opening
from newstui.errors import StoreError
from newstui.library import Library
from newstui.model import Article, SourceSpec
from newstui.store import open_db
from newstui.store.db import Database

TEXT = "The harbour wall will be rebuilt before winter, the council said on Monday. " * 20


def stored(path: Path, titles: list[str]) -> None:
    with Library.open(path) as library:
        source = library.register_source("https://gazette.example/feed", "Gazette")
        library.save_batch(source, [Article(t, TEXT, guid=t) for t in titles])


def titles_in(path: Path) -> list[str]:
    """The stored titles, read by a plain connection, once the file passed its checks."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return sorted(t for (t,) in conn.execute("SELECT title FROM articles"))
    finally:
        conn.close()


def test_another_programs_sqlite_database_is_refused_and_left_as_it_was(tmp_path):
    """A mistyped --db naming another program's database (a browser's history) got newstui's
    tables added and its journal switched to WAL, for good."""
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org/')")
    conn.commit()
    conn.close()
    before = path.read_bytes()

    with pytest.raises(StoreError) as refused:
        open_db(path)

    message = str(refused.value)
    assert message.startswith(f"{path}: not a newstui database: a database of another program")
    assert "\n" not in message and refused.value.source == str(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["places.sqlite"]  # no -wal, no -shm


def test_a_write_to_a_read_only_database_is_one_line_naming_it(tmp_path):
    """A store whose file cannot be written opens read-only (SQLite's fallback): it reads, and
    a write said 'database error: attempt to write a readonly database', naming nothing."""
    path = tmp_path / "news.db"
    stored(path, ["Harbour"])
    read_only = Database(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True))
    library = Library(read_only)

    assert library.count() == 1  # it reads
    with pytest.raises(StoreError) as refused:
        library.register_source("https://other.example/feed", "Other")

    message = str(refused.value)
    assert message.startswith(f"{path}: the database is read-only (")
    assert "cannot save changes" in message and "\n" not in message
    library.close()
    assert titles_in(path) == ["Harbour"]


def test_a_write_the_full_disk_refuses_is_one_line_and_keeps_what_was_stored(tmp_path):
    """SQLITE_FULL (here the file may not grow: the same error a full disk gives) said
    'database error: database or disk is full', naming nothing."""
    path = tmp_path / "news.db"
    stored(path, ["Harbour"])
    db = open_db(path)
    pages = db.conn.execute("PRAGMA page_count").fetchone()[0]
    db.conn.execute(f"PRAGMA max_page_count = {pages}")  # (the file may not grow)
    library = Library(db)
    source = library.register_source("https://gazette.example/feed", "Gazette")  # (stored)

    with pytest.raises(StoreError) as refused:
        library.save_batch(
            source, [Article(f"Pier {n}", TEXT + str(n), guid=str(n)) for n in range(200)]
        )

    message = str(refused.value)
    assert message.startswith(f"{path}: the disk is full (")
    assert "what was stored before is kept" in message and "\n" not in message
    assert not db.conn.in_transaction
    library.close()
    assert titles_in(path) == ["Harbour"]


def under_a_file_size_limit(work: Callable[[], object]) -> str:
    """What `work()` returns (or the StoreError it raises says) in a forked child whose files may
    not grow past 1 KiB, as under `ulimit -f 1` (a quota refuses the same writes)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # (the child: ends at os._exit, whatever happens)
        try:
            os.close(read)
            resource.setrlimit(resource.RLIMIT_FSIZE, (1024, resource.RLIM_INFINITY))
            try:
                said = str(work())
            except StoreError as exc:
                said = str(exc)
            os.write(write, said.encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as child:
        said = child.read().decode()
    os.waitpid(pid, 0)
    return said


def test_a_file_size_limit_is_said_so_and_a_command_that_only_reads_still_reads(
    tmp_path, monkeypatch
):
    """The write-ahead log's index (-shm) every reader maps could not grow: even `list` said
    the healthy store was 'not a usable newstui database: disk I/O error' (user test r45 M6)."""
    path = tmp_path / "news.db"
    stored(path, ["Harbour"])

    def count_read() -> int:
        with Library.open(path, reading=True) as library:
            return library.count()

    def count_read_unforeseen() -> int:  # (a quota: no limit to see before the first read)
        monkeypatch.setattr(opening, "_wal_index_fits", lambda: True)  # (in the child only)
        return count_read()

    assert under_a_file_size_limit(count_read) == "1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.db"]  # (no -shm, no -wal)
    assert under_a_file_size_limit(count_read_unforeseen) == "1"
    written = under_a_file_size_limit(lambda: Library.open(path).close())
    assert written.startswith(f"{path}: cannot write to the database's folder (disk I/O error")
    assert "a quota or a file-size limit?" in written and "not a usable" not in written
    assert titles_in(path) == ["Harbour"]


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root writes into a read-only folder: no read-only disk here"
)
def test_a_store_in_a_folder_that_cannot_be_written_opens_read_only(tmp_path):
    """SQLite cannot make the write-ahead log's index beside it: the open was refused ('cannot
    open the database for writing'), where the store can be read as it is on disk."""
    folder = tmp_path / "snapshot"
    folder.mkdir()
    path = folder / "news.db"
    stored(path, ["Harbour"])  # (closed: its write-ahead log copied in and gone)
    folder.chmod(0o555)
    try:
        with Library.open(path) as library:
            assert library.count() == 1
            with pytest.raises(StoreError) as refused:
                library.register_source("https://other.example/feed", "Other")
        assert str(refused.value).startswith(f"{path}: the database is read-only (")
        assert sorted(p.name for p in folder.iterdir()) == ["news.db"]
    finally:
        folder.chmod(0o755)


def test_a_read_only_store_registers_the_configured_feeds_it_holds_already(tmp_path):
    """Every command registers the configured feeds (`newstui feeds` lists them): a store
    holding them as configured was written all the same, so on a read-only store `feeds` and
    `fetch` said it cannot be saved, and a command waited for another process's write lock."""
    path = tmp_path / "news.db"
    specs = [
        SourceSpec(
            "https://gazette.example/feed",
            "Gazette",
            url="https://gazette.example/feed",
            tags=("local",),
            configured=True,
        ),
        SourceSpec(
            "https://wire.example/rss",
            "Wire",
            url="https://wire.example/rss",
            configured=True,
            titled=True,
        ),
    ]
    with Library.open(path) as library:
        ids = library.register_sources(specs)
    read_only = Library(Database(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)))

    assert read_only.register_sources(specs) == ids
    renamed = [specs[0], SourceSpec(specs[1].key, "Newswire", url=specs[1].url, configured=True)]
    with pytest.raises(StoreError, match="read-only"):  # a change is still written, or refused
        read_only.register_sources(renamed)
    read_only.close()
    with Library.open(path) as library:
        assert library.register_sources(renamed) == ids
        assert sorted(row.name for row in library.sources()) == ["Gazette", "Newswire"]
