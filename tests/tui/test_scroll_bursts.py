"""Scroll keys typed in one burst (a key held down, tmux send-keys) scroll once each: none of
them is lost because the one before it had not been drawn yet (help: test_navigation)."""

from __future__ import annotations

from textual import events

from newstui.tui.app import NewstuiApp

from .conftest import settle


async def test_j_held_down_in_the_reader_scrolls_a_line_a_key(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # the seed article, the newest: the longest
        await settle(pilot)
        reader = app.main.reader
        assert reader.max_scroll_y > 6
        for _ in range(5):
            app.post_message(events.Key("j", None))
        await settle(pilot)
        assert reader.scroll_y == 5
        for _ in range(3):
            app.post_message(events.Key("k", None))
        await settle(pilot)
        assert reader.scroll_y == 2


async def test_space_held_down_in_the_reader_pages_a_page_a_key(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 16)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.main.reader
        await pilot.press("space")
        await settle(pilot)
        page = reader.scroll_y
        await pilot.press("b")
        await settle(pilot)
        assert page > 0 and reader.scroll_y == 0 and reader.max_scroll_y > page
        for _ in range(2):
            app.post_message(events.Key("space", None))
        await settle(pilot)
        assert reader.scroll_y == min(2 * page, reader.max_scroll_y)
