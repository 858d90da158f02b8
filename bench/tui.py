"""Benchmark the reading app on 100,000 stored articles: time to first screen and key latency.

    python bench/tui.py [--articles N] [--db PATH] [--keep]

Prints the figures; never part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newstui.library import Library
from newstui.model import Article
from newstui.tui.app import NewstuiApp

FEEDS = 40
TEXT = (
    "Officials said on Tuesday that the council had agreed the plan. "
    "“We will build the bridge this year,” the mayor said. "
) * 40


def build_db(path: Path, count: int) -> float:
    """Fill a database with `count` articles over FEEDS feeds; returns seconds taken."""
    started = time.perf_counter()
    library = Library.open(path)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    per_feed = count // FEEDS
    for f in range(FEEDS):
        feed = library.register_source(
            f"https://bench{f}.example/feed.xml", f"Bench feed {f:02d}", tags=(f"t{f % 5}",)
        )
        library.bulk_insert(
            feed,
            (
                Article(
                    title=f"Headline {f:02d}-{i:06d}: something happened somewhere today",
                    text=TEXT,
                    guid=f"{f}-{i}",
                    url=f"https://bench{f}.example/{i}",
                    published=start + timedelta(minutes=i * FEEDS + f),
                )
                for i in range(per_feed)
            ),
        )
    library.close()
    return time.perf_counter() - started


def summary(samples: list[float]) -> str:
    if not samples:
        return "   (no screen change)    "
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered) * 1000:5.1f} ms  p95 {p95 * 1000:5.1f} ms"


def watch_displays(app: NewstuiApp) -> list[float]:
    """Record when the app hands a finished screen update to the driver."""
    times: list[float] = []
    display = app._display

    def timed(screen, renderable) -> None:
        if renderable is not None:
            times.append(time.perf_counter())
        display(screen, renderable)

    app._display = timed  # type: ignore[method-assign]
    return times


async def pilot_baseline(presses: int) -> float:
    """Median press + pause time on an app that does nothing: Pilot's own overhead."""
    from textual.app import App

    app = App()
    samples = []
    async with app.run_test(size=(160, 48)) as pilot:
        for _ in range(presses):
            t = time.perf_counter()
            await pilot.press("x")
            await pilot.pause()
            samples.append(time.perf_counter() - t)
    return statistics.median(samples)


async def measure(path: Path, presses: int) -> None:
    started = time.perf_counter()
    app = NewstuiApp(path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        headlines = app.main.headlines
        while not (headlines.loaded and headlines.selected is not None):
            await asyncio.sleep(0.002)
        await pilot.pause()
        first_screen = time.perf_counter() - started
        print(f"first screen: {first_screen * 1000:.0f} ms ({headlines.total:,} articles)")
        plans = {
            "j": ["j"] * presses,
            "k": ["k"] * presses,
            "G/g": ["G", "g"] * (presses // 2),
            "space": ["space"] * presses,
            "pagedown": ["pagedown"] * presses,
        }
        displays = watch_displays(app)
        print(
            "key latency: 'screen' = key sent → first screen update (what the user sees);\n"
            "'settled' = → last update (reader and sidebar filled); 'pilot' = press + pause,\n"
            "which includes Pilot's own idle waits."
        )
        for name, keys in plans.items():
            first, last, pilot_times = [], [], []
            for key in keys:
                displays.clear()
                t = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                pilot_times.append(time.perf_counter() - t)
                if displays:
                    first.append(displays[0] - t)
                    last.append(displays[-1] - t)
            print(
                f"{name:9} screen {summary(first)} | settled {summary(last)} | "
                f"pilot {summary(pilot_times)}"
            )
        await app.workers.wait_for_complete()
    baseline = await pilot_baseline(presses)
    print(f"pilot press + pause on an empty Textual app: median {baseline * 1000:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--presses", type=int, default=60)
    parser.add_argument("--db", type=Path, help="reuse (or create) this database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.db"
        if not path.exists():
            seconds = build_db(path, args.articles)
            print(f"built {args.articles:,} articles in {seconds:.1f} s")
        asyncio.run(measure(path, args.presses))


if __name__ == "__main__":
    main()
