"""Round 39 organisation spans (helper orgmiss): a company's legal form ("Limited", "Ltd",
"Incorporated", "LLC") ends its name, so a lower-case word after it ("to", "for", "of") joins it
to nothing: "paid by Corvane Limited to Ivo Marsh" is a company and a person, not one
organisation "Corvane Limited to Ivo Marsh"."""

from __future__ import annotations

from extracted import type_by_name


def test_a_legal_form_before_to_ends_the_companys_name(extractor) -> None:
    text = "Fees were paid by Corvane Limited to Ivo Marsh, the inquiry heard."
    assert type_by_name(extractor, text) == {"Corvane Limited": "ORG", "Ivo Marsh": "PERSON"}


def test_a_legal_form_before_for_or_of_ends_the_companys_name(extractor) -> None:
    text = "He left Dunmore Incorporated for the Velvet Lanterns in 1966."
    types = type_by_name(extractor, text)
    assert types.get("Dunmore Incorporated") == "ORG"
    assert not any("for" in name for name in types)
    text = "Staff were hired by Larkfield Events LLC of Rogers, Arkansas, a market firm."
    types = type_by_name(extractor, text)
    assert types.get("Larkfield Events LLC") == "ORG"
    assert types.get("Rogers") == "PLACE"


def test_a_name_holding_for_or_of_without_a_legal_form_stays_whole(extractor) -> None:
    text = "Fees went to the Corporation for Public Broadcasting, the audit said."
    assert type_by_name(extractor, text) == {"Corporation for Public Broadcasting": "ORG"}
