"""Rules-40: the town after "the Mayor of" before its mayor's name, and Metro Manila (round 38).

Round 38 stopped "the Mayor of Qara Tappah, Serwan Shokir" typing the town a person (a list of
two people); after a mayor's, a governor's, a premier's or a prefect's "of", a name that nothing
else types is the place the office is over. "Metro Manila" (the capital region) was an
organisation: places.txt lists it.
"""

from __future__ import annotations

from extracted import type_by_name


def test_the_town_before_its_mayor_is_a_place(extractor) -> None:
    text = "The Mayor of Qara Dellin, Serwan Tokir, said the buses were carrying workers."
    types = type_by_name(extractor, text)
    assert types.get("Qara Dellin") == "PLACE"
    assert types.get("Serwan Tokir") == "PERSON"


def test_the_company_before_its_director_is_no_place(extractor) -> None:
    text = "The director of Gate Pantry, Richard Wellan, denied that he knew."
    assert type_by_name(extractor, text).get("Gate Pantry") != "PLACE"


def test_metro_manila_is_a_place(extractor) -> None:
    text = "Alert levels were raised in parts of Metro Manila after the bombing."
    assert type_by_name(extractor, text).get("Metro Manila") == "PLACE"
