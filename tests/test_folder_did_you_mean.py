"""A folder typed by its own name (`list --tag Nordics`, `tag:nordics`, as an Inoreader user
knows it) or with a typo names the path meant, and a query or a saved view naming no folder
says so, where each found nothing without a word (user test r49 MED-3); `feeds` lists each
source's folders, which those lines point to (LOW-6)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newstui.library import Library
from newstui.model.folders import folders_near
from newstui.model.names import name_key
from tests.test_cli import Cli, no_user_paths, one_line  # noqa: F401 - the autouse fixture
from tests.test_tag_folders_cli import local_config

SLASH = "\u2215"


@pytest.fixture
def fetched(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    Library.open(db_path).close()
    config = local_config(
        tmp_path,
        {
            "Oresund Nyt": ("News/Europe/Nordics", "Bridge traffic up"),
            "Harbour Log": ("News", "Ferry strike ends"),
            "Riffs": (f"Music/AC{SLASH}DC Fans", "Tour dates announced"),
        },
        "[[views]]\nname = \"Nordic\"\nquery = 'tag:nordics unread'\n\n"
        "[[views]]\nname = \"Ferries\"\nquery = 'tag:News ferry'\n\n"
        '[[filters]]\nname = "no riffs"\nquery = \'tag:"AC DC Fans"\'\naction = "read"\n',
    )
    run = Cli(db_path, config, capsys)
    assert run("fetch") == 0, run.err
    return run


def said(cli: Cli) -> str:
    """What the command said on stderr but for the config's warnings (its views, below)."""
    own = f"warning: {cli.config}"
    return "\n".join(line for line in cli.err.splitlines() if not line.startswith(own))


def test_list_by_a_subfolders_own_name_or_a_typo_names_the_path_meant(fetched):
    assert fetched("list", "--tag", "Nordics") == 1
    assert said(fetched) == (
        "newstui: no source has the tag 'Nordics' (did you mean 'News/Europe/Nordics'?) "
        "(see `newstui feeds`)"
    )
    assert fetched("list", "--tag", "europe/nordics") == 1
    assert "(did you mean 'News/Europe/Nordics'?)" in said(fetched)
    assert fetched("list", "--tag", "news/europe/nordic") == 1  # a typo
    assert "(did you mean 'News/Europe/Nordics'?)" in said(fetched)
    assert fetched("list", "--tag", "AC/DC Fans") == 1  # typed with "/", inside Music
    assert f"(did you mean 'Music/AC{SLASH}DC Fans'?)" in said(fetched)
    assert fetched("list", "--tag", "Weather") == 1  # nothing near: no guess
    assert "did you mean" not in said(fetched)
    assert fetched("remove", "--tag", "nordics", "--yes") == 1  # removes nothing, names it
    assert "(did you mean 'News/Europe/Nordics'?)" in said(fetched)


def test_a_query_naming_no_folder_says_so_in_one_line_and_finds_what_it_finds(fetched):
    assert fetched("search", "tag:nordics") == 0
    assert said(fetched).splitlines()[0] == (
        "warning: tag:nordics names no folder (did you mean 'News/Europe/Nordics'?)"
    )
    assert "no matches" in said(fetched)
    assert fetched("search", 'tag:"news/europe/nordics"', "--json") == 0
    assert "names no folder" not in said(fetched)
    assert fetched("list", "--query", "tag:weather OR ferry", "--json") == 0
    assert "warning: tag:weather names no folder" in said(fetched)
    assert "Ferry strike ends" in fetched.out


def test_a_view_or_filter_naming_no_folder_is_warned_of_as_a_broken_query(fetched):
    assert fetched("feeds") == 0
    warnings = [line for line in fetched.err.splitlines() if "names no folder" in line]
    assert warnings == [
        f"warning: {fetched.config}: view 'Nordic': tag:nordics names no folder (did you mean "
        "'News/Europe/Nordics'?): the view finds nothing there",
        f"warning: {fetched.config}: filter 'no riffs': tag:\"AC DC Fans\" names no folder "
        f"(did you mean 'Music/AC{SLASH}DC Fans'?): the filter acts on nothing there",
    ]


def test_feeds_lists_each_sources_folders(fetched):
    assert fetched("feeds") == 0
    lines = fetched.out.splitlines()
    assert lines[0].split()[:4] == ["name", "folders", "articles", "unread"]
    row = next(line for line in lines if line.lstrip().startswith("Oresund Nyt"))
    assert "News/Europe/Nordics" in row


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Nordics", ["News/Europe/Nordics"]),
        ("NORDICS", ["News/Europe/Nordics"]),
        ("Europe/Nordics", ["News/Europe/Nordics"]),
        ("AC/DC Fans", [f"Music/AC{SLASH}DC Fans"]),
        ("Footbal", ["Sport/Football"]),
        ("Daily", ["News/Daily", "Sport/Daily"]),  # both, outermost first, by name
        ("Weather", []),
    ],
)
def test_the_folders_a_name_naming_none_was_likely_meant_for(typed, meant):
    tags = ["News/Europe/Nordics", "Sport/Football", "Sport/Daily", "News/Daily"]
    tags.append(f"Music/AC{SLASH}DC Fans")
    assert folders_near(typed, tags, name_key) == meant


def store_of_round_47(path: Path) -> None:
    """An empty store of schema 54, round 47's (whose tag: took a folder's own sources)."""
    from newstui.store.migrations import MIGRATIONS
    from newstui.store.sql_functions import add_text_functions

    conn = sqlite3.connect(path)
    add_text_functions(conn)
    for statement in [s for migration in MIGRATIONS[:54] for s in migration]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 54")
    conn.commit()
    conn.close()


def test_the_upgrade_of_a_round_47_store_names_the_views_whose_folder_has_subfolders_once(
    tmp_path, capsys
):
    """User test r49 LOW-5: a filter `tag:Sport` marked Sport/Football's articles read too after
    the upgrade, and nothing said so."""
    db = tmp_path / "old.db"
    store_of_round_47(db)
    config = local_config(
        tmp_path,
        {
            "Oresund Nyt": ("News/Europe", "Bridge traffic up"),
            "Harbour Log": ("News", "Ferry strike ends"),
            "Goals": ("Sport", "Derby tonight"),
        },
        '[[views]]\nname = "All news"\nquery = "tag:News"\n\n'
        '[[views]]\nname = "Europe"\nquery = "tag:news/europe"\n\n'
        '[[filters]]\nname = "sport read"\nquery = "tag:Sport"\naction = "read"\n',
    )
    run = Cli(db, config, capsys)

    assert run("list") == 0
    notes = [line for line in run.err.splitlines() if line.startswith("note:")]
    assert notes == [
        "note: view 'All news' (tag:News) now takes its folder's subfolders too, as a folder does "
        "in Feedly or Inoreader (a query naming them out keeps the old meaning: "
        "tag:News -tag:News/Europe)"
    ]
    assert run("list") == 0  # said at the upgrade only
    assert "note:" not in run.err


def test_unread_that_upgrades_a_round_47_store_says_the_note_on_stderr_its_count_alone_on_stdout(
    tmp_path, capsys, monkeypatch
):
    """`newstui unread` (a status bar's command, its store and config where the user keeps
    them) may be the first to open the upgraded store: the note goes to stderr, once, and
    stdout stays the bare number a status line reads."""
    from newstui.cli.main import main

    db = tmp_path / "old.db"
    store_of_round_47(db)
    config = local_config(
        tmp_path,
        {"Oresund Nyt": ("News/Europe", "Bridge traffic up"), "Harbour Log": ("News", "Ferry")},
        '[[views]]\nname = "All news"\nquery = "tag:News"\n',
    )
    monkeypatch.setenv("NEWSTUI_DB", str(db))
    monkeypatch.setenv("NEWSTUI_CONFIG", str(config))
    assert main(["unread"]) == 0
    out, err = capsys.readouterr()
    assert out == "0\n"
    notes = [line for line in err.splitlines() if line.startswith("note:")]
    assert notes == [
        "note: view 'All news' (tag:News) now takes its folder's subfolders too, as a folder does "
        "in Feedly or Inoreader (a query naming them out keeps the old meaning: "
        "tag:News -tag:News/Europe)"
    ]
    assert main(["unread"]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("0\n", "")


def test_a_name_three_folders_end_with_names_them_as_every_did_you_mean_does(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Library.open(db_path).close()
    config = local_config(
        tmp_path,
        {
            "Oresund Nyt": ("News/Nordics", "Bridge traffic up"),
            "Fjord Runs": ("Sport/Nordics", "Ski season opens"),
            "Aurora Trips": ("Travel/Nordics", "Northern lights tours"),
        },
    )
    run = Cli(db_path, config, capsys)
    assert run("fetch") == 0, run.err

    assert run("list", "--tag", "nordics") == 1

    assert one_line(run.err) == (
        "newstui: no source has the tag 'nordics' "
        "(did you mean 'News/Nordics', 'Sport/Nordics' or 'Travel/Nordics'?) "
        "(see `newstui feeds`)"
    )
