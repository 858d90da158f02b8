"""The command palette: Textual's, which `Ctrl-G` also closes (its 🔎 a ">" on the Linux
console)."""

from __future__ import annotations

from textual import events
from textual.command import CommandPalette, SearchIcon

from newstui.tui.glyphs import console_text


class Palette(CommandPalette):
    """Textual's command palette, closed by `Ctrl-G` as well as Esc: the emacs preset's "back
    and out of any box" (user test r34 L15: C-g left it open and the next key was typed into
    its search). Ctrl-G types nothing into a search, so every preset has it. A key handler, not
    a binding: every binding of newstui's is named for `[keys]` and `?` help, and this one is
    Esc's twin inside Textual's own box."""

    def on_mount(self) -> None:
        if self.app.has_class("-console-glyphs"):  # (no 🔎 in the Linux console's fonts)
            icon = self.query_one(SearchIcon)
            icon.icon = console_text(icon.icon)

    async def on_key(self, event: events.Key) -> None:
        if event.key == "ctrl+g":
            event.stop()
            await self.run_action("escape")  # (Esc's own action, as its binding runs it)
