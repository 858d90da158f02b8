"""Entities, mentions and quotes: store an article's analysis and query them across articles."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from operator import itemgetter
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from newstui.article_rows import bulk_inflate, unpacked_text
from newstui.errors import hide_passwords
from newstui.model import AnalysisRows, listed_date, listed_date_only
from newstui.store.db import Database, write_transaction
from newstui.store.row_statements import flat_row_statements, row_statements
from newstui.store.schema_sql import quote_words
from newstui.store.search_fold import search_words

if TYPE_CHECKING:
    from newstui.model import (
        Analysis,
        EntityRow,
        Mention,
        QuoteRow,
        TextToAnalyse,
    )
    from newstui.query import Query

# The articles not at version ?1, as three ranges of the articles_analysis index (NULL, below
# and above it; named, so the planner never reads every row instead, as `nlp_version IS NOT ?`
# did): with everything analysed, finding nothing is three index look-ups at any store size.
NOT_AT_VERSION = (
    "articles INDEXED BY articles_analysis "
    "WHERE nlp_version IS NULL OR nlp_version < ?1 OR nlp_version > ?1"
)


def articles_to_analyse(
    db: Database,
    version: str,
    ids: Iterable[int] | None = None,
    limit: int = 1000,
    *,
    stale: bool = True,
) -> list[TextToAnalyse]:
    """Articles not yet analysed by this extractor version (optionally among ids): their texts
    and stamps (save_analyses keeps an analysis only while the stored text has that stamp).
    `stale=False`: only those never analysed (new or changed), not those of older versions."""
    from newstui.model.analysis import TextToAnalyse

    # the language its entry declares, else (an article stored before schema 56) its feed's
    columns = (
        "id, text, "
        "coalesce(language, (SELECT f.language FROM feeds f WHERE f.id = articles.feed_id))"
    )
    if ids is not None:
        ids = list(ids)
        if not ids:
            return []
        among = f"SELECT {columns} FROM articles WHERE id IN (SELECT value FROM json_each(?))"
        if stale:
            sql, params = f"{among} AND nlp_version IS NOT ?", [json.dumps(ids), version]
        else:
            sql, params = f"{among} AND nlp_version IS NULL", [json.dumps(ids)]
        rows = db.execute(sql, params).fetchall()
    elif stale:
        sql = f"SELECT {columns} FROM {NOT_AT_VERSION} LIMIT ?2"  # never analysed first
        rows = db.execute(sql, [version, limit]).fetchall()
    else:
        sql = f"SELECT {columns} FROM articles WHERE nlp_version IS NULL LIMIT ?"
        rows = db.execute(sql, [limit]).fetchall()
    inflate = bulk_inflate()
    return [TextToAnalyse(r[0], unpacked_text(r[1], inflate), text_stamp(r[1]), r[2]) for r in rows]


def text_stamp(stored: str | bytes | None) -> int:
    """What tells a stored text (packed or plain) from any other: its length and CRC-32, of
    the packed form (~0.1 µs for a 2 KB text; no digest column to keep up to date)."""
    data = stored.encode("utf-8", "surrogatepass") if isinstance(stored, str) else stored or b""
    return len(data) << 32 | zlib.crc32(data)


def _stored_texts(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, str | bytes]:
    """The stored (packed or plain) texts of those of these articles that are there (inside the
    save's write transaction, so none changes before the save commits)."""
    rows = conn.execute(
        "SELECT id, text FROM articles WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps(list(ids))],
    )
    return dict(rows)


def mark_unanalysed(db: Database, version: str, ids: Iterable[int] | None = None) -> int:
    """Give articles not yet at `version` an empty analysis in one statement per table (for an
    extractor that finds nothing); returns how many articles that was."""
    if ids is None:
        chosen, params = f"SELECT id FROM {NOT_AT_VERSION}", [version]
    else:
        chosen = (
            "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?2)) "
            "AND nlp_version IS NOT ?1"
        )
        params = [version, json.dumps(list(ids))]
    if not db.execute(f"{chosen} LIMIT 1", params).fetchone():
        return 0  # nothing to mark: no write transaction
    with write_transaction(db) as conn:
        for table in ("mentions", "quotes"):
            conn.execute(f"DELETE FROM {table} WHERE article_id IN ({chosen})", params)
        cur = conn.execute(f"UPDATE articles SET nlp_version = ?1 WHERE id IN ({chosen})", params)
    return cur.rowcount


def any_unanalysed(db: Database) -> bool:
    """Whether some article has no analysis at all (new or changed since, or left by an
    interrupted fetch): one index look-up, and no extractor needed to ask."""
    return (
        db.execute("SELECT 1 FROM articles WHERE nlp_version IS NULL LIMIT 1").fetchone()
        is not None
    )


def count_unanalysed(db: Database, up_to: int | None = None) -> int:
    """How many articles (with ids up to `up_to`, None: every one) have no analysis at all:
    counted in the index of analysis versions."""
    return int(
        db.execute(
            "SELECT count(*) FROM articles WHERE nlp_version IS NULL AND id <= ?",
            [up_to if up_to is not None else 2**63 - 1],
        ).fetchone()[0]
    )


@contextmanager
def analysis_kept(conn: sqlite3.Connection, article_id: int) -> Iterator[None]:
    """Around a change of an article's text whose new analysis is to come: its entities and its
    quotes' speakers stay until save_analyses replaces them, so the article stays in its
    `speaker:`, `person:` and other entity views meanwhile (user test r44 M3: a refresh's
    updated entries dropped out of them until it was finishing, and a view's count fell). The
    mentions are kept as they are; a quote goes with the text its words are a span of (the
    schema's trigger, as the quote index reads its words there), so each is put back with an
    empty span, and its empty words indexed, under its id. article_analysis shows neither
    until the new analysis is stored: their offsets are the old text's."""
    held = conn.execute(
        "SELECT id, speaker, speaker_entity_id FROM quotes WHERE article_id = ?", [article_id]
    ).fetchall()
    yield
    if not held:
        return
    kept = {
        r[0] for r in conn.execute("SELECT id FROM quotes WHERE article_id = ?", [article_id])
    }  # (a text left as it was keeps its quotes)
    gone = [(i, article_id, speaker, entity) for i, speaker, entity in held if i not in kept]
    conn.executemany(
        "INSERT INTO quotes (id, article_id, start, end, speaker, speaker_entity_id) "
        "VALUES (?, ?, 0, 0, ?, ?)",
        gone,
    )
    conn.executemany("INSERT INTO quotes_fts (rowid, text) VALUES (?, '')", [g[:1] for g in gone])


def save_analysis(
    db: Database,
    article_id: int,
    analysis: Analysis,
    version: str,
    entity_key: Callable[[str, str], str],
    surname_key: Callable[[str, str], str] | None = None,
) -> None:
    """Replace an article's entities and quotes; `entity_key` merges entities across articles.

    With `surname_key` (a PERSON's surname alone), a lone surname joins the one stored full name
    that has it, and a stored lone surname joins a full name when it first appears.
    """
    save_analyses(db, [(article_id, analysis)], version, entity_key, surname_key)


def save_analyses(
    db: Database,
    results: Iterable[tuple[int, Analysis | AnalysisRows]],
    version: str,
    entity_key: Callable[[str, str], str],
    surname_key: Callable[[str, str], str] | None = None,
    *,
    read_as: Mapping[int, int] | None = None,
    texts: Mapping[int, str] | None = None,
) -> set[int]:
    """Replace the entities and quotes of several articles in one transaction (an article given
    twice keeps its last analysis); an analysis may come as `AnalysisRows`.

    `read_as` is the stamp of each article's text as it was read for analysis
    (`TextToAnalyse.stamp`): an article whose text has changed since is skipped and stays
    unanalysed, so the next sweep analyses its new text. Without `read_as` the texts are taken
    to be the ones analysed. An article that is gone is skipped too; returns the ids skipped.
    With `read_as`, `texts` may give the texts as they were read (`TextToAnalyse.text`): the
    quotes' words are taken from them instead of unpacking the stored texts again.

    The same as saving them one by one, in fewer statements: the old rows go in one delete per
    table, entities other than surname-merged PERSONs in one upsert, each entity is written
    once a batch, mentions and quotes in one insert each, and the quotes' words are indexed from
    the texts the save has read (no SQL unpacks them again). Every id it writes is one it has
    just read or written, so the foreign keys are not checked row by row (they were a third of
    the cost of the mentions insert).
    """
    from newstui.model.analysis import Analysis, analysis_rows

    latest = {
        article_id: analysis_rows(found) if isinstance(found, Analysis) else found
        for article_id, found in results
    }
    skipped: set[int] = set()
    if not latest:
        return skipped
    with write_transaction(db, check_references=False) as conn:
        stored = _stored_texts(conn, latest)  # also what the quotes' words are read from
        fresh = (
            set(stored)
            if read_as is None
            else {i for i, text in stored.items() if read_as.get(i) == text_stamp(text)}
        )
        if len(fresh) < len(latest):
            skipped = latest.keys() - fresh
            latest = {i: rows for i, rows in latest.items() if i in fresh}
            if not latest:
                return skipped
        ids = json.dumps(list(latest))
        for table in ("mentions", "quotes"):
            conn.execute(
                f"DELETE FROM {table} WHERE article_id IN (SELECT value FROM json_each(?))", [ids]
            )
        batch = _AnalysisBatch(conn, entity_key, surname_key, latest.values())
        for article_id, rows in latest.items():
            batch.add(article_id, rows)
        batch.flush()
        _index_quote_words(conn, batch.saved_quotes, stored, texts if read_as else None)
        conn.execute(
            "UPDATE articles SET nlp_version = ? WHERE id IN (SELECT value FROM json_each(?))",
            [version, ids],
        )
    return skipped


def _index_quote_words(
    conn: sqlite3.Connection,
    quotes: Iterable[tuple[int, int, int, int]],
    stored: Mapping[int, str | bytes],
    read: Mapping[int, str] | None = None,
) -> None:
    """Index the words of saved quotes (id, article id, start, end): their spans of the stored
    texts this save read, each unpacked once (what `quote_words` reads in SQL), or of the same
    texts as the caller read them (`read`). In article order, then id order, as the one
    INSERT … SELECT that did it wrote them (FTS5 flushes its pending rows when a rowid goes
    down: the same order leaves the same index)."""
    texts: dict[int, str] = dict(read) if read else {}
    rows = []
    for quote_id, article_id, start, end in sorted(quotes, key=itemgetter(1, 0)):
        text = texts.get(article_id)
        if text is None:
            text = texts[article_id] = unpacked_text(stored.get(article_id))
        rows.append((quote_id, search_words(text[start:end])))  # (its words as indexed: v48)
    conn.executemany("INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)", rows)


UPSERT_INTO_ENTITIES = "INSERT INTO entities (key, name, type, short_key)"
ON_ENTITY_CONFLICT = (
    "ON CONFLICT(key) DO UPDATE SET name = CASE WHEN length(excluded.name) > "
    "length(name) THEN excluded.name ELSE name END RETURNING id, key"
)
UPSERT_ENTITY = f"{UPSERT_INTO_ENTITIES} VALUES (?, ?, ?, ?) {ON_ENTITY_CONFLICT}"
UPSERT_ROWS = 500  # rows of one multi-row upsert (4 parameters each)
# Mentions inserted by one statement (4 parameters each): a cold fetch's 225,332 mentions
# 1.0 → 0.6 CPU-s against one statement a row. Quotes and their words gained nothing
# measurable this way (the word index lost: 0.6 → 0.9 s), so they stay one a row.
INSERT_ROWS = 250


class _AnalysisBatch:
    """Entity ids and pending rows while a batch of analyses is saved.

    Entities are written in the order articles name them, each once: a PERSON's full name
    when first seen (it may take over a stored lone surname, whose rows are written first);
    a lone surname joins the one full name with its surname key, looked up again once a full
    name with that key has been written; every other entity in one upsert up front, with the
    longest name the batch gives it (or a longer stored one).
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        entity_key: Callable[[str, str], str],
        surname_key: Callable[[str, str], str] | None,
        analyses: Iterable[AnalysisRows],
    ) -> None:
        self.conn, self.entity_key, self.surname_key = conn, entity_key, surname_key
        self.keys: dict[tuple[str, str], str] = {}
        self.names: dict[str, str] = {}  # key → the longest name given (the first of ties)
        plain: dict[str, str] = {}  # key → type, of entities no surname merges
        names, keys, entity_key = self.names, self.keys, self.entity_key
        merged = "PERSON" if surname_key is not None else None  # see surname_merged
        for entities, _ in analyses:
            for name, type_, _, _ in entities:
                key = keys.get((name, type_))  # name_key, inline: once an entity
                if key is None:
                    key = keys[name, type_] = f"{type_}:{entity_key(name, type_)}"
                longest = names.setdefault(key, name)
                if len(name) > len(longest):
                    names[key] = name
                if type_ != merged:
                    plain.setdefault(key, type_)
        self.ids: dict[str, int] = self.upsert_plain(plain)
        # lone surname key → (the full name's id, True) or (0, False: itself), until one more
        # full name with that surname is written
        self.lone: dict[str, tuple[int, bool]] = {}
        self.written: dict[str, tuple[int, str]] = {}  # surname-merged key → (id, longest name)
        self.moved: dict[int, int] = {}  # a lone surname taken over → the full name's id
        # (name, type) → (key, id) of names whose entity stays the same for the rest of the
        # batch (all but lone surnames, which join a full name once one is written)
        self.settled: dict[tuple[str, str], tuple[str, int]] = {}
        self.mentions: list[int] = []  # article id, entity id, start, end of each mention
        self.other_names: set[tuple[str, int]] = set()
        self.quotes: list[tuple[int, int, int, str | None, int | None]] = []
        self.saved_quotes: list[tuple[int, int, int, int]] = []  # (id, article id, start, end)

    def name_key(self, name: str, type_: str) -> str:
        """The stored key a name of this type stands for (computed once a batch)."""
        key = self.keys.get((name, type_))
        if key is None:
            key = self.keys[name, type_] = f"{type_}:{self.entity_key(name, type_)}"
        return key

    def surname_merged(self, type_: str) -> bool:
        return self.surname_key is not None and type_ == "PERSON"

    def upsert_plain(self, entities: dict[str, str]) -> dict[str, int]:
        """Write entities that no surname merges, UPSERT_ROWS in one statement; key → id."""
        ids: dict[str, int] = {}
        rows = [(key, self.names[key], type_, None) for key, type_ in entities.items()]
        statements = row_statements(UPSERT_INTO_ENTITIES, rows, UPSERT_ROWS, ON_ENTITY_CONFLICT)
        for sql, params in statements:
            ids.update((key, entity_id) for entity_id, key in self.conn.execute(sql, params))
        return ids

    def entity_id(self, name: str, type_: str, key: str) -> int:
        """The id of the entity a name stands for in this batch (written when it is new)."""
        known = self.ids.get(key)
        if known is not None and not self.surname_merged(type_):
            self.settled[name, type_] = (key, known)
            return known
        assert self.surname_key is not None  # every other entity was written up front
        own = key.split(":", 1)[1]
        short = self.surname_key(name, type_)
        if short == own:  # a lone surname: the one full name that has it, else itself
            found = self.lone.get(key)
            if found is None:
                full = _person_by_surname(self.conn, key, short)
                found = self.lone[key] = (full, True) if full is not None else (0, False)
            entity_id, joined = found
            if not joined:
                entity_id = self.upsert(key, name, type_, short)
                self.lone[key] = (entity_id, False)
            return entity_id
        if known is not None:
            self.upsert(key, name, type_, short)  # a longer name given again
            self.settled[name, type_] = (key, known)
            return known
        entity_id = self.ids[key] = self.upsert(key, name, type_, short)
        self.settled[name, type_] = (key, entity_id)
        lone_key = f"{type_}:{short}"
        self.lone.pop(lone_key, None)  # one more full name with this surname: ask again
        if self.conn.execute("SELECT 1 FROM entities WHERE key = ?", [lone_key]).fetchone():
            self.flush()  # the lone surname's rows move to the full name
            lone = _absorb_lone_surname(self.conn, entity_id, lone_key, short)
            if lone is not None:
                self.written.pop(lone_key, None)
                self.moved[lone] = entity_id
        return entity_id

    def upsert(self, key: str, name: str, type_: str, short: str) -> int:
        """Write a surname-merged PERSON as the one-by-one save did: the name given now, when
        it is longer (a name already written this batch is not written again)."""
        seen = self.written.get(key)
        if seen is not None and len(name) <= len(seen[1]):
            return seen[0]
        row = self.conn.execute(UPSERT_ENTITY, [key, name, type_, short]).fetchone()
        self.written[key] = (int(row[0]), name)
        return int(row[0])

    def add(self, article_id: int, rows: AnalysisRows) -> None:
        """Queue one article's mentions, other names and quotes."""
        entities, quotes = rows
        ids_by_name: dict[str, int] = {}
        name_key, settled = self.name_key, self.settled
        mentions = self.mentions
        for name, type_, offsets, others in entities:
            known = settled.get((name, type_))
            if known is None:
                key = name_key(name, type_)
                entity_id = self.entity_id(name, type_, key)  # may flush
            else:
                key, entity_id = known
            ids_by_name[name] = entity_id
            ends = iter(offsets)
            for start in ends:  # (start, end) pairs, flat
                mentions += (article_id, entity_id, start, next(ends))
            for text in others:
                other = name_key(text, type_)
                if other != key:  # (the same key: the name written otherwise)
                    self.other_names.add((other, entity_id))
        for start, end, speaker in quotes:
            speaker_id = ids_by_name.get(speaker or "")
            speaker_id = self.moved.get(speaker_id, speaker_id) if speaker_id else None
            self.quotes.append((article_id, start, end, speaker, speaker_id))

    def flush(self) -> None:
        """Write the queued rows."""
        conn = self.conn
        for sql, params in flat_row_statements(
            "INSERT OR IGNORE INTO mentions (article_id, entity_id, start, end)",
            self.mentions,
            4,
            INSERT_ROWS,
        ):
            conn.execute(sql, params)
        conn.executemany(
            "INSERT OR IGNORE INTO entity_names (key, entity_id) VALUES (?, ?)",
            sorted(self.other_names),
        )
        if self.quotes:
            # The ids SQLite would give them (one more than the largest, as in any table
            # without AUTOINCREMENT), given here so their words are indexed without a read-back.
            top = conn.execute("SELECT max(id) FROM quotes").fetchone()[0] or 0
            rows = [(top + n, *quote) for n, quote in enumerate(self.quotes, 1)]
            conn.executemany(
                "INSERT INTO quotes (id, article_id, start, end, speaker, speaker_entity_id) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )
            self.saved_quotes += [row[:4] for row in rows]
        self.mentions.clear()  # in place: `add` holds it
        self.other_names, self.quotes = set(), []


def _person_by_surname(conn: sqlite3.Connection, key: str, short: str | None) -> int | None:
    """The one stored full-name PERSON with this surname key (not the lone surname itself)."""
    rows = conn.execute(
        "SELECT id FROM entities WHERE short_key = ? AND key != ? LIMIT 2", [short, key]
    ).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def _absorb_lone_surname(
    conn: sqlite3.Connection, full_id: int, lone_key: str, short: str
) -> int | None:
    """Move a stored lone-surname PERSON's mentions to the full name, if it is the only one;
    the lone surname's id when it did."""
    lone = conn.execute("SELECT id FROM entities WHERE key = ?", [lone_key]).fetchone()
    if lone is None or _person_by_surname(conn, lone_key, short) != full_id:
        return None
    conn.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", [full_id, lone[0]])
    conn.execute(
        "UPDATE OR IGNORE entity_names SET entity_id = ? WHERE entity_id = ?", [full_id, lone[0]]
    )
    conn.execute(
        "UPDATE quotes SET speaker_entity_id = ? WHERE speaker_entity_id = ?", [full_id, lone[0]]
    )
    # the names the full name has already (no cascade: save_analyses checks no foreign keys)
    conn.execute("DELETE FROM entity_names WHERE entity_id = ?", [lone[0]])
    conn.execute("DELETE FROM entities WHERE id = ?", [lone[0]])
    return int(lone[0])


def prune_entities(db: Database) -> int:
    """Delete entities no article mentions any more (after re-analysis); returns how many."""
    with write_transaction(db):
        cur = db.execute(
            "DELETE FROM entities WHERE NOT EXISTS "
            "(SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)"
        )
    return cur.rowcount


def article_analysis(db: Database, article_id: int) -> Analysis:
    """The stored entities (with mentions) and quotes of one article, in text order."""
    from newstui.model.analysis import Analysis, Entity, Mention, Quote

    row = db.execute("SELECT text, nlp_version FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None or row[1] is None:  # (kept while its new text's is to come: analysis_kept)
        return Analysis()
    text = unpacked_text(row[0])  # mentions and quotes are offsets into it
    entities: dict[int, tuple[str, str, list[Mention]]] = {}
    for eid, name, etype, start, end in db.execute(
        """SELECT e.id, e.name, e.type, m.start, m.end FROM mentions m
        JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.start""",
        [article_id],
    ).fetchall():
        entities.setdefault(eid, (name, etype, []))[2].append(Mention(start, end, text[start:end]))
    quotes = [
        Quote(text=text[r[0] : r[1]], start=r[0], end=r[1], speaker=r[2])
        for r in db.execute(
            "SELECT start, end, speaker FROM quotes WHERE article_id = ? ORDER BY start",
            [article_id],
        ).fetchall()
    ]
    return Analysis(
        entities=tuple(Entity(n, t, tuple(ms)) for n, t, ms in entities.values()),
        quotes=tuple(quotes),
    )


def article_entities(db: Database, article_id: int) -> list[EntityRow]:
    """The entities of one article with their mention counts, most mentioned first."""
    from newstui.model.analysis import EntityRow

    return [
        EntityRow(r[0], r[1], r[2], 1, r[3])
        for r in db.execute(
            """SELECT e.id, e.name, e.type, count(*) FROM mentions m JOIN entities e
            ON e.id = m.entity_id WHERE m.article_id = ? GROUP BY e.id
            ORDER BY e.type, count(*) DESC, e.name""",
            [article_id],
        ).fetchall()
    ]


def list_entities(
    db: Database,
    type_: str | None = None,
    limit: int | None = 100,
    *,
    name_keys: tuple[str, ...] | None = None,
) -> list[EntityRow]:
    """Entities across all articles, by how many stories mention them (a story several feeds
    carry counts once, as `list` lists it; then by articles; `limit` None: all); with
    `name_keys` (a name's NameKeys entries) only the entities that name stands for, as
    `person:` and `org:` find them (query_sql.entity_ids_sql: aliases, other names articles
    used, a person's name with more or fewer middle names, a name alone among a person's names)."""
    return counted_entities(db, type_, limit, name_keys=name_keys)[0]


def counted_entities(
    db: Database,
    type_: str | None = None,
    limit: int | None = 100,
    *,
    name_keys: tuple[str, ...] | None = None,
) -> tuple[list[EntityRow], int]:
    """list_entities, and how many it would list with no limit (count_entities), counted in
    the same pass over the mentions (`entities` cut at its limit read them all twice)."""
    from newstui.model.analysis import EntityRow

    where, params = _entities_where(type_, name_keys)
    # Counted by the id each entity is listed under, named after: joined before, by that
    # expression, the entity listed was looked up row by row and, with --type or --name, SQLite
    # read every entity of the type for each one (user test r54 MED-3: 13.6 CPU-s, 20,000
    # articles; 140,000 entities: minutes).
    rows = db.execute(
        f"""WITH folds(id, into_id) AS (SELECT CAST(key AS INTEGER), value FROM json_each(?)),
        listed(id, articles, mentions, stories) AS (
            SELECT coalesce(folds.into_id, e.id), count(DISTINCT m.article_id), count(*),
            count(DISTINCT coalesce(s.story_id, m.article_id))
            FROM entities e JOIN mentions m ON m.entity_id = e.id
            LEFT JOIN folds ON folds.id = e.id
            LEFT JOIN stories s ON s.article_id = m.article_id {where}
            GROUP BY 1)
        SELECT g.id, g.name, g.type, c.articles, c.mentions, c.stories, count(*) OVER ()
        FROM listed c JOIN entities g ON g.id = c.id
        ORDER BY c.stories DESC, c.articles DESC, g.name LIMIT ?""",
        [_folds_json(db), *params, -1 if limit is None else limit],
    ).fetchall()
    entities = [EntityRow(r[0], r[1], r[2], r[3], r[4], stories=r[5]) for r in rows]
    if rows:
        return entities, int(rows[0][6])
    return entities, count_entities(db, type_, name_keys=name_keys) if limit == 0 else 0


def person_folds(db: Database) -> dict[int, int]:
    """The people `entities` lists under a fuller name of theirs that other articles wrote
    (README "merged … across articles"): a stored name without middle names ("Elijah
    Cummings") goes under the one stored name with the same first name and surname that has
    them ("Elijah Eugene Cummings"), as `person:` finds it; not when two fuller names differ
    ("George Bush": George W. and George H. W.), nor a name alone or another first name
    ("Cummings", "Grace Mugabe"); a fuller name whose middle is initials only is another
    person as often as not ("Michael B. Jordan" is not "Michael Jordan"): nothing goes under
    it. By entity id, the id it goes under. Worked out once for a state of the store (review
    r53 F2: `entities` asked twice a command, and every empty `speaker:` search once more)."""
    conn = db.conn
    state = (int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes)
    kept = _FOLDS.get(db)
    if kept is None or kept[0] != state:
        folds = _person_folds(db)
        kept = _FOLDS[db] = (state, folds, json.dumps(folds))
    return kept[1]


def _folds_json(db: Database) -> str:
    """person_folds as the JSON object the entity listings join (entity id → the id it goes under)."""
    person_folds(db)
    return _FOLDS[db][2]


# Each connection's person_folds, with the state of the store it was worked out for (another
# connection's commit: PRAGMA data_version; a write on this one: total_changes) and its JSON.
_FOLDS: WeakKeyDictionary[Database, tuple[tuple[int, int], dict[int, int], str]] = (
    WeakKeyDictionary()
)


def _person_folds(db: Database) -> dict[int, int]:
    """person_folds, read from the store: SQLite picks out the keys of three words or more (the
    fuller names, a minority of the people a store holds), and the names that go under them
    are looked up by their keys, which the fuller name gives (its first name and surname)."""
    from newstui.store.person_names import GENERATIONS, PERSON_KEY

    fuller: dict[tuple[str, str, str], list[int]] = {}
    for entity_id, key in db.execute(
        "SELECT id, key FROM entities WHERE key >= ? AND key < ? AND key GLOB ?",
        [PERSON_KEY, PERSON_KEY[:-1] + chr(ord(PERSON_KEY[-1]) + 1), f"{PERSON_KEY}* * *"],
    ):
        words = key[len(PERSON_KEY) :].split()
        generation = words.pop() if words[-1] in GENERATIONS else ""
        if len(words) < 3 or all(len(word.rstrip(".")) <= 1 for word in words[1:-1]):
            continue  # a two-word name with its generation, or middle initials only
        fuller.setdefault((words[0], words[-1], generation), []).append(entity_id)
    into = {
        " ".join(filter(None, (PERSON_KEY + first, surname, generation))): full[0]
        for (first, surname, generation), full in fuller.items()
        if len(full) == 1
    }
    if not into:
        return {}
    return {
        entity_id: into[key]
        for entity_id, key in db.execute(
            "SELECT id, key FROM entities WHERE key IN (SELECT value FROM json_each(?))",
            [json.dumps(list(into))],
        )
    }


def count_entities(
    db: Database, type_: str | None = None, *, name_keys: tuple[str, ...] | None = None
) -> int:
    """How many entities list_entities would list with no limit."""
    where, params = _entities_where(type_, name_keys)
    row = db.execute(
        f"""WITH folds(id, into_id) AS (SELECT CAST(key AS INTEGER), value FROM json_each(?))
        SELECT count(DISTINCT coalesce(folds.into_id, e.id))
        FROM entities e JOIN mentions m ON m.entity_id = e.id
        LEFT JOIN folds ON folds.id = e.id {where}""",
        [_folds_json(db), *params],
    ).fetchone()
    return int(row[0])


def _entities_where(
    type_: str | None, name_keys: tuple[str, ...] | None
) -> tuple[str, list[object]]:
    """The WHERE clause (and its parameters) choosing list_entities' and count_entities'."""
    clauses: list[str] = []
    params: list[object] = []
    if name_keys is not None:
        from newstui.store.query_sql import entity_ids_sql  # the query language's person: etc.

        entities, params = entity_ids_sql(name_keys)
        clauses.append(f"e.id IN ({entities})")
    if type_:
        clauses.append("e.type = ?")
        params.append(type_.upper())
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def analysed(db: Database, article_id: int) -> bool:
    """Whether the article's analysis has run (at any rules version: one of an older version
    still shows until the new one replaces it); False for one just fetched."""
    row = db.execute("SELECT nlp_version FROM articles WHERE id = ?", [article_id]).fetchone()
    return row is None or row[0] is not None


def _quotes_where(
    speaker: str | None,
    article_id: int | None,
    speaker_keys: tuple[str, ...],
    since: str | date | None,
    db: Database | None = None,
    query: Query | None = None,
    speakers: Sequence[tuple[str, tuple[str, ...]]] = (),
) -> tuple[str, list[object]]:
    """The WHERE clause (and its parameters) choosing list_quotes' and count_quotes' quotes
    (`since`: an ISO time, or a local day, counted as `after:DAY` counts it; `query`: only in
    the articles it finds, every version of their stories that it matches, as `search` does;
    `speakers`: (name, keys) of more speakers, a quote by any of them chosen)."""
    clauses: list[str] = []
    params: list[object] = []
    named = [*([(speaker, speaker_keys)] if speaker is not None else []), *speakers]
    if named:
        from newstui.store.query_sql import speaker_quotes  # the query language's speaker:

        by_any = []
        for name, keys in named:
            quotes, quotes_params = speaker_quotes("q.id", name, keys)
            by_any.append(f"q.id IN ({quotes})")
            params.extend(quotes_params)
        clauses.append(f"({' OR '.join(by_any)})")
    if isinstance(since, date):
        from newstui.query import DateBound
        from newstui.store.query_sql import day_bound

        after, day = day_bound(DateBound("after", since))
        clauses.append(after)
        params.extend(day)
    elif since is not None:
        clauses.append("a.sort_date >= ?")
        params.append(since)
    if article_id is not None:
        clauses.append("q.article_id = ?")
        params.append(article_id)
    if query is not None and db is not None:
        from newstui.model import ArticleFilter
        from newstui.store.filter_sql import every_version_where

        matching, matching_params = every_version_where(db, ArticleFilter(query=query))
        clauses.append(
            f"q.article_id IN (SELECT a.id FROM articles a JOIN feeds f ON f.id = a.feed_id"
            f"{matching})"
        )
        params.extend(matching_params)
    clauses.append("q.end > q.start")  # (not one kept while its text's analysis is to come)
    return "WHERE " + " AND ".join(clauses), params


# Quotes as list_quotes and count_quotes read them, with their articles, feeds and stories.
_QUOTES_FROM = """FROM quotes q JOIN articles a ON a.id = q.article_id
    JOIN feeds f ON f.id = a.feed_id LEFT JOIN stories s ON s.article_id = q.article_id"""
# A story other feeds carry (`article_id > 0` has the partial index of copies read, as
# filter_sql's fold does).
_COPIED = "SELECT story_id FROM stories WHERE story_id != article_id AND article_id > 0"


def _quote_stories(where: str, params: list[object]) -> tuple[str, list[object]]:
    """The quotes chosen by `where` (and its `params`), each with its story, the rank of its
    version among the story's versions carrying the same words (1: the first version's, which
    is listed) and how many other versions carry them; the SQL and its parameters.

    A quote's words are compared across the versions of one story without the spaces and stop
    or comma around them and without case. Only a quote of a story other feeds carry is read so,
    and ranked; every other quote is the first of its own (they were ranked one by one too,
    each read again by the window's sort: `quotes` on a 100,000-article store 2.0 → 0.8 CPU-s)."""
    lone = f"""SELECT q.id AS id, coalesce(s.story_id, q.article_id) AS story, 1 AS rank,
        0 AS copies {_QUOTES_FROM} {where} AND (s.story_id IS NULL OR s.story_id NOT IN ({_COPIED}))"""
    copied = f"""WITH keyed AS MATERIALIZED (SELECT q.id AS id, s.story_id AS story,
        q.article_id AS article_id, q.start AS start,
        lower(trim({quote_words("q")}, ' ,.;:')) AS words
        {_QUOTES_FROM} {where} AND s.story_id IN ({_COPIED}))
        SELECT id, story, row_number() OVER (copy ORDER BY article_id, start) AS rank,
        count(*) OVER copy - 1 AS copies FROM keyed
        WINDOW copy AS (PARTITION BY story, words)"""
    return f"{lone} UNION ALL SELECT * FROM ({copied})", [*params, *params]


def count_quotes(
    db: Database,
    speaker: str | None = None,
    *,
    speaker_keys: tuple[str, ...] = (),
    since: str | date | None = None,
    copies: bool = False,
    query: Query | None = None,
    speakers: Sequence[tuple[str, tuple[str, ...]]] = (),
) -> tuple[int, int]:
    """How many quotes list_quotes would list with no limit, and in how many stories (a quote
    of a story several feeds carry once; `copies`: every copy, and in how many articles)."""
    where, params = _quotes_where(speaker, None, speaker_keys, since, db, query, speakers)
    if copies:
        row = db.execute(
            f"""SELECT count(*), count(DISTINCT q.article_id)
            FROM quotes q JOIN articles a ON a.id = q.article_id JOIN feeds f ON f.id = a.feed_id
            {where}""",
            params,
        ).fetchone()
    else:
        chosen, params = _quote_stories(where, params)
        row = db.execute(
            f"SELECT count(*), count(DISTINCT story) FROM ({chosen}) WHERE rank = 1", params
        ).fetchone()
    return int(row[0]), int(row[1])


def list_quotes(
    db: Database,
    speaker: str | None = None,
    article_id: int | None = None,
    limit: int | None = 200,
    *,
    speaker_keys: tuple[str, ...] = (),
    since: str | date | None = None,
    copies: bool = False,
    query: Query | None = None,
    after: QuoteRow | None = None,
    speakers: Sequence[tuple[str, tuple[str, ...]]] = (),
) -> list[QuoteRow]:
    """Quotes, newest articles first (`limit` None: all); optionally by one speaker
    (case-insensitive, or an entity with one of `speaker_keys`), in one article, or in articles
    dated on or after `since`. A quote several versions of one story carry (the same words in
    each feed's copy) is listed once, by its first version, with how many others carry it;
    `copies` (or an `article_id`) lists every copy. `after`: only those listed after that row
    (the next page; quotes stored meanwhile, newer, shift nothing). `speakers`: (name, keys)
    of more speakers, a quote by any of them listed."""
    from newstui.model.analysis import QuoteRow

    where, params = _quotes_where(speaker, article_id, speaker_keys, since, db, query, speakers)
    page, page_params = "", []
    if after is not None:  # (the order below: date and article newest first, then in the text)
        page = """AND (a.sort_date < ? OR (a.sort_date = ? AND (a.id < ?
            OR (a.id = ? AND q.start > ?))))"""
        page_params = [after.date, after.date, after.article_id, after.article_id, after.start]
    if copies or article_id is not None:
        chosen = f"""SELECT q.id AS id, coalesce(s.story_id, q.article_id) AS story,
            1 AS rank, 0 AS copies {_QUOTES_FROM} {where}"""
    else:
        chosen, params = _quote_stories(where, params)
    # (chosen and cut before their words are read: read for every quote, then sorted, they were
    # most of the listing's time)
    rows = db.execute(
        f"""SELECT q.id, q.article_id, a.title, {quote_words("q")}, q.speaker, q.start, q.end,
        a.sort_date, f.name, a.published, a.timed_midnight, c.story, c.copies, a.url,
        e.name, e.type, e.id
        FROM (SELECT c.id, c.story, c.copies FROM ({chosen}) c JOIN quotes q ON q.id = c.id
            JOIN articles a ON a.id = q.article_id
            WHERE c.rank = 1 {page} ORDER BY a.sort_date DESC, a.id DESC, q.start LIMIT ?) c
        JOIN quotes q ON q.id = c.id
        JOIN articles a ON a.id = q.article_id JOIN feeds f ON f.id = a.feed_id
        LEFT JOIN entities e ON e.id = q.speaker_entity_id
        ORDER BY a.sort_date DESC, a.id DESC, q.start""",
        [*params, *page_params, -1 if limit is None else limit],
    ).fetchall()
    people = {r[16] for r in rows if r[15] == "PERSON"}
    folds = person_folds(db) if people else {}
    names = _folded_speakers(db, people)
    return [
        QuoteRow(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            hide_passwords(r[8]),
            listed_date(r[9], r[7]),  # (a date ahead of its arrival: that, see believed_date)
            date_only=listed_date_only(r[9], r[7], False if r[10] else None),
            story=r[11],
            copies=r[12],
            url=r[13] or None,
            speaker_entity=names.get(r[16], (r[14], r[15])) if r[14] is not None else None,
            speaker_entity_id=folds.get(r[16], r[16]) if r[14] is not None else None,
        )
        for r in rows
    ]


def _folded_speakers(db: Database, ids: set[int]) -> dict[int, tuple[str, str]]:
    """Of these speakers' entities, those `entities` lists under a fuller name (person_folds):
    id → that row's (name, type), so a quote's speaker_entity is the row `entities` shows."""
    folds = person_folds(db) if ids else {}
    into = {i: folds[i] for i in ids if i in folds}
    if not into:
        return {}
    names = {
        entity_id: (name, type_)
        for entity_id, name, type_ in db.execute(
            "SELECT id, name, type FROM entities WHERE id IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(set(into.values())))],
        )
    }
    return {i: names[target] for i, target in into.items() if target in names}
