"""A text box whose own editing keys take effect in the order they were typed.

Textual's Input inserts a typed character at once, but its bound keys (Backspace, Ctrl-U, the
arrows, Enter…) bubble up to the app before their action runs. In a burst (keys queued while the
app is busy, a paste, a fast typist) they ran after the characters typed behind them: `?`,
Backspace, `flood OR` searched for "?flood O", and Ctrl-U, `words`, Enter for nothing
(textual#6605, open upstream).
Here the box runs its own (non-priority) bindings as the key arrives, as the app would have.
`TypedAhead` gives a prompt screen's box the keys typed before it had the focus."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.screen import Screen, ScreenResultType
from textual.widgets import Input


class OrderedInput(Input):
    """An Input whose editing keys and Enter keep their place among the characters typed."""

    def binds(self, key: str) -> Binding | None:
        """The box's own (non-priority) binding of a key, if it has one."""
        for binding in type(self).BINDINGS:
            if not isinstance(binding, Binding) or binding.priority:
                continue
            if key in (part.strip() for part in binding.key.split(",")):
                return binding
        return None

    async def on_key(self, event: events.Key) -> None:
        if event.is_printable:
            return  # Input has inserted it already
        binding = self.binds(event.key)
        if binding is not None:
            event.stop()
            event.prevent_default()
            await self.run_action(binding.action)


class TypedAhead(Screen[ScreenResultType]):
    """Mixed into a prompt screen: keys typed right behind the one that opened it (`/kremlin`
    Enter in one burst) reach this screen before its box has the focus, or the app after
    passing the screen behind; they go into the box, in order (they were dropped, run as the
    app's keys, and Enter closed an empty box)."""

    def take_typed_key(self, event: events.Key) -> None:
        """Give the box a key it would have taken (a character, Enter, Backspace…)."""
        try:
            box = self.query_one(OrderedInput)
        except NoMatches:
            return
        if not (event.is_printable or box.binds(event.key)):
            return  # (Esc, Tab… keep their way to this screen's and the app's bindings)
        event.stop()
        event.prevent_default()
        box.focus()
        box.post_message(events.Key(event.key, event.character))

    def on_key(self, event: events.Key) -> None:
        if self.focused is None:
            self.take_typed_key(event)
