"""An entity most articles mention (`person:Maria` where every article names a Maria) is tested
on each article in list order, so a listing stops at its limit instead of looking up and
sorting every match first (store.query_sql DENSE_SHARE); the articles found are the same."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newstui.library import Library
from newstui.model import Analysis, Article, ArticleFilter, Entity, Mention, Quote
from newstui.nlp import canonical_key, query_keys, short_key
from newstui.query import parse_query
from newstui.store.query_sql import query_condition

COUNT = 4400  # past twice SMALL_SET: a share of the store worth testing article by article
START = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """COUNT articles, every one naming and quoting a Maria (one of ten, Maria Person0 in every
    tenth)."""
    lib = Library.open(tmp_path_factory.mktemp("dense") / "d.db")
    feed = lib.register_source("https://a.example/feed", "A")
    texts = {n: f"Maria Person{n % 10} said “we stay” on day {n}." for n in range(COUNT)}
    lib.bulk_insert(
        feed,
        [
            Article(title=f"Day {n}", text=t, guid=str(n), published=START + timedelta(hours=n))
            for n, t in texts.items()
        ],
    )
    ids = {row.title: row.id for row in lib.articles(limit=None)}
    lib.save_analyses(
        [
            (
                ids[f"Day {n}"],
                Analysis(
                    (Entity(t[:13], "PERSON", (Mention(0, 13, t[:13]),)),),
                    (Quote("we stay", 20, 27, t[:13]),),
                ),
            )
            for n, t in texts.items()
        ],
        "t",
        canonical_key,
        short_key,
    )
    yield lib
    lib.close()


def plan(lib: Library, text: str, dense: bool) -> tuple[str, list[str]]:
    """The condition a query compiles to and the plan of listing its newest 20 by it."""
    db = lib._db
    read = (lambda sql, ps: int(db.execute(sql, ps).fetchone()[0])) if dense else None
    condition, params = query_condition(parse_query(text, query_keys).root, read=read)
    rows = db.execute(
        "EXPLAIN QUERY PLAN SELECT a.id FROM articles a WHERE "
        f"{condition} ORDER BY a.sort_date DESC, a.id DESC LIMIT 20",
        params,
    ).fetchall()
    return condition, [row[-1] for row in rows]


def test_an_entity_every_article_mentions_is_listed_in_order_without_sorting_its_matches(
    library,
):
    condition, steps = plan(library, "person:Maria", dense=True)
    assert condition.startswith("EXISTS")
    assert not any("TEMP B-TREE FOR ORDER BY" in step for step in steps)  # was: every match sorted
    assert any(step.startswith("SCAN a USING COVERING INDEX") for step in steps)


def test_a_rarer_entity_is_still_looked_up_by_its_matches(library):
    condition, _ = plan(library, 'person:"Maria Person3"', dense=True)
    assert condition.startswith("a.id IN")  # a tenth of the store: its set, looked up by id
    condition, _ = plan(library, 'speaker:"Maria Person3"', dense=True)
    assert condition.startswith("a.id IN")


def test_a_speaker_every_article_quotes_is_listed_in_order_without_sorting_its_matches(library):
    condition, steps = plan(library, "speaker:Maria", dense=True)
    assert condition.startswith("EXISTS")
    assert not any("TEMP B-TREE FOR ORDER BY" in step for step in steps)


@pytest.mark.parametrize(
    "text",
    [
        "person:Maria",
        'person:Maria -person:"Maria Person3"',
        "person:Maria unread",
        "speaker:Maria",
        'speaker:Maria -speaker:"Maria Person3"',
    ],
)
def test_a_dense_entity_finds_the_same_articles_in_the_same_order(library, text):
    f = ArticleFilter(query=parse_query(text, query_keys))
    rows = library.articles(f, limit=None)
    first = library.articles(f, limit=20)
    assert library.count(f) == len(rows) == (COUNT if "-" not in text else COUNT - COUNT // 10)
    assert [r.id for r in first] == [r.id for r in rows[:20]]
    assert [r.title for r in first[:2]] == [f"Day {COUNT - 1}", f"Day {COUNT - 2}"]
