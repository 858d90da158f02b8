"""The refresh progress shown beside the footer while feeds are fetched."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from newstui.text import terminal_safe
from newstui.tui.middle_ellipsis import middle_ellipsis

NAME_CELLS = 24  # a source's name is shortened in the middle to this


class RefreshStatus(Static):
    """Hidden when idle; shows "refreshing 3/12 · name" during a refresh.

    Its width is fixed for a refresh (the longest line it can show, padded): a new line is then
    painted in place, where a line of another width laid the whole screen out again, four times
    a second, under the user's keys."""

    DEFAULT_CSS = """
    RefreshStatus {
        display: none;
        width: auto;
        height: 1;
        background: $accent;
        color: $text;
    }
    """

    _cells = 0  # the width of the line shown

    def progress(self, done: int, total: int, name: str = "") -> None:
        """Show progress of a running refresh."""
        text = Text(f" refreshing {done}/{total} ", style="bold")
        if name:
            text.append_text(
                middle_ellipsis(Text(terminal_safe(name, line=True), style="italic"), NAME_CELLS)
            )
            text.append(" ")
        cells = len(f" refreshing {total}/{total} ") + NAME_CELLS + 1
        text.pad_right(cells - text.cell_len)
        same_size = self.display and cells == self._cells
        self._cells = cells
        self.update(text, layout=not same_size)
        self.display = True

    def finish(self) -> None:
        """Hide the status."""
        self.display = False
