"""`entities --type`/`--name` read each entity once: SQLite's work grows with the store, not with
its square (user test r54 MED-3: `entities --type PERSON` took 13.6 CPU-s on 20,000 articles,
SQLite reading every person again for each person). Counted in SQLite's steps, not timed."""

from __future__ import annotations

import pytest

from newstui.library import Library
from newstui.model import Analysis, Article, Entity, Mention
from newstui.nlp import canonical_key, query_keys, short_key


def store_of(path, people: int) -> Library:
    """`people` people, each named in one article of its own, and a place in each."""
    library = Library.open(path)
    source = library.register_source("https://wire.example/feed", "Wire Service")
    names = [f"Alria Person{i:05d}" for i in range(people)]
    library.save_batch(source, [Article(title=n, text=n, guid=n) for n in names])
    ids = {row.title: row.id for row in library.articles(limit=None)}
    library.save_analyses(
        [
            (
                ids[n],
                Analysis(
                    (
                        Entity(n, "PERSON", (Mention(0, len(n), n),)),
                        Entity("Reykjavik", "PLACE", (Mention(0, 1, "R"),)),
                    )
                ),
            )
            for n in names
        ],
        "v1",
        canonical_key,
        short_key,
    )
    return library


def steps(library: Library, **kwargs) -> int:
    """SQLite's steps (in thousands of VM instructions) to list the first 40 entities."""
    counted = [0]

    def step() -> int:
        counted[0] += 1
        return 0

    conn = library._db.conn
    library.entities_counted(limit=40, **kwargs)  # (the folds: worked out once)
    conn.set_progress_handler(step, 1000)
    try:
        rows, _ = library.entities_counted(limit=40, **kwargs)
    finally:
        conn.set_progress_handler(None, 1000)
    assert rows
    return counted[0]


@pytest.mark.parametrize(
    "kwargs",
    [{}, {"type_": "PERSON"}, {"type_": "PERSON", "name_keys": query_keys("Alria", "PERSON")}],
    ids=["all", "type", "type and name"],
)
def test_listing_entities_grows_with_the_store_not_its_square(tmp_path, kwargs):
    small = store_of(tmp_path / "small.db", 300)
    big = store_of(tmp_path / "big.db", 1200)
    try:
        few, many = steps(small, **kwargs), steps(big, **kwargs)
    finally:
        small.close()
        big.close()
    assert many < 6 * max(few, 1)  # 4 × the people: ~4 × the work (16 × when it was squared)
