"""Aliases of rules-24 (issue 10): an organisation named in full and by its short form is one
entity under its full name, the short form one of its mentions; pinned by invented sentences."""

from __future__ import annotations

import pytest

from newstui.nlp import Extractor


def _mentions_of(extractor: Extractor, text: str) -> dict[str, tuple[str, set[str]]]:
    """Each entity found in `text` by name: its type and the words of its mentions."""
    return {
        e.name: (e.type, {m.text for m in e.mentions}) for e in extractor.analyse(text).entities
    }


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        (
            "Finance ministers of the Group of Eight met in Bonn on Friday. Later the G8 said "
            "that markets were calm.",
            "Group of Eight",
            "G8",
        ),
        (
            "The G20 meets in Osaka next month. The Group of Twenty was set up in 1999 to "
            "steady the markets, and the G20 has met every year since.",
            "Group of Twenty",
            "G20",
        ),
        (
            "The Harbour Workers Federation filed a claim on Monday. The HWF said talks had "
            "failed, and the HWF will strike in June.",
            "Harbour Workers Federation",
            "HWF",
        ),
        (
            "The suit was filed by The Coastal Rescue Trust in May. A spokesman for the CRT "
            "said both boats were in service.",
            "The Coastal Rescue Trust",
            "CRT",
        ),
        (
            "Shares of PhotoVault Alliance rose on Monday. The PVA said sales had doubled.",
            "PhotoVault Alliance",
            "PVA",
        ),
    ],
)
def test_a_short_form_read_from_a_name_of_the_article_is_that_organisation(
    extractor, text, name, short
) -> None:
    found = _mentions_of(extractor, text)
    assert name in found, found
    kind, mentions = found[name]
    assert kind == "ORG" and short in mentions, found
    assert short not in found, found


def test_capitals_with_a_number_no_name_of_the_article_spells_stay_apart(extractor) -> None:
    text = "The Group of Eight met in Bonn. The G7 said on Friday that it would meet in June."
    found = _mentions_of(extractor, text)
    assert "G7" not in found.get("Group of Eight", ("", set()))[1], found


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("Vandals cut cables on the two main KVX lines serving Lyon on Sunday.", "KVX"),
        ("Officials inspected the ZORAN nuclear research reactor after a leak.", "ZORAN"),
        ("The county sold its old MRT airborne command and control planes in 2004.", "MRT"),
        ('Most of the shirts bore the "QMC" mark, a shop owner said.', "QMC"),
    ],
)
def test_unexplained_capitals_before_a_things_noun_are_no_organisation(
    extractor, text, letters
) -> None:
    assert letters not in _mentions_of(extractor, text)


@pytest.mark.parametrize(
    ("text", "letters"),
    [
        ("The KVX said on Monday that the KVX lines were safe.", "KVX"),  # a body speaks
        (  # one mention of three before a thing's noun
            "Funding for the NRPA rose in May, and the NRPA hired 40 staff; the NRPA system of "
            "permits is unchanged.",
            "NRPA",
        ),
    ],
)
def test_capitals_that_speak_or_mostly_stand_alone_stay_an_organisation(
    extractor, text, letters
) -> None:
    assert _mentions_of(extractor, text).get(letters, ("", set()))[0] == "ORG"


def test_a_name_cut_in_parts_before_its_capitals_in_brackets_is_one_organisation(
    extractor,
) -> None:
    text = (
        "In a statement, the UN Relief Mission in Sudan (UNMIS) condemned the attack. "
        "UNMIS said two of its staff were hurt."
    )
    found = _mentions_of(extractor, text)
    assert found.get("UN Relief Mission in Sudan", ("", set())) == (
        "ORG",
        {"UN Relief Mission in Sudan", "UNMIS"},
    ), found
    assert "UNMIS" not in found, found


def test_a_person_before_a_partys_capitals_in_brackets_stays_a_person(extractor) -> None:
    text = "Ichiro Sato of Tokyo (JCP) and Ann Lee (SDP) spoke against the bill on Monday."
    found = _mentions_of(extractor, text)
    assert not any(name.endswith("Tokyo") and kind == "ORG" for name, (kind, _) in found.items())
