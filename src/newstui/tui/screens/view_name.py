"""The `S` screen: name the current search before it is saved as a view in feeds.toml."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class ViewNameScreen(ModalScreen[str | None]):
    """Returns the name typed (Enter) or None (Esc)."""

    DEFAULT_CSS = """
    ViewNameScreen {
        align: center middle;
    }
    ViewNameScreen #view-name-box {
        width: 70;
        max-width: 100%;
        height: auto;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    ViewNameScreen #view-name-hint {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="view_name.cancel")
    ]

    def __init__(self, query: str) -> None:
        super().__init__()
        self._query = query

    def compose(self) -> ComposeResult:
        with Vertical(id="view-name-box") as box:
            box.border_title = "Save as a view"
            yield Input(value=self._query[:60], placeholder="view name", id="view-name-input")
            yield Static(
                f"Query: {self._query}\nEnter to save in feeds.toml, Esc to cancel",
                id="view-name-hint",
                markup=False,
            )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(" ".join(event.value.split()) or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
