"""Python's garbage collector around the app's start.

Start-up builds ~95,000 objects that live as long as the app (modules, classes, widgets, styles)
and no garbage worth a pause. With the collector's defaults every full collection scanned them
all again, pausing the event loop for 100–190 ms several times a minute while keys were pressed
(each `j` re-renders, and rendering allocates thousands of short-lived objects). So `newstui`
(cli.main.run) starts the app with the collector off; once the first screen is painted, what
start-up made is frozen out of every later collection and the collector is turned on, collecting
the middle generation less often (fewer, still short pauses).
"""

from __future__ import annotations

import gc

THRESHOLDS = (700, 50, 10)  # young objects, middle (Python's default is 10), old


def resume_after_start() -> bool:
    """If the collector was paused for the start: freeze what start-up made, set the thresholds
    and turn it on. Returns whether it did (an app started another way, e.g. by a test, leaves
    the collector as it found it)."""
    if gc.isenabled():
        return False
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
    gc.enable()
    return True
