"""Entity types of rules-18 (issue 10): error classes found on the readable Wikinews sets and
the shared unannotated articles, each pinned by invented sentences."""

from __future__ import annotations

import pytest


def _entities(extractor, text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extractor.analyse(text).entities}


def test_a_clinic_or_a_care_centre_is_a_place_like_a_hospital(extractor) -> None:
    found = _entities(extractor, "She was treated at the Harlow Clinic in Dunmore for a month.")
    assert ("Harlow Clinic", "PLACE") in found
    found = _entities(extractor, "He moved into the Pellridge Care Center, where he died.")
    assert ("Pellridge Care Center", "PLACE") in found
    found = _entities(extractor, "Patients queued outside the Marsh Valley Clinics on Monday.")
    assert ("Marsh Valley Clinics", "PLACE") in found


def test_a_stock_ticker_in_brackets_is_no_organisation(extractor) -> None:
    text = "The list includes Quorvane (QVNE), Telmarch (TMH) and two others, the report said."
    found = _entities(extractor, text)
    assert not any(name in ("QVNE", "TMH") for name, _ in found)
    found = _entities(extractor, "Korvex shares (KRVX) fell 5% in late trading on Monday.")
    assert not any(name == "KRVX" for name, _ in found)
    found = _entities(extractor, "Halden Motors (NYSE: HLM) said its profit rose.")
    assert ("Halden Motors", "ORG") in found
    assert not any(name == "HLM" for name, _ in found)
    found = _entities(extractor, "It was sold to Parrow & Co, (PRW) for $4 million.")
    assert not any(name == "PRW" for name, _ in found)


def test_an_abbreviation_defined_after_a_name_and_used_again_stays(extractor) -> None:
    text = "The Northern Water Board (NWB) met on Monday. NWB officials said rates would rise."
    assert ("Northern Water Board", "ORG") in _entities(extractor, text)
    text = "Readers of Notes from Kestrel (NFK) saw the study first."
    assert ("NFK", "ORG") in _entities(extractor, text)  # a longer name's abbreviation
    text = "Delmar Motor Company (DMC) said sales fell."
    assert ("Delmar Motor Company", "ORG") in _entities(extractor, text)
    text = (
        "Officials at Rosvodkanal (RVK) said the pipes burst. RVK said repairs would take a week."
    )
    assert any(name in ("RVK", "Rosvodkanal") for name, _ in _entities(extractor, text))


def test_the_one_told_as_the_something_is_an_outlet_or_a_body(extractor) -> None:
    found = _entities(extractor, "Ola Brenn told the Kelmouth Clarion in an interview on Monday.")
    assert ("Kelmouth Clarion", "ORG") in found
    text = 'Ann Moss, a senator, was telling the Dunmore Independent: "We will see."'
    assert ("Dunmore Independent", "ORG") in _entities(extractor, text)


def test_a_name_told_with_no_given_name_is_no_person_unless_confirmed(extractor) -> None:
    found = _entities(extractor, 'Moss told Vesti Kelma: "He is ill."')
    assert not any(kind == "PERSON" and "Kelma" in name for name, kind in found)
    text = 'Moss told Kaveh Baran: "He is ill." Baran said he agreed.'
    assert ("Kaveh Baran", "PERSON") in _entities(extractor, text)


def test_a_given_name_after_the_and_before_no_noun_names_no_person(extractor) -> None:
    text = "According to documents obtained by the Austin Courier-Ledger, the plan failed."
    assert not any(kind == "PERSON" for _, kind in _entities(extractor, text))
    text = "She starred in the James Cagney film Love Me or Leave Me."
    assert ("James Cagney", "PERSON") in _entities(extractor, text)


def test_the_name_after_a_role_for_a_body_and_a_comma_is_the_person_in_the_role(
    extractor,
) -> None:
    text = "A spokeswoman for the Kelmouth Gaming Commission, Marta Olsen-Vray, said it was legal."
    found = _entities(extractor, text)
    assert ("Marta Olsen-Vray", "PERSON") in found
    assert ("Kelmouth Gaming Commission", "ORG") in found
    text = "It is a milestone, said the chairman of the auto firm, Ravi Tandel, on Monday."
    assert ("Ravi Tandel", "PERSON") in _entities(extractor, text)
    text = "Ann Lee, head of the copper commission, Cochilco, said output fell."
    assert ("Cochilco", "ORG") in _entities(extractor, text)


def test_a_given_name_and_surname_that_report_are_a_reporter(extractor) -> None:
    found = _entities(extractor, "Radio Kelm's David Morrow reports from the capital.")
    assert ("David Morrow", "PERSON") in found
    found = _entities(extractor, "The Kelmouth Clarion reported that the mill would close.")
    assert ("Kelmouth Clarion", "ORG") in found


def test_a_places_government_capitalised_is_an_organisation(extractor) -> None:
    found = _entities(extractor, "Today the Kelmish Government announced a surplus.")
    assert ("Kelmish Government", "ORG") not in found  # no known place or people before it
    found = _entities(extractor, "The New Zealand Government announced a record surplus.")
    assert ("New Zealand Government", "ORG") in found
    found = _entities(extractor, "The Western Australian Government has set new rules.")
    assert ("Western Australian Government", "ORG") in found
    found = _entities(extractor, "Ministers of the Howard Government met on Monday.")
    assert not any(kind == "ORG" for _, kind in found)  # a leader's government
    found = _entities(extractor, "The Australian government said it was neutral.")
    assert ("Australian", "GROUP") in found  # lower case: the country's, no name


# A body's head noun after a comma ("…, the company which") or right after the name.
BODIES_BY_THEIR_NOUN = [
    ("Kestrix", "Kestrix, the company which runs the network, said it would close it."),
    ("Marlo", "Workers lost jobs at Marlo, the main Danish provider of dairy products."),
    ("Paw Watch", "Fans gave money to Paw Watch, a non-profit rescue organization in Ontario."),
    ("Kelso Pizza", "New Zealand's Kelso Pizza company sparked a storm of protest."),
    ("Vantor World", "The loan lets the state-owned Vantor World conglomerate repay its debt."),
    ("Jamaat Kelmiya", "The suspects were linked to the Jamaat Kelmiya network, police said."),
]


@pytest.mark.parametrize(("name", "text"), BODIES_BY_THEIR_NOUN)
def test_a_name_described_by_a_bodys_noun_is_an_organisation(extractor, name, text) -> None:
    assert (name, "ORG") in _entities(extractor, text)


def test_a_person_described_by_a_bodys_noun_stays_a_person(extractor) -> None:
    for text in (
        "Ann Lee, a member of the charity, said the money was gone.",
        "Ann Lee, an airline pilot, said the runway was wet.",
        "Ann Lee, the company's founder, said sales fell.",
    ):
        found = _entities(extractor, text)
        assert ("Ann Lee", "PERSON") in found
        assert not any(kind == "ORG" for _, kind in found)


def test_a_known_place_after_a_title_or_with_another_place_stays_a_place(extractor) -> None:
    for text in (
        "He had access to the documents and to the President of the United States.",
        "The group is banned in both the United States and United Kingdom.",
    ):
        found = _entities(extractor, text)
        assert ("United States", "PLACE") in found
        assert not any(kind == "ORG" for _, kind in found)
    text = "Ryan Marsh of the Harvard–Smithsonian Center for Astrophysics said so."
    assert ("Harvard", "ORG") not in _entities(extractor, text)
    text = "The Governor of the Bank of England spoke on Monday."
    assert ("Bank of England", "ORG") in _entities(extractor, text)


def test_capitals_before_a_persons_description_name_a_body(extractor) -> None:
    text = "Speaking to KBNC, the head of the trade body, Ola Brenn said talks would go on."
    found = _entities(extractor, text)
    assert ("KBNC", "ORG") in found
    assert ("Ola Brenn", "PERSON") in found


def test_outlets_and_publishers_described_or_named_by_their_head_are_bodies(extractor) -> None:
    for name, text in (
        ("Daily Clarion", "On Tuesday the Daily Clarion, a British tabloid, ran the story."),
        ("Vostra Publishers", "He founded a publishing house called Vostra Publishers in 1977."),
    ):
        assert (name, "ORG") in _entities(extractor, text)


def test_an_examiner_before_a_name_is_an_office_not_a_newspaper(extractor) -> None:
    for text in (
        "Examiner Jane Lowe said the death was an accident.",
        "Medical Examiner Jane Lowe said the death was an accident.",
    ):
        assert _entities(extractor, text) == {("Jane Lowe", "PERSON")}
    text = "San Francisco Examiner editor Jane Lowe said the paper would close."
    assert ("San Francisco Examiner", "ORG") in _entities(extractor, text)


def test_a_given_name_before_company_stays_a_person(extractor) -> None:
    found = _entities(extractor, "Ann Lee company director Bo Kett said sales fell.")
    assert ("Ann Lee", "ORG") not in found


@pytest.mark.parametrize(
    ("body", "person", "text"),
    [
        (
            "Kelby Marr",
            "Ola Brenn",
            "Head of research at Kelby Marr, Ola Brenn, said it had fallen.",
        ),
        (
            "Tullow Preme",
            "Ann Lee",
            "The head of markets at Tullow Preme, Ann Lee, observed a fall.",
        ),
        (
            "Hudson Vale Research",
            "Daniel Kett",
            "Daniel Kett, with Hudson Vale Research, remarked on it.",
        ),
    ],
)
def test_where_a_named_person_works_is_an_organisation(extractor, body, person, text) -> None:
    found = _entities(extractor, text)
    assert (body, "ORG") in found
    assert (person, "PERSON") in found
