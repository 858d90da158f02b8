"""A text box whose own editing keys take effect in the order they were typed.

Textual's Input inserts a typed character at once, but its bound keys (Backspace, Ctrl-U, the
arrows, Enter…) bubble up to the app before their action runs. In a burst (keys queued while the
app is busy, a paste, a fast typist) they ran after the characters typed behind them: `?`,
Backspace, `flood OR` searched for "?flood O", and Ctrl-U, `words`, Enter for nothing
(textual#6605, open upstream).
Here the box runs its own (non-priority) bindings as the key arrives, as the app would have.
`TypedAhead` gives a prompt screen's box the keys typed before it had the focus, and the keys
typed behind Enter to whatever shows once the screen has answered it."""

from __future__ import annotations

from textual import events, on
from textual.actions import SkipAction
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.screen import ScreenResultType
from textual.suggester import Suggester
from textual.widgets import Input

from newstui.tui.keymap import keys_of
from newstui.tui.screens.keyed_box import KeyedBox, app_keymap


class OrderedInput(Input):
    """An Input whose editing keys and Enter keep their place among the characters typed."""

    def __init__(
        self,
        value: str = "",
        placeholder: str = "",
        *,
        id: str | None = None,
        suggester: Suggester | None = None,
    ) -> None:
        super().__init__(value=value, placeholder=placeholder, id=id, suggester=suggester)
        # Keys typed behind Enter, kept until the screen has answered it (None: not waiting).
        self._held: list[events.Key] | None = None

    def binds(self, key: str) -> Binding | None:
        """The box's own (non-priority) binding of a key, if it has one, the user's `[keys]`
        applied (a rebound submit: Enter no longer submits, the user's key does); Ctrl-C's copy
        only with text selected: else it quits, as everywhere."""
        keymap = app_keymap(self)
        for binding in _merged_bindings(type(self)):
            if binding.priority or (binding.action == "copy" and self.selection.is_empty):
                continue
            if key in (part.strip() for part in keys_of(binding, keymap).split(",")):
                return binding
        return None

    async def on_key(self, event: events.Key) -> None:
        if not self.screen.is_active:  # Enter closed the box: the key is for what shows now
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        if self._held is not None:  # behind Enter: it waits for the screen's answer
            event.stop()
            event.prevent_default()
            self._held.append(events.Key(event.key, event.character))
            return
        if event.is_printable:
            return  # Input inserts it
        binding = self.binds(event.key)
        if binding is not None:
            event.stop()
            event.prevent_default()
            await self._run(binding)

    def action_copy(self) -> None:
        """Copy the selected text; with nothing selected, Ctrl-C quits, as everywhere else."""
        if self.selection.is_empty:
            raise SkipAction
        super().action_copy()

    async def _run(self, binding: Binding) -> None:
        await self.run_action(binding.action)
        if binding.action == "submit":
            self._held = []  # until the screen answers

    async def release_held(self) -> None:
        """Once the screen has answered Enter: the keys typed behind it go on their way, to
        what shows now if the screen closed, else into this box, in their order."""
        held, self._held = self._held or [], None
        for key in held:
            if self._held is not None:  # an Enter among them: the rest wait for its answer
                self._held.append(key)
            elif self.screen.is_active and key.is_printable and key.character is not None:
                selection = self.selection  # as Input types a character
                if selection.is_empty:
                    self.insert_text_at_cursor(key.character)
                else:
                    self.replace(key.character, *selection)
            elif self.screen.is_active and (binding := self.binds(key.key)) is not None:
                await self._run(binding)
            else:  # (Esc, Tab… and every key once the screen closed: the app routes them)
                self.app.post_message(events.Key(key.key, key.character))


def _merged_bindings(cls: type) -> list[Binding]:
    """A widget class's bindings as Textual merges them: a key a class binds is taken from its
    bases' bindings (a box's own Enter replaces Input's)."""
    merged: list[Binding] = []
    for base in reversed(cls.__mro__):
        own = [b for b in base.__dict__.get("BINDINGS", []) if isinstance(b, Binding)]
        taken = {key.strip() for b in own for key in b.key.split(",")}
        merged = [b for b in merged if {k.strip() for k in b.key.split(",")} - taken] + own
    return merged


class TypedAhead(KeyedBox[ScreenResultType]):
    """Mixed into a prompt screen: keys typed right behind the one that opened it (`/kremlin`
    Enter in one burst) reach this screen before its box has the focus, or the app after
    passing the screen behind; they go into the box, in order (they were dropped, run as the
    app's keys, and Enter closed an empty box). Keys typed behind Enter (`/aleppo` Enter `j`)
    reach the screen showing after it closed (they were typed into the closing box)."""

    _typing = 0  # keys given to the box that it has not taken yet
    # keys typed behind those that the box would not take (Esc, Tab…) and every key after them:
    # they go on, in order, once the box has taken the keys before them (user test r36 L11: an
    # Esc overtook `aleppo` Enter on their way to the box, closed it, and the letters ran as the
    # main screen's keys: a, o, p…)
    _behind: list[events.Key] | None = None

    def take_typed_key(self, event: events.Key) -> None:
        """Give the box a key it would have taken (a character, Enter, Backspace…); a key it
        would not take waits until the box has taken the keys typed before it."""
        try:  # (the box with the focus, of a screen with two: the `a` box's folder)
            focused = self.focused
            box = focused if isinstance(focused, OrderedInput) else self.query_one(OrderedInput)
        except NoMatches:
            return
        if self._behind is None and not (event.is_printable or box.binds(event.key)):
            if not self._typing:
                return  # (Esc, Tab… keep their way to this screen's and the app's bindings)
            self._behind = []
        event.stop()
        event.prevent_default()
        if self._behind is not None:
            self._behind.append(events.Key(event.key, event.character))
            return
        box.focus()
        self._typing += 1
        box.post_message(events.Key(event.key, event.character))
        box.call_later(self._typed_taken)

    def _typed_taken(self) -> None:
        """The box took a key given to it: once it has taken them all, the keys that waited
        behind them go on their way, in order (the app routes them as typed)."""
        self._typing -= 1
        if self._typing or self._behind is None:
            return
        behind, self._behind = self._behind, None
        for key in behind:
            self.app.post_message(key)

    def on_key(self, event: events.Key) -> None:
        if self.focused is None or self._typing or self._behind is not None:
            self.take_typed_key(event)

    def submitted(self, typed: str) -> None:
        """Answer Enter on the box's text: dismiss the screen with a result, or keep it open."""
        raise NotImplementedError

    @on(Input.Submitted)
    def _typed_submitted(self, event: Input.Submitted) -> None:
        try:
            self.submitted(event.value)
        finally:  # (an error answering must not leave the box holding every key typed after)
            if isinstance(event.input, OrderedInput):
                event.input.call_later(event.input.release_held)
