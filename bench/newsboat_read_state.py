"""Benchmark what carrying newsboat's read state costs: reading its cache.db, storing the marks
at `opml import`, and the first fetch's saves that give them to their articles.

    python bench/newsboat_read_state.py [--feeds 40] [--items 75] [--runs 3]

Builds newsboat's cache (its 2.21 tables: tests/newsboat_cache.py) of FEEDS feeds of ITEMS items,
nine in ten read, and a store listing the feeds; then times, each on a fresh copy:

    read cache    sources.newsboat_cache.read_newsboat_state
    import        Library.add_imported_marks (no article stored yet: every mark waits)
    save          the first fetch's save of every article (Library.save_batches, 10 feeds a
                  batch), with the marks waiting, and without any (the cost of giving them)

Prints figures only; never part of the test suite.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from newstui.library import Library  # noqa: E402
from newstui.model import Article, ArticleFilter  # noqa: E402
from newstui.sources.newsboat_cache import read_newsboat_state  # noqa: E402
from tests.newsboat_cache import Item, write_cache  # noqa: E402


def _urls(feeds: int) -> list[str]:
    return [f"https://feed{n}.example/rss" for n in range(feeds)]


def _build(folder: Path, feeds: int, items: int) -> tuple[Path, Path]:
    """newsboat's cache and a store listing its feeds (nothing fetched)."""
    urls = _urls(feeds)
    cache = write_cache(
        folder / "cache.db",
        {url: f"Feed {n}" for n, url in enumerate(urls)},
        [
            Item(url, f"g{n}", f"https://s.example/{f}/{n}", unread=n % 10 == 0)
            for f, url in enumerate(urls)
            for n in range(items)
        ],
    )
    store = folder / "store.db"
    with Library.open(store) as library:
        for n, url in enumerate(urls):
            library.register_source(url, f"Feed {n}", url=url)
    return cache, store


def _articles(feed: int, items: int) -> list[Article]:
    return [
        Article(
            f"Story {feed}.{n}",
            f"Text of story {n}.",
            guid=f"g{n}",
            url=f"https://s.example/{feed}/{n}",
        )
        for n in range(items)
    ]


def _one_run(base: Path, run: int, cache: Path, store: Path, args: argparse.Namespace) -> dict:
    """One run's times (seconds) on fresh copies of the store, and the unread count after."""
    urls = _urls(args.feeds)
    listed = set(urls)
    copy, plain = base / f"run{run}.db", base / f"plain{run}.db"
    shutil.copy(store, copy)
    shutil.copy(store, plain)
    times: dict[str, float] = {}
    start = time.perf_counter()
    state = read_newsboat_state(cache, None, lambda url: url if url in listed else None)
    times["read cache"] = time.perf_counter() - start
    with Library.open(copy) as library:
        start = time.perf_counter()
        library.add_imported_marks(state.marks)
        times["import"] = time.perf_counter() - start
    for name, path in (("save", copy), ("save, none", plain)):
        with Library.open(path) as library:
            ids = {s.url: s.id for s in library.sources()}
            batches = [(ids[url], _articles(f, args.items)) for f, url in enumerate(urls)]
            start = time.perf_counter()
            for i in range(0, len(batches), 10):
                library.save_batches(batches[i : i + 10])
            times[name] = time.perf_counter() - start
    with Library.open(copy) as library:
        unread = library.count(ArticleFilter(unread=True))
    return {"times": times, "unread": unread, "read": len(state.marks)}


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--feeds", type=int, default=40)
    parser.add_argument("--items", type=int, default=75)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        cache, store = _build(base, args.feeds, args.items)
        runs = [_one_run(base, run, cache, store, args) for run in range(args.runs)]
    items = args.feeds * args.items
    print(f"{args.feeds} feeds, {items:,} items ({runs[0]['read']:,} read), {args.runs} runs")
    for name in runs[0]["times"]:
        median = statistics.median(r["times"][name] for r in runs)
        print(f"  {name:<11} median {median * 1000:8.1f} ms")
    print(f"  unread after the save: {runs[0]['unread']:,} (newsboat: {items - runs[0]['read']:,})")


if __name__ == "__main__":
    main()
