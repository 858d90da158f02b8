"""Pilot tests: the command palette lists the focused pane's own keys (user test r32 M2), and
finds a source by name (r47 L2)."""

from __future__ import annotations

import sqlite3
import tomllib
from typing import TYPE_CHECKING

import pytest
from textual.fuzzy import Matcher

from newstui.config import load_config
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.speaker_quotes import SpeakerQuotesScreen
from newstui.tui.source_palette import go_to_title, matched_offsets

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


async def search_the_palette(pilot: Pilot[None], words: str) -> None:
    await pilot.press("ctrl+p")
    await settle(pilot)
    await pilot.press(*words)
    await settle(pilot)


async def run_from_the_palette(pilot: Pilot[None], words: str) -> None:
    await search_the_palette(pilot, words)
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


async def test_go_to_source_in_the_palette_shows_its_headlines_and_highlights_its_row(db_path):
    """One feed among many by name (user test r47 L2): its name, untrusted, shown as typed."""
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE feeds SET name = '[b]Tech[/b] Wire' WHERE name = 'Tech Wire'")
    db.close()
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search_the_palette(pilot, "tech wire")
        assert "Go to source: [b]Tech[/b] Wire" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        view = app.main.headlines.view
        assert view.title == "[b]Tech[/b] Wire"
        highlighted = app.main.sources.highlighted_view()
        assert highlighted is not None and highlighted.key == view.key


@pytest.mark.parametrize(
    ("typed", "offered", "key"),
    [
        ("all articles", "All articles", "all"),
        ("unread", "Unread", "unread"),
        ("starred", "Starred", "starred"),
    ],
)
async def test_go_to_source_offers_all_unread_and_starred(db_path, typed, offered, key):
    """User test r48 L11: from a feed deep in the list the way back to All was q, g, Enter."""
    from .conftest import until

    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search_the_palette(pilot, "tech wire")
        await until(pilot, lambda: "Go to source: Tech Wire" in screen_text(app))
        await pilot.press("enter")  # a feed's headlines first
        await settle(pilot)
        assert app.main.headlines.view.title == "Tech Wire"
        # (whole: "unread" alone also finds "Toggle read / unread", which may come first)
        await search_the_palette(pilot, f"go to source {typed}")
        await until(pilot, lambda: f"Go to source: {offered}" in screen_text(app))
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.headlines.view.key == key
        highlighted = app.main.sources.highlighted_view()
        assert highlighted is not None and highlighted.key == key


def test_go_to_source_scores_a_name_made_to_be_slow_at_once():
    """Textual's matcher tries every way the letters fit: "e e e …" and 8 e took minutes."""
    score, offsets = matched_offsets(Matcher("eeeeeeee"), go_to_title("e " * 60))
    assert score > 0 and len(offsets) == 8


@pytest.mark.parametrize(
    ("typed", "name", "matched"),
    [
        ("lodz", "Łódź Daily", "Łódź"),  # letters without a decomposition (user test r48 L4)
        ("LODZ", "Łódź Daily", "Łódź"),
        ("Łódź", "Łódź Daily", "Łódź"),
        ("oresund", "Øresund Nyt", "Øresund"),
        ("aeble", "Æble Avisen", "Æble"),
        ("æble", "Æble Avisen", "Æble"),
        ("thingvellir", "Þingvellir News", "Þingvellir"),
        ("καθημερινα", "Καθημερινά Νέα", "Καθημερινά"),  # Greek accents
        ("ΚΑΘΗΜΕΡΙΝΆ", "Καθημερινά Νέα", "Καθημερινά"),
        ("kathimerina", "Καθημερινά Νέα", "Καθημερινά"),  # in Latin letters (ELOT 743)
        ("eleftherotypia", "Ελευθεροτυπία", "Ελευθεροτυπία"),
        ("avgi", "Η Αυγή", "Αυγή"),
        ("moskva", "Москва Новости", "Москва"),  # Cyrillic in Latin letters
        ("zurich", "Zürich Tagblatt", "Zürich"),
        ("strasse", "Straße Heute", "Straße"),
    ],
)
def test_go_to_source_matches_letters_without_their_accents_and_highlights_them(
    typed, name, matched
):
    title = go_to_title(name)
    score, offsets = matched_offsets(Matcher(typed), title)
    assert score > 0
    assert "".join(title[at] for at in offsets) == matched
    assert offsets == sorted(set(offsets))


@pytest.mark.parametrize(
    ("typed", "name"),
    [("lodzx", "Łódź Daily"), ("καθημερινη", "Καθημερινά Νέα"), ("moskvy", "Москва Новости")],
)
def test_go_to_source_finds_no_name_the_typed_letters_are_not_in(typed, name):
    assert matched_offsets(Matcher(typed), go_to_title(name)) == (0.0, ())


async def test_go_to_source_finds_a_name_typed_without_its_accents(db_path):
    """`lodz` finds Łódź Daily, `καθημερινα` and `kathimerina` Καθημερινά Νέα (user test r48
    L4), the letters matched highlighted in the name as it is written."""
    with sqlite3.connect(db_path) as db:
        db.execute("UPDATE feeds SET name = 'Łódź Daily' WHERE name = 'Tech Wire'")
        db.execute("UPDATE feeds SET name = 'Καθημερινά Νέα' WHERE name = 'World Desk'")
    db.close()
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search_the_palette(pilot, "lodz")
        assert "Go to source: Łódź Daily" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.headlines.view.title == "Łódź Daily"
        for typed in ("καθημερινα", "kathimerina"):
            await search_the_palette(pilot, typed)
            assert "Go to source: Καθημερινά Νέα" in screen_text(app)
            await pilot.press("escape")
            await settle(pilot)
