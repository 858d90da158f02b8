"""Well-known sites named like a person (a given name, then Hill/Hall/Lane) stay places after
rules-41 made "<given name> Hill" a person (review r39 PH1); people so named stay people. Round 40:
a venue named after its sponsor ("the Xcel Energy Center") is a place, not the firm."""

from __future__ import annotations

import pytest

from newstui.nlp import get_extractor


def types(text: str) -> dict[str, str]:
    return {e.name: e.type for e in get_extractor().analyse(text).entities}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tourists queued outside Albert Hall before the doors opened.", "Albert Hall"),
        ("Murray Hill lost power for six hours on Tuesday.", "Murray Hill"),
        ("Holly Hill declared an emergency as the storm came ashore.", "Holly Hill"),
        ("The game was played at the Xcel Energy Center on Tuesday.", "Xcel Energy Center"),
        ("The final was held at the Bank of America Stadium.", "Bank of America Stadium"),
        ("Tourists visited Lake Garda in the summer.", "Lake Garda"),  # no body "Garda" inside
    ],
)
def test_a_site_stays_a_place(text, name):
    assert types(text)[name] == "PLACE"


def test_a_person_of_that_form_stays_a_person():
    assert types("Rosa Hill, a teacher, said the school would reopen.")["Rosa Hill"] == "PERSON"
