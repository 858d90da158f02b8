"""Rules-20 name classes, each pinned by invented sentences (no article text): names found whole
and found at all (r19-names)."""

from __future__ import annotations

from extracted import person_names, type_by_name


def test_a_saint_after_in_or_at_is_a_place_not_a_person(extractor) -> None:
    text = (
        "The regional seminar was held in Saint Brannoc and the Skerries last week. Volunteers "
        "gathered at St. Ilwen on Sunday."
    )
    assert not person_names(extractor, text)


def test_a_saint_the_text_names_with_a_head_noun_is_that_body(extractor) -> None:
    text = (
        "Patients were moved to Saint Oswin Hospital overnight. A surgeon from Saint Oswin said "
        "the wards were full. Dr. Mara Telby of Elmgrove St. Ardan's Medical Center agreed."
    )
    names = person_names(extractor, text)
    assert "Oswin" not in names and "Ardan" not in names
    assert "Mara Telby" in names


def test_a_saint_who_acts_is_still_a_person(extractor) -> None:
    text = "Legend says that St. Brannoc drove the wolves out of the valley."
    assert any("Brannoc" in name for name in person_names(extractor, text))
    assert "PLACE" not in type_by_name(extractor, text).values()


def test_an_office_in_apposition_beside_a_person_is_no_person(extractor) -> None:
    text = (
        "Rena Dowlish, Shadow Minister for Rural Affairs, called it a disgrace. Ivo Tark, "
        "Shadow Home Affairs spokesman for the Liberal Party, agreed. The President and the "
        "First Lady, Maud Ferrant, arrived later with Bishop Elm Calloway, Bishop-Emeritus of "
        "Harrowgate."
    )
    assert person_names(extractor, text) == {
        "Rena Dowlish",
        "Ivo Tark",
        "Maud Ferrant",
        "Elm Calloway",
    }


def test_a_style_beside_a_person_is_no_person(extractor) -> None:
    text = "The mayor greeted His Royal Highness, Prince Aldric, The Duke of Fennick, at noon."
    names = person_names(extractor, text)
    assert not any(name.startswith(("His", "The")) or name == "The" for name in names)


def test_people_listed_beside_each_other_stay_people(extractor) -> None:
    text = "The award went to Ann Velloway, Tom Barrish and Edda Kine, the judges said."
    assert {"Ann Velloway", "Tom Barrish", "Edda Kine"} <= person_names(extractor, text)
