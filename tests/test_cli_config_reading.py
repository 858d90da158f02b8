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
    assert warning.startswith(f"newstui: warning: {run.config}:4: {VIEW_ERROR}")
    assert "Harbour cranes return" in run.out


def test_the_app_and_list_give_the_same_line_for_a_broken_view(db_path, tmp_path, capsys):
    run = Cli(db_path, config_with(tmp_path, BROKEN_VIEW), capsys)

    assert run("fetch") == 1  # what the app says too: both stop at load_config
    fetch_error = one_line(run.err).removeprefix("newstui: ")
    assert run("list") == 0
    assert one_line(run.err) == f"newstui: warning: {fetch_error}"


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

    assert one_line(run.err).startswith(f"newstui: {run.config}:4: {VIEW_ERROR}")


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

    assert one_line(run.err).startswith(f"newstui: warning: {run.config}: config file not found")
    assert run.out.strip() == "no articles"
    assert not run.config.exists()


def test_import_analyses_with_the_configs_extractor(db_path, tmp_path, capsys, seed_article):
    run = Cli(db_path, config_with(tmp_path, '[settings]\nextractor = "none"\n'), capsys)
    assert run("import", str(seed_article)) == 0

    assert run.json("quotes") == []
    assert run.json("entities") == []


def test_import_stops_at_a_broken_config(db_path, tmp_path, capsys, seed_article):
    run = Cli(db_path, config_with(tmp_path, BROKEN_VIEW), capsys)

    assert run("import", str(seed_article)) == 1

    assert one_line(run.err).startswith(f"newstui: {run.config}:4: {VIEW_ERROR}")
    assert run.json("list") == []


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
