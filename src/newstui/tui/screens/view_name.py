"""The `S` screen: name the current search before it is saved as a view in the config file."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.binding import Binding, BindingType

from newstui.model.names import name_key
from newstui.text import terminal_safe
from newstui.tui.screens.command_prompt import CommandScreen
from newstui.tui.screens.keyed_box import keys_in_effect


class ViewNameScreen(CommandScreen):
    """The one-line prompt asking for a view's name; returns it (Enter) or None (Esc)."""

    inherit_bindings = False  # its Esc has its own id in [keys]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="view_name.cancel")
    ]
    CANCEL = "view_name.cancel"

    def __init__(
        self, query: str, feeds: Iterable[str] = (), config_name: str = "feeds.toml"
    ) -> None:
        """`feeds`: the names Sources lists feeds under, which a view may not take;
        `config_name`: the config file's name, which the box says the view is saved in."""
        saved_in = terminal_safe(config_name, line=True)
        super().__init__(
            "Save as a view",
            f"Query: {query}\nEnter to save in {saved_in}, Esc to cancel",
            query[:60],
            "view name",
        )
        self._feeds = {name_key(name): name for name in feeds}

    def answer(self, typed: str) -> str | None:
        return " ".join(typed.split()) or None

    def submitted(self, typed: str) -> None:
        """A feed's name (in any case) is refused in one line, the box kept open to change it:
        Sources would list the view under the feed's name."""
        name = self.answer(typed)
        feed = self._feeds.get(name_key(name)) if name else None
        if feed is not None:
            cancel = keys_in_effect(self, self.CANCEL)  # (it said Esc whatever the keys)
            message = f"{feed} is a feed's name: give the view another ({cancel} cancels)"
            self.notify(message, severity="warning", markup=False)
            return
        super().submitted(typed)
