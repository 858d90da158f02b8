"""Benchmark the articles' full-text index on real English text, with or without CJK articles.

    python bench/cjk_search.py [--articles 10000] [--cjk 0.0] [--db PATH] [--rebuild]

Builds a store of articles made of real Wikinews paragraphs (../shared/wikinews, CC BY 2.5;
see its README), a share `--cjk` of them in Chinese and Japanese made up from a list of
phrases, stored as a fetch stores them (Library.bulk_insert: the index triggers run). Prints
the time to store them, the index's size and the file's, the time of a few searches, and with
`--rebuild` the time of a full rebuild of each index (what an upgrade to schema 28 runs on a
store holding CJK words; the prefix index's, schema 31's fill at an upgrade). Run it with one newstui and then another on the same arguments to
compare them. Never part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from newstui.library import Library
from newstui.model import Article, ArticleFilter
from newstui.nlp import query_keys
from newstui.query import parse_query

SHARED = os.environ.get("NEWSTUI_SHARED") or Path(__file__).resolve().parents[2] / "shared"
CORPUS = Path(SHARED) / "wikinews" / "articles.jsonl"
CJK_PHRASES = (
    "東京都は今日 大阪府の知事が記者会見で 新しい経済対策を発表した 政府は来年度の予算案を "
    "北京市 上海证券交易所 人工智能技术的发展 中华人民共和国国务院 台風の影響で 東京タワー "
    "京都の紅葉 日本銀行は金利を据え置いた 서울특별시 대한민국 정부는 오늘 발표했다"
).split()
QUERIES = [
    ("English word", "government"),
    ("English stem", "elections"),
    ("English phrase", '"prime minister"'),
    ("English prefix", "econom*"),
    ("prefix a stem cuts", "evacuat*"),
    ("prefix ending in y", "toky*"),
    ("CJK inside a word", "東京"),
    ("CJK phrase", "経済対策"),
    ("Korean inside a word", "서울"),
]


def paragraphs(corpus: Path) -> tuple[list[str], list[str]]:
    """The corpus's paragraphs and titles."""
    paras, titles = [], []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        titles.append(article["title"])
        paras += [p.strip() for p in article["text"].split("\n") if len(p.strip()) > 80]
    return paras, titles


def build(path: Path, count: int, cjk: float, corpus: Path) -> float:
    """Store `count` articles (a share `cjk` of them CJK); returns the seconds bulk_insert took."""
    rng = random.Random(7)
    paras, titles = paragraphs(corpus)
    library = Library.open(path)
    feed = library.register_source("https://bench.example/feed.xml", "Bench")
    took = 0.0
    for start in range(0, count, 1000):
        batch = []
        for i in range(start, min(start + 1000, count)):
            if rng.random() < cjk:
                title = "".join(rng.sample(CJK_PHRASES, 3))
                text = "。".join("".join(rng.sample(CJK_PHRASES, 5)) for _ in range(12))
            else:
                title = f"{rng.choice(titles)} ({i})"
                text = "\n\n".join(rng.sample(paras, 8))
            batch.append(Article(title=title, text=text, guid=str(i), url=f"https://b.example/{i}"))
        t = time.perf_counter()
        library.bulk_insert(feed, batch)
        took += time.perf_counter() - t
    library.close()
    return took


INDEXES = ("articles_fts", "articles_prefix_fts")  # (the second: schema 31's, for prefixes)


def present(library: Library) -> list[str]:
    """The articles' full-text indexes this store has."""
    conn = library._db.conn
    return [
        i
        for i in INDEXES
        if conn.execute(f"SELECT 1 FROM sqlite_master WHERE name = '{i}'").fetchone()
    ]


def index_bytes(library: Library, index: str = "articles_fts") -> int:
    """An articles' index's size: its blocks and its rows' sizes."""
    conn = library._db.conn
    data = conn.execute(f"SELECT total(length(block)) FROM {index}_data").fetchone()[0]
    sizes = conn.execute(f"SELECT total(length(sz)) FROM {index}_docsize").fetchone()[0]
    return int(data + sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--cjk", type=float, default=0.0, help="share of CJK articles (0-1)")
    parser.add_argument("--db", type=Path, help="reuse (or create) this database")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true", help="time a rebuild of the index")
    args = parser.parse_args()
    if not args.corpus.is_file():
        sys.exit(f"no corpus at {args.corpus} (../shared/wikinews/articles.jsonl)")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench-cjk.db"
        if not path.exists():
            took = build(path, args.articles, args.cjk, args.corpus)
            print(f"stored {args.articles:,} articles ({args.cjk:.0%} CJK) in {took:.2f} s")
        library = Library.open(path)
        sizes = ", ".join(f"{i} {index_bytes(library, i) / 1e6:.1f} MB" for i in present(library))
        print(f"indexes: {sizes}; file {path.stat().st_size / 1e6:.1f} MB")
        for label, text in QUERIES:
            query = parse_query(text, query_keys)
            samples, found = [], 0
            for _ in range(args.runs):
                library.forget_match_sets()
                t = time.perf_counter()
                found = library.count(ArticleFilter(query=query))
                library.search(query, limit=50)
                samples.append(time.perf_counter() - t)
            ms = statistics.median(samples) * 1000
            print(f"{label:22} {ms:7.1f} ms {found:7,} found  {text}")
        if args.rebuild:
            conn = library._db.conn
            for index in present(library):
                t = time.perf_counter()
                with conn:
                    conn.execute(f"INSERT INTO {index} ({index}) VALUES ('rebuild')")
                print(f"{index} rebuild: {time.perf_counter() - t:.1f} s")
        library.close()


if __name__ == "__main__":
    main()
