"""Pilot test: a refresh's new articles list newest first by their own dates, those whose date
lies ahead of the fetch included (they sort at the fetch time, but keep their order)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from newstui.config import load_config
from newstui.tui.app import NewstuiApp

from .conftest import run_recorded, screen_text, settle

HOURS = {
    "Two days on": 48,
    "Tomorrow": 20,
    "Within the hour": 1,
    "This morning": -3,
    "Last week": -170,
}


def feed_xml(now: datetime) -> str:
    items = "".join(
        f"<item><title>{title}</title><guid>{title}</guid>"
        f"<pubDate>{format_datetime(now + timedelta(hours=h), usegmt=True)}</pubDate>"
        f"<description>About {title}.</description></item>"
        for title, h in sorted(HOURS.items(), key=lambda item: item[1] % 7)  # the feed's muddle
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Dated</title>{items}</channel></rss>'


async def test_R_lists_a_batch_newest_first_by_its_own_dates(tmp_path, db_path, feed_server):
    feed_server.route("/dated.xml", body=feed_xml(datetime.now(UTC)).encode())
    path = tmp_path / "feeds.toml"
    path.write_text(
        "[settings]\nrefresh_minutes = 0\nfulltext = false\n\n"
        f'[[feeds]]\nname = "Dated"\nurl = "{feed_server.url("/dated.xml")}"\n',
        "utf-8",
    )
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        rows = app.main.headlines.loaded_rows()
        listed = [row.title for _, row in rows if row.title in HOURS]  # beside the store's own
        assert listed == sorted(HOURS, key=lambda title: -HOURS[title])
        await pilot.press("g")  # the refresh kept the selection: the new ones are above it
        await settle(pilot)
        lines = screen_text(app).splitlines()
        ahead = [t for t in listed if HOURS[t] > 0]  # at the top of the list
        drawn = [next(i for i, line in enumerate(lines) if title in line) for title in ahead]
        assert drawn == sorted(drawn)  # drawn in that order too
