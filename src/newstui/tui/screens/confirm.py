"""A yes/no question before something that cannot be undone (remove a feed, mark many read)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from newstui.text import terminal_safe
from newstui.tui.screens.keyed_box import KeyedBox


def answer(words: str, yes: bool) -> Content:
    """One answer of the hint, which a click gives (Textual draws it as a link: underlined,
    highlighted under the mouse)."""
    return Content.assemble((words, Style.from_meta({"@click": f"screen.answer({yes})"})))


class ConfirmScreen(KeyedBox[bool]):
    """Returns True for `y`, False for `n`, Esc, q or Enter: what cannot be undone needs its own
    key, and an Enter meant for the list behind (typed in a burst) keeps everything. The
    question is plain text, never markup; its hint says the keys in effect, and a click on
    either answer gives it, as its key does (user test r38 L6: the boxes were keyboard-only)."""

    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
    }
    ConfirmScreen > #confirm-box {
        width: 64;
        max-width: 95%;
        height: auto;
        border: round $warning;
        background: $panel;
        padding: 1 2;
    }
    ConfirmScreen #confirm-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape,q,enter", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, title: str, question: str, yes: str = "Yes") -> None:
        super().__init__()
        self._title = title
        self._question = question
        self._yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box") as box:
            box.border_title = Content(terminal_safe(self._title, line=True))
            yield Static(Content(terminal_safe(self._question)), id="confirm-question")
            yes, no = self.keys_shown("confirm.yes", True), self.keys_shown("confirm.no", True)
            hint = Content.assemble(
                answer(f"{yes}: {self._yes}", True), "    ", answer(f"{no}: cancel", False)
            )
            yield Static(hint, id="confirm-hint")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
