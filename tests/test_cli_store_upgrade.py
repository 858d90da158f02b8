"""A command's first open of a store an upgrade makes every story sketch again for (schemas 20
and 22: ~50 s for 20,000 articles) says so in one line on stderr, once."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newstui.cli import main
from newstui.library import Library
from newstui.model import Article
from newstui.store.schema import SCHEMA_VERSION


def stored(path: Path, count: int) -> None:
    """A store holding `count` articles of one feed."""
    with Library.open(path) as library:
        source = library.register_source("https://gazette.example/feed", "Gazette")
        articles = [Article(f"Story {n}", f"Text of story {n}.", guid=str(n)) for n in range(count)]
        library.save_batch(source, articles)


def made_by_schema(path: Path, version: int) -> None:
    """Mark the store as one an older newstui left at `version` (its later steps replayable)."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def listed(path: Path, capsys) -> tuple[int, str]:
    code = main(["--db", str(path), "list", "--json"])
    out, err = capsys.readouterr()
    assert code == 0
    return len(json.loads(out)), err


@pytest.mark.parametrize("version", [19, 21])
def test_the_first_command_after_a_resketching_upgrade_says_so_once(tmp_path, capsys, version):
    path = tmp_path / "old.db"
    stored(path, 3)
    made_by_schema(path, version)

    assert listed(path, capsys) == (3, "newstui: upgrading the store: 3 articles…\n")
    assert listed(path, capsys) == (3, "")


def test_an_upgrade_that_sketches_nothing_again_or_an_empty_store_says_nothing(tmp_path, capsys):
    path = tmp_path / "old.db"
    stored(path, 2)
    made_by_schema(path, SCHEMA_VERSION)  # nothing to upgrade
    empty = tmp_path / "empty.db"
    stored(empty, 0)
    made_by_schema(empty, 19)

    assert listed(path, capsys) == (2, "")
    assert listed(empty, capsys) == (0, "")
    new = tmp_path / "new.db"
    note = tmp_path / "note.txt"
    note.write_text("A note.\n\nWith a body.", "utf-8")
    assert main(["--db", str(new), "import", str(note), "--json"]) == 0
    assert capsys.readouterr().err == ""
