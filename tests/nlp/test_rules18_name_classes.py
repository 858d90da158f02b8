"""Rules-18 name classes, each pinned by invented sentences (no article text): people named only
through what they lead, and names the entity step found only in part (r17-names)."""

from __future__ import annotations


def _people(extractor, text: str) -> set[str]:
    return {e.name for e in extractor.analyse(text).entities if e.type == "PERSON"}


def test_a_leaders_name_before_government_or_administration_is_a_person(extractor) -> None:
    text = (
        "Farmers said the Kelbrook government had failed them. Under the Marlowe "
        "administration's plan, tariffs rose.\n\nThe ban ended during Ovid Tarrant's presidency."
    )
    assert {"Kelbrook", "Marlowe", "Ovid Tarrant"} <= _people(extractor, text)


def test_a_party_a_nation_or_an_adjective_before_government_is_no_person(extractor) -> None:
    text = (
        "The Provisional government fell. The Interim government and the Labor government "
        "met the Tuvalu government and the Democratic administration."
    )
    assert not _people(extractor, text)


def test_an_occupation_before_two_unknown_words_makes_them_a_person(extractor) -> None:
    text = (
        "According to ecologist Tamsin Orrow of the field station, the count fell. "
        '"Turnout was low," said Assembly speaker Vedran al-Kasimi later.\n\n'
        "The paper dropped its case against media firebrand, Ottar Brennick."
    )
    assert {"Tamsin Orrow", "Vedran al-Kasimi", "Ottar Brennick"} <= _people(extractor, text)
    assert [q.speaker for q in extractor.analyse(text).quotes] == ["Vedran al-Kasimi"]
