"""The `/` screen: type words to search titles, authors and texts; results become a view."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class SearchScreen(ModalScreen[str | None]):
    """Returns the query (Enter) or None (Esc)."""

    DEFAULT_CSS = """
    SearchScreen {
        align: center middle;
    }
    SearchScreen #search-box {
        width: 70;
        max-width: 100%;
        height: auto;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    SearchScreen #search-hint {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="search.cancel")
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box") as box:
            box.border_title = "Search"
            yield Input(placeholder="words to find (all must match)", id="search-input")
            yield Static("Enter to search, Esc to cancel", id="search-hint")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        query = event.value.strip()
        self.dismiss(query or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
