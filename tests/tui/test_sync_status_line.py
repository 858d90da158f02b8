"""Pilot test: a sync error leaves the footer its keys: the status line says "offline" (or
"sync failed"), and a click on it gives the error whole."""

from __future__ import annotations

import pytest

from newstui.config import load_config
from newstui.library import Library
from newstui.tui.app import NewstuiApp

from .conftest import notifications, run_recorded, screen_text, settle

ERROR = (
    "rss.example.org: not a Google Reader API endpoint (login redirects to /i/?rid=6b0f3a22b567f)"
)
DOWN = "127.0.0.1:8391: unreachable (cannot connect to 127.0.0.1:8391: connection refused)"


async def test_a_sync_error_leaves_the_footer_its_keys_and_a_click_gives_it_whole(db_path, config):
    """User test r42 L1: with the server down, "sync failed: 127.0.0.1:8391: unreachable (c…"
    took the footer's n, e and s hints (at 60 columns all but Help, Refresh and Quit)."""
    config.path.write_text(
        config.path.read_text("utf-8")
        + '\n[sync]\nservice = "greader"\nurl = "http://127.0.0.1:8391/api/greader.php"\n'
        'user = "alice"\npassword = "secret"\n',
        "utf-8",
    )
    with Library.open(db_path) as library:
        library.sync.set_state(last_sync="2026-12-06T09:00:00+00:00")
    app = NewstuiApp(db_path, load_config(config.path))
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause(NewstuiApp.WATCH_SECONDS + 0.5)
        await settle(pilot)
        synced = screen_text(app).splitlines()[-1]
        with Library.open(db_path) as library:
            library.sync.set_state(last_error=DOWN)
        await pilot.pause(NewstuiApp.WATCH_SECONDS + 0.5)
        await settle(pilot)
        offline = screen_text(app).splitlines()[-1]
        assert offline.rstrip().endswith("⇅ offline") and "unreachable" not in offline, offline
        keys = synced[: synced.index("⇅")].split()
        assert set(keys) <= set(offline[: offline.index("⇅")].split()), (synced, offline)
        await pilot.click("#sync-status")
        await settle(pilot)
        assert f"Sync failed: {DOWN}" in [n.message for n in notifications(app)]


def test_the_sync_line_drops_its_least_important_parts_first(process_zone):
    """The words go first, then the queue, and only then is the line cut with "…"; an error
    from a server that could not be reached reads "offline". The last sync's time reads as
    every time does (review r46 L6: "03 Dec 14:02" beside "Tue 15:10" elsewhere)."""
    from datetime import UTC, datetime

    from newstui.model import SyncStatus
    from newstui.tui.widgets.sync_status import describe_sync

    process_zone("Asia/Tokyo")
    synced = SyncStatus("2026-11-30T14:02:00+00:00", None, queued=3, retry_after=None)
    now = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
    assert describe_sync(synced, now).plain == " ⇅ synced Mon 23:02 · 3 queued "

    failed = SyncStatus(last_sync=None, last_error=ERROR, queued=1234, retry_after=None)
    lines = [describe_sync(failed, cells=cells).plain for cells in (200, 27, 16, 10, 5)]
    assert lines == [
        " ⇅ sync failed · 1,234 queued ",
        " ⇅ failed · 1,234 queued ",
        " ⇅ failed ",
        " ⇅ failed ",
        " ⇅ f…",
    ]
    for cells, line in zip((200, 27, 16, 10, 5), lines, strict=True):
        assert len(line) <= cells
    down = SyncStatus(last_sync=None, last_error=DOWN, queued=2, retry_after=None)
    assert describe_sync(down).plain == " ⇅ offline · 2 queued "
    timed_out = "rss.example.org: timed out after 20 s (/reader/api/0/subscription/list)"
    assert describe_sync(SyncStatus(None, timed_out, 0, None)).plain == " ⇅ offline "


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (60, 20)])
async def test_the_bottom_row_shortens_its_status_words_whole_and_keeps_help_and_quit(
    db_path, size
):
    """At 80x24 and 60x20 the refresh's line was cut mid-word without an ellipsis beside a
    sync error ("refreshing 3/12 The Ex")."""
    from newstui.model import SyncStatus
    from newstui.tui.screens.status_row import SyncStatusChanged

    name = "The Extremely Long Name Of A Feed"
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        app.main.status.progress(3, 12, name)
        app.main.post_message(
            SyncStatusChanged(SyncStatus(None, ERROR, queued=1234, retry_after=None))
        )
        await settle(pilot)
        bottom = screen_text(app).splitlines()[-1]
        assert "? Help" in bottom and "Q Quit" in bottom
        assert "refreshing 3/12" in bottom and "⇅ " in bottom and "failed" in bottom
        status = bottom[bottom.index("⇅") :]
        words = status.replace("…", " ").split()
        allowed = {*"⇅ · ·1,234 refreshing 3/12 sync failed failed: 1,234 queued".split()}
        allowed |= set(name.split())
        cut = [w for w in words if w not in allowed and w not in ERROR.split()]
        assert all(status.find(w + "…") >= 0 for w in cut), (bottom, cut)


def test_the_queue_shortens_to_its_number_before_it_goes(process_zone):
    """User test r51 L6: " · 1 queued" took the footer's Enter Open at 60 columns; the line
    shortens the queue to " ·1" (the time kept) before dropping it."""
    from datetime import UTC, datetime

    from newstui.model import SyncStatus
    from newstui.tui.widgets.sync_status import describe_sync

    process_zone("UTC")
    synced = SyncStatus("2026-12-03T13:49:00+00:00", None, queued=1, retry_after=None)
    now = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)
    lines = [describe_sync(synced, now, cells=cells).plain for cells in (40, 20, 16)]
    assert lines == [" ⇅ synced 13:49 · 1 queued ", " ⇅ 13:49 · 1 queued ", " ⇅ 13:49 ·1 "]


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_a_queued_mark_leaves_the_footer_its_main_keys(db_path, size):
    """User test r51 L6: at 60x20 `· 1 queued` pushed `Enter Open` out of the footer."""
    from datetime import UTC, datetime

    from newstui.model import SyncStatus
    from newstui.tui.screens.status_row import SyncStatusChanged

    app = NewstuiApp(db_path, None)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        last = datetime.now(UTC).isoformat(timespec="seconds")
        app.main.post_message(SyncStatusChanged(SyncStatus(last, None, queued=1, retry_after=None)))
        await settle(pilot)
        bottom = screen_text(app).splitlines()[-1]
        for key in ("Open", "? Help", "/ Search", "R Refresh", "Q Quit"):
            assert key in bottom, bottom
        assert "·1" in bottom or "1 queued" in bottom, bottom
