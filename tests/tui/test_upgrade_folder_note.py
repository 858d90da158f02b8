"""Pilot: the app's start that upgrades a round-47 store names the views and filters whose
`tag:` folder takes its subfolders now, as the command that upgrades one does (the note was
lost when the app made the upgrade: round 49's open item of user test r49 LOW-5)."""

from __future__ import annotations

from newstui.config import load_config
from newstui.tui.app import NewstuiApp
from tests.test_folder_did_you_mean import store_of_round_47
from tests.test_tag_folders_cli import local_config
from tests.test_untold_upgrade_note import fresh_consoles  # noqa: F401 - fixture

from .conftest import notifications, run_recorded, settle

NOTE = (
    "Note: view 'All news' (tag:News) now takes its folder's subfolders too, as a folder does "
    "in Feedly or Inoreader (a query naming them out keeps the old meaning: "
    "tag:News -tag:News/Europe)"
)


async def test_the_app_that_upgrades_a_round_47_store_names_the_widened_views_once(tmp_path):
    db = tmp_path / "old.db"
    store_of_round_47(db)
    path = local_config(
        tmp_path,
        {"Oresund Nyt": ("News/Europe", "Bridge traffic up"), "Goals": ("Sport", "Derby")},
        '[[views]]\nname = "All news"\nquery = "tag:News"\n\n'
        '[[filters]]\nname = "sport read"\nquery = "tag:Sport"\naction = "read"\n',
    )
    config = load_config(path)

    app = NewstuiApp(db, config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        said = [n.message for n in notifications(app)]
        assert any(m.startswith("Upgraded") for m in said), said
        assert said.count(NOTE) == 1, said  # the filter's folder has none: not named

    again = NewstuiApp(db, config)  # said at the upgrade only
    async with run_recorded(again, size=(120, 40)) as pilot:
        await settle(pilot)
        assert not any(n.message.startswith("Note:") for n in notifications(again))


async def test_the_app_says_the_note_a_status_lines_unread_made_at_the_upgrade_once(
    tmp_path,
    monkeypatch,
    capsys,
    fresh_consoles,  # noqa: F811
):
    """`newstui unread` in a tmux status line (stderr discarded) upgraded the store: its note
    went nowhere; the app's start says it, and after that no command does (round 50's closing
    note: the note was lost for good)."""
    from newstui.cli.main import main

    db = tmp_path / "old.db"
    store_of_round_47(db)
    path = local_config(
        tmp_path,
        {"Oresund Nyt": ("News/Europe", "Bridge traffic up"), "Goals": ("Sport", "Derby")},
        '[[views]]\nname = "All news"\nquery = "tag:News"\n',
    )
    monkeypatch.setenv("TTY_COMPATIBLE", "0")
    monkeypatch.setenv("COLUMNS", "400")
    assert main(["--db", str(db), "--config", str(path), "unread"]) == 0
    capsys.readouterr()  # (gone: a status line's stderr)

    config = load_config(path)
    app = NewstuiApp(db, config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        said = [n.message for n in notifications(app)]
        assert not any(m.startswith("Upgraded") for m in said), said  # (unread made it)
        assert said.count(NOTE) == 1, said

    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # a person at a terminal: told already
    assert main(["--db", str(db), "--config", str(path), "unread"]) == 0
    assert "note:" not in capsys.readouterr().err
    again = NewstuiApp(db, config)
    async with run_recorded(again, size=(120, 40)) as pilot:
        await settle(pilot)
        assert not any(n.message.startswith("Note:") for n in notifications(again))
