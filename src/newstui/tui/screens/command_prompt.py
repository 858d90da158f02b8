"""A one-line prompt: the command to pipe the article to (`|`), words to find (`/` in the
reader)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from newstui.tui.screens.keyed_box import keys_in_effect
from newstui.tui.widgets.ordered_input import OrderedInput, TypedAhead


class CommandScreen(TypedAhead[str | None], ModalScreen[str | None]):
    """Returns the command typed (Enter) or None (Esc)."""

    DEFAULT_CSS = """
    CommandScreen {
        align: center middle;
    }
    CommandScreen > #command-box {
        width: 70;
        max-width: 100%;
        height: auto;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    CommandScreen #command-hint {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="command.cancel")
    ]
    CANCEL = "command.cancel"  # the id of its cancel binding, whose key the hint names

    def __init__(
        self, title: str, hint: str, last: str = "", placeholder: str = "a command, e.g. wc -w"
    ) -> None:
        super().__init__()
        self._title = title
        self._hint = hint
        self._last = last
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="command-box") as box:
            box.border_title = self._title
            yield OrderedInput(value=self._last, placeholder=self._placeholder, id="command-input")
            # the hint's last "Esc" (its keys end it; a query before may hold the word) is the
            # cancel key in effect (the emacs preset's Ctrl-G, a user's own): it said Esc
            # whatever the keys
            before, esc, after = self._hint.rpartition("Esc")
            hint = f"{before}{keys_in_effect(self, self.CANCEL)}{after}" if esc else self._hint
            yield Static(hint, id="command-hint", markup=False)

    def answer(self, typed: str) -> str | None:
        """What the screen returns for the typed line (None when nothing was typed)."""
        return typed.strip() or None

    def submitted(self, typed: str) -> None:
        self.dismiss(self.answer(typed))

    def action_cancel(self) -> None:
        self.dismiss(None)
