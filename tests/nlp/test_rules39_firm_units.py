"""Round 37 organisation spans (helper orgmiss): a known organisation's name, then capitalised
words no list knows with a body's word among them, ending the run, name the organisation's own
unit ("Nielsen Media Research", "ABC Radio National", "BBC Radio Merseyside" with the unit's
place after the body's word): one organisation, not the firm and a body "Media Research". A
ticker letter after the unit ends the name; a person, a title or a thing the names describe
("the … survey") keeps them apart, a spokesman or "company" after them does not."""

from __future__ import annotations

from extracted import type_by_name


def test_a_known_firm_and_its_unit_are_one_organisation(extractor) -> None:
    text = "Figures from Gallup Media Research showed that most voters were undecided."
    assert type_by_name(extractor, text) == {"Gallup Media Research": "ORG"}
    text = "A Gallup Media Research spokesman said turnout fell."
    assert type_by_name(extractor, text) == {"Gallup Media Research": "ORG"}


def test_the_units_place_after_its_body_word_is_part_of_it(extractor) -> None:
    text = "The programme was first heard on BBC Radio Cornwall in March."
    assert type_by_name(extractor, text) == {"BBC Radio Cornwall": "ORG"}


def test_a_ticker_letter_ends_the_name(extractor) -> None:
    types = type_by_name(extractor, "The Ford Motor Company F shares fell on Monday.")
    assert types == {"Ford Motor Company": "ORG"}


def test_a_thing_or_a_person_after_the_firm_stays_apart(extractor) -> None:
    types = type_by_name(extractor, "The Gallup Media Research survey was late.")
    assert "Gallup Media Research" not in types
    types = type_by_name(extractor, "A BBC Patrick Moore documentary aired last night.")
    assert types == {"BBC": "ORG", "Patrick Moore": "PERSON"}
