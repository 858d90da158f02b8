"""Pilot tests: r / R refresh against a local feed server, errors as notifications, f, demo mode."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest

from newstui.config import load_config
from newstui.store import open_db
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp
from newstui.tui.view import tag_view
from tests.ports import refused_port

from .conftest import notifications, run_recorded, screen_text, settle, until


def titles(app: NewstuiApp) -> list[str]:
    return [row.title for _, row in app.main.headlines.loaded_rows()]


async def test_R_refreshes_all_and_says_so_in_one_notification(db_path, config):
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        shown = []
        progress = app.main.status.progress
        app.main.status.progress = lambda *a: (shown.append(a), progress(*a))
        await pilot.press("R")
        await settle(pilot)
        # progress beside the footer, naming the source waited for first (r32: no name)
        assert shown[0] == (0, 2, "Local Feed") and shown[-1][:2] == (2, 2)
        assert "Fresh story from the server" in titles(app)
        assert not app.main.status.display
        notes = notifications(app)
        assert len(notes) == 1 and notes[0].severity == "warning"
        assert notes[0].message == (
            "Refreshed 1 of 2 sources: 1 new article; 1 failed (HTTP 404 Not Found) — see ! in Sources"
        )
        assert "Traceback" not in screen_text(app)
        assert "! Broken Feed" in screen_text(app)


async def test_r_refreshes_only_the_selected_feed(db_path, config):
    db = open_db(db_path)
    local = config.feeds[0]
    ensure_feed(db, local.url, local.name, url=local.url, tags=local.tags)
    db.conn.close()
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        app.main.sources.select_view(
            f"feed:{next(f.id for f in app.main.sources.feeds if f.name == 'Local Feed')}"
        )
        app.main.sources.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.headlines.total == 0
        await pilot.press("r")
        await settle(pilot)
        assert titles(app) == ["Fresh story from the server"]
        assert not [n for n in notifications(app) if n.severity == "error"]  # broken one untouched


async def test_r_in_sources_refreshes_the_highlighted_feed_not_the_one_shown(db_path, config):
    # user test r35 M3: newsboat's r in the feed list reloads the feed under the cursor, as D
    # removes it here; r refreshed the feed whose headlines were shown
    db = open_db(db_path)
    for feed in config.feeds:
        ensure_feed(db, feed.url, feed.name, url=feed.url, tags=feed.tags)
    db.conn.close()
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        ids = {f.name: f.id for f in app.main.sources.feeds}
        app.main.sources.select_view(f"feed:{ids['Broken Feed']}")
        app.main.sources.focus()
        await pilot.press("enter")  # Broken Feed's headlines shown
        await settle(pilot)
        app.main.sources.focus()
        app.main.sources.select_view(f"feed:{ids['Local Feed']}")
        await pilot.press("r")
        await settle(pilot)
        assert [n.message for n in notifications(app)] == ["Refreshed Local Feed: 1 new article"]


async def test_new_articles_appear_keeping_the_selection(db_path, config, ids):
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert app.main.headlines.selected.id == ids["inject"]
        assert app.main.headlines.cursor == 2  # the fresh story is newer, above it


async def test_f_fetches_the_full_text_of_the_open_article(db_path, config):
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        await pilot.press("g", "enter")
        await settle(pilot)
        assert app.main.headlines.selected.title == "Fresh story from the server"
        assert "Paragraph 3 of the full story" not in str(
            app.main.reader.query_one("#reader-body").render()
        )
        await pilot.press("f")
        await settle(pilot)
        body = str(app.main.reader.query_one("#reader-body").render())
        assert "Paragraph 3 of the full story" in body
        assert any("Full text fetched" in n.message for n in notifications(app))


async def test_demo_mode_says_there_is_nothing_to_refresh(db_path):
    app = NewstuiApp(db_path, None, demo=True)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await pilot.press("R")
        await pilot.pause()
        messages = [n.message for n in notifications(app)]
        assert messages.count("demo mode: no feeds to refresh") == 2


async def test_auto_refresh_runs_every_refresh_minutes(db_path, config, tmp_path):
    from dataclasses import replace

    config = replace(config, settings=replace(config.settings, refresh_minutes=15))
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        timer = app.auto_refresh_timer
        assert timer is not None and timer._interval == 15 * 60
        app._refresh_on_timer()  # what the timer calls
        await settle(pilot)
        assert "Fresh story from the server" in titles(app)


@pytest.mark.parametrize("on", [True, False])
async def test_refresh_on_start_refreshes_every_source_once_as_the_app_starts(db_path, config, on):
    """newsboat's refresh-on-startup (user test r48 L14): without it, the first refresh is R's
    or the timer's."""
    config = replace(config, settings=replace(config.settings, refresh_on_start=on))
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        if on:
            await until(pilot, lambda: "Fresh story from the server" in titles(app))
        else:
            assert "Fresh story from the server" not in titles(app)
            assert not app.main.refreshing


async def test_no_auto_refresh_without_a_config(db_path):
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.auto_refresh_timer is None


async def test_articles_from_an_older_extractor_are_analysed_when_the_app_starts(
    db_path, ids, config
):
    db = open_db(db_path)
    db.execute("UPDATE articles SET nlp_version = 'old'")
    # two a killed fetch stored and left without analysis: said, once (r43: silent in the app)
    db.execute(
        "UPDATE articles SET nlp_version = NULL WHERE id IN (?, ?)", [ids["inject"], ids["chips"]]
    )
    db.conn.commit()
    db.conn.close()
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        said = [n.message for n in notifications(app) if "earlier fetch" in n.message]
    assert said == ["Analysed 2 articles left unanalysed by an earlier fetch"]
    db = open_db(db_path)
    stale = db.execute("SELECT count(*) FROM articles WHERE nlp_version = 'old'").fetchone()[0]
    speakers = {r[0] for r in db.execute("SELECT speaker FROM quotes").fetchall()}
    db.conn.close()
    assert stale == 0
    assert "Dmitry Peskov" in speakers


async def test_quitting_during_a_slow_refresh_stops_the_fetch_at_once(
    db_path, slow_config, monkeypatch
):
    import threading
    import time

    import newstui.tui.refresh as refresh_module  # the screen takes run_refresh from there

    finished = threading.Event()
    real_run_refresh = refresh_module.run_refresh

    def run_refresh(*args, **kwargs):
        try:
            return real_run_refresh(*args, **kwargs)
        finally:
            finished.set()

    monkeypatch.setattr(refresh_module, "run_refresh", run_refresh)
    app = NewstuiApp(db_path, slow_config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        await pilot.press("R")
        await pilot.pause(1.0)  # the feed is dripping in
        assert app.main.status.display and not finished.is_set()
        quit_at = time.monotonic()
        await pilot.press("Q")
    # (the feed's timeout is 30 s: bounds far from it, which a loaded machine does not reach)
    assert finished.wait(15), "the refresh thread still runs after quitting"
    assert time.monotonic() - quit_at < 15


def test_a_cancelled_refresh_returns_without_fetching(db_path, slow_config):
    import threading
    import time

    from newstui.tui.refresh import plan_all, run_refresh

    cancel = threading.Event()
    cancel.set()
    outcomes = []
    started = time.monotonic()
    assert run_refresh(db_path, slow_config, plan_all(slow_config), outcomes.append, cancel) is None
    assert time.monotonic() - started < 15  # (the feed's timeout: 30 s)
    assert not any(o.new for o in outcomes)


def test_a_refresh_refused_by_a_store_a_newer_newstui_upgraded_still_finishes(db_path, config):
    # (user test r45 M5: "refreshing 0/12 …" stayed up for good, and the next R said a
    # refresh was running)
    import sqlite3

    from newstui.errors import StoreError
    from newstui.store.schema import SCHEMA_VERSION
    from newstui.tui.refresh import plan_all, refresh_to_the_end

    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    finished = []
    with pytest.raises(StoreError, match="newer than this newstui understands"):
        plan = plan_all(config)
        refresh_to_the_end(db_path, config, plan, threading.Event(), print, finished.append)
    assert [(f.outcomes, f.cancelled) for f in finished] == [((), False)]


async def test_a_finished_refresh_says_what_it_found(db_path, config):
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        messages = [n.message for n in notifications(app)]
        assert (
            "Refreshed 1 of 2 sources: 1 new article; 1 failed (HTTP 404 Not Found) — see ! in Sources"
            in messages
        )
        await pilot.press("R")
        await settle(pilot)
        messages = [n.message for n in notifications(app)]
        assert (
            messages[-1]
            == "Refreshed 1 of 2 sources: nothing new; 1 failed (HTTP 404 Not Found) — see ! in Sources"
        )


def test_the_refresh_summary_names_a_single_source():
    from newstui.model import SourceOutcome
    from newstui.tui.refresh import refresh_summary

    assert refresh_summary([SourceOutcome("World Wire")]) == "Refreshed World Wire: nothing new"
    assert (
        refresh_summary([SourceOutcome("A", new=10, updated=2), SourceOutcome("B", new=2)])
        == "Refreshed 2 sources: 12 new articles, 2 updated"
    )
    assert (
        refresh_summary([SourceOutcome("B", error="B: HTTP 404")]) == "Refresh failed: B: HTTP 404"
    )
    assert refresh_summary(
        [SourceOutcome("A", error="A: 404"), SourceOutcome("B", error="B: 404")]
    ) == ("Refreshed 0 of 2 sources: 2 failed (404) — see ! in Sources")
    # what a killed fetch left, analysed by this refresh: said (user test r43 M4)
    assert refresh_summary([SourceOutcome("World Wire")], leftovers=5000) == (
        "Refreshed World Wire: nothing new; analysed 5,000 articles left unanalysed by an "
        "earlier fetch"
    )


def test_the_refresh_summary_says_how_many_articles_a_source_left_the_config_took():
    # user test r31 M2: "removed Big Wire 2 (no longer in the config)" hid 269 deleted articles
    from newstui.model import SourceOutcome
    from newstui.model.fetching import RemovedSource
    from newstui.tui.refresh import refresh_summary

    gone = [RemovedSource("Big Wire 2", deleted=269, kept_starred=1)]
    assert refresh_summary([SourceOutcome("A", new=2)], removed=gone) == (
        "Refreshed A: 2 new articles; removed Big Wire 2 (no longer in the config): "
        "269 articles deleted, 1 starred kept"
    )
    assert refresh_summary([], removed=[RemovedSource("Wire", deleted=1, kept_starred=0)]) == (
        "Removed Wire (no longer in the config): 1 article deleted"
    )
    many = [RemovedSource(f"Wire {n}", deleted=10, kept_starred=n % 2) for n in range(30)]
    assert refresh_summary([SourceOutcome("A")], removed=many) == (  # (user test r47 H2)
        "Refreshed A: nothing new; removed 30 sources no longer in the config: "
        "300 articles deleted, 15 starred kept"
    )


def test_a_refresh_line_too_long_for_its_notification_is_cut_and_logged_whole(tmp_path):
    """User test r47 H2: the notification was taller than the screen, its counts cut off."""
    from newstui.tui.refresh import SUMMARY_SHOWN_MOST, summary_shown

    logged = []
    log_file = tmp_path / "newstui.log"

    def log(line):
        logged.append(line)
        return log_file

    assert summary_shown("Refreshed 3 sources: nothing new", log) == (
        "Refreshed 3 sources: nothing new"
    )
    long = "Refreshed 2 of 804 sources: 9 new articles; " + "; ".join(["a clause"] * 60)
    shown = summary_shown(long, log)
    assert shown.startswith("Refreshed 2 of 804 sources: 9 new articles; a clause")
    assert shown.endswith(f"… (the whole line: {log_file})")
    assert len(shown.split(" (the whole line: ")[0]) <= SUMMARY_SHOWN_MOST and logged == [long]


def test_the_refresh_summary_counts_a_source_cut_short_apart_as_the_cli_does():
    # "Refreshed 2 sources: 3 new articles" for one read whole and one cut short
    from newstui.model import SourceOutcome
    from newstui.tui.refresh import refresh_summary

    whole, cut = SourceOutcome("Wire", new=2), SourceOutcome("Gazette", new=1, cut_short=True)
    assert refresh_summary([whole, cut]) == (
        "Refreshed 1 of 2 sources: 3 new articles; 1 cut short: Gazette"
    )
    assert refresh_summary([cut]) == ("Refreshed Gazette: 1 new article; cut short")
    cuts = [replace(cut, name=name) for name in ("A", "B", "C")]
    failed = SourceOutcome("D", error="D: 404")
    assert refresh_summary([*cuts, failed]) == (
        "Refreshed 0 of 4 sources: 3 new articles; 3 cut short: A, B, …; "
        "1 failed (404) — see ! in Sources"
    )


def test_the_refresh_summary_counts_the_sync_apart_from_the_sources():
    from newstui.model import SourceOutcome
    from newstui.tui.refresh import refresh_summary

    sync_down = SourceOutcome("rss.example.org", error="rss.example.org: unreachable", sync=True)
    assert refresh_summary([SourceOutcome("A", new=1), sync_down]) == (
        "Refreshed A: 1 new article; sync failed: rss.example.org: unreachable"
    )
    synced = SourceOutcome("rss.example.org", new=3, sync=True)
    assert refresh_summary(
        [SourceOutcome("A", new=1), SourceOutcome("B", error="B: 404"), synced]
    ) == (  # the server's articles under its own name (the sources' total said 4)
        "Refreshed 1 of 2 sources: 1 new article; 1 failed (404) — see ! in Sources; "
        "rss.example.org: 3 new articles"
    )
    emptied = SourceOutcome("rss.example.org", warning="rss.example.org lists nothing", sync=True)
    assert refresh_summary([SourceOutcome("A", error="A: 404"), emptied]) == (
        "Refresh failed: A: 404; rss.example.org lists nothing"
    )


def test_the_refresh_summary_says_how_many_were_read_and_why_the_others_were_not():
    """Offline, R said "Refreshed 6 sources: nothing new; 6 failing, left to wait" when not one
    source had been read."""
    from newstui.local_times import short_time
    from newstui.model import SourceOutcome
    from newstui.tui.refresh import refresh_summary

    later = "2026-12-04T05:00:00+00:00"
    waiting = [SourceOutcome(f"W{i}", waiting_until=later) for i in range(6)]
    assert refresh_summary(waiting) == (
        "Refreshed 0 of 6 sources: 6 failing, left to wait (r on one refreshes it now)"
    )
    unreachable = [
        SourceOutcome(f"F{i}", error=f"F{i}: cannot connect to f{i}.org: network is unreachable")
        for i in range(5)
    ]
    assert refresh_summary([*unreachable, SourceOutcome("Wire", new=2)]) == (
        "Refreshed 1 of 6 sources: 2 new articles; "
        "5 failed (network is unreachable) — see ! in Sources"
    )
    # every source tried failed for the network's sake: said as `fetch` says it (user test
    # r50 LOW-15: "62 failed (connection refused)" while `fetch` said the network looks down)
    offline = [replace(o, network=True) for o in unreachable]
    assert refresh_summary([*offline, *waiting[:1]]) == (
        "Refreshed 0 of 6 sources: the network looks down: 5 failed (network is unreachable) — "
        "see ! in Sources; 1 failing, left to wait (r on one refreshes it now)"
    )
    assert "network looks down" not in refresh_summary([*offline, SourceOutcome("Wire", new=2)])
    mixed = [
        *unreachable[:3],
        SourceOutcome("G", error="http://g.org/f.xml: HTTP 404 Not Found"),
        SourceOutcome("H", error="http://h.org/f.xml: timed out after 20 s"),
        SourceOutcome("I", error="http://i.org/f.xml: timed out after 20 s"),
    ]
    assert refresh_summary(mixed) == (
        "Refreshed 0 of 6 sources: 6 failed (3 network is unreachable, 2 timed out after 20 s, …)"
        " — see ! in Sources"
    )
    # a server's Retry-After is said (in the reader's zone: review r46 M2), and a wait it asked
    # for is not offered away (r44 L1)
    wait = "2026-12-08T16:25:00+00:00"
    asked = f"B: HTTP 429 Too Many Requests; the server asks to wait until {wait} (Retry-After)"
    busy = [SourceOutcome("B", error=asked), SourceOutcome("Wire", new=2)]
    assert refresh_summary(busy) == (
        "Refreshed 1 of 2 sources: 2 new articles; 1 failed (HTTP 429 Too Many Requests, asked "
        f"to wait until {short_time(wait)}) — see ! in Sources"
    )
    longer = asked.replace("wait until", "wait longer: newstui waits at most 7 days, until")
    assert refresh_summary([SourceOutcome("B", error=longer), *busy[1:]]) == refresh_summary(busy)
    busy = [SourceOutcome("B", waiting_until=later, waiting_status=429), *busy[1:]]
    assert (
        refresh_summary(busy) == "Refreshed 1 of 2 sources: 2 new articles; 1 failing, left to wait"
    )


async def test_thirty_failing_feeds_make_one_notification_not_thirty(db_path, tmp_path):
    from newstui.config import load_config

    lines = ["[settings]", "refresh_minutes = 0", "timeout = 2", "fulltext = false"]
    for i in range(30):
        lines += ["[[feeds]]", f'name = "Dead {i}"', f'url = "http://127.0.0.1:9/dead{i}.xml"']
    path = tmp_path / "dead.toml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert [n.message for n in notifications(app)] == [
            "Refreshed 0 of 30 sources: the network looks down: 30 failed (connection refused) "
            "— see ! in Sources"  # (as `fetch` says it: user test r50 LOW-15)
        ]
        assert "Dead 0" in screen_text(app)  # the title bar and sources stay readable


async def test_articles_stored_by_another_process_appear_in_the_list(db_path, ids):
    from datetime import UTC, datetime

    from newstui.model import Article
    from newstui.store.article_saving import save_articles

    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        before = app.main.headlines.total
        db = open_db(db_path)  # e.g. `newstui fetch` running beside the app
        feed = ensure_feed(db, "http://127.0.0.1:9/other.xml", "Other", url="http://x/")
        save_articles(
            db,
            feed,
            [
                Article(
                    title=f"Late story {i}",
                    text="x",
                    published=datetime(2025, 1, i + 1, tzinfo=UTC),
                )
                for i in range(3)
            ],
        )
        db.conn.close()
        app.main.sources.reload()  # what any mark, refresh or import in the app does
        await settle(pilot)
        assert app.main.headlines.total == before + 3
        assert app.main.headlines.selected.id == ids["inject"]  # the selection stays
        assert f"{before + 3:,} articles" in screen_text(app)


async def test_articles_another_process_stores_appear_without_a_key_press(
    db_path, ids, monkeypatch
):
    import asyncio

    from newstui.model import Article
    from newstui.store.article_saving import save_articles

    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 0.2)
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await asyncio.sleep(0.5)  # the watcher has seen the database once
        before = app.main.headlines.total
        db = open_db(db_path)
        feed = ensure_feed(db, "http://127.0.0.1:9/late.xml", "Late", url="http://x/")
        save_articles(db, feed, [Article(title="Stored elsewhere", text="x")])
        db.conn.close()
        for _ in range(600):  # (a bound, ~60 s: 3 s could run out on a loaded machine)
            await asyncio.sleep(0.1)
            await pilot.pause()
            if app.main.headlines.total == before + 1:
                break
        assert app.main.headlines.total == before + 1


async def test_during_a_refresh_the_reader_follows_the_cursor_once_keys_rest(
    db_path, ids, config, feed_server, monkeypatch
):
    """While a refresh runs, j does not redraw the reader and sidebar for every article passed
    (that drawing held the next key up); Enter still opens the article under the cursor at once."""
    from newstui.tui.screens import main

    monkeypatch.setattr(main, "DETAIL_REST_REFRESHING", 600.0)  # the keys never rest here
    # the refresh lasts until the test lets the feed answer (a delay in seconds ran out before
    # Enter on a loaded machine), and the client waits for it that long
    held = feed_server.routes["/feed.xml"].hold = threading.Event()
    config.path.write_text(
        config.path.read_text("utf-8").replace("timeout = 5\n", "timeout = 120\n"), "utf-8"
    )
    app = NewstuiApp(db_path, load_config(config.path))
    try:
        async with run_recorded(app, size=(120, 40)) as pilot:
            await settle(pilot)
            first = app.main.reader.article_id
            await pilot.press("R")
            assert app.main.refreshing
            await pilot.press("j", "j")
            await pilot.pause(0.5)  # a reader following each key would have been redrawn by now
            for worker in [w for w in app.workers if w.group == "detail"]:
                await worker.wait()  # (wait_for_complete([]) would wait for the refresh too)
            await pilot.pause()
            selected = app.main.headlines.selected
            assert selected is not None and selected.id != first
            assert app.main.reader.article_id == first  # not each article passed
            await pilot.press("enter")
            await until(pilot, lambda: app.main.reader.article_id == selected.id)
            assert app.main.refreshing  # opened while the refresh still runs
            assert app.main.title.startswith("Reader ▸")
            held.set()
            await settle(pilot)
            assert not app.main.refreshing
    finally:
        held.set()


def with_sync_server_down(config, feeds: str = "") -> int:
    """Rewrite the test config without its broken feed, with `feeds` and a [sync] table on a
    port nothing listens on; that port."""
    port = refused_port()
    text = config.path.read_text("utf-8").split('[[feeds]]\nname = "Broken Feed"')[0]
    text += feeds + (
        f'[sync]\nservice = "greader"\nurl = "http://127.0.0.1:{port}/api/greader.php"\n'
        'user = "alice"\npassword = "secret"\n'
    )
    config.path.write_text(text, "utf-8")
    return port


async def test_a_sync_server_that_is_gone_is_named_in_the_summary_not_sent_to_sources(
    db_path, config
):
    """[sync] on a server that is down beside a feed of one's own: the summary said "1 of 2
    failed — see ! in Sources", where no source has a `!` for the sync."""
    port = with_sync_server_down(config)
    app = NewstuiApp(db_path, load_config(config.path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        *_, note = notifications(app)  # (after the start's sync, which failed too)
        assert note.message.startswith("Refreshed Local Feed: 1 new article; sync failed: ")
        assert f"sync failed: 127.0.0.1:{port}: unreachable" in note.message
        assert "in Sources" not in note.message


async def test_with_the_sync_server_down_its_feeds_are_not_counted_as_refreshed(db_path, config):
    # user test r35 L3: "Refreshed 7 of 8 sources" counted the server's feeds, not read at all
    from newstui.library import Library
    from newstui.model import RemoteFeed

    served = "https://served.example/rss"
    with_sync_server_down(config, f'[[feeds]]\nname = "Served"\nurl = "{served}"\n\n')
    with Library.open(db_path) as library:
        library.sync.apply_subscriptions([RemoteFeed("feed/1", "Served", served)], {})
    app = NewstuiApp(db_path, load_config(config.path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        *_, note = notifications(app)  # (after the start's sync, which failed too)
        assert note.message.startswith("Refreshed Local Feed: 1 new article; sync failed: ")


async def test_r_in_a_tag_view_refreshes_its_feeds_whatever_case_the_view_spells_it(
    db_path, config
):
    """The Sources pane spells a tag as its oldest source does, and that spelling changes when
    that source goes (`LOCAL` → `local`): `r` in a view opened before refreshed no feed."""
    db = open_db(db_path)
    local = config.feeds[0]  # tagged "local"
    ensure_feed(db, local.url, local.name, url=local.url, tags=local.tags)
    db.conn.close()
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        app.main.show_view(tag_view("LOCAL"))
        await settle(pilot)
        assert app.main.headlines.total == 0
        await pilot.press("r")
        await settle(pilot)
        assert titles(app) == ["Fresh story from the server"]


def test_the_refresh_line_counts_no_copies_of_articles_moved_to_a_feeds_new_url():
    """A feed whose URL was edited: its new URL's articles that were copies of the old ones gave
    way to them, so they are not new (user test r32 H1)."""
    from newstui.model import SourceOutcome
    from newstui.model.fetching import RemovedSource
    from newstui.tui.refresh import refresh_summary

    moved = RemovedSource("Wire", 0, 0, "moved", kept=3, url="http://a/w", new_url="http://a/v")
    line = refresh_summary([SourceOutcome("Wire", new=4)], removed=[replace(moved, copies=3)])
    assert line.startswith("Refreshed Wire: 1 new article; Wire: 3 articles moved from http://a/w")


@pytest.mark.parametrize("row", ["all", "unread", "starred"])
async def test_r_on_a_row_of_sources_that_names_no_feed_says_so_and_refreshes_none(
    db_path, config, feed_server, row
):
    """User test r35 L-a: `r` with All (Unread, Starred) highlighted refreshed the feed whose
    headlines were listed, while `D` there said "Choose a feed": the highlighted row names no
    feed, and newsboat's `r` reloads no query feed either. It says so, as `D` does."""
    db = open_db(db_path)
    for feed in config.feeds:
        ensure_feed(db, feed.url, feed.name, url=feed.url, tags=feed.tags)
    db.conn.close()
    refresh_all = "R"
    if row == "starred":  # the key it names is the one in effect (r42 appfix-a: "R" always)
        refresh_all = "f5"
        keys = '\n[keys]\nunbind = ["app.refresh_all:R"]\n"app.refresh_all" = "f5"\n'
        config.path.write_text(config.path.read_text("utf-8") + keys, "utf-8")
        config = load_config(config.path)
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(160, 48)) as pilot:
        await settle(pilot)
        ids = {f.name: f.id for f in app.main.sources.feeds}
        app.main.sources.select_view(f"feed:{ids['Local Feed']}")
        app.main.sources.focus()
        await pilot.press("enter")  # Local Feed's headlines listed
        await settle(pilot)
        app.main.sources.focus()
        app.main.sources.select_view(row)
        await pilot.press("r")
        await settle(pilot)
        assert [n.message for n in notifications(app)] == [
            f"Choose a feed or tag in Sources to refresh ({refresh_all} refreshes all)."
        ]
        assert [path for path, _ in feed_server.requests] == []
        assert app.main.headlines.total == 0


async def test_the_refresh_line_says_a_move_another_newstui_read_first_once_a_session(
    db_path, config, feed_server, tmp_path
):
    """User test r37 L2: cron's `fetch` read the moved feed first and said it; the app's
    refresh line never did, and at 80x24 Sources (its "· moved") is hidden."""
    from newstui.ingest.pipeline import fetch_feeds
    from newstui.library import Library

    feed_server.route("/old.xml", status=301, headers={"Location": "/feed.xml"})
    path = tmp_path / "moved.toml"
    path.write_text(
        "[settings]\nrefresh_minutes = 0\nfulltext = false\ntimeout = 5\n[[feeds]]\n"
        f'name = "Mover"\nurl = "{feed_server.url("/old.xml")}"\n',
        "utf-8",
    )
    moved = load_config(path)
    with Library.open(db_path) as library:  # another newstui (cron) reads it there first
        [first] = await fetch_feeds(library, moved)
    assert first.warning and "moved permanently" in first.warning
    said = (
        f"Mover moved permanently to {feed_server.url('/feed.xml')}: change its url in the config"
    )
    app = NewstuiApp(db_path, moved)
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await until(pilot, lambda: notifications(app))
        await settle(pilot)
        assert said in notifications(app)[-1].message
        await pilot.press("R")
        await until(pilot, lambda: len(notifications(app)) == 2)
        await settle(pilot)
        assert "moved" not in notifications(app)[-1].message  # once a session
