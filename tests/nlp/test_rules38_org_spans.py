"""Round 36 organisation spans (helper orgmiss), each pinned by invented sentences.

A known body and a country's name before a noun the names describe ("the Red Cross Syria
appeal") are the body and the place, not the body's branch ("Amnesty International USA
launched …" still is one).

The UN's High Commissioners for Refugees and for Human Rights are bodies, not a body "United
Nations High" and a title; a person's name ending in "Jr." or "Sr." right before a body's head
word opens the body's name ("the Martin Luther King Jr. Center …"); a compass word before a
team's town is part of the team's name ("the South Sydney Rabbitohs"); and common capitalised
words before a country name a body in it ("Gas Infrastructure Europe"), but not a sentence's
first word, capitals shouted or a title in quotation marks."""

from __future__ import annotations

from extracted import type_by_name


def test_a_noun_after_a_body_and_a_country_makes_no_branch(extractor) -> None:
    types = type_by_name(extractor, "The Red Cross Norway appeal raised four million crowns.")
    assert types["Red Cross"] == "ORG" and types["Norway"] == "PLACE"
    assert "Red Cross Norway" not in types
    types = type_by_name(extractor, "The World Bank Kenya study was published on Monday.")
    assert types["World Bank"] == "ORG" and types["Kenya"] == "PLACE"


def test_a_branch_before_a_verb_or_a_clause_stays_one_body(extractor) -> None:
    types = type_by_name(extractor, "Amnesty International Canada launched a campaign.")
    assert types == {"Amnesty International Canada": "ORG"}
    types = type_by_name(extractor, "Mr Holt told Sky News Australia that it was late.")
    assert types["Sky News Australia"] == "ORG"


def test_the_un_high_commissioners_are_bodies(extractor) -> None:
    text = (
        "The United Nations High Commissioner for Refugees opened a camp near the border. "
        "The UN High Commissioner for Human Rights asked for an inquiry."
    )
    types = type_by_name(extractor, text)
    assert types["United Nations High Commissioner for Refugees"] == "ORG"
    assert types["UN High Commissioner for Human Rights"] == "ORG"
    assert "United Nations High" not in types and "Refugees" not in types


def test_a_name_ending_in_junior_opens_the_body_named_after_it(extractor) -> None:
    text = "Pupils visited the Walter Ray Dawson Jr. Foundation for Rural Schools in Ohio."
    types = type_by_name(extractor, text)
    assert types["Walter Ray Dawson Jr. Foundation for Rural Schools"] == "ORG"
    assert "Walter Ray Dawson Jr." not in types


def test_a_compass_word_before_a_teams_town_is_the_teams(extractor) -> None:
    text = "The East Perth Rabbitohs won the rugby league match at the stadium on Sunday."
    types = type_by_name(extractor, text)
    assert types["East Perth Rabbitohs"] == "ORG"
    assert "Perth Rabbitohs" not in types


def test_common_words_before_a_country_name_a_body_there(extractor) -> None:
    text = "A study by Fair Trade Finland found the lakes were safe."
    types = type_by_name(extractor, text)
    assert types["Fair Trade Finland"] == "ORG"
    assert "Finland" not in types


def test_shouted_capitals_or_a_quoted_title_before_a_country_name_no_body(extractor) -> None:
    types = type_by_name(extractor, 'He replied to comments on "Looking Down Norway" by Ann Lee.')
    assert "Looking Down Norway" not in types
    types = type_by_name(extractor, "A forum on the LEADER OF NORWAY was held on Friday.")
    assert "LEADER OF NORWAY" not in types


def test_two_names_joined_by_and_the_that_the_lists_know_are_one(extractor) -> None:
    text = "Fighters of the Islamic State of Iraq and the Levant took the village on Monday."
    types = type_by_name(extractor, text)
    assert types["Islamic State of Iraq and the Levant"] == "ORG"
    assert "Levant" not in types and "Islamic State of Iraq" not in types
    types = type_by_name(extractor, "The World Bank and the United Nations sent staff.")
    assert types["World Bank"] == "ORG" and types["United Nations"] == "ORG"


def test_the_globe_and_mail_is_one_paper(extractor) -> None:
    types = type_by_name(extractor, "Ann Lee wrote for The Globe and Mail for ten years.")
    assert types["The Globe and Mail"] == "ORG"
    assert "Mail" not in types and "The Globe" not in types


def test_a_bodys_name_ends_before_its_officers_title_and_name(extractor) -> None:
    text = "Office of Fisheries and Ocean Science Director Ann Kellner spoke on Friday."
    types = type_by_name(extractor, text)
    assert types["Office of Fisheries and Ocean Science"] == "ORG"
    assert types["Ann Kellner"] == "PERSON"
    assert "Ocean Science" not in types


def test_a_cued_body_and_a_country_before_a_verb_or_a_stop_are_its_branch(extractor) -> None:
    types = type_by_name(extractor, "The fund sold its stake in Air Norway, a small carrier.")
    assert types["Air Norway"] == "ORG" and "Norway" not in types
    types = type_by_name(extractor, "Shares of Tin Norway jumped on Monday.")
    assert types["Tin Norway"] == "ORG" and "Norway" not in types


def test_a_sentences_first_word_and_a_country_before_a_verb_name_a_body(extractor) -> None:
    types = type_by_name(extractor, "Prices rose. HALO Norway predicted that visitors would come.")
    assert types["HALO Norway"] == "ORG" and "Norway" not in types


def test_a_cued_body_and_a_country_before_a_noun_or_a_number_stay_apart(extractor) -> None:
    types = type_by_name(extractor, "Shares of Tin Norway 2007 fell.")
    assert "Tin Norway" not in types and types["Norway"] == "PLACE"
    types = type_by_name(extractor, "Prices rose. Running Norway predicted nothing.")
    assert "Running Norway" not in types
