"""The schema's steps 1 to 8 (MIGRATIONS[0:8]): the first tables, then surname keys, sources from
the config, sync, quotes by speaker, hide filters, claimed dates and one copy of each text."""

from __future__ import annotations

_V1 = [
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,          -- the feed URL, or "local:" + path
        kind TEXT NOT NULL DEFAULT 'feed', -- 'feed' or 'local'
        name TEXT NOT NULL,
        url TEXT,
        tags TEXT NOT NULL DEFAULT '[]',   -- JSON list
        title TEXT,
        site_url TEXT,
        etag TEXT,
        last_modified TEXT,
        last_fetched TEXT,
        last_status INTEGER,
        last_error TEXT
    )
    """,
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT NOT NULL,                -- identity within the feed
        url TEXT,
        title TEXT NOT NULL,
        author TEXT,
        published TEXT,                    -- ISO 8601 UTC or NULL
        first_seen TEXT NOT NULL,
        sort_date TEXT NOT NULL,           -- published, else first_seen
        summary TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        links TEXT NOT NULL DEFAULT '[]',  -- JSON list of {text, url, kind}
        content_hash TEXT NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        fulltext_status TEXT,              -- NULL, 'ok', 'failed', 'gone', 'skipped'
        fulltext_error TEXT,
        nlp_version TEXT,
        UNIQUE (feed_id, guid)
    )
    """,
    "CREATE INDEX articles_sort ON articles (sort_date DESC, id DESC)",
    "CREATE INDEX articles_feed_sort ON articles (feed_id, sort_date DESC, id DESC)",
    "CREATE INDEX articles_unread ON articles (read, sort_date DESC)",
    "CREATE INDEX articles_starred ON articles (starred) WHERE starred = 1",
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, author, text, content='articles', content_rowid='id', tokenize='porter unicode61'
    )
    """,
    """
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, author, text)
        VALUES (new.id, new.title, new.author, new.text);
    END
    """,
    """
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, author, text)
        VALUES ('delete', old.id, old.title, old.author, old.text);
    END
    """,
    """
    CREATE TRIGGER articles_au AFTER UPDATE OF title, author, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, author, text)
        VALUES ('delete', old.id, old.title, old.author, old.text);
        INSERT INTO articles_fts (rowid, title, author, text)
        VALUES (new.id, new.title, new.author, new.text);
    END
    """,
    """
    CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,          -- type + canonical key: one row per real-world entity
        name TEXT NOT NULL,
        type TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE mentions (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, start)
    )
    """,
    "CREATE INDEX mentions_entity ON mentions (entity_id, article_id)",
    """
    CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        speaker_entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL
    )
    """,
    "CREATE INDEX quotes_article ON quotes (article_id)",
    "CREATE INDEX quotes_speaker ON quotes (speaker)",
]

# v2: a PERSON's surname key, so "Assad" in one article joins "Bashar al-Assad" from another;
# the digest of a feed's last document, so an unchanged feed is not parsed again.
_V2 = [
    "ALTER TABLE entities ADD COLUMN short_key TEXT",
    "CREATE INDEX entities_short_key ON entities (short_key) WHERE short_key IS NOT NULL",
    "CREATE INDEX articles_feed_url ON articles (feed_id, url)",
    "ALTER TABLE feeds ADD COLUMN body_hash TEXT",  # digest of the last document parsed
]

# v3: which sources come from the config file (a source that leaves it is removed on the next
# fetch) and removed sources kept only for their starred articles (hidden from the source lists).
_V3 = [
    "ALTER TABLE feeds ADD COLUMN configured INTEGER NOT NULL DEFAULT 0",
    "UPDATE feeds SET configured = 1 WHERE kind = 'feed'",
    "ALTER TABLE feeds ADD COLUMN removed TEXT",  # when it was removed, NULL while it is listed
]

# v4: sync with a Google Reader API server. Which stored article is which server item, which source
# is which server subscription, the queue of read/starred changes made here and not yet pushed, and
# the sync cursor and outcome. A trigger fills the queue from every change of a synced article's
# read or starred flag, whoever makes it; the sync itself sets `applying` while it writes the
# server's state, so its own changes are not queued back.
_V4 = [
    """
    CREATE TABLE sync_items (
        item_id INTEGER PRIMARY KEY,       -- the server's item id as a signed 64-bit number
        article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
        crawled_usec INTEGER NOT NULL DEFAULT 0
    )
    """,
    """
    CREATE TABLE sync_feeds (
        feed_id INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
        stream_id TEXT NOT NULL UNIQUE,    -- the server's subscription id, e.g. feed/12
        folders TEXT NOT NULL DEFAULT '[]' -- JSON list of the server's folders (labels)
    )
    """,
    """
    CREATE TABLE sync_queue (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        field TEXT NOT NULL CHECK (field IN ('read', 'starred')),
        value INTEGER NOT NULL,
        queued_at TEXT NOT NULL,
        PRIMARY KEY (article_id, field)
    )
    """,
    "CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT)",
    """
    CREATE TRIGGER sync_queue_read AFTER UPDATE OF read ON articles
    WHEN new.read IS NOT old.read
        AND EXISTS (SELECT 1 FROM sync_items WHERE article_id = new.id)
        AND (SELECT value FROM sync_state WHERE key = 'applying') IS NOT '1'
    BEGIN
        INSERT INTO sync_queue (article_id, field, value, queued_at)
        VALUES (new.id, 'read', new.read, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'))
        ON CONFLICT (article_id, field) DO UPDATE SET value = excluded.value,
            queued_at = excluded.queued_at;
    END
    """,
    """
    CREATE TRIGGER sync_queue_starred AFTER UPDATE OF starred ON articles
    WHEN new.starred IS NOT old.starred
        AND EXISTS (SELECT 1 FROM sync_items WHERE article_id = new.id)
        AND (SELECT value FROM sync_state WHERE key = 'applying') IS NOT '1'
    BEGIN
        INSERT INTO sync_queue (article_id, field, value, queued_at)
        VALUES (new.id, 'starred', new.starred, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now'))
        ON CONFLICT (article_id, field) DO UPDATE SET value = excluded.value,
            queued_at = excluded.queued_at;
    END
    """,
]

# v5: quotes by speaker entity (the query language's speaker:) without a scan of every quote.
_V5 = [
    "CREATE INDEX quotes_speaker_entity ON quotes (speaker_entity_id)",
]

# v6: articles hidden by a filter (kept, shown only in the Hidden view), what each filter matched,
# and indexes that answer queries without reading article rows (they carry the whole text): a
# covering index in list order with the flags filters test, and partial indexes for has:.
_V6 = [
    "ALTER TABLE articles ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX articles_listing ON articles (sort_date DESC, id DESC, feed_id, read, starred)",
    "CREATE INDEX articles_hidden ON articles (id) WHERE hidden = 1",
    """CREATE INDEX articles_enclosures ON articles (id)
    WHERE instr(links, '"kind": "enclosure"') > 0""",
    "CREATE INDEX articles_fulltext ON articles (id) WHERE fulltext_status = 'ok'",
    """
    CREATE TABLE filter_counts (
        query TEXT NOT NULL,               -- the filter's query, as written in feeds.toml
        action TEXT NOT NULL,              -- 'hide' or 'read'
        matched INTEGER NOT NULL DEFAULT 0,
        through_id INTEGER NOT NULL DEFAULT 0,  -- articles up to this id have been seen by it
        last_matched TEXT,
        PRIMARY KEY (query, action)
    )
    """,
]

# v7: a publish date more than a day after the article was first seen is only a claim (a feed
# saying 9999-12-31): such articles sort by when they were fetched, as new ones now do on insert.
_V7 = [
    """
    UPDATE articles SET sort_date = first_seen
    WHERE published IS NOT NULL AND sort_date = published
        AND published > strftime('%Y-%m-%dT%H:%M:%S+00:00', first_seen, '+1 day')
    """,
]

# v8: one copy of each text. A summary equal to the text is stored as '' (read back as the text);
# mentions and quotes keep offsets only (their words are substr of the article text, which any
# change of text re-analyses); mentions are keyed by (article, start) without a separate rowid.
_V8 = [
    "UPDATE articles SET summary = '' WHERE summary = text",
    """
    CREATE TABLE mentions_v8 (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        PRIMARY KEY (article_id, start)
    ) WITHOUT ROWID
    """,
    "INSERT INTO mentions_v8 SELECT article_id, entity_id, start, end FROM mentions",
    "DROP TABLE mentions",
    "ALTER TABLE mentions_v8 RENAME TO mentions",
    "CREATE INDEX mentions_entity ON mentions (entity_id, article_id)",
    "ALTER TABLE quotes DROP COLUMN text",
]

# schema.MIGRATIONS' steps 1 to 8
V1_V8: list[list[str]] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8]
