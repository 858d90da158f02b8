"""Which one? A short numbered list to pick from, keyboard first: j/k or arrows and Enter, a
number (one digit or more), `a` for all of them where that is offered, Esc to cancel (an
article's enclosures, a page's feeds)."""

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
from newstui.tui.widgets.cursor_list import CursorList

T = TypeVar("T")


def number_done(typed: str, count: int) -> bool:
    """Whether the number typed so far can only mean itself: no further digit makes another of
    the `count` numbers (with 30 choices, "4" is 4 at once, "2" waits for "25" or Enter)."""
    return int(typed) * 10 > count


def typed_number(typed: str, count: int) -> int | None:
    """The number typed, if it is one of the `count` (1 to count, no leading zero), else None."""
    return int(typed) if typed and typed[0] != "0" and int(typed) <= count else None


class ChoiceScreen(KeyedBox[T | None], Generic[T]):
    """Returns the value chosen with Enter (j/k or arrows move) or by its number, or `every`
    with `a` when one is given, or None for Esc. `choices`: each value with its label
    (untrusted text: shown as plain text); `question`: a line or two above them, wrapped to
    the box (the title is one line, cut where the box ends); `marker` goes before each number ("E" lists E1.,
    E2. as the reader numbers enclosures)."""

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
    ChoiceScreen #choice-question {
        margin-bottom: 1;
    }
    ChoiceScreen #choice-hint {
        dock: bottom;  /* under the list, which gives up its room on a short screen */
        color: $text-muted;
        margin-top: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "Cancel", id="choice.cancel"),
        Binding("j,down", "move(1)", "Down", show=False, id="choice.down"),
        Binding("k,up", "move(-1)", "Up", show=False, id="choice.up"),
        Binding("a,asterisk", "every", "All", tooltip="Choose all of them", id="choice.all"),
    ]

    def __init__(
        self,
        title: str,
        choices: list[tuple[str, T]],
        verb: str = "choose",
        *,
        every: T | None = None,
        marker: str = "",
        question: str = "",
    ) -> None:
        super().__init__()
        self._title = title
        self._labels = [label for label, _ in choices]
        self._values = [value for _, value in choices]
        self._verb = verb
        self._every = every
        self._marker = marker
        self._question = question  # above the choices, wrapped: a title longer than the box
        # is cut (review r53 F5: the star question lost at 60×20)
        self._typed = ""  # the digits of a number being typed (or of one there is not)

    def compose(self) -> ComposeResult:
        options = [
            Option(Content(f"{self._marker}{i}. {terminal_safe(label, line=True)}"), id=str(i - 1))
            for i, label in enumerate(self._labels, 1)
        ]
        with Vertical(id="choice-box") as box:
            box.border_title = Content(terminal_safe(self._title, line=True))
            yield Static(Content(self._hint()), id="choice-hint")
            if self._question:
                yield Static(Content(terminal_safe(self._question)), id="choice-question")
            yield CursorList(*options, id="choices")

    def _hint(self) -> str:
        """The keys of the box, or the number being typed and what ends it."""
        cancel = f"{self.keys_shown('choice.cancel')}: cancel"
        count = len(self._values)
        numbers = "1" if count == 1 else f"1–{count}"
        if self._typed and typed_number(self._typed, count) is None:
            back = "Backspace: a digit back"
            return f"No {self._marker}{self._typed}: type {numbers}    {back}    {cancel}"
        if self._typed:
            return f"{self._marker}{self._typed}…: Enter, or a digit more    {cancel}"
        every = (
            f"    {self.keys_shown('choice.all')}: all {count}" if self._every is not None else ""
        )
        return f"Enter or {numbers}: {self._verb}{every}    {cancel}"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`a` (all) only where all of them may be chosen."""
        return self._every is not None if action == "every" else True

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        choices.highlighted = 0
        choices.focus()

    def on_key(self, event: events.Key) -> None:
        """Digits choose the value of that number, as the list numbers them: at once when no
        further digit could make another number, else with Enter (the number highlighted). A
        number the list has not (35 of 30) is said in the box and chooses nothing: Enter does
        nothing until Backspace, another number or j/k (it kept 3 highlighted, and Enter chose
        it: review r37 PD1)."""
        count = len(self._values)
        wrong = bool(self._typed) and typed_number(self._typed, count) is None
        if event.key == "backspace" and self._typed:
            event.stop()
            self._type(self._typed[:-1])
            return
        if event.key == "enter" and wrong:
            event.stop()
            event.prevent_default()
            self.app.bell()
            return
        if not (event.character and event.character in "0123456789"):
            return
        event.stop()
        typed = event.character if wrong else self._typed + event.character
        number = typed_number(typed, count)
        if number is not None and number_done(typed, count):
            self.dismiss(self._values[number - 1])
            return
        self._type(typed)

    def _type(self, typed: str) -> None:
        self._typed = typed
        if typed:  # the number's line, or none for a number the list has not
            number = typed_number(typed, len(self._values))
            self.query_one(OptionList).highlighted = None if number is None else number - 1
        self.query_one("#choice-hint", Static).update(Content(self._hint()))

    def action_move(self, step: int) -> None:
        if self._typed:
            self._type("")
        choices = self.query_one(OptionList)
        choices.action_cursor_down() if step > 0 else choices.action_cursor_up()

    def action_every(self) -> None:
        if self._every is not None:
            self.dismiss(self._every)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._values[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)
