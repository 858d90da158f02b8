"""Pilot tests: r / R refresh against a local feed server, errors as notifications, f, demo mode."""

from __future__ import annotations

from newstui.store import open_db
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle


def titles(app: NewstuiApp) -> list[str]:
    return [row.title for _, row in app.main.headlines.loaded_rows()]


async def test_R_refreshes_all_and_a_failing_feed_is_one_notification(db_path, config):
    app = NewstuiApp(db_path, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = []
        progress = app.main.status.progress
        app.main.status.progress = lambda *a: (shown.append(a), progress(*a))
        await pilot.press("R")
        await settle(pilot)
        assert shown[0] == (0, 2) and shown[-1][:2] == (2, 2)  # progress beside the footer
        assert "Fresh story from the server" in titles(app)
        assert not app.main.status.display
        errors = [n for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1
        assert errors[0].message.startswith("Broken Feed:")
        assert "\n" not in errors[0].message
        assert "Traceback" not in screen_text(app)


async def test_r_refreshes_only_the_selected_feed(db_path, config):
    db = open_db(db_path)
    local = config.feeds[0]
    ensure_feed(db, local.url, local.name, url=local.url, tags=local.tags)
    db.conn.close()
    app = NewstuiApp(db_path, config)
    async with app.run_test(size=(160, 48)) as pilot:
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
        assert not [n for n in app._notifications if n.severity == "error"]  # broken one untouched


async def test_new_articles_appear_keeping_the_selection(db_path, config, ids):
    app = NewstuiApp(db_path, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        assert app.main.headlines.selected.id == ids["inject"]
        assert app.main.headlines.cursor == 2  # the fresh story is newer, above it


async def test_f_fetches_the_full_text_of_the_open_article(db_path, config):
    app = NewstuiApp(db_path, config)
    async with app.run_test(size=(120, 40)) as pilot:
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
        assert any("Full text fetched" in n.message for n in app._notifications)


async def test_demo_mode_says_there_is_nothing_to_refresh(db_path):
    app = NewstuiApp(db_path, None, demo=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await pilot.press("R")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert messages.count("demo mode: no feeds to refresh") == 2


async def test_auto_refresh_runs_every_refresh_minutes(db_path, config, tmp_path):
    from dataclasses import replace

    config = replace(config, settings=replace(config.settings, refresh_minutes=15))
    app = NewstuiApp(db_path, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        timer = app.auto_refresh_timer
        assert timer is not None and timer._interval == 15 * 60
        app._refresh_on_timer()  # what the timer calls
        await settle(pilot)
        assert "Fresh story from the server" in titles(app)


async def test_no_auto_refresh_without_a_config(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.auto_refresh_timer is None


async def test_articles_from_an_older_extractor_are_analysed_when_the_app_starts(
    db_path, ids, config
):
    db = open_db(db_path)
    db.execute("UPDATE articles SET nlp_version = 'old'")
    db.conn.commit()
    db.conn.close()
    app = NewstuiApp(db_path, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
    db = open_db(db_path)
    stale = db.execute("SELECT count(*) FROM articles WHERE nlp_version = 'old'").fetchone()[0]
    speakers = {r[0] for r in db.execute("SELECT speaker FROM quotes").fetchall()}
    db.conn.close()
    assert stale == 0
    assert "Dmitry Peskov" in speakers
