"""Story joining where many recent articles look alike (user test r31 M5: 600 new copies of a
text 4,800 recent articles of another feed share took 10+ minutes to join; r54 MED-8: a
fetch's 2,699 templated articles made 935,939 sketch comparisons, 119 of its 167 s).

    python bench/stories_lookalike.py [--alike 4800] [--new 600] [--templated]

Stores `--alike` articles of one feed, finds their stories, then stores `--new` articles of a
second feed and times `find_stories` on them: CPU and wall seconds, sketch comparisons
(`packed_similarity`), candidates judged on their own text (`_Versions.same`), and the
stories joined. By default every text is the same (other titles); `--templated`: each text
fills one template with its own figures and names (a weather or results feed), and every
tenth new article is a real copy of one of the first feed's (a paragraph of its own), which
must be joined. Run it with PYTHONPATH set to another checkout's src to compare versions.
Prints; never part of the test suite.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import newstui.stories
from newstui.library import Library
from newstui.model import Article
from newstui.store import stories

TEXT = (
    "The regional council voted on Tuesday to close three branch libraries in the north of the "
    "city, citing a shortfall of four million pounds in next year's budget. Campaigners who "
    "gathered outside the town hall said the decision would leave thousands of children "
    "without a quiet place to study. "
) * 3
TEMPLATE = (
    "Weather for {city} on {day}: a high of {high} degrees and a low of {low}, winds from the "
    "{wind} at {speed} kilometres an hour and a {rain} per cent chance of rain. The national "
    "weather service said conditions would stay much the same through the weekend, with "
    "cloud clearing from the west by the afternoon and a cooler night expected across the "
    "region. Residents are advised to check the forecast before travelling and to follow "
    "the advice of local authorities. {own}"
)
CITIES = ["Leeds", "Lyon", "Porto", "Graz", "Turin", "Ghent", "Malmo", "Cork", "Brno", "Split"]
WINDS = ["north", "south", "east", "west", "north-east", "south-west"]


def templated(rng: random.Random, n: int, own: str = "") -> str:
    """One templated text: the template's words, its own figures and names."""
    return TEMPLATE.format(
        city=f"{rng.choice(CITIES)} district {n % 97}",
        day=f"day {n}",
        high=rng.randint(5, 35),
        low=rng.randint(-5, 15),
        wind=rng.choice(WINDS),
        speed=rng.randint(3, 60),
        rain=rng.randint(0, 100),
        own=own,
    )


def own_paragraph(n: int) -> str:
    """A paragraph only article n and its copy have: what makes them one story."""
    rng = random.Random(n * 7919)
    words = [
        f"{rng.choice(['river', 'bridge', 'market', 'school', 'harbour'])}{n}x{k}"
        for k in range(60)
    ]
    return " ".join(words) + "."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alike", type=int, default=4800)
    parser.add_argument("--new", type=int, default=600)
    parser.add_argument("--templated", action="store_true", help="templated texts (see above)")
    args = parser.parse_args()
    judged = compared = 0
    same = stories._Versions.same
    similarity = newstui.stories.packed_similarity

    def counted(self: stories._Versions, *pair: object) -> bool:
        nonlocal judged
        judged += 1
        return same(self, *pair)  # type: ignore[arg-type]

    def compared_counted(a: bytes, b: bytes) -> float:
        nonlocal compared
        compared += 1
        return similarity(a, b)

    stories._Versions.same = counted  # type: ignore[method-assign]
    newstui.stories.packed_similarity = compared_counted  # (looked up at each join)
    rng = random.Random(55)
    copies = range(0, args.new, 10) if args.templated else range(0)

    def first_text(n: int) -> str:
        if not args.templated:
            return TEXT
        return templated(rng, n, own_paragraph(n) if n in copies else "")

    def new_text(n: int) -> str:
        if not args.templated:
            return TEXT
        return templated(rng, n + args.alike, own_paragraph(n) if n in copies else "")

    now = datetime.now(UTC).replace(microsecond=0)
    with tempfile.TemporaryDirectory() as folder, Library.open(Path(folder) / "s.db") as lib:
        first = lib.register_source("https://alike.example/feed", "Alike")
        lib.save_batch(
            first,
            [
                Article(
                    title=f"Alike {n}",
                    text=first_text(n),
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
                    title=f"New {n}" if n not in copies else f"Alike {n}",
                    text=new_text(n),
                    guid=f"n{n}",
                    published=now - timedelta(minutes=n),
                )
                for n in range(args.new)
            ],
        )
        judged = compared = 0
        cpu, wall = time.process_time(), time.monotonic()
        joined = lib.find_stories(pause=lambda: None)  # (no other process: no gaps)
        cpu, wall = time.process_time() - cpu, time.monotonic() - wall
    kind = "templated" if args.templated else "alike"
    expected = f" (of {len(copies)} real copies)" if args.templated else ""
    print(
        f"{args.alike} {kind}, {args.new} new: {joined} joined{expected}, {compared:,} sketch "
        f"comparisons, {judged:,} candidates judged, CPU {cpu:.2f} s, wall {wall:.2f} s, "
        f"{args.new / cpu:.1f} new articles a CPU second"
    )


if __name__ == "__main__":
    main()
