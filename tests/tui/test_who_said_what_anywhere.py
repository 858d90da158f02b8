"""`w` (Who said what) works from the headlines and the reader, not only in the sidebar: the
open article's one speaker's quotes at once, a box asking whose when it quotes several, a line
when it quotes no one by name; the palette finds it from every pane; the sidebar's footer keeps
`w` at 80×24 (user test r53 LOW-5)."""

from __future__ import annotations

import pytest
from textual.command import CommandList

from newstui.tui.app import NewstuiApp
from newstui.tui.screens.choice import ChoiceScreen
from newstui.tui.screens.speaker_quotes import SpeakerQuotesScreen

from .conftest import notifications, run_recorded, screen_text, settle, until


async def _to(pilot, title: str) -> None:
    """Highlight the headline `title`."""
    app = pilot.app
    for _ in range(30):
        if app.main.headlines.selected.title == title:
            break
        await pilot.press("j")
        await settle(pilot)
    assert app.main.headlines.selected.title == title
    await until(
        pilot, lambda: app.main.detail is not None and app.main.detail.article.row.title == title
    )


async def test_w_in_the_reader_lists_the_quotes_of_the_articles_one_speaker(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await _to(pilot, "Kremlin repeats its warning on Syria")
        await pilot.press("enter")  # the reader
        await settle(pilot)
        assert app.main.reader.has_focus_within or app.focused is app.main.reader
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, SpeakerQuotesScreen))
        await settle(pilot)
        assert "Who said what: Dmitry Peskov" in screen_text(app)


async def test_w_in_the_headlines_asks_whose_when_the_article_quotes_several(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _to(pilot, "Syrian rebels enter Aleppo")
        assert app.focused is app.main.headlines
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, ChoiceScreen))
        options = app.screen.query_one("#choices")
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts == ["1. Syrian army (1 quote here)", "2. Dmitry Peskov (1 quote here)"]
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, SpeakerQuotesScreen))
        await settle(pilot)
        assert "Who said what: Dmitry Peskov" in screen_text(app)


async def test_w_on_an_article_quoting_no_one_says_so(db_path):
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await _to(pilot, "Chip makers report record quarter")
        await pilot.press("w")
        await settle(pilot)
        assert app.screen is app.main
        said = [n.message for n in notifications(app)]
        assert any(m.startswith("No one is quoted by name in this article.") for m in said), said


@pytest.mark.parametrize("pane", ["headlines", "reader", "sidebar"])
async def test_the_palette_finds_who_said_what_from_every_pane(db_path, pane):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(
            *{"headlines": [], "reader": ["enter"], "sidebar": ["enter", "tab"]}[pane]
        )
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"who said")
        commands = app.screen.query_one(CommandList)
        await until(pilot, lambda: commands.option_count > 0)
        await settle(pilot)
        hits = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
        assert hits[0].startswith("Who said what"), hits


async def test_the_sidebars_footer_keeps_w_at_80x24(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "e")  # the reader, then the sidebar shown and focused
        await settle(pilot)
        if not app.main.sidebar.has_focus_within:
            await pilot.press("tab")
            await settle(pilot)
        assert app.main.sidebar.has_focus_within
        footer = screen_text(app).splitlines()[-1]
        assert "w Who said what" in footer, footer
