"""The main screen's bottom row: the refresh's status line, the sync's and the footer share it,
the least important parts giving way first; the sync's line follows the sync's bookkeeping. Part
of `MainScreen`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from textual.geometry import Size

    from newstui.model import SyncStatus
    from newstui.tui.widgets.refresh_status import RefreshStatus
    from newstui.tui.widgets.sync_status import SyncStatusLine


@dataclass(eq=False, repr=False)
class SyncStatusChanged(Message):
    """The sync bookkeeping changed: last sync, queued marks, last error."""

    status: SyncStatus


# the footer's "? Help Q Quit", which the status lines leave room for (key_footer's
# footer_key_width of each: 7 cells; not imported here, as the footer comes after the first frame)
FOOTER_LEAST = 14
# … and the footer's main keys, which the sync's line leaves room for where it can: "Enter Open
# ? Help / Search R Refresh Q Quit" as the Linux console draws them (⏎ is narrower) (user test
# r51 L6: at 60 columns " · 1 queued" pushed Enter Open out)
FOOTER_MAIN = 44


class StatusRow:
    """The bottom row's status lines, fitted to the screen's width."""

    # Provided by MainScreen.
    status: RefreshStatus
    sync_status: SyncStatusLine
    size: Size

    def _on_sync_status_changed(self, message: SyncStatusChanged) -> None:
        self.sync_status.show(message.status)
        self.fit_status()

    def fit_status(self) -> None:
        """Share the bottom row, least important parts going first: the footer keeps 40% of
        the width (Help and Quit at least) and, beside the sync state, its main keys (the state
        shortens first), the refresh's count and the sync state come next,
        then the feed's name is shortened (ending in "…")."""
        width = self.size.width
        room = max(width - max(FOOTER_LEAST, width * 2 // 5), 0)
        least = self.status.cells_at_least()
        taken = self.status.fit(max(room - self.sync_status.cells_wanted(), least))
        main_keys = max(width - FOOTER_MAIN - taken, self.sync_status.cells_at_least())
        self.sync_status.fit(min(max(room - taken, 0), main_keys))
