"""A failing feed waiting for its next try: shown in the sources pane and the empty-feed message,
left alone by R and the automatic refresh, refreshed at once by r on it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newstui.config import load_config
from newstui.library import Library
from newstui.local_times import short_time
from newstui.model import FetchRecord
from newstui.tui.app import NewstuiApp

from .conftest import notifications, run_recorded, screen_text, settle
from .conftest import until as wait_until


def make_broken_feed_wait(db_path, config) -> str:
    """Record two failures of "Broken Feed" and a next try two hours away; returns that time."""
    broken = next(f for f in config.feeds if f.name == "Broken Feed")
    until = (datetime.now(UTC) + timedelta(hours=2)).replace(microsecond=0).isoformat()
    with Library.open(db_path) as library:
        source = library.register_source(broken.url, broken.name, url=broken.url)
        library.record_fetch(
            source, status=500, error="Broken Feed: HTTP 500 Internal Server Error"
        )
        library.record_fetch(
            source, status=500, error="Broken Feed: HTTP 500 Internal Server Error", next_try=until
        )
    return until


def broken_row(db_path):
    with Library.open(db_path) as library:
        return next(r for r in library.sources() if r.name == "Broken Feed")


async def test_a_waiting_feed_shows_its_next_try_and_R_leaves_it_alone(db_path, config):
    until = make_broken_feed_wait(db_path, config)
    local = next(f for f in config.feeds if f.name == "Local Feed")
    with Library.open(db_path) as library:  # waiting after the network failed: R tries it
        source = library.register_source(local.url, local.name, url=local.url)
        refused = "Local Feed: cannot connect to 127.0.0.1:9: connection refused"
        library.record_fetches(
            [FetchRecord(source, None, refused, next_try=until, network=True)] * 2
        )
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        assert f"Broken Feed · next {short_time(until)}" in screen_text(app)

        await pilot.press("R")
        await settle(pilot)

        [note] = notifications(app)
        assert note.message.endswith("; 1 failing, left to wait (r on one refreshes it now)")
        row = broken_row(db_path)
        assert row.failures == 2 and row.next_try == until  # not fetched
        with Library.open(db_path) as library:  # (user test r46 H1: R skipped it for a day)
            fetched = next(r for r in library.sources() if r.name == "Local Feed")
        assert fetched.failures == 0 and fetched.last_error is None


async def test_R_with_only_a_waiting_feed_says_so_instead_of_failing(db_path, config):
    """One configured feed, left to wait: R's summary raised UnboundLocalError ('describe') and
    the app stopped with a traceback."""
    until = make_broken_feed_wait(db_path, config)
    text = config.path.read_text("utf-8")
    local = text.index('[[feeds]]\nname = "Local Feed"')
    broken = text.index('[[feeds]]\nname = "Broken Feed"')
    config.path.write_text(text[:local] + text[broken:], "utf-8")
    app = NewstuiApp(db_path, load_config(config.path))
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        [note] = notifications(app)
        assert note.message.startswith("Not refreshed: Broken Feed: not fetched: failing, next try")
        assert broken_row(db_path).next_try == until


async def test_the_empty_waiting_feed_says_when_it_is_tried_next_and_r_tries_it_now(
    db_path, config
):
    until = make_broken_feed_wait(db_path, config)
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        feed_id = next(f.id for f in app.main.sources.feeds if f.name == "Broken Feed")
        app.main.sources.select_view(f"feed:{feed_id}")
        app.main.sources.focus()
        await pilot.press("enter")
        await settle(pilot)
        text = " ".join(screen_text(app).split())
        assert "The last fetch failed: Broken Feed: HTTP 500 Internal Server Error" in text
        assert f"Next try at {short_time(until)} (press r to refresh it now)." in text

        pressed = datetime.now(UTC)
        await pilot.press("r")
        await settle(pilot)

        row = broken_row(db_path)
        assert row.failures == 3  # fetched (the server still answers 404)
        assert "404" in (row.last_error or "")
        assert row.next_try is not None  # three failures: 2 × 30 minutes from now
        wait = datetime.fromisoformat(row.next_try) - pressed
        assert timedelta(minutes=59) < wait < timedelta(minutes=61)
        # the list says so, as Sources does (it kept the first numbers: user test r44 M1)
        await wait_until(pilot, lambda: "HTTP 404" in screen_text(app))  # (the reload after it)
        text = " ".join(screen_text(app).split())
        assert "The last fetch failed: Broken Feed: HTTP 404" in text
        assert f"Next try at {short_time(row.next_try)} (press r to refresh it now)." in text
