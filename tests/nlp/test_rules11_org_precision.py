"""Organisation errors of rules-10 fixed in rules-11 (issue 10): general forms, each pinned by
invented examples."""

from __future__ import annotations


def _entities(extractor, text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extractor.analyse(text).entities}


def _names(extractor, text: str) -> set[str]:
    return {name for name, _ in _entities(extractor, text)}


def test_an_unknown_abbreviation_naming_a_card_code_or_scheme_is_no_organisation(
    extractor,
) -> None:
    text = (
        "Villagers in Tarnwick must show a KRT card to buy rice. The club records games in the "
        "QZV code, and the agency's MORVA program flies in 2031. Servers follow the DELTIX "
        "standards, Ann Merrow said."
    )
    names = _names(extractor, text)
    for thing in ("KRT", "QZV", "MORVA", "DELTIX"):
        assert thing not in names
    assert ("Ann Merrow", "PERSON") in _entities(extractor, text)


def test_an_unknown_abbreviation_that_acts_is_still_an_organisation(extractor) -> None:
    text = "The QZV said on Monday that the QZV card scheme would end."
    assert ("QZV", "ORG") in _entities(extractor, text)
