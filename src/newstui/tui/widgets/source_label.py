"""A sources-pane entry: the name, shortened in the middle, and its unread count aligned right.

One line whatever the width, and it says so without being rendered: the pane re-measures every
entry each time the counts change (often, during a refresh), and a table per entry made that
the slowest thing on the event loop.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from newstui.tui.middle_ellipsis import middle_ellipsis


class SourceLabel(Visual):
    """`name … 12`: the name fills the width left of the count (bold, omitted when 0)."""

    def __init__(self, name: Text, unread: int) -> None:
        self.name = name
        self.count = f" {unread:,}" if unread else ""

    def same_as(self, other: object) -> bool:
        """Whether `other` is an entry that looks exactly like this one (name, styles, count)."""
        return (
            isinstance(other, SourceLabel)
            and self.count == other.count
            and self.name.style == other.name.style
            and self.name == other.name  # the plain text and its spans
        )

    def line(self, width: int) -> Text:
        """The entry laid out in exactly `width` cells."""
        room = max(width - len(self.count), 0)
        line = middle_ellipsis(self.name, room)
        line.no_wrap = True
        line.pad_right(room - line.cell_len)
        line.append(self.count, style="bold")
        return line

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.name.cell_len + len(self.count)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if not width:
            return []
        return Content.from_rich_text(self.line(width)).render_strips(width, 1, style, options)
