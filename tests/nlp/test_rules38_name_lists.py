"""Rules-38 (round 36, review r35 N1's rest): "<given> <second> <known word>" is one person
("Anders Fogh Rasmussen") after "by" inside a sentence and before a verb in the past ("A speech
by … opened"); only "by" opening a line or a sentence, or after a credit word, is a credit. In a
list whose items each end with a column (a club, a party, a town) the known word is that column:
a later item of a list a colon opens after a numbered item, or an item beside another of the
same form."""

from __future__ import annotations

import pytest
from extracted import type_by_name


def test_a_name_after_by_inside_a_sentence_keeps_its_known_surname(extractor) -> None:
    text = "A speech by Mette Halvor Rasmussen opened the summit."
    assert type_by_name(extractor, text).get("Mette Halvor Rasmussen") == "PERSON"


@pytest.mark.parametrize(
    ("text", "person", "other"),
    [
        ("Scorers: Peter Hrubec Liverpool (2), Mark Zelenko Chelsea.", "Mark Zelenko", "Chelsea"),
        (
            "They named Peter Hrubec Liverpool, Mark Zelenko Chelsea and Ivan Petrov Arsenal "
            "in the squad.",
            "Peter Hrubec",
            "Liverpool",
        ),
        (
            "They named Peter Hrubec Liverpool, Mark Zelenko Chelsea and Ivan Petrov Arsenal "
            "in the squad.",
            "Ivan Petrov",
            "Arsenal",
        ),
    ],
)
def test_a_known_word_ending_each_item_of_a_list_is_its_column(
    extractor, text, person, other
) -> None:
    types = type_by_name(extractor, text)
    assert types.get(person) == "PERSON" and other in types


def test_a_name_beside_a_person_of_three_words_keeps_its_surname(extractor) -> None:
    text = "President Barack Hussein Obama and Mette Halvor Rasmussen met on Monday."
    assert type_by_name(extractor, text).get("Mette Halvor Rasmussen") == "PERSON"


def test_by_opening_a_line_is_still_a_credit(extractor) -> None:
    types = type_by_name(extractor, "The ferry sailed at dawn.\nBy Lena Ostrowska Reuters")
    assert types.get("Lena Ostrowska") == "PERSON" and "Reuters" in types
