"""`newstui opml import --dry-run FILE`: what the import would do, and nothing written — the
config file and the store byte for byte as they were, no store or config made (closing note r53:
no way to see what an import of a big list would do before doing it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstui.cli.main import main

OPML = """<?xml version="1.0"?>
<opml version="2.0"><body>
<outline text="News">
  <outline text="Wire" xmlUrl="https://wire.example/feed"/>
  <outline text="Europe"><outline text="Courier" xmlUrl="https://courier.example/rss"/></outline>
</outline>
<outline text="Tech"><outline text="Old Blog" xmlUrl="https://old.example/feed"/></outline>
<outline text="Gopher" xmlUrl="gopher://hole.example/feed"/>
</body></opml>
"""
CONFIG = (
    '# my feeds\n[settings]\n\n[[feeds]]\nname = "Old Blog"\nurl = "https://old.example/feed"\n'
)


@pytest.fixture(autouse=True)
def no_user_paths(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSTUI_DB", raising=False)
    monkeypatch.delenv("NEWSTUI_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def files(tmp_path) -> tuple[Path, Path, Path]:
    """A store (made by an earlier import), a config listing one feed, the list to import."""
    subs, config, db = tmp_path / "subs.opml", tmp_path / "feeds.toml", tmp_path / "news.db"
    subs.write_text(OPML, "utf-8")
    config.write_text(CONFIG, "utf-8")
    earlier = tmp_path / "earlier.opml"
    earlier.write_text(OPML.replace("wire.example", "first.example"), "utf-8")
    assert main(["--db", str(db), "--config", str(config), "opml", "import", str(earlier)]) == 0
    config.write_text(CONFIG, "utf-8")
    return subs, config, db


def snapshot(*paths: Path) -> dict[str, bytes]:
    """Every file of these paths' folders named like them (the store's -wal and -shm too)."""
    return {
        str(p): p.read_bytes()
        for path in paths
        for p in sorted(path.parent.glob(path.name + "*"))
        if p.is_file()
    }


def test_a_dry_run_says_what_the_import_would_do_and_writes_nothing(files, capsys):
    subs, config, db = files
    before = snapshot(config, db)
    capsys.readouterr()
    args = ["--db", str(db), "--config", str(config), "opml", "import", "--dry-run", str(subs)]
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert snapshot(config, db) == before
    lines = out.splitlines()
    assert lines[0] == f"dry run, nothing written: 3 feeds in {subs}"
    assert f"  2 new: would be added to {config}, fetched here" in lines
    assert "  1 already in feeds.toml; tags would be added to 1 feed" in lines
    assert "  1 invalid: would be skipped (warnings above)" in lines
    assert "  folders of the new feeds: News (1), News/Europe (1)" in lines
    assert "  + Courier  [News/Europe]  https://courier.example/rss" in lines
    assert "would skip" in err and "gopher://hole.example/feed" in err

    assert main([*args, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert snapshot(config, db) == before
    assert report["dry_run"] is True and report["found"] == 3 and report["already"] == 1
    assert report["added"] == ["Wire", "Courier"]
    assert report["feeds"][1] == {
        "name": "Courier",
        "url": "https://courier.example/rss",
        "tags": ["News/Europe"],
    }
    assert report["folders"] == [
        {"folder": "News", "feeds": 1},
        {"folder": "News/Europe", "feeds": 1},
    ]
    assert report["skipped"][0]["reason"].startswith('outline "Gopher"')
    assert report["tagged"] == ["Old Blog"]

    # what the import then does is what the dry run said
    assert main([*args[:-2], str(subs), "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert snapshot(config) != {k: v for k, v in before.items() if k == str(config)}
    for key in ("found", "added", "already", "tagged", "views", "local", "skipped", "warnings"):
        assert done[key] == report[key], key


def test_a_dry_run_makes_neither_a_store_nor_a_config(tmp_path, capsys):
    subs = tmp_path / "subs.opml"
    subs.write_text(OPML, "utf-8")
    config, db = tmp_path / "none.toml", tmp_path / "none.db"
    assert (
        main(["--db", str(db), "--config", str(config), "opml", "import", "--dry-run", str(subs)])
        == 0
    )
    out = capsys.readouterr().out
    assert f"({config} would be made)" in out.splitlines()[0]
    assert f"  3 new: would be added to {config}, fetched here" in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["subs.opml"]


def test_a_dry_run_on_a_store_an_older_newstui_left_upgrades_nothing(files, capsys):
    # (review r54 MED-1: the dry run upgraded the store and left a copy for older newstui
    # beside it, while it said "dry run, nothing written")
    import sqlite3

    from newstui.store.schema import SCHEMA_VERSION

    subs, config, db = files
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    before = snapshot(config, db)
    capsys.readouterr()

    args = ["--db", str(db), "--config", str(config), "opml", "import", "--dry-run", str(subs)]
    assert main(args) == 0
    out, err = capsys.readouterr()

    assert snapshot(config, db) == before
    assert not list(db.parent.glob(db.name + ".v*"))
    assert "upgraded" not in err
    assert out.splitlines()[0] == f"dry run, nothing written: 3 feeds in {subs}"
    assert "  2 new: would be added to " + str(config) + ", fetched here" in out
