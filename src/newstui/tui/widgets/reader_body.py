"""The reader's text, drawn a line at a time from its wrapped lines: code lines keep their
gutter on every line they wrap to, found words are drawn over the lines without wrapping again,
and a mouse selection copies the text as it is written."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from newstui.body_wrap import WrappedText, text_from, wrapped_lines
from newstui.render import LINK_TARGET

if TYPE_CHECKING:
    from textual import events
    from textual.selection import Selection


class NoRelayout:
    """A widget whose new size, placed by a layout just made, does not ask for another one.

    Textual stores a widget's new virtual size after each layout as a reactive that lays the
    whole screen out again. For the reader and its text, which a layout has just placed, that
    second layout repainted everything and cost as much as the first (~10 ms of the event loop on
    every article change). A scrollbar that appears or disappears still asks for its layout (that
    reactive is separate), so the text is re-wrapped to the width left to it.
    """

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(  # type: ignore[misc]
            size, virtual_size, container_size, layout=False
        )


class ReaderBody(NoRelayout, Widget):
    """The article's text, drawn a line at a time: wrapped once for each width (Rich's wrap,
    ~0.04 s for a 100 KB article) and each line made into a strip only when it is in view.

    It was a `Static`: Textual wrapped and formatted the whole text to draw the few lines shown,
    and again to measure its height; a 100 KB article held the keys ~1.4 CPU-s each time the
    cursor rested on it, and again for each `/` find (user test r36 M6, L6)."""

    @dataclass(eq=False, repr=False)
    class LinkClicked(Message):
        """A link of the text was clicked: the article's own (render.ARTICLE_LINK) or [number]."""

        number: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()
        self._width = -1  # the width _wrap and _strips are for
        self._wrap = WrappedText([], [], [], [])
        self._strips: list[Strip | None] = []
        self._marks: list[tuple[int, int, str]] = []  # (start, end, style): found words
        self._mark_starts: list[int] = []
        self._unsaid: list[tuple[int, int]] = []  # (start, end): drawn, not copied
        self._unsaid_starts: list[int] = []

    def update(
        self, text: Text, same_until: int = 0, unsaid: list[tuple[int, int]] | None = None
    ) -> None:
        """Show `text` (its height measured, its lines drawn, as they are needed). Its first
        `same_until` characters are drawn as those shown before (the same characters, the same
        styles): the lines of the paragraphs wholly among them are kept and only the rest is
        wrapped again (a download's progress under a long article wrapped all of it again at
        every percent, ~0.06 CPU-s for 190 KB). Its `unsaid` (start, end) spans, sorted and
        apart, are drawn but left out of a copy (the speaker tags after quotes: not the
        article's words)."""
        before = self._wrap
        self._text = text
        self._unsaid = unsaid or []
        self._unsaid_starts = [start for start, _ in self._unsaid]
        self._marks, self._mark_starts = [], []
        cut = text.plain.rfind("\n", 0, same_until) + 1  # where the first changed paragraph starts
        if self._width < 0 or cut == 0:
            self._width = -1
        else:
            kept = bisect_left(before.starts, cut)
            rest = wrapped_lines(text_from(text, cut), max(self._width, 1), self.app.console, cut)
            self._wrap = WrappedText(
                before.lines[:kept] + rest.lines,
                before.added[:kept] + rest.added,
                before.starts[:kept] + rest.starts,
                before.ends[:kept] + rest.ends,
            )
            self._strips = [None] * len(self._wrap.lines)  # (drawn with the marks before)
        self.refresh(layout=True)

    def mark(self, marks: list[tuple[int, int, str]]) -> None:
        """Draw these (start, end, style) spans of the text (sorted, apart) over it: the words
        a find matched. The text is not wrapped again for them (a find in a 100 KB article
        wrapped it twice)."""
        self._marks = marks
        self._mark_starts = [start for start, _, _ in marks]
        self._strips = [None] * len(self._strips)
        self.refresh()

    def line_at(self, offset: int) -> int:
        """The line (0-based) that character `offset` of the text is drawn on."""
        self._lines(self.content_size.width)
        return max(bisect_right(self._wrap.starts, offset) - 1, 0)

    def render(self) -> Text:
        """The whole text shown (what tests and copies read; drawing goes by render_line)."""
        return self._text

    def _lines(self, width: int) -> list[Text]:
        if width != self._width:
            self._width = width
            self._wrap = wrapped_lines(self._text, max(width, 1), self.app.console)
            self._strips = [None] * len(self._wrap.lines)
        return self._wrap.lines

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        lines = self._lines(width)
        if not 0 <= y < len(lines):
            return Strip.blank(width, self.rich_style)
        selection = self.text_selection
        span = selection.get_span(y) if selection is not None else None
        if span is not None:  # a mouse selection's part of this line, drawn as selected
            start, end = span
            line = self._marked(y, lines[y])
            line.stylize(self.selection_style, start, None if end == -1 else end)
            return self._strip(line, y, width)
        strip = self._strips[y]
        if strip is None:
            strip = self._strips[y] = self._strip(self._marked(y, lines[y]), y, width)
        return strip

    def _marked(self, y: int, line: Text) -> Text:
        """Line `y` with the marks that fall on it drawn (a copy when there are any)."""
        if not self._marks:
            return line.copy()
        added = self._wrap.added[y]
        begin = self._wrap.starts[y]
        end = begin + len(line.plain) - added
        first = max(bisect_right(self._mark_starts, begin) - 1, 0)
        marked = line.copy()
        for start, stop, style in self._marks[first:]:
            if start >= end:
                break
            if stop > begin:
                marked.stylize(style, max(start - begin, 0) + added, min(stop, end) - begin + added)
        return marked

    def _strip(self, line: Text, y: int, width: int) -> Strip:
        """One line drawn, with the offsets a mouse selection is placed by."""
        segments = list(line.render(self.app.console))
        return (
            Strip(segments)
            .apply_style(self.rich_style)
            .extend_cell_length(width, self.rich_style)
            .apply_offsets(0, y)
        )

    # where the mouse button went down on the text (a click's release elsewhere is a drag)
    _pressed_at: tuple[float, float] | None = None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self._pressed_at = (event.screen_x, event.screen_y)

    def on_click(self, event: events.Click) -> None:
        """A click on a link (the underlined address, a `[n]` mark, a line of the link list)
        asks for it to be opened, as `o` and `#` open it; a double click selects, as elsewhere,
        and so does a drag that ends on a link (Textual makes it a click too: review r38 CL1)."""
        pressed, self._pressed_at = self._pressed_at, None
        if pressed is not None and pressed != (event.screen_x, event.screen_y):
            return
        number = event.style.meta.get(LINK_TARGET) if event.chain == 1 else None
        if isinstance(number, int):
            event.stop()
            self.post_message(self.LinkClicked(number))

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text a mouse selection covers, as the article has it: its part of each line
        drawn, a paragraph's lines joined by the spaces the wrap broke at (no newline where only
        the width wrapped it; a line filled to the width had lost its space, "Walmartstore"),
        the speaker tags left out."""
        lines = self._lines(self.content_size.width)
        wrap, plain = self._wrap, self._text.plain
        parts: list[str] = []
        for y, (line, added) in enumerate(zip(lines, wrap.added, strict=True)):
            span = selection.get_span(y)
            if span is None:
                continue
            piece = line.plain[added:]  # (a code line's drawn gutter is not copied)
            start = min(max(span[0] - added, 0), len(piece))
            end = len(piece) if span[1] == -1 else min(max(span[1] - added, start), len(piece))
            begin = wrap.starts[y]
            parts.append(self._said(piece[start:end], begin + start))
            if wrap.ends[y]:
                parts.append("\n")
            elif end == len(piece) and y + 1 < len(lines):  # on past the wrap: the space it took
                after = begin + len(piece)
                parts.append(self._said(plain[after : wrap.starts[y + 1]], after))
        return "".join(parts).removesuffix("\n"), "\n"

    def _said(self, text: str, at: int) -> str:
        """`text`, which stands at offset `at` of the text, without its unsaid characters."""
        end = at + len(text)
        kept: list[str] = []
        first = max(bisect_right(self._unsaid_starts, at) - 1, 0)
        for start, stop in self._unsaid[first:]:
            if start >= end:
                break
            if stop <= at:
                continue
            kept.append(text[: max(start - at, 0)])
            text, at = text[max(stop - at, 0) :], max(stop, at)
        kept.append(text)
        return "".join(kept)


def common_prefix_length(before: str, after: str) -> int:
    """How many first characters two texts share, found by halving with slice compares (15 µs
    for 190 KB; os.path.commonprefix walks them a character at a time: 6.6 ms)."""
    low, high = 0, min(len(before), len(after))
    while low < high:
        middle = (low + high + 1) // 2
        if before[low:middle] == after[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low
