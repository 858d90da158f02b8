"""Rules-36 place cases (round 34), each pinned by invented sentences.

A lone unknown name before a lower-case noun of nature's features ("the Kelmar volcano", "the
Ostra river", "the Vashti glacier") is a place: the noun is the name's evidence, as "region"
or "district" was.

A state's long form ("Islamic Republic of Mauritania", "Kingdom of Bhutan", "State of Texas")
is one place with its short name: they were two entities of one article. Not a body whose
name ends "of" a country ("Farmers Federation of Kenya", "Islamic State of Iraq"), nor a
state sharing its country's short name ("Republic of China" and "China").

A currency named by its country ("US $39", "U.S. dollars") is no mention of the country.

The known places hold first-level divisions, breakaway regions and New York's boroughs ("from
Assam", "lower Manhattan"), and GeoNames' towns also without their accents ("Yaounde")."""

from __future__ import annotations

from extracted import type_by_name


def test_a_name_before_a_noun_of_nature_is_a_place(extractor) -> None:
    for text, name in (
        ("Lava poured from the Kelmar volcano on Monday.", "Kelmar"),
        ("Floods closed roads along the Ostra river overnight.", "Ostra"),
        ("Troops still hold posts on the Vashti glacier.", "Vashti"),
        ("The herders crossed the Tobruna desert in March.", "Tobruna"),
    ):
        assert type_by_name(extractor, text) == {name: "PLACE"}, text


def test_a_person_before_a_noun_of_nature_stays_a_person(extractor) -> None:
    text = "Ann Orrow said the Ostra river had never risen so fast."
    types = type_by_name(extractor, text)
    assert types["Ann Orrow"] == "PERSON"
    assert types["Ostra"] == "PLACE"


def test_a_states_long_form_and_its_short_name_are_one_place(extractor) -> None:
    text = (
        "The Islamic Republic of Mauritania opened its border on Monday. Mauritania said"
        " trucks could pass. Officials of the Republic of Chile met them; Chile sent grain."
        " The Kingdom of Bhutan voted. Bhutan is small."
    )
    entities = extractor.analyse(text).entities
    places = sorted(e.name for e in entities if e.type == "PLACE")
    assert places == ["Bhutan", "Chile", "Mauritania"]


def test_bodies_and_two_states_of_one_name_are_not_merged_with_the_country(extractor) -> None:
    text = (
        "The Farmers Federation of Kenya met in Nairobi. Kenya said prices would rise."
        " Ships of the Republic of China patrolled the strait. China protested."
    )
    types = type_by_name(extractor, text)
    assert types["Farmers Federation of Kenya"] == "ORG"
    assert types["Kenya"] == "PLACE"
    assert types["Republic of China"] == "PLACE" and types["China"] == "PLACE"
    text = "Fighters of the Islamic State of Iraq attacked. Iraq said troops were sent."
    types = type_by_name(extractor, text)
    assert types["Islamic State of Iraq"] == "ORG" and types["Iraq"] == "PLACE"


def test_a_currency_named_by_its_country_is_no_mention_of_it(extractor) -> None:
    for text in (
        "Kelmar Mining paid nine billion US dollars for the mine.",
        "The introductory fare was US $39 one way.",
        "Average income there was $625 U.S. dollars a year.",
    ):
        types = type_by_name(extractor, text)
        assert "US" not in types and "U.S." not in types, (text, types)
    text = "The fare was US $39. US troops left Kelmar on Monday."
    assert type_by_name(extractor, text).get("US") == "PLACE"


def test_first_level_divisions_and_boroughs_are_known_places(extractor) -> None:
    text = (
        "Villagers from Assam and Telangana marched on Monday. Convoys left Helmand on Monday for"
        " Kandahar Airfield. Residents of lower Manhattan and Brooklyn were told the air was"
        " safe. Talks on Abkhazia and South Ossetia stalled."
    )
    types = type_by_name(extractor, text)
    for name in (
        "Assam",
        "Telangana",
        "Helmand",
        "Kandahar Airfield",
        "Manhattan",
        "Brooklyn",
        "Abkhazia",
        "South Ossetia",
    ):
        assert types.get(name) == "PLACE", (name, types)


def test_a_town_written_without_its_accents_is_known(extractor) -> None:
    text = (
        "Flights from Yaounde resumed on Monday. Talks between Natanz officials and inspectors"
        " went on. The ferry to Thessaloniki was late."
    )
    types = type_by_name(extractor, text)
    for name in ("Yaounde", "Natanz", "Thessaloniki"):
        assert types.get(name) == "PLACE", (name, types)
