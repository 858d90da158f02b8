"""Round 38 organisation spans (helper orgmiss): a body's name of two words or more before an
officer's title and name ends at the title ("Denver Police Department Captain Ann Lee", "Ford
Motor Company Chairman Tom Reed": one organisation, not a place and a body "Police Department"),
unless the body's word opens a longer title ("Press Secretary", "District Judge") or is a
portfolio's ("Energy Secretary"). And "to" after a body's word before a known place or body is
the preposition ("flew with Japan Airlines to Taipei"), not a word of the body's aim."""

from __future__ import annotations

from extracted import type_by_name


def test_a_body_named_with_a_place_before_its_officer_is_one_organisation(extractor) -> None:
    text = "Calm returned, Denver Police Department Captain Ann Lee said on Monday."
    types = type_by_name(extractor, text)
    assert types == {"Denver Police Department": "ORG", "Ann Lee": "PERSON"}
    text = "Calm returned, Denver Police Department Sgt. Ann Lee said."
    assert type_by_name(extractor, text)["Denver Police Department"] == "ORG"


def test_a_firm_before_its_chairman_is_one_organisation(extractor) -> None:
    text = "Sales grew, Ford Motor Company Chairman Tom Reed told reporters."
    assert type_by_name(extractor, text) == {"Ford Motor Company": "ORG", "Tom Reed": "PERSON"}


def test_a_title_the_bodys_word_opens_or_a_portfolio_stays_a_title(extractor) -> None:
    types = type_by_name(extractor, "He met US Energy Secretary Sam Bodman on Monday.")
    assert "US Energy" not in types
    assert types["Sam Bodman"] == "PERSON"
    types = type_by_name(extractor, "The White House Press Secretary Tony Snow spoke.")
    assert "White House Press" not in types


def test_to_before_a_known_place_ends_the_bodys_name(extractor) -> None:
    text = "She flew with Japan Airlines to Taipei on Friday."
    assert type_by_name(extractor, text) == {"Japan Airlines": "ORG", "Taipei": "PLACE"}
    text = "He joined the Committee to Protect Journalists in 2001."
    assert type_by_name(extractor, text) == {"Committee to Protect Journalists": "ORG"}
