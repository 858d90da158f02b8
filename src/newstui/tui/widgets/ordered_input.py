"""A text box whose own editing keys take effect in the order they were typed.

Textual's Input inserts a typed character at once, but its bound keys (Backspace, Ctrl-U, the
arrows, Enter…) bubble up to the app before their action runs. In a burst (keys queued while the
app is busy, a paste, a fast typist) they ran after the characters typed behind them: `?`,
Backspace, `flood OR` searched for "?flood O", and Ctrl-U, `words`, Enter for nothing
(textual#6605, open upstream).
Here the box runs its own (non-priority) bindings as the key arrives, as the app would have."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Input


class OrderedInput(Input):
    """An Input whose editing keys and Enter keep their place among the characters typed."""

    async def on_key(self, event: events.Key) -> None:
        if event.is_printable:
            return  # Input has inserted it already
        for binding in type(self).BINDINGS:
            if not isinstance(binding, Binding) or binding.priority:
                continue
            if event.key in (key.strip() for key in binding.key.split(",")):
                event.stop()
                event.prevent_default()
                await self.run_action(binding.action)
                return
