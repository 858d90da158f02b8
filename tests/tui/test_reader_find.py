"""Pilot tests: / in the reader finds words in the article (n/N); / in the list stays the search."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from newstui.tui.app import NewstuiApp
from newstui.tui.reader_find import find_spans, line_of
from newstui.tui.screens.command_prompt import CommandScreen
from newstui.tui.screens.search import SearchScreen

from .conftest import run_recorded, screen_text, settle
from .test_add_feed import shown


def test_find_spans_ignores_case_and_finds_every_place():
    assert find_spans("Aleppo, aleppo and ALEPPO", "aleppo") == [(0, 6), (8, 14), (19, 25)]
    assert find_spans("anything", "") == []


def test_line_of_counts_wrapped_lines_and_paragraphs():
    text = Text("one two three four five six\n\nseven eight")
    console = Console(width=80)
    assert line_of(text, 0, 10, console) == 0
    assert line_of(text, text.plain.index("five"), 10, console) == 2
    assert line_of(text, text.plain.index("seven"), 10, console) == 4


async def test_slash_in_the_reader_finds_words_and_n_moves_between_them(db_path):
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")  # open the seed article: the reader has focus
        await settle(pilot)
        reader = app.main.reader
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, CommandScreen)
        await pilot.press(*"aleppo", "enter")
        await settle(pilot)
        assert reader.find_matches >= 2 and reader.find_index == 0
        top = reader.scroll_y
        assert f"Match 1/{reader.find_matches}. n / N: next / previous" in shown(app)
        await pilot.press("n")
        await settle(pilot)
        assert reader.find_index == 1
        assert shown(app)[-1] == f"Match 2/{reader.find_matches}"  # which one (user test r41 L10)
        await pilot.press("N")
        await settle(pilot)
        assert reader.find_index == 0 and reader.scroll_y == top
        await pilot.press("N")  # wraps to the last match
        await settle(pilot)
        assert reader.find_index == reader.find_matches - 1
        assert reader.scroll_y > top


async def test_slash_in_the_headline_list_is_still_the_store_search(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)


async def test_n_in_the_reader_without_a_find_goes_to_the_next_unread(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        first = app.main.headlines.selected.id
        await pilot.press("n")
        await settle(pilot)
        assert app.main.headlines.selected.id != first


async def test_find_in_the_reader_counts_the_articles_words_not_the_speaker_tags(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.headlines.move_cursor(3)  # the Kremlin article: its one quote is Peskov's
        await pilot.press("enter")
        await settle(pilot)
        detail = app.main.detail
        assert detail is not None
        written = f"{detail.article.row.title}\n{detail.article.text}".casefold().count("peskov")
        assert "[—Dmitry Peskov]" in screen_text(app)  # the tag is drawn…
        await pilot.press("slash", *"peskov", "enter")
        await settle(pilot)
        assert app.main.reader.find_matches == written  # …and not counted


def test_find_spans_finds_words_by_their_letters_without_accents_as_search_does():
    """`lodz` finds Łódź as search does since schema 55 (user test r48 M3); each span is
    whole characters of the text, a mark with its letter."""
    text = "Back in Łódź. ŁÓDŹ cafe\u0301 Straße, Æble and ß."

    def found(needle: str) -> list[str]:
        return [text[start:end] for start, end in find_spans(text, needle)]

    assert found("lodz") == found("Łódź") == ["Łódź", "ŁÓDŹ"]
    assert found("cafe") == found("café") == ["cafe\u0301"]
    assert found("strasse") == ["Straße"]
    assert found("aeble") == found("æble") == ["Æble"]
    assert found("ss") == ["ß", "ß"]
    assert found("s") == ["S", "ß", "ß"]  # (the two s of one ß: one place)
    assert found("\u0301") == []  # (a mark alone is no letters)
