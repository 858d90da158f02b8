"""`?` lists the keys of every screen the app can show, as the user's keys make them, and opened
from a box it starts with that box's keys (L's were listed nowhere, and `?` in L did nothing)."""

from __future__ import annotations

from newstui.config import load_config
from newstui.tui.app import NewstuiApp
from newstui.tui.app_keys import all_binding_keys, help_sections
from newstui.tui.screens.downloads import DownloadsScreen
from newstui.tui.screens.help import HelpScreen
from newstui.tui.screens.search import SearchScreen
from newstui.tui.screens.sort_order import SortScreen

from .conftest import screen_text, settle
from .test_keys import write_config

REBOUND = '"downloads.forget" = "F"\n"app.downloads" = "f8"\n"app.help" = ["question_mark", "f1"]\n'


def sections_of(rows: list[tuple[str, str, str]]) -> list[str]:
    return list(dict.fromkeys(section for section, _, _ in rows))


def test_every_binding_a_keys_table_may_name_is_in_help():
    listed = {b.id for _, bindings in help_sections({}) for b in bindings}
    assert set(all_binding_keys()) - listed == set()


async def test_help_opened_in_the_downloads_box_starts_with_its_keys_as_rebound(tmp_path, db_path):
    app = NewstuiApp(db_path, load_config(write_config(tmp_path, REBOUND)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        assert isinstance(app.screen, DownloadsScreen)
        await pilot.press("f1")  # the user's help key works in the box too
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.rows
        assert sections_of(rows)[0] == "Downloads (L)"
        downloads = {text: keys for section, keys, text in rows if section == "Downloads (L)"}
        assert downloads[
            "Take it off the list (its file stays; a running one is stopped first)"
        ] == ("x F")
        assert downloads["Retry the failed downloads"] == "r"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DownloadsScreen)  # help closed back onto the box


async def test_help_from_the_main_screen_lists_every_box_named_by_its_key_in_effect(
    tmp_path, db_path
):
    keys = '"headlines.sort" = "f2"\nunbind = ["headlines.sort:O"]\n'
    app = NewstuiApp(db_path, load_config(write_config(tmp_path, keys)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        sections = sections_of(app.screen.rows)
    assert sections[0] == "Sources"
    for box in (
        "Downloads (L)",
        "Search box (/)",
        "Sort box (f2)",
        "Question box (D)",
        "View name box (S)",
        "Help (?)",
    ):
        assert box in sections, box
    assert any(s.startswith("Choice box") for s in sections)
    assert any(s.startswith("Command box (a, |, #") for s in sections)


async def test_help_from_the_sort_box_starts_with_the_sort_keys(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("O")
        await settle(pilot)
        assert isinstance(app.screen, SortScreen)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert sections_of(app.screen.rows)[0] == "Sort box (O)"


async def test_a_question_mark_typed_in_the_search_box_is_typed_not_help(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#search-input").value == "?"


async def test_question_mark_in_help_still_closes_it(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L", "question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, DownloadsScreen)


async def test_the_query_examples_heading_names_the_search_key_in_effect(tmp_path, db_path):
    """It said "(/)" whatever the keys (the emacs preset searches with Ctrl-S first)."""
    app = NewstuiApp(db_path, load_config(write_config(tmp_path, 'preset = "emacs"\n')))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        assert "Search queries (Ctrl-S)" in screen_text(app)
