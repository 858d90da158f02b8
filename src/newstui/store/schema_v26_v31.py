"""The schema's steps 26 to 31: full-text indexes rebuilt once a statement, CJK words, stories
split, the quote index as the articles' and the prefix index."""

from __future__ import annotations

from newstui.store.cjk_words import CJK_GLOB
from newstui.store.schema_sql import (
    PREFIX_INDEX,
    indexed_quote_words,
    marking_triggers,
    quote_words,
    unpacked,
)

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
    *marking_triggers("SELECT stale_index('{index}')"),
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
    *marking_triggers("INSERT OR IGNORE INTO index_rebuilds (name) SELECT stale_index('{index}')"),
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
    *marking_triggers(
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
    *marking_triggers(
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
    *marking_triggers(
        "INSERT OR IGNORE INTO index_rebuilds (name) SELECT stale_index('{index}')",
        f"{_WORDS_OLD}\n        {_PREFIX_WORDS_OLD}",
        f"{_WORDS_NEW}\n        {_PREFIX_WORDS_NEW}",
        indexed_quote_words,
    ),
    # (replayed, the index its triggers kept in step is left as it is)
    f"""INSERT OR IGNORE INTO index_rebuilds (name) SELECT '{PREFIX_INDEX}'
    WHERE EXISTS (SELECT 1 FROM articles) AND NOT EXISTS (SELECT 1 FROM {PREFIX_INDEX}_docsize)""",
]

# schema.MIGRATIONS' steps 26 to 31
V26_V31: list[list[str]] = [_V26, _V27, _V28, _V29, _V30, _V31]
