"""Organisations of rules-22 (issue 10): ORG error classes found on the readable Wikinews sets,
each pinned by invented sentences."""

from __future__ import annotations

import pytest
from extracted import check_names


@pytest.mark.parametrize(
    ("text", "body", "inner", "absent"),
    [
        (
            "Troops of the Arctic Council Nordic Union Patrol in Svalbard (ACNPS) arrived on "
            "Monday. The Nordic Union said ACNPS would stay a year.",
            "Arctic Council Nordic Union Patrol in Svalbard",
            "Nordic Union",
            ["ACNPS", "Patrol"],
        ),
        (
            "Aid reached the camps through the World Food Relief Agency Mission in Kivu "
            "(WFRMIK), officials said.",
            "World Food Relief Agency Mission in Kivu",
            None,
            ["WFRMIK", "Mission"],
        ),
    ],
)
def test_an_abbreviation_that_leaves_out_a_nested_body_names_the_whole(
    extractor, text, body, inner, absent
) -> None:
    found = [(body, "ORG")] + ([(inner, "ORG")] if inner else [])
    check_names(extractor, text, found, absent)


@pytest.mark.parametrize(
    ("text", "body", "abbreviation"),
    [
        (
            "Marc Vidal, head of the Fédération nationale des transports (FNT), called a strike. "
            "The FNT said it would last a week.",
            "Fédération nationale des transports",
            "FNT",
        ),
        (
            "Lawyers for the Asociación civil de abogados (ACA) filed the appeal.",
            "Asociación civil de abogados",
            "ACA",
        ),
    ],
)
def test_a_foreign_body_written_in_lower_case_keeps_its_whole_name(
    extractor, text, body, abbreviation
) -> None:
    check_names(extractor, text, [(body, "ORG")], [abbreviation])


@pytest.mark.parametrize(
    "text",
    [
        "The firm sold its Internet service provider (ISP) to a rival.",
        "Gross domestic product (GDP) fell by two percent.",
    ],
)
def test_an_english_term_in_brackets_is_still_no_body(extractor, text) -> None:
    abbreviation = text[text.index("(") + 1 : text.index(")")]
    check_names(extractor, text, [], [(abbreviation, "ORG")])


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "The memo was first published on the website kestrelnews.com on Monday.",
            "kestrelnews.com",
        ),
        (
            "Ann Orrow wrote in a column for lawdigest.org that the ruling was wrong.",
            "lawdigest.org",
        ),
        ("Supporters signed up at savethemarsh.org.uk, the group said.", "savethemarsh.org.uk"),
    ],
)
def test_an_outlet_named_by_a_lower_case_web_address_is_an_organisation(
    extractor, text, outlet
) -> None:
    check_names(extractor, text, [(outlet, "ORG")])


@pytest.mark.parametrize(
    "text",
    [
        "Police blocked Tom Vale's website tomvale.info on Friday. Visits to tomvale.info fell.",
        'Its name, "nolooking.info", was chosen as a joke, the founders said.',
        "Send questions to desk@kestrelnews.com or see http://kestrelnews.com/faq for details.",
    ],
)
def test_a_personal_page_a_quoted_address_or_a_link_is_no_organisation(extractor, text) -> None:
    names = {e.name for e in extractor.analyse(text).entities if e.type == "ORG"}
    assert not {n for n in names if "." in n and n[0].islower()}, names


@pytest.mark.parametrize(
    ("text", "body", "people"),
    [
        (
            "At the ceremony, the commander of the Lebanese Army Gen. Tarek Nour said they would stay.",
            "Lebanese Army",
            "Lebanese",
        ),
        (
            "He was accused of an attack on the home of the African National Congress "
            "Australian representative, Sipho Dlamini.",
            "African National Congress",
            "African",
        ),
        ("The Kenyan Navy said the ship had been freed.", "Kenyan Navy", "Kenyan"),
    ],
)
def test_a_peoples_word_opening_a_bodys_name_is_part_of_it(extractor, text, body, people) -> None:
    check_names(extractor, text, [(body, "ORG")], [(people, "GROUP")])


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        (
            "Mitch Hale, the Republican Senate Majority Leader, spoke first.",
            [("Senate", "ORG")],
            ["Republican Senate"],
        ),
        (
            "British Prime Minister Tony Blair met the press.",
            [("Tony Blair", "PERSON")],
            [("British Prime Minister", "ORG")],
        ),
    ],
)
def test_a_party_word_or_a_title_after_a_peoples_word_makes_no_body(
    extractor, text, found, absent
) -> None:
    check_names(extractor, text, found, absent)


def test_an_abbreviation_of_a_name_less_its_country_is_the_whole_name(extractor) -> None:
    text = (
        "The U.S. Department of Commerce (DOC) said exports rose. The DOC will publish the "
        "figures on Friday."
    )
    check_names(
        extractor, text, [("U.S. Department of Commerce", "ORG")], ["Department of Commerce", "DOC"]
    )


def test_an_abbreviation_in_square_brackets_is_defined_as_in_round_ones(extractor) -> None:
    text = (
        "Two Hungry Horse Burgers [HHB] outlets closed this week. HHB said it would reopen "
        "them in March."
    )
    check_names(extractor, text, [("Hungry Horse Burgers", "ORG")], ["HHB"])


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Ravi Desai was head of the Sarvak intelligence agency until 1990.", "Sarvak"),
        ("Members of the Tolvan opposition youth organization were arrested.", "Tolvan"),
        (
            "The name comes from the Blue Lantern dissident group, which opposed the regime.",
            "Blue Lantern",
        ),
    ],
)
def test_a_name_before_a_described_bodys_noun_is_that_body(extractor, text, body) -> None:
    check_names(extractor, text, [(body, "ORG")])


def test_a_name_right_before_movement_is_not_cut_from_it(extractor) -> None:
    text = "The attack was claimed by the Tarvi movement in the north."
    check_names(extractor, text, [], [("Tarvi", "ORG")])


def test_capitals_after_a_possessive_pronoun_are_a_thing_on_every_mention(extractor) -> None:
    text = (
        "Kestrel Mobile said its QRX customers would have 90 days to move. QRX has a longer "
        "range than the new network, and QRX phones will stop working in May."
    )
    check_names(extractor, text, [], [("QRX", "ORG")])
