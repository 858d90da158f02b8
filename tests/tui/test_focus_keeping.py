"""Pilot tests: focus stays on a pane the user can see and use (sidebar tabs, resizes, z, help)."""

from __future__ import annotations

from textual import events

from newstui.tui.app import NewstuiApp
from newstui.tui.screens.speaker_quotes import SpeakerQuotesScreen

from .conftest import settle


async def test_1_and_2_in_the_sidebar_keep_its_keys_on_the_new_tab(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sidebar = app.main.sidebar
        await pilot.press("enter", "tab")  # the reader, then the sidebar's entity list
        assert app.focused is sidebar.active_list
        await pilot.press("2")
        await pilot.pause()
        quotes = sidebar.active_list
        assert quotes.id == "quote-list" and app.focused is quotes
        assert app.main.title.startswith("Sidebar ▸")
        assert quotes.highlighted == 0
        await pilot.press("j")  # the second quote: Dmitry Peskov
        assert quotes.highlighted == 1
        await pilot.press("1")
        await pilot.pause()
        assert app.focused is sidebar.active_list and app.focused.id == "entity-list"
        await pilot.press("2", "w")
        await settle(pilot)
        assert isinstance(app.screen, SpeakerQuotesScreen)


async def test_1_and_2_elsewhere_leave_focus_where_it_was(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await pilot.pause()
        assert app.focused is app.main.headlines


async def test_a_resize_hiding_the_focused_sidebar_moves_focus_to_the_reader(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter", "tab")
        assert app.main._pane_of(app.focused) == "sidebar"
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert not app.main.sidebar_visible
        assert app.focused is app.main.reader
        assert app.main.title.startswith("Reader ▸")


async def test_a_resize_hiding_the_sidebar_without_an_article_focuses_the_headlines(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.detail = None  # as in an empty view
        app.main.focus_pane("sidebar")
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.focused is app.main.headlines


async def test_z_twice_from_the_reader_returns_to_the_reader(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        assert app.focused is app.main.reader
        await pilot.press("z")
        await settle(pilot)
        assert app.main.has_class("-full-reader")
        await pilot.press("z")
        await settle(pilot)
        assert not app.main.has_class("-full-reader")
        assert app.focused is app.main.reader
        assert app.main.title.startswith("Reader ▸")


async def test_tabs_typed_quickly_move_one_pane_each(db_path):
    """Focus arrives after the key that asks for it: a second Tab typed before it went on from
    the pane the first Tab left, and two Tabs landed on the reader, not the pane after it."""
    for size, panes in (
        ((120, 40), ["Reader", "Sidebar", "Sources"]),
        ((80, 24), ["Reader", "Sources", "Headlines"]),
    ):
        app = NewstuiApp(db_path, None)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            for count, pane in enumerate(panes, 1):
                for _ in range(count):
                    app.post_message(events.Key("tab", None))  # as fast as a terminal sends them
                await settle(pilot)
                assert app.main.title.startswith(f"{pane} ▸"), (size, count)
                for _ in range(count):
                    app.post_message(events.Key("shift+tab", None))
                await settle(pilot)
                assert app.main.title.startswith("Headlines ▸"), (size, count)


async def test_keys_typed_in_one_burst_after_a_pane_change_go_to_the_new_pane(db_path):
    """`h k` sent together from the reader (tmux send-keys, a fast typist): the k moves the
    headline cursor up, it does not scroll the reader; Enter j together opens the article and
    scrolls it. The second key was given to the old pane before the focus moved."""
    for size in ((120, 40), (80, 24)):
        app = NewstuiApp(db_path, None)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("j", "j")
            await settle(pilot)
            second = app.main.headlines.cursor
            for key in ("enter", "j"):  # as fast as a terminal sends them
                app.post_message(events.Key(key, None))
            await settle(pilot)
            assert app.main.title.startswith("Reader ▸"), size
            assert app.main.headlines.cursor == second, size  # j scrolled the reader instead
            for key in ("h", "k"):
                app.post_message(events.Key(key, None))
            await settle(pilot)
            assert app.main.title.startswith("Headlines ▸"), size
            assert app.main.headlines.cursor == second - 1, size


async def test_h_then_j_in_one_burst_from_the_sources_moves_the_headline_cursor(db_path):
    # (on a narrow screen, where h leaves Sources: on a wide one, its leftmost pane, h stays)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("shift+tab")
        await settle(pilot)
        assert app.main.title.startswith("Sources ▸")
        start = app.main.headlines.cursor
        for key in ("h", "j"):  # as fast as a terminal sends them
            app.post_message(events.Key(key, None))
        await settle(pilot)
        assert app.main.title.startswith("Headlines ▸")
        assert app.main.headlines.cursor == start + 1  # j moved the sources cursor instead


async def test_enter_then_j_in_one_burst_from_the_sources_moves_in_the_chosen_view(db_path):
    """Enter's choice is a message, handled after the next key: that j moved the sources cursor
    and then chose nothing (tmux send-keys `Enter j`, a fast typist, a loaded machine)."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("shift+tab", "j")  # the sources, on Unread
        await settle(pilot)
        for key in ("enter", "j"):  # as fast as a terminal sends them
            app.post_message(events.Key(key, None))
        await settle(pilot)
        assert app.main.title.startswith("Headlines ▸ Unread")
        assert app.main.headlines.cursor == 1


async def test_enter_then_j_in_one_burst_on_an_entity_moves_in_its_articles(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "j")  # the sidebar's first entity
        await settle(pilot)
        for key in ("enter", "j"):
            app.post_message(events.Key(key, None))
        await settle(pilot)
        assert app.main.current_view.key.startswith("entity:")
        assert app.main.title.startswith("Headlines ▸")
        assert app.main.headlines.cursor == min(1, app.main.headlines.total - 1)


async def test_keys_typed_while_the_list_reloads_are_not_lost(db_path):
    """A reload (a refresh, another writer) put the cursor back on the row it started from,
    undoing the keys typed before its rows arrived."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.main.headlines
        headlines.reload()
        for key in ("j", "j"):
            app.post_message(events.Key(key, None))
        await settle(pilot)
        assert headlines.cursor == 2
        headlines.reload()
        app.post_message(events.Key("G", None))
        app.post_message(events.Key("k", None))
        await settle(pilot)
        assert headlines.cursor == headlines.total - 2
