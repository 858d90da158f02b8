"""The refresh progress shown beside the footer while feeds are fetched."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from newstui.text import terminal_safe
from newstui.tui.middle_ellipsis import middle_ellipsis


class RefreshStatus(Static):
    """Hidden when idle; shows "refreshing 3/12 · name" during a refresh."""

    DEFAULT_CSS = """
    RefreshStatus {
        width: auto;
        height: 1;
        background: $accent;
        color: $text;
    }
    """

    def on_mount(self) -> None:
        self.display = False

    def progress(self, done: int, total: int, name: str = "") -> None:
        """Show progress of a running refresh."""
        text = Text(f" refreshing {done}/{total} ", style="bold")
        if name:
            text.append_text(
                middle_ellipsis(Text(terminal_safe(name, line=True), style="italic"), 24)
            )
            text.append(" ")
        self.update(text)
        self.display = True

    def finish(self) -> None:
        """Hide the status."""
        self.display = False
