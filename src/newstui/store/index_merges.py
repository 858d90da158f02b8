"""How many segments the article indexes merge at a time (FTS5's `automerge`)."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from newstui.store.schema_sql import PREFIX_INDEX

if TYPE_CHECKING:
    from newstui.store.db import Database


# The article indexes merge their segments (b-trees) six at a time, not four (FTS5's
# `automerge`, kept in each index: 4 is FTS5's default, which every store had): fewer merges
# rewrite the words just stored. Storing a cold fetch's 10,000 articles took 7.3 % fewer
# instructions (callgrind: 9,635M -> 8,932M; eight at a time: -8.1 %). Results are the same
# however segments are merged, and a store of 100,000 articles stored so (15 and 10 segments,
# not 9 and 7) answered 13 text queries (bench/query.py's) in the same CPU, 364.1 against 363.7
# ms; eight at a time (18 and 15 segments) took 4 % more, its 50-word queries 7 % more.
AUTOMERGE = 6
MERGED_INDEXES = ("articles_fts", PREFIX_INDEX)


def merge_fewer_times(db: Database) -> None:
    """Have the article indexes merge AUTOMERGE segments at a time, set in the open transaction
    (the one that stores new articles: no transaction or commit of its own, so a fetch that
    stores nothing writes nothing) once per store, looked up once per connection once a
    write_transaction that set it committed: until then it is looked up again on each call,
    as a savepoint rolled back (a group of feeds saved one by one) takes the setting with it.
    No schema version: an older newstui reads and writes such a store as any other."""
    if db.merges_set or not db.conn.in_transaction:
        return
    conn = db.conn
    for index in MERGED_INDEXES:
        try:
            row = conn.execute(f"SELECT v FROM {index}_config WHERE k = 'automerge'").fetchone()
        except sqlite3.OperationalError:  # an older schema's store, written as it is (tests)
            continue
        if row is None or row[0] != AUTOMERGE:
            conn.execute(f"INSERT INTO {index} ({index}, rank) VALUES ('automerge', {AUTOMERGE})")
    db.merges_pending = True  # merges_set once committed (write_transaction)
