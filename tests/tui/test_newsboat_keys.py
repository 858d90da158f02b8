"""Pilot tests: newsboat's N (toggle-article-read), C (mark-all-feeds-read) and `:` (its command
line: the palette) do what they do in newsboat (user test r33 L6: N and C did nothing, silently,
for a user pressing them daily; r42 M3: `:` neither)."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.widgets import Input

from newstui.config import Config, Settings
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.confirm import ConfirmScreen
from newstui.tui.screens.search import SearchScreen

from .conftest import notifications, run_recorded, settle


def app_for(db_path, tmp_path, **settings) -> NewstuiApp:
    return NewstuiApp(db_path, Config(tmp_path / "f.toml", Settings(refresh_minutes=0, **settings)))


def unread(app: NewstuiApp) -> int:
    return sum(f.unread for f in app.main.sources.feeds)


async def test_N_in_the_headlines_toggles_the_article_read_as_m_does(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.main.headlines.selected.read
        await pilot.press("N")
        await settle(pilot)
        assert app.main.headlines.selected.read
        await pilot.press("N")
        await settle(pilot)
        assert not app.main.headlines.selected.read
        # newsboat's `:` (its command line) opens the palette (user test r42 M3: it did nothing)
        await pilot.press("colon")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape", "slash", "t", "colon", "x")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)  # a box one types in keeps its `:`
        assert app.screen.query_one(Input).value == "t:x"


async def test_N_in_the_reader_without_a_find_toggles_the_article_read(db_path, tmp_path):
    app = app_for(db_path, tmp_path, mark_read_on_open=False)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is app.main.reader
        selected = app.main.headlines.selected.id
        await pilot.press("N")
        await settle(pilot)
        assert app.main.headlines.selected.id == selected
        assert app.main.headlines.selected.read
        await pilot.press("N")
        await settle(pilot)
        assert not app.main.headlines.selected.read


async def test_C_marks_every_feed_read_from_a_feed_view_after_asking(db_path, tmp_path):
    app = app_for(db_path, tmp_path, mark_all_confirm=5)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        tech = next(f for f in app.main.sources.feeds if f.name == "Tech Wire")
        app.main.focus_pane("sources")
        app.main.sources.select_view(f"feed:{tech.id}")
        await pilot.press("enter")
        await settle(pilot)
        assert unread(app) == 25
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#confirm-question").render())
        assert "Mark 25 articles in every feed read?" in question
        await pilot.press("y")
        await settle(pilot)
        assert unread(app) == 0
        assert app.main.current_view.key == f"feed:{tech.id}"  # the view stays
        await pilot.press("u")
        await settle(pilot)
        assert unread(app) == 25


async def test_C_with_nothing_unread_says_so(db_path, tmp_path):
    app = app_for(db_path, tmp_path, mark_all_confirm=100)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        assert unread(app) == 0
        await pilot.press("C")
        await settle(pilot)
        assert "Nothing unread in any feed." in [n.message for n in notifications(app)]
