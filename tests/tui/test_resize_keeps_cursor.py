"""The selected headline stays on screen when the list gets shorter (a smaller terminal, the
reader or the sidebar opening): the keys on it act on a row the user sees."""

from __future__ import annotations

from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle, store_many


def listed(app: NewstuiApp) -> str:
    """The text of the headline list's lines on screen."""
    region = app.main.headlines.region
    lines = screen_text(app).splitlines()[region.y : region.bottom]
    return "\n".join(line[region.x : region.right] for line in lines)


async def test_shrinking_the_terminal_keeps_the_selected_headline_in_view(tmp_path):
    path = tmp_path / "many.db"
    store_many(path, 300, "Story {i:05d}")
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.main.headlines
        await pilot.press(*["j"] * 40)
        await settle(pilot)
        chosen = headlines.selected
        assert chosen is not None and chosen.title in listed(app)
        for size in [(60, 20), (80, 24), (60, 12), (120, 40)]:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            assert headlines.selected == chosen
            assert chosen.title in listed(app), size
