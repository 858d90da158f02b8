"""The schema as a list of migrations; MIGRATIONS[i] takes a database from version i to i+1."""

from __future__ import annotations

from collections.abc import Callable

from newstui.model.names import name_order_version
from newstui.store.cjk_words import CJK_GLOB
from newstui.store.search_fold import LATER_CASE_GLOB, LATIN_BASE_GLOB

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


def unpacked(value: str) -> str:
    """SQL for a stored text, summary or links as text. inflate() is a dict's lookup (C) of the
    texts being inserted, else zlib.decompress, or '' for a value that does not unpack (a
    damaged store; sql_functions.KnownTexts): a signal's exception raised inside it is kept and raised
    again once the statement fails (kept_stops.kept_stop), not lost to SQLite."""
    return (
        f"(CASE WHEN typeof({value}) = 'blob' THEN CAST(inflate({value}) AS TEXT) ELSE {value} END)"
    )


def quote_span(quote: str, text: str) -> str:
    """SQL for the words of quote row `quote` in the SQL text `text` of its article."""
    return f"substr({text}, {quote}.start + 1, {quote}.end - {quote}.start)"


def quote_words(quote: str, article: str = "a") -> str:
    """SQL for the words of quote row `quote`: its span of the text of article row `article`
    (stored texts are packed since schema 18; `unpacked` reads both forms)."""
    return quote_span(quote, unpacked(f"{article}.text"))


def indexed_quote_words(quote: str) -> str:
    """SQL for the words of quote row `quote` as the quote index reads them since schema 30:
    quote_words with each CJK character a word (cjk_apart, as the articles' index)."""
    return f"cjk_apart({quote_words(quote)})"


# The quote index forgets a quote's words as it goes (read from its article's text); an
# article's quotes go before its text changes. Made by schema 17, made again by 18.
_QUOTE_WORD_TRIGGERS = [
    f"""
    CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text)
        SELECT 'delete', old.id, {quote_words("old")} FROM articles a WHERE a.id = old.article_id;
    END
    """,
    f"""
    CREATE TRIGGER quotes_fts_au AFTER UPDATE OF article_id, start, end ON quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text)
        SELECT 'delete', old.id, {quote_words("old")} FROM articles a WHERE a.id = old.article_id;
        INSERT INTO quotes_fts (rowid, text)
        SELECT new.id, {quote_words("new")} FROM articles a WHERE a.id = new.article_id;
    END
    """,
    """
    CREATE TRIGGER articles_text_quotes BEFORE UPDATE OF text ON articles
    WHEN new.text IS NOT old.text BEGIN
        DELETE FROM quotes WHERE article_id = old.id;
    END
    """,
]

# v17: quote words stored once, in the article. A quote's words are its span of the article text;
# its index rows are written from that span, one statement per saved batch (the store does it:
# a trigger's per-row insert made FTS5 flush a tiny segment for every quote), and removed by
# triggers from the same span, so the quotes of an article go before its text changes or the
# article is deleted (the index would otherwise be given other words to forget). Replayable.
_V17 = [
    # (v25's articles triggers name quotes_fts, dropped below: a replay drops them too, for
    # the RENAME below re-reads every trigger; v18 makes them again)
    "DROP TRIGGER IF EXISTS articles_ad",
    "DROP TRIGGER IF EXISTS articles_au",
    "DROP TRIGGER IF EXISTS quotes_fts_ai",
    "DROP TRIGGER IF EXISTS quotes_fts_ad",
    "DROP TRIGGER IF EXISTS quotes_fts_au",
    "DROP TRIGGER IF EXISTS articles_text_quotes",
    "DROP TRIGGER IF EXISTS articles_delete_quotes",
    "DROP TABLE IF EXISTS quotes_fts",
    """
    CREATE TABLE quotes_v17 (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,            -- the words are substr(articles.text, start + 1, …)
        end INTEGER NOT NULL,
        speaker TEXT,
        speaker_entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL
    )
    """,
    """INSERT INTO quotes_v17 (id, article_id, start, end, speaker, speaker_entity_id)
    SELECT id, article_id, start, end, speaker, speaker_entity_id FROM quotes""",
    "DROP TABLE quotes",
    "ALTER TABLE quotes_v17 RENAME TO quotes",
    "CREATE INDEX quotes_article ON quotes (article_id)",
    "CREATE INDEX quotes_speaker ON quotes (speaker)",
    "CREATE INDEX quotes_speaker_entity ON quotes (speaker_entity_id)",
    """
    CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, content='', tokenize='unicode61 remove_diacritics 2', columnsize=0
    )
    """,
    f"""INSERT INTO quotes_fts (rowid, text)
    SELECT q.id, {quote_words("q")} FROM quotes q JOIN articles a ON a.id = q.article_id""",
    *_QUOTE_WORD_TRIGGERS,
    """
    CREATE TRIGGER articles_delete_quotes BEFORE DELETE ON articles BEGIN
        DELETE FROM quotes WHERE article_id = old.id;
    END
    """,
]


# The full-text index's trigger statements from v18 on: a row's words out (given the words as
# indexed: its old text unpacked) and in.
_FTS_FORGET_OLD = f"""INSERT INTO articles_fts (articles_fts, rowid, title, author, text)
        VALUES ('delete', old.id, old.title, old.author, {unpacked("old.text")});"""
_FTS_ADD_NEW = f"""INSERT INTO articles_fts (rowid, title, author, text)
        VALUES (new.id, new.title, new.author, {unpacked("new.text")});"""

# v18: texts, summaries and links stored compressed (zlib, when that is shorter: news text
# shrinks 2-3 times; a short text, and the links of an article with an enclosure, which the
# has:enclosure index reads, stay as they are). SQL reads either form back by `unpacked` (whose
# inflate() is zlib.decompress) and the migration packs by pack_text/pack_links; every connection
# of the store has them (sql_functions.add_text_functions). The full-text index
# reads its words through the view article_texts (snippets, its integrity check, 'rebuild'), so
# it is rebuilt once; the triggers give it the texts unpacked. Replayable.
_V18 = [
    "DROP TRIGGER IF EXISTS articles_ai",
    "DROP TRIGGER IF EXISTS articles_ad",
    "DROP TRIGGER IF EXISTS articles_au",
    "DROP TRIGGER IF EXISTS articles_text_quotes",
    "DROP TRIGGER IF EXISTS quotes_fts_ad",
    "DROP TRIGGER IF EXISTS quotes_fts_au",
    "DROP TABLE IF EXISTS articles_fts",
    """UPDATE articles SET text = pack_text(text), summary = pack_text(summary),
        links = pack_links(links)""",
    f"""
    CREATE VIEW IF NOT EXISTS article_texts AS
    SELECT id, title, author, {unpacked("text")} AS text FROM articles
    """,
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, author, text, content='article_texts', content_rowid='id',
        tokenize='porter unicode61'
    )
    """,
    "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
    f"""
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        {_FTS_ADD_NEW}
    END
    """,
    f"""
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        {_FTS_FORGET_OLD}
    END
    """,
    f"""
    CREATE TRIGGER articles_au AFTER UPDATE OF title, author, text ON articles BEGIN
        {_FTS_FORGET_OLD}
        {_FTS_ADD_NEW}
    END
    """,
    *_QUOTE_WORD_TRIGGERS,
]

# v19: the articles not analysed by the current extractor version (new, changed, left by an
# interrupted fetch, or analysed by an older version) found through an index instead of a read
# of every row: every fetch, refresh and app start can then look for them (store/analysis.py's
# NOT_AT_VERSION asks for them as ranges of this index). Replayable.
_V19 = [
    "CREATE INDEX IF NOT EXISTS articles_analysis ON articles (nlp_version)",
]
_ARTICLES_ANALYSIS = _V19[0]

# v20: story sketches hash each word once (stories.py `_shingle_hashes`: -40% CPU a sketch), and
# band keys are those of the stored sketch: older sketches and keys are made again. Articles
# recent enough to be compared (store/stories.py RECENT_DAYS) are sketched again from their
# texts (story_sketch and story_band_keys: sql_functions.add_text_functions); older ones keep their story
# but are no longer candidates (their sketch could never match a new one). Replayable.
_V20 = [
    "DELETE FROM story_bands",
    """UPDATE stories SET sketch = NULL WHERE sketch IS NOT NULL AND article_id IN (
        SELECT id FROM articles
        WHERE first_seen < strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now', '-14 days'))""",
    """UPDATE stories SET sketch = (
        SELECT story_sketch(a.text) FROM articles a WHERE a.id = stories.article_id)
    WHERE sketch IS NOT NULL""",
    """INSERT OR IGNORE INTO story_bands (key, article_id)
    SELECT k.value, s.article_id FROM stories s, json_each(story_band_keys(s.sketch)) k
    WHERE s.sketch IS NOT NULL""",
]

# v21: a download's number is never given to another one: `downloads --forget N` of the newest
# made the next queued download N again (INTEGER PRIMARY KEY reuses the largest id), so a number
# the user saw could name another file. AUTOINCREMENT keeps the largest number ever given in
# sqlite_sequence; the rows keep their numbers. Replayable.
_V21 = [
    "DROP TABLE IF EXISTS downloads_v21",
    """
    CREATE TABLE downloads_v21 (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    """INSERT INTO downloads_v21 (id, url, article_id, title, mime, state, path, bytes_done,
        bytes_total, error, queued_at, touched_at, owner, finished_at)
    SELECT id, url, article_id, title, mime, state, path, bytes_done, bytes_total, error,
        queued_at, touched_at, owner, finished_at FROM downloads""",
    "DROP TABLE downloads",
    "ALTER TABLE downloads_v21 RENAME TO downloads",
    "CREATE INDEX downloads_article ON downloads (article_id)",
]

# v22: band keys mix a band's bins by arithmetic (stories.stored_band_keys: ~5 us a sketch
# where 42 blake2b digests took ~25 us): every stored sketch's keys are made again from it
# (sketches and stories stay as they are). Replayable.
_V22 = [
    "DELETE FROM story_bands",
    """INSERT OR IGNORE INTO story_bands (key, article_id)
    SELECT k.value, s.article_id FROM stories s, json_each(story_band_keys(s.sketch)) k
    WHERE s.sketch IS NOT NULL""",
]

# v23: a story whose leading version was deleted by removing its feed (before remove_feed led
# it by the next one, store/stories.py lead_orphaned_stories) is led by its lowest id left: lists
# show a story by its leader only, so its other copies had left All and Unread. Replayable.
_V23 = [
    "DROP TABLE IF EXISTS temp.story_leaders",
    """CREATE TEMP TABLE story_leaders AS SELECT story_id AS old, min(article_id) AS leader
    FROM stories WHERE story_id NOT IN (SELECT article_id FROM stories) GROUP BY story_id""",
    """UPDATE stories SET story_id = (SELECT leader FROM temp.story_leaders WHERE old = story_id)
    WHERE story_id IN (SELECT old FROM temp.story_leaders)""",
    "DROP TABLE temp.story_leaders",
]


def _article_index_triggers(when_damaged: str) -> list[str]:
    """The articles' full-text index triggers from v24 on (made again by each version that
    changes them): a row's words out and in, the index rebuilt when the old text turned out to
    be damaged, then `when_damaged`'s statements."""
    rebuild = (
        "INSERT INTO articles_fts (articles_fts) SELECT 'rebuild' WHERE damaged_text(old.text);"
    )
    return [
        "DROP TRIGGER IF EXISTS articles_ad",
        "DROP TRIGGER IF EXISTS articles_au",
        f"""
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        {_FTS_FORGET_OLD}
        {rebuild}{when_damaged}
    END
    """,
        f"""
    CREATE TRIGGER articles_au AFTER UPDATE OF title, author, text ON articles BEGIN
        {_FTS_FORGET_OLD}
        {_FTS_ADD_NEW}
        {rebuild}{when_damaged}
    END
    """,
    ]


# v24: deleting or changing an article whose stored text does not unpack (a damaged store) left
# its words in the full-text index: the external-content index's 'delete' must be given the
# text as it was indexed, and inflate() gives '' for it. FTS5 cannot drop one row's words
# without them, so the triggers then rebuild the index from the stored texts (a damaged one
# counts as ''): slow on a large store, and only ever for a damaged text. Replayable.
_V24 = _article_index_triggers("")

# v25: the quote index forgot a deleted or changed article's quotes by their words, read from
# its text: a damaged text gave none, so they stayed (found for a later quote given their id).
# The quote index keeps no text to rebuild from (contentless): when the old text was damaged, it
# is emptied and filled again from every stored quote (slow on a large store; only then). The
# check is the join's outer loop, once: in a WHERE it ran for every quote of the store.
_V25 = _article_index_triggers(
    f"""
        INSERT INTO quotes_fts (quotes_fts) SELECT 'delete-all' WHERE damaged_text(old.text);
        INSERT INTO quotes_fts (rowid, text)
        SELECT q.id, {quote_words("q")} FROM (SELECT 1 WHERE damaged_text(old.text)) AS damaged
        CROSS JOIN quotes q JOIN articles a ON a.id = q.article_id;"""
)

# What brings a full-text index back in step with the stored rows, by its name: the articles'
# index reads every stored text again (a damaged one counts as ''); the quote index, which keeps
# no text (contentless), is emptied and given every stored quote's words from its article.
# (the articles' unstemmed index, for prefixes, since v31: rebuilt with the articles' index)
PREFIX_INDEX = "articles_prefix_fts"
INDEX_REBUILDS: dict[str, list[str]] = {
    "articles_fts": [
        "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
        f"INSERT INTO {PREFIX_INDEX} ({PREFIX_INDEX}) VALUES ('rebuild')",
    ],
    PREFIX_INDEX: [f"INSERT INTO {PREFIX_INDEX} ({PREFIX_INDEX}) VALUES ('rebuild')"],
    "quotes_fts": [
        "INSERT INTO quotes_fts (quotes_fts) VALUES ('delete-all')",
        f"""INSERT INTO quotes_fts (rowid, text)
        SELECT q.id, search_words({quote_words("q")})
        FROM quotes q JOIN articles a ON a.id = q.article_id""",  # (schema 48's folded_quote_words)
    ],
}


def _marking_triggers(
    mark: str,
    forget_old: str = _FTS_FORGET_OLD,
    add_new: str = _FTS_ADD_NEW,
    words: Callable[[str], str] = quote_words,
) -> list[str]:
    """The triggers of the articles and their quotes from v26 on (made again by each version
    that changes how they mark): a row's words out (and in), and the index marked for a rebuild
    when the old text did not unpack. `mark` is what a mark runs, given the index's name by
    stale_index(name), which returns it: the statement's rows follow (FROM/WHERE);
    `forget_old` and `add_new` give the articles' index a row's words (as _FTS_FORGET_OLD and
    _FTS_ADD_NEW until v28), `words` the quote index a quote's (quote_words until v30)."""
    articles = mark.format(index="articles_fts")
    quotes = mark.format(index="quotes_fts")
    return [
        "DROP TRIGGER IF EXISTS articles_ad",
        "DROP TRIGGER IF EXISTS articles_au",
        "DROP TRIGGER IF EXISTS quotes_fts_ad",
        "DROP TRIGGER IF EXISTS quotes_fts_au",
        f"""
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        {forget_old}
        {articles} WHERE damaged_text(old.text);
    END
    """,
        f"""
    CREATE TRIGGER articles_au AFTER UPDATE OF title, author, text ON articles BEGIN
        {forget_old}
        {add_new}
        {articles} WHERE damaged_text(old.text);
    END
    """,
        f"""
    CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text)
        SELECT 'delete', old.id, {words("old")} FROM articles a WHERE a.id = old.article_id;
        {quotes} FROM articles a
        WHERE a.id = old.article_id AND damaged_text(a.text);
    END
    """,
        f"""
    CREATE TRIGGER quotes_fts_au AFTER UPDATE OF article_id, start, end ON quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text)
        SELECT 'delete', old.id, {words("old")} FROM articles a WHERE a.id = old.article_id;
        {quotes} FROM articles a
        WHERE a.id = old.article_id AND damaged_text(a.text);
        INSERT INTO quotes_fts (rowid, text)
        SELECT new.id, {words("new")} FROM articles a WHERE a.id = new.article_id;
    END
    """,
    ]


# v26: an index out of step is rebuilt once a statement, not once a row. The triggers only
# mark an index whose words they could not take out (the old text did not unpack: SQL
# stale_index(), sql_functions.KnownTexts), and the store rebuilds each marked index once: after the
# statement (db.Database.execute), or inside a write transaction at its end, before the commit
# (db.write_transaction); a rollback forgets the marks with the writes. One DELETE of k damaged
# rows rebuilt the whole index k times, with the write lock held. The quote index is marked by its own
# triggers, so a damaged article without quotes no longer refills it, and a damaged article
# analysed again (its quotes deleted) no longer leaves their words. Stores upgraded from before
# v24 may still hold the words of a damaged article deleted then: they are rebuilt once, only
# when found (the articles' index counts more words in its totals than in its rows' sizes;
# the quote index has words of a quote id no quote has). Replayable.
_V26 = [
    *_marking_triggers("SELECT stale_index('{index}')"),
    # the one-time repair: which index holds words of rows that are gone, then each rebuilt
    "DROP TABLE IF EXISTS temp.index_repair",
    "DROP TABLE IF EXISTS temp.quote_instances",
    "CREATE VIRTUAL TABLE temp.quote_instances USING fts5vocab(main, quotes_fts, instance)",
    """CREATE TEMP TABLE index_repair AS SELECT
        coalesce((SELECT fts_size_total(block, 1) FROM articles_fts_data WHERE id = 1), 0)
            != (SELECT total(fts_size_total(sz, 0)) FROM articles_fts_docsize) AS articles,
        EXISTS (SELECT 1 FROM temp.quote_instances i  -- each quote's first word: one a quote
            WHERE i.offset = 0 AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.id = i.doc))
            AS quotes""",
    """INSERT INTO articles_fts (articles_fts)
    SELECT 'rebuild' FROM temp.index_repair WHERE articles""",
    # (a deleted damaged article's quotes went with it, their words kept: their ids may be taken)
    """INSERT INTO quotes_fts (quotes_fts)
    SELECT 'delete-all' FROM temp.index_repair WHERE articles OR quotes""",
    f"""INSERT INTO quotes_fts (rowid, text)
    SELECT q.id, {quote_words("q")} FROM (SELECT 1 FROM temp.index_repair WHERE articles OR quotes)
    CROSS JOIN quotes q JOIN articles a ON a.id = q.article_id""",
    "DROP TABLE temp.quote_instances",
    "DROP TABLE temp.index_repair",
]

# v27: an index rebuild a write leaves due is marked in the table index_rebuilds as well, by the
# write's own statement: committed with the write, undone with it. The store rebuilds the marked
# indexes at the end of the write's transaction (db.Database.rebuild_stale) and empties the
# table then; marks a process left when it was killed between a raw write's commit and the next
# write transaction (the marks were only in its memory: lost, and the index stayed out of step
# for good) are rebuilt by the next open (opening.open_db). Replayable.
_V27 = [
    "CREATE TABLE IF NOT EXISTS index_rebuilds (name TEXT PRIMARY KEY) WITHOUT ROWID",
    *_marking_triggers("INSERT OR IGNORE INTO index_rebuilds (name) SELECT stale_index('{index}')"),
]

# v28: Chinese, Japanese and Korean words are found inside longer runs (東京 in 東京都): the
# articles' index reads each CJK character as a word (SQL cjk_apart(), store/cjk_words.py, on
# every connection: sql_functions.add_text_functions), through the view and the triggers, and a query's
# terms are split the same way (a phrase of neighbouring characters). Text without CJK is
# indexed as before, so only the articles whose words hold a CJK character beside another are
# indexed again, in this step (an English store's upgrade reads no text; r29 review M2: one
# such word rebuilt a whole store's index): found by those words in the index, their old words
# taken out (the texts as v27 gave them) and the split ones put in. Where one of their texts no
# longer unpacks (its old words cannot be given back), the whole index is rebuilt instead, by
# the mark of v27 (index_repair.rebuild_marked). Replayable: once split, no word holds a CJK character
# beside another.
_WORDS_OLD = f"""INSERT INTO articles_fts (articles_fts, rowid, title, author, text)
        VALUES ('delete', old.id, cjk_apart(old.title), cjk_apart(old.author),
        cjk_apart({unpacked("old.text")}));"""
_WORDS_NEW = f"""INSERT INTO articles_fts (rowid, title, author, text)
        VALUES (new.id, cjk_apart(new.title), cjk_apart(new.author),
        cjk_apart({unpacked("new.text")}));"""
_V28 = [
    "DROP VIEW IF EXISTS article_texts",
    f"""
    CREATE VIEW article_texts AS
    SELECT id, cjk_apart(title) AS title, cjk_apart(author) AS author,
        cjk_apart({unpacked("text")}) AS text FROM articles
    """,
    "DROP TRIGGER IF EXISTS articles_ai",
    f"""
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        {_WORDS_NEW}
    END
    """,
    *_marking_triggers(
        "INSERT OR IGNORE INTO index_rebuilds (name) SELECT stale_index('{index}')",
        _WORDS_OLD,
        _WORDS_NEW,
    ),
    "DROP TABLE IF EXISTS temp.article_words",
    "CREATE VIRTUAL TABLE temp.article_words USING fts5vocab(main, articles_fts, row)",
    # the rows indexed with a word that splits (a CJK character beside another character):
    # found by the index itself, word by word (a single CJK character is the same word either way)
    "DROP TABLE IF EXISTS temp.cjk_rows",
    f"""CREATE TABLE temp.cjk_rows AS SELECT DISTINCT f.rowid AS id
    FROM temp.article_words w, articles_fts f
    WHERE w.term GLOB '{CJK_GLOB}' AND length(w.term) > 1
    AND f.articles_fts MATCH '"' || replace(w.term, '"', '""') || '"'""",
    # a damaged text (it no longer unpacks) cannot have its old words taken out: all rebuilt
    f"""INSERT OR IGNORE INTO index_rebuilds (name) SELECT 'articles_fts'
    WHERE EXISTS (SELECT 1 FROM articles WHERE id IN (SELECT id FROM temp.cjk_rows)
    AND length({unpacked("text")}) = 0 AND typeof(text) = 'blob')""",
    f"""INSERT INTO articles_fts (articles_fts, rowid, title, author, text)
    SELECT 'delete', id, title, author, {unpacked("text")} FROM articles
    WHERE id IN (SELECT id FROM temp.cjk_rows)
    AND NOT EXISTS (SELECT 1 FROM index_rebuilds WHERE name = 'articles_fts')""",
    f"""INSERT INTO articles_fts (rowid, title, author, text)
    SELECT id, cjk_apart(title), cjk_apart(author), cjk_apart({unpacked("text")}) FROM articles
    WHERE id IN (SELECT id FROM temp.cjk_rows)
    AND NOT EXISTS (SELECT 1 FROM index_rebuilds WHERE name = 'articles_fts')""",
    "DROP TABLE temp.cjk_rows",
    "DROP TABLE temp.article_words",
]

# v29: stories joined by boilerplate are split (r29's H1: different short stories of two feeds
# under one newsroom footer were one "story"). Joins are now judged again on each article's own
# text (newstui.stories.same_story), and so is every version of a stored story that still has
# its sketch (first seen within RECENT_DAYS): one that is not the same story as its leader by
# the new rule leads its own again (store.stories.split_boilerplate_joins, run by migrate in
# this step's transaction). Articles, read and starred marks are kept; older stories stay.
_V29: list[str] = []
SPLIT_JOINS_AT = 29

# v30: the quote index reads words as the articles' index does since v28 (`quotes:東京` finds a
# quote saying 東京都): its triggers, its rebuild (INDEX_REBUILDS) and the store's saving of new
# quotes (analysis._index_quote_words) give it each CJK character as a word. It is rebuilt once
# only when its word list holds a CJK word, as v28. Replayable.
_V30 = [
    *_marking_triggers(
        "INSERT OR IGNORE INTO index_rebuilds (name) SELECT stale_index('{index}')",
        _WORDS_OLD,
        _WORDS_NEW,
        indexed_quote_words,
    ),
    "DROP TABLE IF EXISTS temp.cjk_quote_words",
    "CREATE VIRTUAL TABLE temp.cjk_quote_words USING fts5vocab(main, quotes_fts, row)",
    f"""INSERT OR IGNORE INTO index_rebuilds (name) SELECT 'quotes_fts'
    WHERE EXISTS (SELECT 1 FROM temp.cjk_quote_words WHERE term GLOB '{CJK_GLOB}')""",
    "DROP TABLE temp.cjk_quote_words",
]

# v31: a prefix is what a word starts with (`toky*` finds Tokyo, `evacuat*` evacuated): the
# articles' index stems its words (porter), and FTS5 stems a prefix too before it looks for it
# (`toky` is read as `toki`, which starts no word of its list: nothing was found). A second
# index of the same texts, words unstemmed (PREFIX_INDEX, same columns, CJK split as v28 reads
# them), is what a prefix of one word is matched against (query_sql). It keeps which column
# each word is in, not where (detail='column': half the size, and a prefix is one word, not a
# phrase; a phrase's prefix is matched in the stemmed index as before). Its triggers and the damaged-text
# rebuild go with the articles' index: one mark, articles_fts, rebuilds both
# (INDEX_REBUILDS). A store with articles has it filled by the mark articles_prefix_fts, which
# the open rebuilds after the upgrade (index_repair.rebuild_marked: said as a slow upgrade, stoppable by
# Ctrl-C like the others, resumed at the next open). Replayable.
PREFIX_INDEX_AT = 31
_PREFIX_WORDS_OLD = f"""INSERT INTO {PREFIX_INDEX} ({PREFIX_INDEX}, rowid, title, author, text)
        VALUES ('delete', old.id, cjk_apart(old.title), cjk_apart(old.author),
        cjk_apart({unpacked("old.text")}));"""
_PREFIX_WORDS_NEW = f"""INSERT INTO {PREFIX_INDEX} (rowid, title, author, text)
        VALUES (new.id, cjk_apart(new.title), cjk_apart(new.author),
        cjk_apart({unpacked("new.text")}));"""
_V31 = [
    f"""
    CREATE VIRTUAL TABLE IF NOT EXISTS {PREFIX_INDEX} USING fts5(
        title, author, text, content='article_texts', content_rowid='id', tokenize='unicode61',
        detail='column'
    )
    """,
    "DROP TRIGGER IF EXISTS articles_ai",
    f"""
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        {_WORDS_NEW}
        {_PREFIX_WORDS_NEW}
    END
    """,
    *_marking_triggers(
        "INSERT OR IGNORE INTO index_rebuilds (name) SELECT stale_index('{index}')",
        f"{_WORDS_OLD}\n        {_PREFIX_WORDS_OLD}",
        f"{_WORDS_NEW}\n        {_PREFIX_WORDS_NEW}",
        indexed_quote_words,
    ),
    # (replayed, the index its triggers kept in step is left as it is)
    f"""INSERT OR IGNORE INTO index_rebuilds (name) SELECT '{PREFIX_INDEX}'
    WHERE EXISTS (SELECT 1 FROM articles) AND NOT EXISTS (SELECT 1 FROM {PREFIX_INDEX}_docsize)""",
]

# v32: what a forgotten download left behind (`x`, `downloads --forget`: its file stays): its URL,
# its file and, when it had finished, the file's size. Queuing the same URL again takes that file
# over (whole: as it is; its own .part: resumed); a download queued at that name since ends the
# claim (queue_download), and no other episode's file, nor the user's, is ever taken over.
_V32 = [
    """
    CREATE TABLE IF NOT EXISTS forgotten_downloads (
        url TEXT PRIMARY KEY,
        path TEXT NOT NULL,                -- the file it had (PATH.part while unfinished)
        size INTEGER                       -- the finished file's size; NULL: it had not finished
    ) WITHOUT ROWID
    """,
]

# v33: a running download asked to stop (`x` or `D` in L, `downloads --forget/--delete N`, from any
# process): the process downloading it reads this between chunks, stops, and forgets it (its .part
# kept) or deletes its .part.
_V33 = [
    """
    CREATE TABLE IF NOT EXISTS download_stops (
        download_id INTEGER PRIMARY KEY,
        next_step TEXT NOT NULL CHECK (next_step IN ('forget', 'delete'))
    )
    """,
]

# v34: read and starred marks brought from another reader (newsboat's cache.db) for articles not
# fetched yet: each waits, by its feed's URL (feeds.key) and the article's identity (the stored
# guid key, "guid:…") or link, until a fetch stores that article, and then goes
# (store/pending_marks.py); one never matched goes after 60 days, or its feed's keep_days if less.
# `imported_marks` lists the articles an import has marked, so an import run again never marks
# read what the user has marked unread since (rows go with their articles). Replayable.
_V34 = [
    """
    CREATE TABLE IF NOT EXISTS pending_marks (
        feed_url TEXT NOT NULL,            -- the feed's URL as configured (feeds.key)
        guid TEXT NOT NULL,                -- "guid:" + the item's guid, as articles.guid
        link TEXT,                         -- the item's link; NULL: shared by items of the feed
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        imported TEXT NOT NULL,            -- when it was imported
        PRIMARY KEY (feed_url, guid)
    ) WITHOUT ROWID
    """,
    """CREATE INDEX IF NOT EXISTS pending_marks_link ON pending_marks (feed_url, link)
    WHERE link IS NOT NULL""",
    """
    CREATE TABLE IF NOT EXISTS imported_marks (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
    )
    """,
]

# v35: a pending mark is found by its link with the link itself, not by a search of its feed's
# marks (v34's index was partial, WHERE link IS NOT NULL, and the look-up by link used only the
# feed: a first fetch of a feed of n items cost n² steps); marks past waiting are found by when
# they were imported (a save forgets them: no scan of every mark). Replayable.
_V35 = [
    "DROP INDEX IF EXISTS pending_marks_link",
    # (covering: without the marks in it, SQLite took the feed's marks by the primary key instead)
    """CREATE INDEX IF NOT EXISTS pending_marks_by_link
    ON pending_marks (feed_url, link, read, starred)""",
    "CREATE INDEX IF NOT EXISTS pending_marks_imported ON pending_marks (imported)",
]

# v36: articles by their feed and their link as compared (model.link_key: `…/Vázquez` a feed
# writes and the `…/V%C3%A1zquez` a sync server sends are one link): sync, a fetch's dedup and
# imported marks find an article by its link in one look-up. `link_key` keeps the key where it
# is not the link itself (most links are already in that form), filled at the upgrade once a
# row and by triggers as links are written; the index on coalesce(link_key, url) replaces the
# one on the link as written (a plain column, so `PRAGMA integrity_check` and other tools read
# the store without newstui's SQL functions). Imported marks waiting keep their link's key.
# Replayable (an ADD COLUMN of a column there is skipped: migrations.migrate).
_V36 = [
    "ALTER TABLE articles ADD COLUMN link_key TEXT",
    "UPDATE articles SET link_key = link_key_if_other(url) WHERE url IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS articles_feed_link ON articles (feed_id, coalesce(link_key, url))",
    "DROP INDEX IF EXISTS articles_feed_url",
    """
    CREATE TRIGGER IF NOT EXISTS articles_link_key_ai AFTER INSERT ON articles
    WHEN link_key_if_other(new.url) IS NOT NULL BEGIN
        UPDATE articles SET link_key = link_key_if_other(new.url) WHERE id = new.id;
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS articles_link_key_au AFTER UPDATE OF url ON articles
    WHEN new.url IS NOT old.url BEGIN
        UPDATE articles SET link_key = link_key_if_other(new.url) WHERE id = new.id;
    END
    """,
    "UPDATE pending_marks SET link = link_key(link) WHERE link IS NOT NULL",
]

# v37: a pending mark also keeps its guid as a fetch stores it when the feed gives the guid as a
# permalink (joined to the feed's address: newsboat keeps a podcast's `<guid>ep1</guid>` as
# `ep1`, a fetch stores http://host/ep1), NULL when that is the guid as written; it finds its
# article by either (user test r33 H1: such marks waited 60 days and went). Marks imported
# before have none: an import run again gives it them. Replayable.
_V37 = [
    "ALTER TABLE pending_marks ADD COLUMN resolved_guid TEXT",
    # (covering, as v35's by link: else SQLite took the feed's marks by the primary key)
    """CREATE INDEX IF NOT EXISTS pending_marks_by_resolved_guid
    ON pending_marks (feed_url, resolved_guid, read, starred)""",
]

# v38: what a sync server's copy of an article a cleanup removed is known by (user test r34 H2):
# a server item carries no feed guid, only the entry's link (by link_key), title and enclosure
# URLs (a JSON list), kept beside its identity with whether it was read when removed (NULL:
# removed before v38, not known), so the first sync keeps it out as a fetch does and sends that
# read mark; retired_item_reads holds those marks for server items no article here is (a
# cleanup removed it) until a sync pushes them. Replayable.
_RETIRED_ARTICLES_BY_LINK = """CREATE INDEX IF NOT EXISTS retired_articles_by_link
    ON retired_articles (feed_id, link) WHERE link IS NOT NULL"""
_V38 = [
    "ALTER TABLE retired_articles ADD COLUMN link TEXT",
    "ALTER TABLE retired_articles ADD COLUMN title TEXT",
    "ALTER TABLE retired_articles ADD COLUMN enclosures TEXT",
    "ALTER TABLE retired_articles ADD COLUMN was_read INTEGER",
    _RETIRED_ARTICLES_BY_LINK,
    """
    CREATE TABLE IF NOT EXISTS retired_item_reads (
        item_id INTEGER PRIMARY KEY,       -- the server's item id, as sync_items has it
        queued_at TEXT NOT NULL
    )
    """,
]

# v39: a removed article's date too (as published, ISO 8601 UTC; NULL: the feed gave none): an
# item under its link and title but of another date is another entry (a daily post under one
# page and headline), never kept out as the removed one. Replayable.
_V39 = ["ALTER TABLE retired_articles ADD COLUMN published TEXT"]

# v40: the address a feed's last fetch read it from after redirects, where that is not its URL
# (NULL: its own, or not read since): an import of newsboat's marks after a fetch resolves a
# permalink guid (`<guid>ep1</guid>`) of the articles stored already as that fetch did, against
# that address (review r33 F1's residual: a feed fetched through a redirect kept such marks
# waiting). Replayable (migrations.migrate skips an ADD COLUMN of a column there).
_V40 = ["ALTER TABLE feeds ADD COLUMN read_from TEXT"]

# v41: the articles whose text changed since the filters last ran (an updated entry, a sync's
# update, a merge that took the other copy's text, a full text, a local file edited): the next
# filter pass checks them again with its hide filters and forgets them (r34 leftovers: only a
# fetch's updated entries were checked again, carried by the fetch). Replayable.
_V41 = [
    """
    CREATE TABLE IF NOT EXISTS texts_changed (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
    )
    """
]

# v42: each changed text noted with its turn, from AUTOINCREMENT (never used again), and noted
# again with a new one: a filter pass forgets only the changes it read, not one made while it ran
# (review r35 S1: the app's `f` or another fetch during a pass was forgotten unchecked).
_V42 = [
    """
    CREATE TABLE texts_changed_v42 (
        turn INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE
    )
    """,
    # (only notes of articles there: the sqlite3 shell deletes articles with foreign keys off,
    # and a note left of one stopped the upgrade, review r36 MG1)
    "INSERT INTO texts_changed_v42 (article_id) SELECT article_id FROM texts_changed "
    "WHERE article_id IN (SELECT id FROM articles) ORDER BY 1",
    "DROP TABLE texts_changed",
    "ALTER TABLE texts_changed_v42 RENAME TO texts_changed",
]

# v43: the highest id given to an article, so a new article's id is past it (articles.
# take_article_ids): an id a script kept names no other article once its own is removed (SQLite
# gives a new row the highest id + 1, which was the removed newest one's). AUTOINCREMENT would
# rebuild the articles table (its triggers, indexes, full-text index and every table referring
# to it); this is one row, written once an insert. Seeded with the highest id now (ids removed
# before are not known). Replayable.
_V43 = [
    "CREATE TABLE IF NOT EXISTS article_ids_given (last INTEGER NOT NULL)",
    "DELETE FROM article_ids_given",
    "INSERT INTO article_ids_given (last) SELECT coalesce(max(id), 0) FROM articles",
]

# v44: the articles that left their story when their text changed (stories.sketch_again), until
# they join one again: a copy joining a read story comes in read only when it arrives, not when
# an updated copy stored unread joins again (review r36 M3). Replayable.
_V44 = [
    """
    CREATE TABLE IF NOT EXISTS stories_left (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
    )
    """
]

# v45: when a feed's failures in a row began (ISO 8601 UTC, the first failed fetch after a good
# one; NULL once a fetch succeeds), so `newstui feeds` says "failing since" (user test r37 L6:
# with cron fetching, "last fetch" is the last attempt, and a feed dead for five days looked like
# one that failed this morning). A run that began before this version is not known: NULL.
# Replayable (migrations.migrate skips an ADD COLUMN of a column there).
_V45 = ["ALTER TABLE feeds ADD COLUMN failing_since TEXT"]

# v46: each article's id with the columns a list folding story copies by match reads of every
# version of the stories with copies (store.filter_sql's _FOLDED_MATCHES): looked up here, not in
# the article's row (a page each), a broad search on a store with many copies costs less (r43:
# 10 % copies, a common word 51 -> 94 ms). feed_id last: a tag's `feed_id IN (…)` is checked
# in the entry, not sought once per feed. Not `starred`: Starred starts from its own small
# index. Under 0.5 s for 100,000 articles. Replayable.
_V46 = ["CREATE INDEX IF NOT EXISTS articles_fold ON articles (id, read, sort_date, feed_id)"]

# v47: when a fetch (or a sync) found an article's entry changed in place and stored the change
# (ISO 8601 UTC; NULL: never updated since it was stored): the reader's byline and `show` say
# "updated HH:MM", so a publisher's correction of an article already read is seen (user test
# r44 L3). Earlier updates are not known: NULL. Replayable (migrations.migrate skips an ADD COLUMN of a
# column there).
_V47 = ["ALTER TABLE articles ADD COLUMN updated TEXT"]

# The indexes statements name (`INDEXED BY`), which SQLite refuses to run without ("no such
# index"): one dropped by hand, or left out by a repair (`sqlite3 .recover`, a VACUUM INTO a
# schema without it), is made again by the next open that can write (index_repair.make_unusable_indexes;
# hostile r45 M3: search, tags and the counts failed). Each is its migration's own statement.
NAMED_INDEXES: dict[str, str] = {
    "articles_analysis": _ARTICLES_ANALYSIS,
    "retired_articles_by_link": _RETIRED_ARTICLES_BY_LINK,
    "articles_fold": _V46[0],
}

# v48: search folds accents, case and compatibility forms the same way in every script (user
# test r45 M3, L1): ΔΡΟΜΟΣ finds δρόμος, STRASSENBAHN Straßenbahn, ＡＢＣ abc, ığdır Iğdır
# (unicode61 took accents off Latin letters only). The articles' indexes (through the view and
# the triggers) and the quote index read texts through search_words() (store/search_fold.py:
# the fold, then cjk_apart), as query_sql gives them a query's terms. Text in ASCII is indexed
# as before, so each index is rebuilt (index_repair.rebuild_marked, after the upgrade: said as a slow
# upgrade, stoppable, resumed at the next open) only when its word list holds a word that is not
# ASCII (FOLD_REINDEX_AT). Replayable.
FOLD_REINDEX_AT = 48
NOT_ASCII_TERM = "length(CAST(term AS BLOB)) > length(term)"  # (a term's UTF-8 bytes)


def _folded(index: str, row: str, delete: bool = False) -> str:
    """The trigger statement giving (or, `delete`, taking back) the words of articles row `row`
    (old, new) to the articles' index `index`, as schema 48 reads them."""
    head = f"'delete', {row}.id" if delete else f"{row}.id"
    name = f"{index}, " if delete else ""
    return f"""INSERT INTO {index} ({name}rowid, title, author, text)
        VALUES ({head}, search_words({row}.title), search_words({row}.author),
        search_words({unpacked(f"{row}.text")}));"""


def folded_quote_words(quote: str) -> str:
    """SQL for the words of quote row `quote` as the quote index reads them since schema 48
    (search_words: folded, each CJK character a word)."""
    return f"search_words({quote_words(quote)})"


_V48 = [
    "DROP VIEW IF EXISTS article_texts",
    f"""
    CREATE VIEW article_texts AS
    SELECT id, search_words(title) AS title, search_words(author) AS author,
        search_words({unpacked("text")}) AS text FROM articles
    """,
    "DROP TRIGGER IF EXISTS articles_ai",
    f"""
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        {_folded("articles_fts", "new")}
        {_folded(PREFIX_INDEX, "new")}
    END
    """,
    *_marking_triggers(
        "INSERT OR IGNORE INTO index_rebuilds (name) SELECT stale_index('{index}')",
        f"{_folded('articles_fts', 'old', True)}\n        {_folded(PREFIX_INDEX, 'old', True)}",
        f"{_folded('articles_fts', 'new')}\n        {_folded(PREFIX_INDEX, 'new')}",
        folded_quote_words,
    ),
    "DROP TABLE IF EXISTS temp.fold_article_words",
    "CREATE VIRTUAL TABLE temp.fold_article_words USING fts5vocab(main, articles_fts, row)",
    f"""INSERT OR IGNORE INTO index_rebuilds (name) SELECT 'articles_fts'
    WHERE EXISTS (SELECT 1 FROM temp.fold_article_words WHERE {NOT_ASCII_TERM})""",
    "DROP TABLE temp.fold_article_words",
    "DROP TABLE IF EXISTS temp.fold_quote_words",
    "CREATE VIRTUAL TABLE temp.fold_quote_words USING fts5vocab(main, quotes_fts, row)",
    f"""INSERT OR IGNORE INTO index_rebuilds (name) SELECT 'quotes_fts'
    WHERE EXISTS (SELECT 1 FROM temp.fold_quote_words WHERE {NOT_ASCII_TERM})""",
    "DROP TABLE temp.fold_quote_words",
]

# v49: the indexes are read again, folded, also when a text holds a mark unicode61 split words
# at (search_fold.UNICODE61_SPLITTING_MARKS; review r45 M3): struck-through s̶t̶o̶p̶ was indexed
# as s, t, o, p, all ASCII, so schema 48 (which looks for a word not ASCII) kept an index that
# search_words now reads as stop: it disagreed with its texts (FTS5's integrity-check failed)
# and a later edit took out words it never held, leaving stale matches. A store made at 48 is
# read again too. The texts are read once (~1 s CPU for 100,000 articles); an index is rebuilt
# only when a text (a quote: its span) holds such a mark. Replayable.
SPLIT_MARKS_AT = 49
_SPLIT_MARK_TEXT = f"""CAST(coalesce(title, '') || ' ' || coalesce(author, '') || ' '
    || coalesce({unpacked("text")}, '') AS BLOB)"""  # (bytes: a damaged text may be no UTF-8)
_V49 = [
    "DROP TABLE IF EXISTS temp.split_mark_articles",
    f"""CREATE TABLE temp.split_mark_articles AS SELECT id FROM articles
    WHERE split_at_marks({_SPLIT_MARK_TEXT})""",
    """INSERT OR IGNORE INTO index_rebuilds (name) SELECT 'articles_fts'
    WHERE EXISTS (SELECT 1 FROM temp.split_mark_articles)""",
    f"""INSERT OR IGNORE INTO index_rebuilds (name) SELECT 'quotes_fts'
    WHERE EXISTS (SELECT 1 FROM temp.split_mark_articles s JOIN articles a ON a.id = s.id
        JOIN quotes q ON q.article_id = a.id WHERE split_at_marks(CAST({quote_words("q")} AS BLOB)))""",
    "DROP TABLE temp.split_mark_articles",
]

# v50: the first fetch after this upgrade reads every feed's document whole once: its validators
# (ETag, Last-Modified) and the digest of the last document parsed are cleared, so no fetch
# answers 304 or finds the same bytes. A podcast episode an older newstui stored without its
# audio (a relative enclosure) gets it from a document parsed again (store.enclosures), and
# stayed without it while its feed did not change (user test r45 M1). Each fetch stores the
# new validators, so the fetches after it ask for changes again. Replayable.
FEEDS_READ_WHOLE_AT = 50
_V50 = [
    "UPDATE feeds SET etag = NULL, last_modified = NULL, body_hash = NULL"
    " WHERE etag IS NOT NULL OR last_modified IS NOT NULL OR body_hash IS NOT NULL"
]

# v51: the indexes are read again, folded, when they hold a word with a letter whose case
# unicode61 does not fold and search_fold does since (search_fold.UNICODE61_UNFOLDED_CASES:
# Georgian Mtavruli, Cherokee small letters, Osage, Adlam…; hostile r46 M5): such a word was
# indexed as written, so ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ found only itself. Read from each index's list of words, as
# schema 48 does: a store without such a letter (most) reads no text and rebuilds nothing.
# Replayable.
LATER_CASE_REINDEX_AT = 51


def _later_case_words(index: str, glob: str = LATER_CASE_GLOB) -> list[str]:
    """Statements marking the full-text index `index` for a rebuild when a word of it holds
    a letter of a later case (schema 51), or one `glob` matches."""
    return [
        "DROP TABLE IF EXISTS temp.later_case_words",
        f"CREATE VIRTUAL TABLE temp.later_case_words USING fts5vocab(main, {index}, row)",
        f"""INSERT OR IGNORE INTO index_rebuilds (name) SELECT '{index}'
    WHERE EXISTS (SELECT 1 FROM temp.later_case_words
        WHERE {NOT_ASCII_TERM} AND term GLOB '{glob}')""",
        "DROP TABLE temp.later_case_words",
    ]


_V51 = [*_later_case_words("articles_fts"), *_later_case_words("quotes_fts")]

# v52: whether a feed's last failure was the network's (refused, unknown host, timed out, reset)
# rather than the server's answer: a refresh the user asks for (R, `newstui fetch` typed in a
# terminal) tries such a feed however long its backoff (user test r46 H1: after a night offline
# R skipped every feed for up to a day). Failures stored before are read from their words once.
# Replayable (migrations.migrate skips an ADD COLUMN of a column there; the UPDATE sets what it set).
_V52 = [
    "ALTER TABLE feeds ADD COLUMN network_failure INTEGER NOT NULL DEFAULT 0",
    """UPDATE feeds SET network_failure = 1 WHERE last_error IS NOT NULL AND last_status IS NULL
    AND (last_error LIKE '%: timed out%' OR last_error LIKE '%: connection lost%'
        OR (last_error LIKE '%: cannot connect to %' AND last_error NOT LIKE '%: TLS failed%'
            AND last_error NOT LIKE '%: certificate not accepted%'
            AND last_error NOT LIKE '%: invalid host name%'))""",
]

# v53: an article whose date is a real midnight UTC (1: its source gave a time, `Sat, 05 Dec
# 2026 00:00:00 GMT`, `Fri, 04 Dec 2026 19:00:00 -0500`), shown in local time as any other and
# counted by after:/before: at that moment, not as the day `<pubDate>05 Dec 2026</pubDate>` is
# (hostile r46 M3, review r46 L2). NULL: every other article, one without a time, one whose
# source cannot say (a sync server's timestamp), and every one stored before: a midnight UTC
# then reads as a day without a time, as it did. Set only where it is 1, so the insert is the
# same and a store of 100,000 articles upgrades without writing a row (a column of no default).
# Replayable (migrations.migrate skips an ADD COLUMN of a column there).
_V53 = ["ALTER TABLE articles ADD COLUMN timed_midnight INTEGER"]

# v54: each article's title as title order sorts it (`O t`, `list --sort title`: the text of
# model.names.name_order_text, SQL's name_order()), kept in `title_order` with an index in that
# order's ORDER BY: a window, an article's place and the next unread read the index (review
# r47 M3, user test r47 M4: name_order() of every row made them 7-14x slower than date order
# at 100,000 articles, `n` took seconds). Filled at the upgrade once a row and by triggers as
# titles are written (every path: a fetch, sync, a local file, an entry replaced), as schema
# 36's link_key. The keys' version (model.names.name_order_version) is kept in the table
# title_order_made: an open by a newstui whose keys differ (a later name_order, a Python of
# another Unicode version) works them out again (store.title_order). Replayable (an ADD COLUMN
# of a column there is skipped: migrations.migrate).
TITLE_ORDER_AT = 54
TITLE_ORDER_MADE = "title_order_made"
_V54 = [
    "ALTER TABLE articles ADD COLUMN title_order TEXT",
    f"CREATE TABLE IF NOT EXISTS {TITLE_ORDER_MADE} (version TEXT NOT NULL)",
    f"DELETE FROM {TITLE_ORDER_MADE}",
    f"INSERT INTO {TITLE_ORDER_MADE} (version) VALUES ('{name_order_version()}')",
    "UPDATE articles SET title_order = name_order(title) WHERE title_order IS NOT name_order(title)",
    """CREATE INDEX IF NOT EXISTS articles_title_order
    ON articles (title_order, sort_date DESC, id DESC)""",
    """
    CREATE TRIGGER IF NOT EXISTS articles_title_order_ai AFTER INSERT ON articles BEGIN
        UPDATE articles SET title_order = name_order(new.title) WHERE id = new.id;
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS articles_title_order_au AFTER UPDATE OF title ON articles
    WHEN new.title IS NOT old.title BEGIN
        UPDATE articles SET title_order = name_order(new.title) WHERE id = new.id;
    END
    """,
]

# v55: an article whose words hold a Latin letter no decomposition makes of an ASCII one, which
# search reads since as the letters the title order sorts it with (search_fold.LATIN_BASE_LETTERS:
# Ł ł l, Ø ø o, Æ æ ae, Œ œ oe, Đ đ Ð ð d, Þ þ th, Ħ ħ h; user test r48 M3), is indexed again:
# such a word was indexed as written, so `lodz` found no Łódź and `oresund` no Øresund. Those
# articles are found from the articles' index's words (each such word's rows), their words as
# schemas 48 to 54 gave them taken out of both articles' indexes (SQL words_before_55) and
# their words now given: only they are read (bench/latin_reindex.py, 100,000 Wikinews articles,
# 13 % holding such a word: 24 s of CPU, 88 s on a loaded machine, where rebuilding both indexes
# took 64 s of CPU, 199 s). A text among them that no longer unpacks (a damaged store: its
# words as indexed not known) has the index rebuilt whole. The quote index, small, is rebuilt
# when its words hold one. A store without such a word reads no text (its list of words is
# read: ~2 s). Replayable (the words found are gone once done).
LATIN_BASE_REINDEX_AT = 55
_LATIN_BASE_ARTICLES = "temp.latin_base_articles"


def _latin_base_words(index: str, words: str, delete: bool = False) -> str:
    """The statement giving (or, `delete`, taking back) the words of the articles in
    _LATIN_BASE_ARTICLES to the articles' index `index`, read by SQL function `words`; none
    while a rebuild of the index is due (an earlier step's, or an earlier open's left: it
    holds other words, and reads every text again once the upgrade is done)."""
    head, name = ("'delete', a.id", f"{index}, ") if delete else ("a.id", "")
    rebuilt_by = f"'articles_fts', '{PREFIX_INDEX}'" if index == PREFIX_INDEX else "'articles_fts'"
    return f"""INSERT INTO {index} ({name}rowid, title, author, text)
    SELECT {head}, {words}(a.title), {words}(a.author), {words}({unpacked("a.text")})
    FROM {_LATIN_BASE_ARTICLES} l JOIN articles a ON a.id = l.id
    WHERE NOT EXISTS (SELECT 1 FROM index_rebuilds WHERE name IN ({rebuilt_by}))"""


_V55 = [
    "DROP TABLE IF EXISTS temp.latin_base_words",
    "CREATE VIRTUAL TABLE temp.latin_base_words USING fts5vocab(main, articles_fts, row)",
    "DROP TABLE IF EXISTS temp.latin_base_places",
    "CREATE VIRTUAL TABLE temp.latin_base_places USING fts5vocab(main, articles_fts, instance)",
    f"DROP TABLE IF EXISTS {_LATIN_BASE_ARTICLES}",
    f"""CREATE TABLE {_LATIN_BASE_ARTICLES} AS SELECT DISTINCT p.doc AS id
    FROM temp.latin_base_words w JOIN temp.latin_base_places p ON p.term = w.term
    WHERE {NOT_ASCII_TERM.replace("term", "w.term")} AND w.term GLOB '{LATIN_BASE_GLOB}'""",
    "DROP TABLE temp.latin_base_places",
    "DROP TABLE temp.latin_base_words",
    *(_latin_base_words(i, "words_before_55", delete=True) for i in ("articles_fts", PREFIX_INDEX)),
    *(_latin_base_words(i, "search_words") for i in ("articles_fts", PREFIX_INDEX)),
    f"""INSERT OR IGNORE INTO index_rebuilds (name) SELECT 'articles_fts'
    WHERE EXISTS (SELECT 1 FROM {_LATIN_BASE_ARTICLES} l JOIN articles a ON a.id = l.id
        WHERE typeof(a.text) = 'blob' AND damaged_text(a.text))""",
    f"DROP TABLE {_LATIN_BASE_ARTICLES}",
    *_later_case_words("quotes_fts", LATIN_BASE_GLOB),
]

# v56: the language a feed declares (RSS <language>, Atom's xml:lang on <feed>, JSON Feed's
# `language`) and the one each article's entry declares (its own, else its feed's: an Atom
# entry's xml:lang, an item's <dc:language>, a JSON Feed item's `language`), as tags in lower
# case ("de", "fr-ca", "en-us"); NULL where none is declared (and for what was stored before:
# a feed gets its language at its next fetch). The extractor reads a text too short to tell
# as the language declared (user test r48 M4: short German news read as English). The feeds'
# validators and document digests are forgotten, so that each feed's next fetch reads its
# document (no 304, no "same document again") and learns its language. Replayable (migrations.migrate
# skips an ADD COLUMN of a column there; forgetting them again costs a full fetch, no data).
_V56 = [
    "ALTER TABLE feeds ADD COLUMN language TEXT",
    "ALTER TABLE articles ADD COLUMN language TEXT",
    "UPDATE feeds SET etag = NULL, last_modified = NULL, body_hash = NULL "
    "WHERE etag IS NOT NULL OR last_modified IS NOT NULL OR body_hash IS NOT NULL",
]

# v57: a download that failed for a passing reason (the network, a 5xx, a 429) is tried again by
# the next `download` or `fetch --download` (user test r49 MED-6: a laptop that woke offline once
# lost its cron downloads for good): `tries` counts those failures in a row, `retry_at` is when
# the next run may queue it again (NULL: only `--retry` does: a failure for good, a 404, or one
# that failed so MAX_PASSING_TRIES times). Replayable (migrations.migrate skips an ADD COLUMN of
# a column there).
_V57 = [
    "ALTER TABLE downloads ADD COLUMN tries INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE downloads ADD COLUMN retry_at TEXT",
]

MIGRATIONS: list[list[str]] = [
    _V1,
    _V2,
    _V3,
    _V4,
    _V5,
    _V6,
    _V7,
    _V8,
    _V9,
    _V10,
    _V11,
    _V12,
    _V13,
    _V14,
    _V15,
    _V16,
    _V17,
    _V18,
    _V19,
    _V20,
    _V21,
    _V22,
    _V23,
    _V24,
    _V25,
    _V26,
    _V27,
    _V28,
    _V29,
    _V30,
    _V31,
    _V32,
    _V33,
    _V34,
    _V35,
    _V36,
    _V37,
    _V38,
    _V39,
    _V40,
    _V41,
    _V42,
    _V43,
    _V44,
    _V45,
    _V46,
    _V47,
    _V48,
    _V49,
    _V50,
    _V51,
    _V52,
    _V53,
    _V54,
    _V55,
    _V56,
    _V57,
]
SCHEMA_VERSION = len(MIGRATIONS)
