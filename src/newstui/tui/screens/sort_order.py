"""`O`: choose how the headline list is ordered — date, feed or title, or the reverse."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from newstui.model import SortKey, SortOrder
from newstui.tui.keymap import key_label, keys_of
from newstui.tui.screens.keyed_box import KeyedBox


class SortScreen(KeyedBox[SortOrder | None]):
    """Returns the order chosen with one key (d, f, t; r reverses the current one), or None."""

    DEFAULT_CSS = """
    SortScreen {
        align: center middle;
    }
    SortScreen > #sort-box {
        width: 52;
        max-width: 95%;
        height: auto;
        border: round $accent;
        background: $panel;
        padding: 0 2;
    }
    SortScreen #sort-hint {
        color: $text-muted;
    }
    SortScreen #sort-choices {
        height: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "choose('date')", "Date", id="sort.date"),
        Binding("f", "choose('feed')", "Feed", id="sort.feed"),
        Binding("t", "choose('title')", "Title", id="sort.title"),
        Binding("r", "reverse", "Reverse", id="sort.reverse"),
        Binding("escape,q", "cancel", "Cancel", id="sort.cancel"),
    ]

    def __init__(self, current: SortOrder, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self._current = current
        self._keymap = keymap or {}

    def compose(self) -> ComposeResult:
        keys = {  # each choice's first key, written as `?` help writes it ("Esc", "Ctrl-S")
            b.id: key_label(keys_of(b, self._keymap).split(",")[0])
            for b in self.BINDINGS
            if isinstance(b, Binding)
        }
        reverse = replace(self._current, reverse=not self._current.reverse)
        lines = [
            f"{keys['sort.date']}  date, newest first",
            f"{keys['sort.feed']}  feed, A to Z (newest first in each feed)",
            f"{keys['sort.title']}  title, A to Z",
            f"{keys['sort.reverse']}  reverse: {reverse.label}",
        ]
        with Vertical(id="sort-box") as box:
            box.border_title = f"Sort the headlines (now {self._current.label})"
            with Vertical(id="sort-choices"):  # a line each: a click on one chooses it
                for line in lines:
                    yield Static(Content(line), classes="sort-choice")
            yield Static(Content(f"{keys['sort.cancel']}: keep the order"), id="sort-hint")

    def on_click(self, event: events.Click) -> None:
        """A click on a choice's line chooses it, as its key does (its lines looked like a list
        that a click would choose from, and did nothing: user test r38 L6)."""
        actions = ("choose('date')", "choose('feed')", "choose('title')", "reverse")
        for line, action in zip(self.query(".sort-choice"), actions, strict=True):
            if event.get_content_offset(line) is not None:
                event.stop()
                self.call_later(self.run_action, action)
                return

    def action_choose(self, key: SortKey) -> None:
        self.dismiss(SortOrder(key))

    def action_reverse(self) -> None:
        self.dismiss(replace(self._current, reverse=not self._current.reverse))

    def action_cancel(self) -> None:
        self.dismiss(None)
