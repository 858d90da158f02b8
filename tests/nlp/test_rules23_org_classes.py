"""Organisations of rules-23 (issue 10): ORG error classes found on the readable Wikinews sets,
each pinned by invented sentences."""

from __future__ import annotations

import pytest
from extracted import check_names


@pytest.mark.parametrize(
    "text",
    [
        "The bill passed the Senate on Monday. It now goes to the House, where it faces a vote.",
        "The inquiry was asked for by 41 House members and 12 senators.",
        "Opponents spoke against it on the House floor for six hours.",
        "Aides said the House version of the bill sets no date for a vote.",
        "Labour grew its majority in the House to 61, the poll of parliament seats showed.",
    ],
)
def test_house_alone_beside_a_legislature_is_its_lower_chamber(extractor, text) -> None:
    check_names(extractor, text, [("House", "ORG")])


@pytest.mark.parametrize(
    "text",
    [
        "The family sold the House to a developer in May.",  # a building: no legislature named
        "She spoke to the House of Commons on Tuesday, and the House rose at ten.",  # short form
        "Senators toured the house. They met at the House.",  # a building
    ],
)
def test_house_as_a_building_or_a_short_form_is_no_chamber(extractor, text) -> None:
    check_names(extractor, text, absent=[("House", "ORG")])


@pytest.mark.parametrize(
    ("text", "paper"),
    [
        (
            "The story ran in two broadsheets, The Sydney Morning Herald and The Australian, "
            "on Friday.",
            "The Australian",
        ),
        ("A column in The Scotsman said the plan would fail.", "The Scotsman"),
    ],
)
def test_a_capital_the_before_a_peoples_word_mid_sentence_is_a_newspaper(
    extractor, text, paper
) -> None:
    check_names(extractor, text, [(paper, "ORG")], ["The"])


def test_a_peoples_plural_after_a_capital_the_is_no_newspaper(extractor) -> None:
    text = "Voters backed Labor and The Greens in the inner city."
    check_names(extractor, text, absent=[("The Greens", "ORG"), "The"])


@pytest.mark.parametrize(
    ("text", "name", "fragment"),
    [
        (
            "Savers queued outside regional lender Northern Shield on Friday.\n\n"
            "Northern Shield, based in Leeds, said every account was safe.",
            "Northern Shield",
            "Shield",
        ),
        (
            "Shares in Northern Anvil fell 30%.\n\nNorthern Anvil chief executive Ann Orrow "
            "resigned.",
            "Northern Anvil",
            "Anvil",
        ),
    ],
)
def test_a_common_word_opening_a_sentence_stays_in_a_name_written_so_mid_sentence(
    extractor, text, name, fragment
) -> None:
    check_names(extractor, text, [(name, "ORG")], [fragment])
    (entity,) = [e for e in extractor.analyse(text).entities if e.name == name]
    assert [m.text for m in entity.mentions] == [name, name]


def test_a_common_word_opening_sentences_only_is_still_dropped(extractor) -> None:
    text = "Fresh Anvil bakes bread, the owners said. Fresh Anvil loaves sell out by noon."
    check_names(extractor, text, absent=["Fresh Anvil"])


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Madrid offered talks to the separatist group ETA. ETA had called a ceasefire.",
            "ETA",
        ),
        ("Aid rose, said the campaign group ONE. ONE asked for more.", "ONE"),
    ],
)
def test_capitals_spelling_a_common_word_after_a_bodys_noun_are_that_body(
    extractor, text, body
) -> None:
    check_names(extractor, text, [(body, "ORG")])


def test_capitals_spelling_a_common_word_with_no_bodys_noun_are_no_body(extractor) -> None:
    check_names(extractor, "The flight's ETA is noon, the airline said.", absent=["ETA"])


def test_a_firm_named_after_its_founder_is_named_again_by_the_surname(extractor) -> None:
    text = (
        "A court cleared the accounting firm Harold Brenning LLP on Monday. The verdict put "
        "Brenning out of business, and Brenning's shareholders lost everything."
    )
    check_names(extractor, text, [("Harold Brenning LLP", "ORG")], ["Brenning"])
    (firm,) = [e for e in extractor.analyse(text).entities if e.name == "Harold Brenning LLP"]
    assert [m.text for m in firm.mentions] == ["Harold Brenning LLP", "Brenning", "Brenning"]
