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


def test_a_title_holding_a_pronoun_or_is_names_a_work_not_a_body(extractor) -> None:
    text = (
        "Moss starred in a thriller by Ann Lee, The Woman Who Sold The River, in 1961. The "
        "study, The North Is Richer Than You Think, came out on Monday. She sang in The Summer "
        "of My Discontent at Tarnwick. Ann Lee works for Doctors Without Borders."
    )
    names = _names(extractor, text)
    assert not any("Who" in name or "Is Richer" in name for name in names)
    assert "The Summer" not in names
    assert ("Doctors Without Borders", "ORG") in _entities(extractor, text)


def test_a_full_stop_with_no_space_after_it_still_ends_the_name(extractor) -> None:
    text = (
        "Ann Merrow met the envoy in Tarnwick.Merrow later said the talks went well. Readers of "
        "Kestrel.com.au and the U.S. Army were told."
    )
    entities = _entities(extractor, text)
    names = _names(extractor, text)
    assert not any("." in name and "Kestrel" not in name and "U.S" not in name for name in names)
    assert ("Tarnwick", "PLACE") in entities
    assert ("Ann Merrow", "PERSON") in entities
