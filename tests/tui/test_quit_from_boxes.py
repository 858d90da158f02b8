"""Q and Ctrl-C quit from every box over the main screen, as help promises ("Quit from
anywhere"), and the footer under a box shows that box's keys, not the main screen's."""

from __future__ import annotations

import pytest

from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle

BOXES = {
    "help": ("question_mark",),
    "downloads": ("L",),
    "mark all read?": ("A",),
    "sort": ("O",),
    "search": ("slash",),
}


@pytest.mark.parametrize("box", list(BOXES))
@pytest.mark.parametrize("key", ["Q", "ctrl+c"])
async def test_Q_and_ctrl_c_quit_from_a_box(db_path, box, key):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*BOXES[box])
        await settle(pilot)
        assert len(app.screen_stack) == 2, box  # the box is up
        if box == "search" and key == "Q":
            await pilot.press("Q")  # typed into the query, not a quit
            await settle(pilot)
            assert app.is_running
            return
        await pilot.press(key)
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running, (box, key)


@pytest.mark.parametrize(
    ("box", "shown", "not_shown"),
    [
        ("help", "Close", "Next unread"),
        ("downloads", "r Retry", "Next unread"),
        ("mark all read?", "y Yes", "Next unread"),
    ],
)
async def test_the_footer_under_a_box_shows_the_boxs_keys(db_path, box, shown, not_shown):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Next unread" in screen_text(app).splitlines()[-1]  # the main screen's own keys
        await pilot.press(*BOXES[box])
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert shown in footer and "Q Quit" in footer, footer
        assert not_shown not in footer, footer
