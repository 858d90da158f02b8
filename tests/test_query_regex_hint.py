"""A query that looks like a regular expression finds nothing: it gets a hint saying what the
query language has instead (user test r32 L8: `title:/tok.*/` said only "no matches")."""

from pathlib import Path

import pytest

from newstui.config import load_config
from newstui.query import regex_hint
from newstui.sources.newsboat_urls import newsboat_syntax_hint


@pytest.mark.parametrize(
    ("query", "suggested"),
    [
        ("title:/tok.*/", "write title:tok* instead"),
        ("/^Tokyo/", "write Tokyo* instead"),
        ("tok.*", "write tok* instead"),
        ("title:/(a|b)/", "write a prefix like tok* or a phrase"),
    ],
)
def test_a_regex_looking_query_gets_a_hint_with_the_prefix_to_write(query, suggested):
    hint = regex_hint(query) or ""
    assert hint.startswith("no regular expressions in newstui queries: ")
    assert suggested in hint
    assert newsboat_syntax_hint(query) == hint


@pytest.mark.parametrize(
    "query", ["tokyo", "evac*", 'title:"a/b"', "feed:https://a.example/x/", "1/2", "a.b"]
)
def test_an_ordinary_query_gets_no_regex_hint(query):
    assert regex_hint(query) is None


def test_a_view_with_a_regex_query_is_warned_of_when_the_config_is_read(tmp_path: Path):
    path = tmp_path / "feeds.toml"
    path.write_text('[[views]]\nname = "R"\nquery = "title:/tok.*/"\n', "utf-8")
    config = load_config(path)
    assert config.views[0].problem == ""  # still a view
    (warning,) = config.warnings
    assert warning.startswith(f"{path}:3: view 'R': query 'title:/tok.*/' finds nothing: no ")
    assert "write title:tok* instead" in warning


def test_a_filter_with_a_regex_query_is_warned_of_when_the_config_is_read(tmp_path: Path):
    # r33 leftovers c: views were warned of (ca40c80), filters not: such a filter hides nothing
    path = tmp_path / "feeds.toml"
    path.write_text('[[filters]]\nname = "Ads"\n\nquery = "title:/^Sponsored/"\n', "utf-8")
    config = load_config(path)
    assert config.filters[0].problem == ""  # still a filter
    (warning,) = config.warnings
    assert warning.startswith(
        f"{path}:4: filter 'Ads': query 'title:/^Sponsored/' finds nothing: no "
    ), warning
    assert "write title:Sponsored* instead" in warning


@pytest.mark.parametrize(
    ("entry", "query", "instead"),
    [
        ("filters", 'title =~ "^Sponsored"', "newstui writes title:word, tag:name, unread"),
        ("views", 'unread = "yes" and tags # "wire"', 'write unread tag:"wire" instead'),
    ],
)
def test_a_query_in_newsboat_s_filter_language_is_warned_of_when_the_config_is_read(
    tmp_path: Path, entry: str, query: str, instead: str
):
    """A newsboat user's `ignore-article` rule copied as a filter hid nothing and nothing said so
    (user test r33 M10): newstui reads `title =~ "^Sponsored"` as words to find."""
    path = tmp_path / "feeds.toml"
    path.write_text(f"[[{entry}]]\nname = \"N\"\nquery = '{query}'\n", "utf-8")
    config = load_config(path)
    (warning,) = config.warnings
    what = entry.removesuffix("s")
    assert warning == (
        f"{path}:3: {what} 'N': query {query!r} finds nothing: newsboat syntax: {instead} "
        "(README: Coming from newsboat)"
    )


@pytest.mark.parametrize(
    "query", ['title:"a = b" tag:x', '"C#" jobs', 'title:"F#"', '"1+1=" maths', 'feed:"a="']
)
def test_a_quoted_phrase_is_no_newsboat_syntax(tmp_path: Path, query: str):
    """'"C#" jobs' was warned of at every load as newsboat syntax that finds nothing (review r33
    F9: a phrase's closing quote after # or = looked like newsboat's operator)."""
    path = tmp_path / "feeds.toml"
    path.write_text(f"[[views]]\nname = \"N\"\nquery = '{query}'\n", "utf-8")
    assert load_config(path).warnings == ()
    assert newsboat_syntax_hint(query) is None
