"""Rules-40: "the <role> of X, <name>" is the office's field, body or place, then its holder
(round 38).

Two names joined by a comma were read as a list of people when the second is a person's: "the
then minister of National Defense, Paulo Portas", "the Mayor of Qara Tappah, Serwan Shokir",
"the Leader of the Opposition, Kim Beazley" made "National Defense", "Qara Tappah" and
"Opposition" people. After a role and "of" the first is no list's member; after a relation
("the mother of …") it still is a person.
"""

from __future__ import annotations

from extracted import type_by_name


def test_a_town_before_its_mayor_is_no_person(extractor) -> None:
    text = "The Mayor of Qara Dellin, Serwan Tokir, said the buses were carrying workers."
    types = type_by_name(extractor, text)
    assert types.get("Serwan Tokir") == "PERSON"
    assert types.get("Qara Dellin") != "PERSON"


def test_a_company_before_its_director_is_no_person(extractor) -> None:
    text = "The director of Gate Pantry, Richard Wellan, denied that he knew."
    types = type_by_name(extractor, text)
    assert types.get("Richard Wellan") == "PERSON"
    assert types.get("Gate Pantry") != "PERSON"


def test_a_portfolio_before_its_minister_is_no_person(extractor) -> None:
    text = "The order was signed by the then minister of Rural Affairs, Paul Orrin."
    types = type_by_name(extractor, text)
    assert types.get("Paul Orrin") == "PERSON"
    assert "Rural Affairs" not in types


def test_the_opposition_before_its_leader_is_no_person(extractor) -> None:
    text = "The Leader of the Opposition, Kim Orrow, supported the motion on Tuesday."
    types = type_by_name(extractor, text)
    assert types.get("Kim Orrow") == "PERSON"
    assert types.get("Opposition") != "PERSON"


def test_a_person_before_a_relative_is_still_a_person(extractor) -> None:
    text = "The mother of Marie-Luce Dorn, Greta Dorn, made a public appeal on Friday."
    types = type_by_name(extractor, text)
    assert types.get("Marie-Luce Dorn") == "PERSON"
    assert types.get("Greta Dorn") == "PERSON"
