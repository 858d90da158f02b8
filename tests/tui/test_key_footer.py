"""The footer keeps quit, help and refresh on narrow terminals; the rest give way in order."""

from __future__ import annotations

import pytest

from newstui.tui.app import NewstuiApp
from newstui.tui.widgets.key_footer import footer_key_width, keys_that_fit

from .conftest import screen_text, settle


def test_every_key_shows_when_they_all_fit():
    keys = [("headlines.open", 7), ("app.help", 7), ("app.quit", 6)]
    assert keys_that_fit(keys, 19) == [0, 1, 2]


def test_the_least_important_keys_give_way_and_the_rest_keep_their_order():
    keys = [
        ("headlines.open", footer_key_width("⏎", "Open")),
        ("sidebar.toggle", footer_key_width("e", "Sidebar")),
        ("sources.follow", footer_key_width("F", "Follow")),
        ("app.help", footer_key_width("?", "Help")),
        ("app.quit", footer_key_width("Q", "Quit")),
    ]
    assert keys_that_fit(keys, 20) == [0, 3, 4]
    assert keys_that_fit(keys, 13) == [3, 4]


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
async def test_quit_help_and_refresh_show_in_the_footer_at_every_size(db_path, size):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for keys in ([], ["enter"], ["tab"]):
            for key in keys:
                await pilot.press(key)
            await settle(pilot)
            footer = screen_text(app).splitlines()[-1]
            assert "Q Quit" in footer and "? Help" in footer and "R Refresh" in footer, footer


async def test_a_box_footer_writes_esc_as_its_hint_does(db_path):
    """Over L the footer said "esc Close" under the box's "Esc: close" (help, the palette and
    every hint write Esc)."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        text = screen_text(app)
        assert "Esc: close" in text
        assert text.splitlines()[-1].startswith("Esc Close")
