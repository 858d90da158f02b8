"""Rules-38 organisations typed wrong (round 36): companies named like places.

"retailer Circuit City", "carrier Gulf Air" and "the lender Banco Delta" were places (a place's
word ends or opens the name: "City", "Gulf", "Delta"): a company's noun right before the name
makes it a company, and its later mentions with it. And "Amazon" in an article about the listed
"Amazon.com" was the river, which took the company's name into a place: a known company named by
its web address makes its name without the address a mention of it."""

from __future__ import annotations

from extracted import type_by_name


def test_a_companys_noun_before_a_place_like_name_makes_a_company(extractor) -> None:
    text = (
        "The electronics retailer Harbour City said it would close 40 stores. "
        "Harbour City shares fell by a third."
    )
    assert type_by_name(extractor, text).get("Harbour City") == "ORG"
    text = "The regional carrier Gulf Sky has announced direct flights to Dublin."
    assert type_by_name(extractor, text).get("Gulf Sky") == "ORG"


def test_a_place_like_name_without_a_companys_noun_stays_a_place(extractor) -> None:
    text = "Flooding closed roads in Harbour City on Monday."
    assert type_by_name(extractor, text).get("Harbour City") == "PLACE"


def test_a_listed_company_named_by_its_address_owns_its_short_name(extractor) -> None:
    text = (
        "Amazon.com announced it would buy the grocer. Amazon will pay $13 billion. "
        "Analysts said Amazon could cut prices."
    )
    assert type_by_name(extractor, text).get("Amazon.com") == "ORG"
