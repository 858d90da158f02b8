"""Pilot tests: copies joined to their stories after a list opened (the app's start-up join of
a big first fetch) shorten the view under it; the list reads its count again and `G` lands on
its real last row, never on rows past the end drawn "…" for good (user test r33 H2)."""

from __future__ import annotations

import random
import re
import string
from datetime import UTC, datetime, timedelta

import pytest

from newstui.library import Library
from newstui.model import Article
from newstui.tui.app import NewstuiApp
from newstui.tui.refresh_messages import AnalysisFinished
from newstui.tui.screens.refresh_reloads import StoreChanged

from .conftest import screen_text, settle

STORIES = 250  # the wire's stories: more than a window (200 rows)
COPIES = 60  # the courier's copies of the wire's newest stories, not joined yet


def story_text(i: int) -> str:
    """A text no other story shares a phrase of."""
    rng = random.Random(i)
    words = [
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 9)))
        for _ in range(120)
    ]
    return " ".join(" ".join(words[s : s + 12]) + "." for s in range(0, len(words), 12))


def store_with_unjoined_copies(path) -> None:
    """Wire Service with STORIES stories, then Daily Courier with copies of the newest COPIES of
    them, stored but not yet sketched: All lists STORIES + COPIES rows until they are joined."""
    now = datetime.now(UTC) - timedelta(hours=STORIES)
    with Library.open(path) as library:
        wire = library.register_source("https://wire.example/", "Wire Service")
        courier = library.register_source("https://courier.example/", "Daily Courier")
        library.save_batch(
            wire,
            [
                Article(
                    title=f"Wire story {i:03d}",
                    text=story_text(i),
                    guid=f"w{i}",
                    published=now + timedelta(hours=i),
                )
                for i in range(STORIES)
            ],
        )
        library.save_batch(
            courier,
            [
                Article(
                    title=f"Wire story {i:03d}",
                    text=story_text(i),
                    guid=f"c{i}",
                    published=now + timedelta(hours=i, minutes=5),
                )
                for i in range(STORIES - COPIES, STORIES)
            ],
        )


def join_copies(path) -> None:
    """What the app's start-up analysis does in its worker: join the copies to their stories."""
    with Library.open(path) as library:
        assert library.find_stories() == COPIES


def sources_count(screen: str, name: str) -> int | None:
    """The count Sources shows beside a smart view's name."""
    found = re.search(rf"^{name} +([\d,]+) ", screen, re.M)
    return int(found.group(1).replace(",", "")) if found else None


@pytest.fixture
def no_store_watch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The 2 s look at the store does not run: what the list does is its own doing."""
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 600.0)


async def test_G_after_copies_were_joined_under_the_list_lands_on_its_real_last_row(
    tmp_path, no_store_watch
):
    path = tmp_path / "s.db"
    store_with_unjoined_copies(path)
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.main.headlines
        assert headlines.total == STORIES + COPIES
        join_copies(path)
        await pilot.press("G")
        await settle(pilot)
        assert headlines.total == STORIES
        assert headlines.cursor == STORIES - 1
        last = headlines.selected
        assert last is not None and last.title == "Wire story 000"
        text = screen_text(app)
        assert f"{STORIES} articles" in text
        assert "   …" not in text  # every row on screen is a headline


async def test_the_analysis_ending_after_a_join_reads_sources_and_the_list_again(
    tmp_path, no_store_watch
):
    """The start-up analysis found nothing to analyse but joined copies: Sources said the
    counts from before the join beside a title with the new ones (user test r33 M1)."""
    path = tmp_path / "s.db"
    store_with_unjoined_copies(path)
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.main.headlines
        assert headlines.total == STORIES + COPIES
        assert sources_count(screen_text(app), "All") == STORIES + COPIES
        join_copies(path)
        app.main.post_message(AnalysisFinished(0))
        await settle(pilot)
        await settle(pilot)  # (the counts, then the list they find short)
        assert headlines.total == STORIES
        text = screen_text(app)
        assert sources_count(text, "All") == STORIES
        assert sources_count(text, "Unread") == STORIES
        assert f"{STORIES} articles" in text


async def test_unread_opened_before_the_join_leaves_out_the_copies_and_keeps_the_rows_read(
    tmp_path, no_store_watch
):
    """Unread keeps the rows read in it, but copies joined to a story since it opened go, as
    they left Sources' count: it kept every copy, its title the count from before (r33 M1)."""
    path = tmp_path / "s.db"
    store_with_unjoined_copies(path)
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("h", "j", "enter")  # Sources, Unread
        await settle(pilot)
        headlines = app.main.headlines
        assert headlines.view.title == "Unread"
        assert headlines.total == STORIES + COPIES
        await pilot.press("j", "m")  # the wire's newest story, read: it stays listed
        await settle(pilot)
        read = headlines.selected
        assert read is not None and read.read and read.feed == "Wire Service"
        join_copies(path)
        app.main.post_message(StoreChanged())  # what the look at the store posts
        await settle(pilot)
        await settle(pilot)
        assert headlines.total == STORIES
        assert headlines.selected == read
        text = screen_text(app)
        assert text.count("Wire story 248") == 1
        assert f"Unread — {STORIES} articles" in text
        assert sources_count(text, "Unread") == STORIES - 1
