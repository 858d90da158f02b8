"""Pilot test: a feed that has been failing for a while says since when in the app, as `newstui
feeds` does (r37: only the CLI said it; Sources had the `!` and nothing more): chosen in Sources,
with articles, its error and since when are said; with none, its empty list says them."""

from __future__ import annotations

import sqlite3

from newstui.library import Library
from newstui.local_times import short_time
from newstui.model import Article, FetchRecord
from newstui.tui.app import NewstuiApp

from .conftest import notifications, run_recorded, screen_text, settle

FIRST = "2026-11-30T16:32:05+00:00"  # days before its last try


def failing_feeds(path) -> dict[str, int]:
    """Dead (an article stored before it broke) and Gone (none) failed 3 times since FIRST;
    Flaky failed once, just now."""
    with Library.open(path) as library:
        ids = {
            n: library.register_source(f"https://{n.lower()}.example/rss", n)
            for n in ("Dead", "Gone", "Flaky")
        }
        library.save_batch(ids["Dead"], [Article(title="Dead story", text="Harbour reopened.")])
        library.save_batch(ids["Flaky"], [Article(title="Flaky story", text="Ferry late.")])
        for _ in range(3):
            library.record_fetches(
                [FetchRecord(ids[n], 404, f"{n}: HTTP 404 Not Found") for n in ("Dead", "Gone")]
            )
        library.record_fetches([FetchRecord(ids["Flaky"], None, "Flaky: timed out")])
    with sqlite3.connect(path) as db:
        db.execute("UPDATE feeds SET failing_since = ? WHERE name != 'Flaky'", [FIRST])
    return ids


async def test_a_feed_failing_for_days_says_since_when_where_sources_shows_it(tmp_path):
    path = tmp_path / "f.db"
    ids = failing_feeds(path)
    since = f"(failing since {short_time(FIRST)}, 3 fetches)"
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(60, 20)) as pilot:
        await settle(pilot)

        async def choose(name: str) -> list[str]:
            app.main.sources.focus()
            app.main.sources.select_view(f"feed:{ids[name]}")
            before = len(notifications(app))
            await pilot.press("enter")
            await settle(pilot)
            return [n.message for n in notifications(app)[before:]]

        said = await choose("Dead")
        assert said == [f"The last fetch failed: Dead: HTTP 404 Not Found {since}"]
        assert "Dead story" in screen_text(app)

        assert await choose("Flaky") == ["The last fetch failed: Flaky: timed out"]  # (just now)

        assert await choose("Gone") == []  # its empty list says it, no toast besides
        shown = " ".join(screen_text(app).split())
        assert "The last fetch failed: Gone: HTTP 404 Not Found (failing since" in shown
        assert "3 fetches)" in shown
