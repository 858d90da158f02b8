"""A sidebar entity entry: the name, wrapped if it must be (its further lines indented, so they
do not read as entries of their own), and its mention count aligned right.

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

INDENT = 2  # cells before the second and later lines of a wrapped name


class EntityLabel(Visual):
    """`name ×3`: the name fills the width left of the count; a long name wraps under itself,
    indented ("United States ×2" over "General Services" read as two entries)."""

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
        names = [self.name] if self.name.cell_length <= room else self._wrapped(room)
        lines = [
            (name.pad_right(room - name.cell_length) + (self.count if i == 0 else " " * count))
            for i, name in enumerate(names)
        ]
        self._lines = (width, lines)
        return lines

    def _wrapped(self, room: int) -> list[Content]:
        """The name in lines of `room` cells, the second and later ones indented."""
        first = (self.name.wrap(room, overflow="ellipsis") or [Content("")])[0]
        plain = self.name.plain
        rest_at = len(first.plain)
        if not plain.startswith(first.plain):  # a word too long for a line, cut with …
            rest_at = next((i for i, c in enumerate(plain) if c.isspace()), len(plain))
        while rest_at < len(plain) and plain[rest_at].isspace():
            rest_at += 1
        if rest_at >= len(plain):
            return [first]
        indent = min(INDENT, room - 1)
        rest = self.name[rest_at:].wrap(room - indent, overflow="ellipsis")
        return [first, *(Content(" " * indent) + line for line in rest)]

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
