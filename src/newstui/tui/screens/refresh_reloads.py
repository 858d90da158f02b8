"""When the main screen reads the headlines and Sources again while a refresh stores articles:
the reloads finished sources ask for, batched, and put off while the cursor moves; and after
another process wrote to the store. Part of `MainScreen` (through `SourceRefresh`)."""

from __future__ import annotations

from dataclasses import dataclass
from time import monotonic
from typing import TYPE_CHECKING

from textual.message import Message
from textual.timer import Timer

from newstui.tui.mixins import ScreenMixin

if TYPE_CHECKING:
    from newstui.tui.widgets.headlines import HeadlineList
    from newstui.tui.widgets.sources import SourcesPane

RELOAD_BATCH = 0.5  # seconds: the reloads that finished sources ask for are made at most this often
# While the cursor moves (a key held or pressed again and again), a refresh's reload waits until
# the keys rest for KEYS_REST seconds, but never more than RELOAD_LATEST seconds after it was
# asked for: a reload (queries, the list redrawn and laid out) landing between two presses was
# what made a press late during a refresh.
KEYS_REST = 0.3
RELOAD_LATEST = 2.0


@dataclass(eq=False, repr=False)
class StoreChanged(Message):
    """Another process (e.g. `newstui fetch`) wrote to the store: the counts may be stale."""


class RefreshReloads(ScreenMixin):
    """The reloads of the headlines and Sources that a refresh (or another writer) asks for."""

    # Provided by MainScreen.
    headlines: HeadlineList
    sources: SourcesPane

    _reload_timer: Timer | None = None
    _reload_asked = 0.0  # when the pending reload was asked for (monotonic seconds)
    _last_move = float("-inf")  # when the cursor last moved (`cursor_moved`)

    if TYPE_CHECKING:

        @property
        def refreshing(self) -> bool: ...  # (SourceRefresh: whether a refresh is running)

    def reload_soon(self) -> None:
        """Reload the headlines and the sources once, soon: many finished sources, one reload;
        while the cursor moves, once the keys rest (at most RELOAD_LATEST seconds later)."""
        if self._reload_timer is None:
            self._reload_asked = monotonic()
            self._reload_timer = self.set_timer(RELOAD_BATCH, self._reload_when_keys_rest)

    def cursor_moved(self) -> None:
        """The user moved the cursor: a pending reload waits until the keys rest."""
        self._last_move = monotonic()

    def _reload_when_keys_rest(self) -> None:
        now = monotonic()
        rest = self._last_move + KEYS_REST - now
        latest = self._reload_asked + RELOAD_LATEST - now
        if rest > 0 and latest > 0:
            self._reload_timer = self.set_timer(min(rest, latest), self._reload_when_keys_rest)
            return
        self._reload_now()

    def _reload_now(self) -> None:
        if self._reload_timer is not None:
            self._reload_timer.stop()
            self._reload_timer = None
        self.headlines.reload()
        self.sources.reload()

    def _on_store_changed(self) -> None:
        if not self.refreshing:
            self.sources.reload()  # the headlines follow when the counts say they are short
            self.headlines.check_rows()  # flags changed, articles removed
