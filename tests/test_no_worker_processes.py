"""Where no worker process can start (no working sem_open, no /dev/shm, a process limit), newstui
parses, analyses and refreshes in its own process, said in one line: a fetch of many feeds or a
large analysis failed there with the error, leaving its articles unanalysed."""

from __future__ import annotations

import concurrent.futures.process
import errno
import logging
import multiprocessing.popen_spawn_posix
import multiprocessing.synchronize
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from test_ingest_crashes import analysed

from newstui.cli.main import main
from newstui.ingest.pending_analysis import PARALLEL_MIN_ARTICLES, analyse_pending
from newstui.library import Library
from newstui.model import Article
from newstui.processes import NOT_APART, PARALLEL_MIN_FEEDS, WORKERS, AnalysisWorker
from newstui.refresh_process import run_in_child

QUOTE = '"The harbour will reopen on Monday," said Mayor Jane Holloway of Portsmouth.'
FAILURES = ["no sem_open", "process limit"]
RSS = "application/rss+xml"


def no_sem_open() -> None:
    """What ProcessPoolExecutor's check raises where no pool can be made (no working sem_open)."""
    raise NotImplementedError("This platform lacks a functioning sem_open implementation")


def no_process_left(self: object, process_obj: object) -> None:
    """What starting a worker process raises at a process limit (fork: EAGAIN)."""
    raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")


def no_workers_here(monkeypatch: pytest.MonkeyPatch, failure: str) -> None:
    """No worker process can start: no pool can be made ("no sem_open"), or a worker process
    cannot be started ("process limit"). This process has not found it out yet (WORKERS)."""
    monkeypatch.setattr(WORKERS, "failure", None)  # (and again after the test)
    if failure == "no sem_open":
        monkeypatch.setattr(concurrent.futures.process, "_check_system_limits", no_sem_open)
    else:
        monkeypatch.setattr(multiprocessing.popen_spawn_posix.Popen, "_launch", no_process_left)


def said_no_workers(lines: list[str], failure: str) -> bool:
    """One line of `lines` says no worker process can start, and why; no other says so."""
    said = [line for line in lines if "no worker process can start here" in line]
    why = "sem_open" if failure == "no sem_open" else "Resource temporarily unavailable"
    return len(said) == 1 and why in said[0]


@pytest.mark.parametrize("here", [True, False], ids=["command", "app"])
@pytest.mark.parametrize("failure", FAILURES)
def test_a_large_batch_where_no_worker_can_start_is_analysed_here_said_once(
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    here: bool,
    failure: str,
) -> None:
    """A batch of PARALLEL_MIN_ARTICLES or more goes to a pool of worker processes: where none
    could start, the analysis failed with the error, while a smaller one ran here."""
    no_workers_here(monkeypatch, failure)
    monkeypatch.setattr(os, "cpu_count", lambda: 4)  # (a large batch is parallel on 2+ cores)
    count = PARALLEL_MIN_ARTICLES + 10
    with caplog.at_level(logging.WARNING), Library.open(db_path) as library:
        source = library.register_source("https://gazette.example/feed", "Gazette")
        library.save_batch(source, [Article(f"H{i}", QUOTE, guid=f"{i}") for i in range(count)])
        assert analyse_pending(library, "rules", here=here, worker=AnalysisWorker()) == count
    assert set(analysed(db_path).values()) == {(True, 1)}
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert said_no_workers(warnings, failure), warnings


def rss(feed: int, items: int) -> bytes:
    entries = "".join(
        f"<item><title>Feed {feed} story {j}</title><link>https://x.example/{feed}/{j}</link>"
        f"<guid>{feed}-{j}</guid><description>{QUOTE} Story {j}.</description></item>"
        for j in range(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>F{feed}</title>{entries}'
        "</channel></rss>"
    ).encode()


@pytest.mark.parametrize("store", ["new", "fetched before"])
@pytest.mark.parametrize("failure", FAILURES)
def test_a_fetch_of_many_feeds_where_no_worker_can_start_parses_and_analyses_here(
    db_path, feed_server, config_file, capsys, caplog, monkeypatch, failure, store
) -> None:
    """A fetch of PARALLEL_MIN_FEEDS or more parses them in worker processes (started at once
    for a new store, else at the first document): where none could start it ended at once with
    the error (a traceback for a missing sem_open), or each feed failed with it."""
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    feeds = PARALLEL_MIN_FEEDS + 2
    config = config_file({f"F{i}": f"/f{i}" for i in range(feeds)})
    if store == "fetched before":
        for i in range(feeds):
            feed_server.route(f"/f{i}", body=rss(i, 1), headers={"Content-Type": RSS})
        assert main(["--db", str(db_path), "--config", str(config), "fetch"]) == 0
    no_workers_here(monkeypatch, failure)
    for i in range(feeds):
        feed_server.route(f"/f{i}", body=rss(i, 30), headers={"Content-Type": RSS})
    capsys.readouterr()

    with caplog.at_level(logging.WARNING):  # (the command prints it: "warning: …")
        assert main(["--db", str(db_path), "--config", str(config), "fetch"]) == 0

    stored = analysed(db_path)
    assert len(stored) == feeds * 30 and set(stored.values()) == {(True, 1)}
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert said_no_workers(warnings, failure), warnings
    assert f"{feeds} of {feeds} sources ok" in "".join(capsys.readouterr())


def no_dev_shm(self: object, *args: object, **kwargs: object) -> None:
    """What making a process-shared lock raises where /dev/shm is missing (sem_open: ENOENT)."""
    raise FileNotFoundError(errno.ENOENT, "No such file or directory")


def refresh_reporting(name: str, *, report, removed, cancel, pages, analysed) -> str:
    """A refresh's work: one outcome, then its warning."""
    report(name)
    return f"{name} refreshed"


@pytest.mark.parametrize("failure", ["no /dev/shm", "process limit"])
def test_the_apps_refresh_where_no_child_process_can_start_runs_in_the_app(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, failure: str
) -> None:
    """A large refresh runs in a child process: where none could start, the refresh failed with
    the error and no feed was fetched, at every refresh."""
    no_workers_here(monkeypatch, "process limit")
    if failure == "no /dev/shm":
        monkeypatch.setattr(multiprocessing.synchronize.SemLock, "__init__", no_dev_shm)
    reported: list[object] = []
    with caplog.at_level(logging.WARNING):
        for _ in range(2):
            said = run_in_child(refresh_reporting, ("Gazette",), report=reported.append)
            assert said == "Gazette refreshed"
    assert reported == ["Gazette", "Gazette"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    why = "No such file" if failure == "no /dev/shm" else "Resource temporarily unavailable"
    assert len(warnings) == 1 and "no worker process can start here" in warnings[0], warnings
    assert why in warnings[0]


# A process that died analysing article ARTICLE in this process (no worker could start): its
# crash journal says which (see crash_journal), as the extractor's SIGSEGV leaves it.
DIED_ANALYSING = """
import os, signal, sys
from newstui.crash_journal import CrashJournal
CrashJournal(sys.argv[1]).analysing(int(sys.argv[2]))
os.kill(os.getpid(), signal.SIGSEGV)
"""


@pytest.mark.parametrize("failure", FAILURES)
def test_an_article_a_process_died_on_is_kept_unanalysed_where_no_worker_can_start(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    """The next run analyses such an article apart, in a worker: where none could start every
    later fetch and analysis failed with the error. In this process it could die again."""
    with Library.open(db_path) as library:
        source = library.register_source("https://gazette.example/feed", "Gazette")
        pier = library.save_batch(source, [Article("Pier", QUOTE, guid="Pier")]).changed_ids[0]
        library.save_batch(source, [Article("Harbour", QUOTE, guid="Harbour")])
    dead = subprocess.run(
        [sys.executable, "-c", DIED_ANALYSING, str(db_path), str(pier)], timeout=60, check=False
    )
    assert dead.returncode == -signal.SIGSEGV
    no_workers_here(monkeypatch, failure)
    failed: list[str] = []
    with Library.open(db_path) as library:
        assert analyse_pending(library, "rules", on_failure=failed.append) == 1  # Harbour
    assert analysed(db_path) == {"Pier": (True, 0), "Harbour": (True, 1)}
    assert len(failed) == 1 and '"Pier"' in failed[0] and NOT_APART in failed[0], failed
