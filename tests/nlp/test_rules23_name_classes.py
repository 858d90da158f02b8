"""People, places and groups of rules-23 (issue 10): name classes found on the readable Wikinews
sets, each pinned by invented sentences (no article text)."""

from __future__ import annotations

import pytest
from extracted import check_names


@pytest.mark.parametrize(
    "text",
    [
        "Applicants must learn English before the hearing.",
        "The guide, who speaks German, met the visitors at the gate.",
        "The banner was written in both Hebrew and French.",
        "A Portuguese language edition of the book sold out.",
        "The poster, in Arabic and Italian, was taken down.",
    ],
)
def test_a_nationality_used_as_its_language_is_no_group(extractor, text) -> None:
    check_names(extractor, text, absent=["English", "German", "French", "Portuguese", "Italian"])


def test_a_nationality_named_as_a_people_elsewhere_stays_a_group(extractor) -> None:
    text = "German officials met the envoy. The envoy, who speaks German, thanked them."
    check_names(extractor, text, [("German", "GROUP")])


def test_a_word_for_speaking_people_keeps_the_nationality_a_group(extractor) -> None:
    # "-speaking" joins a language to the people after it: they are still named
    text = "The series will air in Dutch-speaking Belgian towns next year."
    check_names(extractor, text, [("Belgian", "GROUP")])


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Talks with the Tamil separatists resumed in Oslo.", "Tamil"),
        ("The Basque community marched through the city.", "Basque"),
        ("Many Basques voted against the plan.", "Basques"),
        ("Gunmen attacked a Hausa village at dawn.", "Hausa"),
    ],
)
def test_a_language_word_naming_its_people_is_a_group(extractor, text, group) -> None:
    check_names(extractor, text, [(group, "GROUP")])


def test_a_language_alone_is_still_no_entity(extractor) -> None:
    check_names(extractor, "The letter was translated from Tamil by a volunteer.", absent=["Tamil"])


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Both parties backed the Lisbon treaty last year.", "Lisbon"),
        ("Families of victims of the 2005 London bombings met the minister.", "London"),
        ("The Doha round of trade negotiations stalled again.", "Doha"),
    ],
)
def test_a_place_naming_an_event_or_a_pact_is_no_place(extractor, text, place) -> None:
    check_names(extractor, text, absent=[place])


def test_a_place_named_for_itself_elsewhere_stays_a_place(extractor) -> None:
    text = "Delegates gathered in Lisbon on Monday. The Lisbon treaty was signed there."
    check_names(extractor, text, [("Lisbon", "PLACE")])


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Several Zambian officials met Malagasy and Madagascan traders.", "Madagascan"),
        ("Thousands of Londoners crowded the square.", "Londoners"),
        ("The Tasmanian premier said the budget was fair.", "Tasmanian"),
        ("Many Floridians lost power in the storm.", "Floridians"),
        ("Two Hong Kongers were arrested at the border.", "Hong Kongers"),
    ],
)
def test_a_known_places_people_is_a_group(extractor, text, group) -> None:
    check_names(extractor, text, [(group, "GROUP")])


@pytest.mark.parametrize(
    "text",
    [
        "Adrian Colvin said the town would recover.",
        "The Saharan region was dry that year.",
    ],
)
def test_a_name_or_a_region_ending_like_a_demonym_is_no_group(extractor, text) -> None:
    check_names(extractor, text, absent=[("Adrian", "GROUP"), ("Saharan", "GROUP")])


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Pilgrims prayed at the Eastern Wall before dawn.", "Eastern Wall"),
        ("The reception was held in the Magnolia Garden of the palace.", "Magnolia Garden"),
        ("Convoys left the Blue Zone at noon.", "Blue Zone"),
        ("Residents of the Pinecrest Estates complained about the noise.", "Pinecrest Estates"),
        ("Crowds gathered outside the Harbour Towers on Friday.", "Harbour Towers"),
        ("The ceremony marked 300 years of the Fairhaven Settlement.", "Fairhaven Settlement"),
    ],
)
def test_a_name_ending_in_a_wall_garden_zone_or_estate_is_a_place(extractor, text, place) -> None:
    check_names(extractor, text, [(place, "PLACE")])


def test_a_nationality_opening_a_places_name_is_no_group_of_its_own(extractor) -> None:
    text = "Thousands prayed at the Western Wall on Friday."
    check_names(extractor, text, [("Western Wall", "PLACE")], [("Western", "GROUP")])


def test_a_known_place_and_another_place_are_two_places(extractor) -> None:
    text = "Tourists left Las Vegas and Crystal City on the same day."
    check_names(extractor, text, [("Las Vegas", "PLACE"), ("Crystal City", "PLACE")])


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Leaders of the Polish American community met the mayor.", "Polish American"),
        ("Many Cuban Americans live in the city.", "Cuban Americans"),
    ],
)
def test_a_nationality_before_american_is_one_group(extractor, text, group) -> None:
    check_names(extractor, text, [(group, "GROUP")], [("American", "GROUP")])
