"""Round 39 organisation spans (helper orgmiss): a common word that opens a party's name before
a listed party's ("the Social Democratic Party", "the Progressive Conservative Party") is part of
that name, not dropped to leave "Democratic Party"; and a country's or a region's government at
its level ("the Australian Federal Government", "the Kurdistan Regional Government") is one
organisation, where it was no entity at all."""

from __future__ import annotations

from extracted import type_by_name


def test_a_common_word_opening_a_partys_name_stays_in_it(extractor) -> None:
    text = "Mara Ilescu, a senator from the Social Democratic Party, urged calm."
    assert type_by_name(extractor, text) == {
        "Mara Ilescu": "PERSON",
        "Social Democratic Party": "ORG",
    }
    text = "She stood for the Progressive Conservative Party in the riding."
    assert type_by_name(extractor, text) == {"Progressive Conservative Party": "ORG"}


def test_a_title_before_a_listed_party_stays_out_of_its_name(extractor) -> None:
    text = "Former Labour Party MP Tessa Wrenfield died on Monday."
    types = type_by_name(extractor, text)
    assert types.get("Labour Party") == "ORG"
    assert "Former Labour Party" not in types


def test_a_countrys_government_at_its_level_is_one_organisation(extractor) -> None:
    text = "The Australian Federal Government has refused to sign the treaty."
    assert type_by_name(extractor, text) == {"Australian Federal Government": "ORG"}
    text = "Dara Selim, an adviser to the Kurdistan Regional Government, said it was wrong."
    types = type_by_name(extractor, text)
    assert types.get("Kurdistan Regional Government") == "ORG"
    assert types.get("Dara Selim") == "PERSON"


def test_a_level_word_and_government_alone_name_no_body(extractor) -> None:
    text = "The Federal Government has refused to sign the treaty."
    assert type_by_name(extractor, text) == {}
