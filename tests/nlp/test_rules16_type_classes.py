"""Entity types and boundaries of rules-16 (issue 10): general mechanisms found by judging the
extractor's output on 60 unread Wikinews articles (g000–g059), each pinned by invented examples."""

from __future__ import annotations

import pytest
from extracted import check_names, typed_names


def test_a_personal_title_before_a_place_like_surname_makes_a_person(extractor) -> None:
    text = 'Dr Amelia Hill, who led the study, said it was clear. "We saw no benefit," Hill said.'
    found = typed_names(extractor, text)
    assert ("Amelia Hill", "PERSON") in found
    assert not any(kind == "PLACE" for _, kind in found)


def test_a_role_word_before_a_place_like_surname_makes_a_person(extractor) -> None:
    found = typed_names(extractor, '"Things are very tense," said protester Dack Hill.')
    assert ("Dack Hill", "PERSON") in found
    found = typed_names(extractor, "Defender Sam Park scored twice on Saturday.")
    assert ("Sam Park", "PERSON") in found


def test_a_first_name_and_a_place_like_surname_taken_up_alone_is_a_person(extractor) -> None:
    text = (
        "Keith Hall, head of the statistics office, gave the figure. "
        '"It is good news," said Mr. Hall.'
    )
    analysis = extractor.analyse(text)
    assert ("Keith Hall", "PERSON") in {(e.name, e.type) for e in analysis.entities}
    assert [q.speaker for q in analysis.quotes] == ["Keith Hall"]


# (text, what is found as (name, type), what is not: a bare name with no type); the id is the
# error class.
@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        pytest.param(
            (
                "Crowds gathered at Victoria Park and near George Street, then walked to the Albert "
                "Hall. Later, Sam Park said the march had been peaceful."
            ),
            {("Victoria Park", "PLACE"), ("George Street", "PLACE"), ("Albert Hall", "PLACE")},
            set(),
            id="places_with_a_given_name_and_a_place_head_stay_places",
        ),
        pytest.param(
            "Cyprus Cyprus today became the fifth member state to ask for help, officials said.",
            {("Cyprus", "PLACE")},
            {"Cyprus Cyprus"},
            id="a_country_heading_glued_before_the_same_country_joins_no_name",
        ),
        pytest.param(  # round 41: a heading with lower-case words, opened by a year or a path
            "2008 financial crisis The UK Treasury has announced a cut. Listed US states were "
            "Ohio and Texas.",
            {("UK Treasury", "ORG"), ("US", "PLACE")},
            {"The UK", "Listed US"},
            id="a_year_heading_glued_before_the_first_sentence_joins_no_name",
        ),
        pytest.param(
            (
                "Labor has promised to scrap the agreements, and the Australian Greens agreed. In "
                "Wellington, New Zealand First called for a vote, while the New Democratic Party "
                "abstained."
            ),
            {
                ("Labor", "ORG"),
                ("Australian Greens", "ORG"),
                ("New Zealand First", "ORG"),
                ("New Democratic Party", "ORG"),
            },
            set(),
            id="parties_of_australia_new_zealand_and_canada_are_organisations",
        ),
        pytest.param(
            "Stores in Chicago closed on Labor Day, and Toronto marked Canada Day with fireworks.",
            set(),
            {"Labor", "Canada"},
            id="a_name_before_day_is_a_holiday_not_the_name",
        ),
        pytest.param(
            "Thousands gathered in Prince Alfred Park in Sydney on Saturday.",
            {("Prince Alfred Park", "PLACE")},
            set(),
            id="places_named_after_royals_stay_places",
        ),
        pytest.param(
            "The concert in Queen Elizabeth Park was cancelled, the city said.",
            {("Queen Elizabeth Park", "PLACE")},
            set(),
            id="places_named_after_royals_stay_places",
        ),
        pytest.param(
            "Fire crews were called to King Edward Hill on Monday.",
            {("King Edward Hill", "PLACE")},
            set(),
            id="places_named_after_royals_stay_places",
        ),
        pytest.param(
            (
                "Tony Blair Labour policies were attacked by the Conservatives on Monday. Labour "
                "said the attack was unfair. Gordon Brown BBC interview aired on Sunday. The BBC "
                "said so."
            ),
            {("Labour", "ORG"), ("BBC", "ORG")},
            set(),
            id="a_persons_name_before_a_party_or_broadcaster_keeps_both",
        ),
        pytest.param(
            (
                "Somalia came last in Transparency International's index of perceived corruption. "
                "Transparency International said the war had made matters worse."
            ),
            {("Transparency International", "ORG")},
            set(),
            id="a_body_that_publishes_an_index_is_still_a_body",
        ),
        pytest.param(
            "Gallup said the Gallup index of consumer confidence fell in March.",
            {("Gallup", "ORG")},
            set(),
            id="a_body_that_publishes_an_index_is_still_a_body",
        ),
        pytest.param(
            "Norway led the Harlow Institute index of human development again.",
            {("Harlow Institute", "ORG")},
            set(),
            id="a_body_that_publishes_an_index_is_still_a_body",
        ),
    ],
)
def test_names_are_found_with_their_types(extractor, text, found, absent) -> None:
    check_names(extractor, text, found, absent)


def test_a_category_heading_glued_before_the_first_sentence_joins_no_name(extractor) -> None:
    text = (
        "Tarvel Inquiry The Orvant Grain Board has lost its export contract, the board said. "
        "Its chairman was not available."
    )
    names = {name for name, _ in typed_names(extractor, text)}
    assert not any("Inquiry" in name for name in names)
    text = "Kelmar Election The campaign offices were closed on Friday after a threat."
    assert not any(
        "Election" in name or name.endswith("The") for name, _ in typed_names(extractor, text)
    )


def test_a_person_whose_first_name_is_a_place_opening_an_article_keeps_the_name(extractor) -> None:
    for text, name in (
        ("Austin James Mercer, 19, was charged with arson. Mercer's lawyer spoke.", "Mercer"),
        (
            "Israel Adam Shamir, a writer, spoke in Oslo on Monday. Shamir said it was fine.",
            "Shamir",
        ),
        ("Chad Michael Murray, the actor, will star in the series. Murray said so.", "Murray"),
    ):
        found = typed_names(extractor, text)
        assert not any(kind == "PLACE" and name_ in text[:7] for name_, kind in found), text
        assert any(kind == "PERSON" and name in name_ for name_, kind in found), text


def test_a_name_opening_an_article_keeps_its_words(extractor) -> None:
    text = "Canada Post said on Monday that it would raise its prices. The Hague court agreed."
    names = {name for name, _ in typed_names(extractor, text)}
    assert "Canada Post" in names


def test_a_party_named_without_its_country_or_party_word_is_the_same_party(extractor) -> None:
    text = (
        "The Australian Labor Party (ALP) won the state election. In Tasmania, Labor has "
        "governed for two terms."
    )
    orgs = [e for e in extractor.analyse(text).entities if e.type == "ORG"]
    assert [e.name for e in orgs] == ["Australian Labor Party"]


def test_stock_indexes_are_no_organisations(extractor) -> None:
    text = (
        "The Dow Jones Industrial Average fell 2%. The Standard & Poor's 500 (S&P) lost 9 "
        "points and the Nasdaq Composite closed lower, while the primary UK index, the FTSE "
        "100, rose. Shares of Citigroup fell."
    )
    found = typed_names(extractor, text)
    assert not any(kind == "ORG" and name != "Citigroup" for name, kind in found)
    assert ("Citigroup", "ORG") in found
    assert any(kind == "PLACE" for _, kind in found)  # "UK" before "index" stays a place
