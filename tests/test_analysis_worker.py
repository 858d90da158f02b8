"""The app's analyses (`f`, `a`, a refresh's few new articles) run in one long-lived worker
process: started once and reused, replaced after an article killed it, and where no worker
process can start at all they run in the app's own process, said once."""

from __future__ import annotations

import logging
import multiprocessing
import subprocess
import sys
import time
from pathlib import Path

import pytest
from crashing_extractor import MARK
from test_ingest_crashes import CrashingPool, analysed
from test_no_worker_processes import no_workers_here

from newstui.ingest.pending_analysis import analyse_pending
from newstui.library import Library
from newstui.model import Article
from newstui.processes import CRASHED, AnalysisWorker

QUOTE = '"The harbour will reopen on Monday," said Mayor Jane Holloway of Portsmouth.'


def add(library: Library, title: str, text: str) -> None:
    source = library.register_source("https://gazette.example/feed", "Gazette")
    library.save_batch(source, [Article(title, text, guid=title)])


def started_since(before: set[int]) -> set[int]:
    """The pids of this process's live child processes not in `before`."""
    return {p.pid for p in multiprocessing.active_children()} - before  # (joins ended ones)


@pytest.mark.parametrize(("idle", "starts"), [(60.0, 1), (0.5, 2)])
def test_a_second_analysis_reuses_the_worker_the_first_started_unless_it_exited_idle(
    db_path: Path, idle: float, starts: int
) -> None:
    """The worker (~35 MiB) lived until the app exited, analysing or not: it exits after
    `idle` seconds without an analysis, and the next analysis starts another."""
    before = started_since(set())  # (another test's, still exiting)
    worker = AnalysisWorker(idle=idle)
    try:
        with Library.open(db_path) as library:
            add(library, "Harbour", QUOTE)
            assert analyse_pending(library, "rules", here=False, worker=worker) == 1
            assert len(started_since(before)) == 1
            deadline = time.monotonic() + 60  # (a bound: only a broken test waits that long)
            while starts == 2 and started_since(before) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert len(started_since(before)) == 2 - starts
            add(library, "Pier", QUOTE)
            assert analyse_pending(library, "rules", here=False, worker=worker) == 1
        assert worker.pool.starts == starts
        assert analysed(db_path) == {"Harbour": (True, 1), "Pier": (True, 1)}
    finally:
        worker.close()


def test_a_worker_killed_by_an_article_is_replaced_and_the_next_analysis_works(
    db_path: Path,
) -> None:
    worker = AnalysisWorker(CrashingPool(1))
    failed: list[str] = []
    try:
        with Library.open(db_path) as library:
            add(library, "Pier", f"{MARK} {QUOTE}")
            analyse_pending(library, "rules", here=False, worker=worker, on_failure=failed.append)
            add(library, "Harbour", QUOTE)
            assert analyse_pending(library, "rules", here=False, worker=worker) == 1
        assert worker.pool.starts == 2  # the first, and the one after its death
        assert analysed(db_path) == {"Pier": (True, 0), "Harbour": (True, 1)}
        assert len(failed) == 1 and '"Pier"' in failed[0] and CRASHED in failed[0]
    finally:
        worker.close()


@pytest.mark.parametrize("failure", ["no sem_open", "process limit"])
def test_where_no_worker_can_start_the_analysis_runs_here_said_once(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, failure: str
) -> None:
    """A process limit fails as the worker starts, after the pool was made: the analysis
    failed ("Resource temporarily unavailable")."""
    no_workers_here(monkeypatch, failure)
    worker = AnalysisWorker()
    try:  # (closed: its idle timer wound its pool down 60 s later, in another test)
        with caplog.at_level(logging.WARNING), Library.open(db_path) as library:
            add(library, "Harbour", QUOTE)
            assert analyse_pending(library, "rules", here=False, worker=worker) == 1
            add(library, "Pier", QUOTE)
            assert analyse_pending(library, "rules", here=False, worker=worker) == 1
    finally:
        worker.close()
    assert analysed(db_path) == {"Harbour": (True, 1), "Pier": (True, 1)}
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(said) == 1 and "no worker process can start here" in said[0], said
    assert ("sem_open" if failure == "no sem_open" else "Resource temporarily") in said[0]
    assert worker.pool.starts == (0 if failure == "no sem_open" else 1)  # (not tried again)


# In a fresh interpreter (this one has the extractor loaded by other tests): the app's analysis
# in its worker, then which extractor modules the app's process holds, and the stored version.
ANALYSE_IN_THE_WORKER = """
import sys
from newstui.ingest.pending_analysis import analyse_pending
from newstui.library import Library
from newstui.model import Article
from newstui.processes import AnalysisWorker

worker = AnalysisWorker()
with Library.open(sys.argv[1]) as library:
    source = library.register_source("https://gazette.example/feed", "Gazette")
    library.save_batch(source, [Article("Harbour", sys.argv[2], guid="Harbour")])
    done = analyse_pending(library, "rules", here=False, worker=worker)
    loaded = sorted(m for m in ("newstui.nlp.rules", "newstui.nlp.entities") if m in sys.modules)
    from newstui.nlp import get_extractor
    left = library.to_analyse(get_extractor("rules").version)
worker.close()
print(done, loaded, len(left))
"""


def test_an_analysis_in_the_worker_loads_no_extractor_in_the_apps_process(
    db_path: Path,
) -> None:
    """The app read the extractor's version by building it: ~0.4-0.8 s and its memory in the
    app's process, which analyses nothing itself. The version it stores is the extractor's."""
    ran = subprocess.run(
        [sys.executable, "-c", ANALYSE_IN_THE_WORKER, str(db_path), QUOTE],
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    assert ran.stdout.split("\n")[0] == "1 [] 0", ran.stderr
    assert analysed(db_path) == {"Harbour": (True, 1)}


def test_the_idle_time_counts_from_the_end_of_the_last_analysis(db_path: Path) -> None:
    """An analysis that outlasts the idle time keeps its worker, and so does the next one."""
    before = started_since(set())
    # (an idle time a loaded machine does not spend between the two lines below: with 0.3 s,
    # a pause there let the worker exit before the lend, and the lend started a second one)
    worker = AnalysisWorker(idle=2.0)
    try:
        with Library.open(db_path) as library:
            add(library, "Harbour", QUOTE)
            assert analyse_pending(library, "rules", here=False, worker=worker) == 1
            with worker.lend() as pool:  # at once: the idle time is not up
                assert pool is not None
                time.sleep(3.0)  # longer than the idle time, with the worker lent
                assert [r.error for r in pool.analyse("rules", [QUOTE])] == [None]
                assert len(started_since(before)) == 1
        assert worker.pool.starts == 1
    finally:
        worker.close()
