"""Rules-36 place cases (round 34), each pinned by invented sentences.

A lone unknown name before a lower-case noun of nature's features ("the Kelmar volcano", "the
Ostra river", "the Vashti glacier") is a place: the noun is the name's evidence, as "region"
or "district" was."""

from __future__ import annotations

from extracted import type_by_name


def test_a_name_before_a_noun_of_nature_is_a_place(extractor) -> None:
    for text, name in (
        ("Lava poured from the Kelmar volcano on Monday.", "Kelmar"),
        ("Floods closed roads along the Ostra river overnight.", "Ostra"),
        ("Troops still hold posts on the Vashti glacier.", "Vashti"),
        ("The herders crossed the Tobruna desert in March.", "Tobruna"),
    ):
        assert type_by_name(extractor, text) == {name: "PLACE"}, text


def test_a_person_before_a_noun_of_nature_stays_a_person(extractor) -> None:
    text = "Ann Orrow said the Ostra river had never risen so fast."
    types = type_by_name(extractor, text)
    assert types["Ann Orrow"] == "PERSON"
    assert types["Ostra"] == "PLACE"
