"""Rules-40: landmarks, rivers, regions and islands news names with no head word (round 38).

"the Danube", "Stonehenge", "Manchuria", "the Oval Office" carry no word a rule reads as a
place's ("Lake", "Sea", "Square"): they were no entity, or a person when a verb followed them
("said Stonehenge was closed"), or a body ("the Oval Office"). places.txt now lists them (general
knowledge). "River" opens a place's name as "Lake" does: "the River Thames" stays whole.
"""

from __future__ import annotations

from extracted import type_by_name


def test_a_river_with_no_head_word_is_a_place(extractor) -> None:
    text = "Divers searched the Danube below the old bridge for a second day on Friday."
    assert type_by_name(extractor, text).get("Danube") == "PLACE"


def test_a_landmark_before_a_verb_is_no_person(extractor) -> None:
    text = "Heritage officials said Stonehenge was closed to visitors after the storm."
    types = type_by_name(extractor, text)
    assert types.get("Stonehenge") == "PLACE"


def test_a_region_of_history_is_a_place(extractor) -> None:
    text = "Historians said Manchuria suffered most when the harvest failed in 1946."
    assert type_by_name(extractor, text).get("Manchuria") == "PLACE"


def test_the_oval_office_is_a_place_not_a_body(extractor) -> None:
    text = "The two leaders met in the Oval Office for an hour on Tuesday afternoon."
    assert type_by_name(extractor, text).get("Oval Office") == "PLACE"


def test_a_mountain_range_named_after_a_people_is_one_place(extractor) -> None:
    text = "The patrol crossed the Hindu Kush mountains on foot in the middle of winter."
    types = type_by_name(extractor, text)
    assert types.get("Hindu Kush") == "PLACE"
    assert "Hindu" not in types and "Kush" not in types


def test_river_before_a_listed_river_stays_one_name(extractor) -> None:
    text = "The marchers crossed the River Thames at dawn and walked on to the square."
    types = type_by_name(extractor, text)
    assert types.get("River Thames") == "PLACE"
    assert "Thames" not in types
