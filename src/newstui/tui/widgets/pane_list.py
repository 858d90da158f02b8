"""An option list with the app's movement keys (j/k, g/G, Enter/l to choose, h/Esc to go back)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType

from newstui.tui.key_bindings import bound
from newstui.tui.widgets.cursor_list import CursorList


class PaneList(CursorList):
    """A CursorList with vi-style keys; h/Esc runs its screen's `leave_list` action."""

    DEFAULT_CSS = """
    PaneList > .option-list--option-highlighted,
    PaneList:focus > .option-list--option-highlighted {
        color: auto 100%;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        bound("list.down", "cursor_down", show=False),
        bound("list.up", "cursor_up", show=False),
        bound("list.first", "first", show=False),
        bound("list.last", "last", show=False),
        bound("list.choose", "choose", show=False),
        # the screen's action: it moves the focus at once, so the next key of a burst goes to
        # the pane it moved to (a message would arrive after that key was resolved here)
        bound("list.back", "screen.leave_list", show=False),
    ]

    def watch_show_vertical_scrollbar(self) -> None:
        # Textual measures the entries' heights at the width they had when they were added and
        # again only on a resize: entries added to an emptied list (no scrollbar) kept heights
        # for two more cells, and a wrapped name lost its second line ("Hayat Tahrir ×1").
        self._clear_caches()

    def action_cursor_down(self) -> None:
        """Down to the next entry; at the last one, stay (Textual's list wraps to the first:
        `j` held to reach the last feed landed on All)."""
        self._step(1)

    def action_cursor_up(self) -> None:
        """Up to the entry before; at the first one, stay."""
        self._step(-1)

    def _step(self, direction: int) -> None:
        if self.highlighted is None:
            super().action_first() if direction > 0 else super().action_last()
            return
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction

    async def action_choose(self) -> None:
        """Choose the highlighted entry: the screen's `list_chosen` shows the choice at once, so
        `Enter j` typed in one burst moves in the list it shows; where it does not (it skips, or
        the screen has none), the option list's own choice, a message."""
        if not await self.app.run_action("screen.list_chosen", self):
            self.action_select()
