"""Organisations of rules-21 (issue 10): ORG error classes found on the readable Wikinews sets,
each pinned by invented sentences."""

from __future__ import annotations

import pytest
from extracted import check_names, quotes_and_speakers


@pytest.mark.parametrize(
    ("text", "seat"),
    [
        ("White House spokesman Ben Ardley said the visit would go ahead.", "White House"),
        ("The decision was welcomed by the Kremlin on Tuesday.", "Kremlin"),
        ("A Pentagon official, Dana Holt, confirmed the order.", "Pentagon"),
        ("Downing Street declined to comment on the leak.", "Downing Street"),
    ],
)
def test_a_seat_of_government_is_a_place_even_when_it_acts(extractor, text, seat) -> None:
    check_names(extractor, text, [(seat, "PLACE")], [(seat, "ORG")])


def test_a_seat_of_government_still_speaks_for_its_office(extractor) -> None:
    text = "“We will not reopen the talks,” the Kremlin said in a statement on Friday."
    assert quotes_and_speakers(extractor, text) == [("We will not reopen the talks,", "Kremlin")]
    check_names(extractor, text, [("Kremlin", "PLACE")], [("Kremlin", "ORG")])
