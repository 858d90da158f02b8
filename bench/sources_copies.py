"""Benchmark Sources' first listing on a store of look-alike articles (user test r54: the pane
stayed blank ~40 s at start): FEEDS feeds in 12 folders, each carrying PER of the Wikinews
articles in ../shared (the same texts in many feeds: stories with many copies), their copies
joined. The extractor is "none" (its version is the same in every tree, so a tree measured
after another finds nothing to analyse again: the folders' counts do not read analyses). Times, in the app (Pilot, 160×48), the first headlines, the sources listed and
the folders' counts filled in, and `Library.tag_counts` alone (the folders' copies), in CPU-s.

    python bench/sources_copies.py [--feeds 300] [--per 40] [--runs 3] [--keep DIR]

Prints the figures; never part of the test suite. No newsboat figure: newsboat has no folder
counts that leave out a story's copies to compare with.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual.worker import WorkerCancelled

from newstui.config import parse_config
from newstui.ingest.configured_sources import sync_sources
from newstui.library import Library
from newstui.model import Article
from newstui.nlp.extractor import extractor_version
from newstui.tui.app import NewstuiApp

ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "wikinews" / "articles.jsonl"


def config_text(feeds: int) -> str:
    """feeds.toml: the feeds, in 12 folders."""
    lines = ["[settings]", "fulltext = false", "refresh_minutes = 0", 'extractor = "none"']
    for f in range(feeds):
        lines += ["[[feeds]]", f'name = "Bench {f}"', f'url = "http://127.0.0.1:9/feed{f}.xml"']
        lines += [f'tags = ["Folder {f % 12}"]']
    return "\n".join(lines) + "\n"


def build(folder: Path, feeds: int, per: int) -> tuple[Path, Path]:
    """The store and its config, its articles marked analysed ("none"), their copies joined."""
    docs = [json.loads(line) for line in ARTICLES.read_text("utf-8").splitlines()]
    config_path = folder / "feeds.toml"
    config_path.write_text(config_text(feeds), "utf-8")
    db = folder / "store.db"
    library = Library.open(db)
    sync_sources(library, parse_config(config_path, config_path.read_text("utf-8")))
    ids = {s.name: s.id for s in library.sources()}
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for f in range(feeds):
        library.bulk_insert(
            ids[f"Bench {f}"],
            (
                Article(
                    title=f"Story {f}-{i}: {doc['title']}",
                    text=doc["text"],
                    guid=f"{f}-{i}",
                    url=f"http://127.0.0.1:9/{f}/{i}",
                    published=start + timedelta(minutes=f * per + i * 7),
                )
                for i in range(per)
                for doc in [docs[(f * per + i) % len(docs)]]
            ),
        )
    library.mark_unanalysed(extractor_version("none"))
    joined = 0
    while found := library.find_stories(limit=2000, pause=lambda: None):
        joined += found
    print(f"store: {feeds} feeds × {per} = {library.count():,} articles listed, {joined:,} "
          f"joined as copies, {db.stat().st_size / 1e6:.0f} MB")  # fmt: skip
    library.close()
    return db, config_path


async def first_listing(db: Path, config_path: Path) -> tuple[float, float, float]:
    """Seconds from the app's start to its first headlines, to Sources listing the feeds, and
    to the folders' counts (the first folder row with a count)."""
    config = parse_config(config_path, config_path.read_text("utf-8"))
    app = NewstuiApp(db, config)
    start = time.perf_counter()
    marks: dict[str, float] = {}
    async with app.run_test(size=(160, 48)) as pilot:
        while len(marks) < 3 and time.perf_counter() - start < 300:
            now = time.perf_counter() - start
            if "headlines" not in marks and app.main.headlines.total:
                marks["headlines"] = now
            sources = app.main.sources
            rows = [sources.get_option_at_index(i).id or "" for i in range(sources.option_count)]
            if "sources" not in marks and any(r.startswith("feed:") for r in rows):
                marks["sources"] = now
            counts = getattr(sources, "_counts", None)  # (the last counts listed)
            counted = counts is not None and counts.tags and getattr(counts, "counted", True)
            if "counts" not in marks and counted:  # (a tree before r55 lists them at once)
                marks["counts"] = now
            await pilot.pause(0.01)
        with contextlib.suppress(WorkerCancelled):  # (one replaced by its next run)
            await app.workers.wait_for_complete()
    return marks.get("headlines", -1), marks.get("sources", -1), marks.get("counts", -1)


def tag_counts_cpu(db: Path) -> float:
    """CPU seconds of one `Library.tag_counts` (the folders' copies)."""
    with Library.open(db) as library:
        feeds = library.sources()
        began = time.process_time()
        library.tag_counts(feeds)
        return time.process_time() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=300)
    parser.add_argument("--per", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the store here (or reuse it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db, config_path = folder / "store.db", folder / "feeds.toml"
        if not db.exists():
            db, config_path = build(folder, args.feeds, args.per)
        cpu = [tag_counts_cpu(db) for _ in range(args.runs)]
        print(f"Library.tag_counts: median {statistics.median(cpu):.3f} CPU-s")
        for run in range(args.runs):
            headlines, sources, counts = asyncio.run(first_listing(db, config_path))
            print(f"run {run + 1}: headlines {headlines:5.2f} s, sources listed {sources:5.2f} s, "
                  f"folders counted {counts:5.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
