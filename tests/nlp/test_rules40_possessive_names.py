"""Round 38 organisation spans (helper orgmiss): a monarch's possessive ("Queen's", "King's")
and a saint's ("St Anne's") go on into the name after them ("Queen's University", "the King's
Own Rifles", "St Anne's Hospital"), which was cut after the possessive, leaving a body
"Rifles" or a place "St Anne"; a saint's feast stays no name ("St. Anne's Day")."""

from __future__ import annotations

from extracted import type_by_name


def test_a_monarchs_possessive_opens_the_bodys_name(extractor) -> None:
    text = "She taught at Queen's University for ten years."
    assert type_by_name(extractor, text) == {"Queen's University": "ORG"}
    text = "He served with the King's Own Rifles Regiment in 1990."
    assert type_by_name(extractor, text) == {"King's Own Rifles Regiment": "ORG"}


def test_a_saints_possessive_opens_a_buildings_or_bodys_name(extractor) -> None:
    text = "He was treated at St Anne's Hospital on Monday."
    assert type_by_name(extractor, text) == {"St Anne's Hospital": "PLACE"}
    text = "She lectures at St. Brendan's University, the college said."
    assert type_by_name(extractor, text) == {"St. Brendan's University": "ORG"}


def test_a_saints_feast_is_no_name(extractor) -> None:
    types = type_by_name(extractor, "Crowds gathered for St. Brendan's Day on Sunday.")
    assert "St. Brendan's Day" not in types
