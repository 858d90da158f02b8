"""Rules-37: names cut or glued wrong around an en dash, a "-set" compound and a place kind's
word alone (user test r35: "Harvard–Smithsonian Center", "Tennessee-set", "City and State")."""

from __future__ import annotations

from extracted import entity_names, typed_names


def test_an_en_dash_joins_a_word_to_the_body_after_it(extractor) -> None:
    text = "Maria Lopez of the Stanford–Lowell Institute for Optics said the data were sound."
    assert ("Stanford–Lowell Institute for Optics", "ORG") in typed_names(extractor, text)


def test_a_set_compound_names_the_place_before_the_hyphen(extractor) -> None:
    text = "The debate took place at the Omaha, Nebraska-set town hall on Tuesday."
    found = typed_names(extractor, text)
    assert ("Nebraska", "PLACE") in found
    assert not any(name.endswith("-set") for name, _ in found)


def test_a_place_kinds_word_alone_after_and_names_nothing(extractor) -> None:
    text = "Kansas City and State officials met the governor on Monday."
    names = entity_names(extractor, text)
    assert "State" not in names
    assert "Kansas City" in names
