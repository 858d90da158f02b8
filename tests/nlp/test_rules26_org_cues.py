"""Organisations of rules-26 (issue 10): bodies typed by the words around them in the article,
classes found by reading unannotated open-pool Wikinews articles, each pinned by invented
sentences."""

from __future__ import annotations

import pytest
from extracted import check_names


@pytest.mark.parametrize(
    ("text", "body", "absent"),
    [
        ("Delegates of the Borvak Union party walked out on Monday.", "Borvak Union", ()),
        ("He was held by the Islamist Qaryat Sahil group for a month.", "Qaryat Sahil", ()),
        ("The ruling Mendar Alliance party lost its majority.", "Mendar Alliance", ()),
        ("His Vento Nuovo party came third in the vote.", "Vento Nuovo", ()),
        ("Police blamed the rival Kelmat faction for the attack.", "Kelmat", ()),
        (
            "The station was bought by the Tamsin Lowe group last year.",
            "Tamsin Lowe",
            ("Tamsin Lowe", "PERSON"),
        ),
        ("Ana Rojas, PLD party leader, spoke first.", "PLD", ()),
    ],
)
def test_name_before_party_or_group_is_that_body(extractor, text, body, absent) -> None:
    check_names(extractor, text, [(body, "ORG")], absent=[absent] if absent else [])


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a party's adjective: the sets type it by its use (GROUP), never ORG from "party"
        ("Voters left the Green party in droves.", ("Green", "ORG")),
        ("Two members of the Liberal party resigned.", ("Liberal", "ORG")),
        # a people's word in -i: the sets write "the Houthi movement" whole, or type it GROUP
        ("Fighters of the Qatani movement took the port.", ("Qatani", "ORG")),
        # a sentence's capital, the end of a longer name, a list of headings
        ("Research group Tellwise said sales fell.", "Research"),
        ("He joined the Friends for Tomorrow movement.", "Tomorrow"),
        (
            "Prices of the Food, Drink and Other Goods group rose by 2%.",
            "Other Goods",
        ),
        # a person's own group
        ("Mr. Halvorsen's group left the talks.", ("Halvorsen", "ORG")),
    ],
)
def test_words_before_party_or_group_that_name_no_body(extractor, text, absent) -> None:
    check_names(extractor, text, absent=[absent])


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        (
            "The Norvelian Embassy in Caracas said it was in touch with the family.",
            ("Norvelian Embassy", "ORG"),
            "Norvelian",
        ),
        ("A Swedish Embassy spokesman declined to comment.", ("Swedish Embassy", "ORG"), "Swedish"),
        (
            "Students demonstrated outside the Danish Embassy on Friday.",
            ("Danish Embassy", "PLACE"),
            "Danish",
        ),
        (
            "A car bomb exploded near the Japanese Consulate in Basra.",
            ("Japanese Consulate", "PLACE"),
            "Japanese",
        ),
        (
            "Militants claimed the attack on the Spanish Embassy in the capital.",
            ("Spanish Embassy", "PLACE"),
            "Spanish",
        ),
        (
            "Protesters gathered outside the Irish Embassy. An Irish Embassy spokeswoman said "
            "the staff were safe.",
            ("Irish Embassy", "ORG"),
            ("Irish Embassy", "PLACE"),
        ),
    ],
)
def test_a_countrys_embassy_is_a_body_or_the_building(extractor, text, found, absent) -> None:
    check_names(extractor, text, [found], absent=[absent])


def test_the_embassy_alone_is_no_name(extractor) -> None:
    check_names(
        extractor,
        "The Finnish Embassy issued a warning. The Embassy said travel was unsafe.",
        [("Finnish Embassy", "ORG")],
        absent=["Embassy"],
    )


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("Farmers opposed the South Baltic Free Trade Agreement (SBFTA) on Tuesday.", "Agreement"),
        ("Interrogators must follow the Navy Field Manual, officials said.", "Manual"),
        ("The Andean Bank Protocol was signed in Quito.", "Protocol"),
        ("Security was tightened ahead of the Pacific Games in Apia.", "Games"),
    ],
)
def test_a_pact_a_manual_or_the_games_are_no_body(extractor, text, thing) -> None:
    typed = {(n, t) for n, t in _typed(extractor, text)}
    assert not {n for n, t in typed if t == "ORG" and n.endswith(thing)}, typed


def test_a_shop_named_games_stays_a_body(extractor) -> None:
    check_names(
        extractor, "Shoppers queued at Kestrel Games stores on Friday.", [("Kestrel Games", "ORG")]
    )


def _typed(extractor, text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extractor.analyse(text).entities}


@pytest.mark.parametrize(
    "text",
    [
        "Valtrix's share price fell by a third this year.\n\nValtrix said on Monday that sales "
        "would recover by the spring.",
        "Orvane spokesman Ann Lee declined to comment.\n\nOrvane said it would appeal.",
    ],
)
def test_a_company_opening_a_sentence_with_said_stays_a_company(extractor, text) -> None:
    name = text.split("'")[0].split()[0]
    check_names(extractor, text, [(name, "ORG")], absent=[(name, "PERSON")])


def test_an_unknown_name_saying_something_is_still_a_person(extractor) -> None:
    check_names(
        extractor,
        "Valtrix's share price fell.\n\nMarrow said the firm would recover.",
        [("Marrow", "PERSON")],
    )


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "The director of Operation Nightlight, a Leeds-based advocacy group for veterans, "
            "resigned.",
            "Operation Nightlight",
        ),
        (
            "Its president, Ann Lee, spoke for the Harbour Roundtable, an association of 40 firms.",
            "Harbour Roundtable",
        ),
        ("The attack was blamed on Jaish-e-Noor, a group based in the hills.", "Jaish-e-Noor"),
    ],
)
def test_a_name_described_as_a_group_or_association_is_a_body(extractor, text, body) -> None:
    check_names(extractor, text, [(body, "ORG")])


def test_the_end_of_a_name_after_its_and_is_not_the_body(extractor) -> None:
    check_names(
        extractor,
        "Paul Roux of Entraide et Lumière AF88, a support group for families, spoke.",
        absent=[("Lumière AF88", "ORG")],
    )


def test_an_acronym_written_as_a_word_is_the_known_body(extractor) -> None:
    check_names(
        extractor,
        "The jets flew in airspace patrolled by Nato, officials said. Unicef sent food.",
        [("Nato", "ORG"), ("Unicef", "ORG")],
    )


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Protesters met at the offices of Friends of Harbour Row on Main Street.",
            "Friends of Harbour Row",
        ),
        ("Former employees of Skarvik claim €14 million in unpaid wages.", "Skarvik"),
        ("The staff of Telvano were told on Monday.", "Telvano"),
    ],
)
def test_a_name_with_staff_or_offices_is_a_body(extractor, text, body) -> None:
    check_names(extractor, text, [(body, "ORG")])
