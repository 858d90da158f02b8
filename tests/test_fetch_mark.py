"""The fetch mark beside a store: held while a `newstui fetch` runs, seen by another process
(the app) as a fetch under way, gone with the fetch however it ends."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newstui.fetch_mark import fetch_marked, fetch_under_way

fcntl = pytest.importorskip("fcntl", reason="the fetch mark is a flock")


def test_no_fetch_under_way_before_any_fetch_ran(tmp_path):
    assert fetch_under_way(str(tmp_path / "a.db")) is False


def test_a_fetch_is_under_way_while_it_holds_the_mark_and_not_after(tmp_path):
    path = str(tmp_path / "a.db")
    with fetch_marked(path):
        assert fetch_under_way(path) is True
        with fetch_marked(path):  # two fetches at once both hold it
            assert fetch_under_way(path) is True
        assert fetch_under_way(path) is True
    assert fetch_under_way(path) is False


def test_a_fetch_killed_leaves_no_fetch_under_way(tmp_path):
    path = str(tmp_path / "a.db")
    child = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\nfrom newstui.fetch_mark import fetch_marked\n"
         f"with fetch_marked({path!r}):\n    print('held', flush=True)\n    time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        assert fetch_under_way(path) is True  # (another process's)
    finally:
        child.kill()
        child.wait()
    assert fetch_under_way(path) is False


def test_a_store_in_memory_has_no_mark(tmp_path):
    with fetch_marked(":memory:"):
        assert fetch_under_way(":memory:") is False


def test_a_mark_that_cannot_be_made_leaves_the_fetch_unmarked(tmp_path):
    path = str(tmp_path / "gone" / "a.db")  # (its folder missing: no file can be made there)
    with fetch_marked(path):  # runs all the same
        assert fetch_under_way(path) is False


def test_newstui_fetch_holds_the_mark_while_it_runs(
    db_path, feed_server, config_file, capsys, monkeypatch, tmp_path
):
    import threading
    import time

    from newstui.cli.main import main

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    held = threading.Event()
    route = feed_server.serve_file("/wire", "rss2.xml")
    route.hold = held  # the fetch waits on the server until the test has looked
    config = config_file({"Wire": "/wire"})
    status: list[int] = []
    fetch = threading.Thread(
        target=lambda: status.append(main(["--db", str(db_path), "--config", str(config), "fetch"]))
    )
    fetch.start()
    try:
        deadline = time.monotonic() + 60
        while not route.hits and time.monotonic() < deadline:  # (the fetch asks the server)
            time.sleep(0.02)
        assert fetch_under_way(str(db_path)) is True
    finally:
        held.set()
        fetch.join(120)
    assert status == [0]
    assert fetch_under_way(str(db_path)) is False


def test_a_store_reached_through_a_link_shares_the_fetch_mark_of_its_file(tmp_path):
    # the app is given the path the user typed (a link); `newstui fetch` marks the file SQLite
    # opened (links followed): both must name one mark (review r55 L1)
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "store.db"
    real.touch()
    link = tmp_path / "link.db"
    link.symlink_to(real)
    with fetch_marked(str(real)):
        assert fetch_under_way(str(link)) is True
    with fetch_marked(str(link)):
        assert fetch_under_way(str(real)) is True
    assert fetch_under_way(str(link)) is False


def test_the_last_fetch_to_end_removes_the_mark_and_one_still_running_keeps_it(tmp_path):
    # a fetch with nothing to fetch makes no store and must leave nothing beside its path
    path = str(tmp_path / "a.db")
    mark = tmp_path / "a.db.fetching"
    with fetch_marked(path):
        with fetch_marked(path):
            assert mark.exists()
        assert mark.exists() and fetch_under_way(path) is True  # (the outer fetch runs on)
    assert not mark.exists() and fetch_under_way(path) is False
    with fetch_marked(path):  # a mark made again after one was removed is seen
        assert fetch_under_way(path) is True
    assert list(tmp_path.iterdir()) == []
