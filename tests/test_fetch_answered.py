"""A fetch's success is stored as of when its feed answered, not when the run stored its records:
a failure another newstui began after that answer is newer news and is stored (review r38 R1)."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

from newstui.library import Library
from newstui.model.fetching import FetchRecord
from tests.test_fetch import fetch, rss


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


async def test_a_failure_begun_after_a_success_answered_is_stored_though_the_run_ended_later(
    db, feed_server, config_file
):
    hold = threading.Event()
    released: list[str] = []

    def release_slow_once_fast_answered() -> None:
        deadline = time.monotonic() + 10
        while feed_server.routes["/fast"].hits == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(1.1)  # (a second later: times are stored to the second)
        released.append(_now())
        hold.set()

    feed_server.route("/fast", body=rss(["<title>Fast</title><guid>f</guid>"]))
    feed_server.route("/slow", body=rss(["<title>Slow</title><guid>s</guid>"]), hold=hold)
    threading.Thread(target=release_slow_once_fast_answered, daemon=True).start()

    outcomes = await fetch(db, config_file({"Fast": "/fast", "Slow": "/slow"}, extractor="none"))
    assert all(o.error is None for o in outcomes.values())

    library = Library(db)
    fast = next(s for s in library.sources() if s.name == "Fast")
    assert fast.last_fetched is not None and fast.last_fetched < released[0]
    # cron's fetch of Fast began after Fast's good answer (while the run waited for Slow): failed
    library.record_fetches([FetchRecord(fast.id, None, "Fast: timed out", started=released[0])])
    fast = next(s for s in library.sources() if s.name == "Fast")
    assert (fast.last_error, fast.failures) == ("Fast: timed out", 1)
