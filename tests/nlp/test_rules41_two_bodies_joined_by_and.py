"""Round 39 organisation spans (helper orgmiss): "and" between a body the lists know and
capitalised words ending in a body's word joins two bodies, not one name: "the FBI and Justice
Department", "Verizon and Rogers Communications" (a head noun alone before "and" still opens one
name: "the University and College Union")."""

from __future__ import annotations

from extracted import type_by_name


def test_a_known_body_and_another_are_two_organisations(extractor) -> None:
    text = "Searches by the FBI and Justice Department were limited on Tuesday."
    assert type_by_name(extractor, text) == {"FBI": "ORG", "Justice Department": "ORG"}
    text = "Verizon and Halden Communications signed a deal on Monday."
    assert type_by_name(extractor, text) == {"Verizon": "ORG", "Halden Communications": "ORG"}


def test_a_name_holding_and_stays_one_organisation(extractor) -> None:
    text = "The University and College Union said it would strike."
    assert type_by_name(extractor, text) == {"University and College Union": "ORG"}
    text = "The Kelmouth Securities and Investments Commission said no."
    assert type_by_name(extractor, text) == {
        "Kelmouth Securities and Investments Commission": "ORG"
    }
