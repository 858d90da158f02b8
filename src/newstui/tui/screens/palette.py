"""The command palette: Textual's, which `Ctrl-G` also closes."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.command import CommandPalette


class Palette(CommandPalette):
    """Textual's command palette, closed by `Ctrl-G` as well as Esc: the emacs preset's "back
    and out of any box" (user test r34 L15: C-g left it open and the next key was typed into
    its search). Ctrl-G types nothing into a search, so every preset has it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+g", "escape", show=False)]
