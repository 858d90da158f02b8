"""Stored analyses: one entity across articles, quotes with speakers, re-analysis replaces."""

from newstui.model import Analysis, Article, Entity, Mention, Quote
from newstui.nlp import canonical_key, short_key
from newstui.store.analysis import (
    article_analysis,
    list_entities,
    list_quotes,
    prune_entities,
    save_analysis,
)
from newstui.store.articles import save_articles
from newstui.store.feeds import ensure_feed


def person(name: str, text: str, at: int) -> Entity:
    return Entity(name, "PERSON", (Mention(at, at + len(text), text),))


def store(db, analyses: list[Analysis]) -> list[int]:
    feed = ensure_feed(db, "k", "Feed")
    articles = [Article(title=f"A{i}", text="x" * 100, guid=str(i)) for i in range(len(analyses))]
    ids = list(save_articles(db, feed, articles).changed_ids)
    for article_id, analysis in zip(ids, analyses, strict=True):
        save_analysis(db, article_id, analysis, "v1", canonical_key, short_key)
    return ids


def test_a_lone_surname_joins_the_full_name_stored_earlier(db):
    store(
        db,
        [
            Analysis(entities=(person("Bashar al-Assad", "Bashar al-Assad", 0),)),
            Analysis(entities=(person("Assad", "Assad", 5),)),
        ],
    )
    [row] = list_entities(db, "PERSON")
    assert (row.name, row.articles, row.mentions) == ("Bashar al-Assad", 2, 2)


def test_a_stored_lone_surname_joins_the_full_name_when_it_appears(db):
    store(
        db,
        [
            Analysis(entities=(person("Assad", "Assad", 5),)),
            Analysis(entities=(person("Bashar al-Assad", "Bashar al-Assad", 0),)),
        ],
    )
    [row] = list_entities(db, "PERSON")
    assert (row.name, row.articles) == ("Bashar al-Assad", 2)


def test_a_surname_shared_by_two_full_names_stays_apart(db):
    store(
        db,
        [
            Analysis(entities=(person("Boris Johnson", "Boris Johnson", 0),)),
            Analysis(entities=(person("Magic Johnson", "Magic Johnson", 0),)),
            Analysis(entities=(person("Johnson", "Johnson", 0),)),
        ],
    )
    assert sorted(r.name for r in list_entities(db, "PERSON")) == [
        "Boris Johnson",
        "Johnson",
        "Magic Johnson",
    ]


def test_spelling_variants_of_one_name_are_one_entity(db):
    store(
        db,
        [
            Analysis(entities=(person("Bashar al-Assad", "Bashar al-Assad", 0),)),
            Analysis(entities=(person("Bashar Assad", "Bashar Assad", 0),)),
        ],
    )
    assert len(list_entities(db, "PERSON")) == 1


def test_reanalysis_replaces_quotes_and_prunes_unused_entities(db):
    [article_id] = store(
        db,
        [
            Analysis(
                entities=(person("Dmitry Peskov", "Dmitry Peskov", 0),),
                quotes=(Quote("We support", 20, 30, "Dmitry Peskov"),),
            )
        ],
    )
    assert [q.speaker for q in list_quotes(db, speaker="dmitry peskov")] == ["Dmitry Peskov"]
    save_analysis(db, article_id, Analysis(), "v2", canonical_key, short_key)
    prune_entities(db)
    assert list_quotes(db) == []
    assert list_entities(db) == []
    assert article_analysis(db, article_id) == Analysis()


def test_the_none_extractor_marks_articles_analysed_and_drops_older_findings(db, monkeypatch):
    from newstui.ingest import analyse_pending
    from newstui.library import Library

    ids = store(db, [Analysis(entities=(person("Ana Lopes", "Ana Lopes", 0),)), Analysis()])
    monkeypatch.setattr(
        "newstui.processes.CpuPool._pool", lambda self: (_ for _ in ()).throw(AssertionError)
    )

    assert analyse_pending(Library(db), "none") == 2

    assert list_entities(db) == []
    assert article_analysis(db, ids[0]) == Analysis()
    assert analyse_pending(Library(db), "none") == 0
