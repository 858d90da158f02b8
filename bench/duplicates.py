"""Measure one story once (near-duplicate detection) on real news text from ../shared/wikinews.

    python bench/duplicates.py [--wikinews PATH] [--seed N]

Test set (built here, never shipped): each Wikinews article (CC BY 2.5, © Wikinews contributors;
texts changed as described) not listed in /work/annot/selection.json (without it: the first
READABLE_LINES, before the blind ones) becomes
- a near-duplicate pair: the article and a copy as another outlet runs it: another headline, a
  byline, boilerplate lines, and cuts (the last quarter to half, or a middle paragraph, or a few
  words changed), and
- different-story pairs with every other article, the hardest being same-topic stories
  (candidate interviews with the same questions, primaries of one election).
Reports pairwise precision/recall per threshold, then the real pipeline: every article and copy
stored in feeds of one store, `find_stories`, and what it joined, and the cost per 1,000 new
articles. Never part of the test suite.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from newstui.library import Library
from newstui.model import Article
from newstui.stories import SAME_STORY, similarity, sketch

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "wikinews" / "articles.jsonl"
SELECTION = Path("/work/annot/selection.json")
READABLE_LINES = 119  # lines of SHARED before its blind ones (tools/nlp_identity.py)
BYLINES = ["By Staff Reporter", "By our correspondent, AFP", "Reuters —", "From wire reports"]
BOILERPLATE = [
    "Sign up for our newsletter to get the day's top stories.",
    "Copyright 2026 The Daily Courier. All rights reserved.",
    "Related: more stories from this region.",
    "This article was amended to correct a spelling.",
]


def excluded_lines() -> set[int]:
    """Lines of the annotation selection (either 0- or 1-based counting), never used here."""
    if not SELECTION.exists():
        return set()
    chosen = json.loads(SELECTION.read_text("utf-8"))
    numbers = {n for group in chosen.values() for n in group}
    return numbers | {n - 1 for n in numbers}


def wikinews_rows(path: Path) -> list[dict[str, str]]:
    """The articles this bench may use: those outside the annotation selection; without it,
    the lines before the blind ones only (as tools/nlp_identity.py: not read past them)."""
    skip = excluded_lines()
    stop = None if SELECTION.exists() else READABLE_LINES
    with path.open(encoding="utf-8") as lines:
        return [
            json.loads(line)
            for i, line in enumerate(itertools.islice(lines, stop))
            if i not in skip and line.strip()
        ]


def copy_as_outlet(text: str, rng: random.Random) -> str:
    """The same story as another outlet runs it."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    cut = rng.choice(["end", "middle", "words"])
    if cut == "end" and len(paragraphs) > 3:
        paragraphs = paragraphs[: max(2, round(len(paragraphs) * rng.uniform(0.5, 0.75)))]
    elif cut == "middle" and len(paragraphs) > 3:
        del paragraphs[rng.randrange(1, len(paragraphs) - 1)]
    else:
        words = " \n ".join(paragraphs).split(" ")
        for _ in range(max(1, len(words) // 40)):
            words[rng.randrange(len(words))] = rng.choice(["said", "the", "new", "local"])
        paragraphs = " ".join(words).split(" \n ")
    return "\n\n".join(
        [rng.choice(BYLINES), *paragraphs, *rng.sample(BOILERPLATE, rng.randint(1, 3))]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wikinews", type=Path, default=SHARED)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows = wikinews_rows(args.wikinews)
    originals = [r for r in rows if sketch(r["text"]) is not None]
    copies = [copy_as_outlet(r["text"], rng) for r in originals]
    print(f"{len(rows)} Wikinews articles after leaving out the annotation selection; ")
    print(f"{len(originals)} long enough to compare; one copy of each as another outlet.")

    sketches = [sketch(r["text"]) for r in originals]
    copy_sketches = [sketch(c) for c in copies]
    dup_scores = [
        similarity(a, b) if a and b else 0.0 for a, b in zip(sketches, copy_sketches, strict=True)
    ]
    different = sorted(
        (
            (similarity(a, b), i, j)
            for i, a in enumerate(sketches)
            for j, b in enumerate(sketches)
            if i < j and a and b
        ),
        reverse=True,
    )
    print(f"\npairwise: {len(dup_scores)} copy pairs, {len(different):,} different-story pairs")
    print("hardest different-story pairs (same topic):")
    for score, i, j in different[:4]:
        print(f"  {score:.2f}  {originals[i]['title'][:50]} | {originals[j]['title'][:50]}")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7}  (pairs)")
    for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        tp = sum(s >= threshold for s in dup_scores)
        fp = sum(s >= threshold for s, _, _ in different)
        precision = tp / (tp + fp) if tp + fp else 1.0
        mark = "  <- SAME_STORY" if threshold == SAME_STORY else ""
        print(f"{threshold:9.1f} {precision:9.3f} {tp / len(dup_scores):7.3f}{mark}")

    with tempfile.TemporaryDirectory() as tmp:
        library = Library.open(Path(tmp) / "dups.db")
        feeds = [
            library.register_source(f"https://outlet{n}.example/", f"Outlet {n}") for n in range(6)
        ]
        now = datetime.now(UTC)
        which: dict[int, int] = {}  # article id → index of the original it is (a copy of)
        home = {}
        for i, row in enumerate(originals):
            home[i] = rng.randrange(len(feeds))
            article = Article(title=row["title"], text=row["text"], guid=f"o{i}", published=now)
            which[library.save_batch(feeds[home[i]], [article]).changed_ids[0]] = i
        for i, text in enumerate(copies):
            other = rng.choice([f for n, f in enumerate(feeds) if n != home[i]])
            article = Article(title=f"Copy {i}", text=text, guid=f"c{i}", published=now)
            which[library.save_batch(other, [article]).changed_ids[0]] = i
        started = time.perf_counter()
        joined = library.find_stories()
        seconds = time.perf_counter() - started
        right = wrong = 0
        for article_id in which:
            story = library.story_versions(article_id)[0].article_id
            if story != article_id:
                if which[story] == which[article_id]:
                    right += 1
                else:
                    wrong += 1
        library.close()
    total = len(originals) + len(copies)
    print(f"\nstore pipeline: {total} articles in {len(feeds)} feeds, find_stories joined {joined}")
    precision = right / (right + wrong) if right + wrong else 1.0
    print(
        f"precision {precision:.3f} ({right} right, {wrong} wrong joins), "
        f"recall {right / len(copies):.3f}"
    )
    print(
        f"cost: {seconds * 1000 / total * 1000:.0f} ms per 1,000 new articles "
        "(sketch, LSH lookup, compare, store; a loaded 2-core machine)"
    )


if __name__ == "__main__":
    main()
