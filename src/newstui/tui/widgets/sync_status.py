"""The sync state beside the footer: last sync, marks waiting to be pushed, the last error."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from newstui.local_times import parsed, short_time
from newstui.text import clean_line

if TYPE_CHECKING:
    from newstui.model import SyncStatus


# The words of a last error that say the server could not be reached (a connection refused, an
# unknown host, a timeout: client.py's PassingFailure lines), shown as "offline"
OFFLINE_WORDS = (": unreachable (", ": timed out after ")


def describe_sync(
    status: SyncStatus, now: datetime | None = None, cells: int | None = None
) -> Text:
    """One short line, e.g. " ⇅ synced 14:02 · 3 queued " or " ⇅ offline · 2 queued ", in at
    most `cells`: "synced"/"sync" goes first, then " · 3 queued" shortens to " ·3", then the
    time, and what is left ends in "…". The
    last error is not in it (clicking the line, its tooltip and the refresh's notice say it
    whole): with it the line took the footer's keys for as long as the server was down (user
    test r42 L1)."""
    queued = f" · {status.queued:,} queued" if status.queued else ""
    states = _states(status, now)
    forms = [(state, queued) for state in states]
    if status.queued:  # " ⇅ 13:49 ·1 ": the queue kept short before the footer's keys go
        forms += [(state, f" ·{status.queued:,}") for state in states]
    count = ("", queued.removeprefix(" · "))  # a failure matters more than the queue, a time less
    forms += [(states[-1], ""), count] if status.last_error else [count, (states[-1], "")]
    for state, tail in forms:
        if not (state or tail):
            continue
        text = _line(state, tail)
        if cells is None or text.cell_len <= cells:
            return text
    text = _line(states[-1], "")
    text.truncate(max(cells or 0, 0), overflow="ellipsis")
    return text


def _states(status: SyncStatus, now: datetime | None = None) -> list[str]:
    """The state's words, longest first: "sync failed", "failed"; "synced 14:02", "14:02"."""
    if status.last_error:
        return ["offline"] if is_offline(status.last_error) else ["sync failed", "failed"]
    if status.last_sync:
        when = _when(status.last_sync, now)
        return [f"synced {when}", when] if when else ["synced"]
    return ["not synced yet", "not synced"]


def shortest_sync(status: SyncStatus) -> int:
    """The cells of the line's shortest whole form (" ⇅ failed "): it is never cut shorter
    to leave the footer its main keys."""
    return _line(_states(status)[-1], "").cell_len


def is_offline(error: str) -> bool:
    """Whether a sync's last error says the server could not be reached (not that it refused
    or answered wrongly)."""
    return any(words in error for words in OFFLINE_WORDS)


def _when(last_sync: str | None, now: datetime | None) -> str:
    """The last sync's local time as every time is shown (local_times.short_time): "14:02"
    today, "Tue 14:02" this week, else with its date; "" for none."""
    return short_time(last_sync, now) if last_sync and parsed(last_sync) else ""


def _line(state: str, queued: str) -> Text:
    text = Text(" ⇅ ")
    failed = state in ("sync failed", "failed", "offline")
    text.append(state, style="bold" if failed else "")
    if queued:
        text.append(queued, style="bold")
    text.append(" ")
    return text


class SyncStatusLine(Static):
    """Hidden without [sync]; then shows when the last sync ran, its error and the queue. The
    screen gives it a width on a narrow terminal (`fit`)."""

    DEFAULT_CSS = """
    SyncStatusLine {
        display: none;
        width: auto;
        height: 1;
        text-wrap: nowrap;
        background: $panel;
        color: $text;
    }
    SyncStatusLine.-failed {
        background: $error;
    }
    """

    _status: SyncStatus | None = None
    _limit: int | None = None  # the most cells it may take (None: as many as it needs)

    def show(self, status: SyncStatus) -> None:
        """Show the sync state (the last error whole in its tooltip)."""
        self._status = status
        self.update(describe_sync(status, cells=self._limit))
        self.set_class(bool(status.last_error), "-failed")
        line = self.error_line()  # (untrusted text: a Text, never markup)
        self.tooltip = Text(line) if line is not None else None
        self.display = True

    def error_line(self) -> str | None:
        """The last sync's error as a line for the user, or None when it did not fail."""
        error = self._status.last_error if self._status is not None else None
        return f"Sync failed: {clean_line(error, 300)}" if error else None

    def on_click(self) -> None:
        """A click on the line says the last error whole (the line says only "offline")."""
        if (line := self.error_line()) is not None:
            self.notify(line, severity="error", markup=False, timeout=15)

    def hide(self) -> None:
        """Show nothing: [sync] left the config (its last state is no one's now)."""
        self._status = None
        self.display = False

    def fit(self, cells: int | None) -> None:
        """Take at most `cells` from now on."""
        if cells != self._limit:
            self._limit = cells
            if self._status is not None:
                self.show(self._status)

    def cells_at_least(self) -> int:
        """The cells of its shortest whole line (0 when hidden)."""
        return 0 if self._status is None else shortest_sync(self._status)

    def cells_wanted(self) -> int:
        """The cells its line takes (0 when hidden): what the screen keeps for it before the
        refresh's feed name."""
        if self._status is None:  # (shown from the first status on)
            return 0
        return describe_sync(self._status).cell_len
