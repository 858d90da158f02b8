"""`per_host` counts the downloads of every newstui sharing the store (the open app and a cron
`newstui download`): each ran its own `per_host` from one host (review r49, "noticed and
left"). A download is passed over while another process runs that many from its host; that
process's rows count while it writes progress (one that died stops counting after
STALE_SECONDS). A run whose queue waits only for such hosts ends, leaving them to the process
that holds them (review r50 MED-2: polling beside the app's at-once re-claims, a cron run
waited out the app's whole queue for the host and downloaded none); the open app's run waits."""

from __future__ import annotations

import os
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

from test_downloads import AUDIO, queue_one

from newstui.downloads import STALE_SECONDS, alive_since, run_queue
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


def test_the_open_apps_run_waits_for_another_processs_download_from_the_same_host(
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
            wait_for_others=True,
        )
        rows = {d.id: d for d in library.downloads.all()}
    assert (result.done, result.failed) == (2, 0)
    assert asked == [str(free), str(waiting)]  # Next, queued first, waited for Busy to end
    assert rows[busy].state == "done"
    assert rows[waiting].state == "done" and Path(rows[waiting].path).read_bytes() == AUDIO
    assert heard == ["127.0.0.1"]


def test_a_run_leaves_what_waits_only_for_another_processs_host_to_it(
    db_path, tmp_path, feed_server
):
    """Two stores sharing one database: "the app" (another process's owner id, on a connection
    of its own) downloads from a host one episode after another, claiming the next at once as
    its own ends; a `download` run beside it (per_host = 1) takes what the app leaves (another
    host's) and ends, leaving the app's host's queue to the app, said by host."""
    feed_server.route("/free.mp3", body=AUDIO)
    free_url = feed_server.url("/free.mp3").replace("127.0.0.1", "localhost")  # another host
    with Library.open(db_path) as library:
        held = [
            queue_one(library, tmp_path, f"http://pod.example/{n}.mp3", f"Held {n}")
            for n in range(3)
        ]
        free = queue_one(library, tmp_path, free_url, "Free")
    app_claimed = threading.Event()
    run_ended = threading.Event()
    app_took: list[int] = []

    def the_app() -> None:  # (its own store connection; its downloads end after the run's)
        with Library.open(db_path) as app:
            while True:
                item = app.downloads.claim_next(os.getppid(), (), 1, alive_since())
                if item is None:
                    return
                app_took.append(item.id)
                app_claimed.set()
                run_ended.wait(30)  # (a bound, not a timing: the run ends long before)
                app.downloads.finish(item.id, len(AUDIO))

    app_thread = threading.Thread(target=the_app)
    app_thread.start()
    try:
        assert app_claimed.wait(30)
        with Library.open(db_path) as library:
            result = run_queue(library, timeout=5, folder=tmp_path, per_host=1)
            during = {d.id: d.state for d in library.downloads.all()}
    finally:
        run_ended.set()
        app_thread.join(60)
    assert (result.done, result.failed, result.stopped) == (1, 0, False)
    assert result.left == (("pod.example", 2),)  # the app holds the host; two wait for it
    assert during[free] == "done"
    assert [during[n] for n in held] == ["downloading", "queued", "queued"]
    assert app_took == held  # the app downloaded its host's queue, each as the last ended


def test_a_running_download_counts_on_its_host_until_the_one_cut_off_then_is_queued_again(
    db_path, tmp_path
):
    """One rule of a running download's life (review r50 twin): counted on its host while it
    wrote progress after `alive_since()`, queued again (requeue_stale) once it did not."""
    with Library.open(db_path) as library:
        busy = queue_one(library, tmp_path, "http://pod.example/1.mp3", "One")
        waiting = queue_one(library, tmp_path, "http://pod.example/2.mp3", "Two")
        assert library.downloads.claim_next(os.getppid()) is not None
        cut_off = alive_since()
        assert library.downloads.waiting_on_others(os.getpid(), 1, cut_off) == {"pod.example": 1}
        assert library.downloads.requeue_stale(cut_off) == 0
        later = (datetime.now(UTC) + timedelta(seconds=5)).replace(microsecond=0).isoformat()
        assert library.downloads.waiting_on_others(os.getpid(), 1, later) == {}
        assert library.downloads.requeue_stale(later) == 1
        rows = {d.id: d.state for d in library.downloads.all()}
    assert rows == {busy: "queued", waiting: "queued"}


def test_a_download_command_in_another_process_leaves_this_ones_host_to_it(db_path, tmp_path):
    """Two processes sharing one database: this one (the open app) downloads from a host with
    per_host = 1; `newstui download` run beside it ends at once, leaving that host's next
    episode to it and saying so, exit 0, and `--quiet` says nothing (review r50 MED-2)."""
    import subprocess
    import sys

    config = tmp_path / "feeds.toml"
    config.write_text(f'[settings]\nper_host = 1\ndownload_dir = "{tmp_path}"\n', "utf-8")
    with Library.open(db_path) as library:
        mine = queue_one(library, tmp_path, "http://pod.example/1.mp3", "Mine")
        waiting = queue_one(library, tmp_path, "http://pod.example/2.mp3", "Next")
        claimed = library.downloads.claim_next(os.getpid())  # this process downloads Mine
        assert claimed is not None and claimed.id == mine
    command = [sys.executable, "-m", "newstui", "--db", str(db_path), "--config", str(config)]
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "x"), "XDG_DATA_HOME": str(tmp_path)}

    ran = subprocess.run(
        [*command, "download"], env=env, capture_output=True, text=True, timeout=120
    )
    assert (ran.returncode, ran.stderr) == (0, "")
    assert ran.stdout == (
        "left to another newstui: 1 download from pod.example, where it is downloading and "
        "per_host = 1 allows no more at once; it downloads it (else the next `newstui "
        "download`)\n"
    )
    quiet = subprocess.run(
        [*command, "download", "--quiet"], env=env, capture_output=True, text=True, timeout=120
    )
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    with Library.open(db_path) as library:
        rows = {d.id: (d.state, d.owner) for d in library.downloads.all()}
    assert rows == {mine: ("downloading", os.getpid()), waiting: ("queued", None)}


def test_download_json_lists_the_downloads_left_to_another_newstui(db_path, tmp_path):
    """Review r51 LOW-4: `download --json` printed `[]` when it left downloads to another
    newstui, as when nothing was queued: a script could not tell them apart."""
    import json
    import subprocess
    import sys

    config = tmp_path / "feeds.toml"
    config.write_text(f'[settings]\nper_host = 1\ndownload_dir = "{tmp_path}"\n', "utf-8")
    with Library.open(db_path) as library:
        mine = queue_one(library, tmp_path, "http://pod.example/1.mp3", "Mine")
        waiting = queue_one(library, tmp_path, "http://pod.example/2.mp3", "Next")
        claimed = library.downloads.claim_next(os.getpid())  # this process downloads Mine
        assert claimed is not None and claimed.id == mine
    command = [sys.executable, "-m", "newstui", "--db", str(db_path), "--config", str(config)]
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "x"), "XDG_DATA_HOME": str(tmp_path)}

    ran = subprocess.run(
        [*command, "download", "--json"], env=env, capture_output=True, text=True, timeout=120
    )
    assert (ran.returncode, ran.stderr) == (0, "")
    [left] = json.loads(ran.stdout)
    assert (left["id"], left["state"], left["title"]) == (waiting, "queued", "Next")
    assert left["left_to_another"] is True


def test_fetch_download_json_lists_the_downloads_left_to_another_newstui(db_path, tmp_path):
    """Closing r51: `fetch --download --json` listed only the downloads that ended, not those
    left queued to another newstui, which `download --json` lists (review r51 LOW-4)."""
    import json
    import subprocess
    import sys

    (tmp_path / "notes").mkdir()  # (a source to fetch: a folder of one note)
    (tmp_path / "notes" / "note.txt").write_text("A note\n\nOne line of it.\n", "utf-8")
    config = tmp_path / "feeds.toml"
    config.write_text(
        f'[settings]\nper_host = 1\ndownload_dir = "{tmp_path}"\n\n'
        f'[[local]]\nname = "Notes"\npath = "{tmp_path / "notes"}"\n',
        "utf-8",
    )
    with Library.open(db_path) as library:
        mine = queue_one(library, tmp_path, "http://pod.example/1.mp3", "Mine")
        waiting = queue_one(library, tmp_path, "http://pod.example/2.mp3", "Next")
        claimed = library.downloads.claim_next(os.getpid())  # this process downloads Mine
        assert claimed is not None and claimed.id == mine
    command = [sys.executable, "-m", "newstui", "--db", str(db_path), "--config", str(config)]
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "x"), "XDG_DATA_HOME": str(tmp_path)}

    ran = subprocess.run(
        [*command, "fetch", "--download", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stdout
    listed = [o["download"] for o in json.loads(ran.stdout) if "download" in o]
    assert [(d["id"], d["state"], d["title"]) for d in listed] == [(waiting, "queued", "Next")]
    assert listed[0]["left_to_another"] is True
