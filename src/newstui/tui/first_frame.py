"""The first frame's way to the terminal: a short thread switch interval until it is shown.

Textual writes each frame from a thread of its own (the driver's writer thread), which needs the
interpreter lock to write and again to flush. Right after the first frame is queued the event
loop keeps the lock busy (the terminal's first size, the article count in the title bar, then
the panes deferred to after the first paint), and a thread waiting for the lock gets it only
once per switch interval (Python's default: 5 ms): the first frame reached the terminal 5-35 ms
after it was ready. Until the first screen is shown the interval is short, so the writer takes
the lock at once; then the interval Python had comes back.
"""

from __future__ import annotations

import sys

START_INTERVAL = 0.0005  # seconds: the switch interval until the first screen is shown


class ShortSwitchInterval:
    """A switch interval of START_INTERVAL from `start` until `end` (which is safe to call
    again, or without a start)."""

    def __init__(self) -> None:
        self._saved: float | None = None

    def start(self) -> None:
        """Shorten the interval (once; a second start keeps the first saved value)."""
        if self._saved is None:
            self._saved = sys.getswitchinterval()
            sys.setswitchinterval(min(START_INTERVAL, self._saved))

    def end(self) -> None:
        """Put back the interval Python had before `start`."""
        if self._saved is not None:
            sys.setswitchinterval(self._saved)
            self._saved = None


FIRST_FRAME = ShortSwitchInterval()  # the app's: started by run_app, ended at the first screen
# (the main screen, or the upgrade's)
