"""Pilot tests: the command palette lists the focused pane's own keys (user test r32 M2)."""

from __future__ import annotations

import tomllib
from typing import TYPE_CHECKING

from newstui.config import load_config
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.speaker_quotes import SpeakerQuotesScreen

from .conftest import screen_text, settle

if TYPE_CHECKING:
    from pathlib import Path

    from textual.pilot import Pilot


def write_config(tmp_path: Path) -> Path:
    path = tmp_path / "x.toml"
    path.write_text("[settings]\nrefresh_minutes = 0\n", "utf-8")
    return path


async def open_kremlin_quotes(app: NewstuiApp, pilot: Pilot[None]) -> None:
    """The Kremlin article's quotes (its one quote is Peskov's) in the focused sidebar."""
    await settle(pilot)
    app.main.headlines.move_cursor(3)
    await settle(pilot)
    await pilot.press("2")
    app.main.focus_pane("sidebar")
    await pilot.pause()


async def run_from_the_palette(pilot: Pilot[None], words: str) -> None:
    await pilot.press("ctrl+p")
    await settle(pilot)
    await pilot.press(*words)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_the_palette_lists_the_sidebars_follow_and_who_said_what_with_their_keys(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_kremlin_quotes(app, pilot)
        commands = {c.title: c.help for c in app.get_system_commands(app.main)}
        follow = [help for title, help in commands.items() if title.startswith("Follow")]
        who = [help for title, help in commands.items() if title.startswith("Who said what")]
        assert follow == ["key: F"]
        assert who == ["key: w"]


async def test_who_from_the_palette_does_what_w_does_on_the_focused_quote(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_kremlin_quotes(app, pilot)
        await run_from_the_palette(pilot, "who said")
        assert isinstance(app.screen, SpeakerQuotesScreen)
        assert "Who said what: Dmitry Peskov" in screen_text(app)


async def test_follow_from_the_palette_does_what_f_does_on_the_focused_quote(db_path, tmp_path):
    path = write_config(tmp_path)
    app = NewstuiApp(db_path, load_config(path))
    async with app.run_test(size=(160, 48)) as pilot:
        await open_kremlin_quotes(app, pilot)
        view = app.main.headlines.view.key
        await run_from_the_palette(pilot, "follow")
        assert app.main.headlines.view.key == view  # F leaves the headlines as they are
        sources = app.main.sources
        listed = {sources.get_option_at_index(i).id for i in range(sources.option_count)}
        assert "view:Quoting Dmitry Peskov" in listed
    views = tomllib.loads(path.read_text("utf-8"))["views"]
    assert {"name": "Quoting Dmitry Peskov", "query": 'speaker:"Dmitry Peskov"'} in views
