"""Link keys (schema 36): the upgrade that keys and indexes a store's articles by their link's key, and a
fetch's and a sync's look-up by it, at N and 2N articles. Prints seconds and ratios; asserts
nothing (the ratios should stay near 2: linear in the rows).

    PYTHONPATH=src python bench/link_keys.py [N]
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from newstui.model.link_key import link_key
from newstui.store.opening import open_db
from newstui.store.schema import MIGRATIONS
from newstui.store.sql_functions import add_text_functions

FEEDS = 20


def store_of_schema_35(path: Path, articles: int) -> None:
    """A store made by schema 35 with `articles` articles over FEEDS feeds, half of their links
    written with accents (a key that is not the link), half plain."""
    conn = sqlite3.connect(path)
    add_text_functions(conn)
    for statement in [s for migration in MIGRATIONS[:35] for s in migration]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 35")
    conn.executemany(
        "INSERT INTO feeds (id, key, name, url) VALUES (?, ?, ?, ?)",
        [
            (f, f"https://f{f}.example/rss", f"Feed {f}", f"https://f{f}.example/rss")
            for f in range(1, FEEDS + 1)
        ],
    )
    conn.executemany(
        "INSERT INTO articles (feed_id, guid, url, title, first_seen, sort_date, content_hash) "
        "VALUES (?, ?, ?, ?, '2026-12-01', '2026-12-01', 'h')",
        [
            (
                1 + n % FEEDS,
                f"guid:{n}",
                f"https://news.example/wiki/{'Vázquez' if n % 2 else 'Plain'}_{n}",
                f"Story {n}",
            )
            for n in range(articles)
        ],
    )
    conn.commit()
    conn.close()


def run(articles: int) -> tuple[float, float]:
    """Seconds of the upgrade, and of 1,000 look-ups by an encoded link."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "old.db"
        store_of_schema_35(path, articles)
        start = time.perf_counter()
        db = open_db(path)
        upgrade = time.perf_counter() - start
        wanted = [
            (1 + n % FEEDS, link_key(f"https://news.example/wiki/V%C3%A1zquez_{n}"))
            for n in range(1, 2000, 2)
        ]
        start = time.perf_counter()
        for feed_id, key in wanted:
            db.execute(
                "SELECT id FROM articles WHERE feed_id = ? AND coalesce(link_key, url) = ? LIMIT 1",
                [feed_id, key],
            ).fetchone()
        lookups = time.perf_counter() - start
        db.conn.close()
        return upgrade, lookups


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    small, large = run(n), run(2 * n)
    print(
        f"upgrade to schema 36: {n:,} articles {small[0]:.2f} s, {2 * n:,} {large[0]:.2f} s "
        f"({large[0] / small[0]:.2f}x)"
    )
    print(
        f"1,000 look-ups by link: {small[1] * 1000:.1f} ms, {large[1] * 1000:.1f} ms "
        f"({large[1] / small[1]:.2f}x)"
    )


if __name__ == "__main__":
    main()
