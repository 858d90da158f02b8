"""The title bar: one widget where Textual's Header was four, looking and working as it did."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widget import Widget

from newstui.tui.app import NewstuiApp
from newstui.tui.widgets.title_bar import TitleBar

from .conftest import screen_text, settle


async def test_the_title_is_centred_between_the_icon_and_the_space_on_the_right(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        top = screen_text(app).splitlines()[0]
        title = "Headlines ▸ All articles — 25 articles"
        assert top.startswith(" ≡      ")
        assert top.index(title) == 8 + (120 - 8 - 10 - len(title)) // 2
        assert top.rstrip().endswith(title)
        bar = app.main.query_one(TitleBar)
        assert not bar.children  # one widget draws the whole line
        assert not [w for w in app.main.query(Widget) if type(w).__name__.startswith("Header")]


async def test_a_narrow_screen_leaves_the_title_three_cells_each_side(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        top = screen_text(app).splitlines()[0]
        title = "Headlines ▸ All articles — 25 articles"
        assert top.startswith(" ≡ ")
        assert top.index(title) == 3 + (60 - 3 - 3 - len(title)) // 2  # not 8 and 10 cells


async def test_a_title_longer_than_the_bar_ends_with_an_ellipsis(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        app.main.title = "A very long title " * 6
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        assert top[3:57].endswith("…") and top[3:57].startswith("A very long title")


async def test_the_title_follows_the_focused_pane(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "Reader ▸ All articles" in screen_text(app).splitlines()[0]


async def test_clicking_the_icon_opens_the_command_palette(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.click(TitleBar, offset=(40, 0))  # the title: nothing happens
        await settle(pilot)
        assert app.screen is app.main
        await pilot.hover(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert app.main.query_one(TitleBar).tooltip == "Open the command palette"
        await pilot.click(TitleBar, offset=(1, 0))
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)


async def test_a_long_search_shows_as_much_of_its_query_as_the_bar_has_room_for(db_path):
    """User test r32 L13: 'Headlines ▸ Search… — 0 articles' at 120 columns (the cut went back to
    the ': ' before the query's one long word) but 'Reader ▸ Search: Averyv…' at 30."""
    query = "A" + "very" * 30
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *query, "enter")
        await settle(pilot)
        top = screen_text(app).splitlines()[0].strip()
        shown = top.split("Search: ", 1)[1].split("…", 1)[0] if "Search: " in top else ""
        assert len(shown) >= 60, top
        assert query.startswith(shown)
        assert top.endswith("… — 0 articles")
