"""Pilot tests: moving through headlines, opening articles, panes, help, search, mouse."""

from __future__ import annotations

from pathlib import Path

from textual import events

from newstui.store import open_db
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.help import HelpScreen
from newstui.tui.widgets.headlines import HeadlineList
from newstui.tui.widgets.reader import Reader

from .conftest import INJECTED_TITLE, screen_text, settle


def flags(db_path: Path, article_id: int) -> tuple[bool, bool]:
    db = open_db(db_path)
    read, starred = db.execute(
        "SELECT read, starred FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    db.conn.close()
    return bool(read), bool(starred)


async def test_start_focuses_headlines_with_newest_article_in_reader(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, HeadlineList)
        assert app.main.headlines.cursor == 0
        assert app.main.headlines.selected.id == ids["seed"]
        assert app.main.reader.article_id == ids["seed"]
        assert "Syrian rebels enter Aleppo" in screen_text(app)
        assert "All articles" in screen_text(app).splitlines()[0]


async def test_j_k_and_arrows_move_the_cursor_and_the_reader_follows(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)
        assert app.main.headlines.cursor == 2
        assert app.main.reader.article_id == ids["chips"]
        await pilot.press("k")
        await pilot.press("down", "down", "up")
        await settle(pilot)
        assert app.main.headlines.cursor == 2
        await pilot.press("k", "k", "k")
        assert app.main.headlines.cursor == 0


async def test_g_and_G_go_to_first_and_last(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        assert app.main.headlines.cursor == app.main.headlines.total - 1
        assert app.main.reader.article_id == app.main.headlines.selected.id
        assert "A local note" in screen_text(app)
        await pilot.press("g")
        assert app.main.headlines.cursor == 0


async def test_enter_opens_the_article_marks_it_read_and_fills_the_sidebar(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert flags(db_path, ids["seed"]) == (False, False)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.focused, Reader)
        assert flags(db_path, ids["seed"])[0] is True
        text = screen_text(app)
        assert any("Dmitry Peskov" in line and "×" in line for line in text.splitlines())
        assert "Places (5)" in text


async def test_l_opens_and_h_and_escape_go_back(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "l")
        await settle(pilot)
        assert isinstance(app.focused, Reader)
        assert flags(db_path, ids["inject"])[0] is True
        await pilot.press("h")
        assert isinstance(app.focused, HeadlineList)
        await pilot.press("enter")
        await pilot.press("escape")
        assert isinstance(app.focused, HeadlineList)
        await pilot.press("h")
        assert app.focused.id == "sources"
        await pilot.press("h", "escape")  # the leftmost pane: they went right (user test r41 L2)
        assert app.focused.id == "sources"


async def test_reading_is_not_marked_when_the_setting_is_off(db_path, ids, tmp_path):
    from newstui.config import load_config

    path = tmp_path / "feeds.toml"
    path.write_text("[settings]\nmark_read_on_open = false\n", "utf-8")
    app = NewstuiApp(db_path, load_config(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert flags(db_path, ids["seed"])[0] is False


async def test_tab_and_shift_tab_cycle_the_panes(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(app.main._pane_of(app.focused))
        assert seen == ["reader", "sidebar", "sources", "headlines"]
        await pilot.press("shift+tab")
        assert app.main._pane_of(app.focused) == "sources"


async def test_sources_pane_chooses_a_view(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("h")  # to the sources pane
        await pilot.press("j", "j", "enter")  # All → Unread → Starred
        await settle(pilot)
        assert app.main.headlines.view.key == "starred"
        assert app.main.headlines.total == 0
        assert "No articles in this view." in screen_text(app)
        await pilot.press("h", "j", "l")  # from Starred, the Tags heading is skipped: #news
        await settle(pilot)
        assert app.main.headlines.view.key == "tag:news"
        assert app.main.headlines.total == 22
        assert isinstance(app.focused, HeadlineList)


async def test_space_and_b_page_the_reader(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        reader = app.main.reader
        assert reader.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        assert reader.scroll_y > 0
        await pilot.press("b")
        await pilot.pause()
        assert reader.scroll_y == 0
        assert isinstance(app.focused, HeadlineList)


async def test_markup_in_a_title_shows_literally(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        text = screen_text(app)
        assert "[bold red]x[/] [link=https://evil.example]" in text
        reader_text = str(app.main.reader.query_one("#reader-body").render())
        assert INJECTED_TITLE in reader_text
        assert "[b]not bold[/b]" in reader_text


async def test_search_shows_matches_as_a_view_and_back_returns(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await pilot.press(*"kremlin")
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.headlines.view.key == "search:kremlin"
        assert app.main.headlines.total == 2
        assert "Search: kremlin" in screen_text(app).splitlines()[0]
        await pilot.press("escape")
        await settle(pilot)
        assert app.main.headlines.view.key == "all"


async def test_help_screen_lists_the_keys(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for words in (
            "Next unread",
            "Toggle read / unread",
            "Refresh all sources",
            "Show / hide the sidebar",
        ):
            assert words in text
        await pilot.press("m")  # article keys do nothing behind the help screen
        await pilot.press("escape")
        assert app.screen is app.main


async def test_the_help_scrolls_with_the_readers_keys_at_80x24(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        box = app.screen.query_one("#help-box")
        assert box.max_scroll_y > 0  # the keys do not fit at this size
        await pilot.press("j", "j")
        assert box.scroll_y == 2
        await pilot.press("k")
        assert box.scroll_y == 1
        await pilot.press("G")
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("g")
        assert box.scroll_y == 0
        await pilot.press("space")
        assert box.scroll_y > 2
        await pilot.press("b")
        assert box.scroll_y == 0
        for _ in range(5):  # j held down: a line a key, however fast they come
            app.post_message(events.Key("j", None))
        await settle(pilot)
        assert box.scroll_y == 5
        assert isinstance(app.screen, HelpScreen)  # none of them closed it


async def test_command_palette_offers_the_actions(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.main)]
        assert "Refresh all sources" in titles
        assert "Next unread" in titles
        assert "Toggle the star" in titles


async def test_the_palette_finds_a_command_by_newsboats_name_for_it(db_path):
    """newsboat's operation names ("reload", "mark-feed-read") find newstui's commands (user
    test r36 L3: "reload" gave "No matches found"); the empty palette lists each command once."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        commands = list(app.get_system_commands(app.main))
        listed = [c.title for c in commands if c.discover]
        assert not [t for t in listed if "(newsboat)" in t]
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"reload-all")
        await settle(pilot)
        text = screen_text(app)
        assert "reload-all (newsboat): Refresh all sources" in text and "key: R" in text
        await pilot.press("enter")
        await settle(pilot)
    names = {c.title.split(" (newsboat)")[0] for c in commands if not c.discover}
    assert {"reload", "reload-all", "mark-feed-read", "toggle-article-read"} <= names


async def test_the_palette_lists_only_newstuis_commands_with_one_quit(db_path):
    """Textual's own Theme, Keys, Maximize, Screenshot and its Quit stood beside ours (two
    Quits; a screenshot saved where the user did not ask)."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab")  # the reader focused: Textual offered to maximize it
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.main)]
        assert not {"Theme", "Keys", "Maximize", "Minimize", "Screenshot"} & set(titles)
        assert [t for t in titles if t.startswith("Quit")] == ["Quit"]
        assert "Find a command by its name (command palette)" not in titles  # (it is open)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"quit")
        await settle(pilot)
        text = screen_text(app)
        assert "Quit\n" in text and "key: Q" in text
        assert "Quit the application as soon as possible" not in text
        await pilot.press("enter")
        await settle(pilot)
    assert app.return_code == 0


async def test_the_palette_over_help_offers_the_global_commands_only(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert sorted(titles) == ["Quit", "Switch light / dark theme"]


async def test_the_palette_shows_keys_and_brackets_as_help_does(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"link")
        await settle(pilot)
        text = screen_text(app)
        assert "Open link [n] of the article in a browser (asks for n)" in text
        assert "key: #" in text
        assert "number_sign" not in text
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"every key")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)  # the palette's help is `?` help


async def test_t_switches_between_light_and_dark_themes(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        dark = app.current_theme.dark
        await pilot.press("t")
        assert app.current_theme.dark is not dark
        await pilot.press("t")
        assert app.current_theme.dark is dark


async def test_q_goes_back_one_level_as_in_newsboat_and_quits_only_from_the_sources(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab")  # the sidebar
        await pilot.press("q")
        assert isinstance(app.focused, Reader)
        await pilot.press("q")
        assert isinstance(app.focused, HeadlineList)
        await pilot.press("q")
        assert app.focused is not None and app.focused.id == "sources"
        assert app.is_running
        await pilot.press("q")  # at the top: asks for a second q (confirm_quit)
        await pilot.pause()
        assert app.is_running
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


async def test_q_in_a_search_returns_to_the_list_the_search_started_from(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"aleppo", "enter")
        await settle(pilot)
        assert app.main.current_view.key.startswith("search:")
        await pilot.press("q")
        await settle(pilot)
        assert app.main.current_view.key == "all"
        assert app.is_running


async def test_Q_and_ctrl_c_quit_from_any_pane(db_path):
    for key in ("Q", "ctrl+c"):
        app = NewstuiApp(db_path, None)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press("enter")  # the reader
            assert isinstance(app.focused, Reader)
            await pilot.press(key)
            await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running, key


async def test_clicking_a_headline_selects_it_and_scrolling_works(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.click(HeadlineList, offset=(10, 3))
        await settle(pilot)
        assert app.main.headlines.cursor == 3
        assert app.main.reader.article_id == ids["kremlin"]
        await pilot.click(HeadlineList, offset=(10, 3), times=2)
        await settle(pilot)
        assert isinstance(app.focused, Reader)
        await pilot.press("h")
        headlines = app.main.headlines
        for _ in range(3):
            headlines.post_message(
                events.MouseScrollDown(headlines, 10, 3, 0, 1, 0, False, False, False)
            )
        await pilot.pause()
        assert app.main.headlines.scroll_y > 0


async def test_an_empty_feed_says_why_its_last_fetch_failed(db_path, ids):
    from newstui.store import open_db
    from newstui.store.feeds import ensure_feed, record_fetch

    db = open_db(db_path)
    feed_id = ensure_feed(
        db, "https://down.example/rss", "AAA Down Feed", url="https://down.example/rss"
    )
    record_fetch(
        db, feed_id, status=None, error="AAA Down Feed: HTTP 503 [b]Service[/b] Unavailable"
    )
    db.conn.close()
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("h")  # to the sources pane
        app.main.sources.select_view(f"feed:{feed_id}")
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.headlines.total == 0
        assert "The last fetch failed: AAA Down Feed: HTTP 503 [b]Service[/b]" in screen_text(app)


async def test_the_sources_cursor_stays_where_the_user_puts_it(db_path):
    """Textual's option list wraps around: `j` held to reach the last feed landed on All. And
    each sources reload (the counts, twice a second during a refresh) put the cursor back on the
    listed view: `j j` during a refresh jumped back to All (D said "Choose a feed…")."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sources = app.main.sources
        await pilot.press("h", "G")
        last = sources.highlighted
        assert last is not None and last > 0
        await pilot.press("j", "down")
        assert sources.highlighted == last
        sources.reload()
        await settle(pilot)
        assert sources.highlighted == last
        await pilot.press("g", "k", "up")
        assert sources.highlighted == 0
        await pilot.press("j")  # All → Unread, as before
        assert sources.highlighted == 1
        await pilot.press("l")  # shown, then away from Sources: it follows the view again
        await settle(pilot)
        sources.reload()
        await settle(pilot)
        assert sources.highlighted == 1
        await pilot.press("enter", "tab")  # the reader, then the sidebar's entity list
        await settle(pilot)
        entities = app.main.sidebar.active_list
        assert app.focused is entities
        await pilot.press("G")
        last = entities.highlighted
        await pilot.press("j")
        assert entities.highlighted == last
