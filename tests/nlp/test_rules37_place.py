"""Rules-37 people and place cases (round 35), each pinned by invented sentences.

A lone name before a noun of nature is a place only when the noun heads its phrase ("the
Ostra river", "Kelmar volcano erupted"), not when it modifies a noun after it ("Orrow
reservoir plans" after "Ann Orrow": a person's plans).

A name after "in" (or "an MP from") with ", who" after it is where the person the sentence
describes is, not that person ("its consul in Velmora, who").

"X, <known place> <modifier> <role>" is a person and the place they serve ("B. Tarrant, Andhra
Pradesh additional director general"), not a town and its country ("Croydon, London").

A given name and surname that open a longer person's name with one more surname are that
person ("Tomas Ruel" of "Tomas Ruel Okello", "Pedro Velarde" of "Pedro R. Velarde Ibarra"),
not with a word glued on ("Ann Orrow Thursday", "Category:Ann Orrow Category:") nor kin.

"Quay", "Junction" and "Mall" end a place's name; the name after a person's age and "of" is
where the person lives ("Hue Varrow, 39, of Kelmouth, a former officer"); a name between a
determiner and the noun "states" is a region ("other Gulf states"; not "the Act states, …");
a minister's brief after "Secretary of State for" or "Minister of the" is no person; and
"Commodore", "Emperor" and "(Right) Honourable" are titles.

"Fort", "Port", "Lake" … before a known place ending the run are one place with it ("Fort
Yukon"); a given name and surname before ", <known place>" are a person when the surname is
named alone too; "the people of X" makes X a place.
"""

from __future__ import annotations

from extracted import type_by_name

from newstui.nlp import get_extractor


def test_a_noun_of_nature_that_a_noun_follows_makes_no_place(extractor) -> None:
    text = "Mayor Ann Orrow spoke. Orrow reservoir plans stalled in the council on Monday."
    assert type_by_name(extractor, text).get("Orrow") != "PLACE"


def test_a_noun_of_nature_that_heads_its_phrase_still_makes_a_place(extractor) -> None:
    for text, name in (
        ("Officials said Kelmar volcano erupted again on Monday.", "Kelmar"),
        ("Local authorities of Tobruna mountain range announced new trails.", "Tobruna"),
        ("Boats were seen near Ostra river, officials said.", "Ostra"),
    ):
        assert type_by_name(extractor, text).get(name) == "PLACE", text


def test_a_place_before_who_is_not_the_person_who(extractor) -> None:
    text = "The embassy sent Martin Oakes, its consul in Velmora, who met the families on Monday."
    types = type_by_name(extractor, text)
    assert types["Martin Oakes"] == "PERSON"
    assert types.get("Velmora") != "PERSON"
    text = "She was elected as a woman MP from Khostabad who fought for girls' schools."
    assert type_by_name(extractor, text).get("Khostabad") != "PERSON"


def test_a_person_before_who_stays_a_person(extractor) -> None:
    text = "The letter came from Orrow, who signed it on Friday."
    assert type_by_name(extractor, text)["Orrow"] == "PERSON"


def test_a_name_then_a_known_place_and_a_modified_role_is_a_person(extractor) -> None:
    text = (
        "B. Tarrant, Andhra Pradesh additional director general of police, said the case was "
        "closed."
    )
    types = type_by_name(extractor, text)
    assert types["B. Tarrant"] == "PERSON"
    assert types["Andhra Pradesh"] == "PLACE"
    text = "Storms hit Kelbrook, England where police closed two roads."
    assert type_by_name(extractor, text)["Kelbrook"] == "PLACE"


def _people(text: str) -> dict[str, list[str]]:
    return {
        e.name: [m.text for m in e.mentions]
        for e in get_extractor("rules").analyse(text).entities
        if e.type == "PERSON"
    }


def test_a_name_opening_a_longer_name_with_a_second_surname_is_that_person() -> None:
    text = (
        "The minister Tomas Ruel Okello arrived on Monday. Later, Tomas Ruel said the talks "
        "had failed."
    )
    assert _people(text) == {"Tomas Ruel Okello": ["Tomas Ruel Okello", "Tomas Ruel"]}
    text = "Governor Pedro R. Velarde Ibarra signed the bill. Pedro Velarde said it was needed."
    assert _people(text) == {
        "Pedro R. Velarde Ibarra": ["Pedro R. Velarde Ibarra", "Pedro Velarde"]
    }


def test_a_longer_name_with_a_word_glued_on_or_kin_stays_apart() -> None:
    for text in (
        "Ann Orrow Thursday evening was quiet, a neighbour said. Ann Orrow said she slept.",
        "Category:Ann Orrow Category:Canada\nAnn Orrow said she would stand again.",
        "Ann Orrow spoke first. Her daughter, Ann Orrow Kessler, said she agreed.",
    ):
        assert "Ann Orrow" in _people(text), text


def test_a_quay_a_junction_and_a_mall_end_a_places_name(extractor) -> None:
    for text, name in (
        ("Protesters gathered at Kelmouth Quay on Tuesday night.", "Kelmouth Quay"),
        ("The train stopped at Ostra Junction for an hour.", "Ostra Junction"),
        ("Shoppers fled the Tobruna Mall after the alarm.", "Tobruna Mall"),
    ):
        assert type_by_name(extractor, text).get(name) == "PLACE", text


def test_the_name_after_an_age_and_of_is_where_a_person_lives(extractor) -> None:
    text = "Hue Varrow, 39, of Kelmouth, a former police officer, was charged on Monday."
    types = type_by_name(extractor, text)
    assert types["Hue Varrow"] == "PERSON"
    assert types["Kelmouth"] == "PLACE"
    text = "Ann Orrow, 46, of Ostraville, who applied for a licence, smiled."
    assert type_by_name(extractor, text)["Ostraville"] == "PLACE"


def test_a_region_before_the_noun_states_is_a_place(extractor) -> None:
    text = "He urged other Gulf states to join the plan."
    assert type_by_name(extractor, text).get("Gulf") == "PLACE"
    text = 'In Section 27, the Act states, "No person shall sell it."'
    assert type_by_name(extractor, text).get("Act") != "PLACE"


def test_a_ministers_brief_before_its_holder_is_no_person(extractor) -> None:
    for text, brief in (
        ("The Secretary of State for Defence, Ann Orrow, responded to the charges.", "Defence"),
        ("The Minister of the Interior, Tomas Ruel, called for calm.", "Interior"),
    ):
        types = type_by_name(extractor, text)
        assert brief not in types, text
        assert "PERSON" in types.values(), text


def test_a_commodore_an_emperor_and_the_honourable_are_titles(extractor) -> None:
    text = (
        "Commodore Frank Orrow said the army was ready. In 1962 the Emperor Haile Tarrant "
        "annexed the coast. The Honourable Ann Kessler, an MP, agreed."
    )
    people = {n for n, t in type_by_name(extractor, text).items() if t == "PERSON"}
    assert people == {"Frank Orrow", "Haile Tarrant", "Ann Kessler"}


def test_an_opener_and_a_known_place_are_one_place(extractor) -> None:
    text = "Floods reached the village of Fort Yukon and the town of Port Adelaide."
    types = type_by_name(extractor, text)
    assert types.get("Fort Yukon") == "PLACE"
    assert types.get("Port Adelaide") == "PLACE"
    assert "Yukon" not in types


def test_a_given_names_pair_before_a_known_place_is_a_person_named_alone_too(extractor) -> None:
    text = (
        "According to the agency's head, Tomas Kessler, North Korea may hold the fuel. "
        '"It will go smoothly," Kessler said.'
    )
    types = type_by_name(extractor, text)
    assert types.get("Tomas Kessler") == "PERSON"
    text = "A state house in Glen Innes, Auckland is worth two million dollars."
    assert type_by_name(extractor, text).get("Glen Innes") == "PLACE"


def test_the_place_where_people_live_after_of(extractor) -> None:
    text = "He served the honourable people of Qostavan for twenty years."
    assert type_by_name(extractor, text).get("Qostavan") == "PLACE"
    text = "It was backed by the People of Freedom, a party."
    assert type_by_name(extractor, text).get("Freedom") != "PLACE"
