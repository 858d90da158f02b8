"""Organisations of rules-26 (issue 10): one entity per organisation under its fullest written
form, its shorter forms of the same article folded in (mentions and speakers with them), and
the other bodies a short form could be mistaken for kept apart. Invented sentences."""

from __future__ import annotations

import pytest
from extracted import speakers

from newstui.nlp import Extractor


def _orgs(extractor: Extractor, text: str) -> dict[str, list[str]]:
    """Each ORG found in `text` by name, with the text of its mentions."""
    return {
        e.name: [m.text for m in e.mentions]
        for e in extractor.analyse(text).entities
        if e.type == "ORG"
    }


@pytest.mark.parametrize(
    ("text", "full", "short"),
    [
        (  # a country's capitals before the body's name
            "The U.S. Senate voted on the bill on Tuesday. Later that day the Senate adjourned"
            " until May.",
            "U.S. Senate",
            "Senate",
        ),
        (
            "The UK Parliament met in March. Two weeks later Parliament rose for the summer.",
            "UK Parliament",
            "Parliament",
        ),
        (  # "X Department" for "Department of X"
            "The United States Department of Agriculture paid the farmers. A week later the"
            " Agriculture Department said it would pay again.",
            "United States Department of Agriculture",
            "Agriculture Department",
        ),
        (  # "X Ministry" for "Ministry for X Affairs"
            "Officials of the Norwegian Ministry for Foreign Affairs met on Monday. The Foreign"
            " Ministry later issued a note.",
            "Ministry for Foreign Affairs",  # rules-52: the nationality is a group beside it
            "Foreign Ministry",
        ),
        (  # a word's stem for the word
            "Mr Tallow owed money to the Ruritanian Taxation Office for years. The Tax Office"
            " sued him in June.",
            "Ruritanian Taxation Office",
            "Tax Office",
        ),
        (  # the town left out
            "The Marlow City Council voted to close the pool. The City Council will meet again"
            " on Friday.",
            "Marlow City Council",
            "City Council",
        ),
        (  # a leading word left out
            "The Independent Boundary Commission published its map. Boundary Commission staff"
            " said the map was final.",
            "Independent Boundary Commission",
            "Boundary Commission",
        ),
        (  # a party by its nationality's name
            "Dana Hurst leads the Canadian Harvest Party. Hurst said the Harvest Party would"
            " win four seats.",
            "Canadian Harvest Party",
            "Harvest Party",
        ),
        (  # the words after the body's "of" (round 42: fresh text read "the Lords" apart)
            "Ruth Vane spoke in the House of Wardens on Monday. She told the Wardens that the"
            " bill was vital.",
            "House of Wardens",
            "Wardens",
        ),
        (
            "The Department of Rural Affairs ran the events. Rural Affairs officials said staff"
            " would attend.",
            "Department of Rural Affairs",
            "Rural Affairs",
        ),
        (  # a listed company by the word before its line of business (round 42)
            "Cisco Systems opened an office in Kelby. Cisco said it would hire 40 people.",
            "Cisco Systems",
            "Cisco",
        ),
    ],
)
def test_a_shorter_form_of_an_organisation_is_the_same_entity(
    extractor: Extractor, text: str, full: str, short: str
) -> None:
    orgs = _orgs(extractor, text)
    assert short not in orgs, orgs
    assert short in orgs.get(full, []), orgs  # the short form's mention is kept, pointing at it


def test_a_party_named_by_its_word_a_longer_name_and_its_fullest_name_is_one_entity(
    extractor: Extractor,
) -> None:
    text = (
        "The Canadian Harvest Party won. Members of the Harvest Party cheered. A spokesman for"
        " Harvest said the party would govern."
    )
    orgs = _orgs(extractor, text)
    assert "Harvest" not in orgs, orgs
    assert {"Harvest", "Harvest Party"} <= set(orgs["Canadian Harvest Party"]), orgs


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (  # a parent body named by the prefix
            "The UN Security Council met on Monday. The UN said aid would arrive soon.",
            ("UN", "UN Security Council"),
        ),
        (
            "The Senate Ethics Committee heard him. The Senate voted on Friday.",
            ("Senate", "Senate Ethics Committee"),
        ),
        (  # a US state's party, beside the national one
            "The Florida Democratic Party asked for a new vote. The Democratic Party said no.",
            ("Democratic Party", "Florida Democratic Party"),
        ),
        (  # a region's branch of a party, beside another branch
            "The Liberal Party in Tasmania lost. Ann Ruse leads the South Ruritanian Liberal Party.",
            ("Liberal Party", "South Ruritanian Liberal Party"),
        ),
        (  # a listed body and its unit (round 42: kept, as "Cisco Systems" is folded)
            "BBC News reported the fire. The BBC said its crew was safe.",
            ("BBC", "BBC News"),
        ),
        (  # the body another is "of"
            "The Council of the European Union agreed. The European Union will pay.",
            ("European Union", "Council of the European Union"),
        ),
    ],
)
def test_a_different_body_is_not_folded_into_a_longer_name(
    extractor: Extractor, text: str, kept: tuple[str, str]
) -> None:
    orgs = _orgs(extractor, text)
    assert set(kept) <= set(orgs), orgs


def test_a_short_form_two_longer_names_could_be_is_folded_into_neither(
    extractor: Extractor,
) -> None:
    text = (
        "The Ohio Supreme Court ruled first. The U.S. Supreme Court then took the case. The"
        " Supreme Court will hear it in May."
    )
    orgs = _orgs(extractor, text)
    assert "Supreme Court" not in orgs.get("Ohio Supreme Court", []), orgs
    assert "Supreme Court" not in orgs.get("U.S. Supreme Court", []), orgs


def test_a_quote_given_to_the_short_form_goes_to_the_organisation(extractor: Extractor) -> None:
    text = (
        "The United States Department of Agriculture paid the farmers.\n\n"
        '"We will pay again next year," the Agriculture Department said.'
    )
    assert speakers(extractor, text) == ["United States Department of Agriculture"]


def test_an_abbreviation_of_a_body_named_with_and_without_its_country_is_that_body(
    extractor: Extractor,
) -> None:
    text = (
        "The US Bureau of Mine Safety closed the pit. The Bureau of Mine Safety said it was"
        " unsafe. The BMS will inspect it again in May."
    )
    orgs = _orgs(extractor, text)
    assert "BMS" not in orgs, orgs
    assert {"Bureau of Mine Safety", "BMS"} <= set(orgs["US Bureau of Mine Safety"]), orgs


def test_the_word_before_of_in_a_body_s_name_taken_up_alone_is_that_body(
    extractor: Extractor,
) -> None:
    text = (
        "The House of Delegates voted 60-38 on Monday. Talks between the House and Senate had"
        " stalled before."
    )
    orgs = _orgs(extractor, text)
    assert "House" not in orgs, orgs
    assert "House" in orgs["House of Delegates"], orgs


def test_a_body_named_before_in_is_not_the_branch_named_with_a_place(extractor: Extractor) -> None:
    text = "Al-Zarqawi led Ruritanian Front in Iraq. Ruritanian Front claimed the attack in Jordan."
    orgs = _orgs(extractor, text)
    assert "Ruritanian Front" not in orgs.get("Ruritanian Front in Iraq", []), orgs


def test_a_known_body_word_after_the_one_body_it_heads_is_that_body(extractor: Extractor) -> None:
    text = (
        "Ann Lee presented the rule to the Zambian National Congress in May. The resolution,"
        " adopted by the Congress, asked for a new vote."
    )
    orgs = _orgs(extractor, text)
    assert "Congress" not in orgs, orgs
    assert "Congress" in orgs["Zambian National Congress"], orgs
