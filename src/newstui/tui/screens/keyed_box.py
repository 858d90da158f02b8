"""The base of every box shown over the main screen: the app's quit keys work in it (Textual
passes no app binding down to a modal screen), and a footer of its own shows the box's keys."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any, ClassVar, Protocol, runtime_checkable

from textual.binding import ActiveBinding, Binding, BindingType
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen, ScreenResultType

from newstui.tui.key_bindings import bound

# The one quit binding: the app's, and every box's (the user's `[keys]` rebinds them together).
QUIT = bound("app.quit", "app.quit")
# The help key in every box, which help then lists first: the app's id (`[keys]` rebinds both),
# a box's own key for it winning (help's `?` closes help; a text field takes it as typed). It
# opened nothing from a box, and L's keys were listed nowhere.
BOX_HELP = bound("app.help", "app.help", show=False)
FOOTER_LINES = 1  # the footer's height at the bottom of every box's screen


@runtime_checkable
class KeymapHolder(Protocol):
    """What the app gives the parts it shows: the keymap in effect (the preset's and the
    user's `[keys]`, NewstuiApp.user_keymap)."""

    @property
    def user_keymap(self) -> Mapping[str, str]: ...


def app_keymap(node: DOMNode) -> Mapping[str, str]:
    """The keymap `node`'s app runs with, for a hint or a box's own keys; none in another app
    (a test's). The one place it is read, typed (review r34 D1: read by getattr, hidden from
    the type checker)."""
    app = node.app
    return app.user_keymap if isinstance(app, KeymapHolder) else {}


class KeyedBox(ModalScreen[ScreenResultType]):
    """A box over the main screen that quits as the main screen does (Q and Ctrl-C; a typed Q
    goes into a box's text field), opens help at its own keys (`?`) and lists its keys in a
    footer at the bottom."""

    BINDINGS: ClassVar[list[BindingType]] = [QUIT, BOX_HELP]

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

        # (a box's keys: none is one the demo cannot do)
        self.mount(KeyFooter(keymap=app_keymap(self)))

    def keys_shown(self, binding_id: str, every: bool = False) -> str:
        """A binding of this box's keys as its hint writes them, from the keys in effect (the
        preset's and the user's `[keys]`, as the app was given them): the first ("Esc"), or
        every one ("n / Esc / q / Enter"). Hints said fixed keys ("Enter: cancel" where the
        user had made Enter the yes)."""
        return keys_in_effect(self, binding_id, every)


def key_in_effect(node: DOMNode, binding_id: str) -> str:
    """The first key in effect of any of the app's bindings, as a hint or a note names it ("L",
    or the user's own where `[keys]` took the default away): they said the default key."""
    from newstui.tui.keymap import key_label

    keys = app_keymap(node).get(binding_id) or _default_keys(binding_id)
    return key_label(keys.split(",")[0]) if keys else ""


_NAMED_KEY = re.compile(r"\{([a-z_]+\.[a-z_]+)\}")


def named_keys(text: str, keymap: Mapping[str, str]) -> str:
    """A binding's tooltip with each `{binding.id}` in it written as that binding's first key in
    effect (`{confirm.yes}`: "y", or the user's own yes): help, the palette, the footer and a
    key clash show it so (they said "y: yes" whatever the user's yes key was)."""

    def key(found: re.Match[str]) -> str:
        keys = keymap.get(found[1]) or _default_keys(found[1])
        return key_label(keys.split(",")[0]) if keys else "no key"

    from newstui.tui.keymap import key_label

    return _NAMED_KEY.sub(key, text) if "{" in text else text


@cache
def _default_keys(binding_id: str) -> str:
    """A binding's own keys: the app's and the main screen's looked up first, every screen's
    (each one imported) only for a box's binding (a download row asks at each update)."""
    from newstui.tui.app_keys import APP_BINDINGS, all_binding_keys
    from newstui.tui.keymap import binding_keys
    from newstui.tui.screens.main import MainScreen

    found = binding_keys([*APP_BINDINGS, *MainScreen.BINDINGS]).get(binding_id)
    return found if found is not None else all_binding_keys().get(binding_id, "")


def keys_in_effect(
    screen: Screen[Any], binding_id: str, every: bool = False, owner: type | None = None
) -> str:
    """A binding of `screen`'s keys (or of the `owner` class's, a widget of it) as a hint writes
    them, the keymap the app was given (the preset and the user's `[keys]`) applied: the first,
    or every one joined by " / "."""
    from newstui.tui.keymap import key_label, keys_of

    keymap = app_keymap(screen)
    holder = owner or type(screen)
    listed = [b for base in holder.__mro__ for b in base.__dict__.get("BINDINGS", [])]
    binding = next(b for b in listed if isinstance(b, Binding) and b.id == binding_id)
    keys = [key_label(k) for k in keys_of(binding, keymap).split(",") if k]
    return " / ".join(keys if every else keys[:1])
