"""Rules-37 (round 35): a minister's brief inside a title names no one.

"The Peruvian Consumer Affairs Minister Ana Ruiz said" gave a person "Consumer Affairs" (after a
people's word, two unknown capitalised words read as a name), and "said Boundary Commissioner
Tom Vale" a person "Boundary": one to three capitalised words right before "Minister",
"Secretary", "Commissioner" or "Spokesperson" and a name are the brief the title holds. A body
or a place before the title stays ("Kelmouth Police Commissioner", "Tulsa County Commissioner"),
and so does a person named before a comma."""

from __future__ import annotations

from extracted import quotes_and_speakers, type_by_name


def test_a_brief_before_a_ministers_title_is_no_person(extractor) -> None:
    text = "The Peruvian Consumer Affairs Minister Ana Ruiz said the shops would reopen."
    assert type_by_name(extractor, text) == {"Peruvian": "GROUP", "Ana Ruiz": "PERSON"}
    text = "Talks went on, according to Chile's Fisheries and Oceans Minister Tom Vale."
    types = type_by_name(extractor, text)
    assert types["Tom Vale"] == "PERSON"
    assert not any("Oceans" in name or "Fisheries" in name for name in types)


def test_the_commissioner_after_a_brief_speaks(extractor) -> None:
    text = "“The count is over,” said Boundary Commissioner Tom Vale on Friday."
    assert "Boundary" not in type_by_name(extractor, text)
    assert quotes_and_speakers(extractor, text) == [("The count is over,", "Tom Vale")]


def test_a_body_or_a_place_before_the_title_stays(extractor) -> None:
    text = "Kelmouth Police Commissioner Tom Vale said the roads were closed."
    assert type_by_name(extractor, text)["Kelmouth Police"] == "ORG"
    text = "Tulsa County Commissioner Ana Ruiz said the roads were closed."
    assert type_by_name(extractor, text)["Tulsa County"] == "PLACE"


def test_a_fields_head_before_a_ministers_title_is_a_brief(extractor) -> None:
    text = "The Kelmar court convicted Union Fisheries Minister Tom Vale on Monday."
    types = type_by_name(extractor, text)
    assert types["Tom Vale"] == "PERSON" and "Union Fisheries" not in types
    text = "Police and Emergency Services Minister Ana Ruiz said the roads were closed."
    assert "Emergency Services" not in type_by_name(extractor, text)
