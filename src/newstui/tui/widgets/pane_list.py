"""An option list with the app's movement keys (j/k, g/G, l to choose, h/Esc to go back)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList


class PaneList(OptionList):
    """OptionList with vi-style keys; `Back` asks the app to leave this pane."""

    DEFAULT_CSS = """
    PaneList > .option-list--option-highlighted,
    PaneList:focus > .option-list--option-highlighted {
        color: auto 100%;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "first", "First", show=False, id="list.first"),
        Binding("G", "last", "Last", show=False, id="list.last"),
        Binding("l", "select", "Choose", show=False, id="list.choose"),
        Binding("h,escape", "back", "Back", show=False, id="list.back"),
    ]

    class Back(Message):
        """The user asked to leave the pane."""

    def action_back(self) -> None:
        self.post_message(self.Back())
