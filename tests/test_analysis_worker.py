"""The app's analyses (`f`, `a`, a refresh's few new articles) run in one long-lived worker
process: started once and reused, replaced after an article killed it, and where no worker
process can start at all they run in the app's own process, said once."""

from __future__ import annotations

import concurrent.futures.process
import logging
from pathlib import Path

import pytest
from crashing_extractor import MARK
from test_ingest_crashes import CrashingPool, analysed

from newstui.ingest import analyse_pending
from newstui.library import Library
from newstui.model import Article
from newstui.processes import CRASHED, AnalysisWorker

QUOTE = '"The harbour will reopen on Monday," said Mayor Jane Holloway of Portsmouth.'


def add(library: Library, title: str, text: str) -> None:
    source = library.register_source("https://gazette.example/feed", "Gazette")
    library.save_batch(source, [Article(title, text, guid=title)])


def test_a_second_analysis_reuses_the_worker_the_first_started(db_path: Path) -> None:
    worker = AnalysisWorker()
    try:
        with Library.open(db_path) as library:
            add(library, "Harbour", QUOTE)
            assert analyse_pending(library, "rules", here=False, worker=worker) == 1
            add(library, "Pier", QUOTE)
            assert analyse_pending(library, "rules", here=False, worker=worker) == 1
        assert worker.pool.starts == 1
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


def test_where_no_worker_can_start_the_analysis_runs_here_said_once(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def no_sem_open() -> None:
        raise NotImplementedError("This platform lacks a functioning sem_open implementation")

    monkeypatch.setattr(concurrent.futures.process, "_check_system_limits", no_sem_open)
    worker = AnalysisWorker()
    with caplog.at_level(logging.WARNING), Library.open(db_path) as library:
        add(library, "Harbour", QUOTE)
        assert analyse_pending(library, "rules", here=False, worker=worker) == 1
        add(library, "Pier", QUOTE)
        assert analyse_pending(library, "rules", here=False, worker=worker) == 1
    assert analysed(db_path) == {"Harbour": (True, 1), "Pier": (True, 1)}
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(said) == 1 and "no worker process can start here" in said[0], said
    assert "sem_open" in said[0]
    assert worker.pool.starts == 0
