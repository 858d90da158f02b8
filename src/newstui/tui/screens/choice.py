"""Which one? A short numbered list to pick from, keyboard first: j/k or arrows and Enter, a
digit, Esc to cancel (an article's enclosures, a page's feeds)."""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from newstui.text import terminal_safe
from newstui.tui.screens.keyed_box import KeyedBox

T = TypeVar("T")


class ChoiceScreen(KeyedBox[T | None], Generic[T]):
    """Returns the value chosen with Enter (j/k or arrows move) or by its number, or None for
    Esc. `choices`: each value with its label (untrusted text: shown as plain text)."""

    DEFAULT_CSS = """
    ChoiceScreen {
        align: center middle;
    }
    ChoiceScreen > #choice-box {
        width: 80;
        max-width: 95%;
        height: auto;
        max-height: 80%;
        border: round $accent;
        background: $panel;
        padding: 1 2;
    }
    ChoiceScreen OptionList {
        height: auto;
        max-height: 16;
    }
    ChoiceScreen #choice-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "Cancel", id="choice.cancel"),
        Binding("j,down", "move(1)", "Down", show=False, id="choice.down"),
        Binding("k,up", "move(-1)", "Up", show=False, id="choice.up"),
    ]

    def __init__(self, title: str, choices: list[tuple[str, T]], verb: str = "choose") -> None:
        super().__init__()
        self._title = title
        self._labels = [label for label, _ in choices]
        self._values = [value for _, value in choices]
        self._verb = verb

    def compose(self) -> ComposeResult:
        options = [
            Option(Content(f"{i}. {terminal_safe(label, line=True)}"), id=str(i - 1))
            for i, label in enumerate(self._labels, 1)
        ]
        with Vertical(id="choice-box") as box:
            box.border_title = Content(terminal_safe(self._title, line=True))
            yield OptionList(*options, id="choices")
            numbers = "1" if len(options) == 1 else f"1–{min(len(options), 9)}"
            hint = f"Enter or {numbers}: {self._verb}    {self.keys_shown('choice.cancel')}: cancel"
            yield Static(Content(hint), id="choice-hint")

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        choices.highlighted = 0
        choices.focus()

    def on_key(self, event: events.Key) -> None:
        """A digit chooses the value of that number, as the list numbers them."""
        if event.character and event.character in "123456789":
            event.stop()
            number = int(event.character)
            if number <= len(self._values):
                self.dismiss(self._values[number - 1])

    def action_move(self, step: int) -> None:
        choices = self.query_one(OptionList)
        choices.action_cursor_down() if step > 0 else choices.action_cursor_up()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._values[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
