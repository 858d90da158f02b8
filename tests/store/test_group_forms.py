"""`group:` finds a group by its people's name or its adjective, whichever the article used
(user test r38 L12: README's own `group:Kurds` found nothing, the group stored as "Kurdish")."""

from __future__ import annotations

import pytest

from newstui.library import Library
from newstui.model import Analysis, Article, ArticleFilter, Entity, Mention
from newstui.nlp import canonical_key, query_keys, short_key
from newstui.query import parse_query

GROUPS = {"Kurds article": "Kurdish", "Jews article": "Jews", "Turks article": "Turkish"}


@pytest.fixture
def library(tmp_path):
    lib = Library.open(tmp_path / "g.db")
    feed = lib.register_source("https://a.example/feed", "A")
    texts = {title: f"The {name} leaders met." for title, name in GROUPS.items()}
    lib.bulk_insert(feed, [Article(title=t, text=x, guid=t) for t, x in texts.items()])
    ids = {row.title: row.id for row in lib.articles(limit=None)}
    analyses = []
    for title, name in GROUPS.items():
        at = texts[title].index(name)
        entity = Entity(name, "GROUP", (Mention(at, at + len(name), name),))
        analyses.append((ids[title], Analysis((entity,), ())))
    lib.save_analyses(analyses, "t", canonical_key, short_key)
    yield lib, ids
    lib.close()


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("group:Kurds", {"Kurds article"}),
        ("group:Kurdish", {"Kurds article"}),
        ("group:Kurd", {"Kurds article"}),
        ("group:Jewish", {"Jews article"}),
        ("group:Jews", {"Jews article"}),
        ("group:Turkish", {"Turks article"}),
    ],
)
def test_a_group_is_found_by_its_people_or_its_adjective(library, query, found):
    lib, ids = library
    rows = {r.id for r in lib.articles(ArticleFilter(query=parse_query(query, query_keys)))}
    assert {title for title, i in ids.items() if i in rows} == found
