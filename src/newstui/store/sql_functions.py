"""The Python functions the store's SQL calls (its schema's views, triggers and indexes, and
queries): packed texts and links, search words, names and folders, stories' sketches.
"""

from __future__ import annotations

import functools
import json
import zlib
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING

from newstui.article_rows import enclosure_urls, packed_links, packed_text, unpacked_text
from newstui.model.folders import folder_keys, meant_folders
from newstui.model.link_key import link_key, link_key_if_other
from newstui.model.names import document_names, name_key, name_order_text
from newstui.store.cjk_words import cjk_apart
from newstui.store.json_columns import json_list
from newstui.store.kept_stops import STOPS, keeping_stops
from newstui.store.person_names import named_speaker, same_person
from newstui.store.search_fold import name_fold, search_words, split_at_marks, words_before_55

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable, Iterable, Iterator

    from newstui.store.db import Database


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
        # as keeping_stops keeps it: FTS5 reports it as "SQL logic error", taken for busy
        try:
            text = _inflated(packed)
        except (KeyboardInterrupt, SystemExit) as stop:
            STOPS.stop = stop
            raise
        if not text:  # a packed text is never empty: it did not unpack
            self.damaged.add(packed)
        return text


def add_text_functions(conn: sqlite3.Connection) -> KnownTexts:
    """The SQL functions the schema's view and triggers use since schema 18: article_text(v) is
    a stored text, summary or links as text (they are stored compressed), pack_text(t) and
    pack_links(t) the reverse. Returns the texts inflate() needs not unpack (see with_texts)."""
    conn.create_function("article_text", 1, unpacked_text, deterministic=True)
    # schema_sql.unpacked's: a C function (see KnownTexts)
    known = KnownTexts()
    conn.create_function("inflate", 1, known.__getitem__, deterministic=True)
    # whether inflate() found a stored value damaged (called after it, in the same trigger)
    conn.create_function("damaged_text", 1, keeping_stops(known.damaged.__contains__))
    # a trigger's mark: this index is rebuilt once the statement is done (Database.rebuild_stale)
    conn.create_function("stale_index", 1, known.mark_stale)
    conn.create_function("fts_size_total", 2, _fts_size_total, deterministic=True)
    conn.create_function("pack_text", 1, _packing(packed_text), deterministic=True)
    conn.create_function("pack_links", 1, _packing(packed_links), deterministic=True)
    conn.create_function("story_sketch", 1, _story_sketch, deterministic=True)
    conn.create_function("story_band_keys", 1, _story_band_keys, deterministic=True)
    # the words the articles' index reads: one a CJK character (schema 28)
    # (a stop inside it, as the upgrade's index rebuild reads every text: kept, see below)
    conn.create_function("cjk_apart", 1, keeping_stops(cjk_apart), deterministic=True)
    # ... and since schema 48 folded first: accents, case, compatibility forms (search_fold)
    conn.create_function("search_words", 1, keeping_stops(search_words), deterministic=True)
    # ... and as schemas 48 to 54 folded them (Ł, Ø, Æ kept), for schema 55's step
    conn.create_function("words_before_55", 1, keeping_stops(words_before_55), deterministic=True)
    # whether a text holds a mark the tokenizer split words at and the fold takes off (schema 49)
    conn.create_function("split_at_marks", 1, keeping_stops(split_at_marks), deterministic=True)
    # names as Sources and `feeds` list them (model.names.name_order: É with the E's), and
    # titles as title order does (schema 54: articles.title_order, its triggers)
    conn.create_function("name_order", 1, _name_order, deterministic=True)
    # an article's link as compared (schema 36: articles.link_key, imported marks' links)
    conn.create_function("link_key", 1, keeping_stops(_link_key), deterministic=True)
    # an article's enclosure URLs from its links, as a JSON list (NULL: none), as a cleanup
    # remembers them (retention)
    conn.create_function("enclosure_urls", 1, _enclosure_urls, deterministic=True)
    conn.create_function(
        "link_key_if_other", 1, keeping_stops(_link_key_if_other), deterministic=True
    )
    return known


def add_name_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions that compare names, which every connection of a Database has: people's
    (query_sql), feeds', tags' and views', and whether a tag is under a folder."""
    # a person query's name against a stored one (query_sql.entity_ids_sql)
    conn.create_function("same_person", 2, same_person, deterministic=True)
    # a quote's speaker as written (no entity) against a person query (query_sql)
    conn.create_function("named_speaker", 2, _named_speaker_keeping_stops, deterministic=True)
    # feed, tag and view names as compared everywhere (model.names: every script's case)
    conn.create_function("name_key", 1, _name_key, deterministic=True)
    # ... and as the query's feed: and tag: compare them (accents off, ł as l: search_fold)
    conn.create_function("name_fold", 1, _name_fold, deterministic=True)
    # the names a feed without `name` may go by, its title then its site's host, by their
    # place (0, 1): model.names.document_names, the one rule (store.feeds.DOCUMENT_NAME)
    conn.create_function("document_name", 3, _document_name, deterministic=True)
    # the folders a typed one names among a JSON list of tags (model.folders.meant_folders),
    # and whether a tag is one of them or under one ("News/Europe" is in News): folder_sql
    conn.create_function("meant_folders", 2, _meant_folders, deterministic=True)
    conn.create_function("in_folders", 2, _in_folders, deterministic=True)


def _document_name(
    title: str | bytes | int | float | None, site_url: str | bytes | int | float | None, n: int
) -> str | None:
    """SQL's document_name(title, site_url, n): the n-th of model.names.document_names (texts
    only), None past the last."""
    if not isinstance(n, int) or n < 0:
        return None
    names = document_names(
        title if isinstance(title, str) else None, site_url if isinstance(site_url, str) else None
    )
    return next(islice(names, n, None), None)


def _link_key(url: str | bytes | int | float | None) -> str | None:
    """SQL's link_key(url): model.link_key of a text; None for anything else (no link)."""
    return link_key(url) if isinstance(url, str) else None


def _link_key_if_other(url: str | bytes | int | float | None) -> str | None:
    """SQL's link_key_if_other(url): what articles.link_key keeps (model.link_key_if_other)."""
    return link_key_if_other(url) if isinstance(url, str) else None


def _named_speaker_keeping_stops(speaker: str | None, wanted: str) -> bool:
    """named_speaker as an SQL function, a stop raised inside it kept (as keeping_stops)."""
    try:
        return named_speaker(speaker, wanted)
    except (KeyboardInterrupt, SystemExit) as stop:
        STOPS.stop = stop
        raise


@keeping_stops
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


@keeping_stops
def _story_sketch(value: str | bytes | None) -> bytes | None:
    """SQL story_sketch(stored text): the sketch of an article's text as stored (packed or
    not), NULL for one too short to judge or that does not unpack (schema 20 sketches stored
    articles again: one unreadable text must not stop the store from opening)."""
    from newstui.stories import story_sketch

    return story_sketch(unpacked_text(value)).packed


@keeping_stops
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


def _enclosure_urls(links: str | bytes | None) -> str | None:
    urls = enclosure_urls(links)
    return json.dumps(urls) if urls else None


@functools.lru_cache(maxsize=64)  # (one query's folder, asked again by its count and list)
def _meant_folders(tags: object, folder: object) -> str:
    """SQL's meant_folders(tags, folder): the name_keys, as a JSON list, of the folders a typed
    `folder` names among the JSON list `tags` (model.folders.meant_folders, by name_fold)."""
    if not isinstance(folder, str):
        return "[]"
    listed = json_list(tags if isinstance(tags, str) else None)
    every = [tag for tag in listed if isinstance(tag, str)]
    return json.dumps([name_key(path) for path in meant_folders(folder, every, name_fold)])


@functools.lru_cache(maxsize=64)
def _folder_key_set(keys: str) -> frozenset[str]:
    return frozenset(key for key in json_list(keys) if isinstance(key, str))


def _in_folders(tag: object, keys: object) -> bool:
    """SQL's in_folders(tag, keys): whether the tag is one of the folders of these name_keys
    (a JSON list: meant_folders') or under one."""
    if not isinstance(tag, str) or not isinstance(keys, str):
        return False
    wanted = _folder_key_set(keys)
    return any(key in wanted for key in folder_keys(tag))


def _name_fold(value: str | bytes | int | float | None) -> str | bytes | int | float | None:
    """SQL's name_fold(x): search_fold.name_fold of a text, anything else as it is."""
    return name_fold(value) if isinstance(value, str) else value


def _name_key(value: str | bytes | int | float | None) -> str | bytes | int | float | None:
    """SQL's name_key(x): model.names.name_key of a text, anything else as it is."""
    return name_key(value) if isinstance(value, str) else value


@functools.lru_cache(maxsize=4096)  # (a list sorted by feed asks for each article's feed name)
def _name_order(value: str | bytes | int | float | None) -> str | bytes | int | float | None:
    """SQL's name_order(x): model.names.name_order_text of a text, anything else as it is."""
    return name_order_text(value) if isinstance(value, str) else value


def casefold(value: str | bytes | int | float | None) -> str | bytes | int | float | None:
    """SQL's casefold(x): a text's str.casefold(), anything else as it is."""
    return value.casefold() if isinstance(value, str) else value
