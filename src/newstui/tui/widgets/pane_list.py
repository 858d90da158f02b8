"""An option list with the app's movement keys (j/k, g/G, l to choose, h/Esc to go back)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList


class PaneList(OptionList):
    """OptionList with vi-style keys; `Back` asks the app to leave this pane."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
        Binding("l", "select", "Choose", show=False),
        Binding("h,escape", "back", "Back", show=False),
    ]

    class Back(Message):
        """The user asked to leave the pane."""

    def action_back(self) -> None:
        self.post_message(self.Back())
