"""The schema's steps 32 to 47: downloads forgotten and stopped, imported marks, links as compared,
removed articles' links and dates, where a feed was read from, changed texts, article ids,
failing feeds, the fold index, updates."""

from __future__ import annotations

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
RETIRED_ARTICLES_BY_LINK = """CREATE INDEX IF NOT EXISTS retired_articles_by_link
    ON retired_articles (feed_id, link) WHERE link IS NOT NULL"""
_V38 = [
    "ALTER TABLE retired_articles ADD COLUMN link TEXT",
    "ALTER TABLE retired_articles ADD COLUMN title TEXT",
    "ALTER TABLE retired_articles ADD COLUMN enclosures TEXT",
    "ALTER TABLE retired_articles ADD COLUMN was_read INTEGER",
    RETIRED_ARTICLES_BY_LINK,
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
ARTICLES_FOLD = (
    "CREATE INDEX IF NOT EXISTS articles_fold ON articles (id, read, sort_date, feed_id)"
)
_V46 = [ARTICLES_FOLD]

# v47: when a fetch (or a sync) found an article's entry changed in place and stored the change
# (ISO 8601 UTC; NULL: never updated since it was stored): the reader's byline and `show` say
# "updated HH:MM", so a publisher's correction of an article already read is seen (user test
# r44 L3). Earlier updates are not known: NULL. Replayable (migrations.migrate skips an ADD COLUMN of a
# column there).
_V47 = ["ALTER TABLE articles ADD COLUMN updated TEXT"]


# schema.MIGRATIONS' steps 32 to 47
V32_V47: list[list[str]] = [
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
]
