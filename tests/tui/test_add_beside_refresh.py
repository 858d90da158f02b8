"""Pilot test: R while `a` is still adding a feed (user test r55 HIGH-1, race=6: the app alone,
no cron) left the add with "database error: FOREIGN KEY constraint failed (not added…)". The
add is held, with an event, between its trial fetch and its write to feeds.toml; the refresh
runs whole in that gap and leaves the new feed alone; the add then says "Added"."""

from __future__ import annotations

import threading

from newstui.config import load_config
from newstui.ingest import pending_analysis
from newstui.library import Library
from newstui.tui.app import NewstuiApp

from .conftest import notifications, run_recorded, settle, until
from .test_add_feed import add


def fetched(db_path, url: str) -> bool:
    with Library.open(db_path) as library:
        return any(row.url == url and row.last_fetched for row in library.sources())


async def test_R_while_a_feed_is_being_added_leaves_it_and_the_add_says_added(
    tmp_path, db_path, feed_server, monkeypatch
):
    feed_server.serve_file("/other.xml", "atom.xml", "application/atom+xml")
    feed_server.serve_file("/new.xml", "rss2.xml")
    other, new = feed_server.url("/other.xml"), feed_server.url("/new.xml")
    path = tmp_path / "feeds.toml"
    path.write_text(
        "[settings]\nrefresh_minutes = 0\nfulltext = false\n\n"
        f'[[feeds]]\nname = "Other"\nurl = "{other}"\n',
        "utf-8",
    )
    entered, release = threading.Event(), threading.Event()
    analyse = pending_analysis.analyse_pending
    calls: list[int] = []

    def held(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 1:  # the add's, once its trial fetch stored the feed
            entered.set()
            assert release.wait(60)
        return analyse(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pending_analysis, "analyse_pending", held)
    app = NewstuiApp(db_path, load_config(path))
    try:
        async with run_recorded(app, size=(120, 40)) as pilot:
            await until(pilot, lambda: "Other" in [f.name for f in app.main.sources.feeds])
            await pilot.press("a")
            await pilot.pause()
            await pilot.press(*new, "enter")
            await until(pilot, entered.is_set)
            await pilot.press("R")  # refresh all: the config it reads lists no /new.xml yet
            await until(pilot, lambda: fetched(db_path, other))
            await until(pilot, lambda: not app.main.refreshing)
            said = [n.message for n in notifications(app)]
            assert not any("no longer in" in m or "removed" in m for m in said), said
            release.set()
            await until(
                pilot, lambda: any(m.message.startswith("Added") for m in notifications(app))
            )
            said = [n.message for n in notifications(app)]
            assert not any("database error" in m or "FOREIGN KEY" in m for m in said), said
            assert [f.url for f in load_config(path).feeds] == [other, new]
            await until(pilot, lambda: sum(f.url == new for f in app.main.sources.feeds) == 1)
            with Library.open(db_path) as library:
                assert not [s for s in library.set_aside_sources() if s.url == new]
    finally:
        release.set()


async def test_a_asks_for_the_feed_once(tmp_path, db_path, feed_server):
    """MED-1: the app's `a` downloaded the feed twice (discovery, then the trial fetch)."""
    route = feed_server.serve_file("/once.xml", "rss2.xml")
    path = tmp_path / "feeds.toml"
    path.write_text("[settings]\nrefresh_minutes = 0\nfulltext = false\n", "utf-8")
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await add(pilot, feed_server.url("/once.xml"))
        assert any(n.message.startswith("Added") for n in notifications(app))
        assert route.hits == 1
        assert [f.url for f in load_config(path).feeds] == [feed_server.url("/once.xml")]
