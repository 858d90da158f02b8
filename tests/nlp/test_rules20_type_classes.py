"""Entity types of rules-20 (issue 10): error classes found on the readable Wikinews sets and
the reviewer's probes of rules-19, each pinned by invented sentences."""

from __future__ import annotations

import pytest
from extracted import check_names


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        (
            "Businesses such as Kelmouth Market, Harbour Street and Old Town suffered.",
            [("Kelmouth Market", "ORG"), ("Harbour Street", "PLACE"), ("Old Town", "PLACE")],
            [("Harbour Street", "ORG"), ("Old Town", "ORG")],
        ),
        (  # a building that trades stays one of the businesses
            "Firms such as Tarrow Hotel, Pell Gallery and Wend Tiles closed for the week.",
            [("Tarrow Hotel", "ORG"), ("Pell Gallery", "ORG"), ("Wend Tiles", "ORG")],
            [],
        ),
    ],
)
def test_a_list_of_businesses_keeps_a_street_or_a_town_a_place(
    extractor, text, found, absent
) -> None:
    check_names(extractor, text, found, absent)


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        (
            "Quorvex Dynamics resigned from the trade body on Monday.",
            [("Quorvex Dynamics", "ORG")],
            [("Quorvex Dynamics", "PERSON")],
        ),
        (
            "Tamsin Properties was fined for the delay, the regulator said.",
            [("Tamsin Properties", "ORG")],
            [("Tamsin Properties", "PERSON")],
        ),
        (
            "An analyst with Orrin Broking, Ada Kell, said the shares were cheap.",
            [("Orrin Broking", "ORG"), ("Ada Kell", "PERSON")],
            [],
        ),
    ],
)
def test_a_name_ending_in_a_trade_is_a_company(extractor, text, found, absent) -> None:
    check_names(extractor, text, found, absent)


def test_a_company_named_again_by_its_first_word_is_one_company(extractor) -> None:
    text = (
        "Valdor Foods made a bid for the bakery on Tuesday. The final value will change as the "
        "Valdor share price moves, explained Valdor."
    )
    check_names(extractor, text, [("Valdor Foods", "ORG")], ["Valdor", ("Valdor Foods", "PERSON")])


def test_a_first_word_that_is_a_known_name_stays_its_own(extractor) -> None:
    text = "The BBC said so on Monday. BBC News later ran the story in full."
    check_names(extractor, text, [("BBC", "ORG")], [])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (  # a description of what the body does, after its noun
            "Doug Kell of Tarnmoor Marine, a firm specialising in radar, told reporters.",
            [("Tarnmoor Marine", "ORG"), ("Doug Kell", "PERSON")],
        ),
        (
            "The Pellick Quay Inn is the only business offering meals in the village.",
            [("Pellick Quay Inn", "ORG")],
        ),
        ("Dance troupe Orla Vance performed twice on Saturday.", [("Orla Vance", "ORG")]),
        (
            "She worked for Marrano S.A. for more than a decade before she retired.",
            [("Marrano S.A.", "ORG")],  # its letters keep their last dot (rules-54)
        ),
        (
            "Tesk Varrow's editorial director, Ama Lind, said the paper would fight on.",
            [("Tesk Varrow", "ORG"), ("Ama Lind", "PERSON")],
        ),
    ],
)
def test_what_a_body_does_or_is_makes_it_a_body(extractor, text, found) -> None:
    check_names(extractor, text, found, [])


def test_a_place_after_which_a_company_announced_stays_no_body(extractor) -> None:
    text = "Sales fell sharply in Kelbrook, the company announced, and rose in Leeds."
    check_names(extractor, text, [], [("Kelbrook", "ORG")])


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        (
            "The detainee was moved to Tarrow Custody Centre on Saturday.",
            [("Tarrow Custody Centre", "PLACE")],
            [("Tarrow Custody Centre", "ORG")],
        ),
        (
            "The president spoke at the Kelvin Training Center near the coast.",
            [("Kelvin Training Center", "PLACE")],
            [],
        ),
        (  # a centre named for a field is a body
            "The Pellam Design Center said it would judge the entries.",
            [("Pellam Design Center", "ORG")],
            [],
        ),
    ],
)
def test_a_centre_named_for_what_is_done_in_it_is_a_place(extractor, text, found, absent) -> None:
    check_names(extractor, text, found, absent)


def test_a_state_of_the_last_century_is_a_place(extractor) -> None:
    text = "He was born in the Soviet Union and later lived in Yugoslavia."
    check_names(
        extractor,
        text,
        [("Soviet Union", "PLACE"), ("Yugoslavia", "PLACE")],
        [("Soviet Union", "ORG")],
    )


def test_a_dateline_across_a_glued_heading_keeps_the_texts_of_its_mentions(extractor) -> None:
    text = "The The (Reuters) — Talks resumed in Kelbrook on Monday."
    for entity in extractor.analyse(text).entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (  # a band named by its member's role
            "The guests included Velvet Marrow drummer Tom Hale and two senators.",
            [("Velvet Marrow", "ORG"), ("Tom Hale", "PERSON")],
        ),
        (
            "Tarrick spokeswoman Jane Orr said the plant would reopen.",
            [("Tarrick", "ORG"), ("Jane Orr", "PERSON")],
        ),
        ("Kessling Computers announced a new laptop today.", [("Kessling Computers", "ORG")]),
        (
            "Belgian chocolatemaker Varonne has ruled out a bid for the firm.",
            [("Varonne", "ORG")],
        ),
    ],
)
def test_an_officer_a_trade_or_a_maker_names_a_company(extractor, text, found) -> None:
    check_names(extractor, text, found, [])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Tolvamir, a northern village, was shelled overnight.", [("Tolvamir", "PLACE")]),
        (
            "The grain went by ship to Qarrel, a southern sea port near the border.",
            [("Qarrel", "PLACE")],
        ),
        (
            "Rioting spread to towns around Belfast, including Drumkell, Tarnagh and Lisvane.",
            [("Drumkell", "PLACE"), ("Tarnagh", "PLACE"), ("Lisvane", "PLACE")],
        ),
        (
            "The two provinces, Varesh and Qomal, face daily attacks.",
            [("Varesh", "PLACE"), ("Qomal", "PLACE")],
        ),
        (
            "Troops entered the settlements of Gavrom, Telmar and Oshen at dawn.",
            [("Gavrom", "PLACE"), ("Telmar", "PLACE"), ("Oshen", "PLACE")],
        ),
    ],
)
def test_a_place_described_or_listed_as_one_is_a_place(extractor, text, found) -> None:
    check_names(extractor, text, found, [])


def test_a_person_described_by_a_place_noun_stays_a_person(extractor) -> None:
    text = "John Tarrow, a village elder, said the well was dry."
    check_names(extractor, text, [("John Tarrow", "PERSON")], [("John Tarrow", "PLACE")])


def test_two_unknown_words_after_at_name_a_place(extractor) -> None:
    text = "Aid trucks crossed the border at Kerel Dashan before dawn, officials said."
    check_names(extractor, text, [("Kerel Dashan", "PLACE")], [("Kerel Dashan", "PERSON")])


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        ("The base will adopt a program called TarnGate next year.", [], ["TarnGate"]),
        ("A new drink called Fizzy Mellow has upset parents.", [], ["Fizzy Mellow"]),
        (
            "Other news stations called Al-Varesh and Qarnet Today are based there.",
            [("Al-Varesh", "ORG")],
            [("Al-Varesh", "PERSON")],
        ),
        (
            "Tom Rennick leads a group called the Iron Creek Riders.",
            [("Iron Creek Riders", "ORG"), ("Tom Rennick", "PERSON")],
            [],
        ),
        (
            "The fire began on a lawn in an area called the Tarrow Oval.",
            [("Tarrow Oval", "PLACE")],
            [],
        ),
    ],
)
def test_the_noun_before_called_says_what_a_name_is(extractor, text, found, absent) -> None:
    check_names(extractor, text, found, absent)


def test_a_body_noun_then_a_comma_names_the_body_at_the_end_of_a_clause(extractor) -> None:
    text = "A student took the note and gave it to Israeli newspaper, Qorvet. It ran the story."
    check_names(extractor, text, [("Qorvet", "ORG")], [])


@pytest.mark.parametrize(
    "text",
    [
        "Outside those cities users roam onto Varrel's 2G GSM network.",
        "Workers at Quenmark's new factory walked out on Monday.",
        "Tarlow's 3,000 employees were told on Friday.",
    ],
)
def test_a_business_s_own_network_factory_or_staff_makes_it_a_company(extractor, text) -> None:
    name = text.split("'s")[0].split()[-1]
    check_names(extractor, text, [(name, "ORG")], [])


def test_a_name_that_reports_from_a_place_is_a_correspondent(extractor) -> None:
    text = "The truce has collapsed. Tarvin Oshel reports from Kabul that talks may resume."
    check_names(extractor, text, [("Tarvin Oshel", "PERSON")], [("Tarvin Oshel", "ORG")])
