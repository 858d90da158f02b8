"""Rules-38 review fixes (round 36): misfires of this round's rules found by the review.

N2: a name between commas after a bare lower-case "the <noun>," names the body itself ("The
grocer, Harriet Vane, said"), while after a body's NAME ("the Harbour Gaming Commission, Ann
Lee, said") it is a person of the body.
N1: "provider" is a person's trade too: "home care provider Nadia Perrin" is a person, while
"broadband provider Telvia" stays a company.
N5: "St." and a given name revered ("prayed to St. Jude", "the relics of St. Agatha", "St. Clare
of Assisi") are a saint, not a place; "flew to St. Louis" stays a place."""

from __future__ import annotations

from extracted import type_by_name


def test_a_name_between_commas_after_a_bare_body_noun_is_the_body(extractor) -> None:
    text = "The retailer, Harriet Vane, said its winter sales had doubled."
    assert type_by_name(extractor, text).get("Harriet Vane") != "PERSON"
    text = "The travel agency, Oliver Grant, also said bookings had fallen."
    assert type_by_name(extractor, text).get("Oliver Grant") != "PERSON"


def test_a_name_between_commas_after_a_body_name_is_still_its_person(extractor) -> None:
    text = "The Harbour Gaming and Lottery Commission, Ann Lee-Varden, said the rules stand."
    assert type_by_name(extractor, text)["Ann Lee-Varden"] == "PERSON"


def test_a_given_name_and_surname_after_provider_are_a_person(extractor) -> None:
    text = "Her home care provider Nadia Perrin said the visits would go on."
    assert type_by_name(extractor, text)["Nadia Perrin"] == "PERSON"
    text = "The childcare provider Colin Ashby looked after four toddlers."
    assert type_by_name(extractor, text)["Colin Ashby"] == "PERSON"


def test_a_company_after_provider_stays_a_company(extractor) -> None:
    text = "Broadband provider Telvia raised its prices in May."
    assert type_by_name(extractor, text)["Telvia"] == "ORG"


def test_a_saint_revered_is_no_place(extractor) -> None:
    text = "The fishermen prayed to St. Andrew before the storm reached the bay."
    assert type_by_name(extractor, text).get("St. Andrew") != "PLACE"
    text = "Thousands queued to see the relics of St. Agatha in the cathedral."
    assert type_by_name(extractor, text).get("St. Agatha") != "PLACE"
    text = "A new biography of St. Clare of Assisi was published on Tuesday."
    assert "PLACE" not in {
        kind for name, kind in type_by_name(extractor, text).items() if "Clare" in name
    }


def test_a_city_named_for_a_saint_stays_a_place(extractor) -> None:
    text = "The delegation flew to St. Louis on Monday for the talks."
    assert type_by_name(extractor, text)["St. Louis"] == "PLACE"


def test_a_saints_day_celebrated_names_no_person(extractor) -> None:
    text = "The office staff celebrate St. Brendan's Day with a parade every year."
    assert "Brendan" not in type_by_name(extractor, text)
