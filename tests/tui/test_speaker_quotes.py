"""Pilot tests: who said what — a speaker's quotes newest first, each one key from its article."""

from __future__ import annotations

from newstui.tui.app import NewstuiApp
from newstui.tui.screens.speaker_quotes import SpeakerQuotesScreen

from .conftest import screen_text, settle


async def test_w_on_a_quote_lists_the_speakers_quotes_newest_first(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.main.headlines.move_cursor(3)  # the Kremlin article: its one quote is Peskov's
        await settle(pilot)
        await pilot.press("2")
        app.main.focus_pane("sidebar")
        await pilot.pause()
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, SpeakerQuotesScreen)
        text = screen_text(app)
        assert "Who said what: Dmitry Peskov" in text
        assert "2 quotes in 2 articles" in text
        newest = text.index("Syrian rebels enter Aleppo")
        older = text.index("Kremlin repeats its warning on Syria")
        assert newest < older
        assert "2024-11-30" in text
        await pilot.press("j", "enter")  # the older quote: its article, in the speaker's view
        await settle(pilot)
        assert not isinstance(app.screen, SpeakerQuotesScreen)
        assert app.main.headlines.view.key == "speaker:Dmitry Peskov"
        assert app.main.headlines.selected is not None
        assert app.main.headlines.selected.id == ids["kremlin"]
