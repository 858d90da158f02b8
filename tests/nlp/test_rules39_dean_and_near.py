"""Rules-39: "Dean" as a given name, and "near" before a name inside a longer one (round 37).

"Dean" is a university's title ("the Dean of Law") and a man's given name: "founded by Dean
Ostrowski", "candidates Ann Lee and Dean Ostrowski" name a person whole, not a surname under a
title, unless the article speaks of a dean in lower case or "the" or a body's word stands before
it. "near" is no word of a longer name as "in" may be ("Nobel Prize in Economics"): "the Tallis
Nature Reserve near Vorzhani" names a village after the reserve.
"""

from __future__ import annotations

from extracted import quotes_and_speakers, type_by_name


def test_dean_before_a_surname_is_a_given_name(extractor) -> None:
    text = "The robotics league was founded by Dean Ostrowski in 1992 to interest children."
    types = type_by_name(extractor, text)
    assert types.get("Dean Ostrowski") == "PERSON"
    assert "Ostrowski" not in types


def test_dean_in_a_list_of_people_is_a_given_name(extractor) -> None:
    text = (
        "Senate candidates Ann Pelle and Dean Ostrowski condemned the attack. "
        '"This has no place here," Ostrowski said.'
    )
    types = type_by_name(extractor, text)
    assert types.get("Ann Pelle") == "PERSON"
    assert types.get("Dean Ostrowski") == "PERSON"
    assert quotes_and_speakers(extractor, text) == [("This has no place here,", "Dean Ostrowski")]


def test_the_dean_of_a_school_is_still_a_title(extractor) -> None:
    text = "Law School Dean Ann Pelle said the course would reopen. The dean spoke for an hour."
    types = type_by_name(extractor, text)
    assert types.get("Ann Pelle") == "PERSON"
    assert "Dean Ann Pelle" not in types


def test_a_name_near_a_longer_name_is_a_place(extractor) -> None:
    text = "Helicopters set fire to the Tallis Nature Reserve near Vorzhani on Sunday."
    types = type_by_name(extractor, text)
    assert types.get("Vorzhani") == "PLACE"
