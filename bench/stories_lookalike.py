"""Story joining where many recent articles of one feed look alike (user test r31 M5: 600 new
copies of a text 4,800 recent articles of another feed share took 10+ minutes to join).

    python bench/stories_lookalike.py [--alike 4800] [--new 600]

Stores `--alike` articles of one feed with the same text (other titles), finds their stories,
then stores `--new` articles of a second feed with that text and times `find_stories` on them:
CPU and wall seconds, articles a CPU second, and how many candidates were judged on their own
text (store/stories.py `_Versions.same`). Run it with PYTHONPATH set to another checkout's src to
compare versions. Prints; never part of the test suite.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newstui.library import Library
from newstui.model import Article
from newstui.store import stories

TEXT = (
    "The regional council voted on Tuesday to close three branch libraries in the north of the "
    "city, citing a shortfall of four million pounds in next year's budget. Campaigners who "
    "gathered outside the town hall said the decision would leave thousands of children "
    "without a quiet place to study. "
) * 3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alike", type=int, default=4800)
    parser.add_argument("--new", type=int, default=600)
    args = parser.parse_args()
    judged = 0
    same = stories._Versions.same

    def counted(self: stories._Versions, *pair: object) -> bool:
        nonlocal judged
        judged += 1
        return same(self, *pair)  # type: ignore[arg-type]

    stories._Versions.same = counted  # type: ignore[method-assign]
    now = datetime.now(UTC).replace(microsecond=0)
    with tempfile.TemporaryDirectory() as folder, Library.open(Path(folder) / "s.db") as lib:
        first = lib.register_source("https://alike.example/feed", "Alike")
        lib.save_batch(
            first,
            [
                Article(
                    title=f"Alike {n}",
                    text=TEXT,
                    guid=f"a{n}",
                    published=now - timedelta(minutes=n + args.new),
                )
                for n in range(args.alike)
            ],
        )
        lib.find_stories()
        second = lib.register_source("https://new.example/feed", "New")
        lib.save_batch(
            second,
            [
                Article(
                    title=f"New {n}", text=TEXT, guid=f"n{n}", published=now - timedelta(minutes=n)
                )
                for n in range(args.new)
            ],
        )
        judged = 0
        cpu, wall = time.process_time(), time.monotonic()
        joined = lib.find_stories()
        cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    print(
        f"{args.alike} alike, {args.new} new: {joined} joined, {judged:,} candidates judged, "
        f"CPU {cpu:.2f} s, wall {wall:.2f} s, {args.new / cpu:.1f} new articles a CPU second"
    )


if __name__ == "__main__":
    main()
