"""The sync state beside the footer: last sync, marks waiting to be pushed, the last error."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from newstui.text import clean_line

if TYPE_CHECKING:
    from newstui.model import SyncStatus


def describe_sync(status: SyncStatus, now: datetime | None = None) -> Text:
    """One short line, e.g. " ⇅ 14:02 · 3 queued " or " ⇅ failed: host: unreachable … "."""
    text = Text(" ⇅ ")
    if status.last_error:
        text.append("sync failed: ", style="bold")
        text.append(clean_line(status.last_error, 60))
    elif status.last_sync:
        try:
            when = datetime.fromisoformat(status.last_sync).astimezone()
        except ValueError:
            text.append("synced")
        else:
            today = (now or datetime.now().astimezone()).date() == when.date()
            text.append(f"synced {when:%H:%M}" if today else f"synced {when:%d %b %H:%M}")
    else:
        text.append("not synced yet")
    if status.queued:
        text.append(f" · {status.queued:,} queued", style="bold")
    text.append(" ")
    return text


class SyncStatusLine(Static):
    """Hidden without [sync]; then shows when the last sync ran, its error and the queue."""

    DEFAULT_CSS = """
    SyncStatusLine {
        display: none;
        width: auto;
        max-width: 60%;
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;  /* a long error cut at the edge says so */
        background: $panel;
        color: $text;
    }
    SyncStatusLine.-failed {
        background: $error;
    }
    """

    def show(self, status: SyncStatus) -> None:
        """Show the sync state."""
        self.update(describe_sync(status))
        self.set_class(bool(status.last_error), "-failed")
        self.display = True
