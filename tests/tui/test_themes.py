"""Every text on screen reads (4.5:1 contrast) in the dark and the light theme (Pilot tests);
without colour, each kind of entity keeps an attribute of its own."""

from __future__ import annotations

import pytest
from rich.style import Style
from textual.color import Color

from newstui.render import TERMINAL_PALETTE, Palette, highlighted_body
from newstui.tui.app import NewstuiApp
from newstui.tui.theme_colours import (
    MONOCHROME_TERM,
    contrast_ratio,
    entity_name_colours,
    heading_text,
    readable,
    reader_palette,
)

from .conftest import settle
from .screenshot import screen_pieces

DECORATION = set("╸╺▕▏▔▁▂▃▄▅▆▇█━─│▎▊ ")  # borders, tab underlines, scrollbars, padding


def poor_contrast(app: NewstuiApp) -> list[tuple[float, str]]:
    """(ratio, text) of each piece of text on screen below 4.5:1 against its background."""
    poor = []
    for piece in screen_pieces(app):
        if piece.colour is None or piece.background is None:
            continue
        if not set(piece.text) - DECORATION:
            continue
        ratio = contrast_ratio(piece.colour, piece.background)
        if ratio < 4.5:
            poor.append((round(ratio, 1), piece.text.strip()))
    return poor


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_every_text_reads_in_the_theme(db_path, theme):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.theme = theme
        await settle(pilot)
        found = poor_contrast(app)  # headlines focused, cursor on the seed article
        await pilot.press("enter")  # the reader: quotes, entities; the list's cursor blurred
        await settle(pilot)
        found += poor_contrast(app)
        await pilot.press("tab")  # the sidebar focused
        await settle(pilot)
        found += poor_contrast(app)
        assert found == []


async def test_t_switches_the_theme_and_the_reader_follows(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j", "enter")  # the Kremlin article opens with a quote
        await settle(pilot)
        dark_quote = app.main.reader.article_palette.quote
        await pilot.press("t")
        await settle(pilot)
        assert not app.current_theme.dark
        light_quote = app.main.reader.article_palette.quote
        assert light_quote != dark_quote
        quote_colour = light_quote.split()[-1].upper()
        assert quote_colour in colours_of(app, "We consider this")


def colours_of(app: NewstuiApp, text: str) -> set[str]:
    """Foreground colours of the on-screen pieces of text containing `text`."""
    return {piece.colour.hex for piece in screen_pieces(app) if text in piece.text and piece.colour}


def test_the_cli_palette_uses_named_colours_the_terminal_adapts():
    for style in vars(TERMINAL_PALETTE).values():
        assert "#" not in style


def test_a_palette_colours_quotes_and_entities():
    from newstui.model import Analysis, Entity, Mention, Quote

    text = "Ann said: “Go now.”"
    analysis = Analysis(
        (Entity("Ann", "PERSON", (Mention(0, 3, "Ann"),)),), (Quote("Go now.", 11, 18, "Ann"),)
    )
    palette = Palette("bold #111111", "o", "p", "n", "italic #222222", "bold #333333", "m")
    body = highlighted_body(text, analysis, palette=palette)
    styles = {str(span.style) for span in body.spans}
    assert {"bold #111111", "italic #222222", "bold #333333"} <= styles
    assert body.plain.endswith("” [—Ann]")


def test_a_colour_too_faint_for_its_background_is_made_readable():
    pale = Color.parse("#f0c674")
    white = Color.parse("#ffffff")
    assert contrast_ratio(pale, white) < 2
    assert contrast_ratio(readable(pale, white), white) >= 4.5
    assert readable(Color.parse("#000000"), white) == Color.parse("#000000")


@pytest.mark.parametrize("dark", [True, False])
def test_in_greys_each_kind_of_entity_has_an_attribute_of_its_own(dark):
    """User test r44 L2: with NO_COLOR, people, organisations and places were all bold greys."""
    palette = reader_palette(dark, Color.parse("#1e1e1e" if dark else "#d8d8d8"), greys=True)
    kinds = (palette.person, palette.org, palette.place, palette.group)
    attributes = [Style.parse(kind) for kind in kinds]
    looks = {(a.bold, a.italic, a.underline) for a in attributes}
    assert len(looks) == 4, kinds
    assert all(a.color is not None for a in attributes)  # (the theme's colour kept)
    # …and nothing else looks like one (user test r45 L2): the article's address is not
    # underlined as a place; headings are in capitals (italic, like a group or a set-aside feed)
    assert not Style.parse(f"{palette.meta} {palette.address}").underline
    assert (heading_text("Groups (1)", greys=True), heading_text("Tags", greys=False)) == (
        "GROUPS (1)",
        "Tags",
    )


@pytest.mark.parametrize("dark", [True, False])
def test_in_16_colours_the_sidebar_names_take_their_kinds_colour_in_the_reader(dark):
    """User test r45 L3: people, organisations and places were all in the text's colour."""
    background = Color.parse("#000000" if dark else "#ffffff")
    palette = reader_palette(dark, background, sixteen=True)
    names = entity_name_colours(dark, background)
    for kind in ("PERSON", "ORG", "PLACE"):
        name, text = Style.parse(names[kind]), Style.parse(palette.entity(kind))
        assert (name.color, name.bold, name.underline) == (text.color, None, None), kind
    assert len({names["PERSON"], names["ORG"], names["PLACE"]}) == 3


@pytest.mark.parametrize(
    ("term", "monochrome"),
    [
        ("vt100", True),
        ("vt220", True),
        ("xterm-mono", True),
        ("linux", False),  # (the console: colours)
        ("xterm", False),
        ("xterm-256color", False),
        ("vte-256color", False),
    ],
)
def test_a_monochrome_terminal_is_told_by_its_term(term, monochrome):
    assert (MONOCHROME_TERM.fullmatch(term) is not None) is monochrome
