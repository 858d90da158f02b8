"""Benchmark schema 55's upgrade: the full-text indexes read again when their words hold a Latin
letter search now reads as others (Ł ł, Ø ø, Æ æ, Þ þ…).

    python bench/latin_reindex.py [--articles 100000] [--latin 0.05] [--db PATH]

Builds a store of articles made of real Wikinews paragraphs (../shared/wikinews, CC BY 2.5), a
share `--latin` of them naming Łódź, Øresund, Æble, Þingvellir…, indexed as schema 54 read them
(those letters kept), and marks it schema 54. Then times what the next open does: the look
ahead a command makes (upgrade_ahead: is a slow upgrade ahead?), and the open itself (the
migration's look through each index's words and, with such words, the rebuild of the articles'
indexes and the quotes'). `--latin 0`: a store without such letters (the look alone). The
store is copied first, so `--db` may be given again. Never part of the test suite.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from cjk_search import CORPUS, paragraphs

from newstui.library import Library
from newstui.model import Article
from newstui.store import open_db, search_fold
from newstui.store.before_open import upgrade_ahead
from newstui.store.schema import LATIN_BASE_REINDEX_AT

NAMES = (
    "Łódź",
    "Øresund",
    "Æble",
    "Þingvellir",
    "Wrocław",
    "Gdańsk",
    "Ålesund og Tromsø",
    "Ærø",
    "Đà Nẵng",
    "Ħamrun",
    "Œuvre",
)


def as_schema_54() -> None:
    """search_words as schema 54 read texts: these letters kept (ı was already i)."""
    folds, latin = search_fold._patterns_before_55()
    marks = search_fold._patterns()[1]
    search_fold._patterns = lambda: (folds, marks)  # type: ignore[method-assign]
    search_fold._latin_letters = lambda: latin  # type: ignore[method-assign]


def build(path: Path, count: int, latin: float, corpus: Path) -> float:
    """Store `count` articles, a share `latin` naming places written with such letters, as
    schema 54 indexed them; returns the seconds it took."""
    rng = random.Random(7)
    paras, titles = paragraphs(corpus)
    started = time.perf_counter()
    library = Library.open(path)
    feed = library.register_source("https://bench.example/feed.xml", "Bench")
    for start in range(0, count, 1000):
        batch = []
        for i in range(start, min(start + 1000, count)):
            title = f"{rng.choice(titles)} ({i})"
            chosen = rng.sample(paras, 8)
            if rng.random() < latin:
                chosen[3] = f"{chosen[3]} Reported from {rng.choice(NAMES)}."
            text = "\n\n".join(chosen)
            batch.append(Article(title=title, text=text, guid=str(i), url=f"https://b.example/{i}"))
        library.bulk_insert(feed, batch)
    library.close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {LATIN_BASE_REINDEX_AT - 1}")
    conn.close()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--latin", type=float, default=0.05, help="share naming Łódź, Øresund…")
    parser.add_argument("--db", type=Path, help="reuse (or create) this schema-54 store")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    if not args.corpus.is_file():
        sys.exit(f"no corpus at {args.corpus} (../shared/wikinews/articles.jsonl)")
    with tempfile.TemporaryDirectory() as tmp:
        kept = args.db or Path(tmp) / "bench-latin.db"
        if not kept.exists():
            real = (search_fold._patterns, search_fold._latin_letters)
            as_schema_54()
            took = build(kept, args.articles, args.latin, args.corpus)
            search_fold._patterns, search_fold._latin_letters = real  # type: ignore[method-assign]
            print(
                f"stored {args.articles:,} articles ({args.latin:.0%} naming Łódź…) in {took:.0f} s"
            )
        path = Path(tmp) / "upgraded.db"
        shutil.copyfile(kept, path)
        print(f"file {path.stat().st_size / 1e6:.0f} MB")
        t = time.perf_counter()
        ahead = upgrade_ahead(path)
        print(f"look ahead: {time.perf_counter() - t:.2f} s ({ahead:,} articles: slow upgrade)")
        t, cpu = time.perf_counter(), time.process_time()
        db = open_db(path)
        wall, cpu = time.perf_counter() - t, time.process_time() - cpu
        print(f"upgrade (open_db): {wall:.1f} s wall, {cpu:.1f} s CPU")
        found = db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'lodz'")
        print(f"`lodz` now finds {found.fetchone()[0]:,} articles")
        db.conn.close()


if __name__ == "__main__":
    main()
