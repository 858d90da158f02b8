"""Open the database with the right pragmas and bring its schema up to date.

`Database` is the store's connection: the standard library's sqlite3 with sqlite-utils'
`execute` semantics (a write outside a transaction commits at once). The store never used
anything else of sqlite-utils, whose import (plugins, dateutil) cost more than a quick command.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from newstui.article_rows import enclosure_urls, packed_links, packed_text, unpacked_text
from newstui.disk_room import free_bytes
from newstui.errors import DiskFullError, StoreError
from newstui.model.folders import folder_keys
from newstui.model.link_key import link_key, link_key_if_other
from newstui.model.names import name_key, name_order_text
from newstui.model.store_upgrade import StoreUpgrade
from newstui.paths import opened_as_written
from newstui.store import lock_holder
from newstui.store.cjk_words import CJK_GLOB, cjk_apart
from newstui.store.disk import no_logs_made, part_file, take_mode
from newstui.store.lock_holder import HolderWatch
from newstui.store.person_names import named_speaker, same_person
from newstui.store.schema import (
    FOLD_REINDEX_AT,
    INDEX_REBUILDS,
    LATER_CASE_REINDEX_AT,
    LATIN_BASE_REINDEX_AT,
    MIGRATIONS,
    NAMED_INDEXES,
    NOT_ASCII_TERM,
    PREFIX_INDEX,
    PREFIX_INDEX_AT,
    SCHEMA_VERSION,
    SPLIT_JOINS_AT,
    SPLIT_MARKS_AT,
)
from newstui.store.search_fold import (
    LATER_CASE_GLOB,
    LATIN_BASE_GLOB,
    search_words,
    split_at_marks,
    words_before_55,
)
from newstui.store.upgrade_copies import KeptCopy, journal_too_long, last_written

if TYPE_CHECKING:
    from pathlib import Path

Parameters = Sequence[Any] | dict[str, Any]
TRANSACTION_CONTROL = frozenset({"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"})
BULK_CHECKPOINT_BYTES = 10_000 * 4096  # see bulk_writes (~40 MB)
LOG_SHARE_OF_FREE = 4  # a bulk write's log takes at most a quarter of the disk's free space
LOG_LEAST_BYTES = 1 << 20  # … and is let grow to 1 MiB at least (a checkpoint per few saves)
BULK_CACHE_KIB = 4096  # the page cache while bulk writing (SQLite's default is 2,000 KiB); 8 MiB
# cut a few more reads but put the fill's peak at 119 of its 120 MiB budget (2026-12-03)
# The article indexes merge their segments (b-trees) six at a time, not four (FTS5's
# `automerge`, kept in each index: 4 is FTS5's default, which every store had): fewer merges
# rewrite the words just stored. Storing a cold fetch's 10,000 articles took 7.3 % fewer
# instructions (callgrind: 9,635M -> 8,932M; eight at a time: -8.1 %). Results are the same
# however segments are merged, and a store of 100,000 articles stored so (15 and 10 segments,
# not 9 and 7) answered 13 text queries (bench/query.py's) in the same CPU, 364.1 against 363.7
# ms; eight at a time (18 and 15 segments) took 4 % more, its 50-word queries 7 % more.
AUTOMERGE = 6
MERGED_INDEXES = ("articles_fts", PREFIX_INDEX)
# A new store's page size. An article's row (packed text, summary and links) is 1-4 KB: 4 KiB
# pages (SQLite's default) held two or three and left ~23 % of the article table's pages unused
# at the end; 8 KiB pages leave about half as much (a store's page size is fixed once it has
# tables: older stores keep theirs).
PAGE_SIZE = 8192
BUSY_SECONDS = 30.0  # how long a connection waits for another process's write to end
BUSY_STEP_SECONDS = 0.5  # the steps of a wait the user is told of (see _begin_immediate)
FIRST_WORD = re.compile(r"(?:\s|;|\ufeff|--[^\n]*(?:\n|$)|/\*.*?\*/)*([A-Za-z_]*)", re.DOTALL)


class Database:
    """A sqlite3 connection the store runs its SQL on. `execute` commits a write that opened
    an implicit transaction (and rolls it back if it failed), like sqlite-utils' `execute`;
    inside `write_transaction` statements join its transaction. Write through these two, not
    `with db.conn:` and `conn.execute`: a full-text index a write leaves out of step (a
    damaged text's words) is rebuilt before their commit, and a rollback forgets it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        # as sqlite-utils did: REPLACE's deletes fire the delete triggers (full-text index)
        conn.execute("PRAGMA recursive_triggers = ON")
        # a person query's name against a stored one (query_sql.entity_ids_sql)
        conn.create_function("same_person", 2, same_person, deterministic=True)
        # a quote's speaker as written (no entity) against a person query (query_sql)
        conn.create_function("named_speaker", 2, _named_speaker_keeping_stops, deterministic=True)
        self.known_texts = add_text_functions(conn)
        # feed, tag and view names as compared everywhere (model.names: every script's case)
        conn.create_function("name_key", 1, _name_key, deterministic=True)
        # whether a tag is a folder or under it (model.folders: "News/Europe" is in News)
        conn.create_function("in_folder", 2, _in_folder, deterministic=True)
        # the prefix index's fill (schema 31) is still marked, not done: prefixes are matched
        # by stems meanwhile (query_sql.prefixes_stemmed); see rebuild_marked
        self.prefix_pending = False
        self.in_write_transaction = False  # its end rebuilds: once, not after each statement
        self.merges_set = False  # the article indexes' AUTOMERGE: seen set and committed
        self.merges_pending = False  # ... set in the open transaction (merge_fewer_times)
        # Called once, before a write transaction waits longer than BUSY_STEP_SECONDS for
        # another process's write (a command says it waits); None: waits are silent.
        self.on_busy: Callable[[], None] | None = None
        # Called between those steps (set: the wait goes in steps, as for on_busy); True where
        # the lock's holder was seen making progress (its upgrade's steps): the wait starts again.
        self.while_busy: Callable[[], bool] | None = None
        # indexes statements name that the store lacks and this open could not make (it cannot
        # write the file): name -> the line a statement needing one fails with (raise_unusable…)
        self.unusable_indexes: dict[str, str] = {}

    def execute(self, sql: str, parameters: Parameters | None = None) -> sqlite3.Cursor:
        """Run one statement; a write that is not part of an open transaction is committed.
        A full-text index the statement (or the open transaction) left out of step is rebuilt
        after it, in its transaction (inside write_transaction, at the block's end). One that a write outside this class left marked after
        its commit is rebuilt before it, in a write transaction of its own: a read never
        opens a transaction it leaves open (holding the write lock), and a write that returns
        rows is refused outside a transaction (ProgrammingError, rolled back)."""
        conn = self.conn
        was_in_transaction = conn.in_transaction
        if self.known_texts.stale and not was_in_transaction:
            with write_transaction(self):  # rebuilt at its end
                pass
        try:
            cursor = conn.execute(sql) if parameters is None else conn.execute(sql, parameters)
            if conn.in_transaction and not self.in_write_transaction:
                self.rebuild_stale()  # (a COMMIT run here leaves its marks to the next call)
        except BaseException as exc:  # Ctrl-C too: the statement is undone, its lock not kept
            if not was_in_transaction and conn.in_transaction:
                self.roll_back()  # nothing would ever commit what the failure began
            raise_kept_stop()
            raise_refused_write(conn, exc)
            raise_unusable_index(self, exc, sql)
            raise
        if (
            not was_in_transaction
            and conn.in_transaction
            and first_keyword(sql) not in TRANSACTION_CONTROL
        ):
            if cursor.description is not None:  # its rows unread: SQLite refuses the COMMIT
                self.roll_back()
                raise sqlite3.ProgrammingError(
                    "a write that returns rows (RETURNING) runs inside write_transaction: "
                    "outside one, nothing would commit it and its write lock would stay held"
                )
            conn.execute("COMMIT")
        return cursor

    def rebuild_stale(self) -> None:
        """Rebuild each full-text index a trigger marked out of step since the last call (a
        deleted or changed row's old text did not unpack, so its words could not be taken
        out: schema 26), once, however many rows marked it; inside the open transaction."""
        stale = self.known_texts.stale
        if not stale:
            return
        # (each once: the articles' index's rebuild also rebuilds its prefix index)
        for statement in dict.fromkeys(st for name in sorted(stale) for st in INDEX_REBUILDS[name]):
            self.conn.execute(statement)
        if PREFIX_INDEX in stale or "articles_fts" in stale:  # (which rebuilds both)
            self.prefix_pending = False
        # the marks the writes kept in the store (schema 27), gone with the rebuild they asked
        self.conn.execute(
            "DELETE FROM index_rebuilds WHERE name IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(stale))],
        )
        stale.clear()

    def roll_back(self, due: Iterable[str] = (), savepoint: str = "") -> None:
        """Roll back the open transaction (or only its `savepoint`, then released) and forget
        the index rebuilds its writes asked for (undone with them); `due`: the marks of writes
        made before it began, kept."""
        if savepoint:
            self.conn.execute(f"ROLLBACK TO {savepoint}")
            self.conn.execute(f"RELEASE {savepoint}")
        else:
            self.conn.rollback()
        stale = self.known_texts.stale
        stale.clear()
        stale.update(due)


class KnownTexts(dict[bytes, bytes]):
    """Packed texts whose UTF-8 a connection has at hand (rows it is inserting), by their
    packed form: its inflate() returns them from here, by a dict's own lookup (no Python code
    runs inside SQLite for them), and unpacks any other by `__missing__`. `damaged` holds
    those that did not unpack (SQL damaged_text(): the index triggers' check); `stale` the
    full-text indexes the triggers marked for a rebuild since the last (SQL stale_index())."""

    def __init__(self) -> None:
        super().__init__()
        self.damaged: set[bytes] = set()
        self.stale: set[str] = set()

    def mark_stale(self, index: str) -> str:
        """SQL stale_index(name): mark the index for a rebuild; returns its name (for the
        trigger that also keeps the mark in the store, schema 27)."""
        self.stale.add(index)
        return index

    def __missing__(self, packed: bytes) -> bytes:
        # a stop raised here (Ctrl-C during an index fill, which unpacks every text) is kept
        # as _keeping_stops keeps it: FTS5 reports it as "SQL logic error", taken for busy
        try:
            text = _inflated(packed)
        except (KeyboardInterrupt, SystemExit) as stop:
            _STOPS.stop = stop
            raise
        if not text:  # a packed text is never empty: it did not unpack
            self.damaged.add(packed)
        return text


def add_text_functions(conn: sqlite3.Connection) -> KnownTexts:
    """The SQL functions the schema's view and triggers use since schema 18: article_text(v) is
    a stored text, summary or links as text (they are stored compressed), pack_text(t) and
    pack_links(t) the reverse. Returns the texts inflate() needs not unpack (see with_texts)."""
    conn.create_function("article_text", 1, unpacked_text, deterministic=True)
    # schema.unpacked's: a C function (see KnownTexts)
    known = KnownTexts()
    conn.create_function("inflate", 1, known.__getitem__, deterministic=True)
    # whether inflate() found a stored value damaged (called after it, in the same trigger)
    conn.create_function("damaged_text", 1, _keeping_stops(known.damaged.__contains__))
    # a trigger's mark: this index is rebuilt once the statement is done (Database.rebuild_stale)
    conn.create_function("stale_index", 1, known.mark_stale)
    conn.create_function("fts_size_total", 2, _fts_size_total, deterministic=True)
    conn.create_function("pack_text", 1, _packing(packed_text), deterministic=True)
    conn.create_function("pack_links", 1, _packing(packed_links), deterministic=True)
    conn.create_function("story_sketch", 1, _story_sketch, deterministic=True)
    conn.create_function("story_band_keys", 1, _story_band_keys, deterministic=True)
    # the words the articles' index reads: one a CJK character (schema 28)
    # (a stop inside it, as the upgrade's index rebuild reads every text: kept, see below)
    conn.create_function("cjk_apart", 1, _keeping_stops(cjk_apart), deterministic=True)
    # ... and since schema 48 folded first: accents, case, compatibility forms (search_fold)
    conn.create_function("search_words", 1, _keeping_stops(search_words), deterministic=True)
    # ... and as schemas 48 to 54 folded them (Ł, Ø, Æ kept), for schema 55's step
    conn.create_function("words_before_55", 1, _keeping_stops(words_before_55), deterministic=True)
    # whether a text holds a mark the tokenizer split words at and the fold takes off (schema 49)
    conn.create_function("split_at_marks", 1, _keeping_stops(split_at_marks), deterministic=True)
    # names as Sources and `feeds` list them (model.names.name_order: É with the E's), and
    # titles as title order does (schema 54: articles.title_order, its triggers)
    conn.create_function("name_order", 1, _name_order, deterministic=True)
    # an article's link as compared (schema 36: articles.link_key, imported marks' links)
    conn.create_function("link_key", 1, _keeping_stops(_link_key), deterministic=True)
    # an article's enclosure URLs from its links, as a JSON list (NULL: none), as a cleanup
    # remembers them (retention)
    conn.create_function("enclosure_urls", 1, _enclosure_urls, deterministic=True)
    conn.create_function(
        "link_key_if_other", 1, _keeping_stops(_link_key_if_other), deterministic=True
    )
    return known


def _link_key(url: str | bytes | int | float | None) -> str | None:
    """SQL's link_key(url): model.link_key of a text; None for anything else (no link)."""
    return link_key(url) if isinstance(url, str) else None


def _link_key_if_other(url: str | bytes | int | float | None) -> str | None:
    """SQL's link_key_if_other(url): what articles.link_key keeps (model.link_key_if_other)."""
    return link_key_if_other(url) if isinstance(url, str) else None


# A stop (Ctrl-C, SIGTERM's Stopped) raised inside a Python SQL function reaches the caller as
# sqlite3's "user-defined function raised exception": the Python SQL functions (those a
# migration runs over many rows, inflate()'s unpacking) keep it here, and the statement's
# caller raises it again (raise_kept_stop: Database.execute, write_transaction, migrate).
_STOPS = threading.local()
_Value = TypeVar("_Value")
_Result = TypeVar("_Result")


def _keeping_stops(function: Callable[[_Value], _Result]) -> Callable[[_Value], _Result]:
    """`function` as an SQL function that keeps a stop raised inside it for kept_stop()."""

    def called(value: _Value) -> _Result:
        try:
            return function(value)
        except (KeyboardInterrupt, SystemExit) as stop:
            _STOPS.stop = stop
            raise

    return called


def _named_speaker_keeping_stops(speaker: str | None, wanted: str) -> bool:
    """named_speaker as an SQL function, a stop raised inside it kept (as _keeping_stops)."""
    try:
        return named_speaker(speaker, wanted)
    except (KeyboardInterrupt, SystemExit) as stop:
        _STOPS.stop = stop
        raise


def kept_stop() -> BaseException | None:
    """The stop an SQL function of _keeping_stops raised since the last call, if any."""
    stop: BaseException | None = getattr(_STOPS, "stop", None)
    _STOPS.stop = None
    return stop


def raise_kept_stop() -> None:
    """Raise the stop an SQL function kept (see kept_stop), or the one SIGTERM or SIGHUP
    raised (one raised as a Python SQL function is entered, before any try in it, is kept by
    nothing), if any: called where a statement failed, so a Ctrl-C or SIGTERM inside one is not
    lost as an SQL error."""
    from newstui.signals import stop_raised

    stop = kept_stop() or stop_raised()
    if stop is not None:
        raise stop from None


SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_FULL = 13
LITTLE_SPACE = 1 << 20  # bytes free on its disk below which a store's I/O error is a full disk


def raise_refused_write(conn: sqlite3.Connection, exc: BaseException) -> None:
    """For a write the file refused (read-only, or the disk full), raise a StoreError naming
    the database, in one line that says what is kept and what to do; else nothing. A store
    whose file cannot be written still opens (SQLite then reads it read-only): reading works,
    and each write fails so."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF  # (the primary code)
    if code not in (SQLITE_READONLY, SQLITE_FULL, SQLITE_IOERR):
        return
    try:
        path = connection_file(conn)
    except sqlite3.Error:
        path = "the database"
    if code == SQLITE_IOERR and not little_space(path):
        raise io_error(path, exc) from exc
    if code != SQLITE_READONLY:
        raise disk_full(path, exc) from exc
    raise StoreError(
        f"{path}: the database is read-only ({exc}): newstui reads it but cannot save "
        "changes; it needs write access to the file and its folder",
        source=path,
    ) from exc


def disk_full_error(conn: sqlite3.Connection, exc: BaseException) -> DiskFullError | None:
    """The one line for an SQLite error that is a write the full disk refused, else None
    (a save inside a savepoint leaves SQLite's own error, "database or disk is full")."""
    try:
        raise_refused_write(conn, exc)
    except DiskFullError as full:
        return full
    except StoreError:
        return None
    return None


def little_space(path: Path | str) -> bool:
    """Whether the disk of the database at `path` has less than LITTLE_SPACE free: a write's
    I/O error there (the write-ahead log's index could not grow: SQLITE_IOERR_SHMSIZE) is a
    full disk."""
    free = free_bytes(str(path))
    return free is not None and free < LITTLE_SPACE


# I/O errors of a read (a failing disk), not of a write the disk, a quota or a limit refused
SQLITE_IOERR_READS = frozenset({10 | 1 << 8, 10 | 2 << 8})  # IOERR_READ, IOERR_SHORT_READ
# the write-ahead log's index (-shm) could not be made or grown: every reader of a store in WAL
# mode maps it, so a file-size limit (`ulimit -f`) or a quota stops even `list` there
SQLITE_IOERR_WAL_INDEX = frozenset({10 | 18 << 8, 10 | 19 << 8, 10 | 21 << 8})  # SHMOPEN/SIZE/MAP


def io_error(path: Path | str, exc: BaseException) -> StoreError:
    """The one line for an I/O error (SQLITE_IOERR) where the disk has room: a quota (EDQUOT),
    a file-size limit (EFBIG) or a failing disk; never "not a usable database" (user test r45
    M6: `ulimit -f 1` made `list` call a healthy store that)."""
    code = getattr(exc, "sqlite_errorcode", None) or 0
    if code in SQLITE_IOERR_READS:
        return StoreError(
            f"{path}: cannot read the database ({exc}: a failing disk?); it is left as it is",
            source=str(path),
        )
    return StoreError(
        f"{path}: cannot write to the database's folder ({exc}: a full disk, a quota or a "
        "file-size limit?); what was stored before is kept",
        source=str(path),
    )


def disk_full(path: Path | str, exc: BaseException) -> DiskFullError:
    """The one line for a write that failed for want of disk space (SQLITE_FULL)."""
    return DiskFullError(
        f"{path}: the disk is full ({exc}): what was stored before is kept; free some space "
        "and try again",
        source=str(path),
    )


@_keeping_stops
def _inflated(packed: bytes) -> bytes:
    """SQL inflate()'s unpacking: zlib.decompress, and b"" for a value that does not unpack (a
    damaged store): the full-text index's triggers read the old text of every row deleted or
    updated, and one damaged text must not stop the removal of its feed, a cleanup, a fetch
    or a search (get_article names the damage). Nor one that unpacks to no UTF-8, which the
    indexes' SQL functions (search_words) cannot be given: an index rebuild failed ("SQL logic
    error", the store not usable); unpacked_text reads it as "" too."""
    try:
        text = zlib.decompress(packed)
    except zlib.error:
        return b""
    if not text.isascii():
        try:
            text.decode()
        except UnicodeDecodeError:
            return b""
    return text


def _fts_size_total(record: bytes | None, skip: int) -> int:
    """SQL fts_size_total(record, skip): the sum of an FTS5 size record's numbers after the
    first `skip` (a row's column sizes in `_docsize`, skip 0; the index's row count then its
    columns' totals in the averages record, skip 1), for schema 26's check that the totals
    count no words of rows that are gone. Numbers are SQLite varints (7 bits a byte, high bit
    set on all but the last byte, and the ninth byte, if reached, whole)."""
    total = 0
    value = 0
    length = 0
    count = 0
    for byte in record or b"":
        length += 1
        if length == 9:
            value = (value << 8) | byte
        else:
            value = (value << 7) | (byte & 0x7F)
            if byte & 0x80:
                continue
        if count >= skip:
            total += value
        count += 1
        value = 0
        length = 0
    return total


@_keeping_stops
def _story_sketch(value: str | bytes | None) -> bytes | None:
    """SQL story_sketch(stored text): the sketch of an article's text as stored (packed or
    not), NULL for one too short to judge or that does not unpack (schema 20 sketches stored
    articles again: one unreadable text must not stop the store from opening)."""
    from newstui.stories import story_sketch

    return story_sketch(unpacked_text(value)).packed


@_keeping_stops
def _story_band_keys(packed: bytes | None) -> str:
    """SQL story_band_keys(sketch): the band keys of a stored sketch, as a JSON array."""
    from newstui.stories import stored_band_keys

    return json.dumps(stored_band_keys(packed) if packed else [])


@contextmanager
def with_texts(db: Database, texts: Iterable[tuple[bytes, bytes]]) -> Iterator[None]:
    """Inside the block SQL reads these packed texts (packed, UTF-8) without unpacking them:
    the full-text index's trigger, as the rows that hold them are inserted."""
    known = db.known_texts
    known.update(texts)
    try:
        yield
    finally:
        known.clear()


def _packing(
    pack: Callable[[str], str | bytes],
) -> Callable[[str | bytes | None], str | bytes | None]:
    def packed(value: str | bytes | None) -> str | bytes | None:
        return pack(value) if isinstance(value, str) else value  # packed already, or NULL

    return packed


def first_keyword(sql: str) -> str:
    """The first keyword of a statement, upper-cased, after blanks, comments and empty
    statements ("" when there is none)."""
    match = FIRST_WORD.match(sql)
    return match.group(1).upper() if match else ""


def _enclosure_urls(links: str | bytes | None) -> str | None:
    urls = enclosure_urls(links)
    return json.dumps(urls) if urls else None


def json_list(value: str | None) -> list[Any]:
    """A stored JSON list column; a value some other tool wrote badly reads as empty."""
    try:
        parsed = json.loads(value or "[]")
    except (TypeError, ValueError):
        return []
    return parsed if isinstance(parsed, list) else []


def _in_folder(tag: object, folder_key: object) -> bool:
    """SQL's in_folder(tag, key): whether the tag is the folder of this name_key or under it."""
    return isinstance(tag, str) and isinstance(folder_key, str) and folder_key in folder_keys(tag)


def _name_key(value: str | bytes | int | float | None) -> str | bytes | int | float | None:
    """SQL's name_key(x): model.names.name_key of a text, anything else as it is."""
    return name_key(value) if isinstance(value, str) else value


@functools.lru_cache(maxsize=4096)  # (a list sorted by feed asks for each article's feed name)
def _name_order(value: str | bytes | int | float | None) -> str | bytes | int | float | None:
    """SQL's name_order(x): model.names.name_order_text of a text, anything else as it is."""
    return name_order_text(value) if isinstance(value, str) else value


def _casefold(value: str | bytes | int | float | None) -> str | bytes | int | float | None:
    """SQL's casefold(x): a text's str.casefold(), anything else as it is."""
    return value.casefold() if isinstance(value, str) else value


def open_db(
    path: Path | str,
    *,
    threads: bool = False,
    upgrading: Callable[[int], None] | None = None,
    stop: threading.Event | None = None,
    upgraded: Callable[[StoreUpgrade], None] | None = None,
    reading: bool = False,
    upgrade_elsewhere: Callable[[], None] | None = None,
) -> Database:
    """Open (creating if needed) a newstui database: WAL, foreign keys, busy timeout, migrated.
    `upgrading` is called with the number of stored articles before a slow migration (see
    slow_upgrade), so a command can say why its first open takes a while. Setting `stop` (from
    another thread) ends a migration under way: its step is rolled back, the steps done stay,
    and StoreError says the upgrade stopped. An existing store this open upgrades is first
    copied beside it (keep_older_copy), and `upgraded` is called once the upgrade is done.
    `reading`: for a command that only reads, where the write-ahead log's index cannot be made
    (a file-size limit, a quota) the store is read holding it alone (_open_db's `alone`).
    `upgrade_elsewhere` is called, in `upgrading`'s place, when another process is upgrading
    the store: this open waits for that upgrade (see migrate)."""
    hooks = _OpenHooks(upgrading, upgraded, upgrade_elsewhere)
    if reading and not _wal_index_fits():  # (not even tried: it would leave a -shm behind)
        return _open_db(path, threads, hooks, stop, alone=True)
    try:
        return _open_db(path, threads, hooks, stop, alone=False)
    except StoreError as error:
        cause = error.__cause__
        code = getattr(cause, "sqlite_errorcode", None)
        if not reading or code not in SQLITE_IOERR_WAL_INDEX:
            raise
        return _open_db(path, threads, hooks, stop, alone=True)


class _OpenHooks(NamedTuple):
    """What open_db calls as it upgrades a store (see open_db)."""

    upgrading: Callable[[int], None] | None
    upgraded: Callable[[StoreUpgrade], None] | None
    upgrade_elsewhere: Callable[[], None] | None


WAL_INDEX_BYTES = 32 * 1024  # the -shm file every reader of a WAL store maps (its first part)


def _wal_index_fits() -> bool:
    """Whether this process may write a file as large as the write-ahead log's index: a
    file-size limit (`ulimit -f`) below it fails the first read of a WAL store."""
    try:
        import resource
    except ImportError:  # (no such limits here)
        return True
    soft = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    return soft == resource.RLIM_INFINITY or soft >= WAL_INDEX_BYTES


def _open_db(
    path: Path | str,
    threads: bool,
    hooks: _OpenHooks,
    stop: threading.Event | None,
    *,
    alone: bool,
) -> Database:
    """open_db's work. `alone`: SQLite's EXCLUSIVE locking mode, in which the write-ahead log's
    index is kept in memory, not in the -shm file every reader otherwise maps and may have to
    make or grow; the file is locked from the first read to the close (another process waits,
    as for a write), so only a short command that only reads opens a store so."""
    opened_at = time.monotonic()
    memory = str(path) == ":memory:"
    if not memory and not opened_as_written(path):
        from pathlib import Path

        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(
                f"{path}: cannot create database folder: {exc.strerror}", source=str(path)
            ) from exc
    conn: sqlite3.Connection | None = None
    # (when it was last written, before this open turns a copy back into WAL mode, a write)
    kept = KeptCopy(
        str(path),
        keep=not memory,
        written=0 if memory else last_written(path),
        copy_store=_copy_store,
        spare=LITTLE_SPACE,
    )
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_SECONDS, check_same_thread=not threads)
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
        if alone:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        version = 0 if memory else schema_version_of(conn)
        if version > SCHEMA_VERSION:  # before anything changes the file (WAL: its header)
            conn.close()
            raise newer_store(path, version)
        if version < 0:  # (hostile r45 L5: "table feeds already exists", and a FILE.v-5 made)
            conn.close()
            raise unknown_version(path, version)
        # both only take before the first table (not run on a store another newstui made
        # since the version was read: the second writes the header, waiting for its writes)
        if version == 0 and not memory and refuse_foreign(conn, path) == 0:
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        if not memory:
            write_ahead_log(conn)
            keep_log_small(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        # tags compare as Python does ("Ökonomie" is "ökonomie"; NOCASE folds ASCII only)
        conn.create_function("casefold", 1, _casefold, deterministic=True)
        db = Database(conn)
        before = schema_version(db)
        if stop is not None:  # looked at every 1,000 steps of SQLite's machine
            conn.set_progress_handler(stop.is_set, 1000)
        kept.keep = kept.keep and application_id(db) == 0
        compacting = migrate(db, hooks.upgrading, kept.make, hooks.upgrade_elsewhere, stop=stop)
        if stop is not None:  # (waits for another's lock, its index rebuild: `stop` seen)
            db.while_busy = functools.partial(raise_if_stopped, stop)
        make_unusable_indexes(db, path)
        rebuild_marked(db)
        from newstui.store.title_order import keep_title_order  # (it needs this module)

        keep_title_order(db)  # (keys another name_order made: schema 54)
        db.while_busy = None
        if compacting and not memory:
            compact(db)
        elif 0 < before < schema_version(db) and not memory:
            reclaim_free_pages(db, at_least=1)  # what a migration rebuilt left free
        else:
            reclaim_free_pages(db)
        if stop is not None:
            conn.set_progress_handler(None, 0)
            if stop.is_set() and schema_version(db) < SCHEMA_VERSION:  # (a VACUUM just skips)
                raise sqlite3.OperationalError("interrupted")
        if kept.upgrade is not None and hooks.upgraded is not None:
            hooks.upgraded(replace(kept.upgrade, new_version=schema_version(db)))
    except sqlite3.OperationalError as exc:
        if stop is not None and stop.is_set():
            if conn is not None:
                conn.close()
            raise StoreError(
                f"{path}: the upgrade was stopped before it was done; it goes on at the next start",
                source=str(path),
            ) from exc
        import os.path  # (only on this failure: the start does not load it here)

        if not memory and os.path.isdir(path):  # `--db ~/news`: a folder given for the file
            example = os.path.join(path, "newstui.db")
            raise StoreError(
                f"{path}: is a folder, not a database file (e.g. {example})", source=str(path)
            ) from exc
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code == SQLITE_FULL or (code == SQLITE_IOERR and not memory and little_space(path)):
            raise disk_full(path, exc) from exc  # (an upgrade's writes, the log's index)
        if code == SQLITE_IOERR:  # a quota, a file-size limit: not the store's fault
            if conn is not None:
                conn.close()
            raise io_error(path, exc) from exc
        if is_busy(exc):
            raise open_busy(path, exc, time.monotonic() - opened_at) from exc
        if "unable to open" in str(exc) or "readonly" in str(exc):
            if conn is not None:
                conn.close()
            read_only = None if memory else open_read_only(path, threads=threads)
            if read_only is not None:
                return read_only
            if not memory and (too_long := journal_too_long(str(path))):
                raise StoreError(too_long, source=str(path)) from exc
            raise StoreError(
                f"{path}: cannot open the database for writing ({exc}); newstui needs write "
                "access to the file and its folder",
                source=str(path),
            ) from exc
        raise StoreError(f"{path}: not a usable newstui database: {exc}", source=str(path)) from exc
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a usable newstui database: {exc}", source=str(path)) from exc
    except StoreError:  # (a store a newer newstui upgraded meanwhile, a full disk: not kept open)
        if conn is not None:
            conn.close()
        raise
    return db


def open_busy(path: Path | str, exc: sqlite3.Error, waited: float) -> StoreError:
    """The one line for an open another process's lock refused after `waited` seconds: the
    wait of BUSY_SECONDS in vain, or sooner, a lock SQLite waits for none of (an open that
    failed at once was said to have waited 30 s: r46 race, the WAL switch before it was
    retried)."""
    if waited >= BUSY_SECONDS * 0.9:  # (SQLite's waits end on the millisecond)
        return StoreError(
            f"{path}: busy: another process kept it locked for {BUSY_SECONDS:g} s (newstui "
            "upgrading a large store at its first open, or a long write); try again once it "
            "is done",
            source=str(path),
        )
    return StoreError(
        f"{path}: busy: refused after {waited:.1f} s ({exc}): another process held a lock on "
        "it that SQLite does not wait for; try again once that process is done",
        source=str(path),
    )


def open_read_only(path: Path | str, *, threads: bool = False) -> Database | None:
    """The store at `path` opened read-only where its folder cannot be written (a read-only
    disk or mount, a snapshot): SQLite cannot make the write-ahead log's index beside it, so
    the file is read as it is (immutable), which holds every committed write when no
    write-ahead log is left beside it. None where that does not hold (StoreError for a store
    that would need an upgrade). Writes to it fail as a read-only file's (raise_refused_write)."""
    import os
    from pathlib import Path

    file = Path(path)
    if not file.is_file() or os.access(file.parent, os.W_OK):
        return None
    log = Path(f"{file}-wal")
    if log.is_file() and log.stat().st_size > 0:  # writes not yet copied into the file
        return None
    uri = f"{file.resolve().as_uri()}?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=not threads)
    try:
        version = schema_version_of(conn)
    except sqlite3.DatabaseError:
        conn.close()
        return None
    if version != SCHEMA_VERSION:
        conn.close()
        if version == 0:
            return None
        if version > SCHEMA_VERSION:
            raise newer_store(path, version)
        if version < 0:
            raise unknown_version(path, version)
        raise StoreError(
            f"{path}: {_read_only_place(file)}, and its schema ({version}) needs upgrading to "
            f"{SCHEMA_VERSION}, which writes it; copy it to a writable folder",
            source=str(path),
        )
    db = Database(conn)
    unusable = unusable_indexes(conn)
    place = _read_only_place(file) if unusable else ""
    db.unusable_indexes = {  # (a statement naming one fails with this line; others read)
        name: f"{path}: {place}, and its index {name} {what}: this cannot be read without it; "
        "newstui makes it again where it can write: copy the store to a writable folder"
        if what in (MISSING, CHANGED)
        else taken_name(path, name, what)
        for name, what in unusable.items()
    }
    conn.create_function("casefold", 1, _casefold, deterministic=True)  # (as open_db)
    return db


def _read_only_place(file: Path) -> str:
    """Where a store that cannot be written is, in words: "on a read-only disk" where its file
    system is mounted read-only, else "in a read-only folder" (hostile r45 L5: a folder
    without write permission was called a read-only disk)."""
    import os

    try:
        read_only = bool(os.statvfs(file.parent).f_flag & os.ST_RDONLY)
    except OSError:
        read_only = False
    return "on a read-only disk" if read_only else "in a read-only folder"


def unknown_version(path: Path | str, version: int) -> StoreError:
    """The one line for a store whose schema version no newstui writes (below 0): left as it
    is, and no copy made."""
    return StoreError(
        f"{path}: not a newstui database (its version is {version}); it is left as it is",
        source=str(path),
    )


def connection_file(conn: sqlite3.Connection) -> str:
    """The file of a connection's main database (":memory:" for one in memory)."""
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row and row[2] else ":memory:"


def newer_store(path: Path | str, version: int) -> StoreError:
    """The one line for a store a newer newstui upgraded (schema `version`), which this one
    cannot read and does not change."""
    return StoreError(
        f"{path}: store version {version} is newer than this newstui understands "
        f"({SCHEMA_VERSION}): a newer newstui upgraded it; it is left as it is: open it with "
        "that newstui",
        source=str(path),
    )


def refuse_foreign(conn: sqlite3.Connection, path: Path | str) -> int:
    """Raise StoreError (closing `conn`) when the database at `path`, which no newstui made (its
    schema version is 0), holds tables: another program's (a mistyped --db), which opening
    would have turned into a newstui store (its tables added, its journal made WAL). The
    version is read again with the tables, in one statement (one snapshot): another newstui
    creating the store commits its tables with their version, and tables counted after a
    version read before that commit were taken for another program's. Returns that version
    (not 0: another newstui made the store meanwhile)."""
    version, tables = conn.execute(
        "SELECT (SELECT user_version FROM pragma_user_version), count(*) FROM sqlite_master "
        "WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchone()
    if tables and not version:
        conn.close()
        raise StoreError(
            f"{path}: not a newstui database: a database of another program ({tables} "
            f"table{'s' if tables > 1 else ''} of its own), left as it is; give newstui a new "
            "file or its own",
            source=str(path),
        )
    return int(version or 0)


WAL_RETRY_SECONDS = (0.001, 0.002, 0.005, 0.01, 0.02)  # then 0.05 s, up to BUSY_SECONDS


def write_ahead_log(
    conn: sqlite3.Connection, pause: Callable[[float], object] = time.sleep
) -> None:
    """Put the store in WAL mode, waiting (up to BUSY_SECONDS) while another process writes it.
    A store not yet in WAL mode is switched by a write of its header from within a read, for
    which SQLite waits for no other writer: two newstui making one new store at once (two
    `fetch` of a first run, the app and a cron job), the second failed at once with "database
    is locked" while the first wrote the header, and was told of a 30-second wait (1 of ~1,570
    pairs and triples of opens under load; 19 pairs in 20 where the first's write took 50 ms).
    The switch is tried again after a `pause` instead."""
    pauses = iter(WAL_RETRY_SECONDS)

    def paused() -> None:
        pause(next(pauses, 0.05))

    run_while_busy(conn, "PRAGMA journal_mode = WAL", paused)


def keep_log_small(conn: sqlite3.Connection, size: int | None = None) -> None:
    """Have the write-ahead log cut back to `size` bytes (default: as much as SQLite lets it
    hold between two of its checkpoints, wal_autocheckpoint's pages) once a checkpoint has
    copied it into the database: SQLite reuses the file from its start and leaves it at its
    largest, and a cold fetch's log (tens of MB, more while the app's reads held checkpoints
    back) stayed beside the store until the last connection closed, the app's quit. The cut is
    made by the first write that starts the log again, in any process."""
    if size is None:
        pages = int(conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
        size = max(pages, 1) * int(conn.execute("PRAGMA page_size").fetchone()[0])
    conn.execute(f"PRAGMA journal_size_limit = {int(size)}")


def run_while_busy(conn: sqlite3.Connection, sql: str, between: Callable[[], bool | None]) -> None:
    """Run `sql`, again after `between()` each time another process's lock refuses it
    (SQLITE_BUSY), until BUSY_SECONDS have passed (since `between()` last returned True: the
    lock's holder makes progress): then its error is raised."""
    started = time.monotonic()
    while True:
        try:
            conn.execute(sql)
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() - started >= BUSY_SECONDS:
                raise
        if between() is True:
            started = time.monotonic()


MISSING = "is missing (dropped, or left out by a repair tool)"
CHANGED = "is not the one newstui makes (made again on other terms, by hand or by another tool)"
TAKEN = (  # (with the kind of object: a table or a view share the names indexes take)
    "cannot be made: a {kind} of that name takes it, not newstui's (made by hand or by another "
    "tool)"
)
IDENTIFIER_QUOTES = str.maketrans("", "", '"`[]')


def unusable_indexes(conn: sqlite3.Connection) -> dict[str, str]:
    """The indexes statements name (schema.NAMED_INDEXES) that the store lacks (dropped by hand,
    or left out by a repair, `sqlite3 .recover`), holds under that name with another
    definition (hostile r46 M7: one on other columns made `list --tag` fail, "no query
    solution"), or cannot hold as a table or view takes the name (TAKEN: every open failed,
    "there is already a table named articles_fold"), each with what is wrong in words (MISSING,
    CHANGED, TAKEN). One read of the schema's own table; definitions compared as
    index_definition reads them."""
    held: dict[str, str | None] = {}
    taken: dict[str, str] = {}
    for kind, name, sql in conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'table', 'view') "
        f"AND name IN ({', '.join('?' * len(NAMED_INDEXES))})",
        list(NAMED_INDEXES),
    ):
        if kind == "index":
            held[name] = sql
        else:
            taken[name] = kind
    return {
        name: TAKEN.format(kind=taken[name])
        if name in taken
        else MISSING
        if name not in held
        else CHANGED
        for name, made_by in NAMED_INDEXES.items()
        if name not in held or index_definition(held[name]) != index_definition(made_by)
    }


def taken_name(path: Path | str, name: str, what: str) -> str:
    """The line a statement needing the index `name` fails with where a table or view of the
    user's holds its name (`what`: TAKEN's words): what to do, and that nothing is dropped."""
    kind = "view" if " a view " in what else "table"
    remedy = (
        f"ALTER TABLE {name} RENAME TO another_name"
        if kind == "table"
        else f"DROP VIEW {name}, then make it again under another name"
    )
    return (
        f"{path}: its index {name} {what}: this cannot be read without it; rename that {kind} "
        f"(sqlite3 {path} '{remedy}'), and newstui makes the index at its next open; newstui "
        f"leaves the {kind} as it is"
    )


@functools.lru_cache(maxsize=16)  # (the same few statements at each open)
def index_definition(sql: str | None) -> str:
    """A CREATE INDEX statement as compared: without IF NOT EXISTS (SQLite keeps none), its
    case, blanks and identifier quotes, which change nothing the index holds."""
    words = " ".join((sql or "").casefold().split())
    words = words.replace(" if not exists ", " ", 1)
    return "".join(words.translate(IDENTIFIER_QUOTES).split())


def make_unusable_indexes(db: Database, path: Path | str) -> None:
    """Make again each index statements name that the store lacks, or holds with another
    definition (unusable_indexes), in one write transaction: another process opening the store
    at once finds them made (hostile r45 M3: with `articles_fold` dropped, search, tags and the
    counts said only "no such index"). Well under a second for 100,000 articles. Where the file
    cannot be written they are left to `db.unusable_indexes`: the store is read, and only a
    statement that names one fails (hostile r46 L1: every command was refused); so is one whose
    name a table or view of the user's takes, which is never dropped (it may hold what the
    user stored)."""
    unusable = unusable_indexes(db.conn)
    taken = {name: what for name, what in unusable.items() if what not in (MISSING, CHANGED)}
    db.unusable_indexes = {name: taken_name(path, name, what) for name, what in taken.items()}
    if len(taken) == len(unusable):
        return
    try:
        with write_transaction(db) as conn:
            for name, what in unusable_indexes(conn).items():  # (read again under the lock)
                if what == CHANGED:
                    conn.execute(f"DROP INDEX {name}")
                if what in (MISSING, CHANGED):
                    conn.execute(NAMED_INDEXES[name])
    except StoreError as error:  # (a full disk, a quota: their own lines)
        code = (getattr(error.__cause__, "sqlite_errorcode", None) or 0) & 0xFF
        if code != SQLITE_READONLY:
            raise
        db.unusable_indexes |= {
            name: f"{path}: the file is read-only, and its index {name} {what}: this cannot be "
            "read without it; give newstui write access to the file, and it makes the index again"
            for name, what in unusable.items()
            if name not in taken
        }


def raise_unusable_index(db: Database, exc: BaseException, sql: str = "") -> None:
    """For a statement that failed for want of an index the store lacks and this open could
    not make (a store that cannot be written: Database.unusable_indexes), raise StoreError in
    one line naming the store, the index and the remedy; else nothing. SQLite says "no such
    index: NAME" for a missing one, "no query solution" for one that cannot serve the query:
    one held on other terms (CHANGED), the one `sql` (the statement, where known) names first
    (review r47 L1: the first unusable one was named, a missing index the query never used)."""
    unusable = db.unusable_indexes
    if not unusable or not isinstance(exc, sqlite3.OperationalError):
        return
    text = str(exc)
    name = text.removeprefix("no such index: ")
    if name not in unusable:
        if text != "no query solution":
            return
        changed = [name for name, line in unusable.items() if CHANGED in line]
        named = [name for name in changed if re.search(rf"\bINDEXED BY {name}\b", sql)]
        name = (named or changed or list(unusable))[0]
    raise StoreError(unusable[name], source=connection_file(db.conn)) from exc


def rebuild_marked(db: Database) -> None:
    """Rebuild the full-text indexes the store holds marks for (schema 27): a write committed
    them, and its process was killed (or could not have the write lock at its close) before
    its next write transaction rebuilt them, or an upgrade asked for it (schema 28, 30). The
    marks are read again under the write lock, so of two processes opening the store at once
    only the first rebuilds. A stop (Ctrl-C, SIGTERM, open_db's `stop`) is raised, the marks
    kept for the next open."""
    pending = {name for (name,) in db.conn.execute("SELECT name FROM index_rebuilds")}
    if not pending:
        return
    try:
        with _signals_kept(), write_transaction(db):  # rebuilt, marks deleted, at its end
            marked = {name for (name,) in db.conn.execute("SELECT name FROM index_rebuilds")}
            db.known_texts.stale.update(marked & INDEX_REBUILDS.keys())
            db.conn.execute("DELETE FROM index_rebuilds")  # (a name no index has, too)
    except sqlite3.OperationalError as exc:
        # (a stop inside an SQL function is raised by write_transaction: raise_kept_stop)
        locked = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF == sqlite3.SQLITE_LOCKED
        if is_interrupt(exc) or not (is_busy(exc) or locked):
            raise  # open_db's stop (its handler says the upgrade stopped), or a real error
        _left_marked(db, pending)  # busy: see below
    except StoreError:  # a read-only file, a full disk (the rebuild's writes rolled back)
        _left_marked(db, pending)  # (else each statement tried again): an open that can
        # write rebuilds them; this one reads, its search as out of step as before, but for
        # prefixes, matched by stems meanwhile (the prefix index is empty until filled)


@contextmanager
def _signals_kept() -> Iterator[None]:
    """Within the block, the stop a signal's handler raises (Ctrl-C's KeyboardInterrupt,
    SIGTERM's Stopped) is also kept for raise_kept_stop: raised as an SQL function is entered
    (the rebuild runs in SQLite's C code between them), before any try inside it, sqlite3 lost
    it and FTS5 said "SQL logic error" (review r30 MEDIUM 3); write_transaction's block too (a
    Ctrl-C there was lost as an SQL error: stop_on_signals notes SIGTERM's and SIGHUP's only).
    Only in the main thread, where Python runs signal handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    import signal

    kept: dict[int, Any] = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        previous = signal.getsignal(signum)
        if callable(previous):
            kept[signum] = previous
            signal.signal(signum, _keeping_handler(previous))
    try:
        yield
    except BaseException as exc:
        if getattr(_STOPS, "stop", None) is exc:  # raised as itself (outside SQL): not kept on
            _STOPS.stop = None  # for an unrelated SQL error later in this thread
        raise
    finally:
        for kept_signal, handler in kept.items():
            signal.signal(kept_signal, handler)


def _keeping_handler(previous: Callable[[int, Any], Any]) -> Callable[[int, Any], Any]:
    """A signal handler that runs `previous` and keeps the stop it raises (see _signals_kept)."""

    def handler(signum: int, frame: Any) -> Any:
        try:
            return previous(signum, frame)
        except BaseException as stop:
            _STOPS.stop = stop
            raise

    return handler


def _left_marked(db: Database, pending: set[str]) -> None:
    """The marked rebuilds were not done at this open (busy, or a file that cannot be written):
    not tried again at each statement; prefixes go to the stemmed index while theirs waits."""
    db.known_texts.stale.clear()
    db.prefix_pending = PREFIX_INDEX in pending


def is_interrupt(exc: sqlite3.Error) -> bool:
    """Whether SQLite stopped a statement because it was asked to (SQLITE_INTERRUPT: the
    progress handler of open_db's `stop`, or Connection.interrupt)."""
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF == sqlite3.SQLITE_INTERRUPT


def close_db(db: Database) -> None:
    """Close the connection, once any index rebuild its committed writes left due is done (a
    write outside Database: see write_transaction). Where it cannot be done now (another
    process writes) the store keeps the marks, and the next open rebuilds them."""
    try:
        if db.known_texts.stale and not db.conn.in_transaction:
            with write_transaction(db):
                pass
    except (sqlite3.OperationalError, StoreError):
        pass  # busy, a read-only file, a full disk: the marks stay (rebuild_marked)
    finally:  # (a stop during the rebuild too: it is rolled back, its marks kept)
        db.conn.close()


def row_statements(
    insert: str,
    rows: Sequence[Sequence[object]],
    per: int,
    after: str = "",
    *,
    split_tail: bool = True,
) -> Iterator[tuple[str, list[object]]]:
    """`insert` (`INSERT … INTO table (columns)`) over `rows`, `per` rows a statement, each
    statement's VALUES followed by `after` (`ON CONFLICT …`, `RETURNING …`): the SQL and the
    flattened parameters of each, in order. One statement for many rows takes one step and
    reset, not one a row, and a trigger-written full-text index is flushed once a statement.
    With `split_tail` the rows after the last full statement go 2**k at a time (128, 64, …, 1):
    a few statement texts for any count. One text a count filled sqlite3's statement cache
    (128 a connection) with compiled statements of up to `per` rows: the fetching process grew
    by ~9 MiB over a 100,000-article fill. Off where each statement flushes a full-text index."""
    if not rows:
        return iter(())
    flat = [v for row in rows for v in row]
    return flat_row_statements(insert, flat, len(rows[0]), per, after, split_tail=split_tail)


def flat_row_statements(
    insert: str,
    values: Sequence[object],
    width: int,
    per: int,
    after: str = "",
    *,
    split_tail: bool = True,
) -> Iterator[tuple[str, list[object]]]:
    """`row_statements` over rows given as one flat sequence, `width` values a row (no tuple
    made for each row and taken apart again)."""
    count_rows = len(values) // width
    if not count_rows:
        return
    row = f"({', '.join(['?'] * width)})"
    tail = f" {after}" if after else ""

    def statement(count: int) -> str:
        return f"{insert} VALUES {', '.join([row] * count)}{tail}"

    full = statement(per) if count_rows >= per else ""  # made once for every full chunk
    at = 0
    while at < count_rows:
        left = count_rows - at
        count = per if left >= per else 1 << (left.bit_length() - 1) if split_tail else left
        part = list(values[at * width : (at + count) * width])
        yield (full if count == per else statement(count)), part
        at += count


@contextmanager
def write_transaction(
    db: Database, *, check_references: bool = True
) -> Iterator[sqlite3.Connection]:
    """A transaction that takes the write lock at once (BEGIN IMMEDIATE), so two processes
    writing the same rows wait for each other instead of failing half-way. A full-text index
    the block's statements left out of step is rebuilt once at its end (Database.rebuild_stale),
    and so is one a write committed outside Database left marked.

    `check_references=False` turns the foreign-key checks off for this transaction only (for
    a writer that takes every id it writes from rows it has read or written in it: each
    checked row costs two b-tree look-ups; and no delete of it cascades).

    One opened inside another on the same connection is refused (sqlite3.ProgrammingError, a
    programming mistake): it would commit the outer one's writes half-way."""
    if db.in_write_transaction:
        raise sqlite3.ProgrammingError(
            "write_transaction opened inside another on the same connection: it would commit "
            "the outer one's writes half-way; write inside the outer block, or in a savepoint"
        )
    conn = db.conn
    if conn.in_transaction:  # raw writes' (`conn.execute`): ended as a block of this ends
        db.rebuild_stale()
        conn.commit()
    due = frozenset(db.known_texts.stale)  # marks of committed writes: not undone by a rollback
    db.merges_pending = False
    checked = check_references or not conn.execute("PRAGMA foreign_keys").fetchone()[0]
    if not checked:
        conn.execute("PRAGMA foreign_keys = OFF")  # outside a transaction, or it is a no-op
    try:
        _begin_immediate(db)
        db.in_write_transaction = True
        try:
            with _signals_kept():  # a Ctrl-C at an SQL function's entry: a stop, not an error
                yield conn
                db.rebuild_stale()  # an index the block left out of step, once
            conn.commit()
            db.merges_set = db.merges_set or db.merges_pending
        except BaseException as exc:
            db.roll_back(due)
            if isinstance(exc, sqlite3.Error):
                raise_kept_stop()
                raise_refused_write(conn, exc)
                raise_unusable_index(db, exc)
            raise
    finally:
        db.in_write_transaction = False
        db.merges_pending = False
        if not checked:
            conn.execute("PRAGMA foreign_keys = ON")


def _begin_immediate(db: Database) -> None:
    """BEGIN IMMEDIATE: wait up to BUSY_SECONDS for another process's write. With `on_busy`
    set, the wait goes in steps of BUSY_STEP_SECONDS: `on_busy` is called once the first
    step is over, and a signal (Ctrl-C, SIGTERM) is handled between steps, where one wait
    held it until the lock came or the 30 s were over."""
    conn = db.conn
    if db.on_busy is None and db.while_busy is None:
        conn.execute("BEGIN IMMEDIATE")
        return

    def told_once() -> bool:
        if db.on_busy is not None:
            told, db.on_busy = db.on_busy, None  # once a connection
            told()
        return db.while_busy is not None and db.while_busy()

    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_STEP_SECONDS * 1000)}")
    try:
        run_while_busy(conn, "BEGIN IMMEDIATE", told_once)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")


def is_busy(exc: sqlite3.Error) -> bool:
    """Whether SQLite failed because another connection held the lock it needed (SQLITE_BUSY,
    also as an extended code)."""
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF == sqlite3.SQLITE_BUSY


@contextmanager
def savepoint(db: Database, name: str) -> Iterator[None]:
    """A part of the open transaction that a failure undoes alone (the failure is raised, and
    the transaction goes on): its writes, and the index rebuilds they asked for. Where the
    failure undid the whole transaction (SQLite does on some), a caller must raise it too. A stop
    (Ctrl-C, SIGTERM) that an SQL function kept is raised as itself, as write_transaction
    does, so a caller that goes on after a failed part (save_feeds) does not go on after it."""
    due = frozenset(db.known_texts.stale)
    db.conn.execute(f"SAVEPOINT {name}")
    try:
        yield
    except BaseException as exc:
        if db.conn.in_transaction:  # (else SQLite undid the whole transaction: an interrupt, at
            db.roll_back(due, savepoint=name)  # times a full disk; its caller must not go on)
        if isinstance(exc, sqlite3.Error):
            raise_kept_stop()
        raise
    db.conn.execute(f"RELEASE {name}")


@contextmanager
def bulk_writes(
    db: Database, size: int = BULK_CHECKPOINT_BYTES, cache_kib: int = BULK_CACHE_KIB
) -> Iterator[None]:
    """While a connection writes much in little time (a cold fetch), let the write-ahead log
    grow to `size` bytes before it is copied into the database, instead of SQLite's 1,000 pages:
    each checkpoint copies the pages written since the last (a page rewritten by many commits,
    once per checkpoint) and waits for the disk twice (fdatasync), on the writing thread. The
    log is still copied in full when the last connection closes, as before.

    The page cache holds `cache_kib` meanwhile: with SQLite's 2,000 KiB a cold fetch of 10,000
    articles read a page from the store's files 78,656 times (the articles it had just stored,
    read back to analyse and save them; the index pages each save goes through) and wrote one
    157,031 times; with 8,192 KiB 22,647 and 126,131 (~0.13 CPU-s less system time, ~7 MiB
    more memory). The previous settings are back afterwards.

    On a disk with little room the log may take at most a 1/LOG_SHARE_OF_FREE of what is free:
    a cold fetch took the log to 42 MB for a 27 MB store, and on a 40 MB disk the log alone
    filled it (user test r47 L7). Once a checkpoint has copied it, the log is cut back to that
    size meanwhile, and to its usual one afterwards (keep_log_small): the block's end copies it
    into the database, so that the next write does."""
    conn = db.conn
    before = int(conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    limit = int(conn.execute("PRAGMA journal_size_limit").fetchone()[0])
    cache = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    file = connection_file(conn)
    free = free_bytes(file) if file != ":memory:" else None
    if free is not None:
        size = max(LOG_LEAST_BYTES, min(size, free // LOG_SHARE_OF_FREE))
    pages = max(1, size // int(conn.execute("PRAGMA page_size").fetchone()[0]))
    conn.execute(f"PRAGMA wal_autocheckpoint = {pages}")
    conn.execute(f"PRAGMA journal_size_limit = {int(size)}")
    conn.execute(f"PRAGMA cache_size = {-int(cache_kib)}")  # (negative: KiB, not pages)
    try:
        yield
    finally:
        conn.execute(f"PRAGMA wal_autocheckpoint = {before}")
        conn.execute(f"PRAGMA journal_size_limit = {limit}")
        conn.execute(f"PRAGMA cache_size = {cache}")
    if file != ":memory:" and not conn.in_transaction:  # (a block ended as it should)
        # The log copied now (what the last connection's close would copy): the next write of
        # any connection starts it again and cuts it back. Left to them, the app's marks
        # reused a 41 MB log for ever when the fetch had copied it once and written less than
        # 1,000 pages since (the app copies only past that many).
        with contextlib.suppress(sqlite3.Error):  # (a reader in the way: copied later)
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")


@contextmanager
def checkpoint_beside(db: Database) -> Iterator[None]:
    """Copy the write-ahead log into the database file in a thread, on a connection of its own,
    while this one goes on writing; the block is left once the copy is done. At the end of a
    bulk write the log holds up to BULK_CHECKPOINT_BYTES, which closing the store copies
    (and waits for the disk) on the closing thread: copied beside the last analyses of a
    fetch, only the pages written since are left to the close. A PASSIVE checkpoint takes no
    lock a writer needs; where another checkpoint runs it does nothing."""
    row = db.conn.execute("PRAGMA database_list").fetchone()
    path = row[2] if row else ""
    if not path:  # in memory: no log
        yield
        return
    thread = threading.Thread(target=_checkpoint, args=(path,), name="checkpoint", daemon=True)
    thread.start()
    try:
        yield
    finally:
        thread.join()


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


def _checkpoint(path: str) -> None:
    """A PASSIVE checkpoint of the database at `path` (sqlite3 lets other threads run meanwhile)."""
    try:
        conn = sqlite3.connect(path, timeout=30)
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        finally:
            conn.close()
    except sqlite3.Error:  # the close copies the log as before
        pass


def data_version(db: Database) -> int:
    """A number that changes whenever another connection commits to the database."""
    return int(db.execute("PRAGMA data_version").fetchone()[0])


def application_id(db: Database) -> int:
    """The number an application stored in the database header (0 when none did)."""
    return int(db.execute("PRAGMA application_id").fetchone()[0])


def set_application_id(db: Database, value: int) -> None:
    """Mark the database header as belonging to an application (e.g. the rebuildable demo)."""
    db.execute(f"PRAGMA application_id = {int(value)}")


def schema_version(db: Database) -> int:
    """The schema version stored in the database (0 for a new one)."""
    return schema_version_of(db.conn)


def schema_version_of(conn: sqlite3.Connection) -> int:
    """The schema version stored behind a connection."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


# Migrating an existing store to one of these versions frees a third of its pages or more (8:
# one copy of each text; 18: texts compressed, rows left half-empty where they were): rewrite it.
COMPACT_AT = (8, 18)
# Migrating an existing store to one of these versions makes its stories' sketches or band keys
# again (schema.py _V20, _V22): ~50 s for 20,000 articles, worth a line before it starts.
RESKETCH_AT = (20, 22)
FREE_SHARE = 4  # free pages are returned to the file system once they are a 1/FREE_SHARE share


# Migrating an existing store to these versions rebuilds its articles' index (28) and its quote
# index (30) when they hold a word with a CJK character (schema.py _V28, _V30): ~25 s for 50,000
# articles (bench/cjk_search.py).
CJK_REINDEX_AT = (28, 30)
# Migrating a store of this many articles or more past SPLIT_MARKS_AT (49) reads every text
# for a mark its indexes split words at, and rebuilds them when one holds one: ~3 s CPU for
# 100,000 articles to read them (on a loaded machine, 2 cores), ~15 s more to rebuild (4.4 s
# CPU, 22 s wall for 30,000 articles): said before it starts. Fewer: under a second.
SPLIT_MARKS_SLOW_ARTICLES = 10_000


def slow_upgrade(version: int, conn: sqlite3.Connection | None = None) -> bool:
    """True when migrating an existing store of schema `version` sketches its stories again or
    rewrites the file (RESKETCH_AT, COMPACT_AT), or, given its connection, judges its joined
    stories again (SPLIT_JOINS_AT), rebuilds its articles' index (CJK_REINDEX_AT, FOLD_REINDEX_AT),
    fills its prefix index (PREFIX_INDEX_AT, any store with articles) or reads every text again
    (SPLIT_MARKS_AT, a store of SPLIT_MARKS_SLOW_ARTICLES): worth saying before it starts.
    Decided without reading every row (the other migrations add a column or change a few rows
    of feeds: 47, 50; 51 rebuilds the indexes only of a store whose words hold a letter of a
    later case, LATER_CASE_REINDEX_AT, found as a CJK word is; 55 those whose words hold a Latin
    letter search reads as others since, LATIN_BASE_REINDEX_AT: Ł, Ø, Æ)."""
    if any(0 < version < at <= SCHEMA_VERSION for at in (*RESKETCH_AT, *COMPACT_AT)):
        return True
    if conn is None:
        return False
    if 0 < version < SPLIT_JOINS_AT <= SCHEMA_VERSION and joined_stories(conn):
        return True
    if 0 < version < SPLIT_MARKS_AT <= SCHEMA_VERSION and _holds(conn, SPLIT_MARKS_SLOW_ARTICLES):
        return True
    if (
        0 < version < PREFIX_INDEX_AT <= SCHEMA_VERSION
        and conn.execute("SELECT EXISTS (SELECT 1 FROM articles)").fetchone()[0]
    ):
        return True  # the prefix index is filled from every text (~N s for 100,000 articles)
    if 0 < version < FOLD_REINDEX_AT <= SCHEMA_VERSION and not_ascii_indexed(conn):
        return True  # the indexes read again, folded (~N s for 80,000 articles)
    if 0 < version < LATER_CASE_REINDEX_AT <= SCHEMA_VERSION and cjk_indexed(conn, LATER_CASE_GLOB):
        return True  # (rare: Georgian Mtavruli, Cherokee small letters…) rebuilt, folded
    if 0 < version < LATIN_BASE_REINDEX_AT <= SCHEMA_VERSION and cjk_indexed(conn, LATIN_BASE_GLOB):
        return True  # (Danish, Norwegian, Polish, Icelandic… words) rebuilt, folded
    return any(0 < version < at <= SCHEMA_VERSION for at in CJK_REINDEX_AT) and cjk_indexed(conn)


def _holds(conn: sqlite3.Connection, articles: int) -> bool:
    """Whether the store holds `articles` articles or more: read up to that many ids of an
    index, not counted to the last."""
    sql = "SELECT EXISTS (SELECT 1 FROM articles LIMIT 1 OFFSET ?)"
    return bool(conn.execute(sql, [max(articles - 1, 0)]).fetchone()[0])


def joined_stories(conn: sqlite3.Connection) -> bool:
    """Whether the store holds a story of two versions or more: what schema 29 judges again
    (store.stories.split_boilerplate_joins reads their texts: ~5 s for 30,000 articles)."""
    return bool(
        conn.execute(
            "SELECT EXISTS (SELECT 1 FROM stories WHERE story_id != article_id)"
        ).fetchone()[0]
    )


def cjk_indexed(conn: sqlite3.Connection, glob: str = CJK_GLOB) -> bool:
    """Whether the articles' index holds a word with a CJK character (read from its list of
    words, not from the texts): what schemas 28 and 30 reindex (a quote's words are in its
    article's text, so a store with CJK quotes has CJK words in the articles' index). With
    `glob`, a word it matches (LATER_CASE_GLOB, LATIN_BASE_GLOB: what schemas 51, 55 reindex)."""
    conn.execute("DROP TABLE IF EXISTS temp.cjk_article_words")
    conn.execute(
        "CREATE VIRTUAL TABLE temp.cjk_article_words USING fts5vocab(main, articles_fts, row)"
    )
    try:
        return bool(
            conn.execute(
                "SELECT EXISTS (SELECT 1 FROM temp.cjk_article_words WHERE term GLOB ?)",
                [glob],
            ).fetchone()[0]
        )
    finally:
        conn.execute("DROP TABLE temp.cjk_article_words")


def not_ascii_indexed(conn: sqlite3.Connection) -> bool:
    """Whether the articles' index holds a word that is not ASCII (read from its list of
    words): what schema 48 reindexes, folded (a quote's words are in its article's text)."""
    conn.execute("DROP TABLE IF EXISTS temp.fold_words_ahead")
    conn.execute(
        "CREATE VIRTUAL TABLE temp.fold_words_ahead USING fts5vocab(main, articles_fts, row)"
    )
    try:
        return bool(
            conn.execute(
                f"SELECT EXISTS (SELECT 1 FROM temp.fold_words_ahead WHERE {NOT_ASCII_TERM})"
            ).fetchone()[0]
        )
    finally:
        conn.execute("DROP TABLE temp.fold_words_ahead")


def upgrade_ahead(path: Path | str) -> int:
    """How many articles the store at `path` holds when its next open runs a slow upgrade
    (slow_upgrade), else 0. Read without changing anything; a missing or unreadable file is 0
    (the open itself says what is wrong)."""

    def articles(conn: sqlite3.Connection) -> int:
        if not slow_upgrade(schema_version_of(conn), conn):
            return 0
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    return _read_only(path, articles)


def upgrade_under_way(path: Path | str) -> int | None:
    """How many articles the store at `path` holds when another process is upgrading it now:
    the store is behind this newstui's schema with an upgrade's step taken (its mark,
    UPGRADE_BEGAN) and another process holds its write lock; else None (also where the system
    names no lock's holder). Read as upgrade_ahead reads: an app started then waits for it on
    its upgrade screen, not silently before its first frame (r46 openfix noticed)."""
    if str(path) == ":memory:" or lock_holder.write_lock_holder(str(path)) is None:
        return None

    def articles(conn: sqlite3.Connection) -> int:  # (one more: 0 is "none under way")
        marked = conn.execute(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = ?)", [UPGRADE_BEGAN]
        ).fetchone()[0]
        if schema_version_of(conn) >= SCHEMA_VERSION or not marked:
            return 0
        return 1 + int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    found = _read_only(path, articles)
    return found - 1 if found else None


def schema_ahead(path: Path | str) -> int:
    """The schema version of the store at `path` when it is newer than this newstui knows (an
    open refuses it), else 0. Read as upgrade_ahead reads."""
    version = _read_only(path, schema_version_of)
    return version if version > SCHEMA_VERSION else 0


def open_elsewhere(path: Path | str) -> bool:
    """Whether another process has the store at `path` open: an exclusive lock on it cannot be
    had at once (a connection in WAL mode holds a shared lock however idle; BEGIN IMMEDIATE
    would not see it). Changes nothing; a missing file is not open."""
    from pathlib import Path

    if str(path) == ":memory:" or not Path(path).is_file():
        return False
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError:
        return True
    finally:
        conn.close()
    return False


def back_up_file(
    source: Path | str, target: Path | str, waiting: Callable[[], None] | None = None
) -> int:
    """Copy the whole store in the file `source` into the file `target` (made or replaced: the
    copy is written beside it, disk.part_file, and renamed once whole, so a failed backup leaves
    an earlier one as it was; a `target` that is a symbolic link stays one, its target
    written, as restore does: review r47 L8) with SQLite's online backup API in one step: one read
    transaction, so the copy is the store as of one moment while another process writes (WAL:
    that writer is not held up). The copy is
    one self-contained file (journal_mode DELETE): no -wal beside it is needed. `source` is
    opened as it is, never made nor upgraded: an older newstui's store is copied at its own
    schema (r44 M4: the "backup" was upgraded, and the store with it). `waiting` is called once
    when another process's lock holds the read up (see _first_read). Returns that schema
    version; sqlite3.Error when the file cannot be read."""
    import os
    from pathlib import Path

    file = Path(source).resolve()
    if os.path.islink(target):
        target = os.path.realpath(target)
    folder = os.path.dirname(os.path.abspath(target))
    with part_file(folder, "backup", str(file)) as part, no_logs_made(str(file)):
        try:
            version = _copy_file(file, "mode=rw", part, waiting)  # (rw: not made when missing)
        except sqlite3.OperationalError as exc:
            # a folder that cannot be written (a read-only disk, a snapshot) takes no index of
            # the write-ahead log: the file is read as it is, as open_read_only does, when no
            # log is left beside it
            log = Path(f"{file}-wal")
            pending = log.is_file() and log.stat().st_size > 0
            unopened = "unable to open" in str(exc) or "readonly" in str(exc)
            if not unopened or pending or os.access(file.parent, os.W_OK):
                raise
            version = _copy_file(file, "mode=ro&immutable=1", part)
        os.replace(part, target)
    return version


def copy_file_read_only(source: str, target: str) -> int:
    """back_up_file's copy of the store in the file `source`, which is only read (no log may
    be beside it: it would be ignored); its schema version (review r46 L4: restore's read
    of a backup wrote to it)."""
    from pathlib import Path

    return _copy_file(Path(source).resolve(), "mode=ro&immutable=1", target)


def upgrade_copy(path: str, upgrading: Callable[[int], None] | None = None) -> None:
    """Take the store in the file `path`, a copy no other process opens (restore's of an older
    backup: review r47 M2), to SCHEMA_VERSION by the steps every open takes (migrate), with the
    index rebuilds they ask for and the rewrite an open makes after them (compact); no copy of
    it is kept (the file it was copied from is that). `upgrading` as for open_db. sqlite3.Error
    or StoreError when a step fails."""
    conn = sqlite3.connect(path, timeout=0)
    try:
        conn.execute("PRAGMA synchronous = OFF")  # (a copy: one a crash cut short is made again)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.create_function("casefold", 1, _casefold, deterministic=True)
        db = Database(conn)
        compacting = migrate(db, upgrading)
        rebuild_marked(db)
        if compacting:
            compact(db)
        else:
            reclaim_free_pages(db, at_least=1)  # (what the steps rebuilt left free)
    finally:
        conn.close()


def _copy_file(
    file: Path, query: str, target: Path | str, waiting: Callable[[], None] | None = None
) -> int:
    """The store in `file` (opened by its URI with `query`) copied into `target`, which takes
    the store's permissions (user test r44 L5: a backup was 0600 beside a 0644 store, and a
    copy made while the store was 0600 was 0644); the store's schema version."""
    conn = sqlite3.connect(
        f"{file.as_uri()}?{query}",
        uri=True,
        timeout=BUSY_SECONDS if waiting is None else BUSY_STEP_SECONDS,
        isolation_level=None,
    )
    try:
        conn.execute("BEGIN")  # one read transaction: the version read is the copy's
        version = _first_read(conn, waiting)
        copy_connection(conn, target)
        conn.execute("COMMIT")
    finally:
        conn.close()
    take_mode(str(target), str(file))  # (written with the owner's write: see part_file)
    return version


def _first_read(conn: sqlite3.Connection, waiting: Callable[[], None] | None) -> int:
    """The schema version behind `conn`, its first read (a store locked by another process
    for reading too, as an exclusive lock does, holds it up to BUSY_SECONDS). With `waiting`,
    the wait goes in steps of the connection's timeout: `waiting` is called once the first
    step is over (a backup said nothing for 30 s: r44 hostfix-dl), and Ctrl-C is handled
    between steps."""
    started = time.monotonic()
    while True:
        try:
            return schema_version_of(conn)
        except sqlite3.OperationalError as exc:
            if waiting is None or not is_busy(exc) or time.monotonic() - started >= BUSY_SECONDS:
                raise
        waiting()
        waiting = _nothing


def _nothing() -> None:
    """What a wait already said calls."""


def copy_connection(conn: sqlite3.Connection, target: Path | str) -> None:
    """back_up's copy of the database behind any connection to it."""
    copy = sqlite3.connect(target, isolation_level=None)
    try:
        conn.backup(copy)  # (pages=-1: every page in one step)
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()


def _copy_store(path: str, target: str) -> None:
    """The store at `path` copied into the file `target`, for an upgrade's kept copy: through
    another connection, as the upgrade's own holds the write lock, and SQLite's backup refuses a
    source connection that writes (SQLITE_LOCKED, retried for ever)."""
    from pathlib import Path

    _copy_file(Path(path).resolve(), "mode=rw", target)


def _read_only(path: Path | str, read: Callable[[sqlite3.Connection], int]) -> int:
    """`read` of the store at `path`, opened read-only; 0 for a missing or unreadable file."""
    from pathlib import Path

    file = Path(path)
    if str(path) == ":memory:" or not file.is_file():
        return 0
    try:
        conn = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return 0
    try:
        return read(conn)
    except sqlite3.Error:
        return 0
    finally:
        conn.close()


def compact(db: Database) -> bool:
    """Rewrite the file once (VACUUM) so it shrinks and can give back free pages from now on
    (auto_vacuum = INCREMENTAL); skipped, and tried at the next open, while another process
    holds it. True when done."""
    try:
        db.conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        db.conn.execute("VACUUM")
    except sqlite3.OperationalError:
        return False
    return True


def reclaim_free_pages(db: Database, at_least: int = 1024) -> None:
    """Give free pages back to the file system when they are a large share of the file (and
    at least `at_least` pages; any number right after a migration rebuilt tables)."""
    conn = db.conn
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    if free < at_least:
        return
    if at_least >= 1024 and free * FREE_SHARE < conn.execute("PRAGMA page_count").fetchone()[0]:
        return
    try:
        if conn.execute("PRAGMA auto_vacuum").fetchone()[0] == 0:
            compact(db)  # a store made before auto_vacuum: rewrite it once
        else:
            give_back_free_pages(conn)
    except sqlite3.OperationalError:
        pass  # busy: another process writes; the pages are reused meanwhile


def give_back_free_pages(conn: sqlite3.Connection) -> None:
    """Return every free page to the file system (a store with incremental auto_vacuum).

    `PRAGMA incremental_vacuum` frees one page per step, and `execute` takes only the first
    step: `executescript` runs it to the end (and commits what was pending first).
    """
    conn.executescript("PRAGMA incremental_vacuum;")


def _added_before(statement: str, error: sqlite3.OperationalError) -> bool:
    """Whether `statement` adds a column the table has already (a step replayed, as every step
    from schema 19 on can be)."""
    return "ADD COLUMN" in statement and str(error).startswith("duplicate column name")


# While another process upgrades the store, this one waits: the version is read again after
# this pause (the lock held: each BUSY_STEP_SECONDS of the wait), and with no step of the other's
# for TAKE_OVER_SECONDS while the lock is free (the other was stopped) this one goes on with it.
UPGRADE_LOOK_SECONDS = 0.05
TAKE_OVER_SECONDS = 1.0


def migrate(
    db: Database,
    upgrading: Callable[[int], None] | None = None,
    first_step: Callable[[int, bool], None] | None = None,
    waiting: Callable[[], None] | None = None,
    pause: Callable[[float], object] = time.sleep,
    stop: threading.Event | None = None,
) -> bool:
    """Apply every migration newer than the database, each in its own transaction; True when
    this call took an existing store across a version of COMPACT_AT (worth a VACUUM).
    `upgrading(articles)` is called before this call's first step when an existing store with
    articles is up for a slow_upgrade; `first_step(version, resumed)` inside the first step's
    transaction, before it, when this call upgrades (the write lock held: no other process
    changes the store meanwhile), with the version the upgrade began at: an upgrade stopped
    partway (q, Ctrl-C) goes on at the next open, `resumed`, from a version in between that no
    released newstui wrote (upgrade_began).

    Safe when two processes open a database at once: each step re-reads the version under the
    write lock, so a step is applied once, and a new store is made in one step (one
    transaction): another process opening it meanwhile waits for the lock, then finds it whole.
    One that finds another's step taken since it looked leaves the upgrade to it and waits for
    its end (hostile r46 L6: three commands each said they upgraded): `waiting()` is called
    once then, for a slow upgrade, in `upgrading`'s place; it goes on with the steps left only
    where that upgrade stopped (no step for TAKE_OVER_SECONDS, the lock free), and `pause`s
    UPGRADE_LOOK_SECONDS between looks. `stop` set (open_db's: q in the app) ends that wait at
    the next look, within BUSY_STEP_SECONDS, as sqlite3.OperationalError "interrupted": its
    statements are too short for the progress handler that stops a step (review r47 H1: the
    app quit only once the other's upgrade was over, ~50 s for a large store).
    """
    version = schema_version(db)
    start = version
    began: int | None = None
    if version > SCHEMA_VERSION:  # (open_db refuses it before: upgraded since by another)
        raise newer_store(connection_file(db.conn), version)
    articles = 0
    if (upgrading is not None or waiting is not None) and slow_upgrade(start, db.conn):
        articles = int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
    seen = version  # the version last read
    changed_at = -TAKE_OVER_SECONDS  # when another process's step was last seen
    other_upgrades = False
    told: list[Callable[[], None]] = [waiting] if waiting is not None else []
    holder = HolderWatch(connection_file(db.conn))
    upgrader: int | None = None  # the newstui whose work lets the wait go past BUSY_SECONDS
    runs_newstui: dict[int, bool] = {}

    def upgrades(pid: int | None) -> bool:  # (looked at once a process)
        if pid is not None and pid not in runs_newstui:
            runs_newstui[pid] = lock_holder.runs_what(pid) == "newstui"
        return pid is not None and runs_newstui[pid]

    def say_waiting(always: bool = False) -> None:  # once; for a slow upgrade or a long wait
        if always or articles:
            while told:
                told.pop()()

    def looked() -> bool:  # (while another process holds the lock)
        nonlocal seen, changed_at, upgrader
        raise_if_stopped(stop)
        try:
            now = version_checked(db.conn)
        except sqlite3.OperationalError as exc:  # (the log being recovered: looked at next)
            if not is_busy(exc):
                raise
            return False
        if now == seen:
            # a step of another newstui's upgrade longer than BUSY_SECONDS (schema 20's
            # sketches of a large store) is waited for while its process works; a stopped or
            # hung one is not, nor any other holder, for which the wait ends after BUSY_SECONDS
            # with the busy line (review r47 H2: a sqlite3 shell's long UPDATE held an open
            # 44 s, "waiting for the upgrade … another newstui is making"). A newstui holding
            # the lock of a store behind this schema is upgrading it: its first step's mark
            # (UPGRADE_BEGAN) and version are not committed before that step ends
            if not holder.working() or not upgrades(holder.pid):
                return False
            upgrader = holder.pid
            say_waiting(always=True)
            return True
        seen, changed_at = now, time.monotonic()
        say_waiting()
        return True

    db.while_busy = looked
    try:
        while version < SCHEMA_VERSION:
            raise_if_stopped(stop)  # (after a pause: before the next look, or taking over)
            # sqlite3 opens no transaction before DDL: this does, so a killed step leaves nothing
            with write_transaction(db) as conn:
                version = version_checked(conn)
                if version >= SCHEMA_VERSION:
                    break
                if version != seen:  # another process's step since this one looked
                    seen, changed_at = version, time.monotonic()
                other_upgrades = time.monotonic() - changed_at < TAKE_OVER_SECONDS
                if not other_upgrades:
                    if began is None:
                        if upgrading is not None and articles:
                            upgrading(articles)
                        told.clear()
                        began = upgrade_began(conn, version) if version else 0  # (new: one step)
                        if first_step is not None:
                            first_step(began, began != version)
                    for _ in range(SCHEMA_VERSION if version == 0 else 1):
                        _take_step(conn, version)
                        version += 1
                    if version == SCHEMA_VERSION:  # done: the next upgrade begins afresh
                        conn.execute(f"DROP TABLE IF EXISTS {UPGRADE_BEGAN}")
                    seen = version
            if other_upgrades:  # (the lock let go: the other takes its next step meanwhile)
                say_waiting()
                pause(UPGRADE_LOOK_SECONDS)
    except sqlite3.OperationalError as exc:
        if upgrader is None or holder.pid != upgrader or not is_busy(exc):
            raise  # (no newstui's upgrade waited for: the busy line)
        raise _upgrade_stuck(connection_file(db.conn), upgrader) from exc
    finally:
        db.while_busy = None
    return began is not None and any(0 < start < at <= version for at in COMPACT_AT)


def raise_if_stopped(stop: threading.Event | None) -> bool:
    """Raise sqlite3.OperationalError "interrupted", as the progress handler of open_db's
    `stop` does, once `stop` is set; else False (as a Database.while_busy: no progress seen).
    For waits of an open for another process's lock, whose short statements never reach that
    handler (review r47 H1)."""
    if stop is not None and stop.is_set():
        raise sqlite3.OperationalError("interrupted")
    return False


def _upgrade_stuck(path: str, pid: int) -> StoreError:
    """The line of an open that waited for another process's upgrade of the store, which worked
    for a while, then no more for BUSY_SECONDS, its lock held (stopped by Ctrl-Z, or hung)."""
    return StoreError(
        f"{path}: busy: the newstui upgrading it (pid {pid}) has done nothing for "
        f"{BUSY_SECONDS:g} s, holding its lock (stopped, or hung?); try again once it goes on or "
        "ends (an upgrade ended partway goes on at the next open)",
        source=path,
    )


def version_checked(conn: sqlite3.Connection) -> int:
    """The schema version, read by a statement that also checks the connection's copy of the
    schema against the store's, reading it again where another process changed the schema
    since. `PRAGMA user_version` checks nothing: under the write lock an upgrade step then ran
    on the tables of an earlier version, its ALTER TABLE refused as "duplicate column" (and
    passed over as a replayed step) a column another process's step had dropped: "no such
    column: text" (schema 9's: 2 of ~1,570 pairs and triples of opens of a new store, 26 pairs
    in 30 with 3 ms between steps), and an ALTER passed over so would leave a column out."""
    return int(
        conn.execute(
            "SELECT user_version, (SELECT count(*) FROM sqlite_master) FROM pragma_user_version"
        ).fetchone()[0]
    )


def _take_step(conn: sqlite3.Connection, version: int) -> None:
    """Take the store from schema `version` to the next (MIGRATIONS), in the open transaction."""
    for statement in MIGRATIONS[version]:
        try:
            conn.execute(statement)
        except sqlite3.OperationalError as exc:
            if _added_before(statement, exc):
                continue  # (a step replayed: SQLite has no ADD COLUMN IF NOT EXISTS)
            raise_kept_stop()  # Ctrl-C or SIGTERM in an SQL function: a stop
            raise
    if version + 1 == SPLIT_JOINS_AT:
        from newstui.store.stories import split_boilerplate_joins

        split_boilerplate_joins(conn)
    conn.execute(f"PRAGMA user_version = {version + 1}")


# The version the upgrade under way began at, one row kept from its first step to its last: a
# store at a version in between (an upgrade stopped by q or Ctrl-C) is known for one at the next
# open, which goes on from there (r44 appfix-d: it made a second `FILE.vN`, of that in-between
# store, which no released newstui wrote). A table of its own, dropped at the end: an older
# newstui sees none in a store it opens, and would pass over one.
UPGRADE_BEGAN = "upgrade_began"


def upgrade_began(conn: sqlite3.Connection, version: int) -> int:
    """The version the upgrade of the store (at `version`, in the first step's transaction)
    began at: `version`, marked now, unless a stopped upgrade marked an older one."""
    conn.execute(f"CREATE TABLE IF NOT EXISTS {UPGRADE_BEGAN} (version INTEGER NOT NULL)")
    row = conn.execute(f"SELECT max(version) FROM {UPGRADE_BEGAN}").fetchone()
    if row[0] is not None and int(row[0]) <= version:
        return int(row[0])
    conn.execute(f"DELETE FROM {UPGRADE_BEGAN}")
    conn.execute(f"INSERT INTO {UPGRADE_BEGAN} (version) VALUES (?)", [version])
    return version
