"""Pilot tests: a calmer screen — panes sized to their content and the terminal, the focused pane
named, help by pane, searches that do not stack."""

from __future__ import annotations

import re

import pytest

from newstui.store import open_db
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp
from newstui.tui.app_keys import key_sections
from newstui.tui.screens.help import HelpScreen

from .conftest import screen_text, settle


def long_feed_names(db_path) -> None:
    db = open_db(db_path)
    for name in ("BBC News - World", "BBC News - Business"):
        ensure_feed(db, f"http://127.0.0.1:9/{name}", name, url=f"http://127.0.0.1:9/{name}")
    db.conn.close()


async def test_feed_names_get_the_width_they_need_at_120x40(db_path):
    long_feed_names(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "BBC News - World" in text and "BBC News - Business" in text


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_sidebar_narrows_with_the_terminal_leaving_titles_room(db_path, size):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert app.main.sidebar_visible
        assert app.main.headlines.region.width >= size[0] // 2
        assert "Syrian rebels" in screen_text(app)  # the start of a title, not three letters


async def test_a_feed_view_leaves_out_the_source_column(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "World Desk" in app.main.headlines.render_line(0).text
        world = next(f for f in app.main.sources.feeds if f.name == "World Desk")
        app.main.focus_pane("sources")
        app.main.sources.select_view(f"feed:{world.id}")
        await pilot.press("enter")
        await settle(pilot)
        assert "World Desk" not in app.main.headlines.render_line(0).text


async def test_the_title_bar_names_the_focused_pane(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first_line = lambda: screen_text(app).splitlines()[0]  # noqa: E731
        assert "Headlines ▸ All articles" in first_line()
        for pane in ("Reader", "Sidebar", "Sources", "Headlines"):
            await pilot.press("tab")
            await pilot.pause()
            assert f"{pane} ▸ All articles" in first_line()


async def test_help_has_a_section_per_pane_and_explains_enter_in_the_sidebar(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        sections = [row[0] for row in app.screen.rows]
        assert list(dict.fromkeys(sections))[:6] == [  # then each box's (test_help_keys)
            "Sources",
            "Headlines",
            "Reader",
            "Sidebar",
            "The article (any pane)",
            "Anywhere (a pane's own key first)",
        ]
        described = {(section, text) for section, _keys, text in app.screen.rows}
        assert any(
            section == "Sidebar" and "Enter on an entity or quote lists its articles" in text
            for section, text in described
        )
        # (newsboat's D deletes an article: here D names the feed it removes; user test r31 L10)
        # (on a tag, its folder: user test r47 L5)
        removes = (
            "Remove the selected feed, or on a tag its folder with its subfolders' feeds (a feed"
            " also in another folder only loses the tag; in the headlines, the article's feed: no"
        )
        assert (
            "Sources",
            f"{removes} key deletes one article), after asking (y: yes)",
        ) in described
        assert "Remove the selected feed" in screen_text(app)


async def test_help_lists_each_key_once_and_the_article_keys_as_working_in_every_pane(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        panes = {name for name, _ in key_sections()}  # (each box lists its own keys after)
        rows = [row for row in app.screen.rows if row[0] in panes]
        moves = {"Down", "Up", "First", "Last", "Back"}  # each pane's own, alike
        described = [text for _section, _keys, text in rows if text not in moves]
        assert len(described) == len(set(described)), "a binding is listed twice"
        section = {text: name for name, _keys, text in rows}
        keys = {text: k for _name, k, text in rows}
        article = "The article (any pane)"
        for text in ("Toggle read / unread", "Toggle the star", "Open the link in a browser"):
            assert section[text] == article  # m, s, o work in the reader too
        texts = (
            "Download the article's attached file (podcast episode)",
            "Fetch the article's full text from its web page",
        )
        for text in texts:
            assert section[text] == article  # d, f work in the headlines too
        assert section["Search"].startswith("Anywhere")  # not only in the headlines
        assert section["Find words in the article"] == "Reader"
        assert keys["Show the source's articles"] == "Enter l"  # l chooses a source too


async def test_a_search_from_a_search_does_not_stack(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for query in ("kremlin", "aleppo", "chip"):
            await pilot.press("slash", *query, "enter")
            await settle(pilot)
        assert app.main.headlines.view.key == "search:chip"
        await pilot.press("escape")
        await settle(pilot)
        assert app.main.headlines.view.key == "all"


async def test_help_on_a_narrow_terminal_is_one_column_whose_descriptions_fit_on_a_line(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = screen_text(app).splitlines()
        assert not any("Sources" in line and "Sidebar" in line for line in lines)  # no 2nd column
        assert any("Add a feed (its URL, or a site's address)" in line for line in lines)


async def test_a_one_column_help_lines_up_every_action(db_path):
    """Stacked, the two halves kept a keys column each: 'Enter l  Open' under Headlines but
    'Enter l    Enter on an entity…' under Sidebar. Two columns keep a keys column each."""

    async def action_columns(size: tuple[int, int]) -> set[int]:
        app = NewstuiApp(db_path, None)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("question_mark")
            await settle(pilot)
            found: dict[str, int] = {}
            for _ in range(12):  # page through the help
                for line in screen_text(app).splitlines():
                    for match in re.finditer(r"Enter l +(Open|Enter on an entity)", line):
                        found[match.group(1)] = match.start(1) - match.start()
                await pilot.press("space")
                await settle(pilot)
            assert len(found) == 2, found
            return set(found.values())

    assert len(await action_columns((60, 20))) == 1
    assert len(await action_columns((120, 40))) == 2


@pytest.mark.parametrize("key", ["slash", "a"])
async def test_the_search_and_add_boxes_show_the_headlines_behind_them_as_help_does(
    db_path, config, key
):
    """The search box (and `a`'s) hid the whole screen behind it, where `?` help and every
    other dialog show it dimmed."""
    app = NewstuiApp(db_path, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Syrian rebels enter Aleppo" in screen_text(app)
        await pilot.press(key)
        await settle(pilot)
        assert app.screen is not app.main
        assert "Syrian rebels enter Aleppo" in screen_text(app)
