"""Pilot test: a long sync error in the status line ends in "…" where the line is cut."""

from __future__ import annotations

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
