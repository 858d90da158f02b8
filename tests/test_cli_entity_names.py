"""`newstui entities --name TEXT`: is this entity known? The entities a name stands for, found
as `person:`/`org:`/`place:`/`group:` find them (aliases, more or fewer middle names, a name
alone among a person's names), with --type and --json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstui.cli.main import main
from newstui.library import Library
from newstui.model import Analysis, Article, Entity, Mention
from newstui.nlp import canonical_key, short_key

NAMED = [
    ("Robert Gabriel Mugabe", "PERSON"),
    ("Grace Mugabe", "PERSON"),
    ("Robert Smith", "PERSON"),
    ("United States", "PLACE"),
    ("World Health Organization", "ORG"),
]


@pytest.fixture
def store(tmp_path) -> Path:
    path = tmp_path / "e.db"
    lib = Library.open(path)
    feed = lib.register_source("https://a.example/feed", "A")
    lib.bulk_insert(feed, [Article(title=n, text=f"{n} spoke.", guid=n) for n, _ in NAMED])
    ids = {row.title: row.id for row in lib.articles(limit=None)}
    lib.save_analyses(
        [(ids[n], Analysis((Entity(n, t, (Mention(0, len(n), n),)),), ())) for n, t in NAMED],
        "t",
        canonical_key,
        short_key,
    )
    lib.close()
    return path


def names(store: Path, capsys, *args: str) -> list[str]:
    assert main(["--db", str(store), "entities", *args, "--json"]) == 0
    return sorted(row["name"] for row in json.loads(capsys.readouterr().out))


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Robert Mugabe", ["Robert Gabriel Mugabe"]),  # a middle name fewer
        ("robert g. mugabe", ["Robert Gabriel Mugabe"]),
        ("Mugabe", ["Grace Mugabe", "Robert Gabriel Mugabe"]),  # a name alone: every Mugabe
        ("Robert", ["Robert Gabriel Mugabe", "Robert Smith"]),
        ("US", ["United States"]),  # an alias
        ("WHO", ["World Health Organization"]),
        ("Roberta Mugabe", []),
    ],
)
def test_entities_name_lists_the_entities_a_name_stands_for(store, capsys, typed, expected):
    assert names(store, capsys, "--name", typed) == expected


def test_entities_name_with_a_type_keeps_that_type_and_says_when_none(store, capsys):
    assert names(store, capsys, "--name", "Mugabe", "--type", "PERSON") == [
        "Grace Mugabe",
        "Robert Gabriel Mugabe",
    ]
    assert names(store, capsys, "--name", "Mugabe", "--type", "ORG") == []
    assert main(["--db", str(store), "entities", "--name", "Nobody Else"]) == 0
    assert capsys.readouterr() == ("", "newstui entities: no entities found\n")


# (r47: a source named by invisible characters alone was a blank line in Sources and `feeds`)
@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["entities", "--name", " - "], "--name: needs a name: letters or digits"),
        (
            ["add", "https://x.example/f", "--name", "\u200d\ufe0f"],
            "--name: shows nothing: it is only invisible characters ('\\u200d\\ufe0f')",
        ),
        (["import", "a.txt", "--name", "\u3164"], "--name: shows nothing"),
    ],
)
def test_a_name_without_letters_is_a_one_line_error(store, capsys, words, said):
    with pytest.raises(SystemExit) as stop:
        main(["--db", str(store), *words])
    assert stop.value.code == 2
    assert said in capsys.readouterr().err


@pytest.mark.parametrize("typed", ["", "  ", "--"])
def test_quotes_speaker_without_letters_is_a_one_line_error(store, capsys, typed):
    """`quotes --speaker ''` listed every quote and exited 0 (user test r33 L5)."""
    with pytest.raises(SystemExit) as stop:
        main(["--db", str(store), "quotes", f"--speaker={typed}"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--speaker: needs a name: letters or digits" in err
    assert len(err.strip().splitlines()) <= 2  # argparse's usage line and the one error


@pytest.mark.parametrize(
    ("command", "option"), [("entities", "--name"), ("quotes", "--speaker"), ("quotes", "--since")]
)
def test_a_double_dash_given_as_an_option_s_value_is_checked_like_any_value(
    store, capsys, command, option
):
    """`--name=--` reached the command as an empty list (Python 3.11's argparse drops the "--"):
    a TypeError or AttributeError traceback instead of the option's one-line error."""
    with pytest.raises(SystemExit) as stop:
        main(["--db", str(store), command, f"{option}=--"])
    assert stop.value.code == 2
    assert f"argument {option}: " in capsys.readouterr().err


def test_entities_name_of_another_type_says_which_type_it_is(store, capsys):
    """`--name Aleppo --type PERSON` said only "no entities found" (user test r30 L8)."""
    assert main(["--db", str(store), "entities", "--name", "US", "--type", "PERSON"]) == 0
    assert capsys.readouterr().err == (
        "newstui entities: no entities found of type PERSON; 'US' is a PLACE (drop --type)\n"
    )
    assert names(store, capsys, "--name", "US", "--type", "PERSON") == []  # --json: as before
