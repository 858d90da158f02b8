"""A cron run of `newstui download --quiet` stopped by a signal (cron's `timeout`, a shutdown) or
Ctrl-C still says the failures it stored: the next run takes them for "failed as before" and
keeps quiet, so a failure held back to the run's end and lost with it went unsaid until its 8th
try (review r51 MED-1). Run for real, in a child process sent the signal.

The child hears Ctrl-C as a terminal's process does, whatever the suite's run had: one started in
the background of a shell without job control (`pytest … &`, a CI script) has SIGINT ignored, a
child inherits that and Python keeps it, so the stop went unheard and the held download "timed
out" after the config's 5 s (round 54's whole-suite runs). The held download's timeout is long:
only a stop not heard outlasts it, never a signal sent late by a loaded machine."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time

import pytest
from test_downloads import queue_one

from newstui.library import Library
from tests.ports import refused_port

# (SIGINT as a terminal's process has it: Python's own handler, which raises KeyboardInterrupt)
RUN_CLI = (
    "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "from newstui.cli.main import main; sys.exit(main(sys.argv[1:]))"
)
STARTED_WITHIN = 60.0  # seconds a loaded machine may take to reach the held download
ENDED_WITHIN = 30.0  # seconds the stopped child may take to exit
HELD_TIMEOUT = 600  # the config's timeout: the held download never times out before the stop


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_failures_stored_before_a_stop_are_still_said(
    signum, db_path, tmp_path, feed_server, config_file
):
    hold = threading.Event()
    slow = feed_server.route("/slow.mp3", body=b"x" * 1000, hold=hold)
    refused = f"http://127.0.0.1:{refused_port()}"
    folder = tmp_path / "pods"
    with Library.open(db_path) as library:  # (oldest first: the two refused, then the held one)
        queue_one(library, folder, f"{refused}/a.mp3", "Refused A")
        queue_one(library, folder, f"{refused}/b.mp3", "Refused B")
        queue_one(library, folder, feed_server.url("/slow.mp3"), "Slow C")
    config = config_file({}, download_dir=str(folder), timeout=HELD_TIMEOUT)
    command = [sys.executable, "-c", RUN_CLI, "--db", str(db_path), "--config", str(config)]
    child = subprocess.Popen(
        [*command, "download", "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        deadline = time.monotonic() + STARTED_WITHIN  # (a bound, not a timing)
        while not slow.hits and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert slow.hits, "the child never asked for the held download"
        child.send_signal(signum)
        try:
            out, err = child.communicate(timeout=ENDED_WITHIN)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the child did not stop within {ENDED_WITHIN:.0f} s of {signum.name}")
    finally:
        hold.set()
        if child.poll() is None:
            child.kill()
            child.wait()
    said = err.decode()
    assert "Traceback" not in said
    assert child.returncode == 128 + signum, said  # (130: Ctrl-C; 143: SIGTERM)
    host = refused.removeprefix("http://")
    errors = [line for line in said.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, said
    assert errors[0].startswith(f"error: 2 downloads: cannot connect to {host}: connection refused")
    assert "Refused A" in errors[0] and "Refused B" in errors[0]
    assert out == b""
    with Library.open(db_path) as library:
        states = {d.title: d.state for d in library.downloads.all()}
    assert states["Refused A"] == states["Refused B"] == "failed"


def test_a_failure_stored_as_the_stop_came_before_the_run_heard_of_it_is_said(
    db_path, tmp_path, config_file, capsys, monkeypatch
):
    """Ctrl-C between the store's write of a failure and the run's word of it (here: as the run
    reads its feed's name): the failure is read back from the store and said all the same."""
    from newstui.cli.main import main
    from newstui.library import DownloadQueue

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    refused = f"http://127.0.0.1:{refused_port()}"
    folder = tmp_path / "pods"
    with Library.open(db_path) as library:
        queue_one(library, folder, f"{refused}/a.mp3", "Refused A")
    config = config_file({}, download_dir=str(folder))
    feed_name = DownloadQueue.feed_name
    stops: list[int] = []

    def stopped_once(self: DownloadQueue, article_id: int | None) -> str | None:
        if not stops:
            stops.append(1)
            raise KeyboardInterrupt
        return feed_name(self, article_id)

    monkeypatch.setattr(DownloadQueue, "feed_name", stopped_once)
    status = main(["--db", str(db_path), "--config", str(config), "download", "--quiet"])
    err = capsys.readouterr().err
    assert status == 130 and stops
    host = refused.removeprefix("http://")
    assert f'download "Refused A": cannot connect to {host}: connection refused' in err
    assert err.splitlines()[-1] == "newstui: interrupted"
