"""Pilot test: a long sync error in the status line ends in "…" where the line is cut."""

from __future__ import annotations

import pytest

from newstui.config import load_config
from newstui.library import Library
from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle

ERROR = (
    "rss.example.org: not a Google Reader API endpoint (login redirects to /i/?rid=6b0f3a22b567f)"
)


async def test_a_long_sync_error_is_cut_with_an_ellipsis_at_80_columns(db_path, config):
    config.path.write_text(
        config.path.read_text("utf-8")
        + '\n[sync]\nservice = "greader"\nurl = "https://rss.example.org/api/greader.php"\n'
        'user = "alice"\npassword = "secret"\n',
        "utf-8",
    )
    with Library.open(db_path) as library:
        library.sync.set_state(last_error=ERROR)
    app = NewstuiApp(db_path, load_config(config.path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause(NewstuiApp.WATCH_SECONDS + 0.5)
        await settle(pilot)
        bottom = screen_text(app).splitlines()[-1]
        assert "sync failed: rss.example.org" in bottom
        assert bottom.rstrip().endswith("…"), bottom


def test_the_sync_line_drops_its_least_important_parts_first():
    """The error goes first, then words, and only then is the line cut with "…"."""
    from newstui.model import SyncStatus
    from newstui.tui.widgets.sync_status import describe_sync

    failed = SyncStatus(last_sync=None, last_error=ERROR, queued=1234, retry_after=None)
    lines = [describe_sync(failed, cells=cells).plain for cells in (200, 50, 27, 16, 10, 5)]
    assert lines == [
        f" ⇅ sync failed: {ERROR[:59]}… · 1,234 queued ",
        " ⇅ sync failed: rss.example.org:… · 1,234 queued ",
        " ⇅ failed · 1,234 queued ",
        " ⇅ failed ",
        " ⇅ failed ",
        " ⇅ f…",
    ]
    for cells, line in zip((200, 50, 27, 16, 10, 5), lines, strict=True):
        assert len(line) <= cells


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
        allowed = {*"⇅ · refreshing 3/12 sync failed failed: 1,234 queued".split(), *name.split()}
        cut = [w for w in words if w not in allowed and w not in ERROR.split()]
        assert all(status.find(w + "…") >= 0 for w in cut), (bottom, cut)
