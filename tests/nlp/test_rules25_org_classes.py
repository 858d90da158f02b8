"""Organisations of rules-25 (issue 10): ORG error classes found by reading unannotated open-pool
Wikinews articles, each pinned by invented sentences."""

from __future__ import annotations

import pytest
from extracted import check_names


@pytest.mark.parametrize(
    ("text", "outlet", "not_found"),
    [
        ("Ms Okafor told the Sunday Herald that the plant would close.", "Sunday Herald", ()),
        (
            "The minister told the Globe and Lantern: the figures are wrong.",
            "Globe and Lantern",
            (),
        ),
        (
            "A casino owner told the Kansas City Review-Journal.",
            "Kansas City Review-Journal",
            ("Kansas City", "PLACE"),
        ),
        ("One nurse told the Kestrel newsmagazine that two patients died.", "Kestrel", ()),
        (
            'A trader told the Radio Marlow of Tuvalu news agency "prices rose".',
            "Radio Marlow of Tuvalu",
            ("Tuvalu", "PLACE"),
        ),
    ],
)
def test_name_told_at_the_end_of_a_clause_is_an_outlet(extractor, text, outlet, not_found) -> None:
    check_names(extractor, text, [(outlet, "ORG")], absent=[not_found] if not_found else [])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("He told the President of Peru, Ana Rojas, to wait.", ("Peru", "PLACE")),
        ("The panel told the United States today that it should act.", ("United States", "PLACE")),
        ("She told the Tibetan people not to give up.", ("Tibetan", "GROUP")),
        ("A soldier told the Australian news agency that it was quiet.", ("Australian", "GROUP")),
    ],
)
def test_office_place_or_people_told_is_no_outlet(extractor, text, kept) -> None:
    name = kept[0]
    check_names(
        extractor,
        text,
        [kept],
        absent=[(name, "ORG"), ("President of Peru", "ORG"), ("Tibetan people", "ORG")],
    )


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (
            "What do you think of the single transferable vote system (STV) referendum? STV is fair.",
            "STV",
        ),
        (
            "What do you think of the instant runoff voting method (IRV) referendum? IRV is fair.",
            "IRV",
        ),
    ],
)
def test_abbreviation_of_lower_case_words_opening_with_its_letter_is_a_term(
    extractor, text, term
) -> None:
    check_names(extractor, text, absent=[term])


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The state water authority (SWA) said prices will rise. SWA also cut staff.", "SWA"),
        ("Iraqi special forces (ISF) took the town. ISF said three died.", "ISF"),
    ],
)
def test_abbreviation_of_a_body_in_lower_case_stays_a_body(extractor, text, body) -> None:
    check_names(extractor, text, [(body, "ORG")])


@pytest.mark.parametrize(
    ("text", "body", "absent"),
    [
        (
            "Activists from Students for a Free Kelmouth unfurled a banner.",
            "Students for a Free Kelmouth",
            "Free Kelmouth",
        ),
        (
            "He founded a committee known as Texans for a Republican Majority, which raised funds.",
            "Texans for a Republican Majority",
            ("Texans", "GROUP"),
        ),
        (
            "The Democrats for a New Kelmouth group met on Monday.",
            "Democrats for a New Kelmouth",
            ("Democrats", "GROUP"),
        ),
    ],
)
def test_people_for_a_cause_is_one_body(extractor, text, body, absent) -> None:
    check_names(extractor, text, [(body, "ORG")], absent=[absent])


@pytest.mark.parametrize(
    "text",
    [
        "Airbus lost to Boeing for a US Air Force contract.",  # a known name after "for a"
        "The song 'Time for a Change' topped the charts.",  # a title in quotation marks
    ],
)
def test_for_a_between_other_names_joins_nothing(extractor, text) -> None:
    names = {e.name for e in extractor.analyse(text).entities}
    assert not any(" for a " in name for name in names), names


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Hundreds of marchers from Zarqa, a movement against a fifth term, gathered in the "
            "square. Police held 19 members of Zarqa.",
            "Zarqa",
        ),
        ("Otpor, a student movement, led the protests in the capital.", "Otpor"),
    ],
)
def test_name_described_as_a_movement_is_a_body(extractor, text, body) -> None:
    check_names(extractor, text, [(body, "ORG")])


def test_person_described_as_a_movement_leader_stays_a_person(extractor) -> None:
    check_names(extractor, "Ann Lee, a movement leader, spoke on Monday.", [("Ann Lee", "PERSON")])
