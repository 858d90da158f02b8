"""The cyclic garbage collector held back during a fetch: old objects frozen while analyses
stream, collections paused during a save."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

from newstui.processes import collect_young_rarely


class _OldObjectsFrozen:
    """How many fetches are inside `old_objects_frozen` (the app may run two at once), and
    whether the first of them froze."""

    lock = threading.Lock()
    held = 0
    froze = False
    thresholds = (0, 0, 0)  # the collector's, before the first


@contextlib.contextmanager
def old_objects_frozen() -> Iterator[None]:
    """Leave the objects that exist now (modules, the extractor's tables) out of the cyclic
    garbage collector's scans while analyses stream: they outlive the fetch, and every full
    collection walked them all again while analysing, unpickling results and building rows
    allocated millions of short-lived objects. A cold fetch of 10,000 articles spent 0.27-0.32
    CPU-s of the fetching process in 8 full collections, 0.01-0.05 s with them frozen. They
    are unfrozen when the last such fetch ends; a process that froze objects before (the app,
    after its first screen) keeps them frozen and freezes nothing more. Young collections are
    rarer meanwhile too (YOUNG_WHILE_STREAMING)."""
    state = _OldObjectsFrozen
    with state.lock:
        if state.held == 0:
            state.froze = gc.get_freeze_count() == 0
            if state.froze:
                gc.freeze()
            state.thresholds = gc.get_threshold()
            collect_young_rarely()
        state.held += 1
    try:
        yield
    finally:
        with state.lock:
            state.held -= 1
            if state.held == 0:
                gc.set_threshold(*state.thresholds)
                if state.froze:
                    gc.unfreeze()
                    state.froze = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection during one save, join or store of a fetch: each builds
    thousands of rows that live until its statements have run, and young collections
    scanned them and moved them to an older generation to be scanned again. The fetching
    process's collections of a cold fetch of 10,000 articles took 0.57-0.66 CPU-s (old
    objects frozen), 0.43 s with them paused there. Garbage made meanwhile is collected after."""
    enabled = gc.isenabled()  # (the app's start-up keeps it off until its first screen)
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
