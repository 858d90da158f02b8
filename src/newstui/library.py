"""The one door to the data: a typed facade over the store that the CLI, the app and ingest call.

`store/` is its private implementation (SQL over sqlite3); nothing outside `store/` and
this module imports it. Filters and read models are plain values from `newstui.model`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from newstui.article_rows import PreparedArticle
from newstui.model import (
    NEWEST_FIRST,
    AnalysisRows,
    ArticleFilter,
    ArticleRow,
    Direction,
    FeedRow,
    FilterAction,
    SortOrder,
    SourceKind,
    tag_unread_counts,
)
from newstui.model.names import name_key
from newstui.store import analysis as _analysis
from newstui.store import article_detail as _article_detail
from newstui.store import article_fulltext as _article_fulltext
from newstui.store import article_lists as _article_lists
from newstui.store import article_marks as _article_marks
from newstui.store import article_saving as _article_saving
from newstui.store import article_search as _article_search
from newstui.store import backup as _backup
from newstui.store import before_open as _before_open
from newstui.store import db as _db
from newstui.store import downloads as _downloads
from newstui.store import failures as _failures
from newstui.store import feeds as _feeds
from newstui.store import filter_sql as _filter_sql
from newstui.store import opening as _opening
from newstui.store import retention as _retention
from newstui.store import schema as _schema
from newstui.store import stories as _stories
from newstui.store import untold_upgrades as _untold_upgrades
from newstui.store import views as _views
from newstui.store import wal as _wal
from newstui.store.lock_holder import opened_by_others, runs_what, write_lock_holder

if TYPE_CHECKING:
    import threading
    from contextlib import AbstractContextManager
    from pathlib import Path

    from newstui.errors import DiskFullError
    from newstui.model import (
        Analysis,
        Article,
        ArticleDetail,
        ChangedTexts,
        CleanupReport,
        Download,
        EntityRow,
        FeedCache,
        FetchRecord,
        FilterCount,
        Link,
        QuoteRow,
        RemoteFeed,
        RemoteItem,
        RemovedSource,
        RetentionPolicy,
        SaveResult,
        SmartCounts,
        SourceSpec,
        StopThen,
        StoredArticle,
        StoryVersion,
        SyncStatus,
        TextToAnalyse,
    )
    from newstui.model.fetching import FetchWait, SetAsideSource
    from newstui.model.marks import ImportedMark, MarksTaken, WaitingMarks
    from newstui.model.store_restore import Restored
    from newstui.model.store_upgrade import StoreUpgrade
    from newstui.model.views import Marked, ReadsAs
    from newstui.query import Query  # only searches, filters and query views need it
    from newstui.store import sync as _sync  # only sync and its status line need it
    from newstui.store.sync import MovedSource as MovedSource
    from newstui.store.sync import QueuedChange as QueuedChange
    from newstui.store.sync import SyncedFeed as SyncedFeed
    from newstui.stories import StorySketch

EntityKey = Callable[
    [str, str], str
]  # (name, type) → the key that merges an entity across articles
EVERY_ARTICLE = ArticleFilter()
STORY_LOCK_GAP_SECONDS = _stories.LOCK_GAP_SECONDS
"""What find_stories leaves free for other writers between two of its writes."""


def busy_seconds() -> float:
    """How long a write waits for another process's write to end before it fails: the store's
    one figure (store.db.BUSY_SECONDS), read when asked."""
    return _db.busy_seconds()


class Library:
    """A newstui database: articles, sources, marks and analyses, read and written by typed
    methods. One instance holds one SQLite connection; use it from one thread at a time."""

    SCHEMA_VERSION = _schema.SCHEMA_VERSION  # the store this newstui writes (older: upgraded)

    def __init__(self, db: _db.Database) -> None:
        self._db = db

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        threads: bool = False,
        upgrading: Callable[[int], None] | None = None,
        stop: threading.Event | None = None,
        waiting: Callable[[], None] | None = None,
        upgraded: Callable[[StoreUpgrade], None] | None = None,
        reading: bool = False,
        upgrade_elsewhere: Callable[[], None] | None = None,
    ) -> Library:
        """Open (creating and migrating if needed) the database at `path`; `threads` lets the
        connection be used from threads other than the one that opened it; `upgrading` is
        called with the number of stored articles before a slow migration; setting `stop`
        ends a migration under way (StoreError: the steps done stay); `waiting` is called
        once, when a write first waits (over half a second) for another process's write;
        `upgraded` once this open upgraded an existing store (a copy of it as it was kept
        beside it: store.opening.open_db); `reading` for a short command that only reads, which
        reads the store even where the write-ahead log's index cannot be made (a quota, a
        file-size limit), holding it alone meanwhile; `upgrade_elsewhere`, in `upgrading`'s
        place, when another process is upgrading the store: this open waits for it."""
        db = _opening.open_db(
            path,
            threads=threads,
            upgrading=upgrading,
            stop=stop,
            upgraded=upgraded,
            reading=reading,
            upgrade_elsewhere=upgrade_elsewhere,
        )
        db.on_busy = waiting
        return cls(db)

    @staticmethod
    def is_busy(exc: BaseException) -> bool:
        """Whether a database error is another process holding the lock past the wait."""
        return isinstance(exc, sqlite3.Error) and _failures.is_busy(exc)

    def disk_full(self, exc: BaseException) -> DiskFullError | None:
        """The one line for a database error that is a write the full disk refused, else None."""
        if not isinstance(exc, sqlite3.Error):
            return None
        return _failures.disk_full_error(self._db.conn, exc)

    @staticmethod
    def stored_version(path: str) -> int | None:
        """The schema version in the header of the store file at `path` (not opened: no lock,
        no -wal or -shm left), None when it is not one."""
        import os

        from newstui.store.upgrade_copies import stored_version

        try:
            status = os.stat(path)
        except OSError:
            return None
        return stored_version(path, status)

    @staticmethod
    def write_lock_holder(path: Path | str) -> int | None:
        """The id of the process writing to the store at `path`, where the system says."""
        return write_lock_holder(str(path))

    @staticmethod
    def runs_what(pid: int) -> str:
        """ "newstui" when the process `pid` (or its parent) runs newstui, else "process"."""
        return runs_what(pid)

    @staticmethod
    def upgrade_ahead(path: Path | str) -> int:
        """How many articles the store at `path` holds when opening it will run a slow
        upgrade (sketching every story again, rewriting the file), else 0."""
        return _before_open.upgrade_ahead(path)

    @staticmethod
    def upgrade_under_way(path: Path | str) -> int | None:
        """How many articles the store at `path` holds when another process is upgrading it
        now (an open waits for that upgrade), else None."""
        return _before_open.upgrade_under_way(path)

    @staticmethod
    def schema_ahead(path: Path | str) -> int:
        """The schema version of the store at `path` when a newer newstui made it (opening it
        here is refused), else 0."""
        return _before_open.schema_ahead(path)

    @staticmethod
    def open_elsewhere(path: Path | str) -> bool:
        """Whether another process has the store at `path` open (see store.before_open.open_elsewhere)."""
        return _before_open.open_elsewhere(path)

    @property
    def file(self) -> str:
        """The database's file (":memory:" for a store in memory)."""
        return _failures.connection_file(self._db.conn)

    @staticmethod
    def back_up_file(
        source: Path | str, target: Path | str, waiting: Callable[[], None] | None = None
    ) -> int:
        """Write a copy of the whole store in the file `source` to the file `target` (made or
        overwritten), as of one moment, while other processes go on writing, without upgrading
        it first; its schema version. `waiting` is called once when another process's lock
        holds the copy up (see store.backup.back_up_file)."""
        return _backup.back_up_file(source, target, waiting)

    @staticmethod
    def restore_file(
        store: str, backup: str, shown: str, upgrading: Callable[[int], None] | None = None
    ) -> Restored:
        """Put the newstui store in the file `backup` back as the store at `store`, keeping
        the store as it was beside it, its copy upgraded first where an older newstui made it
        (`upgrading(articles)` called before a slow upgrade); see store.restore. StoreError
        when it must not."""
        from newstui.store.restore import restore_file

        return restore_file(store, backup, shown, upgrading)

    def close(self) -> None:
        """Close the connection, once the index rebuilds its writes left due are done."""
        _opening.close_db(self._db)

    def bulk_writes(self) -> AbstractContextManager[None]:
        """For a fetch of many articles: the write-ahead log is checkpointed less often while
        it runs (see store.wal.bulk_writes)."""
        return _wal.bulk_writes(self._db)

    def checkpoint_beside(self) -> AbstractContextManager[None]:
        """The write-ahead log copied into the database in a thread while this connection goes
        on writing (a fetch's last analyses): closing the store then copies only what was
        written since (see store.wal.checkpoint_beside)."""
        return _wal.checkpoint_beside(self._db)

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the database."""
        return _db.data_version(self._db)

    @property
    def application_id(self) -> int:
        """The number marking what built the database (e.g. the rebuildable demo); 0 if none."""
        return _db.application_id(self._db)

    @application_id.setter
    def application_id(self, value: int) -> None:
        _db.set_application_id(self._db, value)

    # -- articles ---------------------------------------------------------------------------

    def count(self, f: ArticleFilter = EVERY_ARTICLE) -> int:
        """How many articles match the filter."""
        return _filter_sql.count_articles(self._db, f)

    def count_sources(self, f: ArticleFilter = EVERY_ARTICLE, most: int = 2) -> int:
        """How many sources the matching articles come from, counted up to `most`."""
        return _filter_sql.count_sources(self._db, f, most)

    def articles(
        self,
        f: ArticleFilter = EVERY_ARTICLE,
        *,
        offset: int = 0,
        limit: int | None = 100,
        order: SortOrder = NEWEST_FIRST,
    ) -> list[ArticleRow]:
        """A window of matching articles, newest first or in `order` (`limit` None: all)."""
        return _article_lists.list_articles(self._db, f, offset=offset, limit=limit, order=order)

    def each_article(
        self,
        f: ArticleFilter = EVERY_ARTICLE,
        *,
        limit: int | None = None,
        order: SortOrder = NEWEST_FIRST,
    ) -> Iterator[ArticleRow]:
        """`articles` one at a time as the store reads them, none held (`list --all --json` of
        200,000 articles took 652 MB as a list)."""
        return _article_lists.each_article(self._db, f, limit=limit, order=order)

    def article_ids(self, f: ArticleFilter, order: SortOrder = NEWEST_FIRST) -> list[int]:
        """The ids of every matching article, in `order` (as `articles(f, limit=None)` lists
        them, reading no other column)."""
        return _article_lists.list_article_ids(self._db, f, order)

    def forget_match_sets(self) -> None:
        """Drop the text matches kept for recent queries until the data changes, so the next
        query evaluates its text part again (what bench/query.py times)."""
        from newstui.store import match_sets as _match_sets  # loaded by the first query search

        _match_sets.forget_match_sets(self._db)

    def position(
        self, f: ArticleFilter, article_id: int, order: SortOrder = NEWEST_FIRST
    ) -> int | None:
        """The index of an article in the filtered list (in `order`), or None if absent."""
        return _article_lists.article_position(self._db, f, article_id, order)

    def next_unread(
        self,
        f: ArticleFilter,
        article_id: int | None,
        direction: Direction,
        order: SortOrder = NEWEST_FIRST,
    ) -> int | None:
        """The list index of the nearest unread article after (1) or before (-1) `article_id`."""
        return _article_lists.next_unread_position(self._db, f, article_id, direction, order)

    def search(self, query: Query, *, limit: int = 50) -> list[ArticleRow]:
        """Articles matching a query, best text matches first."""
        return _article_search.search_articles(self._db, query, limit)

    def untold_upgrade(self) -> int | None:
        """The schema version an upgrade of the store began at that no person has been told
        of yet (a status line's command made it, its stderr discarded), or None."""
        return _untold_upgrades.untold_upgrade(self._db)

    def upgrade_told(self, began: int) -> bool:
        """The upgrade from `began` has been told to a person: forget it, at once or not at all
        (another process's write lock not waited for: False, said again next time)."""
        return _untold_upgrades.upgrade_told(self._db, began)

    def last_article_id(self) -> int:
        """The highest article id now (0: none); articles stored later have higher ones."""
        return _article_lists.last_article_id(self._db)

    def article(self, article_id: int) -> StoredArticle | None:
        """One article in full, or None."""
        return _article_detail.get_article(self._db, article_id)

    def detail(self, article_id: int) -> ArticleDetail | None:
        """One article with its analysis and entity counts (what the reader shows), or None;
        the language it reads as is asked apart (`reads_as`: its first call is slow)."""
        return _views.article_detail(self._db, article_id)

    @staticmethod
    def reads_as(article: StoredArticle, extractor: str) -> ReadsAs:
        """Whether the configured `extractor` reads the article's text as English or as another
        language, where it keeps few quotes and entities (README "The analysis reads English");
        "english" for the "none" extractor, which finds nothing in any language. It reads the
        first words until it can tell (~0.1 ms), but the first call imports the language gate:
        no store is read, so no library need be held for it. A text too short to tell reads as
        the language its entry or feed declares (`StoredArticle.language`)."""
        if extractor == "none":  # (no line saying why few are found: none are, r46 uihint 2)
            return "english"
        from newstui.nlp.language import reads_as_english
        from newstui.text import prose_only

        # the text as RulesExtractor.analyse reads it: its prose, not its code lines
        english = reads_as_english(prose_only(article.text), article.language)
        return "english" if english else "other"

    def mark(
        self, ids: Iterable[int], *, read: bool | None = None, starred: bool | None = None
    ) -> int:
        """Set read and/or starred on articles; returns how many of them exist."""
        return _article_marks.mark_articles(self._db, ids, read=read, starred=starred)

    def marked(
        self, ids: Iterable[int], *, read: bool | None = None, starred: bool | None = None
    ) -> Marked:
        """`mark`, saying what it changed: the given articles, and the other versions of their
        stories read (or unread) with them."""
        return _article_marks.marked_articles(self._db, ids, read=read, starred=starred)

    def set_flags_exactly(
        self, ids: Iterable[int], *, read: bool | None = None, starred: bool | None = None
    ) -> tuple[int, list[int]]:
        """Set read and/or starred on these articles only, not the other versions of their
        stories (an undo puts back each article's own state); returns how many exist and the
        ids changed."""
        return _article_marks.set_flags_exactly(self._db, ids, read=read, starred=starred)

    def unread_to_mark(self, f: ArticleFilter) -> tuple[list[int], list[int]]:
        """The ids `A` marks read: the filter's unread articles, and the unread other versions
        of their stories."""
        return _article_marks.unread_to_mark(self._db, f)

    def mark_all_read(self, f: ArticleFilter) -> int:
        """Mark every article matching the filter read; returns how many changed."""
        return _article_marks.mark_all_read(self._db, f)

    def mark_all_read_ids(self, f: ArticleFilter) -> list[int]:
        """Mark every article matching the filter read; returns the ids changed (for undo)."""
        return _article_marks.mark_all_read_ids(self._db, f)

    # -- sources ----------------------------------------------------------------------------

    def sources(self) -> list[FeedRow]:
        """Every source with its article and unread counts, by name."""
        return _feeds.list_feeds(self._db)

    def source_tags(self) -> list[str]:
        """Every tag of the listed sources, once each (a folder `tag:` may name), read without
        the article counts `sources` reads."""
        return _feeds.listed_tags(self._db)

    @staticmethod
    def folders_meant(folder: str, tags: Iterable[str]) -> list[str]:
        """The folders of `tags` a typed `folder` names, as the query's `tag:` finds them
        (model.folders.meant_folders, names compared as search folds them)."""
        from newstui.model.folders import meant_folders
        from newstui.store.search_fold import name_fold

        return meant_folders(folder, tags, name_fold)

    @staticmethod
    def names_with_words(typed: str, names: Iterable[str]) -> list[str]:
        """The names of `names` holding each word of `typed` as the start of one of their
        words, compared as search folds them (`lodz` in "Łódź Daily", `daily lod` too): the
        "did you mean" of a name typed as people say it (user test r49 LOW-3). Each name once,
        in the order given; none when `typed` holds no word."""
        import re

        from newstui.store.search_fold import name_fold

        wanted = re.findall(r"\w+", name_fold(typed))
        if not wanted:
            return []
        found = []
        for name in dict.fromkeys(names):
            words = re.findall(r"\w+", name_fold(name))
            if all(any(word.startswith(part) for word in words) for part in wanted):
                found.append(name)
        return found

    @staticmethod
    def folders_near(folder: str, tags: Iterable[str]) -> list[str]:
        """The folders of `tags` a typed `folder` naming none was likely meant for: a subfolder
        by its own name, a typo (model.folders.folders_near, names folded as search folds)."""
        from newstui.model.folders import folders_near
        from newstui.store.search_fold import name_fold

        return folders_near(folder, tags, name_fold)

    def smart_counts(self) -> SmartCounts:
        """Article, unread and starred counts over the whole store."""
        return _views.smart_counts(self._db)

    def tag_counts(self, sources: list[FeedRow]) -> list[tuple[str, int, int]]:
        """(tag, articles, unread) of each tag's list, by tag, from the sources' counts (those
        `sources()` gave): a story two feeds of a tag carry is counted once, as listed."""
        return tag_unread_counts(sources, _views.tag_copies(self._db))

    def stored_named(self, names: Sequence[str]) -> list[bool]:
        """For each of `names` (a URL, key or name), whether find_source finds a source by it:
        one read of the sources for them all."""
        addresses, named = _feeds.listed_addresses(self._db)
        return [n in addresses or name_key(n) in named for n in names]

    def find_source(self, name: str) -> int | None:
        """The id of the source with that URL, or named `name` (any case); SourceChoiceError when
        several are named so, none exactly (it names each)."""
        return _feeds.find_feed(self._db, name)

    def register_source(
        self,
        key: str,
        name: str,
        *,
        kind: SourceKind = "feed",
        url: str | None = None,
        tags: tuple[str, ...] = (),
        configured: bool = False,
        keep_name: bool = False,
        keep_tags: bool = False,
    ) -> int:
        """The id of the source with this key, created or renamed/retagged to match the config.

        `configured`: the source comes from the config file, so leaving it removes the source.
        Registering a removed source brings it back. `keep_name`/`keep_tags`: an existing source
        keeps its name/tags (a re-import without --name/--tag).
        """
        return _feeds.ensure_feed(
            self._db,
            key,
            name,
            kind=kind,
            url=url,
            tags=tags,
            configured=configured,
            keep_name=keep_name,
            keep_tags=keep_tags,
        )

    def register_sources(self, specs: Sequence[SourceSpec]) -> list[int]:
        """`register_source` for many sources at once (one transaction); ids in order."""
        return _feeds.ensure_feeds(self._db, specs)

    def sources_config_changed(self, specs: Sequence[SourceSpec]) -> list[SourceSpec]:
        """The specs whose listed source the config now gives other tags or another name (a
        file edited by hand): what `register_sources` would change, read without a write."""
        return _feeds.entries_changed(self._db, specs)

    def name_by_title(self, source_id: int, title: str, default: str) -> str:
        """Name an imported feed file's source by its document's title, unless the user named
        it (its name is no longer `default`, the file's, nor the title it went by); returns
        the source's name."""
        return _feeds.name_by_title(self._db, source_id, title, default)

    def source_title(self, url: str) -> str | None:
        """The title a feed document gave itself, once fetched."""
        return _feeds.feed_title(self._db, url)

    def keep_site_urls(self, sites: Sequence[tuple[str, str]]) -> None:
        """Give the feeds of these (URL, web site) pairs without a web site yet the one an
        imported subscription list named, until a fetch reads their own."""
        _feeds.keep_site_urls(self._db, sites)

    def site_urls(self) -> dict[str, str]:
        """Each fetched feed's URL → the web site its document links to (OPML's htmlUrl)."""
        return _feeds.site_urls(self._db)

    def move_source_address(self, url: str, new_url: str) -> None:
        """The feed source of `url` is known by `new_url` from now on (`add` found it moved
        for good), its articles and marks kept."""
        _feeds.move_feed_address(self._db, url, new_url)

    def move_source_addresses(self, moves: Sequence[tuple[str, str]]) -> None:
        """`move_source_address` for each (url, new url) pair, in one transaction."""
        _feeds.move_feed_addresses(self._db, moves)

    def old_feed_urls(self) -> dict[str, str]:
        """Each address a listed feed was known by before its move for good was followed
        (`feeds --update-moved`, `M`, `add`) → its address now."""
        return _feeds.old_feed_urls(self._db)

    def source_names(self) -> dict[int, str]:
        """Each listed source's name by id, as Sources lists it (a feed without `name` by its
        title once fetched, else its address without the scheme)."""
        return _feeds.feed_names(self._db)

    def source_documents(self) -> dict[int, tuple[str | None, str | None]]:
        """Each listed feed's stored title and web site by id, which name it when a fetch reads
        neither (model.names.document_names)."""
        return _feeds.feed_documents(self._db)

    def source_held(self, url: str) -> int | None:
        """The id of the source of this URL the store holds, listed or not (set aside, removed
        with starred articles kept); None when none."""
        return _feeds.feed_held(self._db, url)

    def forget_source_if_empty(self, key: str) -> None:
        """Remove a source that never stored an article (an `add` or `import` that failed)."""
        _feeds.forget_source_if_empty(self._db, key)

    def listed_entry(self, url: str) -> tuple[str, tuple[str, ...]] | None:
        """The name and tags of the source of this URL the store lists (set aside or not); None
        for one removed on purpose or not held."""
        return _feeds.listed_entry(self._db, url)

    def removal_counts(self, source_id: int) -> tuple[int, int]:
        """How many articles a source holds, and how many of them are starred."""
        return _feeds.removal_counts(self._db, source_id)

    def set_source_tags(self, source_id: int, tags: Sequence[str]) -> None:
        """Give a source these tags (its articles stay): a folder removed takes only its tag off
        a source that is in another folder too."""
        _feeds.set_feed_tags(self._db, source_id, tags)

    def remove_source(self, source_id: int, *, purge: bool = False) -> RemovedSource:
        """Delete a source and its articles; starred articles stay (under a hidden, removed
        source) unless `purge`."""
        return _feeds.remove_feed(self._db, source_id, purge=purge)

    def set_aside_source(
        self, source_id: int, when: str, *, url_changed: bool = False
    ) -> RemovedSource | None:
        """Set aside a source that left the config by hand (`when`: now, ISO 8601 UTC;
        `url_changed`: the config gives its name another URL): kept whole, listed nowhere, back
        as it was when its URL is registered again. One without articles is deleted (outcome
        "deleted")."""
        from newstui.store import set_aside

        return set_aside.set_aside_feed(self._db, source_id, when, url_changed=url_changed)

    def set_aside_name_left(self, source_id: int, when: str) -> None:
        """A source set aside as its URL changed lost its name from the config too: its grace
        period starts `when` (now, ISO 8601 UTC)."""
        from newstui.store import set_aside

        set_aside.name_left_config(self._db, source_id, when)

    def set_aside_sources(self) -> list[SetAsideSource]:
        """The sources set aside after leaving the config, oldest first."""
        from newstui.store import set_aside

        return set_aside.set_aside_feeds(self._db)

    def set_aside_named(self, names: Iterable[str]) -> list[SetAsideSource]:
        """The set-aside sources going by one of `names` (a name, case-insensitive, or URL): an
        edited URL's old feed, or a feed deleted from the config by hand."""
        wanted = {name_key(n) for n in names}
        return [
            s
            for s in self.set_aside_sources()
            if wanted & {name_key(s.name), name_key(s.key), name_key(s.url or "")}
        ]

    def removed_for_good(self, source_id: int) -> bool:
        """Whether a source was removed (its starred articles kept, under no source listed or
        set aside) or is gone: False for one Sources lists, or will once it loads."""
        return _feeds.removed_for_good(self._db, source_id)

    def remove_set_aside_source(
        self, source_id: int, *, purge: bool = False
    ) -> RemovedSource | None:
        """Delete now the one source `source_id` if it is still set aside after leaving the
        config (starred articles stay unless `purge`); None when it is not (any more)."""
        if not any(s.id == source_id for s in self.set_aside_sources()):
            return None
        return self.remove_source(source_id, purge=purge)

    def set_aside_counts(self, names: Iterable[str]) -> tuple[int, int]:
        """How many articles the set-aside sources going by one of `names` hold, and how many
        of them are starred (what remove_set_aside takes)."""
        counts = [self.removal_counts(s.id) for s in self.set_aside_named(names)]
        return sum(a for a, _ in counts), sum(s for _, s in counts)

    def remove_set_aside(
        self, names: Iterable[str], *, purge: bool = False
    ) -> RemovedSource | None:
        """Delete now the set-aside sources going by one of `names`, as `newstui remove` and the
        app's D ask (starred articles stay unless `purge`): their counts in one RemovedSource,
        None when there is none."""
        gone = [self.remove_source(s.id, purge=purge) for s in self.set_aside_named(names)]
        if not gone:
            return None
        deleted, starred = sum(r.deleted for r in gone), sum(r.kept_starred for r in gone)
        return replace(gone[0], deleted=deleted, kept_starred=starred)

    def move_source_articles(self, old_id: int, new_id: int) -> tuple[int, int]:
        """Move a set-aside source's articles (marks, full text and all) to the source its URL
        became and delete it; returns how many moved, and how many of the new source's articles
        were copies of them (gone)."""
        from newstui.store import set_aside

        return set_aside.move_feed_articles(self._db, old_id, new_id)

    def unconfigured_sources(self, keys: set[str]) -> list[int]:
        """Listed sources registered from the config whose key the config no longer has."""
        return _feeds.unconfigured_sources(self._db, keys)

    def server_only_sources(self, keys: set[str]) -> list[int]:
        """Listed sources a sync server's subscriptions made whose key the config lacks."""
        return _feeds.server_only_sources(self._db, keys)

    def fetch_cache(self, source_id: int) -> FeedCache:
        """The ETag, Last-Modified and document digest stored for a feed."""
        return _feeds.feed_cache(self._db, source_id)

    def record_fetch(
        self,
        source_id: int,
        *,
        status: int | None,
        error: str | None,
        etag: str | None = None,
        last_modified: str | None = None,
        title: str | None = None,
        site_url: str | None = None,
        body_hash: str | None = None,
        keep_cache: bool = False,
        next_try: str | None = None,
        started: str | None = None,
    ) -> None:
        """Store the outcome of one fetch; a failure keeps the previous cache headers, counts one
        more failure in a row and sets when to try again (`next_try`); a success clears both.
        A failure whose fetch `started` (ISO 8601 UTC) before the last success was stored is
        left out."""
        _feeds.record_fetch(
            self._db,
            source_id,
            status=status,
            error=error,
            etag=etag,
            last_modified=last_modified,
            title=title,
            site_url=site_url,
            body_hash=body_hash,
            keep_cache=keep_cache,
            next_try=next_try,
            started=started,
        )

    def fetch_caches(self) -> dict[int, FeedCache]:
        """`fetch_cache` of every source, read at once."""
        return _feeds.feed_caches(self._db)

    def record_fetches(self, records: Sequence[FetchRecord]) -> None:
        """Store the outcomes of many fetches in one transaction (see FetchRecord)."""
        _feeds.record_fetches(self._db, records)

    def feeds_read_from(self) -> dict[str, str]:
        """The address each feed's last fetch read it from where redirects took it elsewhere,
        by the feed's URL as the config gives it."""
        return _feeds.feeds_read_from(self._db)

    def forget_read_from(self, url: str) -> None:
        """Forget where the feed of `url` was last read from: a permanent move it followed is
        said again at its next fetch (a held source `add`ed again: review r36 F1)."""
        _feeds.forget_read_from(self._db, url)

    def failing_since(self) -> dict[int, str]:
        """Each failing source's first failure in a row (ISO 8601 UTC), counted or not: a run
        while the network was down counts none, yet says since when it failed."""
        return _feeds.failing_since(self._db)

    def fetch_waits(self) -> dict[int, FetchWait]:
        """Every source's failures in a row, the time before which it is not fetched again
        (ISO 8601 UTC, or None), its last fetch's HTTP status (a 429's: see ingest) and whether
        that fetch failed for the network's sake."""
        return _feeds.fetch_waits(self._db)

    def cleanup(
        self,
        policies: Mapping[int, RetentionPolicy],
        *,
        now: datetime | None = None,
        dry_run: bool = False,
        syncing: bool = True,
        pause: Callable[[], None] | None = None,
    ) -> CleanupReport:
        """Remove each source's articles past its retention limits (source id → policy), never
        starred ones nor unread ones fetched recently, nor (`syncing`) a server subscription's
        article whose mark waits to be pushed; a dry run only counts. A removed article does not
        come back while its feed still offers it. `pause`: forget_old_sketches' (it runs too)."""
        when = now or datetime.now(UTC)
        return _retention.cleanup(
            self._db, policies, now=when, dry_run=dry_run, syncing=syncing, pause=pause
        )

    def add_imported_marks(
        self, marks: Sequence[ImportedMark], *, now: datetime | None = None
    ) -> MarksTaken:
        """Keep another reader's read and starred marks (newsboat's) for the articles they name:
        given at once to those stored, else when a fetch first stores them; they never unmark,
        nor mark an article an import marked before (all or nothing)."""
        from newstui.store import pending_marks as _pending_marks

        return _pending_marks.add_pending_marks(self._db, marks, now or datetime.now(UTC))

    def waiting_marks(self, keep_days: Mapping[str, int] | None = None) -> list[WaitingMarks]:
        """Imported marks still waiting for their articles, by feed (see add_imported_marks),
        with the day they go by each feed's keep_days (by its configured URL, as cleanup
        applies it; a feed not named: as without retention settings, 60 days)."""
        from newstui.store import pending_marks as _pending_marks

        return _pending_marks.waiting_marks(self._db, keep_days or {})

    # -- writing what sources produced ------------------------------------------------------

    def save_batch(
        self,
        source_id: int,
        articles: Sequence[Article | PreparedArticle],
        *,
        analysed_as: str | None = None,
    ) -> SaveResult:
        """Insert new articles and update changed ones in one transaction; marks are kept.
        Articles a parsing worker prepared (processes.parse_document) are only written.
        `analysed_as`: the version of an extractor that finds nothing, which the new and
        changed articles are stored as analysed by."""
        return _article_saving.save_articles(self._db, source_id, articles, analysed_as)

    def save_batches(
        self,
        batches: Sequence[tuple[int, Sequence[Article | PreparedArticle]]],
        *,
        analysed_as: str | None = None,
        guid_as_fetched: Mapping[int, Callable[[str], str | None]] | None = None,
    ) -> list[SaveResult | Exception]:
        """`save_batch` for several sources' batches in one transaction (one commit); a batch
        that fails changes nothing and its exception is its result. `guid_as_fetched`: by
        source id, how the fetch that read it stores a guid written as newsboat keeps it (an
        imported mark finds its article so when the feed moved: store.pending_marks)."""
        return _article_saving.save_feeds(self._db, batches, analysed_as, guid_as_fetched)

    def bulk_insert(self, source_id: int, articles: Iterable[Article]) -> int:
        """Insert many new articles without dedupe checks (benchmarks, demos); returns how many."""
        return _views.bulk_insert_articles(self._db, source_id, articles)

    def needing_fulltext(
        self, ids: Iterable[int], *, unless: Callable[[str], bool] | None = None
    ) -> list[tuple[int, str, str]]:
        """(id, url, title) of the given articles with a web link and no full text yet (with
        `unless`, only those whose stored text it is false for)."""
        return _article_fulltext.articles_needing_fulltext(self._db, ids, unless=unless)

    def newest_among(self, ids: Iterable[int], count: int) -> set[int]:
        """The `count` articles among `ids` with the latest dates (published, else first seen)."""
        return _article_lists.newest_among(self._db, ids, count)

    def set_fulltext(
        self,
        article_id: int,
        *,
        text: str | None,
        links: Iterable[Link] = (),
        error: str | None = None,
        gone: bool = False,
    ) -> None:
        """Store an article's extracted full text (keeping the summary), or why it failed
        (`gone`: its page is gone behind an entry whose content is the article)."""
        _article_fulltext.set_fulltext(
            self._db, article_id, text=text, links=links, error=error, gone=gone
        )

    # -- analyses ---------------------------------------------------------------------------

    def to_analyse(
        self,
        version: str,
        ids: Iterable[int] | None = None,
        *,
        limit: int = 1000,
        stale: bool = True,
    ) -> list[TextToAnalyse]:
        """Articles not yet analysed by this extractor version (optionally among `ids`): id,
        text and the text's stamp, for `save_analyses`' `read_as`. `stale=False`: only those
        never analysed (new or changed), leaving older versions' to a re-analysis of its own."""
        return _analysis.articles_to_analyse(self._db, version, ids, limit, stale=stale)

    def database_file(self) -> str:
        """The database's file (":memory:" for one in memory): crash journals live beside it."""
        return _failures.connection_file(self._db.conn)

    def opened_by_others(self) -> bool:
        """Whether another process has this store open (an app, another command), whose writes
        a long run of writes here should leave room for; True where the system does not say."""
        path = self.database_file()
        return bool(path) and path != ":memory:" and opened_by_others(path)

    def story_gap(self) -> Callable[[], None]:
        """A pause for join_stories / find_stories that leaves the gap for another process's
        write only while opened_by_others says one has the store open (asked each second, so one
        that opens it during a join gets the gaps); none at all while the store is alone (a CLI
        fetch with no app open), where the gap only slowed the joins (1,500 templated articles:
        189 s with it, 114 s without)."""
        return _stories.gap_while_shared(self.opened_by_others)

    def any_unanalysed(self) -> bool:
        """Whether some article has no analysis at all (new, changed, or left by an interrupted
        fetch); one index look-up, with no extractor loaded to ask."""
        return _analysis.any_unanalysed(self._db)

    def count_unanalysed(self, up_to: int | None = None) -> int:
        """How many articles (ids up to `up_to`, None: all) have no analysis at all: before a
        fetch, those an earlier fetch left (killed before it analysed what it stored)."""
        return _analysis.count_unanalysed(self._db, up_to)

    def mark_unanalysed(self, version: str, ids: Iterable[int] | None = None) -> int:
        """Give articles not yet at `version` an empty analysis at once (an extractor that
        finds nothing); returns how many."""
        return _analysis.mark_unanalysed(self._db, version, ids)

    def save_analyses(
        self,
        results: Iterable[tuple[int, Analysis | AnalysisRows]],
        version: str,
        entity_key: EntityKey,
        surname_key: EntityKey | None = None,
        *,
        read_as: Mapping[int, int] | None = None,
        texts: Mapping[int, str] | None = None,
    ) -> set[int]:
        """Replace the entities and quotes of several articles in one transaction (each as an
        `Analysis` or its `AnalysisRows`); `entity_key` merges entities across articles,
        `surname_key` joins lone surnames. With `read_as` (each article's `TextToAnalyse.stamp`)
        an article whose text changed since it was read is skipped: it stays to be analysed;
        returns the ids skipped. `texts` (each `TextToAnalyse.text`, with `read_as`) spares
        unpacking the stored texts again."""
        return _analysis.save_analyses(
            self._db, results, version, entity_key, surname_key, read_as=read_as, texts=texts
        )

    def prune_entities(self) -> int:
        """Delete entities no article mentions any more; returns how many."""
        return _analysis.prune_entities(self._db)

    def analysis(self, article_id: int) -> Analysis:
        """The stored entities (with mentions) and quotes of one article, in text order."""
        return _analysis.article_analysis(self._db, article_id)

    def entities(
        self,
        type_: str | None = None,
        *,
        limit: int | None = 100,
        name_keys: tuple[str, ...] | None = None,
    ) -> list[EntityRow]:
        """Entities across all articles, by how many stories mention them (a story several
        feeds carry once; EntityRow.stories; then by articles; `limit` None: all);
        with `name_keys` (a name's query keys) only those the name stands for, as `person:`
        finds them."""
        return _analysis.list_entities(self._db, type_, limit, name_keys=name_keys)

    def entities_counted(
        self,
        type_: str | None = None,
        *,
        limit: int | None = 100,
        name_keys: tuple[str, ...] | None = None,
    ) -> tuple[list[EntityRow], int]:
        """`entities`, and how many there are with no limit (`count_entities`), in one pass."""
        return _analysis.counted_entities(self._db, type_, limit, name_keys=name_keys)

    def count_entities(
        self, type_: str | None = None, *, name_keys: tuple[str, ...] | None = None
    ) -> int:
        """How many entities `entities` finds with no limit."""
        return _analysis.count_entities(self._db, type_, name_keys=name_keys)

    def quotes(
        self,
        *,
        speaker: str | None = None,
        article_id: int | None = None,
        limit: int | None = 200,
        speaker_keys: tuple[str, ...] = (),
        since: str | date | None = None,
        copies: bool = False,
        query: Query | None = None,
        after: QuoteRow | None = None,
        speakers: Sequence[tuple[str, tuple[str, ...]]] = (),
    ) -> list[QuoteRow]:
        """Quotes, newest articles first (`limit` None: all); optionally by one speaker (full name, surname, or an
        entity with one of `speaker_keys`), of one article, or dated on or after `since` (an ISO
        time, or a local day, counted as `after:DAY` counts it). A quote the versions of one
        story carry is listed once, with how many other versions carry it (QuoteRow.copies), as
        the headlines list a story once; `copies` lists every version's. `query`: only in the
        articles it finds (search's query language). `after`: those listed after that row, the
        next page of a list read `limit` quotes at a time. `speakers`: (name, `speaker_keys`)
        of more speakers, a quote by any of them listed (`quotes --speaker A --speaker B`)."""
        return _analysis.list_quotes(
            self._db,
            speaker=speaker,
            article_id=article_id,
            limit=limit,
            speaker_keys=speaker_keys,
            since=since,
            copies=copies,
            query=query,
            after=after,
            speakers=speakers,
        )

    def count_quotes(
        self,
        *,
        speaker: str | None = None,
        speaker_keys: tuple[str, ...] = (),
        since: str | date | None = None,
        copies: bool = False,
        query: Query | None = None,
        speakers: Sequence[tuple[str, tuple[str, ...]]] = (),
    ) -> tuple[int, int]:
        """How many quotes `quotes` finds with no limit, and in how many stories (with `copies`:
        every version's quotes, and in how many articles)."""
        return _analysis.count_quotes(
            self._db,
            speaker=speaker,
            speaker_keys=speaker_keys,
            since=since,
            copies=copies,
            query=query,
            speakers=speakers,
        )

    # -- one story once ---------------------------------------------------------------------

    def read_as_copies(self, after: int) -> int:
        """How many articles stored after article `after` came in read as copies of a story read
        in another feed (not by an import's or a sync server's mark)."""
        return _stories.read_as_copies(self._db, after)

    def find_stories(
        self, limit: int | None = None, pause: Callable[[], None] | None = None
    ) -> int:
        """Sketch up to `limit` (None: STORIES_PER_RUN) recent articles not yet sketched and join
        those that copy an article of another feed to its story; returns how many were joined.
        It writes in short transactions, with `pause` (None: a short sleep) between them, so
        another process's write gets in."""
        return _stories.find_stories(self._db, limit, pause)

    def any_unsketched(self) -> bool:
        """Whether recent articles came after the last one sketched (a stopped fetch's)."""
        return _stories.any_unsketched(self._db)

    def unsketched(self, ids: Iterable[int]) -> list[int]:
        """Those of the ids whose articles are recent and not sketched yet (in id order)."""
        return _stories.unsketched(self._db, ids)

    def join_stories(
        self,
        sketched: Iterable[tuple[int, StorySketch]],
        pause: Callable[[], None] | None = None,
    ) -> int:
        """Store articles sketched elsewhere (an analysis worker), each joined to the story of
        the most similar article of another feed; returns how many were joined. `pause`: as
        find_stories'."""
        return _stories.join_stories(self._db, sketched, pause)

    def join_story_steps(
        self, sketched: Iterable[tuple[int, StorySketch]]
    ) -> Iterator[tuple[int, int]]:
        """join_stories one short transaction a step: each yields how many it joined and how
        many are left; a caller that stops between steps leaves those for find_stories."""
        return _stories.join_steps(self._db, sketched)

    def story_gap_seconds(self) -> Callable[[], float]:
        """story_gap's length now (none while the store is alone), for a caller that waits
        itself (a fetch's event loop, asynchronously)."""
        return _stories.gap_seconds_while_shared(self.opened_by_others)

    def forget_old_sketches(
        self, limit: int | None = None, pause: Callable[[], None] | None = None
    ) -> int:
        """Forget the sketches and band keys of up to `limit` (None: OLD_SKETCHES_PER_RUN)
        articles too old to join a new one's story (they keep theirs); returns how many.
        `pause`: as find_stories'."""
        return _stories.forget_old_sketches(self._db, limit, pause)

    def story_copies(self, ids: Iterable[int], f: ArticleFilter = EVERY_ARTICLE) -> set[int]:
        """Those of the ids now joined as copies to another article's story, which a list of
        `f` folding copies leaves out (a search's: those an earlier listed version stands for)."""
        return _stories.story_copies(self._db, ids, _filter_sql.folds_by_match(f))

    def story_sizes(self, ids: Iterable[int]) -> dict[int, tuple[int, int]]:
        """Of the ids joined to a story of other versions: its story's id (its first version's)
        and how many other versions it has, by id (an article alone is left out)."""
        return _stories.story_sizes(self._db, ids)

    def story_versions(self, article_id: int) -> list[StoryVersion]:
        """Every version of an article's story (itself included), first published first."""
        return _stories.story_versions(self._db, article_id)

    # -- filters ----------------------------------------------------------------------------

    def apply_filter(self, query: Query, action: FilterAction, recheck: Sequence[int] = ()) -> int:
        """Hide or mark read the articles a filter has not seen yet (all, the first time), and
        those of `recheck` whose text changed since it saw them, that its query matches;
        returns how many it matched."""
        from newstui.store import filters as _filters  # the query language's SQL with it

        return _filters.apply_filter(self._db, query.text, query.root, action, recheck)

    def texts_changed(self) -> ChangedTexts:
        """The articles whose text changed since the filters last ran (an updated entry, a
        sync's update, a merge that took a text, a full text, an edited local file, a title a
        sync's pairing gave)."""
        from newstui.store import texts_changed as _texts

        return _texts.texts_changed(self._db)

    def forget_texts_changed(self, changed: ChangedTexts) -> None:
        """The filter pass checked these again (see texts_changed); one changed again since
        the pass read them stays noted."""
        from newstui.store import texts_changed as _texts

        _texts.forget_texts_changed(self._db, changed)

    def unhide_changed(self, ids: Sequence[int], hide: Sequence[Query]) -> int:
        """Show again the hidden articles among `ids` (their text changed) that none of the
        `hide` filters (all the config has) matches now; how many."""
        from newstui.store import filters as _filters

        return _filters.unhide_changed(self._db, list(ids), [(q.text, q.root) for q in hide])

    def unhide_unfiltered(self, kept: Sequence[Query]) -> int:
        """Show again what removed hide filters hid and the `kept` ones do not match; how many."""
        from newstui.store import filters as _filters

        return _filters.unhide_unfiltered(self._db, [(q.text, q.root) for q in kept])

    def filter_counts(self) -> list[FilterCount]:
        """What each filter has matched so far."""
        from newstui.store import filters as _filters

        return _filters.filter_counts(self._db)

    # -- sync -------------------------------------------------------------------------------

    @property
    def downloads(self) -> DownloadQueue:
        """The queue of enclosure downloads (podcasts)."""
        return DownloadQueue(self._db)

    @property
    def sync(self) -> SyncBook:
        """The sync bookkeeping: server items and subscriptions, the mark queue, the cursor."""
        return SyncBook(self._db)


class DownloadQueue:
    """The download queue in the database, through the store (see store/downloads.py)."""

    def __init__(self, db: _db.Database) -> None:
        self._db = db

    def queue(
        self,
        *,
        url: str,
        path: str,
        article_id: int | None,
        title: str,
        mime: str,
        bytes_total: int | None,
        done: bool = False,
    ) -> tuple[Download, bool]:
        """Queue an enclosure (a failed one again); the row, and whether it was queued now.
        `done`: its file is already there, whole (`bytes_total` bytes): listed as downloaded."""
        return _downloads.queue_download(
            self._db,
            url=url,
            path=path,
            article_id=article_id,
            title=title,
            mime=mime,
            bytes_total=bytes_total,
            done=done,
        )

    def feed_key(self, article_id: int | None) -> str | None:
        """The stored key of the feed an article comes from (a download's: its credentials);
        None for a deleted article."""
        return None if article_id is None else _downloads.feed_key_of(self._db, article_id)

    def feed_name(self, article_id: int | None) -> str | None:
        """The stored name of the feed an article comes from (a failed download's line names
        it); None for a deleted article."""
        return None if article_id is None else _downloads.feed_name_of(self._db, article_id)

    def feeds_with_new_episodes(self, after_id: int) -> list[tuple[str, str]]:
        """The key and name of each feed with an episode (not hidden) stored after article
        `after_id`."""
        return _downloads.feeds_with_new_episodes(self._db, after_id)

    def new_episodes(self, feed_key: str, after_id: int, count: int) -> list[int]:
        """The ids of the newest `count` articles with an enclosure (not hidden) of the feed
        stored under `feed_key`, among those stored after article `after_id`; newest first."""
        return _downloads.new_episodes(self._db, feed_key, after_id, count)

    def path_in_use(self, path: str) -> bool:
        """True when a download in the queue already has this file."""
        return _downloads.path_in_use(self._db, path)

    def all(self, article_id: int | None = None) -> list[Download]:
        """The queue, oldest first (only one article's, when given)."""
        return _downloads.list_downloads(self._db, article_id)

    def get(self, download_id: int) -> Download | None:
        """One download, or None."""
        return _downloads.get_download(self._db, download_id)

    def claim_next(
        self,
        owner: int,
        busy_hosts: Collection[str] = (),
        per_host: int | None = None,
        alive_since: str = "",
    ) -> Download | None:
        """Take the oldest queued download for process `owner`, or None when none is queued;
        one from a host of `busy_hosts` (as `model.downloads.url_host` names it) is left waiting,
        and with `per_host` one whose host has that many running in every process sharing the
        store (counted while they write progress: after `alive_since`, ISO 8601 UTC). Its
        `error` is its last try's (the stored one cleared)."""
        return _downloads.claim_next(self._db, owner, busy_hosts, per_host, alive_since)

    def waiting_on_others(self, owner: int, per_host: int, alive_since: str) -> dict[str, int]:
        """The hosts whose queued downloads wait for other processes than `owner`, which run
        `per_host` there (alive: progress written after `alive_since`): how many wait, by
        host."""
        return _downloads.waiting_on_others(self._db, owner, per_host, alive_since)

    def running_owners(self) -> set[int]:
        """The processes that hold a running download, alive or not."""
        return _downloads.running_owners(self._db)

    def progress(self, download_id: int, done: int, total: int | None) -> None:
        """How much of a download has arrived."""
        _downloads.record_progress(self._db, download_id, done, total)

    def finish(self, download_id: int, size: int, path: str | None = None) -> None:
        """A download is complete (its file at `path`, when not at the name it was queued for)."""
        _downloads.finish_download(self._db, download_id, size, path)

    def move(self, download_id: int, path: str) -> None:
        """A download's file goes to `path` from now on (not yet finished)."""
        _downloads.move_download(self._db, download_id, path)

    def fail(
        self, download_id: int, error: str, tries: int = 0, retry_at: str | None = None
    ) -> None:
        """A download failed (a retry resumes it); `tries`: its passing failures in a row,
        `retry_at`: when the next run may queue it again (None: only a --retry)."""
        _downloads.fail_download(self._db, download_id, error, tries, retry_at)

    def any_due(self, now: str) -> bool:
        """Whether a download failed for a passing reason has waited its time by `now`."""
        return _downloads.any_due(self._db, now)

    def requeue_due(self, now: str) -> list[Download]:
        """Queue again the downloads failed for a passing reason whose wait is over by `now`."""
        return _downloads.requeue_due(self._db, now)

    def release(self, download_id: int) -> None:
        """Give an unfinished download back to the queue."""
        _downloads.release_download(self._db, download_id)

    def requeue_stale(self, alive_since: str, dead_owners: Iterable[int] = ()) -> int:
        """Queue again downloads whose process died: one of `dead_owners`, or untouched since
        `alive_since` (ISO 8601 UTC)."""
        return _downloads.requeue_stale(self._db, alive_since, dead_owners)

    def retry(self, ids: Iterable[int] | None = None) -> int:
        """Queue failed downloads again (all, or these); returns how many."""
        return _downloads.retry_downloads(self._db, ids)

    def forget(self, download_id: int, *, keep_file: bool = True) -> Download | None:
        """Take a download off the list unless it is running; what it was, or None.
        `keep_file`: its file stays, remembered for the same URL queued again
        (`forgotten_file`); False when the caller deletes it."""
        return _downloads.forget_download(self._db, download_id, keep_file=keep_file)

    def forget_many(self, ids: list[int]) -> dict[int, Download]:
        """Forget these downloads in one write (files kept), but the running ones; what each
        was, running ones as they are, by id (an unknown number is left out)."""
        return _downloads.forget_downloads(self._db, ids)

    def forget_finished(self, ids: list[int]) -> list[Download]:
        """Take these finished downloads off the list, their files remembered for the same URL
        queued again (one no longer finished is left); what was taken off."""
        return _downloads.forget_finished(self._db, ids)

    def ask_stop(self, download_id: int, then: StopThen) -> Download | None:
        """Ask the process running a download to stop it and then forget it or delete its
        .part (nothing asked when it is not running); the download as it is, or None."""
        return _downloads.ask_stop(self._db, download_id, then)

    def stop_asked(self, download_id: int) -> StopThen | None:
        """What a running download was asked to do once stopped, or None."""
        asked = _downloads.stop_asked(self._db, download_id)
        return "delete" if asked == "delete" else "forget" if asked == "forget" else None

    def end_stopped(self, download_id: int, then: StopThen) -> None:
        """A download stopped as asked: off the list (its .part remembered for "forget")."""
        _downloads.end_stopped(self._db, download_id, then)

    def forgotten_paths(self) -> list[str]:
        """The files the forgotten downloads left (finished, or each one's .part)."""
        return _downloads.forgotten_paths(self._db)

    def remember_files(self, files: Sequence[tuple[str, str, int]]) -> int:
        """Note files another program downloaded (podboat's: URL, path, size), taken over when
        their URL is queued (see store.downloads.remember_files); how many were noted."""
        return _downloads.remember_files(self._db, files)

    def forgotten_file(self, url: str) -> tuple[str, int | None] | None:
        """The file a forgotten download of `url` left (path, finished size or None)."""
        return _downloads.forgotten_file(self._db, url)


class SyncBook:
    """What sync keeps in the database, through the store (see store/sync.py)."""

    def __init__(self, db: _db.Database) -> None:
        self._db = db

    def path(self) -> str:
        """The database file, beside which the auth token cache lives."""
        from newstui.store import sync as _sync

        return _sync.database_file(self._db)

    def status(self) -> SyncStatus:
        """Last sync time and error, changes waiting to be pushed."""
        from newstui.store import sync as _sync

        return _sync.sync_status(self._db)

    def state(self, key: str) -> str | None:
        """One value of the sync state."""
        from newstui.store import sync as _sync

        return _sync.get_state(self._db, key)

    def set_state(self, **values: str | None) -> None:
        """Set (None: clear) values of the sync state."""
        from newstui.store import sync as _sync

        _sync.set_state(self._db, **values)

    def pending(self) -> list[_sync.QueuedChange]:
        """Queued read/starred changes with their server item ids."""
        from newstui.store import sync as _sync

        return _sync.pending_changes(self._db)

    def forget_pushed(self, changes: Iterable[_sync.QueuedChange]) -> None:
        """Drop pushed changes from the queue (unless changed again since)."""
        from newstui.store import sync as _sync

        _sync.forget_pushed(self._db, changes)

    def retired_reads(self) -> list[int]:
        """Server items to mark read that a cleanup removed here before the server learnt it."""
        from newstui.store import sync as _sync

        return _sync.retired_reads(self._db)

    def forget_retired_reads(self, item_ids: Iterable[int]) -> None:
        """Drop those of retired_reads the server accepted."""
        from newstui.store import sync as _sync

        _sync.forget_retired_reads(self._db, item_ids)

    def items_stored_as(self, items: Iterable[RemoteItem]) -> set[int]:
        """Those of these server items that are, by their id, the same article here."""
        from newstui.store import sync as _sync

        return _sync.items_stored_as(self._db, items)

    def forget_server(self, *, keep_marks: bool = True) -> None:
        """Another server or account is configured: forget the former one's item and
        subscription ids and cursor (articles, sources and marks stay); without `keep_marks`
        (another user) its queue goes, and the articles matched take the new account's marks."""
        from newstui.store import sync as _sync

        _sync.forget_server(self._db, keep_marks=keep_marks)

    def account_evidence(self, remote: Sequence[RemoteFeed]) -> _sync.AccountEvidence:
        """What the store tells of whose the server's subscriptions are, for a store synced
        before its account was remembered (see store/sync.account_evidence)."""
        from newstui.store import sync as _sync

        return _sync.account_evidence(self._db, remote)

    def stored_under_other_ids(self, feed_id: int, items: Iterable[RemoteItem]) -> int:
        """How many of these server items this source stores, by link, as other items."""
        from newstui.store import sync as _sync

        return _sync.stored_under_other_ids(self._db, feed_id, items)

    def drop_unpushable_changes(self) -> int:
        """Drop queued changes of articles the server synced now does not have."""
        from newstui.store import sync as _sync

        return _sync.drop_unpushable_changes(self._db)

    def apply_subscriptions(
        self,
        remote: Sequence[RemoteFeed],
        configured: Mapping[str, tuple[str | None, tuple[str, ...]]],
    ) -> tuple[list[str], list[RemovedSource], list[_sync.MovedSource], list[str]]:
        """Make the server's subscriptions sources; (names added, what each removal did, the
        sources the server lists at a new URL, those it left that feeds.toml lists)."""
        from newstui.store import sync as _sync

        return _sync.apply_subscriptions(self._db, remote, configured)

    def ask_folder(self, url: str, folder: str) -> None:
        """The feed at `url` was subscribed on the server into `folder` (`add --tag`): the sync
        that files it here takes the server's label for that folder, nested or not."""
        from newstui.store import sync as _sync

        _sync.ask_folder(self._db, url, folder)

    def remember_kept_moves(self, moves: Iterable[_sync.MovedSource]) -> None:
        """Once a sync finished: the moves it said that stay at their old URL are not said
        again (apply_subscriptions gives them `said_before`) while they stay so."""
        from newstui.store import sync as _sync

        _sync.remember_kept_moves(self._db, moves)

    def feeds(self) -> list[_sync.SyncedFeed]:
        """Stored sources that are server subscriptions."""
        from newstui.store import sync as _sync

        return _sync.synced_feeds(self._db)

    def merge_link_twins(self) -> int:
        """Once: merge the articles an earlier newstui stored twice, a feed's and the server's
        item, their links written otherwise; how many copies went."""
        from newstui.store import sync as _sync

        return _sync.merge_link_twins(self._db)

    def newest_items(self, limit: int) -> list[int]:
        """The newest item stored of each synced source (at most `limit`)."""
        from newstui.store import sync as _sync

        return _sync.newest_items(self._db, limit)

    def doubled_articles(self) -> list[_sync.DoubledArticle]:
        """Entries a synced source holds twice, each copy a server item (a re-subscription an
        earlier newstui stored beside the old one): the server tells which to merge."""
        from newstui.store import sync as _sync

        return _sync.doubled_articles(self._db)

    def merge_doubled(
        self, pairs: Sequence[_sync.DoubledArticle], on_server: Collection[int]
    ) -> int:
        """Merge each doubled pair one of whose items the server no longer has into the article
        stored first; how many copies went."""
        from newstui.store import sync as _sync

        return _sync.merge_doubled(self._db, pairs, on_server)

    def save_items(
        self,
        items: Sequence[RemoteItem],
        feed_ids: dict[str, int],
        cursor: tuple[str, str] | None = None,
        unlinked: set[int] | None = None,
    ) -> _sync.SavedItems:
        """Store a page of server items (and advance the cursor) in one transaction; those of
        `unlinked` (unlinked_articles) linked now leave it."""
        from newstui.store import sync as _sync

        return _sync.save_items(self._db, items, feed_ids, cursor, unlinked)

    def unlinked_articles(self) -> set[int]:
        """The articles a switch to another user unlinked that no new item was linked to yet."""
        from newstui.store import sync as _sync

        return _sync.unlinked_articles(self._db)

    def known_items(self, item_ids: Iterable[int], starred: Iterable[int] = ()) -> set[int]:
        """Those of the item ids stored here, or removed by a cleanup unless `starred` (a
        starred item comes back)."""
        from newstui.store import sync as _sync

        return _sync.known_items(self._db, item_ids, starred)

    def doubtful_items(
        self,
        streams: Collection[str],
        unread: Collection[int] | None,
        starred: Collection[int] | None,
    ) -> list[int]:
        """Items unread (starred) here that the server's whole unread (starred) set leaves out:
        to be asked for by id before they are marked read (unstarred)."""
        from newstui.store import sync as _sync

        return _sync.doubtful_items(self._db, streams, unread, starred)

    def apply_states(
        self,
        streams: Collection[str],
        unread: Collection[int] | None,
        starred: Collection[int] | None,
        confirmed: Mapping[int, tuple[bool, bool]],
        gone: Collection[int] = (),
    ) -> tuple[int, int]:
        """Match the server's unread and starred sets within its subscriptions `streams`
        (except unpushed changes; a mark is taken away only as `confirmed` says); `gone`, asked
        for and not returned, is not asked for again."""
        from newstui.store import sync as _sync

        return _sync.apply_states(self._db, streams, unread, starred, confirmed, gone)

    def stream_of(self, source_id: int) -> str | None:
        """The server's subscription id of a source, or None."""
        from newstui.store import sync as _sync

        return _sync.stream_of(self._db, source_id)

    def folders_of(self, source_id: int) -> tuple[str, ...]:
        """The server's folders of a source that is a subscription there (as tags), else ()."""
        from newstui.store import sync as _sync

        return _sync.server_folders(self._db, source_id)

    def left_folders(self, source_id: int, folders: Iterable[str]) -> None:
        """Forget server folders a subscription was taken out of there (until the next sync
        says its folders again), so that no fetch adds them back as tags."""
        from newstui.store import sync as _sync

        _sync.leave_server_folders(self._db, source_id, folders)
