"""Benchmark the app's A (mark everything in a view read) and D (remove a feed) on large stores.

    python bench/mark_remove.py [--sizes 10000,50000] [--runs 3] [--against REV] [--keep DIR]

Builds each store like bench/query.py (40 feeds, entities, quotes, 70 % read, 2 % starred), then
gives every article a story and 40 story band keys as a fetch that sketches it does (written by
SQL here: sketching 50,000 texts takes minutes). Each operation runs on a fresh copy of the
store, in its own process, as the app's worker calls it (the library, store already open):

    A all     every article unread, then A in All articles
    A feed    every article unread, then A in one feed (1/40 of the store)
    D feed    remove one feed (1/40 of the store; its starred articles stay)
    D fifth   remove a feed holding a fifth of the store (8 feeds' articles given to one)

With --against REV, the same runs use that git revision's src/newstui too, alternately, and the
table gives both medians and the ratio. Prints figures only; never part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OPERATIONS = ("A all", "A feed", "D feed", "D fifth")
BANDS = 40  # band keys a sketched article has (newstui.stories: 42 bands, a few collide)


def build(path: Path, count: int) -> float:
    """A store of `count` articles (bench/query.py's), each with a story and its band keys."""
    sys.path.insert(0, str(HERE))
    from query import build as build_query_store

    seconds = build_query_store(path, count)
    started = time.perf_counter()
    rng = random.Random(11)
    conn = sqlite3.connect(path)
    with conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
        conn.executemany(
            "INSERT INTO stories (article_id, story_id, sketch) VALUES (?, ?, x'00')",
            [(i, i) for i in ids],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO story_bands (key, article_id) VALUES (?, ?)",
            [(rng.getrandbits(32), i) for i in ids for _ in range(BANDS)],
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return seconds + time.perf_counter() - started


def measure(operation: str, path: Path) -> float:
    """Seconds the operation takes on the store at `path` (changed: give it a copy)."""
    from newstui.library import Library
    from newstui.model import ArticleFilter

    if operation == "D fifth":  # one feed holding a fifth of the store
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("UPDATE articles SET feed_id = 1 WHERE feed_id <= 8")
        conn.close()
    library = Library.open(path, threads=True)
    if operation.startswith("A"):
        library.mark([r[0] for r in library._db.execute("SELECT id FROM articles")], read=False)
        view = ArticleFilter() if operation == "A all" else ArticleFilter(feed_id=1)
        started = time.perf_counter()
        library.mark_all_read_ids(view)
    else:
        started = time.perf_counter()
        library.remove_source(1)
    seconds = time.perf_counter() - started
    library.close()
    return seconds


def tree_of(revision: str, into: Path) -> Path:
    """src/ of a git revision, written under `into`."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", revision, "src"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def run_once(src: Path, operation: str, store: Path, scratch: Path) -> float:
    copy = scratch / "copy.db"
    shutil.copy(store, copy)
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run(
        [sys.executable, __file__, "--measure", operation, str(copy)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    return float(json.loads(out.splitlines()[-1])["seconds"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="10000,50000", help="articles per store, comma-separated"
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", help="a git revision to compare with (e.g. HEAD~1, main)")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the built stores here")
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        operation, path = args.measure
        print(json.dumps({"seconds": measure(operation, Path(path))}))
        return
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        stores = args.keep or scratch
        stores.mkdir(parents=True, exist_ok=True)
        trees = {"this tree": ROOT / "src"}
        if args.against:
            trees[args.against] = tree_of(args.against, scratch / "against")
        for size in (int(s) for s in args.sizes.split(",")):
            store = stores / f"mark-remove-{size}.db"
            if not store.exists():
                print(f"built {size:,} articles in {build(store, size):.1f} s")
            header = f"{size:,} articles: {'operation':8}"
            print(
                header
                + "".join(f"{name:>14}" for name in trees)
                + ("   old/new" * bool(args.against))
            )
            for operation in OPERATIONS:
                samples: dict[str, list[float]] = {name: [] for name in trees}
                for _ in range(args.runs):
                    for name, src in trees.items():  # alternately: a busy machine hits both
                        samples[name].append(run_once(src, operation, store, scratch))
                medians = [statistics.median(s) for s in samples.values()]
                line = f"{'':{len(header) - 8}}{operation:8}"
                line += "".join(f"{m * 1000:11.0f} ms" for m in medians)
                if args.against:
                    line += f"   {medians[1] / medians[0]:5.2f}x"
                print(line)
    print(
        "newsboat: no fair comparison. `newsboat -x` has no command to mark a feed or everything "
        "read (only reload, print-unread), and removing a feed is deleting its line from the urls "
        "file: its articles leave the cache at the next start, in no timed step."
    )


if __name__ == "__main__":
    main()
