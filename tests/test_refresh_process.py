"""A large refresh runs in a child process: outcomes stream back, articles are stored, and a
cancel stops it soon; its last message counts even when it lands as the child ends."""

import logging
import multiprocessing
import os
import pickle
import queue
import subprocess
import sys
import threading
import time
from typing import Any

import pytest

from newstui import refresh_process
from newstui.config import load_config
from newstui.library import Library
from newstui.tui.refresh import CHILD_MIN_FEEDS, plan_all, run_refresh


def rss(feed: int) -> bytes:
    items = "".join(
        f"<item><title>Story {feed}-{n}</title><guid>{feed}-{n}</guid>"
        f"<description>Text {n}.</description></item>"
        for n in range(3)
    )
    return f'<rss version="2.0"><channel><title>F{feed}</title>{items}</channel></rss>'.encode()


def many_feeds(feed_server, config_file, delay: float = 0, timeout: float = 5):
    feeds = {}
    for i in range(CHILD_MIN_FEEDS):
        feed_server.route(f"/f{i}", body=rss(i), delay=delay)
        feeds[f"Feed {i}"] = f"/f{i}"
    return load_config(config_file(feeds, timeout=timeout))


def test_a_large_refresh_runs_outside_the_apps_process_and_reports_every_source(
    db_path, feed_server, config_file, monkeypatch
):
    config = many_feeds(feed_server, config_file)

    def not_here(*args, **kwargs):
        raise AssertionError("fetched in the app's own process")

    monkeypatch.setattr("newstui.ingest.pipeline.fetch_feeds", not_here)
    outcomes = []

    assert run_refresh(db_path, config, plan_all(config), outcomes.append) is None

    assert sorted(o.name for o in outcomes) == sorted(f.name for f in config.feeds)
    assert all(o.new == 3 for o in outcomes)
    with Library.open(db_path) as library:
        assert library.count() == 3 * CHILD_MIN_FEEDS


def test_a_refresh_child_loads_no_textual(db_path, feed_server, config_file, monkeypatch):
    # The child loads what it runs by name, as unpickling does: the refresh's work and plan
    # living in newstui.tui made it load Textual (~0.1 s before its first request).
    config = many_feeds(feed_server, config_file)
    sent = []
    monkeypatch.setattr(
        refresh_process, "run_in_child", lambda work, args, **_: sent.append((work, args))
    )
    run_refresh(db_path, config, plan_all(config), print)
    [what_runs] = sent

    child = subprocess.run(
        [sys.executable, "-c", UNPICKLE_AND_LIST_TEXTUAL],
        input=pickle.dumps(what_runs),
        capture_output=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        check=True,
    )

    assert child.stdout.decode().split() == ["refresh_here", "[]"]


UNPICKLE_AND_LIST_TEXTUAL = """
import pickle, sys
work, args = pickle.loads(sys.stdin.buffer.read())
print(work.__name__, sorted(m for m in sys.modules if m.split(".")[0] == "textual"))
"""


def test_cancelling_a_refresh_in_a_child_process_returns_soon(db_path, feed_server, config_file):
    # The feeds answer after 30 s and may take 60: a refresh that went on after the cancel
    # takes 30 s, far from the bound (a loaded machine starts the child slowly). With the
    # 5-second timeout it had, such a refresh ended within the former bound of 8 s anyway.
    config = many_feeds(feed_server, config_file, delay=30, timeout=60)
    cancel = threading.Event()
    threading.Timer(1.0, cancel.set).start()
    started = time.monotonic()

    assert run_refresh(db_path, config, plan_all(config), print, cancel) is None

    assert time.monotonic() - started < 20


class _LateQueue:
    """A queue whose first read finds nothing: the child's last message arrives just after."""

    def __init__(self) -> None:
        self._items: queue.Queue[Any] = queue.Queue()
        self._reads = 0

    def put(self, item: Any) -> None:
        self._items.put(item)

    def get(self, timeout: float) -> Any:
        self._reads += 1
        if self._reads == 1:
            raise queue.Empty
        return self._items.get(timeout=timeout)

    def close(self) -> None:
        pass


class _EndedChild:
    """A child process that already ran to its end (exit code 0), having sent `done`."""

    exitcode = 0

    def __init__(self, messages: _LateQueue) -> None:
        self._messages = messages

    def start(self) -> None:
        self._messages.put(("done", "1 feed skipped"))

    def is_alive(self) -> bool:
        return False

    def join(self, timeout: float | None = None) -> None:
        pass


class _Context:
    def __init__(self) -> None:
        self.messages = _LateQueue()

    def Queue(self) -> _LateQueue:
        return self.messages

    def Event(self) -> threading.Event:
        return threading.Event()

    def Process(self, **_: Any) -> _EndedChild:
        return _EndedChild(self.messages)


def _work(*_: Any, **__: Any) -> None:
    return None


def test_a_child_whose_last_message_lands_as_it_ends_is_no_failed_refresh(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context = _Context()
    monkeypatch.setattr(refresh_process.multiprocessing, "get_context", lambda _: context)
    monkeypatch.setattr(refresh_process, "POLL", 0.01)
    outcome = refresh_process.run_in_child(_work, (), report=lambda _: None)
    assert outcome == "1 feed skipped"


def test_a_child_that_ended_without_a_word_is_a_failed_refresh(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context = _Context()
    monkeypatch.setattr(refresh_process.multiprocessing, "get_context", lambda _: context)
    monkeypatch.setattr(refresh_process, "POLL", 0.01)
    monkeypatch.setattr(_EndedChild, "start", lambda self: None)
    outcome = refresh_process.run_in_child(_work, (), report=lambda _: None)
    assert outcome == "refresh failed: its process ended (exit code 0)"


def _work_whose_process_ends_late(gate: str, **_: Any) -> str:
    """Done, but its process ends only once `gate` exists (an exit held up by, say, a busy
    machine, when the work's own end comes first)."""
    import atexit
    from pathlib import Path

    def hold() -> None:
        deadline = time.monotonic() + 30  # (a bound: only a broken test waits that long)
        while not Path(gate).exists() and time.monotonic() < deadline:
            time.sleep(0.01)

    atexit.register(hold)
    return "1 feed skipped"


def test_a_refresh_ends_when_its_child_is_done_not_when_its_process_has_ended(tmp_path):
    """`R` said its line once the child had also wound down (~0.07 s of its ~0.3 s where every
    feed answers 304); the child still ends, apart."""
    gate = tmp_path / "gate"
    before = {p.pid for p in multiprocessing.active_children()}

    outcome = refresh_process.run_in_child(
        _work_whose_process_ends_late, (str(gate),), report=lambda _: None
    )
    still_running = {p.pid for p in multiprocessing.active_children()} - before
    gate.touch()

    assert outcome == "1 feed skipped"
    assert len(still_running) == 1
    deadline = time.monotonic() + 30
    while {p.pid for p in multiprocessing.active_children()} - before:
        assert time.monotonic() < deadline, "the child never ended"
        time.sleep(0.05)


CHILD_WARNING = 'Wire: "Pier" (article 2): extractor rules failed: boom; kept without quotes'


def _work_that_warns(*_: Any, **__: Any) -> None:
    logging.getLogger("newstui.ingest.pending_analysis").warning("%s", CHILD_WARNING)


def test_a_warning_logged_in_the_refresh_process_is_logged_by_the_app_not_on_its_terminal(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """The child's stderr is the terminal the app draws on: its warnings come back to the
    app's process, whose logging shows them in the app (see tui/logged_warnings)."""
    caplog.set_level(logging.WARNING)
    assert refresh_process.run_in_child(_work_that_warns, (), report=lambda _: None) is None
    assert [r.getMessage() for r in caplog.records] == [CHILD_WARNING]
    assert capfd.readouterr().err == ""
