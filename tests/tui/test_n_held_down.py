"""n held down (key repeat, 25–30 keys a second) or typed in one burst reads the next unread
articles one a key, in list order: each article a key landed on is read once the cursor moves on
from it, shown or not (user test r34 H1: at 0.05 s between keys every other article was passed
unread, and 10 keys in a burst read 2 of the 10 articles they went through). j and k held down
move one row a key."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from textual import events

from newstui.library import Library
from newstui.model import Article, ArticleFilter
from newstui.tui.app import NewstuiApp
from newstui.tui.screens import main as main_screen
from newstui.tui.widgets import headlines as headlines_module

from .conftest import run_recorded, settle, store_many, until

COUNT = 300


def interleaved_store(path) -> list[tuple[int, bool]]:
    """COUNT articles in one feed, every third one (and every seventh) read; returns (id, read)
    of each in the order All lists them (newest first)."""
    store_many(path, COUNT, "Story {i:03d}")
    with Library.open(path) as library:
        rows = library.articles(ArticleFilter(), limit=COUNT)
        read = [row.id for k, row in enumerate(rows) if k % 3 == 1 or k % 7 == 3]
        library.mark(read, read=True)
        return [(row.id, row.id in read) for row in rows]


def read_ids(path) -> set[int]:
    with Library.open(path) as library:
        rows = library.articles(ArticleFilter(), limit=COUNT)
        return {row.id for row in rows if row.read}


def burst(app: NewstuiApp, *keys: str) -> None:
    """Keys arriving together, as from tmux or a held key: all queued before the first is
    handled (Pilot.press lets the app go idle between keys)."""
    for key in keys:
        app.post_message(events.Key(key, key))


async def press_apart(pilot, key: str, times: int) -> None:
    """Keys a little apart, as a held key repeats them (nothing asserted on the timing)."""
    for _ in range(times):
        await pilot.press(key)
        await pilot.pause(0.03)


@pytest.mark.parametrize("typed", ["burst", "pilot", "apart", "small windows", "in the reader"])
async def test_n_held_down_reads_the_next_unread_article_each_key(tmp_path, monkeypatch, typed):
    # the reader shows an article at most once a second while keys come (a slow terminal):
    # keys 0.03 s apart outrun it on any machine
    monkeypatch.setattr(main_screen, "DETAIL_INTERVAL", 1.0)
    if typed == "small windows":  # most keys land on a row whose window is not read yet
        monkeypatch.setattr(headlines_module, "CHUNK", 2)
    path = tmp_path / "many.db"
    listed = interleaved_store(path)
    was_read = {article_id for article_id, read in listed if read}
    presses = 12
    # the cursor starts on row 0; each n goes to the next unread row after it
    reached = [article_id for article_id, read in listed[1:] if not read][:presses]
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.main.headlines
        if typed == "in the reader":
            await pilot.press("enter")  # reads row 0 there; n goes on from the reader
            await settle(pilot)
            was_read.add(listed[0][0])
        if typed in ("burst", "small windows", "in the reader"):
            burst(app, *["n"] * presses)
        elif typed == "pilot":
            await pilot.press(*["n"] * presses)
        else:
            await press_apart(pilot, "n", presses)
        # the last article's load may wait on the held key's timer, which settle does not
        await until(pilot, lambda: reached[-1] in read_ids(path))
        await settle(pilot)
        assert headlines.selected is not None
        assert headlines.selected.id == reached[-1]
        assert read_ids(path) - was_read == set(reached)


async def test_p_held_down_reads_the_unread_articles_before_one_a_key(tmp_path):
    path = tmp_path / "many.db"
    listed = interleaved_store(path)
    was_read = {article_id for article_id, read in listed if read}
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.main.headlines
        await pilot.press("G")  # the last row, the oldest
        await settle(pilot)
        start = headlines.cursor
        reached = [a for a, read in reversed(listed[:start]) if not read][:10]
        burst(app, *["p"] * 10)
        await until(pilot, lambda: reached[-1] in read_ids(path))
        await settle(pilot)
        assert headlines.selected is not None and headlines.selected.id == reached[-1]
        assert read_ids(path) - was_read == set(reached)


async def test_n_held_down_in_the_unread_view_reads_one_article_a_key(tmp_path):
    """Unread keeps the rows read in it: its keys walk the ids it listed."""
    path = tmp_path / "many.db"
    listed = interleaved_store(path)
    unread = [article_id for article_id, read in listed if not read]
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"unread", "enter")
        await settle(pilot)
        headlines = app.main.headlines
        assert headlines.selected is not None and headlines.selected.id == unread[0]
        burst(app, *["n"] * 15)
        await until(pilot, lambda: unread[15] in read_ids(path))
        await settle(pilot)
        assert headlines.cursor == 15
        assert read_ids(path) & set(unread) == set(unread[1:16])


@pytest.mark.parametrize(("key", "start", "moved"), [("j", 0, 40), ("k", 299, -40)])
async def test_j_and_k_held_down_move_one_row_a_key(tmp_path, key, start, moved):
    path = tmp_path / "many.db"
    interleaved_store(path)
    was_read = read_ids(path)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.main.headlines
        if start:
            await pilot.press("G")
            await settle(pilot)
        assert headlines.cursor == start
        burst(app, *[key] * abs(moved))
        await settle(pilot)
        assert headlines.cursor == start + moved
        await press_apart(pilot, key, 5)
        await settle(pilot)
        assert headlines.cursor == start + moved + 5 * (moved // abs(moved))
        assert read_ids(path) == was_read  # moving marks nothing


def two_feeds(path) -> dict[str, list[tuple[int, bool]]]:
    """Alpha Post and Beta Daily, 8 articles each, every third one read: (id, read) of each
    feed's articles in list order (newest first)."""
    start = datetime(2024, 1, 1, tzinfo=UTC)
    listed = {}
    with Library.open(path) as library:
        for name in ("Alpha Post", "Beta Daily"):
            feed = library.register_source(f"https://{name.split()[0].lower()}.example/", name)
            library.save_batch(
                feed,
                [
                    Article(
                        title=f"{name} story {i}",
                        text=f"{name} story {i}: the harbour reopened on day {i}.",
                        guid=f"{name}-{i}",
                        published=start + timedelta(hours=i),
                    )
                    for i in range(8)
                ],
            )
            rows = library.articles(ArticleFilter(feed_id=feed), limit=8)
            read = [row.id for k, row in enumerate(rows) if k % 3 == 1]
            library.mark(read, read=True)
            listed[name] = [(row.id, row.id in read) for row in rows]
    return listed


async def test_n_held_down_past_a_feeds_last_unread_reads_on_in_the_next_feed(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(main_screen, "DETAIL_INTERVAL", 1.0)
    path = tmp_path / "feeds.db"
    listed = two_feeds(path)
    was_read = {article_id for rows in listed.values() for article_id, read in rows if read}
    # after Alpha's last, n comes back to its newest, selected when it opened (r35 user test M-b)
    alpha = [article_id for article_id, read in listed["Alpha Post"][1:] if not read]
    alpha.append(listed["Alpha Post"][0][0])
    beta = [article_id for article_id, read in listed["Beta Daily"] if not read][:3]
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("J")  # Alpha Post, its newest article selected
        await settle(pilot)
        headlines = app.main.headlines
        assert headlines.view.title == "Alpha Post"
        burst(app, *["n"] * (len(alpha) + len(beta)))
        await until(pilot, lambda: beta[-1] in read_ids(path))
        await settle(pilot)
        assert headlines.view.title == "Beta Daily"
        assert headlines.selected is not None and headlines.selected.id == beta[-1]
        assert read_ids(path) - was_read == set(alpha + beta)


class _StoppedTimer:
    def stop(self) -> None:
        pass


async def test_a_late_timer_callback_loads_no_article_the_cursor_left(tmp_path, monkeypatch):
    """Textual queues a timer's callback on the screen when it fires, so stop() cannot take back
    one already queued: a held key's late callback loaded an article the cursor had left, and
    that load (exclusive) could cancel the newer one before it started, so the reader kept an
    old article and the last article `n` reached was never read (CI round 43, at load 7)."""
    monkeypatch.setattr(main_screen, "DETAIL_INTERVAL", 60.0)  # moves after the first wait
    path = tmp_path / "many.db"
    store_many(path, 10, "Story {i:03d}")
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        screen, headlines = app.main, app.main.headlines
        queued: list = []
        loads: list[int] = []
        monkeypatch.setattr(
            screen, "set_timer", lambda _wait, then: queued.append(then) or _StoppedTimer()
        )
        monkeypatch.setattr(screen, "load_detail", loads.append)
        monkeypatch.setattr(screen, "_detail_timer", None)
        for _ in range(3):
            await pilot.press("j")
            await settle(pilot)
        assert headlines.cursor == 3 and len(loads) == 1 and len(queued) == 2
        queued[0]()  # row 2's callback, queued as the cursor moved on to row 3
        queued[1]()
        assert headlines.selected is not None
        assert loads[1:] == [headlines.selected.id]
