"""`newstui entities` and `newstui quotes` on a 100,000-article analysed store: time per command.

    python bench/entity_listing.py [--articles 100000] [--db PATH] [--runs 5]

The store is built like bench/query.py's (FEEDS feeds, one article a minute, read marks) but
with the people a long-running store gathers: ~two hundred thousand different PERSON entities
(a few hundred in most of the news, the rest named once or twice), a tenth of the recurring ones
also written with a middle name (the names `entities` lists under the fuller one), three
entities and a quote or two an article, and one article in six a copy of an earlier story in
another feed (the same text: `quotes` lists its quotes once, "also in N"). Copies are joined in
the stories table directly (as find_stories would join them; a 100,000-article sketch run
takes too long for a bench).

Prints, median of `--runs`: each command in a fresh interpreter (wall and CPU, as a user runs
it: `entities`, `entities --all --json`, `quotes`, `quotes --all --json`, `quotes --copies`) and
the calls behind them in-process. Never part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newstui.library import Library
from newstui.model import Analysis, Article, Entity, Mention, Quote
from newstui.nlp import canonical_key, short_key

FEEDS = 40
FIRST = [
    f"{a}{b}" for a in ("Al", "Be", "Ca", "Do", "El", "Fa", "Gi", "Ha", "Io", "Ju", "Ka", "Lu")
    for b in ("ria", "nor", "lan", "vid", "na", "mir", "sha", "to")
]  # fmt: skip
MIDDLE = ["Anna", "Lee", "Maria", "James", "Noor", "Pablo", "Rose", "Karl"]
WORDS = (
    "officials said council agreed plan mayor bridge harbour river bank flood storm drought "
    "minister election vote market prices energy talks ceasefire army rebels city village"
).split()
ORGS = [f"Org {i:03d} Ministry" for i in range(400)]
PLACES = [f"Place{i:04d}" for i in range(2000)]


def surname(i: int) -> str:
    """A made-up surname of the `i`th kind (letters only, as names are)."""
    letters = "bcdfghklmnprstvz"
    vowels = "aeiou"
    out = ""
    while True:
        out += letters[i % 16] + vowels[(i // 16) % 5]
        i //= 80
        if not i:
            return out.capitalize() + "son"


class People:
    """Who articles name: RECURRING people (Zipf-like: a few hundred in most stories) and a new
    name now and then; a tenth of the recurring ones are sometimes written with a middle name."""

    RECURRING = 20_000

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.recurring = [
            f"{rng.choice(FIRST)} {surname(rng.randrange(400_000))}" for _ in range(self.RECURRING)
        ]
        self.middle = {i: rng.choice(MIDDLE) for i in range(self.RECURRING) if rng.random() < 0.1}

    def pick(self) -> str:
        rng = self.rng
        if rng.random() < 0.55:  # someone new (a witness, a local official)
            return f"{rng.choice(FIRST)} {surname(rng.randrange(400_000))}"
        i = min(int(rng.paretovariate(0.9)) - 1, self.RECURRING - 1)
        name = self.recurring[i]
        if i in self.middle and rng.random() < 0.3:
            first, last = name.split()
            return f"{first} {self.middle[i]} {last}"
        return name


def story_text(
    rng: random.Random, people: People
) -> tuple[str, list[tuple[str, str]], list[tuple[str, str]]]:
    """An article text, the entities it names (name, type) and its quotes (text, speaker)."""
    named = [(people.pick(), "PERSON") for _ in range(3)]
    named = list(dict.fromkeys(named))
    named += [(rng.choice(ORGS), "ORG"), (rng.choice(PLACES), "PLACE")]
    words = " ".join(rng.choice(WORDS) for _ in range(100))
    text = words + ". " + " ".join(f"{n} spoke." for n, _ in named)
    quotes = []
    for speaker, _ in named[: rng.choice((0, 1, 1, 2))]:
        quote = " ".join(rng.choice(WORDS) for _ in range(8)).capitalize()
        quotes.append((quote, speaker))
        text += f" “{quote},” {speaker} said."
    return text, named, quotes


def build(path: Path, count: int, seed: int = 54) -> float:
    """`count` articles over FEEDS feeds with analyses and story copies; seconds taken."""
    started = time.perf_counter()
    rng = random.Random(seed)
    people = People(rng)
    library = Library.open(path)
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    per_feed = count // FEEDS
    feeds = [
        library.register_source(f"https://bench{f}.example/feed.xml", f"Bench feed {f:02d}")
        for f in range(FEEDS)
    ]
    stories: list[tuple[str, list[tuple[str, str]], list[tuple[str, str]]]] = []
    plan: list[list[tuple[int, int]]] = [[] for _ in range(FEEDS)]  # (story index, copy of)
    for _ in range(per_feed):
        for f in range(FEEDS):
            if stories and rng.random() < 1 / 6:
                plan[f].append((rng.randrange(max(0, len(stories) - 200), len(stories)), 1))
            else:
                stories.append(story_text(rng, people))
                plan[f].append((len(stories) - 1, 0))
    for f in range(FEEDS):
        library.bulk_insert(
            feeds[f],
            [
                Article(
                    title=" ".join(rng.choice(WORDS) for _ in range(6)).capitalize(),
                    text=stories[s][0],
                    guid=f"{f}-{i}",
                    url=f"https://bench{f}.example/{i}",
                    published=now - timedelta(minutes=i * FEEDS + f),
                )
                for i, (s, _) in enumerate(plan[f])
            ],
        )
    ids = {row.url: row.id for row in library.articles(limit=None)}
    batch = []
    versions: dict[int, list[int]] = {}  # story index → its articles' ids
    for f in range(FEEDS):
        for i, (s, _copy) in enumerate(plan[f]):
            article_id = ids[f"https://bench{f}.example/{i}"]
            versions.setdefault(s, []).append(article_id)
            text, named, quotes = stories[s]
            entities = []
            for name, etype in named:
                at = text.index(f" {name} spoke.") + 1
                entities.append(Entity(name, etype, (Mention(at, at + len(name), name),)))
            found = []
            for quote, speaker in quotes:
                at = text.index(quote)
                found.append(Quote(quote, at, at + len(quote), speaker))
            batch.append((article_id, Analysis(tuple(entities), tuple(found))))
    library.mark([a for a, _ in batch if rng.random() < 0.7], read=True)
    for i in range(0, len(batch), 5000):
        library.save_analyses(batch[i : i + 5000], "bench", canonical_key, short_key)
    library.close()
    conn = sqlite3.connect(path)
    with conn:  # a story's id is its first version's (find_stories' rows, without sketches)
        conn.executemany(
            "INSERT OR REPLACE INTO stories (article_id, story_id) VALUES (?, ?)",
            [(a, min(story)) for story in versions.values() for a in story],
        )
    conn.close()
    return time.perf_counter() - started


def command(path: Path, config: Path, args: list[str]) -> tuple[float, float, int]:
    """One `newstui` command in a fresh interpreter: (wall s, CPU s, bytes printed)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "newstui", "--db", str(path), "--config", str(config), *args],
        check=True,
        capture_output=True,
        env={**os.environ, "COLUMNS": "120"},
    ).stdout
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, len(out)


def in_process(path: Path, runs: int) -> None:
    """The library calls behind the commands, median ms of `runs`."""
    from newstui.store import analysis

    library = Library.open(path)
    db = library._db  # (a bench: the store's own step timed apart)
    calls = {
        "entities(limit=100)": lambda: library.entities(limit=100),
        "count_entities()": lambda: library.count_entities(),
        "quotes(limit=200)": lambda: library.quotes(limit=200),
        "count_quotes()": lambda: library.count_quotes(),
        "quotes(limit=None)": lambda: library.quotes(limit=None),
        "quotes(copies, limit=None)": lambda: library.quotes(limit=None, copies=True),
    }
    if hasattr(analysis, "person_folds"):
        calls["person_folds"] = lambda: analysis.person_folds(db)
    for label, call in calls.items():
        samples = []
        for _ in range(runs):
            t = time.process_time()
            call()
            samples.append(time.process_time() - t)
        print(f"  {label:28} {statistics.median(samples) * 1000:8.1f} ms CPU")
    library.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="reuse (or create) this database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench-entities.db"
        if not path.exists():
            seconds = build(path, args.articles)
            print(f"built {args.articles:,} articles in {seconds:.1f} s")
        conn = sqlite3.connect(path)
        people, persons = conn.execute(
            "SELECT count(*), sum(type = 'PERSON') FROM entities"
        ).fetchone()
        quotes, copies = conn.execute(
            "SELECT (SELECT count(*) FROM quotes), "
            "(SELECT count(*) FROM stories WHERE story_id != article_id)"
        ).fetchone()
        conn.close()
        print(f"store: {people:,} entities ({persons:,} PERSON), {quotes:,} quotes, "
              f"{copies:,} articles copies of another feed's story")  # fmt: skip
        config = Path(tmp) / "feeds.toml"
        config.write_text("")
        print(f"commands, median of {args.runs} (wall / CPU s, bytes printed):")
        for cmd in (
            ["entities"],
            ["entities", "--all", "--json"],
            ["quotes"],
            ["quotes", "--all", "--json"],
            ["quotes", "--all", "--copies", "--json"],
        ):
            runs = [command(path, config, cmd) for _ in range(args.runs)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            print(f"  newstui {' '.join(cmd):34} {wall:6.2f} / {cpu:5.2f} s  {runs[0][2]:,} B")
        print("in-process:")
        in_process(path, args.runs)
        print(f"load: {os.getloadavg()[0]:.1f}; {json.dumps(sys.version.split()[0])}")


if __name__ == "__main__":
    main()
