"""A source's name typed as people say it, one word of it without its accents (`lodz` for
"Łódź Daily"), gets a "did you mean" in `list --feed`, `fetch NAME` and `remove`, as Ctrl-P
finds it (user test r49 LOW-3); nothing is listed, fetched or removed by a guess."""

from __future__ import annotations

import pytest

from newstui.library import Library
from tests.test_cli import Cli, no_user_paths, one_line  # noqa: F401


@pytest.fixture
def three(db_path, feed_server, config_file, capsys) -> Cli:
    feed_server.serve_file("/a", "rss2.xml")
    feed_server.serve_file("/b", "atom.xml", "application/atom+xml")
    feed_server.serve_file("/c", "rss1.xml")
    feeds = {"Łódź Daily": "/a", "Łódź Sport": "/b", "Kraków Post": "/c"}
    run = Cli(db_path, config_file(feeds), capsys)
    assert run("fetch") == 0, run.err
    return run


def test_list_of_one_word_of_a_name_asks_did_you_mean_it(three) -> None:
    assert three("list", "--feed", "krakow") == 1

    assert one_line(three.err) == (
        "newstui: no feed named 'krakow' (did you mean 'Kraków Post'?) (see `newstui feeds`)"
    )
    assert three.out == ""


def test_a_word_two_names_hold_names_both(three) -> None:
    assert three("list", "--feed", "lodz") == 1

    assert "(did you mean 'Łódź Daily' or 'Łódź Sport'?)" in one_line(three.err)


def test_fetch_and_remove_of_a_word_ask_too_and_change_nothing(three) -> None:
    before = three.config.read_text("utf-8")

    assert three("fetch", "sport") == 1
    assert "(did you mean 'Łódź Sport'?)" in three.err
    assert three("remove", "LODZ daily") == 1
    assert "(did you mean 'Łódź Daily'?)" in three.err

    assert three.config.read_text("utf-8") == before


def test_a_word_no_name_holds_gets_no_guess(three) -> None:
    assert three("list", "--feed", "warszawa") == 1

    assert "did you mean" not in three.err


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("lodz", ["Łódź Daily", "Łódź Sport"]),
        ("dai lod", ["Łódź Daily"]),  # (each word the start of one of its words, any order)
        ("ODZ", []),  # (inside a word: no)
        ("  ", []),
        ("Kraków", ["Kraków Post"]),
    ],
)
def test_names_with_words_compares_words_folded_as_search_does(typed, meant) -> None:
    names = ["Łódź Daily", "Łódź Sport", "Kraków Post", "Łódź Daily"]
    assert Library.names_with_words(typed, names) == meant


def test_a_word_many_names_hold_names_three_and_counts_the_rest(
    db_path, config_file, capsys
) -> None:
    Library.open(db_path).close()
    feeds = {f"Łódź {part}": f"/{n}" for n, part in enumerate(["A", "B", "C", "D", "E"])}
    run = Cli(db_path, config_file(feeds), capsys)

    assert run("list", "--feed", "lodz") == 1

    assert "(did you mean 'Łódź A', 'Łódź B', 'Łódź C' or 2 more?)" in one_line(run.err)
