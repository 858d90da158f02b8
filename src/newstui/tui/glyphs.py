"""The app's glyphs that the Linux console's fonts lack, and what it draws there instead.

The console (TERM=linux) draws from a font of 256 or 512 glyphs: Latin letters and CP437's box
and block set, but no ⏎, no emoji and no eighth blocks (▕ ▏ ▔), which showed as a box or a
diamond (user test r44 L7). Where the app has the class -console-glyphs (set at its start from
`console_glyphs`), its own text goes through `console_text`, newstui.tcss draws the panes'
edges with CP437's lines, and the scrollbars are ConsoleScrollBarRender's."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any, ClassVar

from textual.scrollbar import ScrollBar, ScrollBarRender

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App

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


def console_glyphs(app: App[Any]) -> bool:
    """Whether the app draws on the Linux console (TERM=linux, linux-16color…). A headless app
    (the tests) never does."""
    term = os.environ.get("TERM", "")
    return not app.is_headless and (term == "linux" or term.startswith("linux-"))


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
