"""`newstui` whose extractor kills its own process on an article holding MARK, as the compiled
extractor's C stack overflow did (SIGSEGV: nothing in the process can catch it). Run as a
script (`python tests/crashing_extractor.py --db … fetch`): its top level runs again in
newstui's spawned workers (as their `__mp_main__`), whose extractor crashes alike; with
NEWSTUI_CRASH_IN_WORKERS_ONLY=1 only they crash. `crashing_extractor.py app-refresh DB CONFIG` runs
the app's refresh of a few feeds instead of a command. `analyse_or_crash` is the same as a worker
task, for tests that hand a pool their own task."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Sequence

from newstui.model import Analysis
from newstui.nlp import extractor as registry
from newstui.processes import Analysed, analyse_texts

MARK = "KILLS-THE-EXTRACTOR"


def crash_if_marked(text: str) -> None:
    """Kill this process, as a segmentation fault does, if the text holds MARK."""
    in_worker = multiprocessing.parent_process() is not None
    if MARK in text and (in_worker or os.environ.get("NEWSTUI_CRASH_IN_WORKERS_ONLY") != "1"):
        os.kill(os.getpid(), signal.SIGSEGV)


class CrashingExtractor:
    """The real extractor, but for texts holding MARK."""

    def __init__(self, inner: registry.Extractor) -> None:
        self.inner, self.name, self.version = inner, inner.name, inner.version

    def analyse(self, text: str, language: str | None = None) -> Analysis:
        crash_if_marked(text)
        return self.inner.analyse(text, language)


def analyse_or_crash(
    extractor_name: str,
    texts: Sequence[str],
    sketch: Sequence[bool] = (),
    languages: Sequence[str | None] = (),
) -> list[Analysed]:
    """processes.analyse_texts, killing the worker on a text holding MARK."""
    for text in texts:
        crash_if_marked(text)
    return analyse_texts(extractor_name, texts, sketch, languages)


def analyse_or_die_once(
    flag: str,
    extractor_name: str,
    texts: Sequence[str],
    sketch: Sequence[bool] = (),
    languages: Sequence[str | None] = (),
) -> list[Analysed]:
    """processes.analyse_texts, but the first worker to run it dies (making `flag`) whatever
    its texts: a death that is not the text's doing (the out-of-memory killer)."""
    if not os.path.exists(flag):
        open(flag, "w").close()
        os.kill(os.getpid(), signal.SIGSEGV)
    return analyse_texts(extractor_name, texts, sketch, languages)


def refresh_that_crashes(*_: object, **__: object) -> str | None:
    """A refresh (refresh_process.RefreshWork) whose process dies as a segmentation fault."""
    os.kill(os.getpid(), signal.SIGSEGV)
    return None


def _crashing(real: Callable[[], registry.Extractor]) -> Callable[[], registry.Extractor]:
    return lambda: CrashingExtractor(real())


if __name__ in ("__main__", "__mp_main__"):
    registry._FACTORIES["rules"] = _crashing(registry._FACTORIES["rules"])


def app_refresh(db_path: str, config_path: str) -> int:
    """What the app's refresh of a few feeds runs in the app's own process (tui.refresh's
    refresh_here): prints the warning line it returns, which the app shows."""
    from pathlib import Path

    from newstui.config import load_config
    from newstui.tui.refresh import RefreshPlan, refresh_here

    config = load_config(Path(config_path))
    plan = RefreshPlan(feeds=tuple(config.feeds), local=tuple(config.local))
    print(refresh_here(db_path, config, plan, report=lambda _: None) or "")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["app-refresh"]:
        sys.exit(app_refresh(*sys.argv[2:4]))
    from newstui.cli.main import main

    sys.exit(main(sys.argv[1:]))
