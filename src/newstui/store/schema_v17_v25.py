"""The schema's steps 17 to 25: quote words read from their article, packed texts, articles to
analyse, stories' sketches and leaders, download numbers, and the full-text triggers' care of
damaged texts."""

from __future__ import annotations

from newstui.store.schema_sql import FTS_ADD_NEW, FTS_FORGET_OLD, quote_words, unpacked

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
        {FTS_ADD_NEW}
    END
    """,
    f"""
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        {FTS_FORGET_OLD}
    END
    """,
    f"""
    CREATE TRIGGER articles_au AFTER UPDATE OF title, author, text ON articles BEGIN
        {FTS_FORGET_OLD}
        {FTS_ADD_NEW}
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
ARTICLES_ANALYSIS = _V19[0]

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
        {FTS_FORGET_OLD}
        {rebuild}{when_damaged}
    END
    """,
        f"""
    CREATE TRIGGER articles_au AFTER UPDATE OF title, author, text ON articles BEGIN
        {FTS_FORGET_OLD}
        {FTS_ADD_NEW}
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

# schema.MIGRATIONS' steps 17 to 25
V17_V25: list[list[str]] = [_V17, _V18, _V19, _V20, _V21, _V22, _V23, _V24, _V25]
