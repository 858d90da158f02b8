"""Pilot tests: updates that come often (counts during a refresh, its progress line, the reader's
article) change what they show without rebuilding or re-sizing what does not change."""

from __future__ import annotations

import re

from newstui.store import open_db
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp
from newstui.tui.screens import refresh_reloads
from newstui.tui.widgets.source_label import SourceLabel

from .conftest import screen_text, settle


def unread_counts(app: NewstuiApp) -> dict[str, str]:
    """Each sources entry's count as shown ("" when everything is read)."""
    return {
        str(o.id): o.prompt.count.strip()
        for o in app.main.sources.options
        if isinstance(o.prompt, SourceLabel)
    }


async def test_a_counts_reload_changes_only_the_entries_whose_count_changed(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sources = app.main.sources
        before = list(sources.options)
        counts = unread_counts(app)
        app.main.headlines.move_cursor(
            next(i for i, row in app.main.headlines.loaded_rows() if row.id == ids["chips"])
        )
        await settle(pilot)
        await pilot.press("enter")  # opening the article marks it read
        await settle(pilot)
        sources.reload()
        await settle(pilot)
        after = unread_counts(app)
        assert int(after["all"]) == int(counts["all"]) - 1
        changed = {key for key in counts if counts[key] != after[key]}
        assert "all" in changed and "unread" in changed and "starred" not in changed
        # the same entries, changed in place; the unchanged ones keep their prompt
        assert [o.id for o in sources.options] == [o.id for o in before]
        assert all(a is b for a, b in zip(sources.options, before, strict=True))
        assert sources.options[2].prompt is before[2].prompt  # Starred: unchanged
        assert re.search(rf"\bAll +{after['all']} ", screen_text(app))  # and on screen


async def test_a_new_source_rebuilds_the_list(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Added Later" not in screen_text(app)
        db = open_db(db_path)
        ensure_feed(db, "https://later.example/rss", "Added Later")
        db.conn.close()
        app.main.sources.reload()
        await settle(pilot)
        assert "Added Later" in screen_text(app)
        assert app.main.sources.highlighted_option is not None
        assert app.main.sources.highlighted_option.id == "all"  # the highlight stays


async def test_the_progress_line_keeps_its_width_during_a_refresh(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        status = app.main.status
        status.progress(0, 120)
        await pilot.pause()
        width = status.size.width
        assert width == len(" refreshing 120/120 ") + 24 + 1
        status.progress(7, 120, "A")
        await pilot.pause()
        assert status.size.width == width
        status.progress(119, 120, "A source with a very long name indeed, longer than 24")
        await pilot.pause()
        assert status.size.width == width
        line = screen_text(app).splitlines()[-1].rstrip()
        assert line.endswith(" refreshing 119/120 A source with a very lo…")
        status.progress(1, 3, "B")  # another refresh, another width
        await pilot.pause()
        assert status.size.width == len(" refreshing 3/3 ") + 25
        status.finish()
        await pilot.pause()
        assert not status.display


async def test_the_reader_scrolls_a_long_article_after_a_short_one(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.main.headlines
        rows = {row.id: i for i, row in headlines.loaded_rows()}
        reader = app.main.reader
        for key in ("chips", "seed", "chips", "seed"):
            headlines.move_cursor(rows[ids[key]])
            await settle(pilot)
            await pilot.pause(0.15)  # past the reader's throttle while the cursor moves
            await settle(pilot)
            assert reader.article_id == ids[key]
            body = reader.query_one("#reader-body")
            if key == "chips":
                assert reader.max_scroll_y == 0
            else:  # the long article: the reader's scrollable height is the text's
                assert body.size.height > reader.size.height
                assert (
                    reader.max_scroll_y
                    == body.outer_size.height - reader.scrollable_content_region.height
                )
                assert reader.show_vertical_scrollbar
        reader.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert reader.scroll_y == reader.max_scroll_y > 0


def add_source(db_path, name: str) -> None:
    """Another writer adds a source, as a refresh would."""
    db = open_db(db_path)
    ensure_feed(db, f"https://{name.lower().replace(' ', '-')}.example/rss", name)
    db.conn.close()


class FakeClock:
    """The refresh's clock (`refresh_reloads.monotonic`), moved by the test: whether a reload
    waits is decided on this time, so a slow or loaded machine cannot change the answer (the
    timers that look again still run in real time, a fraction of a second each)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_a_refresh_reload_waits_while_the_cursor_moves_and_comes_when_keys_rest(
    db_path, monkeypatch
):
    clock = FakeClock()
    monkeypatch.setattr(refresh_reloads, "monotonic", clock)
    monkeypatch.setattr(refresh_reloads, "RELOAD_BATCH", 0.05)  # real seconds to the first look
    monkeypatch.setattr(refresh_reloads, "KEYS_REST", 0.3)
    monkeypatch.setattr(refresh_reloads, "RELOAD_LATEST", 600.0)
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 600.0)  # only the reload shows the source
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        add_source(db_path, "Added Later")
        await pilot.press("j")
        app.main.reload_soon()  # what a source finishing during a refresh asks for
        for key in "jjkj":  # a press every 0.2 s of the refresh's clock: the keys never rest
            clock.now += 0.2
            await pilot.press(key)
            await pilot.pause(0.1)
        await settle(pilot)
        assert "Added Later" not in screen_text(app)
        clock.now += 0.31  # the keys rest
        await pilot.pause(0.5)  # the timer looks again within KEYS_REST real seconds
        await settle(pilot)
        assert "Added Later" in screen_text(app)


async def test_a_refresh_reload_waits_for_moving_keys_at_most_reload_latest(db_path, monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(refresh_reloads, "monotonic", clock)
    monkeypatch.setattr(refresh_reloads, "RELOAD_BATCH", 0.05)
    monkeypatch.setattr(refresh_reloads, "KEYS_REST", 600.0)  # the keys never rest
    monkeypatch.setattr(refresh_reloads, "RELOAD_LATEST", 0.4)
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 600.0)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        add_source(db_path, "Added Later")
        app.main.reload_soon()
        await pilot.press("j")
        await pilot.pause(0.3)  # the batch timer has looked (and waits): however slow the machine
        clock.now += 0.3
        await settle(pilot)
        assert "Added Later" not in screen_text(app)
        clock.now += 0.11  # RELOAD_LATEST after the reload was asked for, keys still moving
        await pilot.pause(0.6)  # the timer looks again within RELOAD_LATEST real seconds
        await settle(pilot)
        assert "Added Later" in screen_text(app)


async def test_a_refresh_reload_without_keys_comes_after_the_batch_time(db_path, monkeypatch):
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 600.0)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        add_source(db_path, "Added Later")
        app.main.reload_soon()
        await pilot.pause(refresh_reloads.RELOAD_BATCH + 0.3)
        await settle(pilot)
        assert "Added Later" in screen_text(app)


async def test_starred_says_how_many_it_holds_when_all_are_read(db_path, ids):
    """With every starred article read, Starred showed no count, as if nothing were starred
    (user test r33 L17): it says how many it holds, muted, and its unread count as before."""
    db = open_db(db_path)
    db.execute(
        "UPDATE articles SET starred = 1, read = 1 WHERE id IN (?, ?)", [ids["seed"], ids["chips"]]
    )
    db.conn.commit()
    db.conn.close()
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Starred · 2 read" in screen_text(app)
        assert unread_counts(app)["starred"] == ""
        db = open_db(db_path)
        db.execute("UPDATE articles SET read = 0 WHERE id = ?", [ids["chips"]])
        db.conn.commit()
        db.conn.close()
        app.main.sources.reload()
        await settle(pilot)
        assert "Starred · 2 read" not in screen_text(app)
        assert unread_counts(app)["starred"] == "1"
        # one of two unread: its count is no longer read as all it holds (user test r51 LOW-16)
        assert "Starred · 2 in all" in screen_text(app)
