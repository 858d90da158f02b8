"""The `S` screen: name the current search before it is saved as a view in feeds.toml."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from newstui.tui.screens.command_prompt import CommandScreen


class ViewNameScreen(CommandScreen):
    """The one-line prompt asking for a view's name; returns it (Enter) or None (Esc)."""

    inherit_bindings = False  # its Esc has its own id in [keys]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="view_name.cancel")
    ]

    def __init__(self, query: str) -> None:
        super().__init__(
            "Save as a view",
            f"Query: {query}\nEnter to save in feeds.toml, Esc to cancel",
            query[:60],
            "view name",
        )

    def answer(self, typed: str) -> str | None:
        return " ".join(typed.split()) or None
