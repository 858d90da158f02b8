"""Every command that uses the config reads it the way the app does: a bad saved view is the same
one line naming the file, the view and the problem; only a command that cannot do its job fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstui.library import Library
from tests.test_cli import Cli, no_user_paths, one_line  # noqa: F401 - the autouse fixture

BROKEN_VIEW = '[settings]\nfulltext = false\n\n[[views]]\nname = "Broken"\nquery = "title:("\n'
VIEW_ERROR = "view 'Broken': query 'title:(': expected a value after 'title:'"


@pytest.fixture(autouse=True)
def store(db_path: Path) -> None:
    """The database exists (empty): these tests are about the config."""
    Library.open(db_path).close()


@pytest.fixture
def clippings(tmp_path: Path) -> Path:
    folder = tmp_path / "clippings"
    folder.mkdir()
    (folder / "harbour.txt").write_text(
        "Harbour cranes return\n\nThe harbour cranes were back at work on Monday.\n", "utf-8"
    )
    (folder / "rail.txt").write_text(
        "Rail strike ends\n\nTrains ran again across the region on Tuesday.\n", "utf-8"
    )
    return folder


def config_with(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(body, "utf-8")
    return path


def titles(run: Cli, *args: str) -> list[str]:
    return [a["title"] for a in run.json("list", *args)]


@pytest.mark.parametrize("command", [["list"], ["search", "harbour"]], ids=["list", "search"])
def test_list_and_search_warn_about_a_broken_view_in_one_line_and_still_answer(
    db_path, tmp_path, capsys, clippings, command
):
    Cli(db_path, config_with(tmp_path, "[settings]\n"), capsys)("import", str(clippings))
    run = Cli(db_path, config_with(tmp_path, BROKEN_VIEW), capsys)

    assert run(*command) == 0

    warning = one_line(run.err)
    assert warning.startswith(f"warning: {run.config}:6: {VIEW_ERROR}")
    assert "Harbour cranes return" in run.out


def test_fetch_and_list_give_the_same_warning_for_a_broken_view_and_go_on(
    db_path, tmp_path, capsys, clippings
):
    body = BROKEN_VIEW + f'\n[[local]]\npath = "{clippings}"\n'
    run = Cli(db_path, config_with(tmp_path, body), capsys)

    assert run("fetch") == 0  # one broken view stops no command (the app shows the same line)
    fetch_warning = one_line(run.err)
    assert fetch_warning.startswith(f"warning: {run.config}:6: {VIEW_ERROR}")
    assert "new article" in run.out
    assert run("list") == 0
    assert one_line(run.err) == fetch_warning
    assert "Harbour cranes return" in run.out


OLD_FLOOD_VIEW = (
    '[settings]\nfulltext = false\n\n[[views]]\nname = "No floods"\nquery = "tokyo --flood"\n'
    '\n[[views]]\nname = "Harbour"\nquery = "harbour"\n'
)


@pytest.mark.parametrize(
    "command", [["feeds"], ["list"], ["list", "--view", "harbour"], ["search", "rail"]]
)
def test_a_view_saved_before_dashes_were_refused_is_one_warning_saying_how_to_fix_it(
    db_path, tmp_path, capsys, clippings, command
):
    """A `--flood` view saved by an older version (user test r30 M7) stopped every command."""
    Cli(db_path, config_with(tmp_path, "[settings]\n"), capsys)("import", str(clippings))
    run = Cli(db_path, config_with(tmp_path, OLD_FLOOD_VIEW), capsys)

    assert run(*command) == 0

    assert one_line(run.err) == (
        f"warning: {run.config}:6: view 'No floods': query 'tokyo --flood': '--flood': "
        "one - leaves a word out (-flood or NOT flood) at 7; the view is broken until its query "
        "is fixed"
    )
    if command[-1] == "harbour":
        assert "Harbour cranes return" in run.out and "Rail strike" not in run.out


def test_list_view_of_the_old_view_is_the_error_alone_and_fixing_it_lists_it(
    db_path, tmp_path, capsys, clippings
):
    run = Cli(db_path, config_with(tmp_path, OLD_FLOOD_VIEW), capsys)
    assert run("import", str(clippings)) == 0

    assert run("list", "--view", "no floods") == 1

    line = one_line(run.err)  # the error once, not a warning too
    assert line.startswith(f"newstui: {run.config}:6: view 'No floods': query 'tokyo --flood'")
    run.config.write_text(OLD_FLOOD_VIEW.replace("--flood", "-flood"), "utf-8")
    assert titles(run, "--view", "no floods") == []
    assert run.err == ""
    run.config.write_text(OLD_FLOOD_VIEW.replace("tokyo --flood", "NOT strike"), "utf-8")
    assert titles(run, "--view", "no floods") == ["Harbour cranes return"]


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("title:(", "expected a value after 'title:'"),
        ('"unclosed', "unterminated phrase"),
        ("", "has no 'query'"),
        ("rain \u2014flood", "(-flood or NOT flood)"),  # an em dash for --: as --flood is
        ("title:--flood", "(-title:flood or NOT title:flood)"),
    ],
)
def test_every_kind_of_bad_stored_query_is_a_warning_not_a_stop(
    db_path, tmp_path, capsys, query, problem
):
    body = f'[[views]]\nname = "Bad"\nquery = {query!r}\n\n[[feeds]]\nurl = "http://x.example/f"\n'
    run = Cli(db_path, config_with(tmp_path, body), capsys)

    assert run("feeds") == 0

    assert "x.example/f" in run.out  # (an unnamed feed goes by its address without the scheme)
    line = 3 if query else 1  # its `query = …` line; an empty one: the view has none
    assert one_line(run.err).startswith(f"warning: {run.config}:{line}: view 'Bad'")
    assert problem in run.err


def test_list_view_lists_the_saved_views_articles(db_path, tmp_path, capsys, clippings):
    body = '[settings]\n\n[[views]]\nname = "Harbour news"\nquery = "harbour"\n'
    run = Cli(db_path, config_with(tmp_path, body), capsys)
    assert run("import", str(clippings)) == 0

    assert titles(run, "--view", "harbour NEWS") == ["Harbour cranes return"]
    assert titles(run, "--view", "Harbour news", "--query", "trains") == []
    assert len(titles(run)) == 2


def test_list_view_of_a_broken_view_fails_with_the_apps_line(db_path, tmp_path, capsys):
    run = Cli(db_path, config_with(tmp_path, BROKEN_VIEW), capsys)

    assert run("list", "--view", "Broken") == 1

    assert one_line(run.err).startswith(f"newstui: {run.config}:6: {VIEW_ERROR}")


def test_list_view_of_an_unknown_view_names_the_file_and_its_views(db_path, tmp_path, capsys):
    body = '[[views]]\nname = "Harbour news"\nquery = "harbour"\n'
    run = Cli(db_path, config_with(tmp_path, body), capsys)

    assert run("list", "--view", "Sport") == 1

    assert one_line(run.err) == (
        f"newstui: {run.config}: no view named 'Sport' (its views: 'Harbour news')"
    )


def test_list_view_without_a_config_file_says_so(db_path, tmp_path, capsys):
    run = Cli(db_path, tmp_path / "absent.toml", capsys)

    assert run("list", "--view", "Sport") == 1

    assert one_line(run.err).startswith(f"newstui: {run.config}: config file not found")


def test_list_warns_about_a_missing_explicit_config_and_lists(db_path, tmp_path, capsys):
    run = Cli(db_path, tmp_path / "absent.toml", capsys)

    assert run("list") == 0

    assert run.err.startswith(f"warning: {run.config}: config file not found")
    assert run.err.endswith("\nnewstui list: no articles\n") and run.out == ""
    assert not run.config.exists()


def test_import_analyses_with_the_configs_extractor(db_path, tmp_path, capsys, seed_article):
    run = Cli(db_path, config_with(tmp_path, '[settings]\nextractor = "none"\n'), capsys)
    assert run("import", str(seed_article)) == 0

    assert run.json("quotes") == []
    assert run.json("entities") == []


def test_import_stops_at_a_broken_config(db_path, tmp_path, capsys, seed_article):
    run = Cli(db_path, config_with(tmp_path, '[settings]\nextractor = "nope"\n'), capsys)

    assert run("import", str(seed_article)) == 1

    assert one_line(run.err).startswith(f"newstui: {run.config}:2: ")
    assert run.json("list") == []


def test_import_warns_of_a_broken_view_and_imports(db_path, tmp_path, capsys, seed_article):
    run = Cli(db_path, config_with(tmp_path, BROKEN_VIEW), capsys)

    assert run("import", str(seed_article)) == 0

    assert f"warning: {run.config}:6: {VIEW_ERROR}" in run.err
    assert len(run.json("list")) == 1


def test_feeds_with_another_config_lists_its_feeds_without_storing_them(
    db_path, tmp_path, capsys, clippings
):
    home = Cli(db_path, config_with(tmp_path, f'[[local]]\npath = "{clippings}"\n'), capsys)
    assert home("fetch") == 0, home.err
    other_path = tmp_path / "other.toml"
    other_path.write_text(
        '[[feeds]]\nurl = "http://zzz.example/feed"\nname = "Zzz"\n'
        '[[local]]\npath = "/nowhere/notes"\n',
        "utf-8",
    )
    other = Cli(db_path, other_path, capsys)

    listed = other.json("feeds")

    assert [(f["name"], f["id"], f["last_fetched"]) for f in listed] == [
        ("clippings", listed[0]["id"], listed[0]["last_fetched"]),
        ("notes", None, None),
        ("Zzz", None, None),
    ]
    assert isinstance(listed[0]["id"], int)
    assert [f["name"] for f in home.json("feeds")] == ["clippings"]
