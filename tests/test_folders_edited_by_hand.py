"""A folder (tag) or name changed by hand in feeds.toml is seen by the next command that reads
the config, not only after that source's next fetch (user test r49 MED-9: `list --tag` said no
source had it, `feeds --json` and the app kept the old folder for hours)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newstui.config import load_config
from newstui.ingest.configured_sources import retag_sources
from newstui.library import Library
from tests.test_cli import Cli, no_user_paths, one_line  # noqa: F401 - the autouse fixture
from tests.test_tag_folders_cli import local_config


@pytest.fixture
def fetched(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    Library.open(db_path).close()
    config = local_config(
        tmp_path,
        {
            "Oresund Nyt": ("News/Europe/Nordics", "Bridge traffic up"),
            "Harbour Log": ("News", "Ferry strike ends"),
        },
    )
    run = Cli(db_path, config, capsys)
    assert run("fetch") == 0, run.err
    return run


def titles(cli: Cli, *args: str) -> list[str]:
    return sorted(row["title"] for row in cli.json("list", *args))


def edit(cli: Cli, old: str, new: str) -> None:
    text = cli.config.read_text("utf-8")
    assert old in text
    cli.config.write_text(text.replace(old, new), "utf-8")


def test_a_folder_edited_by_hand_is_listed_before_any_fetch(fetched):
    edit(fetched, '"News/Europe/Nordics"', '"News/Europe/Nordics/Denmark"')

    assert titles(fetched, "--tag", "News/Europe/Nordics/Denmark") == ["Bridge traffic up"]
    assert fetched.err == ""
    feeds = {f["name"]: f["tags"] for f in fetched.json("feeds")}
    assert feeds["Oresund Nyt"] == ["News/Europe/Nordics/Denmark"]
    assert fetched("search", "tag:news/europe/nordics/denmark", "--json") == 0
    assert "Bridge traffic up" in fetched.out

    edit(fetched, '"News/Europe/Nordics/Denmark"', '"Sport"')  # and moved again
    assert titles(fetched, "--query", "tag:sport") == ["Bridge traffic up"]
    assert titles(fetched, "--tag", "News") == ["Ferry strike ends"]


def test_a_name_edited_by_hand_is_listed_before_any_fetch(fetched):
    edit(fetched, 'name = "Harbour Log"', 'name = "Harbour Diary"')

    names = sorted(f["name"] for f in fetched.json("feeds"))
    assert names == ["Harbour Diary", "Oresund Nyt"]
    assert titles(fetched, "--feed", "Harbour Diary") == ["Ferry strike ends"]


def test_only_what_the_config_changed_is_written(fetched):
    config = load_config(fetched.config)
    with Library.open(fetched.db) as library:
        assert retag_sources(library, config) == 0  # as stored: nothing to write
    edit(fetched, '["News"]', '["News", "Harbours"]')
    with Library.open(fetched.db) as library:
        assert retag_sources(library, load_config(fetched.config)) == 1
        assert retag_sources(library, load_config(fetched.config)) == 0
        tags = {row.name: row.tags for row in library.sources()}
    assert tags == {"Harbour Log": ("News", "Harbours"), "Oresund Nyt": ("News/Europe/Nordics",)}


def test_a_store_that_cannot_be_written_is_read_as_it_is_with_one_warning(fetched, monkeypatch):
    from newstui.errors import NewstuiError

    def refused(self, specs):
        raise NewstuiError("attempt to write a readonly database")

    edit(fetched, '"News/Europe/Nordics"', '"Nordic"')
    monkeypatch.setattr(Library, "register_sources", refused)

    assert titles(fetched, "--tag", "News/Europe/Nordics") == ["Bridge traffic up"]  # as stored
    assert one_line(fetched.err) == (
        f"warning: the folders in {fetched.config} are not stored yet: "
        "attempt to write a readonly database"
    )


def test_the_apps_start_stores_a_folder_edited_by_hand(fetched):
    from newstui.tui.refresh import run_list_configured

    edit(fetched, '"News/Europe/Nordics"', '"News/Europe/Nordics/Denmark"')

    assert run_list_configured(fetched.db, load_config(fetched.config)) == 1  # (Sources reloads)
    with Library.open(fetched.db) as library:
        tags = {row.name: row.tags for row in library.sources()}
    assert tags["Oresund Nyt"] == ("News/Europe/Nordics/Denmark",)
