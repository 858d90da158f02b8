"""Entity error classes found on real reporting (issue 10, rules-7: Wikinews dev3 and bulk
reading of unannotated articles). Each class is pinned by invented examples."""

from __future__ import annotations

import pytest
from extracted import check_names, entity_names, typed_names


# A weekday is never part of a name: not before one, not after a time zone.
def test_a_weekday_before_a_company_is_not_part_of_its_name(extractor) -> None:
    text = "On Tuesday Harrowgate Motor Company recalled its vans, the firm said."
    assert ("Harrowgate Motor Company", "ORG") in typed_names(extractor, text)
    assert not any("Tuesday" in n for n in entity_names(extractor, text))


def test_time_zones_are_not_organisations(extractor) -> None:
    text = "The bulletin came at 9:00 p.m. AST on Monday (0100 UTC Tuesday) from the centre."
    assert typed_names(extractor, text) == set()


def test_a_weekday_that_ends_an_event_name_stays(extractor) -> None:
    text = 'Voters in nine states go to the polls on what is called "Super Tuesday" this year.'
    assert not any(n == "Super" for n in entity_names(extractor, text))


# A named storm is a weather event: neither its full name nor the bare name is an entity.
def test_storm_names_are_not_entities_anywhere_in_the_article(extractor) -> None:
    text = (
        "Forecasters said Hurricane Tamsin had grown into a Category 4 storm. Tamsin reached "
        "Jamaica on Sunday, and Typhoon Orelio later struck the Philippines. Orelio's winds eased."
    )
    names = entity_names(extractor, text)
    assert not names & {"Tamsin", "Hurricane Tamsin", "Orelio", "Typhoon Orelio"}
    assert {"Jamaica", "Philippines"} <= names


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        pytest.param(
            "The Caribbean Hurricane Centre said Storm Belwyn would weaken by Friday.",
            {("Caribbean Hurricane Centre", "ORG")},
            {"Belwyn"},
            id="a_hurricane_centre_is_still_an_organisation",
        ),
        # A nationality or country before a body names that country's own body, kept whole.
        pytest.param(
            (
                "Yesterday the Chilean House of Representatives rejected the bill, and the Chilean Red Cross helped."
            ),
            {("Chilean House of Representatives", "ORG"), ("Chilean Red Cross", "ORG")},
            set(),
            id="a_nationality_before_a_known_body_is_part_of_its_name",
        ),
        pytest.param(
            "Canadian Airlines and Skyhop both cancelled their flights to the island.",
            {("Canadian Airlines", "ORG")},
            {("Canadian", "GROUP")},
            id="a_nationality_and_a_head_noun_before_and_stay_one_company",
        ),
        pytest.param(
            (
                "Protesters stood outside the High Court of the United Kingdom, which ruled on Monday."
            ),
            {("High Court of the United Kingdom", "ORG")},
            set(),
            id="a_body_of_a_country_is_one_name",
        ),
        pytest.param(
            "North Wales Coast Rescue Service sent two boats. They found nobody.",
            {("North Wales Coast Rescue Service", "ORG")},
            set(),
            id="a_compass_word_opening_a_sentence_stays_in_a_regions_name",
        ),
        pytest.param(
            "Singer Helen Day died on Monday. Day recorded forty albums.",
            {("Helen Day", "PERSON")},
            set(),
            id="a_surname_that_is_also_a_thing_word_is_still_a_person",
        ),
        pytest.param(
            "A crew working for Northern Gas and Power (NG&P) hit a cable. NG&P apologised.",
            {("Northern Gas and Power", "ORG")},
            {"NG&P"},
            id="an_abbreviation_with_an_ampersand_spells_the_words_before_it",
        ),
        pytest.param(
            "On Friday the United Kingdom's (UK) Green Party won two more seats.",
            {("United Kingdom", "PLACE")},
            set(),
            id="a_possessive_before_an_abbreviation_is_not_part_of_the_name",
        ),
        # A country's body with "and" in its name, and the country's possessive before a body.
        pytest.param(
            (
                "Acme said in a filing to the U.S. Food and Drug Administration that it had complied."
            ),
            {("U.S. Food and Drug Administration", "ORG")},
            set(),
            id="a_country_before_a_known_agency_with_and_is_one_name",
        ),
        pytest.param(
            "He ran the United States' Food and Drug Administration for two years.",
            {("Food and Drug Administration", "ORG"), ("United States", "PLACE")},
            set(),
            id="a_countrys_possessive_before_a_body_keeps_them_apart",
        ),
        pytest.param(
            "The convoy drove from Paris to Vellaroux overnight.",
            {("Vellaroux", "PLACE")},
            set(),
            id="the_end_of_a_journey_next_to_a_known_place_is_a_place",
        ),
        # People: named beside "the <role> of <place>,", after "governor of <place>", Spanish surnames.
        pytest.param(
            "The mayor of Kelmouth, Idris Tamberlane, asked residents to stay home.",
            {("Idris Tamberlane", "PERSON")},
            set(),
            id="a_name_set_beside_the_role_of_a_place_is_a_person",
        ),
        pytest.param(
            "Both sides may end up before the court in the Hague if talks fail.",
            {("Hague", "PLACE")},
            set(),
            id="a_place_named_with_the_is_known_with_a_small_the",
        ),
    ],
)
def test_names_are_found_with_their_types(extractor, text, found, absent) -> None:
    check_names(extractor, text, found, absent)


# Places: "County X", the ends of a journey, lists of towns after "from".
def test_county_before_a_name_makes_a_place(extractor) -> None:
    text = "Flood warnings covered County Roscrane, County Dunleary and County Bellmore tonight."
    assert {
        ("County Roscrane", "PLACE"),
        ("County Dunleary", "PLACE"),
        ("County Bellmore", "PLACE"),
    } <= typed_names(extractor, text)


def test_the_ends_of_a_journey_are_places(extractor) -> None:
    text = "A coach taking pupils from Varnask to Ostrovel on Sunday left the road in the fog."
    assert {("Varnask", "PLACE"), ("Ostrovel", "PLACE")} <= typed_names(extractor, text)


def test_the_ends_of_a_product_change_are_not_places(extractor) -> None:
    text = "The company moved its users from KelpOS Classic to KelpOS Stream last year."
    kinds = {t for n, t in typed_names(extractor, text) if n.startswith("KelpOS")}
    assert "PLACE" not in kinds


def test_a_list_of_towns_after_from_is_a_list_of_places(extractor) -> None:
    text = "Crews came from Pennardy, Tregolan, Morvath and Lower Kestle to fight the blaze."
    entities = typed_names(extractor, text)
    assert {("Pennardy", "PLACE"), ("Tregolan", "PLACE"), ("Morvath", "PLACE")} <= entities


def test_a_list_of_long_titles_after_from_is_not_a_list_of_places(extractor) -> None:
    text = "She rose from Junior Club Captain, Senior Club Captain and Club Master in two years."
    assert not any(t == "PLACE" for _, t in typed_names(extractor, text))


def test_places_of_worship_are_places(extractor) -> None:
    text = "Worshippers gathered at Harrowby Mosque and the Elm Street Synagogue on Friday."
    assert {("Harrowby Mosque", "PLACE"), ("Elm Street Synagogue", "PLACE")} <= typed_names(
        extractor, text
    )


def test_a_country_before_a_commission_on_something_is_part_of_its_name(extractor) -> None:
    text = (
        "The United States Commission on Coastal Fisheries said on Monday that the CCF "
        "would publish its report in May."
    )
    entities = {(e.name, e.type, len(e.mentions)) for e in extractor.analyse(text).entities}
    assert ("United States Commission on Coastal Fisheries", "ORG", 2) in entities


def test_a_bodys_own_committee_is_a_second_body(extractor) -> None:
    text = "A court blocked the House of Representatives' Committee on Harbour Tolls from acting."
    names = entity_names(extractor, text)
    assert {"House of Representatives", "Committee on Harbour Tolls"} <= names


# A prize or medal named after someone is not that person.
def test_a_prize_named_after_a_person_is_not_a_person(extractor) -> None:
    text = "In 1990 she won the Daniel Varga Prize and later the Helen Morrow Medal."
    assert not any(t == "PERSON" for _, t in typed_names(extractor, text))


# A name defined with its abbreviation in brackets is one body, across "for", "and", "&".
def test_words_spelled_by_a_bracketed_abbreviation_are_one_organisation(extractor) -> None:
    text = (
        "Trams stopped at noon. Transit for Kelmouth (TfK) told riders to walk. "
        "An official from TfK said the line would reopen."
    )
    entities = {(e.name, e.type, len(e.mentions)) for e in extractor.analyse(text).entities}
    assert ("Transit for Kelmouth", "ORG", 3) in entities
    assert not any(n == "Kelmouth" for n, _, _ in entities)


# Role words before names: officers named by their initials ("CEO"), after "and".
def test_a_chief_executive_after_and_is_a_person(extractor) -> None:
    text = "In a letter, Kelmo Power President and CEO Andy Farrow said the firm would pay."
    entities = typed_names(extractor, text)
    assert ("Andy Farrow", "PERSON") in entities
    assert not any("CEO" in n for n, _ in entities)


# Outlets named by a descriptor before them.
def test_a_national_daily_or_a_channel_before_a_name_makes_an_outlet(extractor) -> None:
    text = (
        "Danish daily Morgenlys said the talks failed. The YouTube channel Primecast "
        "posted a video about it."
    )
    entities = typed_names(extractor, text)
    assert {("Morgenlys", "ORG"), ("Primecast", "ORG")} <= entities


def test_a_daily_dose_is_not_an_outlet(extractor) -> None:
    text = "Doctors gave him zinc and a daily Restavan, a spokesman said."
    assert ("Restavan", "ORG") not in typed_names(extractor, text)


# Companies, platforms and weather services without a telling word (word list).
def test_well_known_companies_without_a_telling_word_are_organisations(extractor) -> None:
    text = "Mattel and Nintendo both showed new toys, and the group chatted on Telegram."
    assert {("Mattel", "ORG"), ("Nintendo", "ORG"), ("Telegram", "ORG")} <= typed_names(
        extractor, text
    )


# Two nationalities in one word describe people, not a border between two countries.
def test_two_nationalities_joined_before_a_person_noun_are_a_group(extractor) -> None:
    text = "The film follows a Chilean-Australian family. Its lead is a Kenyan-British actor."
    entities = typed_names(extractor, text)
    assert {("Chilean-Australian", "GROUP"), ("Kenyan-British", "GROUP")} <= entities


def test_two_nationalities_joined_before_a_border_are_not_a_group(extractor) -> None:
    text = "Troops moved towards the Peruvian-Chilean border on Monday."
    assert not any(t == "GROUP" and "-" in n for n, t in typed_names(extractor, text))


# Two names separated by a bare comma are no list of organisations.
def test_an_organisation_after_a_comma_does_not_type_the_name_before_it(extractor) -> None:
    text = (
        "As the storm hit Valdoria, Met Office, the British weather service, issued "
        "warnings for the west."
    )
    assert ("Valdoria", "ORG") not in typed_names(extractor, text)


def test_a_bracketed_abbreviation_in_another_language_after_a_body_is_that_body(
    extractor,
) -> None:
    text = "Engineers at the Danish Space Agency (DRV) built it. DRV will launch it in May."
    entities = {(e.name, e.type, len(e.mentions)) for e in extractor.analyse(text).entities}
    assert ("Danish Space Agency", "ORG", 3) in entities


# Roads named by their numbers; codes and numbered things are not people.
def test_a_road_named_by_its_number_is_a_place(extractor) -> None:
    text = "The van crashed on United States Route 9 and later near Interstate 55 in the rain."
    entities = typed_names(extractor, text)
    assert {("United States Route 9", "PLACE"), ("Interstate 55", "PLACE")} <= entities


def test_codes_and_numbered_categories_are_not_people(extractor) -> None:
    text = "Doctors said XR-Vir-7 spreads fast. The storm was rated at Category 4, officials said."
    assert not any(t == "PERSON" for _, t in typed_names(extractor, text))


# Capitals and territories the word list lacked.
def test_territories_and_capitals_are_known_places(extractor) -> None:
    text = "Flights to Bermuda, the Azores and Martinique were cancelled; Honiara was calm."
    entities = typed_names(extractor, text)
    assert {("Bermuda", "PLACE"), ("Martinique", "PLACE"), ("Honiara", "PLACE")} <= entities


def test_a_place_then_a_first_name_and_surname_after_of_are_a_place_and_a_person(
    extractor,
) -> None:
    text = "In 2010, then-governor of Ohio Sarah Quillfeather was chosen as his running mate."
    entities = typed_names(extractor, text)
    assert {("Ohio", "PLACE"), ("Sarah Quillfeather", "PERSON")} <= entities


def test_the_first_of_two_surnames_alone_is_the_same_person(extractor) -> None:
    text = "Ramón Ortuzar Belmonte, the governor, resigned. Ortuzar said he would leave in May."
    people = [e for e in extractor.analyse(text).entities if e.type == "PERSON"]
    assert [(p.name, len(p.mentions)) for p in people] == [("Ramón Ortuzar Belmonte", 2)]


def test_an_abbreviation_never_spells_from_inside_a_word(extractor) -> None:
    text = "Sellers on eShop Market (SM) said prices rose."
    assert not any(n.startswith("Shop") for n in entity_names(extractor, text))
