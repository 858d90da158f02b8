"""Rules-40 organisations typed wrong (round 38): a listed body's possessive standing alone
("the top seller Toyota's.", "chains Kroger's, Walgreens and …") kept its "'s" as a business
named so ("McDonald's said") does, was then no listed name, and became a place."""

from __future__ import annotations

import pytest
from extracted import type_by_name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Its sales were lower than those of the market leader Toyota's.", "Toyota"),
        ("Chains such as Costco’s, Walgreens and three others sued the bank.", "Costco"),
        ("The new model outsold Volkswagen's, the maker said.", "Volkswagen"),
    ],
)
def test_a_listed_body_s_possessive_alone_is_the_body(extractor, text, name) -> None:
    types = type_by_name(extractor, text)
    assert types.get(name) == "ORG"
    assert "PLACE" not in types.values()


def test_a_business_named_with_its_s_keeps_it(extractor) -> None:
    """(A guard: an unknown name's "'s" before a stop is still the business's own.)"""
    types = type_by_name(extractor, "The deal was signed at Pellmann's. It opens in May.")
    assert types.get("Pellmann's") == "ORG"


@pytest.mark.parametrize(
    "text",
    [
        "The bill passed the House of Representatives on Monday. Democrats in the House said it "
        "would pass the Senate too.",
        "The plan went to the US House of Representatives. Republicans in the House said it "
        "would fail.",
        "The Australian House of Representatives sat late. Ann Lee told the House that the "
        "Parliament would sit again on Friday.",
    ],
)
def test_the_house_of_an_article_naming_the_chamber_is_the_chamber(extractor, text) -> None:
    """A bare "the House" where the article names the chamber in full is its short form, merged
    into it ("Democrats in the House said" made a person "House")."""
    types = type_by_name(extractor, text)
    assert "House" not in types
    assert [t for name, t in types.items() if "House of Representatives" in name] == ["ORG"]


def test_a_house_of_a_title_is_no_chamber(extractor) -> None:
    """(A guard: "House of Cards" names no legislature, and its "The House" stays none.)"""
    types = type_by_name(extractor, "She wrote House of Cards in 1989. The House was a hit.")
    assert "House" not in types


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "On Monday, Skype Limited announced a new plan. As of Skype Limited, it has no fee.",
            "Skype Limited",
        ),
        ("On Monday, Harlow Tilings Limited announced forty job cuts.", "Harlow Tilings Limited"),
        (
            "Yesterday, Brant Marlow Incorporated said the deal was off.",
            "Brant Marlow Incorporated",
        ),
    ],
)
def test_a_name_ending_in_a_spelt_out_legal_form_is_a_company(extractor, text, name) -> None:
    """ "Limited" and "Incorporated" end a company's name as "Ltd" and "Inc" do: a name before a
    speech verb ending in one was a person ("As of Skype Limited," in round 37's list)."""
    assert type_by_name(extractor, text).get(name) == "ORG"
