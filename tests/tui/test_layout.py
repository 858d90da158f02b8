"""Pilot tests: the layout at 80×24 (panes become toggles) and on a large terminal."""

from __future__ import annotations

from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle


def visible(widget) -> bool:
    return widget.display and widget.region.width > 0 and widget.region.height > 0


async def test_80x24_shows_headlines_and_reader_with_side_panes_as_toggles(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        assert not visible(main.sources) and not visible(main.sidebar)
        assert visible(main.headlines) and visible(main.reader)
        text = screen_text(app)
        assert "Syrian rebels enter Aleppo" in text
        assert "Next unread" in text.splitlines()[-1]
        assert all(len(line) <= 80 for line in text.splitlines())
        await pilot.press("e")
        assert visible(main.sidebar)
        assert main.headlines.region.width >= 40
        await pilot.press("e", "shift+tab")  # to the sources pane: shown while focused
        assert visible(main.sources)
        await pilot.press("tab")
        assert not visible(main.sources)
        await pilot.press("enter")  # reading: the reader takes the whole column
        await settle(pilot)
        assert not visible(main.headlines)
        assert main.reader.region.height >= 20
        await pilot.press("h")
        assert visible(main.headlines)


async def test_a_large_terminal_shows_every_pane(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(220, 60)) as pilot:
        await settle(pilot)
        main = app.main
        for pane in (main.sources, main.headlines, main.reader, main.sidebar):
            assert visible(pane)
        assert main.reader.region.width >= 120
        assert main.sidebar.region.width >= 44
        assert main.headlines.region.height >= 20
        assert "2024-11-30 12:00" in screen_text(app)


async def test_resizing_to_small_collapses_the_side_panes(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.main.sidebar_visible
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert not app.main.sidebar_visible
        assert not visible(app.main.sources)


async def test_the_chosen_theme_is_remembered(db_path, tmp_path):
    from newstui.tui.app import NewstuiApp

    state = tmp_path / "state" / "ui.json"
    app = NewstuiApp(db_path, None, ui_state=state)
    async with app.run_test(size=(120, 40)) as pilot:
        dark = app.current_theme.dark
        await pilot.press("t")
        await pilot.pause()
    again = NewstuiApp(db_path, None, ui_state=state)
    async with again.run_test(size=(120, 40)):
        assert again.current_theme.dark is (not dark)


async def test_the_sources_pane_fits_its_entries_saved_views_included(tmp_path):
    """An empty store's pane was 20 columns, wider than one short feed's; a long saved view's
    name was left out of the measure and cut."""
    from newstui.config import load_config

    empty = NewstuiApp(tmp_path / "empty.db", None)
    async with empty.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert empty.main.sources.region.width == 16
    config = tmp_path / "feeds.toml"
    config.write_text(
        '[settings]\nrefresh_minutes = 0\n\n[[views]]\nname = "Everything about the harbour"\n'
        "query = 'harbour'\n",
        "utf-8",
    )
    app = NewstuiApp(tmp_path / "empty.db", load_config(config))
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        assert "Everything about the harbour" in screen_text(app)


async def test_on_a_narrow_terminal_the_sources_pane_leaves_the_headlines_two_thirds(db_path):
    """At 80 columns a long feed name gave the sources pane half the screen (40 columns), and
    the headlines beside it the other half."""
    from newstui.store import open_db
    from newstui.store.feeds import ensure_feed

    db = open_db(db_path)
    name = "The Harbour Gazette · Evening Edition and Shipping News"
    ensure_feed(db, "http://127.0.0.1:9/gazette.xml", name, url="http://127.0.0.1:9/gazette.xml")
    db.conn.close()
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("h")  # Sources shows while it has the focus
        await settle(pilot)
        assert app.main.sources.has_focus and app.main.sources.region.width == 80 // 3
        assert app.main.headlines.region.width >= 80 - 80 // 3 - 1
        assert "The Harbour Gazette" in screen_text(app)
        await pilot.press("escape")  # shown while focused: Esc closes it (user test r41 L2)
        assert app.main.headlines.has_focus
