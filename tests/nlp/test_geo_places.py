"""Towns of GeoNames (nlp/data/places_geo.txt.gz, issue 10): a town of over 15,000 people that
nothing in its article types is a place, as a reader who knows it would say; evidence in the
article still wins, and the list holds no English word, given name or surname."""

from __future__ import annotations

import pytest
from extracted import check_names

from newstui.nlp.gazetteer import geo_places, load_gazetteer


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Floods cut the road to Tulcea on Monday.", "Tulcea"),
        ("Abancay and its valley lost power for a day.", "Abancay"),
        ("Trains between Wetzikon and the lake stopped at noon.", "Wetzikon"),
    ],
)
def test_a_town_with_no_cue_is_a_place(extractor, text, town) -> None:
    check_names(extractor, text, [(town, "PLACE")])


def test_a_person_named_in_full_keeps_a_surname_that_is_also_a_town(extractor) -> None:
    text = "Teacher Ann Tulcea said the school was full. Tulcea said more rooms were needed."
    check_names(extractor, text, [("Ann Tulcea", "PERSON")], ["Tulcea"])


def test_a_cue_in_the_article_wins_over_the_town_list(extractor) -> None:
    text = "Tulcea Holdings said its profit fell. A spokesman for Tulcea declined to comment."
    check_names(extractor, text, absent=[("Tulcea", "PLACE")])


def test_a_listed_town_as_one_end_of_a_journey_makes_the_other_end_a_place(extractor) -> None:
    text = "A bus carrying pupils from Tulcea to Varnek overturned on Sunday."
    check_names(extractor, text, [("Tulcea", "PLACE"), ("Varnek", "PLACE")])


@pytest.mark.parametrize(
    "text",
    [
        "The crew of the Tulcea, a cargo ship, was rescued on Monday. The Tulcea sank.",
        "Tulcea defeated Varnek 3-1 on Saturday. Tulcea scored twice before the break.",
    ],
)
def test_a_town_name_the_article_uses_for_a_ship_or_a_club_is_no_place(extractor, text) -> None:
    check_names(extractor, text, absent=[("Tulcea", "PLACE")])


def test_a_town_name_inside_a_longer_name_is_not_typed_alone_by_the_list(extractor) -> None:
    text = "Thieves broke into Abancay Manor on Friday. Visitors to Abancay were sent home."
    check_names(extractor, text, absent=[("Abancay", "PLACE")])


def test_the_town_list_never_retypes_a_name_of_the_hand_written_lists() -> None:
    towns = geo_places()
    assert len(towns) > 10000
    assert not set(towns) & set(load_gazetteer().known)


@pytest.mark.parametrize(
    "word", ["Reading", "Mobile", "Bath", "Jackson", "Irving", "Florence", "Victoria", "Orange"]
)
def test_no_english_word_given_name_or_surname_is_a_town_alone(word) -> None:
    assert word not in geo_places()
