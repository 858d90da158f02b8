"""Rules-53: events, bases and national bodies typed as what they are, not as the place or the
person whose words they hold (issue 10; the user test's LOW-10).

"the Persian Gulf War" gave a PLACE "Persian Gulf"; "the Kelby Tana air base" and "the battle of
Mara Lena" gave people (two given names of the lists); "Hockey Canada", "Sport Canada" gave the
country; "NHL Linesman Ann Lee" kept the official's title in her name; a list of tribes after a
body's "of" was read as one body's fields; a dinosaur's genus named beside its species became a
place.
"""

from __future__ import annotations

from extracted import check_names, names_of_type, typed_names


def test_a_war_named_after_a_listed_place_names_no_place(extractor) -> None:
    text = (
        "Dale Ormond, 61, served in the Persian Gulf War and later taught history in Leeds. "
        "His brother wrote a book on the Suez Crisis."
    )
    places = names_of_type(extractor, text, "PLACE")
    assert "Leeds" in places
    assert not {"Persian Gulf", "Suez"} & places


def test_a_place_alone_stays_a_place_beside_its_war(extractor) -> None:
    text = "Tankers crossed the Persian Gulf on Monday, twenty years after the Persian Gulf War."
    check_names(extractor, text, found=[("Persian Gulf", "PLACE")])


def test_given_names_before_a_base_or_after_a_battle_are_the_place(extractor) -> None:
    text = (
        "Two rockets hit the Kelby Tana air base on Sunday. The video marks the anniversary of "
        "the battle of Mara Lena, where the group's leaders escaped."
    )
    found = typed_names(extractor, text)
    assert ("Kelby Tana", "PLACE") in found
    assert ("Mara Lena", "PLACE") in found
    assert not {name for name, kind in found if kind == "PERSON"}


def test_a_person_named_before_a_base_with_a_title_stays_a_person(extractor) -> None:
    text = "General Kelby Tana air base commanders met him, the ministry said."
    assert ("Kelby Tana", "PLACE") not in typed_names(extractor, text)


def test_a_field_word_before_a_country_names_its_national_body(extractor) -> None:
    text = (
        "A motion demanding officials from Hockey Canada and Sport Canada to appear before a "
        "committee passed. Orlan Vesk said he would not join Team Canada. Canada won gold."
    )
    found = typed_names(extractor, text)
    assert {("Hockey Canada", "ORG"), ("Sport Canada", "ORG"), ("Team Canada", "ORG")} <= found
    assert ("Canada", "PLACE") in found  # the country, named alone
    assert not {("Sport", "PLACE"), ("Hockey", "PLACE")} & found


def test_an_official_of_a_match_is_a_title_before_the_name(extractor) -> None:
    text = (
        "According to a statement by NHL Linesman Orla Brennick, the game was a 2005 game. "
        "Referee Tomas Hedlow agreed."
    )
    persons = names_of_type(extractor, text, "PERSON")
    assert {"Orla Brennick", "Tomas Hedlow"} <= persons
    assert not {p for p in persons if p.startswith(("Linesman", "Referee"))}


def test_tribes_listed_after_a_body_are_bodies_of_their_own(extractor) -> None:
    text = (
        "The suit was brought by the Ravel and Osk Tribes of Fort Peck, Kettle Nation, "
        "Confederated Amin and Tolo Tribes, and the Fort Belknap Indian Community."
    )
    orgs = names_of_type(extractor, text, "ORG")
    assert {"Ravel and Osk Tribes of Fort Peck", "Kettle Nation"} <= orgs
    assert not {o for o in orgs if "," in o}


def test_a_body_named_after_a_list_of_fields_stays_one(extractor) -> None:
    text = (
        "The National Union of Rail, Maritime and Transport Workers and the Department for "
        "Culture, Media and Sport met on Friday."
    )
    orgs = names_of_type(extractor, text, "ORG")
    assert {
        "National Union of Rail, Maritime and Transport Workers",
        "Department for Culture, Media and Sport",
    } <= orgs


def test_a_genus_named_beside_its_species_is_no_entity(extractor) -> None:
    text = (
        "The team chose Velorapta minori, a dinosaur the size of a turkey, for the study. "
        "They argue that in Velorapta the wings served for balance. Ann Lee of Leeds "
        "University agreed. Velorapta ran fast."
    )
    names = {name for name, _ in typed_names(extractor, text)}
    assert "Velorapta" not in names
    assert "Ann Lee" in names


def test_a_name_before_a_common_word_of_a_latin_ending_stays(extractor) -> None:
    text = "Tourists in Nairobi taxi queues waited for hours, officials in Nairobi said."
    check_names(extractor, text, found=[("Nairobi", "PLACE")])


def test_a_degree_names_a_field_no_body(extractor) -> None:
    text = (
        "Vellan received a Master of Business Administration from Kelmouth Business School "
        "in 1975 and a Bachelor of Laws later."
    )
    orgs = names_of_type(extractor, text, "ORG")
    assert "Kelmouth Business School" in orgs
    assert not {"Business Administration", "Laws"} & orgs


def test_an_army_specialist_is_a_rank_before_the_name(extractor) -> None:
    text = "Protesters came to the funeral of Army Specialist Tobin Varga in Portage on Friday."
    found = typed_names(extractor, text)
    assert ("Tobin Varga", "PERSON") in found
    assert not {name for name, _ in found if "Specialist" in name}


def test_temples_markets_tracks_and_courthouses_are_places(extractor) -> None:
    text = (
        "Bombs went off at the Varesh Temple and at Kolnar Monastery. Earlier, a blast hit the "
        "city's Olmek Bazaar, and the race was held at the Brenton Speedway. The case was heard "
        "at the Tavik Courthouse."
    )
    places = names_of_type(extractor, text, "PLACE")
    assert {
        "Varesh Temple",
        "Kolnar Monastery",
        "Olmek Bazaar",
        "Brenton Speedway",
        "Tavik Courthouse",
    } <= places


def test_an_ordinal_opens_a_circuit_court_s_name(extractor) -> None:
    text = "The appeal was filed with the 9th Circuit Court of Appeals, which declined it."
    check_names(extractor, text, found=[("9th Circuit Court of Appeals", "ORG")])


def test_a_role_before_a_club_s_word_and_a_surname_names_a_person(extractor) -> None:
    text = (
        "The president commuted the sentence of Army intelligence officer Chelsea Vantreek. "
        "Chelsea beat Arsenal on Sunday."
    )
    found = typed_names(extractor, text)
    assert ("Chelsea Vantreek", "PERSON") in found
    assert ("Chelsea", "ORG") in found  # the club, named alone


def test_a_firm_s_staff_body_does_not_swallow_the_firm(extractor) -> None:
    text = (
        "Irish airline Brennair has dismissed pilot Tom Varl. Varl is a key figure of Brennair "
        "Pilots Group, which ran a survey. Brennair issued a statement on Monday."
    )
    orgs = names_of_type(extractor, text, "ORG")
    assert {"Brennair", "Brennair Pilots Group"} <= orgs


def test_a_company_named_again_by_its_leading_word_stays_one(extractor) -> None:
    text = "Kelby Motor Company cut 300 jobs. Kelby said it would hire again in May."
    orgs = names_of_type(extractor, text, "ORG")
    assert "Kelby Motor Company" in orgs
    assert "Kelby" not in orgs


def test_the_olympic_games_are_an_event_no_body(extractor) -> None:
    text = (
        "Tickets for the 2008 Summer Olympic Games went on sale; the doctor served at four "
        "Olympic Games. Officials of the Special Olympics met the International Olympic "
        "Committee."
    )
    orgs = names_of_type(extractor, text, "ORG")
    assert not {o for o in orgs if o.endswith("Games")}
    assert {"Special Olympics", "International Olympic Committee"} <= orgs


def test_a_person_after_a_magazine_named_before_its_noun(extractor) -> None:
    text = (
        "Australia's Velna magazine Sharri Markvale confirmed on Wednesday that she will leave. "
        "She joined the magazine Scientific American later. The Italian newspaper Il Tramonte "
        "said so."
    )
    found = typed_names(extractor, text)
    assert ("Sharri Markvale", "ORG") not in found
    assert {("Scientific American", "ORG"), ("Il Tramonte", "ORG")} <= found
