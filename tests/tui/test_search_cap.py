"""The `/` box follows the CLI's query rule: past the term cap, one message and the box stays."""

from __future__ import annotations

from textual.widgets import Input

from newstui.query import MAX_TERMS
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.search import SearchScreen

from .conftest import screen_text, settle


async def test_too_many_words_in_the_search_box_say_so_and_keep_the_box_open(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        app.screen.query_one(Input).value = " ".join(f"w{i}" for i in range(300))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert f"more than {MAX_TERMS} different search terms" in screen_text(app)
        assert app.main.headlines.view.key == "all"


async def test_a_long_query_of_repeated_words_searches(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.pause()
        app.screen.query_one(Input).value = " ".join(["Kremlin"] * 200)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        assert app.main.headlines.total == 2
