"""newsboat's cache.db as newsboat 2.21 makes it (its schema copied from a cache it wrote with
`newsboat -x reload`), filled with the items a test names."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

SCHEMA = [
    "CREATE TABLE rss_feed (  rssurl VARCHAR(1024) PRIMARY KEY NOT NULL,  url VARCHAR(1024) NOT "
    "NULL,  title VARCHAR(1024) NOT NULL , lastmodified INTEGER(11) NOT NULL DEFAULT 0, is_rtl "
    'INTEGER(1) NOT NULL DEFAULT 0, etag VARCHAR(128) NOT NULL DEFAULT "")',
    "CREATE TABLE rss_item (  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,  guid VARCHAR(64) "
    "NOT NULL,  title VARCHAR(1024) NOT NULL,  author VARCHAR(1024) NOT NULL,  url VARCHAR(1024) "
    "NOT NULL,  feedurl VARCHAR(1024) NOT NULL,  pubDate INTEGER NOT NULL,  content "
    "VARCHAR(65535) NOT NULL, unread INTEGER(1) NOT NULL , enclosure_url VARCHAR(1024), "
    "enclosure_type VARCHAR(1024), enqueued INTEGER(1) NOT NULL DEFAULT 0, flags VARCHAR(52), "
    'deleted INTEGER(1) NOT NULL DEFAULT 0, base VARCHAR(128) NOT NULL DEFAULT "")',
    "CREATE TABLE google_replay (  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,  guid "
    "VARCHAR(64) NOT NULL,  state INTEGER NOT NULL,  ts INTEGER NOT NULL )",
    "CREATE INDEX idx_rssurl ON rss_feed(rssurl)",
    "CREATE INDEX idx_guid ON rss_item(guid)",
    "CREATE INDEX idx_feedurl ON rss_item(feedurl)",
    "CREATE INDEX idx_deleted ON rss_item(deleted)",
    "CREATE TABLE metadata (  db_schema_version_major INTEGER NOT NULL,  "
    "db_schema_version_minor INTEGER NOT NULL )",
]


@dataclass(frozen=True)
class Item:
    """One rss_item row: newsboat's guid is the feed's, or the link and date without one."""

    feed: str
    guid: str
    link: str
    unread: bool = True
    flags: str = ""
    deleted: bool = False
    title: str = "T"
    enclosure: str | None = None  # a podcast episode's file URL


def write_cache(path: Path, feeds: dict[str, str], items: list[Item]) -> Path:
    """newsboat's cache at `path`: feeds (URL → title) and their items."""
    with sqlite3.connect(path) as conn:
        for statement in SCHEMA:
            conn.execute(statement)
        conn.executemany(
            "INSERT INTO rss_feed (rssurl, url, title) VALUES (?, '', ?)", feeds.items()
        )
        conn.executemany(
            "INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content, unread, "
            "flags, deleted, enclosure_url) VALUES (?, ?, '', ?, ?, 0, '', ?, ?, ?, ?)",
            [
                (
                    i.guid,
                    i.title,
                    i.link,
                    i.feed,
                    int(i.unread),
                    i.flags,
                    int(i.deleted),
                    i.enclosure,
                )
                for i in items
            ],
        )
    conn.close()
    return path
