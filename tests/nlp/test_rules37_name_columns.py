"""Round 35 (review r35 N1): "<given> <second> <known word>" is one person only where the known
word can be a surname; in a results table, a list or a credit it is the next column (a club, a
party, an agency, a town), and the person is the two words before it."""

from __future__ import annotations

import pytest
from extracted import type_by_name


@pytest.mark.parametrize(
    ("text", "person", "other"),
    [
        ("Goals: Pavel Hrubec Liverpool 14, Ivo Slanina Chelsea 11.", "Pavel Hrubec", "Liverpool"),
        ("Result: Megan Thirlby Labour 11,204; Ross Adair Green 3,010.", "Megan Thirlby", "Labour"),
        ("Photo by Lena Ostrowska Reuters. The ferry sailed at dawn.", "Lena Ostrowska", "Reuters"),
        ("Reporting by Clara Voss London; editing by Tim Hale.", "Clara Voss", "London"),
    ],
)
def test_a_known_word_in_a_column_or_credit_is_no_surname(extractor, text, person, other) -> None:
    types = type_by_name(extractor, text)
    assert types.get(person) == "PERSON" and other in types


def test_a_known_word_ending_a_speakers_name_still_is_the_surname(extractor) -> None:
    text = "NATO's new chief, Mette Halvor Rasmussen, said the alliance would stay in the region."
    assert type_by_name(extractor, text).get("Mette Halvor Rasmussen") == "PERSON"


def test_a_title_after_a_comma_is_no_column(extractor) -> None:
    text = "Indeed, Mette Halvor Rasmussen, Prime Minister of Denmark, said the paper was free."
    assert type_by_name(extractor, text).get("Mette Halvor Rasmussen") == "PERSON"
