"""A question box's answers can be clicked: "y: mark read" marks, "n / Esc / q / Enter: cancel"
cancels, as their keys do (user test r38 L6: they were text, and a click did nothing)."""

from __future__ import annotations

from newstui.tui.screens.confirm import ConfirmScreen

from .conftest import settle
from .test_mark_undo import app_for


async def asked(app, pilot) -> ConfirmScreen:
    await settle(pilot)
    await pilot.press("A")  # 25 unread, above the threshold: the box asks
    await settle(pilot)
    assert isinstance(app.screen, ConfirmScreen)
    return app.screen


def unread(app) -> int:
    return sum(f.unread for f in app.main.sources.feeds)


async def test_a_click_on_the_yes_answer_gives_it(db_path, tmp_path):
    app = app_for(db_path, tmp_path, mark_all_confirm=5)
    async with app.run_test(size=(120, 40)) as pilot:
        box = await asked(app, pilot)
        hint = box.query_one("#confirm-hint")
        assert str(hint.render()).startswith("y: mark read")
        await pilot.click(hint, offset=(3, 0))  # on "mark"
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        assert unread(app) == 0


async def test_a_click_on_the_cancel_answer_gives_it(db_path, tmp_path):
    app = app_for(db_path, tmp_path, mark_all_confirm=5)
    async with app.run_test(size=(120, 40)) as pilot:
        box = await asked(app, pilot)
        hint = box.query_one("#confirm-hint")
        at = str(hint.render()).index("cancel")
        await pilot.click(hint, offset=(at, 0))
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        assert unread(app) == 25


async def test_a_click_between_the_answers_gives_neither(db_path, tmp_path):
    app = app_for(db_path, tmp_path, mark_all_confirm=5)
    async with app.run_test(size=(120, 40)) as pilot:
        box = await asked(app, pilot)
        hint = box.query_one("#confirm-hint")
        at = str(hint.render()).index("    ") + 2
        await pilot.click(hint, offset=(at, 0))
        await settle(pilot)
        assert app.screen is box
        await pilot.press("y")  # the keys as ever
        await settle(pilot)
        assert unread(app) == 0
