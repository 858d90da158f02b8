"""Pilot: the app's refresh cleans up what the retention settings no longer keep and says so in
its one summary notification."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from newstui.config import load_config
from newstui.library import Library
from newstui.model import CleanupReport, FeedCleanup, SourceOutcome
from newstui.tui.app import NewstuiApp
from newstui.tui.refresh import refresh_summary

from .conftest import notifications, run_recorded, settle


def old_items_feed(*days_old: int) -> bytes:
    now = datetime.now(UTC)
    items = "".join(
        f"<item><title>Item {age}</title><guid>i{age}</guid>"
        f"<pubDate>{format_datetime(now - timedelta(days=age))}</pubDate>"
        f"<description>Item {age}.</description></item>"
        for age in days_old
    )
    return f'<rss version="2.0"><channel><title>W</title>{items}</channel></rss>'.encode()


async def test_R_cleans_up_old_read_articles_and_says_so(tmp_path, feed_server):
    db_path = tmp_path / "retention.db"
    feed_server.route("/wire", body=old_items_feed(1, 40, 90))
    path = tmp_path / "feeds.toml"
    path.write_text(
        "[settings]\nrefresh_minutes = 0\nfulltext = false\ntimeout = 5\nkeep_days = 30\n\n"
        f'[[feeds]]\nname = "Wire"\nurl = "{feed_server.url("/wire")}"\n',
        "utf-8",
    )
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert app.main.headlines.total == 3  # unread and just fetched: all kept
        with Library.open(db_path) as library:
            library.mark([r.id for r in library.articles()], read=True)

        await pilot.press("R")
        await settle(pilot)

        assert [n.message for n in notifications(app)][-1] == (
            "Refreshed Wire: nothing new; cleaned up 2 old articles"
        )
        assert [row.title for _, row in app.main.headlines.loaded_rows()] == ["Item 1"]


def test_the_refresh_summary_counts_what_the_cleanup_removed():
    cleaned = CleanupReport((FeedCleanup("A", 1), FeedCleanup("B", 0, kept_starred=3)))

    assert refresh_summary([SourceOutcome("A", new=2)], cleaned=cleaned) == (
        "Refreshed A: 2 new articles; cleaned up 1 old article"
    )
    assert refresh_summary([], cleaned=cleaned) == "Cleaned up 1 old article"
