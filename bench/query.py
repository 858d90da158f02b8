"""Benchmark the query language on a 100,000-article store: time per query type.

    python bench/query.py [--articles N] [--db PATH] [--runs K]

For each query: the count the app shows in its title plus the first window of 100 headlines
(what `/`, a saved view and `list --query` cost), median of K runs. The store is built like
bench/tui.py's (same feeds and tags, one article a minute) but with varied text, entities and quotes, so that entity,
speaker and quote queries have something to find. Never part of the test suite.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from tui import FEEDS

from newstui.library import Library
from newstui.model import (
    Analysis,
    Article,
    ArticleFilter,
    Entity,
    Link,
    Mention,
    Quote,
)
from newstui.nlp import canonical_key, query_keys, short_key
from newstui.query import parse_query

GOAL_MS = 100
QUERIES = [
    ("common word", "officials"),
    ("rare word", "zeppelin"),
    ("two words", "harbour council"),
    ("phrase", '"river bank"'),
    ("prefix", "evac*"),
    ("OR", "flood OR storm OR drought"),
    ("NOT", "council -harbour"),
    ("AND NOT (issue's example)", "said AND NOT flood"),
    ("title:", "title:zeppelin"),
    ("author:", "author:reporter07"),
    ("feed:", "feed:07"),
    ("tag:", "tag:t3"),
    ("unread", "unread"),
    ("starred", "starred"),
    ("has:quotes", "has:quotes"),
    ("has:enclosure", "has:enclosure"),
    ("after:", f"after:{(datetime.now(UTC) - timedelta(days=20)).date()}"),
    ("age:", "age:<3d"),
    ("person:", 'person:"Maria Person017"'),
    ("person: surname", "person:Person017"),
    ("person: initial", 'person:"M. Person017"'),
    ("person: middle name", 'person:"Maria Anna Person017"'),
    ("person: one name, everyone's first", "person:Maria"),
    ("person: title", 'person:"Dr. Maria Person017"'),
    ("org:", 'org:"Org 03 Ministry"'),
    ("org: another name", "org:OM03"),
    ("two places (AND)", "place:Place005 place:Place011"),
    ("group:", "group:Group02"),
    ("speaker:", "speaker:Person017"),
    ("speaker: full name", 'speaker:"Maria Person017"'),
    ("quotes:", 'quotes:"we will build"'),
    ("view: place + age", "place:Place005 AND age:<7d"),
    ("mixed", '(flood OR storm) unread feed:1 -title:"harbour" after:2020-01-01'),
    ("filter-like", 'title:"sponsored" OR feed:Deals'),
]

WORDS = (
    "officials said council agreed plan mayor bridge harbour river bank flood storm drought "
    "minister election vote market prices energy talks ceasefire army rebels city village "
    "school hospital court judge police report strike workers union budget tax rates bank "
    "evacuated evacuation residents rescue weather wind rain snow heat fire forest road rail"
).split()
RARE = "zeppelin quasar marmalade obelisk".split()
# Issue 8: a long paste costs at most the term cap (64 different terms; repeats count once).
_DISTINCT_WORDS = list(dict.fromkeys(WORDS))
QUERIES += [
    (f"{len(_DISTINCT_WORDS)} different words (cap 64)", " ".join(_DISTINCT_WORDS)),
    (f"{len(_DISTINCT_WORDS)} different words OR-ed", " OR ".join(_DISTINCT_WORDS)),
    ("one word 300 times", " ".join(["flood"] * 300)),
]
PEOPLE = [f"Maria Person{i:03d}" for i in range(400)]
ORGS = [f"Org {i:02d} Ministry" for i in range(80)]
ORG_SHORT = {name: f"OM{i:02d}" for i, name in enumerate(ORGS)}  # another name articles use
PLACES = [f"Place{i:03d}" for i in range(200)]
GROUPS = [f"Group{i:02d}" for i in range(30)]


def varied_text(rng: random.Random) -> tuple[str, list[tuple[str, str]], list[tuple[str, str]]]:
    """An article text, the entities it names (name, type) and its quotes (text, speaker)."""
    people = rng.sample(PEOPLE, 2)
    named = [(p, "PERSON") for p in people]
    named += [
        (rng.choice(ORGS), "ORG"),
        (rng.choice(PLACES), "PLACE"),
        (rng.choice(PLACES), "PLACE"),
    ]
    if rng.random() < 0.3:
        named.append((rng.choice(GROUPS), "GROUP"))
    words = [rng.choice(WORDS) for _ in range(120)]
    if rng.random() < 0.01:
        words.append(rng.choice(RARE))
    quotes = []
    if rng.random() < 0.6:
        quotes.append(("We will build the bridge this year", people[0]))
    text = " ".join(words) + ". " + " ".join(f"{n} spoke." for n, _ in named)
    text += f" The {ORG_SHORT[named[2][0]]} agreed."
    text += "".join(f" “{q},” {s} said." for q, s in quotes)
    return text, named, quotes


def build(path: Path, count: int, seed: int = 7) -> float:
    """`count` articles over FEEDS feeds (as bench/tui.py), one a minute up to now, with varied
    text, authors, read/starred marks, enclosures, entities and quotes; returns seconds taken."""
    started = time.perf_counter()
    rng = random.Random(seed)
    library = Library.open(path)
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    per_feed = count // FEEDS
    texts: dict[tuple[int, int], tuple[str, list[tuple[str, str]], list[tuple[str, str]]]] = {}
    for f in range(FEEDS):
        feed = library.register_source(
            f"https://bench{f}.example/feed.xml", f"Bench feed {f:02d}", tags=(f"t{f % 5}",)
        )
        articles = []
        for i in range(per_feed):
            text, named, quotes = varied_text(rng)
            texts[f, i] = (text, named, quotes)
            title = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()
            if rng.random() < 0.001:
                title += " " + rng.choice(RARE)
            enclosure = [Link("audio/mpeg", f"https://bench{f}.example/{i}.mp3", "enclosure")]
            articles.append(
                Article(
                    title=title,
                    text=text,
                    guid=f"{f}-{i}",
                    url=f"https://bench{f}.example/{i}",
                    author=f"Reporter{rng.randrange(40):02d}",
                    published=now - timedelta(minutes=i * FEEDS + f),
                    links=enclosure if rng.random() < 0.05 else [],
                )
            )
        library.bulk_insert(feed, articles)
    ids = {row.url: row.id for row in library.articles(limit=None)}
    read, starred, batch = [], [], []
    for (f, i), (text, named, quotes) in texts.items():
        article_id = ids[f"https://bench{f}.example/{i}"]
        if rng.random() < 0.7:
            read.append(article_id)
        if rng.random() < 0.02:
            starred.append(article_id)
        entities = []
        for name, etype in named:
            at = text.index(name)
            mentions = [Mention(at, at + len(name), name)]
            if etype == "ORG":  # "The OM03 agreed.": the ministry by another name
                short = ORG_SHORT[name]
                at = text.rindex(short)
                mentions.append(Mention(at, at + len(short), short))
            entities.append(Entity(name, etype, tuple(mentions)))
        found = []
        for quote, speaker in quotes:
            at = text.index(quote)
            found.append(Quote(quote, at, at + len(quote), speaker))
        batch.append((article_id, Analysis(tuple(entities), tuple(found))))
    library.mark(read, read=True)
    library.mark(starred, starred=True)
    for i in range(0, len(batch), 5000):
        library.save_analyses(batch[i : i + 5000], "bench", canonical_key, short_key)
    library.close()
    return time.perf_counter() - started


def measure(path: Path, runs: int, only: str = "") -> float:
    """Print the figures per query type; returns the slowest median (cold) in ms."""
    library = Library.open(path)
    total = library.count()
    print(f"store: {total:,} articles over {FEEDS} feeds")
    print(
        f"per query: count + first 100 headlines, median of {runs} runs (goal ≤ {GOAL_MS} ms); "
        "'again': the same once its text matches are kept (the app's next window or reload)"
    )
    print(f"{'query type':28} {'ms':>7} {'p max':>7} {'again':>7} {'matches':>8}  query")
    worst = 0.0
    for label, text in QUERIES:
        if only.casefold() not in label.casefold():
            continue
        samples, again = [], []
        matches = 0
        for _ in range(runs):
            library.forget_match_sets()
            for kept in (samples, again):
                t = time.perf_counter()
                query = parse_query(text, query_keys)
                f = ArticleFilter(query=query)
                matches = library.count(f)
                library.articles(f, limit=100)
                kept.append(time.perf_counter() - t)
        median = statistics.median(samples) * 1000
        worst = max(worst, median)
        flag = "" if median <= GOAL_MS else "  OVER GOAL"
        shown = text if len(text) <= 70 else text[:69] + "…"
        print(
            f"{label:28} {median:7.1f} {max(samples) * 1000:7.1f} "
            f"{statistics.median(again) * 1000:7.1f} {matches:8,}  {shown}{flag}"
        )
    print(f"slowest query type: {worst:.1f} ms (goal {GOAL_MS} ms)")
    print("newsboat: query feeds are re-evaluated over every loaded article; it has no stored")
    print(
        "index to compare per query, and its 100,000-article start alone takes ~12 s (bench/startup.py)."
    )
    library.close()
    return worst


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="reuse (or create) this database")
    parser.add_argument("--only", default="", help="only query types whose label contains this")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench-query.db"
        if not path.exists():
            seconds = build(path, args.articles)
            print(f"built {args.articles:,} articles with entities and quotes in {seconds:.1f} s")
        measure(path, args.runs, args.only)


if __name__ == "__main__":
    main()
