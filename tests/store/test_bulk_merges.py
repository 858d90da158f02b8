"""The article indexes merge their segments six at a time once a store holds new articles: the
same search results, no write of its own, and a store any newstui reads."""

import random
import sqlite3

from newstui.library import Library
from newstui.model import Article
from newstui.query import parse_query
from newstui.store.opening import open_db
from newstui.store.schema import SCHEMA_VERSION

INDEXES = ("articles_fts", "articles_prefix_fts")
WORDS = "flood harbour council evacuated tokyo 東京都 river bank storm mayor".split()


def automerge(path) -> list[int | None]:
    """Each article index's automerge setting as another process reads it (None: FTS5's 4)."""
    conn = sqlite3.connect(path)
    try:
        found = [
            conn.execute(f"SELECT v FROM {index}_config WHERE k = 'automerge'").fetchone()
            for index in INDEXES
        ]
    finally:
        conn.close()
    return [row[0] if row else None for row in found]


def store_many(library: Library, feeds: int = 30) -> None:
    """`feeds` transactions of 20 articles of 300 words, half of them rare: with 30, enough
    index pages for merges to happen and to differ (SQLite 3.40: 8 segments left merging four
    at a time, 7 merging six)."""
    rng = random.Random(3)
    for f in range(feeds):
        feed = library.register_source(f"local:/f{f}", f"Feed {f}", kind="local")
        library.save_batch(
            feed,
            [
                Article(
                    f"Story {f}-{i} {WORDS[(f + i) % len(WORDS)]}",
                    " ".join(
                        f"{WORDS[(f * i + j) % len(WORDS)]} w{rng.randrange(20_000)}"
                        for j in range(150)
                    ),
                    guid=f"{f}-{i}",
                )
                for i in range(20)
            ],
        )


def answers(library: Library) -> list[list[int]]:
    queries = ["flood", "evac*", "toky*", "東京", '"story 3"', "title:storm -title:mayor"]
    return [[row.id for row in library.search(parse_query(q), limit=10_000)] for q in queries]


def test_a_store_merges_its_article_indexes_six_segments_at_a_time_once_it_stores_articles(
    tmp_path,
):
    path = tmp_path / "n.db"
    library = Library.open(path)
    library.register_source("local:/f", "F", kind="local")
    before = automerge(path)
    store_many(library, 1)
    library.close()

    assert before == [None, None]  # a new store as FTS5 makes it
    assert automerge(path) == [6, 6]


def test_an_older_store_merging_four_at_a_time_is_set_at_its_next_new_article(tmp_path):
    path = tmp_path / "n.db"
    Library.open(path).close()
    conn = sqlite3.connect(path)
    for index in INDEXES:  # as a store an older newstui wrote may say
        conn.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('automerge', 4)")
    conn.commit()
    conn.close()
    library = Library.open(path)
    store_many(library, 1)
    library.close()

    assert automerge(path) == [6, 6]


def test_articles_stored_merging_six_at_a_time_are_found_as_when_merged_four_at_a_time(tmp_path):
    found = []
    for six in (False, True):
        db = open_db(tmp_path / f"{six}.db")
        db.merges_set = not six  # (False: left at FTS5's 4, as before)
        library = Library(db)
        store_many(library)
        for index in INDEXES:  # each index holds what its texts say
            db.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('integrity-check', 1)")
        found.append(answers(library))
        library.close()

    assert automerge(tmp_path / "False.db") == [None, None]
    assert automerge(tmp_path / "True.db") == [6, 6]
    assert found[0] == found[1]
    assert all(found[0])


def test_a_store_merging_six_at_a_time_is_read_by_plain_sqlite_at_the_same_schema(tmp_path):
    path = tmp_path / "n.db"
    library = Library.open(path)
    store_many(library, 3)
    expected = answers(library)[0]
    library.close()

    conn = sqlite3.connect(path)  # what an older newstui sees
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    rows = conn.execute(
        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'flood'"
    ).fetchall()
    conn.close()

    assert automerge(path) == [6, 6]
    assert version == SCHEMA_VERSION
    assert sorted(r for (r,) in rows) == sorted(expected)


def test_storing_nothing_new_writes_nothing(tmp_path):
    path = tmp_path / "n.db"
    library = Library.open(path)
    feed = library.register_source("local:/f", "F", kind="local")
    commits: list[str] = []
    library._db.conn.set_trace_callback(
        lambda sql: commits.append(sql) if sql == "COMMIT" else None
    )
    library.save_batch(feed, [])
    library._db.conn.set_trace_callback(None)
    library.close()

    assert automerge(path) == [None, None]
