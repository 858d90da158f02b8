"""Other names for an entity (schema 14): a name an article uses in a mention ("NWB" for the
Northern Water Board) finds the entity in entity fields, for that entity's type only."""

from __future__ import annotations

import pytest

from newstui.model import Analysis, Article, ArticleFilter, Entity, Mention, Quote
from newstui.nlp import canonical_key, get_extractor, query_keys, short_key
from newstui.query import parse_query
from newstui.store import open_db
from newstui.store.analysis import prune_entities, save_analysis
from newstui.store.article_lists import list_articles
from newstui.store.article_saving import save_articles
from newstui.store.db import Database
from newstui.store.feeds import ensure_feed
from newstui.store.filter_sql import count_articles

BOARD = "The Northern Water Board (NWB) raised prices. The NWB said costs rose."
LAGARDE = "Christine Lagarde spoke. “Rates stay,” Madame said."


def mentions(text: str, *names: str) -> tuple[Mention, ...]:
    found, start = [], 0
    for name in names:
        start = text.index(name, start)
        found.append(Mention(start, start + len(name), name))
        start += len(name)
    return tuple(found)


@pytest.fixture
def store(tmp_path):
    db = open_db(tmp_path / "n.db")
    feed = ensure_feed(db, "https://a.example/feed", "A", url="https://a.example/feed")
    texts = [
        BOARD,
        "Prices at the Northern Water Board went up.",
        "Dmitry Peskov spoke. Peskov left.",
        LAGARDE,
    ]
    ids = save_articles(
        db, feed, [Article(title=f"t{i}", text=t, guid=str(i)) for i, t in enumerate(texts)]
    ).changed_ids
    yield db, ids
    db.conn.close()


def analyse(db: Database, article_id: int, *entities: Entity, quotes=()) -> None:
    save_analysis(db, article_id, Analysis(entities, quotes), "t", canonical_key, short_key)


def analyse_other(db: Database, article_id: int) -> None:
    """The second article, which names the board in full only."""
    text = "Prices at the Northern Water Board went up."
    analyse(
        db,
        article_id,
        Entity("Northern Water Board", "ORG", mentions(text, "Northern Water Board")),
    )


def finds(db: Database, text: str) -> set[int]:
    f = ArticleFilter(query=parse_query(text, query_keys))
    rows = {r.id for r in list_articles(db, f, limit=None)}
    assert count_articles(db, f) == len(rows)
    return rows


def test_a_name_an_article_used_finds_the_entity_in_every_article(store):
    db, (board, other, _, _) = store
    board_mentions = mentions(BOARD, "Northern Water Board", "NWB", "NWB")
    analyse(db, board, Entity("Northern Water Board", "ORG", board_mentions))
    analyse_other(db, other)
    assert finds(db, "org:NWB") == {board, other}
    assert finds(db, 'org:"Northern Water Board"') == {board, other}
    assert finds(db, "person:NWB") == set()  # another type
    assert finds(db, "org:Northern") == set()  # a name, not a word of one


def test_a_name_lives_as_long_as_its_entity(store):
    db, (board, other, _, _) = store
    analyse(db, board, Entity("Northern Water Board", "ORG", mentions(BOARD, "NWB")))
    analyse_other(db, other)
    analyse(db, board)  # analysed again: no entities in it any more
    assert finds(db, "org:NWB") == {other}  # still the board's other name
    analyse(db, other)
    assert prune_entities(db) == 1
    assert finds(db, "org:NWB") == set()
    assert db.execute("SELECT count(*) FROM entity_names").fetchone()[0] == 0


def test_a_speaker_is_found_by_another_name_too(store):
    db, ids = store
    lagarde = ids[3]
    analyse(
        db,
        lagarde,
        Entity("Christine Lagarde", "PERSON", mentions(LAGARDE, "Christine Lagarde", "Madame")),
        quotes=(
            Quote("Rates stay,", LAGARDE.index("Rates"), LAGARDE.index(","), "Christine Lagarde"),
        ),
    )
    assert finds(db, "speaker:Madame") == {lagarde}
    assert finds(db, "person:Madame") == {lagarde}


def test_a_lone_surname_keeps_its_names_when_it_joins_the_full_name(store):
    db, (_, other, peskov, _) = store
    text = "Dmitry Peskov spoke. Peskov left."
    analyse(db, other, Entity("Peskov", "PERSON", (Mention(0, 13, "the spokesman"),)))
    analyse(db, peskov, Entity("Dmitry Peskov", "PERSON", mentions(text, "Dmitry Peskov")))
    assert finds(db, "person:Peskov") == {other, peskov}  # the lone surname joined the full name
    assert finds(db, 'person:"the spokesman"') == {other, peskov}


def test_a_lone_surname_joining_a_full_name_that_has_its_other_name_leaves_no_stray_name(store):
    db, (board, other, peskov, lagarde) = store
    spokesman = (Mention(0, 13, "the spokesman"),)
    analyse(db, peskov, Entity("Dmitry Peskov", "PERSON", spokesman))
    analyse(db, board, Entity("Anna Peskov", "PERSON", (Mention(0, 11, "Anna Peskov"),)))
    analyse(db, other, Entity("Peskov", "PERSON", spokesman))  # two full names: apart
    analyse(db, board)  # Anna Peskov is mentioned no more
    assert prune_entities(db) == 1
    # Dmitry Peskov written again: the lone surname, alone beside him now, joins him
    analyse(db, lagarde, Entity("Dmitry Peskov", "PERSON", (Mention(0, 13, "Dmitry Peskov"),)))
    assert finds(db, 'person:"the spokesman"') == {other, peskov, lagarde}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("SELECT count(*) FROM entity_names").fetchone() == (1,)


def test_an_abbreviation_an_article_defines_finds_its_articles(store):
    db, (board, _, _, _) = store
    analysis = get_extractor("rules").analyse(BOARD)
    save_analysis(db, board, analysis, "rules", canonical_key, short_key)
    assert finds(db, "org:NWB") == {board}


def test_an_organisation_that_speaks_is_found_by_speaker_under_its_other_names(store):
    """`speaker:` finds an organisation's quotes as it finds a person's (issue 10): by the
    name in the quote and by another name an article used for it."""
    db, (board, other, _, _) = store
    start = BOARD.index("costs")
    analyse(
        db,
        board,
        Entity("Northern Water Board", "ORG", mentions(BOARD, "Northern Water Board", "NWB")),
        quotes=(Quote("costs rose", start, start + len("costs rose"), "Northern Water Board"),),
    )
    analyse_other(db, other)  # names the board, quotes nobody
    assert finds(db, 'speaker:"Northern Water Board"') == {board}
    assert finds(db, "speaker:NWB") == {board}
    assert finds(db, "speaker:Peskov") == set()
