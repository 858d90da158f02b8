"""The sync state beside the footer: last sync, marks waiting to be pushed, the last error."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from newstui.text import clean_line

if TYPE_CHECKING:
    from newstui.model import SyncStatus


ERROR_CELLS = 60  # the most of the last error shown
ERROR_CELLS_LEAST = 12  # below this the error is left out ("sync failed" stays)


def describe_sync(
    status: SyncStatus,
    now: datetime | None = None,
    cells: int | None = None,
    *,
    detail: bool = True,
) -> Text:
    """One short line, e.g. " ⇅ synced 14:02 · 3 queued " or " ⇅ sync failed: host: … ", in at
    most `cells`: the error is shortened then left out (always, without `detail`), then
    "synced"/"sync", then the time, and what is left ends in "…"."""
    queued = f" · {status.queued:,} queued" if status.queued else ""
    if status.last_error:
        fixed = len(" ⇅ sync failed: ") + len(queued) + 1
        room = ERROR_CELLS if cells is None else min(ERROR_CELLS, cells - fixed)
        error = clean_line(status.last_error, max(room, 1))
        states = [f"sync failed: {error}"] if detail and room >= ERROR_CELLS_LEAST else []
        states += ["sync failed", "failed"]
    elif status.last_sync:
        when = _when(status.last_sync, now)
        states = [f"synced {when}", when] if when else ["synced"]
    else:
        states = ["not synced yet", "not synced"]
    forms = [(state, queued) for state in states]
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


def _when(last_sync: str | None, now: datetime | None) -> str:
    """The last sync's time: "14:02" today, "03 Dec 14:02" before."""
    try:
        when = datetime.fromisoformat(last_sync or "").astimezone()
    except ValueError:
        return ""
    today = (now or datetime.now().astimezone()).date() == when.date()
    return f"{when:%H:%M}" if today else f"{when:%d %b %H:%M}"


def _line(state: str, queued: str) -> Text:
    text = Text(" ⇅ ")
    failed = state.startswith(("sync failed", "failed"))
    head, colon, rest = state.partition(": ")
    text.append(head + colon, style="bold" if failed else "")
    text.append(rest)
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
        """Show the sync state."""
        self._status = status
        self.update(describe_sync(status, cells=self._limit))
        self.set_class(bool(status.last_error), "-failed")
        self.display = True

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

    def cells_wanted(self) -> int:
        """The cells its line takes without the error's text (0 when hidden): what the screen
        keeps for it before the refresh's feed name."""
        if self._status is None:  # (shown from the first status on)
            return 0
        return describe_sync(self._status, detail=False).cell_len
