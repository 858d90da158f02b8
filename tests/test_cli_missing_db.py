"""A database path that does not exist: a command that only reads or changes what is stored
refuses a named one (a typo made an empty database and answered from it); the commands that
bring articles in make it and say so once; the default path before the first fetch is empty."""

# ruff: noqa: F811  (the CLI tests' fixtures are imported by name)

from __future__ import annotations

import json

import pytest
from test_cli import Cli, cli, empty_config, no_user_paths  # noqa: F401

from newstui.cli.main import main
from newstui.library import Library

READING = [
    ["show", "1"],
    ["list"],
    ["search", "harbour"],
    ["entities"],
    ["quotes"],
    ["feeds"],
    ["mark", "1", "--read"],
    ["opml", "export"],
    ["downloads"],
    ["cleanup"],
    ["filters"],
    ["remove", "Wire"],
    ["download", "1"],
]


@pytest.mark.parametrize("command", READING, ids=" ".join)
def test_a_reading_command_refuses_a_db_that_does_not_exist_in_one_line(
    tmp_path, empty_config, capsys, command
):
    typo = tmp_path / "typo.db"
    assert main(["--db", str(typo), "--config", str(empty_config), *command]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"newstui: no newstui database at {typo} (check --db; `newstui fetch`, `add` or "
        "`import` make one)\n"
    )
    assert list(tmp_path.glob("typo.db*")) == []


@pytest.mark.parametrize("command", [["show", "1"], ["feeds"]], ids=" ".join)
def test_a_db_named_by_the_environment_is_refused_too_and_in_json(
    tmp_path, empty_config, capsys, monkeypatch, command
):
    typo = tmp_path / "typo.db"
    monkeypatch.setenv("NEWSTUI_DB", str(typo))
    assert main(["--config", str(empty_config), *command, "--json"]) == 1
    error = json.loads(capsys.readouterr().out)
    assert (error["kind"], error["source"]) == ("database", str(typo))
    assert error["error"].startswith(f"no newstui database at {typo} (check NEWSTUI_DB;")
    assert not typo.exists()


def test_an_import_into_a_new_db_makes_it(tmp_path, empty_config, capsys):
    note = tmp_path / "note.txt"
    note.write_text("Harbour cranes return\n\nThe cranes were back on Monday.\n", "utf-8")
    run = Cli(tmp_path / "new.db", empty_config, capsys)
    assert run("import", str(note)) == 0
    assert [a["title"] for a in run.json("list")] == ["Harbour cranes return"]
    # `opml import` into a new home says what it made, as a first fetch does (user test r47 L10)
    opml = tmp_path / "subs.opml"
    opml.write_text('<opml><body><outline text="W" xmlUrl="https://w.example/f"/></body></opml>')
    made = tmp_path / "home" / "feeds.toml"
    first = Cli(tmp_path / "fresh.db", made, capsys)
    assert first("opml", "import", str(opml)) == 0
    assert first.err == (
        f"newstui: created the config file {made}\nnewstui: created a new database at {first.db}\n"
    )


def test_a_fetch_into_a_new_db_says_so_once_after_its_summary(
    tmp_path, feed_server, config_file, capsys
):
    feed_server.serve_file("/wire", "rss2.xml")
    run = Cli(tmp_path / "new.db", config_file({"Wire": "/wire"}), capsys)
    assert run("fetch") == 0
    assert run.out.startswith("1 of 1 source ok")
    assert run.err == f"newstui: created a new database at {run.db}\n"
    assert run("fetch") == 0
    assert run.err == ""


def test_before_the_first_fetch_the_default_db_is_empty_and_not_made(
    tmp_path, config_file, feed_server, capsys, monkeypatch
):
    """A first run: no database at the default place yet; reading commands answer from an
    empty store (as before) but make no file."""
    config = config_file({"Wire": "/wire"})
    monkeypatch.setenv("NEWSTUI_CONFIG", str(config))
    assert main(["list"]) == 0
    assert capsys.readouterr() == ("", "newstui list: no articles\n")
    assert main(["feeds", "--json"]) == 0
    assert [(f["name"], f["last_fetched"]) for f in json.loads(capsys.readouterr().out)] == [
        ("Wire", None)
    ]
    assert not (tmp_path / "xdg-data").exists()
    feed_server.serve_file("/wire", "rss2.xml")
    assert main(["fetch"]) == 0
    made = tmp_path / "xdg-data" / "newstui" / "newstui.db"
    assert capsys.readouterr().err == f"newstui: created a new database at {made}\n"
    with Library.open(made) as library:
        assert library.count() == 3


def test_a_failed_add_or_import_leaves_no_new_db_behind(tmp_path, empty_config, capsys):
    """A failed add into a mistyped --db left an empty database there, which the reading
    commands then answered from."""
    run = Cli(tmp_path / "typo.db", empty_config, capsys)
    assert run("add", "http://127.0.0.1:9/feed.xml") == 1
    assert run.err.count("\n") == 1 and "connection refused" in run.err
    assert run("import", str(tmp_path / "nothing-here")) == 1
    assert list(tmp_path.glob("typo.db*")) == []
    assert run("show", "1") == 1
    assert run.err.startswith(f"newstui: no newstui database at {run.db}")


def test_a_first_fetch_whose_feeds_all_fail_keeps_the_new_db_with_their_errors(
    tmp_path, feed_server, config_file, capsys
):
    run = Cli(tmp_path / "new.db", config_file({"Wire": "/gone"}), capsys)
    assert run("fetch") == 1
    assert run.err.endswith(f"newstui: created a new database at {run.db}\n")
    [wire] = run.json("feeds")
    assert "404" in wire["last_error"]


def test_a_failed_add_keeps_a_db_that_was_there_even_empty(cli):
    assert cli("add", "http://127.0.0.1:9/feed.xml") == 1
    assert cli.db.exists()
    assert cli("list") == 0 and (cli.out, cli.err) == ("", "newstui list: no articles\n")


def test_a_fetch_with_nothing_to_fetch_says_so_and_makes_no_db(tmp_path, empty_config, capsys):
    run = Cli(tmp_path / "e.db", empty_config, capsys)

    assert run("fetch") == 1

    assert run.err.count("\n") == 1 and "lists no feeds; nothing fetched" in run.err
    assert list(tmp_path.glob("e.db*")) == []
    # nor the folders the default store's path made (user test r45 L7: an empty
    # ~/.local/share/newstui/ was left; the README says nothing is)
    assert main(["--config", str(empty_config), "fetch"]) == 1
    assert not (tmp_path / "xdg-data").exists()


def test_a_first_run_says_where_it_made_the_config_file_in_one_line(tmp_path, capsys):
    """The default feeds.toml was made without a word: a newsboat user did not learn where to
    edit the feeds."""
    made = tmp_path / "xdg-config" / "newstui" / "feeds.toml"
    Library.open(tmp_path / "n.db").close()

    assert main(["--db", str(tmp_path / "n.db"), "cleanup", "--dry-run"]) == 0

    assert made.exists()
    err = capsys.readouterr().err
    assert err == (
        f"newstui: created the config file {made} with no feeds yet: `newstui add URL` adds one, "
        "or uncomment an example in it\n"
    )
    assert main(["--db", str(tmp_path / "n.db"), "cleanup", "--dry-run"]) == 0
    assert capsys.readouterr().err == ""
