"""`newstui feeds | less` on a narrow terminal (user test r51 L18): a table written into a pipe
is laid out for COLUMNS when it is set (`COLUMNS=$COLUMNS newstui feeds | less`), as on the
terminal; without it (a file, cron, grep) its rows stay whole."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newstui.store import open_db
from newstui.store.feeds import ensure_feed

NAMES = ("Long Reads (summaries) from the Magazine", "AI Dispatch", "Balkan Post Daily Digest")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "n.db"
    store = open_db(path)
    for n, name in enumerate(NAMES):
        ensure_feed(store, f"http://127.0.0.1:9/{n}.xml", name, tags=("News/Europe", "Tech/AI"))
    store.conn.close()
    return path


def feeds_piped(db: Path, **env: str) -> list[str]:
    config = db.parent / "feeds.toml"
    config.write_text("", "utf-8")
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "FORCE_COLOR")}
    done = subprocess.run(
        [sys.executable, "-m", "newstui", "--db", str(db), "--config", str(config), "feeds"],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        env={**base, "TTY_COMPATIBLE": "0", **env},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode()[-500:]
    return done.stdout.decode("utf-8").splitlines()


def test_columns_lays_the_piped_table_out_for_that_width(db):
    lines = feeds_piped(db, COLUMNS="60")
    assert max(len(line) for line in lines) <= 60, lines
    assert "name" in lines[0] and "AI Dispatch" in "\n".join(lines)


def test_without_a_width_to_fit_the_piped_rows_stay_whole(db):
    lines = feeds_piped(db)
    assert any(NAMES[0] in line and "News/Europe, Tech/AI" in line for line in lines), lines
