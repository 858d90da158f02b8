"""Entity errors counted by articles on 60 fresh Wikinews articles in round 13 (issue 10),
fixed in rules-14: general forms, each pinned by invented examples."""

from __future__ import annotations


def _entities(extractor, text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extractor.analyse(text).entities}


def _names(extractor, text: str) -> set[str]:
    return {name for name, _ in _entities(extractor, text)}


def test_the_fields_of_a_ministers_brief_are_no_people(extractor) -> None:
    text = (
        "The Minister for Fisheries, Forestry and Rural Affairs, Helen Marsh, opened the dock. "
        "Later the Secretary of Trade, Tariffs and Exports, Tom Reid, MP, said it was good."
    )
    found = _entities(extractor, text)
    assert ("Helen Marsh", "PERSON") in found
    assert ("Tom Reid", "PERSON") in found
    names = _names(extractor, text)
    for field in ("Fisheries", "Forestry", "Rural Affairs", "Trade", "Tariffs", "Exports", "MP"):
        assert field not in names


def test_a_list_of_people_after_a_brief_keeps_its_people(extractor) -> None:
    text = "The Minister of Lands, Tom Hanks and Mary Jones were there."
    found = _entities(extractor, text)
    assert ("Tom Hanks", "PERSON") in found
    assert ("Mary Jones", "PERSON") in found
