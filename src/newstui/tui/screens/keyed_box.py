"""The base of every box shown over the main screen: the app's quit keys work in it (Textual
passes no app binding down to a modal screen), and a footer of its own shows the box's keys."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import ActiveBinding, Binding, BindingType
from textual.screen import ModalScreen, ScreenResultType

# The one quit binding: the app's, and every box's (the user's `[keys]` rebinds them together).
QUIT = Binding("Q,ctrl+c", "app.quit", "Quit", tooltip="Quit from anywhere", id="app.quit")
FOOTER_LINES = 1  # the footer's height at the bottom of every box's screen


class KeyedBox(ModalScreen[ScreenResultType]):
    """A box over the main screen that quits as the main screen does (Q and Ctrl-C; a typed Q
    goes into a box's text field) and lists its own keys in a footer at the bottom."""

    BINDINGS: ClassVar[list[BindingType]] = [QUIT]

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The box's keys, then quit's, a plain key before one with a modifier: the footer
        names an action by its first key ("Q Quit" last, as under the main screen; Textual's
        copy key put Ctrl-C first)."""
        active = super().active_bindings
        quits = sorted(
            (key for key, found in active.items() if found.binding.id == QUIT.id),
            key=lambda key: "+" in key,
        )
        return {
            **{key: found for key, found in active.items() if found.binding.id != QUIT.id},
            **{key: active[key] for key in quits},
        }

    def on_mount(self) -> None:
        # (imported here: the footer's module is left out of the app's first frame, see
        # MainScreen; a box opens later)
        from newstui.tui.widgets.key_footer import KeyFooter

        self.mount(KeyFooter())
