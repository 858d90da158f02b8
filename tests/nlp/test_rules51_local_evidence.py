"""Rules-51: local evidence over the lists, on text the rules were never tuned on (issue 10).

Classes read on the GUM corpus (tools/gum_silver.py): a company named like a listed place is a
company where the article gives it what only a company has ("Orinoco's shareholders"); two
initials written as capitals open a person's name ("JK Rowling"); a listed name written with
"&" for "and" ("Trinidad & Tobago") is that name; a title opening with "The" cut at its "of"
("The Wealth of Nations") is a work, no organisation. The examples are written for these tests.
"""

from __future__ import annotations

from extracted import type_by_name


def test_a_firm_named_like_a_listed_place_is_a_firm_at_every_mention(extractor) -> None:
    text = (
        "Amazon's shareholders voted against the pay plan on Tuesday. Workers at Amazon had "
        "asked for a vote, and Amazon said it would listen."
    )
    assert type_by_name(extractor, text).get("Amazon") == "ORG"


def test_a_company_noun_before_a_listed_place_makes_it_a_firm(extractor) -> None:
    text = "The retailer Amazon opened a depot near Leeds. Amazon hired 400 people."
    assert type_by_name(extractor, text).get("Amazon") == "ORG"


def test_a_listed_place_with_no_firm_sign_stays_a_place(extractor) -> None:
    text = "Fires spread across the Amazon this summer, and farmers in the Amazon blamed loggers."
    assert type_by_name(extractor, text).get("Amazon") == "PLACE"


def test_a_country_s_chief_executive_is_its_head_not_a_firm_s(extractor) -> None:
    text = "Georgia's chief executive spoke in Tbilisi. Georgia borders Turkey."
    assert type_by_name(extractor, text).get("Georgia") == "PLACE"


def test_two_initials_then_a_surname_after_by_are_a_person(extractor) -> None:
    text = "The series was written by JK Rowling, and the films followed in 2001."
    assert type_by_name(extractor, text).get("JK Rowling") == "PERSON"


def test_two_initials_then_a_surname_used_alone_elsewhere_are_a_person(extractor) -> None:
    text = (
        "Chief minister RK Vellan opened the bridge on Monday. Vellan said the state would "
        "build two more."
    )
    assert type_by_name(extractor, text).get("RK Vellan") == "PERSON"


def test_two_capitals_and_a_word_with_no_person_sign_stay_a_body(extractor) -> None:
    text = "IG Tarnwerk called a strike on Monday. IG Tarnwerk represents 40,000 workers."
    assert type_by_name(extractor, text).get("IG Tarnwerk") == "ORG"


def test_a_listed_country_written_with_an_ampersand_is_that_country(extractor) -> None:
    text = "Trinidad & Tobago beat Bosnia & Herzegovina 2-1 in Port of Spain."
    types = type_by_name(extractor, text)
    assert types.get("Trinidad and Tobago") == "PLACE"
    assert types.get("Bosnia and Herzegovina") == "PLACE"
    assert "Trinidad & Tobago" not in types


def test_a_firm_with_an_ampersand_is_still_one_firm(extractor) -> None:
    text = "Shares in Harlow & Penn rose after Harlow & Penn won the contract."
    assert type_by_name(extractor, text).get("Harlow & Penn") == "ORG"


def test_a_title_cut_at_its_of_is_no_organisation(extractor) -> None:
    text = (
        "She is writing a sequel to The Wealth of Nations, and her students read The "
        "Philosophy of Grammar in Oslo."
    )
    types = type_by_name(extractor, text)
    assert "The Wealth" not in types and "Wealth" not in types
    assert "The Philosophy" not in types and "Philosophy" not in types


def test_a_body_named_with_the_and_of_stays_a_body(extractor) -> None:
    text = "He wrote for The Times of India before joining The Sisters of Charity in Kolkata."
    assert type_by_name(extractor, text).get("The Times of India") == "ORG"


def test_a_drama_named_after_its_genre_word_is_no_organisation(extractor) -> None:
    text = "He played a lawyer in the legal drama The Hollow Court, filmed in Toronto."
    assert "The Hollow Court" not in type_by_name(extractor, text)


def test_a_place_s_possessive_after_and_opens_a_second_name(extractor) -> None:
    text = (
        "She trained at the University of Bristol and Leeds's Marrow Academy of Dramatic Art "
        "before moving to York."
    )
    types = type_by_name(extractor, text)
    assert types.get("University of Bristol") == "ORG"
    assert types.get("Leeds") == "PLACE"
    assert not any(name.endswith("and Leeds") for name in types)


def test_one_body_named_after_two_places_keeps_its_possessive(extractor) -> None:
    text = "The Port Authority of New York and New Jersey's director resigned on Friday."
    assert type_by_name(extractor, text).get("Port Authority of New York and New Jersey") == "ORG"


def test_a_professor_s_field_is_no_organisation(extractor) -> None:
    text = "Mira Osei, Professor of Psychiatry at the University of Halvern, said sleep matters."
    types = type_by_name(extractor, text)
    assert "Psychiatry" not in types
    assert types.get("University of Halvern") == "ORG"
