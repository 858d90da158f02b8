"""Entity error classes found on real reporting (issue 10, rules-7: Wikinews dev3 and bulk
reading of unannotated articles). Each class is pinned by invented examples."""

from __future__ import annotations


def _entities(extractor, text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extractor.analyse(text).entities}


def _names(extractor, text: str) -> set[str]:
    return {e.name for e in extractor.analyse(text).entities}


# A weekday is never part of a name: not before one, not after a time zone.
def test_a_weekday_before_a_company_is_not_part_of_its_name(extractor) -> None:
    text = "On Tuesday Harrowgate Motor Company recalled its vans, the firm said."
    assert ("Harrowgate Motor Company", "ORG") in _entities(extractor, text)
    assert not any("Tuesday" in n for n in _names(extractor, text))


def test_time_zones_are_not_organisations(extractor) -> None:
    text = "The bulletin came at 9:00 p.m. AST on Monday (0100 UTC Tuesday) from the centre."
    assert _entities(extractor, text) == set()


def test_a_weekday_that_ends_an_event_name_stays(extractor) -> None:
    text = 'Voters in nine states go to the polls on what is called "Super Tuesday" this year.'
    assert not any(n == "Super" for n in _names(extractor, text))


# A named storm is a weather event: neither its full name nor the bare name is an entity.
def test_storm_names_are_not_entities_anywhere_in_the_article(extractor) -> None:
    text = (
        "Forecasters said Hurricane Tamsin had grown into a Category 4 storm. Tamsin reached "
        "Jamaica on Sunday, and Typhoon Orelio later struck the Philippines. Orelio's winds eased."
    )
    names = _names(extractor, text)
    assert not names & {"Tamsin", "Hurricane Tamsin", "Orelio", "Typhoon Orelio"}
    assert {"Jamaica", "Philippines"} <= names


def test_a_hurricane_centre_is_still_an_organisation(extractor) -> None:
    text = "The Caribbean Hurricane Centre said Storm Belwyn would weaken by Friday."
    assert ("Caribbean Hurricane Centre", "ORG") in _entities(extractor, text)
    assert "Belwyn" not in _names(extractor, text)


# Places: "County X", the ends of a journey, lists of towns after "from".
def test_county_before_a_name_makes_a_place(extractor) -> None:
    text = "Flood warnings covered County Roscrane, County Dunleary and County Bellmore tonight."
    assert {
        ("County Roscrane", "PLACE"),
        ("County Dunleary", "PLACE"),
        ("County Bellmore", "PLACE"),
    } <= _entities(extractor, text)


def test_the_ends_of_a_journey_are_places(extractor) -> None:
    text = "A coach taking pupils from Varnask to Ostrovel on Sunday left the road in the fog."
    assert {("Varnask", "PLACE"), ("Ostrovel", "PLACE")} <= _entities(extractor, text)


def test_the_ends_of_a_product_change_are_not_places(extractor) -> None:
    text = "The company moved its users from KelpOS Classic to KelpOS Stream last year."
    kinds = {t for n, t in _entities(extractor, text) if n.startswith("KelpOS")}
    assert "PLACE" not in kinds


def test_a_list_of_towns_after_from_is_a_list_of_places(extractor) -> None:
    text = "Crews came from Pennardy, Tregolan, Morvath and Lower Kestle to fight the blaze."
    entities = _entities(extractor, text)
    assert {("Pennardy", "PLACE"), ("Tregolan", "PLACE"), ("Morvath", "PLACE")} <= entities


def test_a_list_of_long_titles_after_from_is_not_a_list_of_places(extractor) -> None:
    text = "She rose from Junior Club Captain, Senior Club Captain and Club Master in two years."
    assert not any(t == "PLACE" for _, t in _entities(extractor, text))


def test_places_of_worship_are_places(extractor) -> None:
    text = "Worshippers gathered at Harrowby Mosque and the Elm Street Synagogue on Friday."
    assert {("Harrowby Mosque", "PLACE"), ("Elm Street Synagogue", "PLACE")} <= _entities(
        extractor, text
    )


# A nationality or country before a body names that country's own body, kept whole.
def test_a_nationality_before_a_known_body_is_part_of_its_name(extractor) -> None:
    text = "Yesterday the Chilean House of Representatives rejected the bill, and the Chilean Red Cross helped."
    entities = _entities(extractor, text)
    assert ("Chilean House of Representatives", "ORG") in entities
    assert ("Chilean Red Cross", "ORG") in entities


def test_a_nationality_and_a_head_noun_before_and_stay_one_company(extractor) -> None:
    text = "Canadian Airlines and Skyhop both cancelled their flights to the island."
    entities = _entities(extractor, text)
    assert ("Canadian Airlines", "ORG") in entities
    assert ("Canadian", "GROUP") not in entities


def test_a_body_of_a_country_is_one_name(extractor) -> None:
    text = "Protesters stood outside the High Court of the United Kingdom, which ruled on Monday."
    assert ("High Court of the United Kingdom", "ORG") in _entities(extractor, text)


def test_a_country_before_a_commission_on_something_is_part_of_its_name(extractor) -> None:
    text = (
        "The United States Commission on Coastal Fisheries said on Monday that the CCF "
        "would publish its report in May."
    )
    entities = {(e.name, e.type, len(e.mentions)) for e in extractor.analyse(text).entities}
    assert ("United States Commission on Coastal Fisheries", "ORG", 2) in entities


def test_a_bodys_own_committee_is_a_second_body(extractor) -> None:
    text = "A court blocked the House of Representatives' Committee on Harbour Tolls from acting."
    names = _names(extractor, text)
    assert {"House of Representatives", "Committee on Harbour Tolls"} <= names


def test_a_compass_word_opening_a_sentence_stays_in_a_regions_name(extractor) -> None:
    text = "North Wales Coast Rescue Service sent two boats. They found nobody."
    assert ("North Wales Coast Rescue Service", "ORG") in _entities(extractor, text)


# A prize or medal named after someone is not that person.
def test_a_prize_named_after_a_person_is_not_a_person(extractor) -> None:
    text = "In 1990 she won the Daniel Varga Prize and later the Helen Morrow Medal."
    assert not any(t == "PERSON" for _, t in _entities(extractor, text))


def test_a_surname_that_is_also_a_thing_word_is_still_a_person(extractor) -> None:
    text = "Singer Helen Day died on Monday. Day recorded forty albums."
    assert ("Helen Day", "PERSON") in _entities(extractor, text)
