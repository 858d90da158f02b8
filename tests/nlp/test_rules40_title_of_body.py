"""Round 38 (helper orgmiss): a title, then two or three capitalised words no list knows and
"of" a body or a facility ("Dr. Mara Telby of Elmgrove Hospital") is a person of that body: the
words were read as a thing the title opens ("St. George Hotel"), and the person was lost unless
a list knew the given name. A body's head right after the title stays a body's name."""

from __future__ import annotations

from extracted import person_names, type_by_name


def test_an_unknown_given_name_after_a_title_and_before_of_a_hospital_is_a_person(
    extractor,
) -> None:
    text = "The wards were full. Dr. Mara Telby of Elmgrove Hospital agreed."
    types = type_by_name(extractor, text)
    assert types["Mara Telby"] == "PERSON"
    assert "Elmgrove Hospital" in types


def test_a_bodys_head_after_the_title_is_no_person(extractor) -> None:
    text = "Talks were held with the General Confederation of Labour on Monday."
    assert not person_names(extractor, text)
