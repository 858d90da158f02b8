"""Colours that stay readable on whatever theme is showing: contrast checks and the reader's palette.

Theme colours in Textual may be translucent or "auto"; Rich styles need a solid colour, so each is
blended over the background it is drawn on and darkened or lightened until it reads.
"""

from __future__ import annotations

import os
import re
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any

from rich.style import Style
from textual.color import Color
from textual.css.styles import StylesBase

from newstui.render import (
    DARK_16_PALETTE,
    DARK_PALETTE,
    LIGHT_16_PALETTE,
    LIGHT_PALETTE,
    Palette,
)

if TYPE_CHECKING:
    from textual.app import App

MIN_CONTRAST = 4.5  # WCAG AA for body text
# Each kind of entity's attribute where no colour tells them apart (greys: NO_COLOR, a monochrome
# terminal): in the reader's text, and on the sidebar's headings, a legend (its names are plain
# there: underline is the unfocused cursor's; user test r45 L2). (Not dim: Textual draws it as a
# paler colour, a grey again; a group inside a quote reads as the quote's italics.)
KIND_ATTRIBUTES = {
    "PERSON": "bold",
    "ORG": "bold underline",
    "PLACE": "underline",
    "GROUP": "italic",
}
PALETTE_KINDS = {"PERSON": "person", "ORG": "org", "PLACE": "place", "GROUP": "group"}
# Terminals without colour, which Rich and Textual read as 16 colours: DEC's (vt52, vt100,
# vt220…) and terminfo's monochrome variants (xterm-mono, …-m).
MONOCHROME_TERM = re.compile(r"vt(52|[12]\d\d)(-.*)?|.*-(mono|m)")


def contrast_ratio(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two solid colours (1 to 21)."""

    def luminance(color: Color) -> float:
        def channel(value: int) -> float:
            v = value / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(color: Color, background: Color, minimum: float = MIN_CONTRAST) -> Color:
    """`color` drawn over `background`, moved towards black or white until it reads."""
    solid = background + color
    white, black = Color(255, 255, 255), Color(0, 0, 0)
    # Keep light text light (and dark text dark) when that extreme can reach the minimum.
    ahead, other = (white, black) if solid.brightness > background.brightness else (black, white)
    reach_ahead, reach_other = contrast_ratio(ahead, background), contrast_ratio(other, background)
    target = ahead if reach_ahead >= minimum or reach_ahead >= reach_other else other
    step = 0
    while contrast_ratio(solid, background) < minimum and step < 10:
        step += 1
        solid = solid.blend(target, 0.1 * step)
    return solid


def resolve(color: Color, background: Color) -> Color:
    """A CSS colour (maybe "auto" or translucent) as the solid colour it shows over `background`."""
    if color.auto:
        return background + background.get_contrast_text(color.a)
    return background + color


def component_style(styles: StylesBase, background: Color, *, minimum: float = 0) -> Style:
    """A Rich style from component-class styles, with colours solid over `background`.

    (Textual's own partial styles drop the alpha of colours such as `$text-muted`.)
    """
    style = Style()
    if styles.has_rule("background"):
        background = resolve(styles.background, background)
        style += Style(bgcolor=background.rich_color)
    if styles.has_rule("color"):
        color = resolve(styles.color, background)
        if minimum:
            color = readable(color, background, minimum)
        style += Style(color=color.rich_color)
    return style + styles.text_style


def adapt_style(style: str, background: Color) -> str:
    """A Rich style string with its colour made readable on `background`."""
    parsed = Style.parse(style)
    if parsed.color is None or parsed.color.triplet is None:
        return style
    color = readable(Color.from_rich_color(parsed.color), background)
    return str(parsed + Style(color=color.rich_color))


def sixteen_colours(app: App[Any]) -> bool:
    """Whether the app's terminal shows only the 16 colours (TERM=xterm, the Linux console: the
    colour system Textual found, Rich's name). A headless app (the tests: no terminal, and no
    TERM to find one by) draws in full colour unless TEXTUAL_COLOR_SYSTEM names the 16."""
    from textual import constants

    if app.is_headless and constants.COLOR_SYSTEM == "auto":
        return False
    return app.console.color_system in ("standard", "windows")


def few_colours(app: App[Any]) -> bool:
    """Whether colour may not show a cursor: 16 colours (a monochrome terminal reads as 16; the
    Linux console folds bright backgrounds into normal ones) or NO_COLOR (greys only)."""
    return app.no_color or sixteen_colours(app)


def monochrome(app: App[Any]) -> bool:
    """Whether the app's terminal shows greys at most: NO_COLOR, or a monochrome TERM (vt100,
    xterm-mono: MONOCHROME_TERM). A headless app (the tests) reads NO_COLOR alone."""
    if app.no_color:
        return True
    return not app.is_headless and MONOCHROME_TERM.fullmatch(os.environ.get("TERM", "")) is not None


def reader_palette(
    dark: bool, background: Color, sixteen: bool = False, greys: bool = False
) -> Palette:
    """The article palette for a theme: dark or light base colours, checked against `background`
    (`sixteen`: a 16-colour terminal's own colours; `greys`: no colour shows, so each kind of
    entity takes its own attribute, KIND_ATTRIBUTES)."""
    if sixteen:
        base = DARK_16_PALETTE if dark else LIGHT_16_PALETTE
    else:
        base = DARK_PALETTE if dark else LIGHT_PALETTE
    changes = {f.name: adapt_style(getattr(base, f.name), background) for f in fields(base)}
    if greys:
        for kind, name in PALETTE_KINDS.items():
            colour = Style(color=Style.parse(changes[name]).color)
            changes[name] = str(colour + Style.parse(KIND_ATTRIBUTES[kind]))
        changes["address"] = ""  # (underlined, it read as a place)
    return replace(base, **changes)


def entity_name_colours(dark: bool, background: Color) -> dict[str, str]:
    """On a 16-colour terminal, the sidebar's entity names in the reader's colour for their kind
    (user test r45 L3: all in the text's colour). The colour alone: underline is the unfocused
    cursor's, and a group has no colour of its own there."""
    palette = reader_palette(dark, background, sixteen=True)
    colours = {kind: Style.parse(palette.entity(kind)).color for kind in PALETTE_KINDS}
    return {kind: str(Style(color=colour)) for kind, colour in colours.items() if colour}


def heading_text(name: str, greys: bool) -> str:
    """A list's heading (Sources' Tags, Feeds…, the sidebar's People…): in capitals where no
    colour shows, as the muted grey that told it apart from an entry does not (user test r45 L2:
    italic like a set-aside feed, a group)."""
    return name.upper() if greys else name


def theme_colour(variables: dict[str, str], name: str, background: Color) -> Color:
    """A theme variable (e.g. "text-error") as a colour readable on `background`."""
    return readable(Color.parse(variables.get(name, "#808080")), background)


def muted_colour(background: Color) -> Color:
    """Secondary text (headings, counts, notices): softer than the text, still readable."""
    return readable(background + background.get_contrast_text(0.6), background)
