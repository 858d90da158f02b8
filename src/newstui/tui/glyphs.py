"""The app's glyphs that the Linux console's fonts lack, and what it draws there instead.

The console (TERM=linux) draws from a font of 256 or 512 glyphs: Latin letters and CP437's box
and block set, but no ⏎, no emoji and no eighth blocks (▕ ▏ ▔), which showed as a box or a
diamond (user test r44 L7). Where the app has the class -console-glyphs (set at its start from
`console_glyphs`), its own text goes through `console_text`, newstui.tcss draws the panes'
edges with CP437's lines, and the scrollbars are ConsoleScrollBarRender's."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual.scrollbar import ScrollBar, ScrollBarRender

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App
    from textual.driver import Driver

CONSOLE_GLYPHS = {
    "⏎": "Enter",  # Enter's key, as Textual shows it (the footer, `?` help, the palette)
    "🔎": ">",  # the command palette's search icon
    "▸": ">",  # the title bar's "Reader ▸ All articles"
}
# A scrollbar thumb's ends: Textual draws a part-filled cell with an eighth block (▁…▇, ▉…▏);
# the console has only the full one, so a thumb's end is a whole cell or none (the last entry
# is a cell the thumb does not reach)
CONSOLE_SCROLLBAR_ENDS = ["█"] * 7 + [" "]
_GLYPHS = re.compile("|".join(map(re.escape, CONSOLE_GLYPHS)))
# One-cell glyphs of the app's (and of articles' text) that no map of the console's kernel font
# has (CP437, drivers/tty/vt/cp437.uni, draws each as ■: unread and starred alike, every cut
# name ending ■; user test r51 LOW-4), each as a one-cell glyph it has: put in as the screen is
# written (console_output), so nothing's layout changes
CONSOLE_STAND_INS = {
    "●": "•",  # the headlines' unread mark
    "★": "*",  # starred
    "☆": "*",
    "⇅": "↕",  # the sync status
    "…": "~",  # a cut name's end (CP437 has no ellipsis, and "..." is three cells)
    "—": "-",
    "–": "-",
    "━": "─",  # the sidebar's tab rule (CP437's lines are single and double, not heavy)
    "╸": "─",
    "╺": "─",
    "◦": "o",  # a nested list item
    "▶": "►",  # an embedded video's line
    "▸": "►",  # a folded folder in Sources (the title bar's ▸ is console_text's ">" before)
    "▾": "▼",  # an unfolded one
}
_STAND_INS = str.maketrans(CONSOLE_STAND_INS)


def console_term() -> bool:
    """Whether TERM names the Linux console (linux, linux-16color…)."""
    term = os.environ.get("TERM", "")
    return term == "linux" or term.startswith("linux-")


def console_glyphs(app: App[Any]) -> bool:
    """Whether the app draws on the Linux console (TERM=linux, linux-16color…). A headless app
    (the tests) never does."""
    return not app.is_headless and console_term()


def console_output(data: str) -> str:
    """What the app writes to the terminal, with CONSOLE_STAND_INS's glyphs as the console's."""
    return data.translate(_STAND_INS)


def console_driver(base: type[Driver]) -> type[Driver]:
    """`base` writing every screen through console_output (the app's driver on the console:
    every pane, and every article's text, drawn with glyphs the console has)."""

    def write(self: Driver, data: str) -> None:
        base.write(self, console_output(data))

    return cast("type[Driver]", type("ConsoleDriver", (base,), {"write": write}))


def console_text(text: str) -> str:
    """`text` with each glyph of CONSOLE_GLYPHS as the console draws it."""
    return _GLYPHS.sub(lambda found: CONSOLE_GLYPHS[found.group()], text)


class ConsoleScrollBarRender(ScrollBarRender):
    """Scrollbars with thumbs of whole cells (user test r45 L4: `▇ ▁ ▂` in the lists and the
    reader, `▆▆` in `?`)."""

    VERTICAL_BARS: ClassVar[list[str]] = CONSOLE_SCROLLBAR_ENDS
    HORIZONTAL_BARS: ClassVar[list[str]] = CONSOLE_SCROLLBAR_ENDS


def console_scrollbars() -> Callable[[], None]:
    """Draw every scrollbar with ConsoleScrollBarRender (Textual's renderer is one class
    attribute for them all); returns what puts the one before back, for the app's unmount: an
    app run after it in the same process (a test's) draws its own (review r46 L6)."""
    before = ScrollBar.renderer
    ScrollBar.renderer = ConsoleScrollBarRender

    def restore() -> None:
        ScrollBar.renderer = before

    return restore
