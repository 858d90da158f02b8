"""Round 35 organisation spans (helper orgmiss), each pinned by invented sentences.

A known body's name and a country's or a big region's name ending the capitals is the body's
branch there, one organisation ("Human Rights Watch Canada" was Human Rights Watch and the place
Canada); not a beat or a meeting ("the BBC Kenya correspondent", "the EU Africa summit") nor a
city ("CNN Washington").

A given name, an unknown second name and a known body's or place's one word ending the capitals
are one person ("Mette Halvor Rasmussen" was the person "Mette Halvor" and the pollster
Rasmussen); not when the article writes the second name alone elsewhere (a surname: "Tom Halvik
Labor" in a results line, "Halvik said").

Names the lists lacked, found cut on unannotated news: Islamic Jihad (the group "Islamic" and a
person "Jihad"), Korean Air, the Social Democratic and Labour Party ("Democratic" and "Labour
Party"), the Congress of South African Trade Unions, Royal Dutch Shell, British American Tobacco
and Japan Tobacco.

A body's name glued to "of" and a town's name with its region after a comma ("the Harbour
Savings Bank of Millbrook, Vermont") is the body and a place, when the article names the body
without the town elsewhere; not a generic body's ("the Supreme Court of Vermont") nor a known
name's."""

from __future__ import annotations

from extracted import type_by_name


def test_a_known_body_and_a_country_name_its_branch(extractor) -> None:
    text = (
        "Ann Kellner, director of Human Rights Watch Canada, said the report came late. "
        "Human Rights Watch had asked for it in March."
    )
    types = type_by_name(extractor, text)
    assert types["Human Rights Watch Canada"] == "ORG"
    assert types["Human Rights Watch"] == "ORG"  # the parent stays an entity of its own
    assert "Canada" not in types


def test_a_beat_a_meeting_or_a_city_after_a_body_is_no_branch(extractor) -> None:
    types = type_by_name(extractor, "Tom Rudd, the BBC Kenya correspondent, filed the story.")
    assert types["BBC"] == "ORG" and types["Kenya"] == "PLACE"
    types = type_by_name(extractor, "Leaders met at the EU Africa summit in Lisbon.")
    assert types["EU"] == "ORG" and types["Africa"] == "PLACE"
    types = type_by_name(extractor, "Staff at CNN Washington said the tape was lost.")
    assert types["CNN"] == "ORG" and types["Washington"] == "PLACE"


def test_a_given_name_a_second_name_and_a_known_word_are_one_person(extractor) -> None:
    types = type_by_name(extractor, "Mette Halvor Rasmussen said the budget was fair.")
    assert types == {"Mette Halvor Rasmussen": "PERSON"}


def test_a_second_name_written_alone_elsewhere_is_a_surname(extractor) -> None:
    text = "Tom Halvik Labor won the seat. Halvik said he was pleased."
    types = type_by_name(extractor, text)
    assert types["Tom Halvik"] == "PERSON" and types["Labor"] == "ORG"


def test_names_the_lists_lacked_are_whole(extractor) -> None:
    text = "Islamic Jihad said it fired the rockets. Korean Air cancelled flights."
    assert type_by_name(extractor, text) == {"Islamic Jihad": "ORG", "Korean Air": "ORG"}
    text = "The Social Democratic and Labour Party walked out of the talks."
    assert type_by_name(extractor, text) == {"Social Democratic and Labour Party": "ORG"}


def test_a_town_address_after_a_body_named_alone_elsewhere_is_a_place(extractor) -> None:
    text = (
        "Regulators closed the Harbour Savings Bank of Millbrook, Vermont on Friday. "
        "Two Harbour Savings Bank branches will reopen on Monday."
    )
    types = type_by_name(extractor, text)
    assert types["Harbour Savings Bank"] == "ORG"
    assert types["Millbrook"] == "PLACE"
    assert "Harbour Savings Bank of Millbrook" not in types


def test_a_generic_body_of_a_place_keeps_its_place(extractor) -> None:
    text = "The appeal went to the Supreme Court of Vermont, Montpelier. The Supreme Court ruled."
    assert type_by_name(extractor, text)["Supreme Court of Vermont"] == "ORG"
