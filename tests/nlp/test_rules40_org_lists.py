"""Rules-40 organisations typed wrong (round 38): bodies known worldwide that carry no telling
word (outlets, agencies, parliaments, parties, armed groups, unions, companies, leagues and clubs)
were no entity, a person after a speech verb or a place: the hand-written list now holds them."""

from __future__ import annotations

import pytest
from extracted import type_by_name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On Monday, Newsweek said the interview had been edited.", "Newsweek"),
        ("Readers of Le Figaro were asked to vote online.", "Le Figaro"),
        ("The chairman of the Joint Chiefs of Staff flew to Kabul.", "Joint Chiefs of Staff"),
        ("The Folketing passed the budget late on Thursday.", "Folketing"),
        ("Yisrael Beiteinu won eleven seats in the election.", "Yisrael Beiteinu"),
        ("Villagers said the Janjaweed burned the market.", "Janjaweed"),
        ("On Friday, Ofsted said the school had improved.", "Ofsted"),
        ("On Tuesday, Aston Martin said sales had doubled.", "Aston Martin"),
        (
            "Delegates to the National People's Congress voted on the law.",
            "National People's Congress",
        ),
        ("Fans of Bolton Wanderers queued for tickets.", "Bolton Wanderers"),
    ],
)
def test_a_listed_body_without_a_telling_word_is_an_organisation(extractor, text, name) -> None:
    assert type_by_name(extractor, text).get(name) == "ORG"


@pytest.mark.parametrize(
    ("text", "name", "wrong"),
    [
        ("Fares were cut by WestJet in May.", "WestJet", "PLACE"),
        ("The Riksdag debated the treaty for two days.", "Riksdag", "PLACE"),
        ("Trade within Mercosur grew by a tenth.", "Mercosur", "PLACE"),
    ],
)
def test_a_listed_body_is_no_place(extractor, text, name, wrong) -> None:
    types = type_by_name(extractor, text)
    assert types.get(name) == "ORG" and wrong not in types.values()


def test_a_company_listed_under_its_longer_name_stays_whole(extractor) -> None:
    """(A guard: listing "Bombardier" alone cut "Bombardier Transportation".)"""
    types = type_by_name(extractor, "The order went to Bombardier Transportation last year.")
    assert types.get("Bombardier Transportation") == "ORG"
    assert "Bombardier" not in types


def test_a_samoan_given_name_is_no_oil_company(extractor) -> None:
    """(A guard: "Eni" was left out of the list: "Eni F. H. Faleomavaega" is a delegate.)"""
    types = type_by_name(extractor, "Delegate Eni Tuilagi said the vote was close.")
    assert types.get("Eni") != "ORG"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On Monday, Binance said withdrawals would resume.", "Binance"),
        ("Protesters from Extinction Rebellion blocked the bridge.", "Extinction Rebellion"),
        ("On Sunday, Pheu Thai said it had won the most seats.", "Pheu Thai"),
        ("Reporters for Meduza were barred from the court.", "Meduza"),
    ],
)
def test_a_second_group_of_listed_bodies_are_organisations(extractor, text, name) -> None:
    """Round 38's second group: companies, movements, parties and outlets of the 2010s and 2020s."""
    assert type_by_name(extractor, text).get(name) == "ORG"
