"""Removing sources: `newstui remove`, and sources that left the config file."""

# ruff: noqa: F811  (the CLI tests' fixtures are imported by name)

from __future__ import annotations

import builtins
import io
import json
import re

import pytest
from test_cli import (  # noqa: F401  (fixtures shared with the CLI tests)
    cli,
    empty_config,
    fed,
    ids_by_title,
    no_user_paths,
    one_line,
)

from newstui.cli.main import main
from newstui.library import Library


def test_remove_deletes_the_feed_from_the_config_and_its_articles_from_the_store(fed):
    assert fed("remove", "Wire") == 0
    assert "removed Wire" in one_line(fed.out) and "3 articles deleted" in fed.out

    assert [f["name"] for f in fed.json("feeds")] == ["Atom Lab"]
    assert [r["feed"] for r in fed.json("list")] == ["Atom Lab"]
    config = fed.config.read_text("utf-8")
    assert "Wire" not in config and "Atom Lab" in config and config.startswith("# test config")


def test_remove_keeps_starred_articles_unless_purged(fed):
    ids = ids_by_title(fed)
    fed("mark", str(ids["Council approves budget"]), "--star")

    assert fed("remove", "wire") == 0
    assert "2 articles deleted, 1 starred kept" in fed.out and "--purge" in fed.out
    assert [r["title"] for r in fed.json("list", "--starred")] == ["Council approves budget"]
    assert [f["name"] for f in fed.json("feeds")] == ["Atom Lab"]  # no longer listed

    fed("mark", str(ids["Telescope spots comet"]), "--star")
    assert fed("remove", "Atom Lab", "--purge") == 0
    assert "1 article deleted" in fed.out and "kept" not in fed.out
    assert [r["title"] for r in fed.json("list")] == ["Council approves budget"]


def test_remove_by_url_works_and_json_reports_counts(fed):
    url = re.search(r'url = "([^"]*atom)"', fed.config.read_text("utf-8")).group(1)
    assert fed.json("remove", url) == {  # fetch's row of a removed source (user test r43 M6)
        "source": "Atom Lab",
        "removed": True,
        "deleted": 1,
        "kept_starred": 0,
        "unsubscribed": None,
    }


def test_remove_of_a_tag_asks_first_then_removes_its_sources_in_one_write(fed):
    """A folder of 600 feeds took 600 commands (user test r47 M1)."""
    text = fed.config.read_text("utf-8")
    fed.config.write_text(text.replace('name = "Wire"', 'name = "Wire"\ntags = ["News/Daily"]'))
    # not a terminal: nothing without --yes; blanks around it trimmed (user test r47 L6)
    assert fed("remove", "--tag", " news/daily ") == 1
    assert "add --yes (Remove the source tagged News/Daily from feeds.toml and delete its " in (
        one_line(fed.err)
    )
    # a folder takes its subfolders (user test r47 M2)
    assert fed("remove", "--tag", "NEWS") == 1
    assert "(Remove the source in News and its folder News/Daily from " in one_line(fed.err)
    assert fed("remove", "--tag", "Nonesuch", "--yes") == 1
    assert "no source is tagged 'Nonesuch'" in one_line(fed.err)
    assert fed.json("remove", "--tag", "news/daily", "--yes") == {
        "tag": "News/Daily",
        "removed": ["Wire"],
        "deleted": 3,
        "kept_starred": 0,
        "unsubscribed": None,
        "not_removed": [],
        "refused": None,
        "stayed": [],
    }
    assert [f["name"] for f in fed.json("feeds")] == ["Atom Lab"]
    assert fed.config.read_text("utf-8") == text.replace(
        text[text.index("[[feeds]]") : text.index("[[feeds]]", text.index("[[feeds]]") + 1)], ""
    )
    # a feed also in another folder stays, only this tag taken off (user test r47 M5)
    text = fed.config.read_text("utf-8")
    both = 'name = "Atom Lab"\ntags = ["Sport", "Tech/Daily"]'
    fed.config.write_text(text.replace('name = "Atom Lab"', both))
    assert fed("remove", "--tag", "sport") == 1
    assert one_line(fed.err).endswith(
        "(Take the tag Sport off its source in feeds.toml? Atom Lab stays: it is also in"
        " Tech/Daily.)"
    )
    assert fed.json("remove", "--tag", "sport", "--yes")["stayed"] == ["Atom Lab"]
    assert [(f["name"], f["tags"], f["articles"]) for f in fed.json("feeds")] == [
        ("Atom Lab", ["Tech/Daily"], 1)
    ]
    assert 'tags = ["Tech/Daily"]' in fed.config.read_text("utf-8")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("answer", ["eof", "n", ""])
def test_remove_of_a_tag_on_a_terminal_answered_no_or_ctrl_d_keeps_everything(
    fed, monkeypatch, answer
):
    """Review r48: Ctrl-D at the question was a traceback (EOFError)."""
    text = fed.config.read_text("utf-8")
    fed.config.write_text(text.replace('name = "Wire"', 'name = "Wire"\ntags = ["News"]'))
    before = fed.config.read_text("utf-8")
    asked: list[str] = []

    def typed(prompt: str) -> str:
        asked.append(prompt)
        if answer == "eof":
            raise EOFError
        return answer

    monkeypatch.setattr("sys.stdin", _Terminal())
    monkeypatch.setattr(builtins, "input", typed)
    assert fed("remove", "--tag", "news") == 1
    assert asked == [
        "Remove the source tagged News from feeds.toml and delete its 3 articles? [y/N] "
    ]
    assert fed.err.strip() == "Nothing removed."
    assert fed.config.read_text("utf-8") == before
    assert [f["articles"] for f in fed.json("feeds")] == [1, 3]


def test_remove_of_a_tag_typed_without_its_accents_gets_a_did_you_mean(fed):
    """Review r48: as `remove NAME` does since r47 L6, for a folder too."""
    text = fed.config.read_text("utf-8")
    fed.config.write_text(text.replace('name = "Wire"', 'name = "Wire"\ntags = ["Küche/Café"]'))
    before = fed.config.read_text("utf-8")
    assert fed("remove", "--tag", "kuche/cafe", "--yes") == 1
    assert one_line(fed.err).endswith(
        "no source is tagged 'kuche/cafe' (did you mean 'Küche/Café'?) (see `newstui feeds`)"
    )
    assert fed("remove", "--tag", "KUCHE", "--yes") == 1
    assert "(did you mean 'Küche'?)" in one_line(fed.err)
    assert fed("remove", "--tag", "Kitchen", "--yes") == 1
    assert "did you mean" not in fed.err
    assert fed.config.read_text("utf-8") == before


@pytest.mark.parametrize("tag", ["", "  "])
def test_remove_of_an_empty_tag_asks_for_a_tag_name(fed, tag):
    assert fed("remove", "--tag", tag, "--yes") == 1
    assert one_line(fed.err) == (
        "newstui: remove --tag: give the name of a tag (see `newstui feeds`)"
    )


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Nonesuch", "named 'Nonesuch' (see `newstui feeds`)"),
        # two sources go by the name, none exactly: the config's was deleted (hostile r46 H2)
        ("wire", "2 sources are named 'wire': 'Wire' (3 articles, http://127.0.0.1:"),
        ("wire", "'WIRE' (0 articles, https://b.example/x); name one by its URL"),
    ],
)
def test_remove_of_an_unknown_or_ambiguous_source_fails_with_one_line_and_changes_nothing(
    fed, name, said
):
    with Library.open(fed.db) as library:  # (a server subscription, an imported source)
        library.register_source("https://b.example/x", "WIRE", url="https://b.example/x")
    before = fed.config.read_text("utf-8")
    assert fed("remove", name) == 1
    assert said in one_line(fed.err)
    assert fed("list", "--feed", name) == 1 and said in one_line(fed.err)
    assert fed.config.read_text("utf-8") == before
    assert len(fed.json("list")) == 4
    assert fed("remove", name, "--json") == 1
    assert [s["url"] for s in json.loads(fed.out).get("sources", [])] == (
        [] if name == "Nonesuch" else [re.search(r'"(\S*/wire)"', before)[1], "https://b.example/x"]
    )


def test_remove_of_one_of_two_skipped_entries_with_one_url_cuts_that_entry_alone(cli):
    """r46 M3: `remove Two` said "removed Two" and cut the first entry with Two's url."""
    bad = '[[feeds]]\nurl = "https://bad.example:8O80/feed.xml"\n'
    one, two = f"# one\n{bad}\n", f'# two\n{bad}name = "Two"\n\n'
    rest = '[[feeds]]\nurl = "https://a.example/x"\nname = "Good"\n'
    before = cli.config.read_text("utf-8") + "\n"
    cli.config.write_text(before + one + two + rest, "utf-8")
    assert cli("remove", "Two") == 0
    assert "removed Two" in cli.out
    assert cli.config.read_text("utf-8") == before + one + rest


def test_remove_of_a_feed_skipped_for_its_taken_name_takes_out_that_entry(cli):
    # (r46 M6: "a" on line 4 is skipped, "A" fetched; `remove a` took out "A", then crashed)
    cli.config.write_text(
        '[[feeds]]\nname = "A"\nurl = "https://a.example/x"\n\n'
        '[[feeds]]\nname = "a"\nurl = "https://b.example/x"\n',
        "utf-8",
    )
    with Library.open(cli.db) as library:  # as a fetch stored it
        library.register_source("https://a.example/x", "A", url="https://a.example/x")

    assert cli("remove", "a") == 0, cli.err
    assert (
        cli.config.read_text("utf-8").strip()
        == '[[feeds]]\nname = "A"\nurl = "https://a.example/x"'
    )
    assert [f["name"] for f in cli.json("feeds")] == ["A"]


def test_remove_of_an_imported_source_deletes_it_from_the_store(cli, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.txt").write_text("A note about the harbour.\n\nIt reopened.", "utf-8")
    assert cli("import", str(notes)) == 0
    assert cli("remove", "notes") == 0
    assert "1 article deleted" in cli.out
    assert cli.json("feeds") == []


def test_a_feed_deleted_from_the_config_leaves_the_sources_on_the_next_fetch_kept(fed):
    ids = ids_by_title(fed)
    fed("mark", str(ids["Council approves budget"]), "--star")
    text = fed.config.read_text("utf-8")
    fed.config.write_text(re.sub(r'\n\[\[feeds\]\]\nname = "Wire"\nurl = "[^"]*"\n', "\n", text))

    assert fed("fetch") == 0
    assert f"Wire is no longer in {fed.config}: its 3 articles are kept until " in fed.out
    assert [f["name"] for f in fed.json("feeds")] == ["Atom Lab"]
    assert ids_by_title(fed) == ids  # set aside, not deleted (see test_left_config)


def test_a_fetch_with_a_config_that_lists_no_feeds_removes_nothing_and_says_so(fed):
    ids = ids_by_title(fed)
    fed.config.write_text("# every feed commented out\n[settings]\ntimeout = 5\n", "utf-8")

    assert fed("fetch") == 1
    assert one_line(fed.err) == (
        f"newstui: {fed.config}: lists no feeds; nothing fetched, nothing removed "
        "(add one with `newstui add URL` or `newstui opml import FILE`)"
    )
    assert sorted(f["name"] for f in fed.json("feeds")) == ["Atom Lab", "Wire"]
    assert ids_by_title(fed) == ids
    assert fed("fetch", "--json") == 1
    error = json.loads(fed.out)
    assert error["kind"] == "config" and error["source"] == str(fed.config)


def test_removing_every_feed_one_by_one_then_fetching_keeps_the_starred_articles(fed):
    ids = ids_by_title(fed)
    fed("mark", str(ids["Telescope spots comet"]), "--star")
    assert fed("remove", "Wire") == 0 and fed("remove", "Atom Lab") == 0
    assert fed.json("feeds") == []

    assert fed("fetch") == 1
    assert "lists no feeds" in one_line(fed.err)
    assert [r["title"] for r in fed.json("list", "--starred")] == ["Telescope spots comet"]


def test_a_config_left_with_only_a_local_source_still_sets_aside_the_feeds_deleted_from_it(
    fed, tmp_path
):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.txt").write_text("A note about the harbour.\n\nIt reopened.", "utf-8")
    fed.config.write_text(
        f'[settings]\ntimeout = 5\n\n[[local]]\nname = "Notes"\npath = "{notes}"\n', "utf-8"
    )

    assert fed("fetch") == 0
    assert (
        "2 sources are no longer in" in fed.out
        and "(Wire and Atom Lab): their 4 articles" in fed.out
    )
    assert [f["name"] for f in fed.json("feeds")] == ["Notes"]


def test_a_removed_feed_added_again_is_listed_with_its_starred_articles(fed, feed_server):
    ids = ids_by_title(fed)
    fed("mark", str(ids["Council approves budget"]), "--star")
    fed("remove", "Wire")

    assert fed("add", feed_server.url("/wire"), "--name", "Wire") == 0
    wire = next(f for f in fed.json("feeds") if f["name"] == "Wire")
    assert wire["articles"] == 3
    assert fed.json("list", "--starred")[0]["title"] == "Council approves budget"


def test_imported_sources_are_not_removed_by_a_fetch(fed, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.txt").write_text("A note about the harbour.\n\nIt reopened.", "utf-8")
    fed("import", str(notes))
    assert fed("fetch") == 0
    assert "notes" in [f["name"] for f in fed.json("feeds")]


def test_the_demo_refuses_remove(capsys):
    assert main(["--demo", "remove", "x"]) == 1
    assert "demo" in capsys.readouterr().err


# CLI rough edges (issue 13) ----------------------------------------------------------------------


def test_mark_of_ids_that_are_not_articles_fails_like_show(fed):
    assert fed("mark", "99", "--read") == 1
    assert one_line(fed.err) == "newstui: no article with id 99"
    assert fed("mark", "98", "99", "--read") == 1
    assert "ids 98, 99" in fed.err


def test_mark_with_one_missing_id_says_so_in_the_singular(fed):
    assert fed("mark", "1", "999", "--read") == 1
    assert one_line(fed.err) == "newstui: no article with id 999 (1 other article marked)"


def test_list_of_an_unknown_tag_fails_like_an_unknown_feed(fed):
    assert fed("list", "--tag", "nope") == 1
    assert "no source has the tag 'nope'" in one_line(fed.err)


def test_a_fetch_says_in_one_line_which_sources_left_the_config_and_how_many_articles_stay(
    db_path, feed_server, config_file, capsys
):
    from tests.test_cli import Cli

    for path in ("/a", "/b", "/c", "/d"):
        feed_server.serve_file(path, "rss2.xml")
    feeds = {"A": "/a", "B": "/b", "C": "/c", "D": "/d"}
    run = Cli(db_path, config_file(feeds), capsys)
    assert run("fetch") == 0, run.err
    one = Cli(db_path, config_file({"A": "/a"}), capsys)

    assert one("fetch") == 0, one.err

    [line] = [line for line in one.out.splitlines() if "no longer in" in line]
    assert line.startswith(
        f"3 sources are no longer in {one.config} (B, C and D): their 9 articles are kept until "
    )
