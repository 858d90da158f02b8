"""Time a list filtered by flags (`/ unread`) on many stored articles in the app: its load, a
jump to its end (G) and n steps there. Run it on two revisions to compare.

    PYTHONPATH=src python bench/flag_lists.py [--articles N] [--db PATH]

Prints the figures; never part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

from newstui.library import Library
from newstui.model import Article
from newstui.tui.app import NewstuiApp
from newstui.tui.view import listed_by_flags


def build_db(path: Path, count: int) -> None:
    """One feed of `count` unread articles an hour apart."""
    start = datetime(2020, 1, 1, tzinfo=UTC)
    with Library.open(path) as library:
        feed = library.register_source("https://many.example/feed.xml", "Many")
        library.bulk_insert(
            feed,
            (
                Article(
                    title=f"Story {i}", text="x", guid=f"g{i}", published=start + timedelta(hours=i)
                )
                for i in range(count)
            ),
        )


async def until(pilot, condition) -> float:
    """Seconds until `condition()` holds."""
    started = time.perf_counter()
    while not condition():
        await pilot.pause(0.005)
    return time.perf_counter() - started


def shown(headlines, by_flags: bool) -> bool:
    """Whether the list shows the loaded rows of an unread search (or of the view before)."""
    return (
        listed_by_flags(headlines.view.filter) == by_flags
        and headlines.rows_shown
        and not headlines.load_pending
    )


def moved(headlines, before: int) -> bool:
    """Whether the cursor left row `before`."""
    return headlines.cursor != before


async def measure(path: Path) -> None:
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        headlines = app.main.headlines
        await until(pilot, lambda: headlines.loaded and not headlines.load_pending)
        loads = []
        for _ in range(3):
            await pilot.press("slash", *"unread")
            started = time.perf_counter()
            await pilot.press("enter")
            await until(pilot, lambda: shown(headlines, True))
            loads.append(time.perf_counter() - started)
            await pilot.press("escape")
            await until(pilot, lambda: shown(headlines, False))
        await pilot.press("slash", *"unread", "enter")
        await until(pilot, lambda: shown(headlines, True))
        started = time.perf_counter()
        await pilot.press("G")
        await until(pilot, lambda: headlines.selected is not None)
        jump = time.perf_counter() - started
        await pilot.press("g")
        await until(pilot, lambda: headlines.selected is not None)
        steps = []
        for _ in range(20):
            before = headlines.cursor
            started = time.perf_counter()
            await pilot.press("n")
            await until(pilot, partial(moved, headlines, before))
            steps.append(time.perf_counter() - started)
        print(f"  / unread load: {statistics.median(loads) * 1000:.0f} ms (median of 3)")
        print(f"  G to the last row: {jump * 1000:.0f} ms")
        print(f"  n: {statistics.median(steps) * 1000:.0f} ms (median of 20)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "flags.db"
        if not path.exists():
            build_db(path, args.articles)
        print(f"{args.articles:,} unread articles ({path})")
        asyncio.run(measure(path))


if __name__ == "__main__":
    main()
