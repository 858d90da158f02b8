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
