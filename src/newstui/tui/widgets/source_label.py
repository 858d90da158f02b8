"""A sources-pane entry: a mark, the name (shortened in the middle), a note, and its unread count
aligned right. When the pane is narrow the name keeps the room: the note goes first, then a URL
name's scheme and user (`http://me:***@`), and only then is the name cut — at its end, but a
name that starts as another does keeps what tells them apart ("The Long Revie…Sun (2)").

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

from newstui.tui.middle_ellipsis import ellipsis_cut, middle_ellipsis, told_apart, url_start


def _same_text(one: Text, other: Text) -> bool:
    return one.style == other.style and one == other  # the plain text and its spans


class SourceLabel(Visual):
    """`! name · note … 12`: the mark (a failing feed's `!`), the name and its note fill the width
    left of the count (bold, omitted when 0)."""

    def __init__(
        self, name: Text, unread: int, *, mark: Text | None = None, note: Text | None = None
    ) -> None:
        self.name = name
        self.mark = Text() if mark is None else mark
        self.note = Text() if note is None else note
        # two cells apart from the name: a name that fills its room ran into its count
        # (`#News/Europe/Nordics/Norway 2`, user test r50 LOW-12)
        self.count = f"  {unread:,}" if unread else ""
        # how long a start of the name another entry's shares (source_entries.tell_apart)
        self.shared = 0

    def same_as(self, other: object) -> bool:
        """Whether `other` is an entry that looks exactly like this one (texts, styles, count)."""
        return (
            isinstance(other, SourceLabel)
            and self.count == other.count
            and self.shared == other.shared
            and _same_text(self.name, other.name)
            and _same_text(self.mark, other.mark)
            and _same_text(self.note, other.note)
        )

    def line(self, width: int) -> Text:
        """The entry laid out in exactly `width` cells."""
        room = max(width - len(self.count), 0)
        name, left = self.name, room - self.mark.cell_len
        if self.note and name.cell_len + self.note.cell_len <= left:
            line = Text.assemble(self.mark, name, self.note)
        elif left < 0:
            line = middle_ellipsis(self.mark, room)
        else:  # the note goes, then the start of a URL, before the name is cut
            if name.cell_len > left and (start := url_start(name.plain)):
                name = name[start:]
            line = self._name_cut(name, left)
            if self.mark:
                line = Text.assemble(self.mark, line)
        line.no_wrap = True
        line.pad_right(room - line.cell_len)
        line.append(self.count, style="bold")
        return line

    def _name_cut(self, name: Text, cells: int) -> Text:
        """The name in `cells`: cut at its end (a URL or path in the middle), but when that cut
        keeps no more than the start another entry shares, the start's beginning, "…" and the
        part after it (two long names that differ at the end looked the same: r38 L17)."""
        cut = ellipsis_cut(name.plain, cells)
        shared = self.shared if name is self.name else 0  # (not once a URL's start is gone)
        if cut is None or cut[2] is not None or not shared or cut[0] > shared:
            return middle_ellipsis(name, cells)
        head, tail = told_apart(name.plain, shared, cells)
        return Text(head + (tail or ""), style=name.style)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.mark.cell_len + self.name.cell_len + self.note.cell_len + len(self.count)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        if not width:
            return []
        return Content.from_rich_text(self.line(width)).render_strips(width, 1, style, options)
