"""An article on which the extractor kills its process (the compiled build's C stack overflow
is SIGSEGV) never stops every later fetch: the process that dies leaves a crash journal, the
next run analyses that article apart in a worker, and a worker that dies on an article is
found out by halving its chunk; that article stays stored and readable, without analysis."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future
from pathlib import Path

import pytest
from crashing_extractor import MARK, analyse_or_crash, analyse_or_die_once, refresh_that_crashes

from newstui.crash_journal import CrashJournal, left_by_the_dead
from newstui.processes import CRASHED, Analysed, CpuPool, analyse_apart
from newstui.refresh_process import run_in_child

SCRIPT = Path(__file__).with_name("crashing_extractor.py")
QUOTE = '"The harbour will reopen on Monday," said Mayor Jane Holloway of Portsmouth.'


class CrashingPool(CpuPool):
    """A pool whose workers die on a text holding MARK."""

    def analyse_chunk(
        self,
        extractor_name: str,
        texts: Sequence[str],
        sketch: Sequence[bool] = (),
        languages: Sequence[str | None] = (),
    ) -> Future[list[Analysed]]:
        return self.submit_call(
            analyse_or_crash, extractor_name, list(texts), list(sketch), list(languages)
        )


class DyingOncePool(CpuPool):
    """A pool whose first worker dies on its first task, whatever the texts."""

    def __init__(self, flag: Path) -> None:
        super().__init__(1)
        self.flag = str(flag)

    def analyse_chunk(
        self,
        extractor_name: str,
        texts: Sequence[str],
        sketch: Sequence[bool] = (),
        languages: Sequence[str | None] = (),
    ) -> Future[list[Analysed]]:
        return self.submit_call(
            analyse_or_die_once,
            self.flag,
            extractor_name,
            list(texts),
            list(sketch),
            list(languages),
        )


def test_a_lone_text_whose_worker_died_once_of_something_else_is_analysed(tmp_path: Path) -> None:
    """One death of a worker analysing one text is not proof (the out-of-memory killer, a
    failed start): the text is tried once more before it is stored as crashed."""
    with DyingOncePool(tmp_path / "died") as pool:
        [result] = analyse_apart(pool, "rules", [f"Story 1. {QUOTE}"])
    assert (tmp_path / "died").exists()
    assert result.error is None
    assert result.rows[1]  # its quote


def texts_with_one_crash(count: int, crash_at: int) -> list[str]:
    return [f"Story {i}. {MARK if i == crash_at else 'Nothing odd.'} {QUOTE}" for i in range(count)]


def test_the_text_that_kills_the_worker_is_found_and_the_others_analysed() -> None:
    texts = texts_with_one_crash(7, crash_at=4)
    with CrashingPool(1) as pool:
        results = analyse_apart(pool, "rules", texts)
    assert [r.error for r in results] == [None] * 4 + [CRASHED] + [None] * 2
    assert not any(results[4].rows)
    assert all(r.rows[1] for i, r in enumerate(results) if i != 4)  # their quotes


def test_a_batch_whose_worker_dies_still_gives_every_other_analysis() -> None:
    texts = texts_with_one_crash(40, crash_at=21)  # three chunks, the second dies
    with CrashingPool(1) as pool:
        results = list(pool.analyse("rules", texts))
    assert len(results) == 40
    assert [i for i, r in enumerate(results) if r.error] == [21]
    assert results[21].error == CRASHED
    assert all(r.rows[1] for i, r in enumerate(results) if i != 21)


def test_a_journal_is_left_only_by_a_process_that_died_while_analysing(tmp_path: Path) -> None:
    database = str(tmp_path / "newstui.db")
    own = CrashJournal(database)
    own.analysing(12345678901)
    dead = subprocess.run(
        [sys.executable, "-c", JOURNAL_THEN_SEGFAULT, database], check=False, timeout=60
    )
    assert dead.returncode == -signal.SIGSEGV
    found = left_by_the_dead(database)
    assert list(found.values()) == [77]  # not this process's own, which is running
    own.clear()
    own.close()
    assert [p.name for p in tmp_path.iterdir()] == [next(iter(found)).name]
    assert left_by_the_dead(":memory:") == {}


JOURNAL_THEN_SEGFAULT = """
import os, signal, sys
from newstui.crash_journal import CrashJournal
journal = CrashJournal(sys.argv[1])
journal.analysing(1234567)
journal.analysing(77)
os.kill(os.getpid(), signal.SIGSEGV)
"""


def crash_feed(name: str, marked: int | None, items: int = 3) -> bytes:
    entries = []
    for j in range(items):
        odd = MARK if j == marked else "The council met on Tuesday."
        text = f"{name} story {j}. {odd} {QUOTE}"
        entries.append(
            f"<item><title>{name} story {j}</title><link>https://crash.example/{name}/{j}</link>"
            f"<guid>{name}-{j}</guid><description>{text}</description></item>"
        )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>'
        f"{''.join(entries)}</channel></rss>"
    ).encode()


def run_fetch(db_path: Path, config: Path, **env: str) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, str(SCRIPT), "--db", str(db_path), "--config", str(config), "fetch"]
    return subprocess.run(
        argv, capture_output=True, text=True, timeout=180, env={**os.environ, **env}
    )


def analysed(db_path: Path) -> dict[str, tuple[bool, int]]:
    """Each article's title: whether it is analysed, and its quotes."""
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(
            "SELECT title, nlp_version IS NOT NULL, "
            "(SELECT count(*) FROM quotes WHERE article_id = articles.id) FROM articles"
        ).fetchall()
    finally:
        conn.close()
    return {title: (done, quotes) for title, done, quotes in rows}


def test_a_fetch_killed_by_the_extractor_is_followed_by_one_that_leaves_that_article_out(
    db_path, feed_server, config_file
) -> None:
    feed_server.route("/crash", body=crash_feed("Harbour News", marked=1))
    config = config_file({"Harbour News": "/crash"})

    first = run_fetch(db_path, config)  # analysed in the fetching process: it dies
    assert first.returncode == -signal.SIGSEGV, first.stderr
    second = run_fetch(db_path, config)
    third = run_fetch(db_path, config)

    assert second.returncode == 0, second.stderr
    warnings = [line for line in second.stderr.splitlines() if "warning" in line]
    assert warnings == [
        'warning: Harbour News: "Harbour News story 1" (article 2): extractor rules '
        f"failed: {CRASHED}; kept without quotes or entities"
    ]
    assert analysed(db_path) == {
        "Harbour News story 0": (True, 1),
        "Harbour News story 1": (True, 0),  # stored and readable, never analysed again
        "Harbour News story 2": (True, 1),
    }
    assert third.returncode == 0 and third.stderr == "", third.stderr
    assert not list(db_path.parent.glob("*.analysing-*"))


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a fetch of one core starts no workers")
def test_a_worker_killed_by_the_extractor_costs_the_fetch_only_that_article(
    db_path, feed_server, config_file
) -> None:
    names = [f"Feed {i}" for i in range(10)]  # enough feeds for worker processes
    # Feed 3 comes first: the others are answered once its articles are stored, so they are
    # the first chunk sent to the worker (the fetching process's own share takes articles
    # only while others wait), however slowly a loaded machine starts the worker.
    feed_3_stored = threading.Event()
    feed_3_seen: list[bool] = []
    for i, name in enumerate(names):
        body = crash_feed(name, marked=2 if i == 3 else None, items=8)
        feed_server.route(f"/f{i}", body=body, hold=None if i == 3 else feed_3_stored)
    config = config_file({name: f"/f{i}" for i, name in enumerate(names)}, per_host=10)
    watch = threading.Thread(
        target=set_once_stored,
        args=(db_path, "Feed 3 story %", 8, feed_3_stored, feed_3_seen),
        daemon=True,
    )
    watch.start()

    first = run_fetch(db_path, config, NEWSTUI_CRASH_IN_WORKERS_ONLY="1")
    watch.join(5)
    assert feed_3_seen == [True]  # the order the test relies on held (not the watch's deadline)
    second = run_fetch(db_path, config, NEWSTUI_CRASH_IN_WORKERS_ONLY="1")

    assert first.returncode == 0, first.stderr  # documents the worker held are parsed again
    warnings = [line for line in first.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1 and '"Feed 3 story 2"' in warnings[0], first.stderr
    assert second.returncode == 0 and second.stderr == "", second.stderr
    found = analysed(db_path)
    assert len(found) == 80
    assert found.pop("Feed 3 story 2") == (True, 0)
    assert set(found.values()) == {(True, 1)}


def set_once_stored(
    db_path: Path, titles: str, count: int, event: threading.Event, seen: list[bool]
) -> None:
    """Set `event` once `count` articles whose titles are LIKE `titles` are in the store
    (written by another process), and append to `seen` whether they were found: the bound
    only ends a watch whose fetch failed (it sets `event` then too, to release the others)."""
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
            try:
                found = conn.execute(
                    "SELECT count(*) FROM articles WHERE title LIKE ?", [titles]
                ).fetchone()[0]
            finally:
                conn.close()
        except sqlite3.Error:  # not made yet, or its tables not yet
            found = 0
        if found >= count:
            break
        time.sleep(0.02)
    seen.append(found >= count)
    event.set()


def test_the_apps_refresh_says_in_one_line_that_its_process_crashed() -> None:
    said = run_in_child(refresh_that_crashes, (), report=lambda _: None)
    assert said == (
        "refresh failed: its process was killed by SIGSEGV; what was stored is kept, and the "
        "next refresh analyses apart any article it was analysing"
    )


def test_the_apps_refresh_survives_an_article_that_kills_the_extractor_and_names_it(
    db_path, feed_server, config_file
) -> None:
    """The app's refresh of a few feeds runs in the app's own process: its analysis runs in a
    worker, so the article that kills the extractor costs that worker, never the app (which
    died with it), and the refresh's one line names it."""
    feed_server.route("/crash", body=crash_feed("Harbour News", marked=1))
    feed_server.route("/calm", body=crash_feed("Calm Times", marked=None))
    config = config_file({"Harbour News": "/crash", "Calm Times": "/calm"})
    argv = [sys.executable, str(SCRIPT), "app-refresh", str(db_path), str(config)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=180)

    assert done.returncode == 0, done.stderr
    said = done.stdout.strip()
    assert said.startswith('Harbour News: "Harbour News story 1" (article '), said
    assert said.endswith(f"extractor rules failed: {CRASHED}; kept without quotes or entities")
    found = analysed(db_path)
    assert found.pop("Harbour News story 1") == (True, 0)  # stored, readable, not again
    assert len(found) == 5 and set(found.values()) == {(True, 1)}
    assert done.stderr == "" and not list(db_path.parent.glob("*.analysing-*"))


def test_a_local_source_in_the_apps_refresh_is_analysed_in_a_worker_too(
    db_path, tmp_path, config_file
) -> None:
    """A refresh with a local source runs in its own process (the app lives on when it dies),
    but its import analysed there: the article that kills the extractor ended the refresh."""
    folder = tmp_path / "clippings"
    folder.mkdir()
    (folder / "pier.txt").write_text(f"Pier closes\n\n{MARK} {QUOTE}\n", "utf-8")
    (folder / "harbour.txt").write_text(f"Harbour reopens\n\n{QUOTE}\n", "utf-8")
    config = config_file({})
    config.write_text(
        config.read_text("utf-8") + f'\n[[local]]\nname = "Clippings"\npath = "{folder}"\n'
    )
    argv = [sys.executable, str(SCRIPT), "app-refresh", str(db_path), str(config)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=180)

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith('Clippings: "Pier closes" (article '), done.stdout
    assert f"failed: {CRASHED}" in done.stdout
    assert analysed(db_path) == {"Pier closes": (True, 0), "Harbour reopens": (True, 1)}


def test_a_dead_process_journal_is_found_though_a_live_process_has_its_pid(
    tmp_path: Path,
) -> None:
    """In a container every `newstui fetch` has the same process id: the journal of the run
    that died is named with the live run's own pid, and must still be found (its lock is
    gone), while a live process's journal is not (it holds its lock)."""
    database = str(tmp_path / "newstui.db")
    dead = subprocess.run(
        [sys.executable, "-c", JOURNAL_THEN_SEGFAULT, database], check=False, timeout=60
    )
    assert dead.returncode == -signal.SIGSEGV
    [left] = tmp_path.iterdir()
    token = left.name.rpartition("-")[2]
    same_pid = tmp_path / f"newstui.db.analysing-{os.getpid()}-{token}"
    left.rename(same_pid)  # as if the dead run had had this process's id
    own = CrashJournal(database)
    own.analysing(424242)
    assert left_by_the_dead(database) == {same_pid: 77}
    own.close()
    assert [p.name for p in tmp_path.iterdir()] == [same_pid.name]
