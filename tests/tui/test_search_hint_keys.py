"""The search box's hint names the keys in effect for searching and cancelling (it said "Enter to
search, Esc to cancel." whatever the user's keys), packed to the box's width."""

from __future__ import annotations

from rich.cells import cell_len

from newstui.config import load_config
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.search import SearchScreen

from .conftest import screen_text, settle
from .test_keys import write_config


def hint_of(app) -> str:
    return str(app.screen.query_one("#search-hint").render())


async def test_a_rebound_submit_and_cancel_are_the_keys_the_hint_names(tmp_path, db_path):
    keys = '"search.submit" = "f5"\nunbind = ["search.submit:enter"]\n"search.cancel" = "f4"\n'
    app = NewstuiApp(db_path, load_config(write_config(tmp_path, keys)))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert hint_of(app).startswith("f5 to search, Esc / f4 to cancel.")
        await pilot.press(*"aleppo", "enter")  # Enter no longer searches: f5 does
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("f5")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        assert "Search: aleppo" in screen_text(app).splitlines()[0]
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press("f4")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)


async def test_the_default_hint_still_says_enter_and_esc(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert hint_of(app).startswith("Enter to search, Esc to cancel.")


async def test_the_emacs_hint_is_packed_to_the_box_at_60x20(tmp_path, db_path):
    keys = 'preset = "emacs"\n"search.submit" = "ctrl+j"\n'
    app = NewstuiApp(db_path, load_config(write_config(tmp_path, keys)))
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        hint = app.screen.query_one("#search-hint")
        lines = hint_of(app).splitlines()
        assert lines[0] == "Enter / Ctrl-J to search, Ctrl-G / Esc to cancel."
        assert all(cell_len(line) <= hint.content_region.width for line in lines), lines
        shown = screen_text(app)
        for line in lines:  # each line whole on the screen, none cut at the border
            assert line in shown, line
