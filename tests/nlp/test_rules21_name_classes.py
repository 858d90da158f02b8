"""People, places and groups of rules-21 (issue 10): name and type classes found on the readable
Wikinews sets, each pinned by invented sentences (no article text)."""

from __future__ import annotations

import pytest
from extracted import check_names


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Federal Liberal MP Dara Quill said the levy would pass.", "Liberal"),
        ("Ossie Brandt, a Democratic state senator from Elmford, voted against.", "Democratic"),
        ("Democratic leaders in the Senate met on Tuesday.", "Democratic"),
        ("Ivo Renner, the Liberal Democrat spokesman, called it a mistake.", "Liberal Democrat"),
    ],
)
def test_a_party_adjective_for_its_people_is_a_group(extractor, text, group) -> None:
    check_names(extractor, text, [(group, "GROUP")], [(group, "ORG"), (group, "PERSON")])


def test_a_party_adjective_inside_a_longer_name_is_that_name(extractor) -> None:
    text = (
        "The Democratic Unionist Party of Calder objected. The Liberal Democrats of Brennick "
        "abstained, and the League for a Liberal Tomorrow marched."
    )
    check_names(
        extractor,
        text,
        [("Democratic Unionist Party of Calder", "ORG"), ("League for a Liberal Tomorrow", "ORG")],
        ["Democratic", "Liberal", "Liberal Democrat"],
    )


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The envoy said the West should stop arming the rebels.", "West"),
        ("He accused the West of hypocrisy over the sanctions.", "West"),
        ("A bomb went off at a rally in the Northwest on Sunday.", "Northwest"),
        ("Testing rates were highest in the Northeastern and Midwestern states.", "Midwestern"),
        ("Testing rates were highest in the Northeastern and Midwestern states.", "Northeastern"),
    ],
)
def test_a_region_named_by_a_compass_point_is_a_place(extractor, text, place) -> None:
    check_names(extractor, text, [(place, "PLACE")], [(place, "PERSON")])


def test_a_compass_word_that_opens_a_longer_name_or_a_side_is_no_region(extractor) -> None:
    text = (
        "Troops left the West Bank on Monday. Ships kept off the South coast of Farrow, and "
        "talks with the North stalled."
    )
    check_names(extractor, text, [("West Bank", "PLACE")], ["West", "South", "North"])


@pytest.mark.parametrize(
    "text",
    [
        "Dana Quill of Velvet Lantern likened the riff to a storm.",
        "Guitarist Ossie Brandt of Copper Lantern said the tour was over.",
        "The singer Ann B. Kessel of Velvet Lantern, the band, left.",
    ],
)
def test_a_name_after_a_person_and_of_is_whom_they_belong_to(extractor, text) -> None:
    band = "Velvet Lantern" if "Velvet" in text else "Copper Lantern"
    check_names(extractor, text, [(band, "ORG")], [(band, "PERSON")])


def test_a_longer_name_after_a_person_and_of_is_not_cut(extractor) -> None:
    text = (
        "Tavin Orrow of Quiet Security and Investigations, a Kelford firm, said so. Mara Lisk "
        "of Open Frontier Finland agreed."
    )
    check_names(extractor, text, [], [("Quiet Security", "ORG"), ("Open Frontier", "ORG")])


def test_a_members_seat_in_brackets_before_their_party_is_a_place(extractor) -> None:
    text = (
        "Treasurer Ivo Tarrant (Kelbrook, Liberal) defended the budget. Mara Lisk (Ardwyn, "
        "Labor), the shadow minister, disagreed."
    )
    check_names(
        extractor,
        text,
        [("Kelbrook", "PLACE"), ("Ardwyn", "PLACE"), ("Ivo Tarrant", "PERSON")],
        [("Kelbrook", "PERSON"), ("Ardwyn", "PERSON")],
    )


def test_brackets_without_a_party_after_the_comma_name_no_seat(extractor) -> None:
    text = "The supplier (Quorvane, Inc) grew. Ivo Tarrant (Kelbrook, Wednesday) spoke."
    check_names(extractor, text, [], [("Quorvane", "PLACE"), ("Kelbrook", "PLACE")])


def test_a_party_word_before_a_small_party_is_the_partys_name_not_its_people(extractor) -> None:
    text = (
        "The announcement follows a Liberal party meeting on Wednesday. Critics, including the "
        "opposition Conservative party, had predicted it."
    )
    check_names(extractor, text, [], [("Liberal", "GROUP"), ("Conservative", "GROUP")])


def test_a_party_word_for_people_beside_a_small_party_is_still_a_group(extractor) -> None:
    text = "Liberal MP Ann Quill left the Liberal party on Monday."
    check_names(extractor, text, [("Liberal", "GROUP"), ("Ann Quill", "PERSON")])
