"""Rules-37: "actor and producer Sacha Baron Cohen" is one person: a rank between a given name
and a surname is part of the name, and "producer" after a stage trade is a person's trade, not
a firm's (user test r35: ORG "Sacha", PERSON "Cohen")."""

from __future__ import annotations

from extracted import typed_names


def test_a_rank_inside_a_name_after_an_unknown_given_name_is_the_name(extractor) -> None:
    text = "The footage was edited by actor and producer Oisin Baron Keane, the studio said."
    assert ("Oisin Baron Keane", "PERSON") in typed_names(extractor, text)


def test_a_film_producer_with_an_unknown_given_name_is_a_person(extractor) -> None:
    text = "The script was bought by film producer Olumide Adeyemi last spring."
    assert ("Olumide Adeyemi", "PERSON") in typed_names(extractor, text)


def test_an_oil_producer_is_still_a_firm(extractor) -> None:
    text = "Shares rose at oil producer Kestrel Petroleum after the merger."
    assert ("Kestrel Petroleum", "ORG") in typed_names(extractor, text)
