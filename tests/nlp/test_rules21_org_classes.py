"""Organisations of rules-21 (issue 10): ORG error classes found on the readable Wikinews sets,
each pinned by invented sentences."""

from __future__ import annotations

import pytest
from extracted import check_names, quotes_and_speakers


@pytest.mark.parametrize(
    ("text", "seat"),
    [
        ("White House spokesman Ben Ardley said the visit would go ahead.", "White House"),
        ("The decision was welcomed by the Kremlin on Tuesday.", "Kremlin"),
        ("A Pentagon official, Dana Holt, confirmed the order.", "Pentagon"),
        ("Downing Street declined to comment on the leak.", "Downing Street"),
    ],
)
def test_a_seat_of_government_is_a_place_even_when_it_acts(extractor, text, seat) -> None:
    check_names(extractor, text, [(seat, "PLACE")], [(seat, "ORG")])


def test_a_seat_of_government_still_speaks_for_its_office(extractor) -> None:
    text = "“We will not reopen the talks,” the Kremlin said in a statement on Friday."
    assert quotes_and_speakers(extractor, text) == [("We will not reopen the talks,", "Kremlin")]
    check_names(extractor, text, [("Kremlin", "PLACE")], [("Kremlin", "ORG")])


@pytest.mark.parametrize(
    ("text", "channel", "absent"),
    [
        ("Mr Orrin, speaking on Radio 4's Today programme, urged calm.", "Radio 4", "Radio"),
        ("Tamsin Vale told Channel 10 TV the strike would go on.", "Channel 10", "Channel"),
        ("He was interviewed on BBC 1's breakfast show on Sunday.", "BBC 1", "BBC"),
        ("The letter was later obtained by Channel 4 News.", "Channel 4 News", "News"),
        ("The final was shown on ITV 2 after the news.", "ITV 2", "ITV"),
    ],
)
def test_a_broadcaster_keeps_its_number(extractor, text, channel, absent) -> None:
    check_names(extractor, text, [(channel, "ORG")], [absent])


def test_a_count_or_a_decimal_after_a_channel_is_no_part_of_it(extractor) -> None:
    text = "Channel 4,000 viewers wrote in. Radio 4.5 was a parody station."
    names = {e.name for e in extractor.analyse(text).entities}
    assert not {"Channel 4", "Radio 4"} & names


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("The Centre for Social Justice said the cuts went too far.", "Centre for Social Justice"),
        (
            "A report by the Kelmouth Institute for Human Rights and Global Justice was leaked.",
            "Kelmouth Institute for Human Rights and Global Justice",
        ),
        (
            "The Ministry of Justice and Public Security denied the claim.",
            "Ministry of Justice and Public Security",
        ),
    ],
)
def test_a_body_named_for_justice_keeps_the_word(extractor, text, body) -> None:
    check_names(extractor, text, [(body, "ORG")], [("Public Security", "PERSON")])


def test_a_role_after_a_body_is_still_no_part_of_it(extractor) -> None:
    text = "A Ministry of Foreign Affairs Spokesman said the talks had ended."
    check_names(extractor, text, [("Ministry of Foreign Affairs", "ORG")])


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        (
            "Two men resigned from the Army Council of the Kelmouth Republican Army on Monday.",
            ["Army Council", "Kelmouth Republican Army"],
        ),
        (
            "The joint Development Committee of the Orrin Trade Group met in Tarrow.",
            ["Development Committee", "Orrin Trade Group"],
        ),
    ],
)
def test_a_body_of_another_body_is_two_bodies(extractor, text, bodies) -> None:
    check_names(extractor, text, [(b, "ORG") for b in bodies])


@pytest.mark.parametrize(
    "body",
    [
        "Central Bank of the Russian Federation",  # a place after "of the": one body
        "National Academy of Sciences",  # no head noun after "of"
        "International Committee of the Red Cross",
        "Council of the European Union",  # one word before "of"
    ],
)
def test_a_body_named_after_of_stays_whole(extractor, body) -> None:
    check_names(extractor, f"The {body} said on Monday that it would meet.", [(body, "ORG")])


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Officials of the Vardak agency declined to comment.", "Vardak"),
        ("Villages were burned by government troops and Orrim militia on Friday.", "Orrim"),
        ("Late on Thursday the Kelnow website quoted two leaders.", "Kelnow"),
    ],
)
def test_a_name_right_before_agency_militia_or_website_is_that_body(extractor, text, body) -> None:
    check_names(extractor, text, [(body, "ORG")])
