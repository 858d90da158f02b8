"""The reader keeps at least 40 columns beside the sidebar: on a narrow terminal the sidebar
narrows first (to 20), and where even that would leave the reader fewer, it shows alone, in the
reader's place, while it has the focus (user test r38 L15: at 40 columns the reader was 18 wide
beside a 20-column sidebar, at 20 one column)."""

from __future__ import annotations

from newstui.tui.app import NewstuiApp
from newstui.tui.screens.panes import READER_MIN_WIDTH

from .conftest import screen_text, settle
from .test_layout import visible


async def reading_with_sidebar(app, pilot) -> None:
    await settle(pilot)
    await pilot.press("enter")  # an article, in the reader
    await settle(pilot)
    await pilot.press("e")  # the sidebar, asked for
    await settle(pilot)


async def test_at_60_columns_the_sidebar_narrows_and_the_reader_keeps_40(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(60, 20)) as pilot:
        await reading_with_sidebar(app, pilot)
        main = app.main
        assert visible(main.sidebar) and visible(main.reader)
        assert main.reader.region.width >= READER_MIN_WIDTH == 40
        assert main.sidebar.region.width >= 20
        assert "Entities" in screen_text(app)


async def test_at_80_columns_the_sidebar_keeps_its_width(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await reading_with_sidebar(app, pilot)
        main = app.main
        assert main.sidebar.region.width == 32  # 40% of the screen
        assert main.reader.region.width == 48


async def test_below_60_columns_the_sidebar_shows_alone_while_it_has_the_focus(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(40, 12)) as pilot:
        await reading_with_sidebar(app, pilot)
        main = app.main
        assert app.focused is main.sidebar.active_list  # e went there: it shows
        assert visible(main.sidebar) and not visible(main.reader)
        assert main.sidebar.region.width == 40
        await pilot.press("escape")  # back to the reader: it has the width again
        await settle(pilot)
        assert app.focused is main.reader
        assert not visible(main.sidebar)
        assert main.reader.region.width == 40
        await pilot.press("tab")  # Tab reaches it while it is asked for
        await settle(pilot)
        assert visible(main.sidebar) and not visible(main.reader)
        await pilot.press("e")  # e in it: put away, back to the reader
        await settle(pilot)
        assert app.focused is main.reader and not visible(main.sidebar)


async def test_a_terminal_made_narrower_while_reading_keeps_the_reader_whole(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(60, 20)) as pilot:
        await reading_with_sidebar(app, pilot)
        main = app.main
        await pilot.resize_terminal(40, 12)
        await settle(pilot)
        assert app.focused is main.reader
        assert not visible(main.sidebar)
        assert main.reader.region.width == 40
        await pilot.resize_terminal(60, 20)  # room again: beside the reader, as asked
        await settle(pilot)
        assert visible(main.sidebar) and main.reader.region.width == 40
