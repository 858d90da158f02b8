"""Textual's `textual.types`, run when something first reads a name it defines.

Textual's command palette imports one type alias from `textual.types` at start, and that module
imports five widget modules for the names it re-exports (DirectoryTree, Tree, Select,
Placeholder; ~29M instructions, 2% of the app's start), none of which the app uses. The module
put in its place holds the two aliases of `textual._types` it re-exports (what Textual reads at
start); reading any other name runs the real module into it first, so `textual.types` works as
ever for any code that uses it.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

NAME = "textual.types"
ALIASES = ("CallbackType", "IgnoreReturnCallbackType")  # re-exported from textual._types


class _DeferredModule(ModuleType):
    """A module whose code runs when a name it does not hold yet is first read."""

    def __getattr__(self, name: str) -> object:
        if name == "__path__":  # what `from textual.types import X` asks: not a package
            raise AttributeError(name)
        spec = self.__spec__
        self.__class__ = ModuleType  # type: ignore[assignment]  # once: whole from here on
        assert spec is not None and spec.loader is not None
        spec.loader.exec_module(self)
        return getattr(self, name)


def defer_textual_types() -> None:
    """Put the deferred `textual.types` in sys.modules, unless it is already imported."""
    if NAME in sys.modules:
        return
    import textual
    from textual import _types

    spec = importlib.util.find_spec(NAME)
    if spec is None or spec.loader is None or not all(hasattr(_types, a) for a in ALIASES):
        return  # (another Textual: import it as it comes)
    module = importlib.util.module_from_spec(spec)
    for alias in ALIASES:
        setattr(module, alias, getattr(_types, alias))
    module.__class__ = _DeferredModule
    sys.modules[NAME] = module
    textual.types = module  # type: ignore[attr-defined]  # as an import sets it
