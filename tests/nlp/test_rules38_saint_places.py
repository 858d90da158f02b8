"""Rules-38: "St." opens the names of places (round 36).

The abbreviation is no title of a person: "the Governor of St. Petersburg", "St. Kelmar's
voters", "in St Ostrava" are places (a person's name keeps it as a surname: "Judge Amy St.
Orrow"), "St. Kelmar's Day" is a day, and in a comma list of surnames it is left to the list.
"""

from __future__ import annotations

from extracted import type_by_name


def test_st_opens_a_places_name_not_a_persons(extractor) -> None:
    for text, name in (
        (
            "Ann Orrow, the Governor of St. Kelmarsburg, said the shops were safe.",
            "St. Kelmarsburg",
        ),
        ("The campaign asks St. Paul's voters to think again.", "St. Paul"),
        ("Incidents were reported in St Ostrava and in Kelbrook.", "St Ostrava"),
        # round 40: the lists' towns spelt with "Saint" in full
        ("He moved to Saint Louis last year.", "Saint Louis"),
        ("Tourists visited Saint Lucia and Saint Kitts.", "Saint Kitts"),
    ):
        types = type_by_name(extractor, text)
        assert types.get(name) == "PLACE", text
        assert name.split()[-1] not in types, text


def test_st_after_a_given_name_is_part_of_the_surname(extractor) -> None:
    text = "Judge Amy St. Orrow confiscated his passport on Monday."
    types = type_by_name(extractor, text)
    assert types.get("Amy St. Orrow") == "PERSON"
    assert "Amy" not in types


def test_a_saints_day_is_no_place(extractor) -> None:
    text = "They will meet the president on St. Kelmar's Day in Kelbrook."
    types = type_by_name(extractor, text)
    assert "St. Kelmar" not in types
    assert types.get("Kelmar") != "PERSON"
