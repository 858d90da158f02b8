"""Round 39 organisations typed wrong: a minister's brief named before its holder ("Corrective
Services minister", "Environment spokesman") or after "Minister of" ("Minister of International
Trade") was an organisation or a person, and "Vice-Minister for Labour" the Labour party: a brief
is no body, and "Vice-Minister" is a title as "Vice-President" is."""

from __future__ import annotations

import pytest
from extracted import type_by_name


@pytest.mark.parametrize(
    ("text", "brief", "holder"),
    [
        (
            "Environment spokeswoman Lena Broome said the quota would stay.",
            "Environment",
            "Lena Broome",
        ),
        (
            "Corrective Services minister Dale Pemberton opened the workshop.",
            "Corrective Services",
            "Dale Pemberton",
        ),
        (
            "Home Affairs spokesman Toby Arlen said the bill was rushed.",
            "Home Affairs",
            "Toby Arlen",
        ),
        (
            "British International Development Secretary Colin Ashby flew to Oslo.",
            "International Development",
            "Colin Ashby",
        ),
        (
            "The Union Home minister Ravi Deshpande visited the site.",
            "Union Home",
            "Ravi Deshpande",
        ),
    ],
)
def test_a_brief_before_its_holder_is_no_body(extractor, text, brief, holder) -> None:
    types = type_by_name(extractor, text)
    assert brief not in types and types.get(holder) == "PERSON"


def test_a_brief_after_minister_of_is_no_body(extractor) -> None:
    text = "She served as Minister of International Trade and then as Minister of Rural Affairs."
    assert type_by_name(extractor, text) == {}


def test_vice_minister_is_a_title_before_its_brief(extractor) -> None:
    text = "The rules were announced by Vice-Minister for Labour Inés Cordero on Monday."
    assert type_by_name(extractor, text) == {"Inés Cordero": "PERSON"}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("A Labour spokesman said the vote had been lost.", "Labour"),
        ("Home Office minister Gail Brent denied the claim.", "Home Office"),
        ("Human Rights Watch spokesman Omar Reyes said so.", "Human Rights Watch"),
        # round 40: a spokesman named by no holder speaks for the department
        ("A Social Services spokesman said the child was safe.", "Social Services"),
    ],
)
def test_a_body_before_its_officer_stays_a_body(extractor, text, body) -> None:
    """(Guards: a party, a listed department and a body holding a brief's words keep their type.)"""
    assert type_by_name(extractor, text).get(body) == "ORG"
