"""Entity errors of rules-9 fixed in rules-10 (issue 10): general forms, each pinned by invented examples."""

from __future__ import annotations

import pytest
from extracted import check_names, entity_names, typed_names


def test_ranks_and_posts_are_not_organisations(extractor) -> None:
    text = (
        "Brenna Tolley holds the Regional Chess Master title and the Woman Candidate Master (WCM) "
        "title; WCM is the lower one. Study co-author and Harwell Trust Senior Research Fellow "
        "Martin Pell said the result was new. Rail Board Divisional Operations Manager Ada Kray "
        "agreed, and Quillport Party Vice Chairman Dov Lint said so too."
    )
    names = entity_names(extractor, text)
    for rank in (
        "Regional Chess Master",
        "Woman Candidate Master",
        "WCM",
        "Harwell Trust Senior Research Fellow",
        "Rail Board Divisional Operations Manager",
    ):
        assert rank not in names
    assert not any(name.endswith("Vice") for name in names)
    assert ("Martin Pell", "PERSON") in typed_names(extractor, text)


def test_schemes_systems_and_days_are_not_organisations(extractor) -> None:
    text = (
        "The goal of Tarnwick's Lunar Cargo Program is a landing by 2031. Ships report through the "
        "Harbour Position Reporting System (HPRS); HPRS data showed the ship. Marches were held on "
        "Global Harvest Day and during the Quillport Reading Days."
    )
    names = entity_names(extractor, text)
    for thing in (
        "Lunar Cargo Program",
        "Harbour Position Reporting System",
        "HPRS",
        "Global Harvest Day",
        "Quillport Reading Days",
    ):
        assert thing not in names


def test_a_person_named_like_a_day_is_still_a_person(extractor) -> None:
    assert ("Doris Day", "PERSON") in typed_names(extractor, "Doris Day sang the song in 1956.")


def test_an_interviewers_initials_as_a_transcript_label_name_no_one(extractor) -> None:
    text = (
        "Ann Merrow spoke to the Tarnwick Daily about her campaign.\n\n"
        "((TDM))  Why did you join the Harwell Reform League?\n\n"
        "((Ann Merrow))  It asked the right questions.\n\n"
        "((TDM))  And now?"
    )
    found = typed_names(extractor, text)
    assert "TDM" not in {name for name, _ in found}
    assert ("Ann Merrow", "PERSON") in found
    assert ("Harwell Reform League", "ORG") in found


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        pytest.param(
            "The band joined the Quillport Rock & Roll Hall of Fame in May.",
            {("Quillport Rock & Roll Hall of Fame", "ORG")},
            set(),
            id="a_hall_of_fame_is_an_organisation_not_a_place",
        ),
        pytest.param(
            "The Regional Committee on Nomenclature of Mosses named the plant on Friday.",
            {("Regional Committee on Nomenclature of Mosses", "ORG")},
            set(),
            id="a_body_on_a_subject_keeps_its_of",
        ),
        pytest.param(
            (
                "In findings published earlier this month in Coastal Ecology Letters, scientists said the "
                "reef was shrinking; a study published on Monday in Harwell Reports agreed. A report "
                "published by police in Tarnwick Vale disagreed."
            ),
            {("Coastal Ecology Letters", "ORG"), ("Harwell Reports", "ORG")},
            {("Tarnwick Vale", "ORG")},
            id="a_journal_published_in_is_an_organisation_when_the_date_comes_between",
        ),
    ],
)
def test_names_are_found_with_their_types(extractor, text, found, absent) -> None:
    check_names(extractor, text, found, absent)


def test_the_brief_after_secretary_of_or_minister_for_is_no_organisation(extractor) -> None:
    text = (
        "Ann Merrow, the Secretary of Fisheries, and Dov Lint, the Minister for Tourism, met on "
        "Monday. The Secretary General of NATO was there."
    )
    found = typed_names(extractor, text)
    assert not {"Fisheries", "Tourism"} & {name for name, _ in found}
    assert ("NATO", "ORG") in found


def test_a_name_with_and_stays_whole_before_its_possessive(extractor) -> None:
    text = (
        "The Harbour and Fisheries Authority's chief said the Quillport Parks and Gardens "
        "Department’s plan was late."
    )
    found = typed_names(extractor, text)
    assert ("Harbour and Fisheries Authority", "ORG") in found
    assert ("Quillport Parks and Gardens Department", "ORG") in found
    assert not {"Harbour", "Fisheries Authority"} & {name for name, _ in found}


def test_lodges_inns_and_taverns_are_places(extractor) -> None:
    text = (
        "Ann Merrow, owner of Tarnwick Valley Game Lodge near Quillport, was found at Brennock "
        "Lodge & Tavern, a hostel, and later moved to the Old Quay Inn."
    )
    found = typed_names(extractor, text)
    for place in ("Tarnwick Valley Game Lodge", "Brennock Lodge & Tavern", "Old Quay Inn"):
        assert (place, "PLACE") in found


def test_the_word_after_a_transcript_label_opens_a_sentence(extractor) -> None:
    text = (
        "Ann Merrow spoke to the Tarnwick Daily about the ISIS attacks.\n\n"
        "((TDM))  Is the Harwell plan late?\n\n"
        "((Ann Merrow))  As I said, it is.\n\n"
        "((TDM))  Oh, why?"
    )
    names = entity_names(extractor, text)
    assert not {"Is", "As I", "Oh"} & names
    assert "ISIS" in names


def test_products_and_their_editions_are_not_organisations(extractor) -> None:
    text = (
        "Tarnwick Soft said Harbour Desk XP runs on Quill OS X, and Fleet Commander X (FCX) on "
        "Brennock Enterprise Linux. FCX sold well."
    )
    names = entity_names(extractor, text)
    for product in (
        "Harbour Desk XP",
        "Quill OS X",
        "Fleet Commander X",
        "Brennock Enterprise Linux",
    ):
        assert product not in names


def test_an_office_adjective_before_a_lower_case_noun_is_no_organisation(extractor) -> None:
    text = "He lost the 2012 UK Parliamentary by-election and the 1998 US Congressional race."
    names = entity_names(extractor, text)
    assert not {"UK Parliamentary", "US Congressional"} & names


def test_a_person_interviewed_is_no_outlet(extractor) -> None:
    text = "In an interview with Maria Kettleby, Lint said the plan was sound."
    assert ("Maria Kettleby", "PERSON") in typed_names(extractor, text)
    text = "In an interview with Quill Weekly, Lint said the plan was sound."
    assert ("Quill Weekly", "ORG") in typed_names(extractor, text)


def test_the_holder_of_an_office_of_a_body_is_a_person_of_their_own(extractor) -> None:
    text = (
        "Speaker of the Assembly Maria Kettleby and Director of Coastal Resilience John "
        "Pellow met on Monday. Pellow said the wall would hold."
    )
    found = typed_names(extractor, text)
    assert ("Maria Kettleby", "PERSON") in found
    assert ("John Pellow", "PERSON") in found
    assert not any(
        name.endswith(("Maria Kettleby", "John Pellow")) and kind != "PERSON"
        for name, kind in found
    )


def test_religions_and_deities_are_not_places(extractor) -> None:
    text = (
        "Ann Merrow left Islam in 2015 and no longer believes in God. Her brother converted to "
        "Christianity in Kelmouth."
    )
    names = entity_names(extractor, text)
    assert not {"Islam", "God", "Christianity"} & names
    assert "Ann Merrow" in names


def test_a_law_named_in_words_is_not_an_organisation(extractor) -> None:
    text = (
        "The Quillport Port Authority says Kelmouth does not take International Trade Law "
        "seriously."
    )
    found = typed_names(extractor, text)
    assert "International Trade Law" not in {name for name, _ in found}
    assert ("Quillport Port Authority", "ORG") in found


def test_a_guilds_hall_is_one_place(extractor) -> None:
    text = "A man attacked guests at Ropemakers' Hall in Kelmouth, then fled over the bridge."
    found = typed_names(extractor, text)
    assert ("Ropemakers' Hall", "PLACE") in found
    assert "Hall" not in {name for name, _ in found}


def test_the_field_of_a_prize_or_a_degree_is_not_a_place(extractor) -> None:
    text = "Ann Merrow won the Harwell Prize in Geomatics and holds a degree in Oceanics."
    names = entity_names(extractor, text)
    assert not {"Geomatics", "Oceanics"} & names


def test_an_office_without_a_name_is_no_person(extractor) -> None:
    text = (
        "One of Tarnwick's Vice Presidents, Ann Merrow, also commented. Being the Chief "
        "Technical Officer of the project is hard, said Dov Lint. The Technical Officer works late."
    )
    found = typed_names(extractor, text)
    assert not {"Vice Presidents", "Technical Officer"} & {name for name, _ in found}
    assert ("Ann Merrow", "PERSON") in found
    assert ("Dov Lint", "PERSON") in found
