"""One feed host down while the sync server answers (user test r51 LOW-19) is no "network looks
down", in `fetch`'s lines and the app's refresh line; the feeds left to wait after failing are one
`waiting:` line naming `fetch --now`, which tries them (user test r51 LOW-20)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newstui.ingest.fetch_lines import failure_lines, network_looks_down, waiting_lines
from newstui.model import SourceOutcome
from newstui.model.fetching import SyncChanges
from newstui.tui.refresh import refresh_summary
from tests.ports import refused_port
from tests.test_cron_news import feeds_toml
from tests.test_fetch_from_cron import Run

REFUSED = "cannot connect to 127.0.0.1:8781: connection refused"
FAILED = [
    SourceOutcome(name, error=f"{name}: {REFUSED}", network=True)
    for name in ("Court Side", "Drone Digest", "Health Notes")
]
SYNCED = SourceOutcome("sync 127.0.0.1:8782", sync=True, changes=SyncChanges("127.0.0.1:8782"))
SYNC_FAILED = SourceOutcome(
    "sync 127.0.0.1:8782", sync=True, error="127.0.0.1:8782: unreachable", network=True
)


def test_a_sync_server_that_answered_means_the_network_is_not_down() -> None:
    assert network_looks_down(FAILED, 3)
    assert not network_looks_down(FAILED, 3, answered=True)
    [line] = failure_lines(FAILED, 3, answered=True)
    assert line == f"3 sources: {REFUSED} (Court Side, Drone Digest and Health Notes)"


def test_the_apps_line_says_the_network_is_down_only_when_the_sync_failed_too() -> None:
    answered = refresh_summary([SYNCED, *FAILED])
    assert "network looks down" not in answered
    assert "3 failed (connection refused)" in answered
    assert "the network looks down: 3 failed" in refresh_summary([SYNC_FAILED, *FAILED])


def test_feeds_waiting_after_failing_are_one_line_naming_fetch_now() -> None:
    later = (datetime.now(UTC) + timedelta(minutes=10)).isoformat()
    waiting = [SourceOutcome(f"Wire {i}", waiting_until=later) for i in range(10)]
    busy = SourceOutcome("Busy", waiting_until=later, waiting_status=429)
    lines = waiting_lines([*waiting, busy])
    assert len(lines) == 2
    assert lines[0].startswith("10 sources left to wait after failing, next try at ")
    assert lines[0].endswith(
        "(Wire 0, Wire 1, Wire 2 and 7 more): `newstui fetch --now` tries them now"
    )
    assert lines[1].startswith("Busy: not fetched: the server answered HTTP 429")
    [one] = waiting_lines(waiting[:1])  # one alone: as before
    assert one.startswith("Wire 0: not fetched: failing") and "name it to try now" in one


def test_fetch_now_tries_the_feeds_left_to_wait(db_path, tmp_path, capsys, feed_server) -> None:
    feed_server.serve_file("/good", "rss2.xml")  # (another host answers: failures count)
    down = f"http://127.0.0.1:{refused_port()}"
    feeds = {f"Wire {i}": f"{down}/{i}" for i in range(3)} | {"Good": feed_server.url("/good")}
    run = Run(db_path, feeds_toml(tmp_path / "feeds.toml", feeds), capsys)
    for _ in range(4):  # (not typed at a terminal: they wait out their backoff once it begins)
        run("fetch")
        if "waiting:" in run.err:
            break
    waiting = [line for line in run.err.splitlines() if line.startswith("waiting:")]
    assert len(waiting) == 1 and "`newstui fetch --now` tries them" in waiting[0], run.err
    assert run("fetch", "--now") != 0  # tried: refused again, not left to wait
    assert not [line for line in run.err.splitlines() if line.startswith("waiting:")]
    assert "connection refused" in run.err
