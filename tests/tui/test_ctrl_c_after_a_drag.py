"""Ctrl-C right after a mouse drag that selected nothing (over the sidebar, whose text cannot be
selected) says so and does not quit; typed again, or with no drag before it, it quits as
README says, and with text selected in the reader it copies it (user test r38 L16: a user
trying to copy a quote lost the app)."""

from __future__ import annotations

from textual import events

from newstui.tui.app import NewstuiApp
from newstui.tui.widgets.sidebar import Sidebar

from .conftest import notifications, run_recorded, settle


async def drag_over_sidebar(app, pilot) -> None:
    """What a terminal sends as the left button is held and moved over the sidebar."""
    sidebar = app.screen.query_one(Sidebar)
    x, y = sidebar.region.x + 3, sidebar.region.y + 4
    await pilot.mouse_down(Sidebar, offset=(3, 4))
    for step in range(3):
        app.post_message(
            events.MouseMove(
                None, x + step, y, 1, 0, 1, False, False, False, screen_x=x + step, screen_y=y
            )
        )
        await pilot.pause()
    await pilot.mouse_up(Sidebar, offset=(5, 4))
    await pilot.pause()


async def test_ctrl_c_after_a_drag_that_selected_nothing_says_so_and_stays(db_path):
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # an article, its sidebar beside it
        await settle(pilot)
        await drag_over_sidebar(app, pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running
        assert any("Nothing selected to copy" in n.message for n in notifications(app))
        await pilot.press("ctrl+c")  # again: the user means it
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


async def test_a_key_between_the_drag_and_ctrl_c_makes_it_quit_again(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await drag_over_sidebar(app, pilot)
        await pilot.press("j", "ctrl+c")
        await pilot.pause()
    assert not app.is_running


async def test_ctrl_c_with_text_selected_in_the_reader_copies_it(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        app.screen.query_one("#reader-body").text_select_all()
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running
        assert "Aleppo" in app.clipboard
