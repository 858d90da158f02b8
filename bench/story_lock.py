"""How long background story sketching holds the store's write lock, and how long another
process's write waits meanwhile (r29 M1: after a 12,000-article fetch an open app's sketching
held the lock up to 91 s a transaction, and `newstui mark` failed after 30 s for minutes).

    python bench/story_lock.py [--store COPY.db] [--articles 12000] [--left 5000]

Builds a store of --articles articles in 4 feeds (templated texts of one newsroom: the same
sentences with other names, places and topics, which the LSH bands make candidates of each
other by the thousand), or copies --store; forgets the stories of the last --left articles, and
finds them as the app does after a fetch (Library.find_stories), while another connection writes
every 0.5 s (BEGIN IMMEDIATE, waiting up to 30 s, as a CLI `mark`). Prints each figure; never
part of the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import shutil
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

PEOPLE = ["Maria Lopez", "Dmitry Volkov", "Angela Brandt", "Kwame Mensah", "Yuki Tanaka"]
ORGS = ["World Health Organization", "European Central Bank", "Northern Water Board"]
PLACES = ["Aleppo", "Lisbon", "Nairobi", "Osaka", "Toronto", "Lima"]
TOPICS = ["floods", "elections", "inflation", "railways", "vaccines", "harvest", "housing"]


def text(rng: random.Random) -> str:
    """One templated article (as r29's archive feeds had)."""
    person, org, place, topic = (rng.choice(x) for x in (PEOPLE, ORGS, PLACES, TOPICS))
    return (
        f"The {org} said on Monday that {topic} in {place} had reached a turning point, "
        f"according to officials. \u201cWe have never seen anything like this in {place},\u201d "
        f"said {person}. \u201cEvery household will feel it.\u201d Residents of {place} were "
        f"told to prepare. Analysts expect the story of {topic} to continue into next year as "
        f"{place} rebuilds. " + "More details followed in a long briefing with reporters. " * 8
    )


def build(path: Path, count: int) -> None:
    from newstui.library import Library
    from newstui.model import Article

    rng = random.Random(29)
    now = datetime.now(UTC)
    with Library.open(path) as library:
        feeds = [
            library.register_source(f"https://arc{n}.example/feed", f"Archive {n}")
            for n in range(4)
        ]
        per = count // len(feeds)
        for n, feed in enumerate(feeds):
            for start in range(0, per, 500):
                batch = [
                    Article(
                        title=f"Archive {n} item {i}",
                        text=text(rng),
                        guid=f"a{n}-{i}",
                        published=now - timedelta(minutes=i),
                    )
                    for i in range(start, min(per, start + 500))
                ]
                library.save_batch(feed, batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="a store to copy instead of building one")
    parser.add_argument("--articles", type=int, default=12_000)
    parser.add_argument("--left", type=int, default=5_000, help="articles the app sketches")
    args = parser.parse_args()

    import newstui.store.stories as stories
    from newstui.library import Library

    holds: list[float] = []
    made = stories.write_transaction

    @contextlib.contextmanager
    def timed(db, **kwargs) -> Iterator[sqlite3.Connection]:  # type: ignore[no-untyped-def]
        with made(db, **kwargs) as conn:
            started = time.perf_counter()
            yield conn
        holds.append(time.perf_counter() - started)  # (the commit included)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lock.db"
        started = time.perf_counter()
        if args.store:
            shutil.copy(args.store, path)
        else:
            build(path, args.articles)
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("DELETE FROM stories")
            conn.execute("DELETE FROM story_bands")
        total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        conn.close()
        print(f"store: {total:,} articles ({time.perf_counter() - started:.0f} s to make)")
        with Library.open(path) as library:
            started = time.perf_counter()
            library.find_stories(total - args.left)  # what the fetch sketched
            print(f"the fetch's {total - args.left:,}: {time.perf_counter() - started:.1f} s")
        stories.write_transaction = timed
        waits: list[float] = []
        stop = threading.Event()

        def writer() -> None:
            other = sqlite3.connect(path, timeout=30, isolation_level=None)
            while not stop.wait(0.5):
                asked = time.perf_counter()
                try:
                    other.execute("BEGIN IMMEDIATE")
                except sqlite3.OperationalError:
                    waits.append(float("inf"))
                    continue
                waits.append(time.perf_counter() - asked)
                other.execute("UPDATE articles SET starred = 1 - starred WHERE id = 1")
                other.execute("COMMIT")
            other.close()

        with Library.open(path) as library:
            thread = threading.Thread(target=writer)
            thread.start()
            started = time.perf_counter()
            joined = library.find_stories(args.left)
            seconds = time.perf_counter() - started
            stop.set()
            thread.join()
    print(
        f"the app's {args.left:,}: {seconds:.1f} s, {joined} joined, {len(holds)} transactions, "
        f"lock held longest {max(holds):.3f} s, median {sorted(holds)[len(holds) // 2]:.3f} s"
    )
    failed = sum(w == float("inf") for w in waits)
    print(
        f"another connection's writes meanwhile: {len(waits)}, longest wait "
        f"{max(w for w in waits if w != float('inf')) if len(waits) > failed else 0:.2f} s, "
        f"{failed} failed after 30 s"
    )


if __name__ == "__main__":
    main()
