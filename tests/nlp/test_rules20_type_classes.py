"""Entity types of rules-20 (issue 10): error classes found on the readable Wikinews sets and
the reviewer's probes of rules-19, each pinned by invented sentences."""

from __future__ import annotations

import pytest
from extracted import check_names


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        (
            "Businesses such as Kelmouth Market, Harbour Street and Old Town suffered.",
            [("Kelmouth Market", "ORG"), ("Harbour Street", "PLACE"), ("Old Town", "PLACE")],
            [("Harbour Street", "ORG"), ("Old Town", "ORG")],
        ),
        (  # a building that trades stays one of the businesses
            "Firms such as Tarrow Hotel, Pell Gallery and Wend Tiles closed for the week.",
            [("Tarrow Hotel", "ORG"), ("Pell Gallery", "ORG"), ("Wend Tiles", "ORG")],
            [],
        ),
    ],
)
def test_a_list_of_businesses_keeps_a_street_or_a_town_a_place(
    extractor, text, found, absent
) -> None:
    check_names(extractor, text, found, absent)
