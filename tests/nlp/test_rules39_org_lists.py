"""Rules-39 organisations typed wrong (round 37): bodies known worldwide that carry no telling
word ("Wal-Mart", "Unite", "Northrop Grumman", "the Bundesrat") were no entity, or a person
after a speech verb, or a place: the hand-written list of organisations now holds them."""

from __future__ import annotations

import pytest
from extracted import type_by_name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Shoppers queued outside Wal-Mart before dawn on Friday.", "Wal-Mart"),
        ("Unite said the drivers would walk out again next week.", "Unite"),
        ("The tender went to Northrop Grumman after a long review.", "Northrop Grumman"),
        ("The Bundesrat approved the treaty by a wide margin.", "Bundesrat"),
        ("MySpace grew to sixty million members last year.", "MySpace"),
        ("Trains on the London Underground stopped for an hour.", "London Underground"),
        ("Forza Italia voted against the budget in the Senate.", "Forza Italia"),
    ],
)
def test_a_listed_body_without_a_telling_word_is_an_organisation(extractor, text, name) -> None:
    assert type_by_name(extractor, text).get(name) == "ORG"


def test_a_company_listed_under_its_old_whole_name_stays_whole(extractor) -> None:
    """(A guard: listing "Time Warner" alone split it in an article about 2002.)"""
    types = type_by_name(extractor, "The show was made with AOL Time Warner for six years.")
    assert types.get("AOL Time Warner") == "ORG"
    assert "Time Warner" not in types


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Walgreens opened forty new pharmacies last year.", "Walgreens"),
        ("The march passed the hall of the Orange Order at noon.", "Orange Order"),
        ("Tickets for Snow Patrol sold out within an hour.", "Snow Patrol"),
        ("Reporters for the Liverpool Echo were at the scene.", "Liverpool Echo"),
        ("The Royal Mint has struck a new coin for the jubilee.", "Royal Mint"),
    ],
)
def test_a_second_group_of_listed_bodies_are_organisations(extractor, text, name) -> None:
    """Round 37's second group: companies, outlets, orders and bands known worldwide."""
    assert type_by_name(extractor, text).get(name) == "ORG"
