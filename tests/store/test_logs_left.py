"""The write-ahead log and its index a backup's connection leaves beside a read-only store go,
and only while no other process has the store open (review r48: the check of /proc/locks and
the unlinks were two steps, and a process opening the store between them lost its -shm)."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newstui.store import disk, lock_holder

HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("SELECT count(*) FROM t").fetchone()
print("open", flush=True)
sys.stdin.readline()
conn.execute("INSERT INTO t VALUES ('written while the backup ended')")
conn.commit()
conn.close()
"""


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A WAL store with nothing beside it."""
    path = tmp_path / "store.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES ('kept')")
    conn.commit()
    conn.close()
    assert not Path(f"{path}-wal").exists()
    return path


@pytest.fixture
def holder(store: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process that opens the store when started and writes to it when told."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()


def rows(store: Path) -> list[str]:
    conn = sqlite3.connect(store)
    try:
        return [r[0] for r in conn.execute("SELECT x FROM t ORDER BY rowid")]
    finally:
        conn.close()


def made_logs(store: Path, mode: int = 0o644) -> None:
    """An empty log and a zeroed index beside `store`, as a reading connection leaves them."""
    Path(f"{store}-wal").write_bytes(b"")
    shm = Path(f"{store}-shm")
    shm.write_bytes(bytes(32 * 1024))
    shm.chmod(mode)


def test_the_logs_no_process_uses_are_removed_even_an_index_made_read_only(store: Path) -> None:
    made_logs(store, 0o444)

    assert disk.remove_unused_logs(str(store))
    assert sorted(p.name for p in store.parent.iterdir()) == ["store.db"]
    assert rows(store) == ["kept"]


def test_a_store_another_process_opens_as_the_backup_ends_keeps_its_logs(
    store: Path, holder: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The process opens it after the look at /proc/locks (which says no one has it open):
    the lock on the index's DMS byte, not that look, decides, so its log and index stay and
    what it writes next is in the store."""
    monkeypatch.setattr(lock_holder, "opened_by_others", lambda path: False)
    with disk.no_logs_made(str(store)):
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"

    assert Path(f"{store}-wal").exists() and Path(f"{store}-shm").exists()
    assert holder.stdin is not None
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.wait(timeout=60) == 0
    assert rows(store) == ["kept", "written while the backup ended"]


def test_an_index_in_use_keeps_its_mode_and_a_log_holding_pages_stays(
    store: Path, holder: subprocess.Popen[str]
) -> None:
    assert holder.stdout is not None and holder.stdout.readline() == "open\n"
    shm = Path(f"{store}-shm")
    shm.chmod(0o444)

    assert not disk.remove_unused_logs(str(store))
    assert stat.S_IMODE(shm.stat().st_mode) == 0o444
    shm.chmod(0o644)
    assert holder.stdin is not None
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.wait(timeout=60) == 0

    made_logs(store)
    Path(f"{store}-wal").write_bytes(b"x" * 100)  # (a log with something in it is no leftover)
    assert not disk.remove_unused_logs(str(store))
    assert Path(f"{store}-wal").exists() and shm.exists()
