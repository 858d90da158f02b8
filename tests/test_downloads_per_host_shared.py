"""`per_host` counts the downloads of every newstui sharing the store (the open app and a cron
`newstui download`): each ran its own `per_host` from one host (review r49, "noticed and
left"). A download waits while another process runs that many from its host; that process's
rows count while it writes progress (one that died stops counting after STALE_SECONDS)."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

from test_downloads import AUDIO, queue_one

from newstui.downloads import STALE_SECONDS, run_queue
from newstui.library import Library
from newstui.model import Download


def since(seconds: float) -> str:
    return (datetime.now(UTC) - timedelta(seconds=seconds)).replace(microsecond=0).isoformat()


def test_a_host_with_per_host_downloads_in_another_process_is_passed_over(db_path, tmp_path):
    with Library.open(db_path) as library:
        first = queue_one(library, tmp_path, "http://pod.example/1.mp3", "One")
        second = queue_one(library, tmp_path, "http://pod.example/2.mp3", "Two")
        other = queue_one(library, tmp_path, "http://other.example/3.mp3", "Three")
        theirs = library.downloads.claim_next(os.getppid())  # (another newstui runs One)
        assert theirs is not None and theirs.id == first

        mine = library.downloads.claim_next(os.getpid(), (), 1, since(STALE_SECONDS))
        assert mine is not None and mine.id == other  # (Two's host has its one)
        assert library.downloads.claim_next(os.getpid(), (), 2, since(STALE_SECONDS)) is not None
        assert library.downloads.get(second).state == "downloading"  # type: ignore[union-attr]


def test_a_download_of_a_process_that_stopped_writing_progress_no_longer_counts(db_path, tmp_path):
    with Library.open(db_path) as library:
        queue_one(library, tmp_path, "http://pod.example/1.mp3", "One")
        second = queue_one(library, tmp_path, "http://pod.example/2.mp3", "Two")
        assert library.downloads.claim_next(os.getppid()) is not None
        later = (datetime.now(UTC) + timedelta(seconds=5)).replace(microsecond=0).isoformat()
        mine = library.downloads.claim_next(os.getpid(), (), 1, later)  # (One's touch is older)
    assert mine is not None and mine.id == second


def test_a_run_waits_for_another_processs_download_from_the_same_host(
    db_path, tmp_path, feed_server
):
    feed_server.route("/busy.mp3", body=AUDIO)
    feed_server.route("/next.mp3", body=AUDIO)
    feed_server.route("/free.mp3", body=AUDIO)
    free_url = feed_server.url("/free.mp3").replace("127.0.0.1", "localhost")  # another host
    heard: list[str] = []
    asked: list[str] = []

    with Library.open(db_path) as library:
        busy = queue_one(library, tmp_path, feed_server.url("/busy.mp3"), "Busy")
        waiting = queue_one(library, tmp_path, feed_server.url("/next.mp3"), "Next")
        free = queue_one(library, tmp_path, free_url, "Free")
        theirs = library.downloads.claim_next(os.getppid())  # another newstui downloads Busy
        assert theirs is not None and theirs.id == busy

        def changed(d: Download) -> None:
            if d.state == "downloading" and d.id not in [int(a) for a in asked]:
                asked.append(str(d.id))

        def waits_for(host: str) -> None:  # (said as it waits) then the other's download ends
            heard.append(host)
            library.downloads.finish(busy, len(AUDIO))

        result = run_queue(
            library,
            timeout=5,
            on_change=changed,
            folder=tmp_path,
            per_host=1,
            on_wait=waits_for,
        )
        rows = {d.id: d for d in library.downloads.all()}
    assert (result.done, result.failed) == (2, 0)
    assert asked == [str(free), str(waiting)]  # Next, queued first, waited for Busy to end
    assert rows[busy].state == "done"
    assert rows[waiting].state == "done" and Path(rows[waiting].path).read_bytes() == AUDIO
    assert heard == ["127.0.0.1"]
