"""`place:` also finds the articles whose title names the place (the headline says where it
happened; the text, which the analysis reads, may not name it again), as the place's name is
written: a title's "us" is not the US. Other entity fields read the analysis only."""

from __future__ import annotations

import pytest

from newstui.library import Library
from newstui.model import Analysis, Article, ArticleFilter, Entity, Mention
from newstui.nlp import canonical_key, query_keys, short_key
from newstui.query import parse_query

ARTICLES = {
    # title: (text, the entities its analysis found)
    "Protests in Russia": ("Thousands marched in Russia.", [("Russia", "PLACE")]),
    "Russia's Navalny airlifted to Germany": ("The Russian opposition leader was flown out.", []),
    "Fighting near Aleppo": ("Shelling went on overnight.", []),
    "Tell us what you saw": ("Readers wrote in.", []),
    "Aid reaches the US": ("Aid reached the US.", [("US", "PLACE")]),
    "Mugabe remembered": ("Robert Mugabe died.", [("Robert Mugabe", "PERSON")]),
    "東京都で大雨": ("大雨が降った。", []),
    "東京": ("東京の天気。", [("東京", "PLACE")]),
}


@pytest.fixture
def library(tmp_path):
    lib = Library.open(tmp_path / "p.db")
    feed = lib.register_source("https://a.example/feed", "A")
    lib.bulk_insert(feed, [Article(title=t, text=x, guid=t) for t, (x, _) in ARTICLES.items()])
    ids = {row.title: row.id for row in lib.articles(limit=None)}
    analyses = []
    for title, (text, named) in ARTICLES.items():
        entities = tuple(
            Entity(n, kind, (Mention(text.index(n), text.index(n) + len(n), n),))
            for n, kind in named
        )
        analyses.append((ids[title], Analysis(entities, ())))
    lib.save_analyses(analyses, "t", canonical_key, short_key)
    yield lib
    lib.close()


def titles(lib: Library, query: str) -> set[str]:
    return {r.title for r in lib.articles(ArticleFilter(query=parse_query(query, query_keys)))}


def test_a_place_in_the_title_finds_the_article(library):
    assert titles(library, "place:Russia") == {
        "Protests in Russia",
        "Russia's Navalny airlifted to Germany",
    }
    assert titles(library, "place:東京") == {"東京", "東京都で大雨"}


def test_a_title_names_a_place_only_as_written(library):
    assert titles(library, "place:US") == {"Aid reaches the US"}  # not "Tell us what you saw"


def test_a_place_no_article_names_is_not_found_by_titles(library):
    assert titles(library, "place:Aleppo") == set()  # no article's analysis knows it as a place


def test_other_entity_fields_read_the_analysis_only(library):
    assert titles(library, "person:Mugabe") == {"Mugabe remembered"}
    assert titles(library, "person:Russia") == set()


def test_search_and_counts_agree(library):
    f = ArticleFilter(query=parse_query("place:Russia unread", query_keys))
    assert library.count(f) == 2
    found = library.search(parse_query("place:Russia", query_keys))
    assert {r.title for r in found} == titles(library, "place:Russia")
