"""The footer offers the keys that fit the state (user test r38 L8, L11): with no article stored,
`a` to add a feed (the headlines' text said so, the footer offered `n` and `e`); in the sidebar,
Enter for the articles of the entity or the quote's speaker (it was only in `?` help)."""

from __future__ import annotations

import pytest

from newstui.config import Config, Settings
from newstui.library import Library
from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle


def footer(app) -> str:
    return screen_text(app).splitlines()[-1]


@pytest.mark.parametrize("size", [(120, 40), (60, 20)])
async def test_an_empty_store_offers_to_add_a_feed_in_the_footer(tmp_path, size):
    db = tmp_path / "empty.db"
    Library.open(db).close()
    app = NewstuiApp(db, Config(tmp_path / "feeds.toml", Settings(refresh_minutes=0)))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert "a Add feed" in footer(app)
        assert "Press a to add a feed" in screen_text(app)


async def test_a_store_with_articles_does_not(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Add feed" not in footer(app)


async def test_the_sidebars_footer_offers_enter_for_the_articles(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "tab")  # the reader, then the sidebar
        await settle(pilot)
        shown = footer(app)
        assert "F Follow" in shown
        assert "⏎ Articles" in shown
