"""Round 37 organisation spans (helper orgmiss). Words after "of" with no "the", ending in a
body's word, name the body's field ("the Tasmanian Council of Social Service", "Bureau of
Mediation Services"): one body, not a council and a body "Social Service" (after "of the" they
still name a body of their own: "the Army Council of the Provisional IRA"; a place's head is a
place: "… Regiment of Brook Park, Ohio"; a named body's head ends a body of its own: "Glendon
College of Kelmouth University"). Two body's words joined by "and" before the head are
two fields of one body ("Securities and Investments Commission"); lists of units stay apart.
"Saint Vincent and the Grenadines" is the country, not a person "Vincent"."""

from __future__ import annotations

from extracted import type_by_name


def test_a_field_after_of_is_part_of_the_body(extractor) -> None:
    text = "The Tasmanian Council of Social Service said rents rose."
    assert type_by_name(extractor, text) == {"Tasmanian Council of Social Service": "ORG"}
    text = "The Ontario Bureau of Mediation Services called both sides in."
    assert type_by_name(extractor, text) == {"Ontario Bureau of Mediation Services": "ORG"}


def test_a_body_after_of_the_or_a_place_stays_apart(extractor) -> None:
    text = "He is a member of the Army Council of the Provisional Irish Republican Army."
    types = type_by_name(extractor, text)
    assert types["Army Council"] == "ORG"
    assert types["Provisional Irish Republican Army"] == "ORG"
    text = "He studied at Glendon College of Kelmouth University in 1990."
    types = type_by_name(extractor, text)
    assert types == {"Glendon College": "ORG", "Kelmouth University": "ORG"}
    text = "They served in the 3rd Rifle Regiment of Brook Park, Ohio, a suburb."
    types = type_by_name(extractor, text)
    assert types["3rd Rifle Regiment"] == "ORG" and types["Brook Park"] == "PLACE"


def test_two_fields_joined_by_and_make_one_body(extractor) -> None:
    text = "The Tasmanian Securities and Investments Commission fined the firm."
    types = type_by_name(extractor, text)
    assert types == {"Tasmanian Securities and Investments Commission": "ORG"}
    text = "Boeing's Launch Systems, Launch Services and Delta Program business units may bid."
    types = type_by_name(extractor, text)
    assert types["Launch Services"] == "ORG" and types["Delta Program"] == "ORG"
    types = type_by_name(extractor, "The Fire Service and Police were called.")
    # (two names, not one; "Police" alone, typed by no list and no cue, is dropped by the learned
    # decision for weak ORGs since round 43: generic "police" is no annotated body)
    assert types == {"Fire Service": "ORG"}


def test_saint_vincent_and_the_grenadines_is_a_country(extractor) -> None:
    for text in (
        "Leaders from Saint Vincent and the Grenadines met on Monday.",
        "Leaders from St. Vincent and the Grenadines met on Monday.",
    ):
        types = type_by_name(extractor, text)
        assert len(types) == 1 and set(types.values()) == {"PLACE"}
        assert next(iter(types)).endswith("Vincent and the Grenadines")
