"""`newstui list --sort`: the app's orders on the command line."""

from __future__ import annotations

import json

import pytest

from newstui.cli.main import main
from newstui.demo import build_demo_db


@pytest.fixture
def demo_db(tmp_path):
    path = tmp_path / "demo.db"
    build_demo_db(path)
    return path


def listed(db, capsys, *options: str) -> list[dict]:
    assert main(["--db", str(db), "list", "--all", "--json", *options]) == 0
    return json.loads(capsys.readouterr().out)


def test_list_sorts_by_title_feed_or_oldest_first(demo_db, capsys):
    newest = listed(demo_db, capsys)
    titles = [r["title"] for r in listed(demo_db, capsys, "--sort", "title")]
    assert titles == sorted(titles, key=str.casefold) != [r["title"] for r in newest]
    feeds = [r["feed"] for r in listed(demo_db, capsys, "--sort", "feed-reverse")]
    assert feeds == sorted(feeds, key=str.casefold, reverse=True)
    oldest = listed(demo_db, capsys, "--sort", "date-reverse")
    assert [r["id"] for r in oldest] == [r["id"] for r in reversed(newest)]


def test_an_unknown_order_is_a_usage_error_naming_the_choices(demo_db, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(demo_db), "list", "--sort", "size"])
    assert exit_.value.code == 2
    assert "title-reverse" in capsys.readouterr().err
