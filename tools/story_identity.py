"""Whether the story-join candidate rule of round 55 (MOST_COMPARED candidates compared, a
crowded band key's BAND_NEWEST latest articles only: store/stories.py) finds the same stories
as comparing every candidate did, on stores of real texts: the demo store, the Wikinews texts
(/work/shared/wikinews and the wikinews-dev*, dev2 and work sets, as outlets copy them), and
the story tests' shape (tests/store/test_stories_fixture_joins.py); a templated store shows
where the two rules may part (look-alike texts, which the rule is for).

    PYTHONPATH=src python tools/story_identity.py [--shared ../shared]

Each store is joined twice from scratch (every story forgotten, then find_stories), once by
each rule; prints each store's stories of two versions or more and every article whose story
differs. Exits 1 if a store of real texts differs. Blind and held-out sets are never read.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newstui.library import Library
from newstui.model import Article
from newstui.store import stories

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "store"))
# how outlets run a wire's story, as the story tests have them (one place)
from test_stories_fixture_joins import agency, courier

ROOT = Path(__file__).resolve().parents[1]
NLP = ROOT / "tests" / "data" / "nlp"
EVERY = 10**9  # a rule's limits high enough to be none: every candidate, as before round 55
NOW = datetime.now(UTC).replace(microsecond=0)


def real_texts(shared: Path) -> list[tuple[str, str]]:
    """(title, text) of the development texts: never a blind or held-out set."""
    found: list[tuple[str, str]] = []
    wikinews = shared / "wikinews" / "articles.jsonl"
    if wikinews.is_file():
        for line in wikinews.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                found.append((row.get("title") or "", row.get("text") or ""))
    folders = [NLP, *sorted(p for p in NLP.glob("wikinews-dev*") if p.is_dir()), NLP / "dev2"]
    for folder in folders:
        if "blind" in folder.name or "heldout" in folder.name:
            continue
        for path in sorted(folder.glob("*.json")):
            data = json.loads(path.read_text("utf-8"))
            if isinstance(data, dict) and isinstance(data.get("text"), str):
                title = (data.get("source") or {}).get("title") or path.stem
                found.append((title, data["text"]))
    return found


def outlets(texts: list[tuple[str, str]]) -> dict[str, list[Article]]:
    """Three feeds: the wire runs every text, the courier every third, the agency every fifth
    (as above); the courier's and agency's others are the wire's next texts, their own."""

    def article(feed: str, n: int, title: str, text: str) -> Article:
        return Article(
            title=title, text=text, guid=f"{feed}{n}", published=NOW - timedelta(minutes=n)
        )

    return {
        "wire": [article("w", n, t, x) for n, (t, x) in enumerate(texts)],
        "courier": [article("c", n, t, courier(x)) for n, (t, x) in enumerate(texts) if n % 3 == 0],
        "agency": [article("a", n, t, agency(x)) for n, (t, x) in enumerate(texts) if n % 5 == 0],
    }


def templated(count: int) -> dict[str, list[Article]]:
    """Look-alike texts (bench/stories_lookalike.py's template) in three feeds, a tenth of the
    second and third feeds' real copies of the first's."""
    sys.path.insert(0, str(ROOT / "bench"))
    from stories_lookalike import own_paragraph
    from stories_lookalike import templated as filled

    rng = random.Random(55)
    feeds: dict[str, list[Article]] = {}
    for f, feed in enumerate(["bulletins", "weather", "regional"]):
        feeds[feed] = [
            Article(
                title=f"Forecast {n}",
                text=filled(rng, n + f * count, own_paragraph(n) if n % 10 == 0 else ""),
                guid=f"{feed}{n}",
                published=NOW - timedelta(minutes=n + f),
            )
            for n in range(count)
        ]
    return feeds


@contextmanager
def rule(most_compared: int, band_newest: int) -> Iterator[None]:
    """The candidate rule's limits, for a while."""
    kept = stories.MOST_COMPARED, stories.BAND_NEWEST
    stories.MOST_COMPARED, stories.BAND_NEWEST = most_compared, band_newest
    try:
        yield
    finally:
        stories.MOST_COMPARED, stories.BAND_NEWEST = kept


def joined_from_scratch(path: Path) -> dict[int, frozenset[int]]:
    """Every story forgotten and found again: each article's story (its versions' ids)."""
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM story_bands")
        conn.execute("DELETE FROM stories")
        conn.execute("DELETE FROM stories_left")
    with Library.open(path) as lib:
        lib.find_stories(10**6, pause=lambda: None)  # every article, in one run
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT article_id, story_id FROM stories").fetchall()
    members: dict[int, set[int]] = {}
    for article_id, story_id in rows:
        members.setdefault(story_id, set()).add(article_id)
    return {a: frozenset(members[s]) for a, s in rows}


def compare(name: str, path: Path, titles: Callable[[int], str]) -> int:
    """Join `path`'s store by each rule; print the differences; returns how many articles'
    stories differ."""
    with rule(EVERY, EVERY):
        before = joined_from_scratch(path)
    after = joined_from_scratch(path)
    several = {s for s in after.values() if len(s) > 1}
    differ = sorted(a for a in before.keys() | after.keys() if before.get(a) != after.get(a))
    print(
        f"{name}: {len(after)} articles, {len(several)} stories of two versions or more, "
        f"{len(differ)} articles in another story"
    )
    for article_id in differ[:20]:
        was = sorted(before.get(article_id, frozenset()))
        now = sorted(after.get(article_id, frozenset()))
        print(f"  {article_id} {titles(article_id)!r}: every candidate {was}, now {now}")
    return len(differ)


def stored(folder: Path, name: str, feeds: dict[str, list[Article]]) -> Path:
    """A store of these feeds' articles."""
    path = folder / f"{name}.db"
    with Library.open(path) as lib:
        for feed, articles in feeds.items():
            lib.save_batch(lib.register_source(f"https://{feed}.example/feed", feed), articles)
    return path


def title_of(path: Path) -> Callable[[int], str]:
    """An article's title in the store at `path`."""

    def title(article_id: int) -> str:
        with sqlite3.connect(path) as conn:
            row = conn.execute("SELECT title FROM articles WHERE id = ?", [article_id]).fetchone()
        return str(row[0]) if row else "?"

    return title


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    from newstui.demo import build_demo_db

    real_differ = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        demo = folder / "demo.db"
        build_demo_db(demo)
        real_differ += compare("demo store", demo, title_of(demo))
        texts = real_texts(args.shared)
        path = stored(folder, "real", outlets(texts))
        real_differ += compare(f"real texts ({len(texts)}, 3 outlets)", path, title_of(path))
        fixture = [t for t in texts if t][:40]
        path = stored(folder, "fixture", outlets(fixture))
        real_differ += compare("the story tests' shape (40 texts)", path, title_of(path))
        path = stored(folder, "templated", templated(600))
        compare("templated, 3 feeds x 600 (may differ)", path, title_of(path))
    print("same stories on real texts" if not real_differ else "DIFFERENT stories on real texts")
    return 1 if real_differ else 0


if __name__ == "__main__":
    sys.exit(main())
