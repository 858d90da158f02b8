"""Benchmark Sources on a store of 500 feeds in 60 folders (20 folders, each with 2 subfolders;
one feed in ten in two folders): how long the pane takes to list its entries, a key's move in
it, and a fold, as a tree and flat (`sources_layout`).

    python bench/sources_tree.py [--feeds N] [--presses N]

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

from newstui.config import parse_config
from newstui.library import Library
from newstui.model import Article
from newstui.tui.app import NewstuiApp


def folder_of(n: int) -> str:
    """Feed n's folder: one of 20 top folders, or one of its two subfolders."""
    top = f"Folder {n % 20:02d}"
    sub = (n // 20) % 3
    return top if sub == 0 else f"{top}/Sub {sub}"


def build_db(path: Path, feeds: int) -> None:
    """`feeds` feeds with 4 articles each, in the folders of folder_of."""
    library = Library.open(path)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    for n in range(feeds):
        tags = (folder_of(n),) + ((folder_of(n + 7),) if n % 10 == 0 else ())
        feed = library.register_source(
            f"https://bench{n}.example/feed.xml", f"Bench feed {n:03d}", tags=tags
        )
        library.bulk_insert(
            feed,
            (
                Article(
                    title=f"Headline {n:03d}-{i}",
                    text="The council agreed the plan on Tuesday.",
                    guid=f"{n}-{i}",
                    url=f"https://bench{n}.example/{i}",
                    published=start + timedelta(minutes=n * 4 + i),
                )
                for i in range(4)
            ),
        )
    library.close()


def summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"median {statistics.median(ordered) * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms"


async def measure(path: Path, layout: str, presses: int) -> None:
    config = parse_config(Path("bench.toml"), f'[settings]\nsources_layout = "{layout}"\n')
    app = NewstuiApp(path, config)
    async with app.run_test(size=(160, 48)) as pilot:
        sources = app.main.sources
        while sources.option_count < 10:
            await asyncio.sleep(0.01)
        await app.workers.wait_for_complete()
        await pilot.pause()
        counts = sources._counts  # (the pane's last counts: listed again, as a reload does)
        assert counts is not None
        lists = []
        for _ in range(20):
            t = time.perf_counter()
            sources._list(counts)
            lists.append(time.perf_counter() - t)
        sources.focus()
        await pilot.pause()
        moves = []
        for key in ["j"] * presses + ["G", "g"] * 5:
            t = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            moves.append(time.perf_counter() - t)
        print(f"{layout:5} {sources.option_count:4} entries  list {summary(lists)}")
        print(f"{layout:5} j/G/g press + pause             {summary(moves)}")
        if layout == "tree":
            folds = []
            sources.select_view("tag:Folder 05")
            for _ in range(presses // 2):
                t = time.perf_counter()
                await pilot.press("space")
                await pilot.pause()
                folds.append(time.perf_counter() - t)
            print(f"{layout:5} Space (fold/unfold) press + pause {summary(folds)}")
        await app.workers.wait_for_complete()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--presses", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        build_db(path, args.feeds)
        for layout in ("flat", "tree"):
            asyncio.run(measure(path, layout, args.presses))


if __name__ == "__main__":
    main()
