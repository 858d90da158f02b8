"""Double clicks that act where they were aimed: when the first click of a pair changed what is
under the mouse (below 110 columns a click on a source swaps Sources for the headlines and the
reader), the second is dropped, not given to what came under the pointer (user test r38 L14:
a double click on a source moved the new list's cursor to the row under it, or focused the
reader)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events
from textual.errors import NoWidget

if TYPE_CHECKING:
    from textual.app import App
    from textual.geometry import Offset
    from textual.widget import Widget


class AimedClicks:
    """Follows the mouse button's presses and releases as the app receives them, and says which
    to drop: the presses (and their releases) that continue a click chain at the same cell
    when the widget there is no longer the one the chain began on."""

    def __init__(self) -> None:
        self._widget: Widget | None = None  # under the pointer when the chain began
        self._offset: Offset | None = None  # the cell the chain's clicks are at
        self._released = 0.0  # when the button last went up (the chain's clock, as Textual's)
        self._dropping = False  # the press was dropped: so is its release

    def drops(self, app: App[Any], event: events.MouseEvent) -> bool:
        """Whether `event` (a press or release not yet forwarded) must not reach the screen."""
        if isinstance(event, events.MouseDown):
            offset = event.screen_offset
            try:
                widget: Widget | None = app.get_widget_at(*offset)[0]
            except NoWidget:
                widget = None
            chained = (
                offset == self._offset
                and event.time - self._released <= app.CLICK_CHAIN_TIME_THRESHOLD
            )
            if chained and widget is not self._widget:
                self._dropping = True  # (the chain keeps its first widget: a third goes too)
                return True
            self._widget, self._offset, self._dropping = widget, offset, False
            return False
        if isinstance(event, events.MouseUp):
            self._released = event.time
            if self._dropping:
                self._dropping = False
                return True
        return False
