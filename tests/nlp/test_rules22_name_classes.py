"""People of rules-22 (issue 10): name classes found on the readable Wikinews sets, each pinned
by invented sentences (no article text)."""

from __future__ import annotations

import pytest
from extracted import check_names


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The council had dealings with Zuhair Hassan before the war.", "Zuhair Hassan"),
        ("Documents from the office of Qusai Ibrahim were found in the vault.", "Qusai Ibrahim"),
        (
            "She resigned in May. Ottilie Morris co-owns the bakery with her sister.",
            "Ottilie Morris",
        ),
    ],
)
def test_an_unknown_word_then_a_given_name_is_a_person(extractor, text, person) -> None:
    # a given name is as often a surname (a father's name, "Hussein"; an English one, "Morris")
    check_names(extractor, text, [(person, "PERSON")])


def test_the_start_of_a_longer_name_is_no_person_of_its_own(extractor) -> None:
    text = (
        "Officials mourned Ellamae Frances Dorsey on Monday. Ellamae Frances was born in 1931 "
        "near the river."
    )
    check_names(extractor, text, [("Ellamae Frances Dorsey", "PERSON")], ["Ellamae Frances"])


def test_a_quoted_phrase_ending_in_a_given_name_is_no_person(extractor) -> None:
    text = 'The banner read "Zindabad Ali" and the crowd cheered.'
    check_names(extractor, text, absent=[("Zindabad Ali", "PERSON")])


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Shi'ite families fled the district after the raid.", "Shiite", "GROUP"),
        ("Shi’ites make up most of the town's people.", "Shiites", "GROUP"),
        ("The minister met Shi'a clerics in the city.", "Shia", "GROUP"),
        ("The raid was blamed on al-Qa'ida by the ministry.", "al-Qaida", "ORG"),
    ],
)
def test_a_known_name_spelled_with_an_apostrophe_inside_is_that_name(
    extractor, text, name, kind
) -> None:
    check_names(extractor, text, [(name, kind)])


def test_an_apostrophe_inside_an_unknown_name_keeps_it_as_written(extractor) -> None:
    check_names(extractor, "Mr O'Donnell said the plan would fail.", [("O'Donnell", "PERSON")])


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("She holds dual Dutch-Italian citizenship.", ["Dutch", "Italian"]),
        ("The mostly Sunni-Muslim town was calm on Friday.", ["Sunni", "Muslim"]),
        ("Both sides reopened the Lebanese-Syrian border crossing.", ["Lebanese", "Syrian"]),
        ("Talks on Greek-Turkish-Cypriot ties resumed.", ["Greek", "Turkish", "Cypriot"]),
    ],
)
def test_each_nationality_joined_by_a_hyphen_is_a_group(extractor, text, groups) -> None:
    check_names(extractor, text, [(g, "GROUP") for g in groups], ["-".join(groups)])


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("The Korean-Canadian actor signed autographs.", "Korean-Canadian"),
        ("Many African-American voters stayed home.", "African-American"),
    ],
)
def test_a_hyphenated_identity_stays_one_group(extractor, text, group) -> None:
    check_names(extractor, text, [(group, "GROUP")], [group.split("-")[0]])


def test_an_unknown_word_then_a_given_name_ending_the_text_before_a_blank_is_read(
    extractor,
) -> None:
    # the word after the pair's last mention is read: at the text's end there is none (an
    # IndexError stopped the whole analysis)
    check_names(
        extractor, "Police believe the man is Hambali Mohammad ", [("Hambali Mohammad", "PERSON")]
    )
