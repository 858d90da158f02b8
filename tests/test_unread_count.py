"""`newstui unread`: one number, the unread articles as the app's Unread view counts them, for a
status bar (newsboat's `-x print-unread`; user test r48 LOW-3: the answer pointed at `newstui
feeds`, a table of 160 rows)."""

from __future__ import annotations

import json

import pytest

from newstui.cli.main import main


@pytest.fixture(autouse=True)
def no_user_paths(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSTUI_DB", raising=False)
    monkeypatch.delenv("NEWSTUI_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


def newstui(db, config, capsys, *args: str) -> tuple[int, str, str]:
    status = main(["--db", str(db), "--config", str(config), *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_unread_prints_the_number_of_unread_articles_alone(
    db_path, feed_server, config_file, capsys
):
    feed_server.serve_file("/wire", "rss2.xml")
    feed_server.serve_file("/atom", "atom.xml", "application/atom+xml")
    config = config_file({"Wire": "/wire", "Atom Lab": "/atom"})
    assert newstui(db_path, config, capsys, "fetch")[0] == 0

    assert newstui(db_path, config, capsys, "unread") == (0, "4\n", "")
    listed = json.loads(newstui(db_path, config, capsys, "list", "--json")[1])
    assert newstui(db_path, config, capsys, "mark", str(listed[0]["id"]), "--read")[0] == 0
    assert newstui(db_path, config, capsys, "unread") == (0, "3\n", "")
    assert json.loads(newstui(db_path, config, capsys, "unread", "--json")[1]) == {"unread": 3}
    assert newstui(db_path, config, capsys, "--json", "unread")[1] == '{\n  "unread": 3\n}\n'


def test_unread_counts_a_story_two_feeds_carry_once(db_path, tmp_path, capsys):
    from datetime import UTC, datetime

    from newstui.library import Library
    from newstui.model import Article

    text = " ".join(
        f"Sentence number {i} of the wire story tells readers about the harbour plan."
        for i in range(30)
    )
    with Library.open(db_path) as library:
        for name in ("Wire Service", "Daily Courier"):
            source = library.register_source(f"https://{name.split()[0].lower()}.example/", name)
            library.save_batch(
                source, [Article(title=name, text=text, guid="g", published=datetime.now(UTC))]
            )
        assert library.find_stories() == 1
    config = tmp_path / "feeds.toml"
    config.write_text("[settings]\n", "utf-8")

    feeds = json.loads(newstui(db_path, config, capsys, "feeds", "--json")[1])
    assert sum(f["unread"] for f in feeds) == 2
    assert newstui(db_path, config, capsys, "unread")[1] == "1\n"  # as the app's Unread lists it


def test_unread_without_a_database_says_so_in_one_line(tmp_path, capsys):
    status, out, err = newstui(tmp_path / "none.db", tmp_path / "feeds.toml", capsys, "unread")
    assert (status, out) == (1, "")
    assert err.startswith("newstui: no newstui database at ") and err.count("\n") == 1
