"""Rules-38 people and place cases (round 36), each pinned by invented sentences.

The review's guards on round 35's rules: a lone name before a noun of nature that modifies
another noun is still the place ("Tobruna volcano eruption") unless a person bears the name in
the article; "brought in" / "believed in" before a name and ", who" is no place; a lone town
before ", <country> <modifier> <role>" stays a town; a short name and a longer one that it opens,
written in that order in one paragraph, are two people; "Commodore" and "Emperor" are titles
only before a person's name ("the Commodore Ballroom" is a venue).
"""

from __future__ import annotations

from extracted import type_by_name

from newstui.nlp import get_extractor


def test_a_nature_noun_before_another_noun_keeps_an_unknown_name_a_place(extractor) -> None:
    for text, name in (
        ("Tobruna volcano eruption forced hundreds from their homes.", "Tobruna"),
        ("Officials said Kelmar volcano ash closed the airport on Monday.", "Kelmar"),
    ):
        assert type_by_name(extractor, text).get(name) == "PLACE", text


def test_a_nature_noun_after_a_persons_surname_makes_no_place(extractor) -> None:
    text = "Governor Ann Orrow spoke on Monday. Orrow reservoir plans stalled in the council."
    types = type_by_name(extractor, text)
    assert types.get("Orrow") != "PLACE"
    assert types.get("Ann Orrow") == "PERSON"


def test_a_name_after_a_verb_taking_in_and_before_who_is_a_person(extractor) -> None:
    for text, name in (
        ("The club brought in Okerafo, who scored twice on his debut.", "Okerafo"),
        ("The fans always believed in Mensavi, who never let them down.", "Mensavi"),
    ):
        assert type_by_name(extractor, text).get(name) == "PERSON", text
    text = "A man in Kelbrook, who was later released, was held overnight."
    assert type_by_name(extractor, text).get("Kelbrook") != "PERSON"


def test_a_lone_town_before_a_country_and_a_modified_role_stays_a_town(extractor) -> None:
    text = "Floods hit Kelbrook, Scotland local councillor Jo Reid said on Monday."
    types = type_by_name(extractor, text)
    assert types.get("Kelbrook") == "PLACE"
    assert types.get("Jo Reid") == "PERSON"
    text = "B. Tarrant, Andhra Pradesh additional director general, said the case was closed."
    assert type_by_name(extractor, text).get("B. Tarrant") == "PERSON"


def _people(text: str) -> dict[str, list[str]]:
    return {
        e.name: [m.text for m in e.mentions]
        for e in get_extractor("rules").analyse(text).entities
        if e.type == "PERSON"
    }


def test_a_short_name_then_a_longer_one_in_one_paragraph_are_two_people() -> None:
    text = "Tomas Ruel won the race in Kelbrook. Tomas Ruel Okello came second, a minute behind."
    assert _people(text) == {
        "Tomas Ruel": ["Tomas Ruel"],
        "Tomas Ruel Okello": ["Tomas Ruel Okello"],
    }
    text = "Tomas Ruel was sworn in on Monday.\n\nTomas Ruel Okello said he would serve everyone."
    assert _people(text) == {"Tomas Ruel Okello": ["Tomas Ruel", "Tomas Ruel Okello"]}


def test_a_brand_title_before_no_persons_name_names_a_venue(extractor) -> None:
    text = "The band will play the Commodore Ballroom in Kelbrook on Saturday."
    types = type_by_name(extractor, text)
    assert types.get("Commodore Ballroom") == "PLACE"
    assert "Ballroom" not in types
    text = "Sales at Commodore Business Machines rose last year."
    assert type_by_name(extractor, text).get("Business Machines") != "PERSON"
    text = "Navy chief Commodore Esala Tenari said the ships were ready."
    assert type_by_name(extractor, text).get("Esala Tenari") == "PERSON"
