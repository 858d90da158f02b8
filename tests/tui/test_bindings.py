"""Every key binding is named, so help, the footer, the command palette and a user's keymap
all come from one place."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

import newstui.tui
from newstui.tui.app import NewstuiApp
from newstui.tui.app_keys import action_name
from newstui.tui.screens.help import HelpScreen

from .conftest import settle


def newstui_binding_owners() -> list[type[DOMNode]]:
    """Every app, screen and widget class defined in newstui.tui that declares BINDINGS."""
    owners = []
    for info in pkgutil.walk_packages(newstui.tui.__path__, "newstui.tui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, DOMNode)
                and value.__module__ == module.__name__
                and "BINDINGS" in vars(value)
            ):
                owners.append(value)
    return owners


def test_every_binding_has_an_id_and_a_description_and_ids_are_not_shared() -> None:
    owners = newstui_binding_owners()
    assert {o.__name__ for o in owners} >= {"NewstuiApp", "MainScreen", "HeadlineList", "Reader"}
    seen: dict[str, str] = {}
    for owner in owners:
        for binding in vars(owner)["BINDINGS"]:
            assert isinstance(binding, Binding), f"{owner.__name__}: {binding!r} is not a Binding"
            assert binding.id, f"{owner.__name__}: the {binding.key!r} binding has no id"
            assert binding.description, f"{owner.__name__}: {binding.id} has no description"
            # (one binding may be shared: the app's quit and help keys are every box's too)
            where = (
                f"{binding.key} {binding.action.removeprefix('app.')}"
                if binding.id in ("app.quit", "app.help")
                else f"{owner.__name__}.{binding.action}"
            )
            if binding.id == "sources.follow_moved":  # (Sources' own, in its footer on a moved
                where = f"{binding.key} {action_name(binding)}"  # feed; the app's elsewhere)
            assert seen.setdefault(binding.id, where) == where, f"{binding.id} names two bindings"


async def test_a_keymap_rebinds_a_named_binding(db_path: Path, ids: dict[str, int]) -> None:
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.set_keymap({"app.help": "f1"})
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
