"""A sidebar entity entry: the name, wrapped if it must be, and its mention count aligned right.

It knows its height without being rendered when the name fits on one line (nearly always): the
sidebar is refilled on every article change, and a table per entry (what it was) made every
change measure and render each entry through Rich, the slowest part of moving the cursor.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class EntityLabel(Visual):
    """`name ×3`: the name fills the width left of the count; a long name wraps under itself."""

    def __init__(self, name: Text, mentions: int) -> None:
        self.name = Content.from_rich_text(name)
        self.count = f" ×{mentions}"
        self._lines: tuple[int, list[Content]] | None = None  # (width, lines) last laid out

    def lines(self, width: int) -> list[Content]:
        """The entry laid out in exactly `width` cells per line."""
        if self._lines is not None and self._lines[0] == width:
            return self._lines[1]
        count = len(self.count)
        room = max(width - count, 1)
        if self.name.cell_length <= room:
            names = [self.name]
        else:
            names = self.name.wrap(room, overflow="ellipsis") or [Content("")]
        lines = [
            (name.pad_right(room - name.cell_length) + (self.count if i == 0 else " " * count))
            for i, name in enumerate(names)
        ]
        self._lines = (width, lines)
        return lines

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.name.cell_length + len(self.count)

    def get_height(self, rules: RulesMap, width: int) -> int:
        if self.name.cell_length + len(self.count) <= width:
            return 1
        return len(self.lines(width))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if not width:
            return []
        lines = self.lines(width)
        content = Content("\n").join(lines)
        return content.render_strips(width, len(lines), style, options)
