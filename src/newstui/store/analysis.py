"""Entities, mentions and quotes: store an article's analysis and query them across articles."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable

from newstui.model import Analysis, Entity, EntityRow, Mention, Quote, QuoteRow
from newstui.store.db import Database, write_transaction
from newstui.store.query_sql import entity_ids_sql


def articles_to_analyse(
    db: Database, version: str, ids: Iterable[int] | None = None, limit: int = 1000
) -> list[tuple[int, str]]:
    """(id, text) of articles not yet analysed by this extractor version (optionally among ids)."""
    if ids is not None:
        ids = list(ids)
        if not ids:
            return []
        sql = (
            "SELECT id, text FROM articles WHERE id IN (SELECT value FROM json_each(?)) "
            "AND nlp_version IS NOT ?"
        )
        return [(r[0], r[1]) for r in db.execute(sql, [json.dumps(ids), version]).fetchall()]
    sql = "SELECT id, text FROM articles WHERE nlp_version IS NOT ? ORDER BY id LIMIT ?"
    return [(r[0], r[1]) for r in db.execute(sql, [version, limit]).fetchall()]


def mark_unanalysed(db: Database, version: str, ids: Iterable[int] | None = None) -> int:
    """Give articles not yet at `version` an empty analysis in one statement per table (for an
    extractor that finds nothing); returns how many articles that was."""
    if ids is None:
        where, params = "nlp_version IS NOT ?", [version]
    else:
        where = "id IN (SELECT value FROM json_each(?)) AND nlp_version IS NOT ?"
        params = [json.dumps(list(ids)), version]
    with write_transaction(db) as conn:
        for table in ("mentions", "quotes"):
            conn.execute(
                f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM articles WHERE {where})",
                params,
            )
        cur = conn.execute(f"UPDATE articles SET nlp_version = ? WHERE {where}", [version, *params])
    return cur.rowcount


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
    results: Iterable[tuple[int, Analysis]],
    version: str,
    entity_key: Callable[[str, str], str],
    surname_key: Callable[[str, str], str] | None = None,
) -> None:
    """Replace the entities and quotes of several articles in one transaction."""
    with write_transaction(db):
        for article_id, analysis in results:
            _replace_analysis(db.conn, article_id, analysis, version, entity_key, surname_key)


def _replace_analysis(
    conn: sqlite3.Connection,
    article_id: int,
    analysis: Analysis,
    version: str,
    entity_key: Callable[[str, str], str],
    surname_key: Callable[[str, str], str] | None,
) -> None:
    conn.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
    conn.execute("DELETE FROM quotes WHERE article_id = ?", [article_id])
    ids_by_name: dict[str, int] = {}
    mentions: list[tuple[int, int, int, int]] = []
    names: set[tuple[str, int]] = set()  # other names the article uses for an entity
    for entity in analysis.entities:
        own = entity_key(entity.name, entity.type)
        key = f"{entity.type}:{own}"
        short = None
        if surname_key is not None and entity.type == "PERSON":
            short = surname_key(entity.name, entity.type)
        entity_id = _person_by_surname(conn, key, short) if short == own else None
        if entity_id is None:
            entity_id = conn.execute(
                "INSERT INTO entities (key, name, type, short_key) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET name = CASE WHEN length(excluded.name) > "
                "length(name) THEN excluded.name ELSE name END RETURNING id",
                [key, entity.name, entity.type, short],
            ).fetchone()[0]
            if short is not None and short != own:
                _absorb_lone_surname(conn, entity_id, f"{entity.type}:{short}", short)
        ids_by_name[entity.name] = entity_id
        mentions.extend((article_id, entity_id, m.start, m.end) for m in entity.mentions)
        for mention in entity.mentions:
            name = f"{entity.type}:{entity_key(mention.text, entity.type)}"
            if name != key:
                names.add((name, entity_id))
    conn.executemany(
        "INSERT OR IGNORE INTO mentions (article_id, entity_id, start, end) VALUES (?, ?, ?, ?)",
        mentions,
    )
    conn.executemany(
        "INSERT OR IGNORE INTO entity_names (key, entity_id) VALUES (?, ?)", sorted(names)
    )
    conn.executemany(
        "INSERT INTO quotes (article_id, start, end, text, speaker, speaker_entity_id) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (article_id, q.start, q.end, q.text, q.speaker, ids_by_name.get(q.speaker or ""))
            for q in analysis.quotes
        ],
    )
    conn.execute("UPDATE articles SET nlp_version = ? WHERE id = ?", [version, article_id])


def _person_by_surname(conn: sqlite3.Connection, key: str, short: str | None) -> int | None:
    """The one stored full-name PERSON with this surname key (not the lone surname itself)."""
    rows = conn.execute(
        "SELECT id FROM entities WHERE short_key = ? AND key != ? LIMIT 2", [short, key]
    ).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def _absorb_lone_surname(conn: sqlite3.Connection, full_id: int, lone_key: str, short: str) -> None:
    """Move a stored lone-surname PERSON's mentions to the full name, if it is the only one."""
    lone = conn.execute("SELECT id FROM entities WHERE key = ?", [lone_key]).fetchone()
    if lone is None or _person_by_surname(conn, lone_key, short) != full_id:
        return
    conn.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", [full_id, lone[0]])
    conn.execute(
        "UPDATE OR IGNORE entity_names SET entity_id = ? WHERE entity_id = ?", [full_id, lone[0]]
    )
    conn.execute(
        "UPDATE quotes SET speaker_entity_id = ? WHERE speaker_entity_id = ?", [full_id, lone[0]]
    )
    conn.execute("DELETE FROM entities WHERE id = ?", [lone[0]])


def prune_entities(db: Database) -> int:
    """Delete entities no article mentions any more (after re-analysis); returns how many."""
    with db.conn:
        cur = db.execute(
            "DELETE FROM entities WHERE NOT EXISTS "
            "(SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)"
        )
    return cur.rowcount


def article_analysis(db: Database, article_id: int) -> Analysis:
    """The stored entities (with mentions) and quotes of one article, in text order."""
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    text = row[0] if row else ""  # mentions and quotes are stored as offsets into it
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
    return [
        EntityRow(r[0], r[1], r[2], 1, r[3])
        for r in db.execute(
            """SELECT e.id, e.name, e.type, count(*) FROM mentions m JOIN entities e
            ON e.id = m.entity_id WHERE m.article_id = ? GROUP BY e.id
            ORDER BY e.type, count(*) DESC, e.name""",
            [article_id],
        ).fetchall()
    ]


def list_entities(db: Database, type_: str | None = None, limit: int = 100) -> list[EntityRow]:
    """Entities across all articles, by how many articles mention them."""
    where = "WHERE e.type = ?" if type_ else ""
    params: list[object] = [type_.upper()] if type_ else []
    return [
        EntityRow(*r)
        for r in db.execute(
            f"""SELECT e.id, e.name, e.type, count(DISTINCT m.article_id), count(*)
            FROM entities e JOIN mentions m ON m.entity_id = e.id {where}
            GROUP BY e.id ORDER BY count(DISTINCT m.article_id) DESC, e.name LIMIT ?""",
            [*params, limit],
        ).fetchall()
    ]


def list_quotes(
    db: Database,
    speaker: str | None = None,
    article_id: int | None = None,
    limit: int = 200,
    *,
    speaker_keys: tuple[str, ...] = (),
    since: str | None = None,
) -> list[QuoteRow]:
    """Quotes, newest articles first; optionally by one speaker (case-insensitive, or an entity
    with one of `speaker_keys`), in one article, or in articles dated on or after `since`."""
    clauses: list[str] = []
    params: list[object] = []
    if speaker is not None:
        # The full name, or the surname alone ("Peskov" finds Dmitry Peskov).
        match = "q.speaker = ? COLLATE NOCASE OR q.speaker LIKE ? ESCAPE '\\'"
        escaped = speaker.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params += [speaker, f"% {escaped}"]
        if speaker_keys:
            entities, entity_params = entity_ids_sql(speaker_keys)
            match += f" OR q.speaker_entity_id IN ({entities})"
            params += entity_params
        clauses.append(f"({match})")
    if since is not None:
        clauses.append("a.sort_date >= ?")
        params.append(since)
    if article_id is not None:
        clauses.append("q.article_id = ?")
        params.append(article_id)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    return [
        QuoteRow(*r)
        for r in db.execute(
            f"""SELECT q.id, q.article_id, a.title, q.text, q.speaker, q.start, q.end,
            a.sort_date, f.name, a.published
            FROM quotes q JOIN articles a ON a.id = q.article_id JOIN feeds f ON f.id = a.feed_id
            {where} ORDER BY a.sort_date DESC, a.id DESC, q.start LIMIT ?""",
            [*params, limit],
        ).fetchall()
    ]
