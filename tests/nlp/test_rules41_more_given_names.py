"""Rules-41: given names found opening people's names in the open corpus (round 39).

"José Manuel Barroso" was "Manuel Barroso", "José Luis Rodríguez Zapatero" lost "José", and
"Stéphane Dion", "Gilad Shalit", "Patty Wetterling" were no entity with nothing around them: the
list of given names had "Jose" but not "José", and missed other common ones.
"""

from __future__ import annotations

from extracted import type_by_name


def test_an_accented_given_name_opens_the_name(extractor) -> None:
    text = "Talks were chaired by José Manuel Ferreira Lobo in the capital on Friday."
    types = type_by_name(extractor, text)
    assert types.get("José Manuel Ferreira Lobo") == "PERSON"
    assert "Manuel Ferreira Lobo" not in types


def test_a_pair_opened_by_a_newly_listed_given_name_is_a_person(extractor) -> None:
    text = "The prize went to Stéphane Morvan and Patty Olmstead in a crowded hall."
    types = type_by_name(extractor, text)
    assert types.get("Stéphane Morvan") == "PERSON"
    assert types.get("Patty Olmstead") == "PERSON"


def test_a_town_named_like_a_saint_stays_no_person(extractor) -> None:
    text = "The mayor of Santo André, near the city, was murdered in 2002."
    assert type_by_name(extractor, text).get("Santo André") != "PERSON"
