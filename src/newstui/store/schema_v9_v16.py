"""The schema's steps 9 to 16: quotes' words, server politeness, stories, the quote index, removed
articles, entity names, the download queue and a smaller store."""

from __future__ import annotations

# v9: quotes keep their words again (a few per cent of the store): `quotes:"…"` scans the short
# quote rows instead of reading every quoted article's text (285 ms → tens of ms at 20,000).
_V9 = [
    "ALTER TABLE quotes ADD COLUMN text TEXT NOT NULL DEFAULT ''",
    """
    UPDATE quotes SET text = (
        SELECT substr(a.text, quotes.start + 1, quotes.end - quotes.start)
        FROM articles a WHERE a.id = quotes.article_id
    )
    """,
]

# v10: server politeness: failures in a row, and the time before which a feed is not fetched
# again unless asked for by name (Retry-After, backoff).
_V10 = [
    "ALTER TABLE feeds ADD COLUMN failures INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE feeds ADD COLUMN next_try TEXT",  # ISO 8601 UTC, NULL: at the next refresh
]


# v11: one story once. Each recent article's MinHash sketch and story (the id of the first article
# of the story; a copy in another feed points at it), and its LSH band keys to find candidates.
_V11 = [
    """
    CREATE TABLE stories (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL,
        sketch BLOB                        -- NULL: too short to compare
    )
    """,
    "CREATE INDEX stories_story ON stories (story_id)",
    "CREATE INDEX stories_copies ON stories (article_id) WHERE story_id != article_id",
    """
    CREATE TABLE story_bands (
        key INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    )
    """,
    "CREATE INDEX story_bands_key ON story_bands (key)",
    "CREATE INDEX story_bands_article ON story_bands (article_id)",
]

# v12: the words of quotes in an FTS5 index (kept by triggers, whoever writes quotes), so
# `quotes:"we will build"` finds the quotes saying those words without reading every quote.
# Written to be replayed on a store that already has them (tests rewind versions).
_V12 = [
    """
    CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
        text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    )
    """,
    "INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')",
    """
    CREATE TRIGGER IF NOT EXISTS quotes_fts_ai AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS quotes_fts_ad AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS quotes_fts_au AFTER UPDATE OF text ON quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
    END
    """,
]

# v13: articles removed by retention (`newstui cleanup`, keep_days / keep_per_feed): a feed that
# still offers one must not bring it back as new. `seen` is the last time a fetch offered it; one
# not offered for a while is forgotten (store/retention.py).
_V13 = [
    """
    CREATE TABLE IF NOT EXISTS retired_articles (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT NOT NULL,                -- the article's identity within the feed
        seen TEXT NOT NULL,
        PRIMARY KEY (feed_id, guid)
    ) WITHOUT ROWID
    """,
]

# v14: the other names articles use for an entity (a mention's words: "the ECB" for the European
# Central Bank), keyed like entities.key, so `org:ECB` finds it. Learnt as articles are analysed.
_V14 = [
    """
    CREATE TABLE IF NOT EXISTS entity_names (
        key TEXT NOT NULL,                 -- type + canonical key of the name, as entities.key
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        PRIMARY KEY (key, entity_id)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX IF NOT EXISTS entity_names_entity ON entity_names (entity_id)",
]

# v15: the download queue of enclosures (podcasts). A row outlives its article (retention or a
# removed feed sets article_id NULL): the file on disk stays listed and playable.
_V15 = [
    """
    CREATE TABLE IF NOT EXISTS downloads (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        title TEXT NOT NULL DEFAULT '',    -- the article's title when queued
        mime TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL DEFAULT 'queued'
            CHECK (state IN ('queued', 'downloading', 'done', 'failed')),
        path TEXT NOT NULL,                -- the file; PATH.part while it arrives
        bytes_done INTEGER NOT NULL DEFAULT 0,
        bytes_total INTEGER,               -- NULL: unknown
        error TEXT,
        queued_at TEXT NOT NULL,
        touched_at TEXT,                   -- last progress written by the downloading process
        owner INTEGER,                     -- the process id downloading it
        finished_at TEXT
    )
    """,
    "CREATE INDEX IF NOT EXISTS downloads_article ON downloads (article_id)",
]

# v16: a smaller store. articles_sort is the first two columns of articles_listing (every query
# it served uses that one); story band keys are 32 bits (a collision only adds a candidate the
# sketch comparison rejects) in a WITHOUT ROWID table; the quote index keeps no column sizes
# (only MATCH and rowid are asked of it; bm25 ranks articles, never quotes). Replayable.
_V16 = [
    "DROP INDEX IF EXISTS articles_sort",
    """
    CREATE TABLE story_bands_v16 (
        key INTEGER NOT NULL,              -- low 32 bits of the band's hash
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (key, article_id)
    ) WITHOUT ROWID
    """,
    """INSERT OR IGNORE INTO story_bands_v16 (key, article_id)
    SELECT key & 4294967295, article_id FROM story_bands""",
    "DROP TABLE story_bands",
    "ALTER TABLE story_bands_v16 RENAME TO story_bands",
    "CREATE INDEX story_bands_article ON story_bands (article_id)",
    "DROP TABLE IF EXISTS quotes_fts",
    """
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
        columnsize=0
    )
    """,
    "INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')",
]

# schema.MIGRATIONS' steps 9 to 16
V9_V16: list[list[str]] = [_V9, _V10, _V11, _V12, _V13, _V14, _V15, _V16]
