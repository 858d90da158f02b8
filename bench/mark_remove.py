"""Benchmark the app's A (mark everything in a view read) and D (remove a feed) on large stores.

    python bench/mark_remove.py [--sizes 10000,50000] [--runs 3] [--against REV] [--keep DIR]
                                [--operations "A all,D feed"]

Builds each store like bench/query.py (40 feeds, entities, quotes, 70 % read, 2 % starred, one
article a minute, each first seen when published), then gives every article a story, a sketch
(512 bytes) and 40 story band keys as a fetch that sketches it did before newstui forgot those
of old articles (written by SQL here: sketching 50,000 texts takes minutes). Each operation runs
on a fresh copy of the store, in its own process, as the app's worker calls it (the library,
store already open):

    A all     every article unread, then A in All articles (the question's count, then the mark)
    A feed    every article unread, then A in one feed (1/40 of the store)
    D feed    remove one feed (1/40 of the store; its starred articles stay)
    D fifth   remove a feed holding a fifth of the store (8 feeds' articles given to one)
    F new     what a fetch of 500 new articles does in the store: save them, sketch and join
              them to their stories, forget old articles' sketches (a bounded part)

Columns: this tree on the store as kept until now (every article's band keys), and on the same
store once this tree forgot the sketches and band keys of the articles first seen before
RECENT_DAYS (the runs that took, and both stores' sizes, are printed first). With --against
REV, that git revision's src/newstui runs on the store as kept too, alternately. Prints figures
only; never part of the test suite.
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
from dataclasses import replace
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newstui.library import Library

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OPERATIONS = ("A all", "A feed", "D feed", "D fifth", "F new")
NEW_ARTICLES = 500  # articles "F new" saves
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
        conn.execute("UPDATE articles SET first_seen = sort_date")  # arrived when published
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
        conn.executemany(
            "INSERT INTO stories (article_id, story_id, sketch) VALUES (?, ?, ?)",
            [(i, i, rng.randbytes(512)) for i in ids],
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
    if operation == "F new":
        return fetch_new(library)
    if operation.startswith("A"):
        library.mark([r[0] for r in library._db.execute("SELECT id FROM articles")], read=False)
        view = ArticleFilter() if operation == "A all" else ArticleFilter(feed_id=1)
        started = time.perf_counter()
        counted = getattr(library, "unread_to_mark", None)  # (not in a revision before it)
        if counted is not None:  # the app's A: the ids it asks about, then exactly those
            ids, copies = counted(view)
            library.set_flags_exactly([*ids, *copies], read=True)
        else:  # the count the question showed, then the filter marked at the answer
            library.count(replace(view, unread=True))
            library.mark_all_read_ids(view)
    else:
        started = time.perf_counter()
        library.remove_source(1)
    seconds = time.perf_counter() - started
    library.close()
    return seconds


def fetch_new(library: Library) -> float:
    """Seconds a fetch of NEW_ARTICLES new articles spends in the store (see the docstring)."""
    sys.path.insert(0, str(HERE))
    from datetime import UTC, datetime

    from query import varied_text

    from newstui.model import Article

    rng = random.Random(5)
    now = datetime.now(UTC)
    articles = [
        Article(title=f"New {n}", text=varied_text(rng)[0], guid=f"new-{n}", published=now)
        for n in range(NEW_ARTICLES)
    ]
    started = time.perf_counter()
    library.save_batch(1, articles)
    library.find_stories()
    forget = getattr(library, "forget_old_sketches", None)  # (not in a revision before it)
    if forget is not None:
        forget()
    seconds = time.perf_counter() - started
    library.close()
    return seconds


def forget_all(path: Path) -> list[float]:
    """Run this tree's forget_old_sketches on the store until nothing is left to forget, as the
    fetches after an upgrade do, then give the free pages back (as `newstui cleanup` does);
    returns each run's seconds."""
    from newstui.library import Library
    from newstui.store.vacuum import give_back_free_pages

    runs = []
    library = Library.open(path, threads=True)
    while True:
        started = time.perf_counter()
        forgotten = library.forget_old_sketches()
        runs.append(time.perf_counter() - started)
        if not forgotten:
            break
    library.close()
    conn = sqlite3.connect(path)
    give_back_free_pages(conn)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return runs


def sizes(path: Path) -> str:
    """The store's file size and the part of it in use, in MiB."""
    conn = sqlite3.connect(path)
    page, count, free = (
        conn.execute(f"PRAGMA {p}").fetchone()[0]
        for p in ("page_size", "page_count", "freelist_count")
    )
    conn.close()
    return f"file {path.stat().st_size / 2**20:,.1f} MiB, in use {(count - free) * page / 2**20:,.1f} MiB"


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
    """One operation on a fresh copy of the store, in a process running `src`."""
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
    parser.add_argument(
        "--operations",
        default=",".join(OPERATIONS),
        help="comma-separated, of: " + ", ".join(OPERATIONS),
    )
    parser.add_argument("--against", help="a git revision to compare with (e.g. HEAD~1, main)")
    parser.add_argument("--keep", type=Path, help="keep (and reuse) the built stores here")
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--forget", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        operation, path = args.measure
        print(json.dumps({"seconds": measure(operation, Path(path))}))
        return
    if args.forget:
        print(json.dumps({"runs": forget_all(args.forget)}))
        return
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        stores = args.keep or scratch
        stores.mkdir(parents=True, exist_ok=True)
        here = ROOT / "src"
        trees = {"this tree": here}
        if args.against:
            trees[args.against] = tree_of(args.against, scratch / "against")
        for size in (int(s) for s in args.sizes.split(",")):
            store = stores / f"mark-remove-{size}.db"
            if not store.exists():
                print(f"built {size:,} articles in {build(store, size):.1f} s")
            forgotten = stores / f"mark-remove-{size}-forgotten.db"
            if not forgotten.exists():
                shutil.copy(store, forgotten)
                out = subprocess.run(
                    [sys.executable, __file__, "--forget", str(forgotten)],
                    check=True,
                    capture_output=True,
                    text=True,
                    env=dict(os.environ, PYTHONPATH=str(here)),
                ).stdout
                runs = json.loads(out.splitlines()[-1])["runs"]
                print(
                    f"old sketches forgotten in {len(runs)} runs: "
                    + ", ".join(f"{r * 1000:.0f} ms" for r in runs)
                )
            print(f"store as kept: {sizes(store)}; forgotten: {sizes(forgotten)}")
            columns = [(name, src, store) for name, src in trees.items()]
            columns.append(("forgotten", here, forgotten))
            header = f"{size:,} articles: {'operation':8}"
            print(header + "".join(f"{name:>14}" for name, _, _ in columns) + "   kept/forgotten")
            for operation in args.operations.split(","):
                samples: list[list[float]] = [[] for _ in columns]
                for _ in range(args.runs):
                    for (_, src, path), kept in zip(columns, samples, strict=True):
                        kept.append(run_once(src, operation, path, scratch))  # alternately
                medians = [statistics.median(s) for s in samples]
                line = f"{'':{len(header) - 8}}{operation:8}"
                line += "".join(f"{m * 1000:11.0f} ms" for m in medians)
                line += f"   {medians[0] / medians[-1]:5.2f}x"
                print(line)
    print(
        "newsboat: no fair comparison. `newsboat -x` has no command to mark a feed or everything "
        "read (only reload, print-unread), and removing a feed is deleting its line from the urls "
        "file: its articles leave the cache at the next start, in no timed step."
    )


if __name__ == "__main__":
    main()
