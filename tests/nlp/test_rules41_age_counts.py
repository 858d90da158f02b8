"""A count after a country's or state's name is a table's, not a person's age; an age goes on
with "and his", "then", "with" (review r39 A1b of round 38's A1 fix)."""

from __future__ import annotations

import pytest

from newstui.nlp import get_extractor


def types(text: str) -> dict[str, str]:
    return {e.name: e.type for e in get_extractor().analyse(text).entities}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Austria, 7, tops the ski table after the second week.", "Austria"),
        ("Ohio, 85, reported the fewest new cases on Tuesday.", "Ohio"),
        ("Cases rose in Quebec, 64, while Manitoba, 12, stayed low.", "Manitoba"),
        ("Sweden, 9, finished ahead of Finland on the last day.", "Sweden"),
    ],
)
def test_a_count_after_a_country_or_state_is_no_age(text, name):
    assert types(text)[name] == "PLACE"


def test_a_number_no_age_can_be_is_no_age():
    assert types("The vote gave Labour, 356, a clear majority in the house.")["Labour"] == "ORG"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hamilton, 41, and his engineers stayed late in the garage.", "Hamilton"),
        ("Everest, 29, then thanked the crowd for coming.", "Everest"),
        ("Hamilton, 41, with a broken wrist, still finished third.", "Hamilton"),
    ],
)
def test_an_age_that_goes_on_with_and_then_or_with_is_a_persons(text, name):
    assert types(text)[name] == "PERSON"


def test_a_city_after_a_counted_name_and_and_is_the_lists_next():
    # (review r39 A1b residue) "Paris, 12, and London, 9": the second city is no person
    assert types("Madrid, 14, and Lisbon, 11, share the top of the league.")["Lisbon"] == "PLACE"
