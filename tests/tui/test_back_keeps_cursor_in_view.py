"""Back from a search (or an entity's list) shows the article the cursor returns to."""

from __future__ import annotations

from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle, store_many


def listed(app: NewstuiApp) -> str:
    """The text of the headline list's lines on screen (not the reader's title)."""
    region = app.main.headlines.region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return "\n".join(line[region.x : region.right] for line in lines)


async def test_back_from_a_search_shows_the_row_the_cursor_returns_to(tmp_path):
    path = tmp_path / "many.db"
    store_many(path, 25, "Story {i:02d}")
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.main.headlines
        await pilot.press("G", "k", "k", "k")
        await settle(pilot)
        chosen = headlines.selected
        assert chosen is not None and chosen.title in listed(app)
        await pilot.press("slash", *"2*", "enter")
        await settle(pilot)
        assert headlines.view.key.startswith("search:") and headlines.total == 5
        await pilot.press("escape")
        await settle(pilot)
        assert headlines.selected == chosen
        assert chosen.title in listed(app)
