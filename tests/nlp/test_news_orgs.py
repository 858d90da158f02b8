"""Organisations learnt from news (nlp/data/orgs_news.txt.gz, issue 10): a body that cues typed
in several Wikinews articles is an organisation where nothing around it says so; evidence in
the article still wins, and the list holds no word, given name or place."""

from __future__ import annotations

import pytest
from extracted import check_names

from newstui.nlp.gazetteer import listed_orgs, load_gazetteer, news_orgs, tier_type


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The figures were sent to Ofcom on Monday morning.", "Ofcom"),
        ("Readers who trusted Maariv waited for months.", "Maariv"),
        ("The talks between Metronet and the unions broke down.", "Metronet"),
    ],
)
def test_a_body_learnt_from_news_with_no_cue_is_an_organisation(extractor, text, body) -> None:
    check_names(extractor, text, [(body, "ORG")])


def test_a_person_named_in_full_keeps_a_surname_the_news_list_holds(extractor) -> None:
    text = "Farmer Tom Metronet said the rain came late. Metronet said the crop was lost."
    check_names(extractor, text, [("Tom Metronet", "PERSON")], ["Metronet"])


def test_a_learnt_name_the_article_counts_is_a_thing(extractor) -> None:
    text = "He flew a Beriev over the bay. The Beriev landed at noon."
    check_names(extractor, text, absent=[("Beriev", "ORG")])


def test_the_news_list_adds_to_the_listed_tier_and_holds_no_known_name() -> None:
    learnt = news_orgs()
    assert "Ofcom" in learnt and tier_type("Ofcom") == "ORG"
    assert all(tier_type(name) == "ORG" for name in listed_orgs())
    assert not set(learnt) & set(load_gazetteer().known)


@pytest.mark.parametrize("word", ["Freedom", "House", "Mail", "Express", "Research", "Paris"])
def test_no_english_word_or_city_is_a_learnt_organisation(word) -> None:
    assert word not in news_orgs()
