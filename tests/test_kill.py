"""Killing `newstui fetch` at any moment leaves a database that opens, with no half-written article."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newstui.store import open_db

FEEDS = 30
ENTRIES = 200
# Kill windows in seconds after start, from import time through parsing, storing and analysis.
KILL_WINDOWS = ((0.2, 0.8), (0.8, 1.6), (1.6, 2.6), (2.6, 3.6), (3.6, 4.8))
# Until newstui.nlp can analyse, the child process runs the CLI with analysis switched off.
WITHOUT_ANALYSIS = (
    "import sys, newstui.ingest.pipeline, newstui.cli.main;"
    "newstui.ingest.pipeline.analyse_pending = lambda *a, **k: 0;"
    "sys.exit(newstui.cli.main.main(sys.argv[1:]))"
)


def nlp_available() -> bool:
    try:
        from newstui.nlp import canonical_key, get_extractor  # noqa: F401

        get_extractor("rules")
    except Exception:
        return False
    return True


def feed_body(feed: int, edition: int) -> bytes:
    """A feed of ENTRIES items; every tenth item's title and text change with each edition."""
    items = []
    for j in range(ENTRIES):
        changed = edition if j % 10 == 0 else 0
        text = f"Story {j} of feed {feed}, edition {changed}: the harbour reopens."
        items.append(
            f"<item><title>Feed {feed} story {j} edition {changed}</title>"
            f"<link>https://kill.example/{feed}/{j}</link><guid>{feed}-{j}</guid>"
            f"<pubDate>Mon, 18 Nov 2026 09:{j % 60:02d}:00 GMT</pubDate>"
            f"<description><![CDATA[<p>{text}</p>]]></description></item>"
        )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>'
        f"{''.join(items)}</channel></rss>"
    ).encode()


def serve_editions(feed_server, edition: int) -> None:
    for i in range(FEEDS):
        feed_server.route(
            f"/k{i}",
            body=feed_body(i, edition),
            headers={"Content-Type": "application/rss+xml"},
            delay=0.8 if i % 6 == 0 else 0.0,
        )


def fetch_command(db_path: Path, config: Path) -> list[str]:
    args = ["--db", str(db_path), "--config", str(config), "fetch"]
    if nlp_available():
        return [sys.executable, "-m", "newstui", *args]
    return [sys.executable, "-c", WITHOUT_ANALYSIS, *args]


def check_database(db_path: Path) -> set[int]:
    """The database opens, is intact, and every article is whole and indexed; returns the ids."""
    db = open_db(db_path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == count
        assert db.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0] == count
        broken = db.execute(
            "SELECT count(*) FROM articles WHERE title = '' OR content_hash = '' "
            "OR content_hash IS NULL OR text = ''"
        ).fetchone()[0]
        assert broken == 0
        return {r[0] for r in db.execute("SELECT id FROM articles")}
    finally:
        db.conn.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_killing_fetch_at_any_moment_leaves_a_whole_database(db_path, feed_server, config_file):
    config = config_file({f"Feed {i}": f"/k{i}" for i in range(FEEDS)}, per_host=8)
    rng = random.Random(os.environ.get("NEWSTUI_KILL_SEED", "newstui"))
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    committed: set[int] = set()
    for run, window in enumerate(KILL_WINDOWS, start=1):
        serve_editions(feed_server, run)
        child = subprocess.Popen(
            fetch_command(db_path, config),
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(*window))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        if db_path.exists():
            ids = check_database(db_path)
            assert committed <= ids, f"run {run}: committed articles disappeared"
            committed = ids

    serve_editions(feed_server, len(KILL_WINDOWS) + 1)
    final = subprocess.run(
        fetch_command(db_path, config), env=env, capture_output=True, text=True, timeout=120
    )

    assert final.returncode == 0, final.stderr
    ids = check_database(db_path)
    assert committed <= ids
    assert len(ids) == FEEDS * ENTRIES
    conn = sqlite3.connect(db_path)
    try:
        latest = conn.execute(
            "SELECT count(*) FROM articles WHERE title LIKE ?",
            [f"% edition {len(KILL_WINDOWS) + 1}"],
        ).fetchone()[0]
    finally:
        conn.close()
    assert latest == FEEDS * ENTRIES // 10  # the last edition's changes all arrived


KILLED_MID_MIGRATION = """
import os, sys
from newstui.store import open_db
from newstui.store.schema import MIGRATIONS
class DiesAfterThreeStatements(list):
    def __iter__(self):
        for i, statement in enumerate(list.__iter__(self)):
            if i == 3:
                os.kill(os.getpid(), 9)
            yield statement
MIGRATIONS[0] = DiesAfterThreeStatements(MIGRATIONS[0])
open_db(sys.argv[1])
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
def test_a_database_killed_during_its_first_migration_still_opens(db_path):
    child = subprocess.run(
        [sys.executable, "-c", KILLED_MID_MIGRATION, str(db_path)], capture_output=True
    )
    assert child.returncode == -signal.SIGKILL

    assert check_database(db_path) == set()
