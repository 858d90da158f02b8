"""Pilot tests: who said what — a speaker's quotes newest first, each one key from its article."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from newstui.tui.app import NewstuiApp
from newstui.tui.screens.speaker_quotes import SpeakerQuotesScreen
from newstui.tui.widgets.pane_list import PaneList

from .conftest import screen_text, settle

if TYPE_CHECKING:
    from textual.pilot import Pilot


async def who_said_what_of_the_quote(app: NewstuiApp, pilot: Pilot[None]) -> None:
    """`w` on the open article's first quote: the sidebar's Quotes tab (2), focused."""
    await pilot.press("2")
    app.main.focus_pane("sidebar")
    await pilot.pause()
    await pilot.press("w")
    await settle(pilot)


async def the_speakers_box(app: NewstuiApp, pilot: Pilot[None]) -> SpeakerQuotesScreen:
    """Who said what of the first article's first quote, once the app has settled."""
    await settle(pilot)
    await who_said_what_of_the_quote(app, pilot)
    assert isinstance(app.screen, SpeakerQuotesScreen)
    return app.screen


async def test_w_on_a_quote_lists_the_speakers_quotes_newest_first(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.main.headlines.move_cursor(3)  # the Kremlin article: its one quote is Peskov's
        await settle(pilot)
        await who_said_what_of_the_quote(app, pilot)
        assert isinstance(app.screen, SpeakerQuotesScreen)
        text = screen_text(app)
        assert "Who said what: Dmitry Peskov" in text
        assert "2 quotes in 2 stories" in text
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


async def test_who_said_what_shows_an_undated_article_as_unknown_not_its_import_date(db_path, ids):
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE articles SET published = NULL WHERE id = ?", [ids["kremlin"]])
    conn.close()
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.main.headlines.move_cursor(3)  # the Kremlin article, undated (sorts as first seen)
        await settle(pilot)
        assert app.main.headlines.selected is not None
        assert app.main.headlines.selected.id == ids["kremlin"]
        await who_said_what_of_the_quote(app, pilot)
        assert isinstance(app.screen, SpeakerQuotesScreen)
        lines = screen_text(app).splitlines()
        # (user test r37 L7: a column leaves it blank; this line, no column, says "undated")
        assert any("undated  World Desk" in line and "Kremlin repeats" in line for line in lines)
        assert not any(" none " in line for line in lines)
        aleppo = next(line for line in lines if "Syrian rebels enter Aleppo" in line)
        assert "2024-11-30" in aleppo


async def test_an_organisation_speaks_like_a_person_under_each_name_it_goes_by(org_quotes_db):
    """`w` on an organisation, in Entities or on its quote, finds its quotes by the entity:
    "WHO" in one article and "World Health Organization" in another are one speaker."""
    path = org_quotes_db
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.focus_pane("sidebar")
        await pilot.pause()
        await pilot.press("w")  # Entities: World Health Organization
        await settle(pilot)
        assert isinstance(app.screen, SpeakerQuotesScreen)
        text = screen_text(app)
        assert "Who said what: World Health Organization" in text
        assert "2 quotes in 2 stories" in text
        await pilot.press("escape")
        await settle(pilot)
        await who_said_what_of_the_quote(app, pilot)  # its quote
        assert "2 quotes in 2 stories" in screen_text(app)


async def test_who_said_what_is_as_tall_as_its_quotes(db_path, ids):
    """Two quotes took a box of 90% of the screen, blank under them; the box ends under the
    last quote (a long list still takes at most 90%, scrolling)."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.headlines.move_cursor(3)  # the Kremlin article: its one quote is Peskov's
        await settle(pilot)
        await who_said_what_of_the_quote(app, pilot)
        screen = app.screen
        assert isinstance(screen, SpeakerQuotesScreen)
        box = screen.query_one("#quotes-box").region
        lines = screen_text(app).splitlines()
        last = max(n for n, line in enumerate(lines) if "2024-11-30" in line)
        assert box.bottom - 1 - last <= 2, (box, last)  # the list's edge, the box's border
        assert box.height < 40 * 0.9 // 2


async def test_who_said_what_gives_the_number_of_all_the_speakers_quotes_past_those_listed(
    db_path, ids, monkeypatch
):
    from newstui.tui.screens import speaker_quotes

    monkeypatch.setattr(speaker_quotes, "MAX_QUOTES", 1)  # the newest quote of two, a page
    monkeypatch.setattr(speaker_quotes, "MORE_AHEAD", -1)  # (no next page read by itself)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.main.headlines.move_cursor(3)  # the Kremlin article: its one quote is Peskov's
        await settle(pilot)
        await who_said_what_of_the_quote(app, pilot)
        text = screen_text(app)
        assert "Who said what: Dmitry Peskov — 2 quotes" in text
        assert "2 quotes in 2 stories; the newest 1 listed, more as you go down" in text


async def test_who_said_what_reads_the_next_page_as_the_cursor_goes_down_to_the_oldest(
    tmp_path, monkeypatch
):
    """Round 54 listed the newest 500 quotes and no more: a speaker's older ones could not be
    reached. Pages are read as the cursor nears the end, each after the last listed."""
    from datetime import UTC, datetime, timedelta

    from newstui.ingest.pending_analysis import analyse_pending
    from newstui.library import Library
    from newstui.model import Article
    from newstui.tui.screens import speaker_quotes

    monkeypatch.setattr(speaker_quotes, "MAX_QUOTES", 3)
    monkeypatch.setattr(speaker_quotes, "MORE_AHEAD", 0)  # read on the last one listed
    path = tmp_path / "news.db"
    now = datetime.now(UTC)
    with Library.open(path) as library:
        source = library.register_source("https://wire.example/feed", "Wire Service")
        library.save_batch(
            source,
            [
                Article(
                    title=f"Harbour report {n}",
                    text=f"“The harbour wall needs {n + 2} more years,” Mayor Elena Vasquez said "
                    f"on Monday in report number {n}.",
                    guid=f"r{n}",
                    published=now - timedelta(hours=n),
                )
                for n in range(7)
            ],
        )
        analyse_pending(library)
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        quotes = (await the_speakers_box(app, pilot)).query_one(PaneList)
        text = screen_text(app)
        assert "Who said what: Elena Vasquez — 7 quotes" in text
        assert "the newest 3 listed, more as you go down" in text
        assert quotes.option_count == 3
        for listed in (6, 7):
            await pilot.press("G")  # the last listed: the next page comes after it
            await settle(pilot)
            assert quotes.option_count == listed
        text = screen_text(app)
        assert "7 quotes in 7 stories" in text and "listed" not in text
        await pilot.press("G", "enter")  # the oldest quote: its article
        await settle(pilot)
        assert app.main.headlines.selected is not None
        assert app.main.headlines.selected.title == "Harbour report 6"


async def test_a_quote_three_feeds_carry_is_listed_once_and_v_lists_its_versions(tmp_path):
    """User test r53 MED-1: each feed's copy of a story's quote was a row of its own."""
    from datetime import UTC, datetime, timedelta

    from newstui.ingest.pending_analysis import analyse_pending
    from newstui.library import Library
    from newstui.model import Article

    text = "“We will rebuild the harbour wall,” Mayor Elena Vasquez said on Monday. " + " ".join(
        f"Paragraph {i} of the wire story tells readers about the harbour plan and its costs."
        for i in range(30)
    )
    path = tmp_path / "news.db"
    now = datetime.now(UTC)
    with Library.open(path) as library:
        for n, name in enumerate(("Wire Service", "Daily Courier", "Coast Times")):
            host = name.split()[0].lower()
            source = library.register_source(f"https://{host}.example/feed", name)
            article = Article(
                title=f"Harbour wall ({name})",
                text=text,
                guid="wall",
                published=now - timedelta(hours=3 - n),
            )
            library.save_batch(source, [article])
        assert library.find_stories() == 2
        analyse_pending(library)
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await the_speakers_box(app, pilot)
        text_shown = screen_text(app)
        assert "Who said what: Elena Vasquez — 1 quote" in text_shown
        assert "1 quote in 1 story (and 2 copies in other feeds: V)" in text_shown
        assert app.screen.query_one(PaneList).option_count == 1  # (the reader shows it too)
        assert "also in 2" in text_shown
        await pilot.press("V")
        await settle(pilot)
        assert not isinstance(app.screen, SpeakerQuotesScreen)
        assert app.main.headlines.view.title.startswith("Versions: Harbour wall")
        assert app.main.headlines.view.filter.ids is not None
        assert len(app.main.headlines.view.filter.ids) == 3
