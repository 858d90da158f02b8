"""Entity types of rules-19 (issue 10): error classes found on the readable Wikinews sets and
the shared unannotated articles, each pinned by invented sentences."""

from __future__ import annotations

import pytest
from extracted import check_names, typed_names


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        (
            "The deal split the Greens, the Liberals and the Nationals in the upper house.",
            [("Greens", "GROUP"), ("Liberals", "GROUP"), ("Nationals", "GROUP")],
            [("Greens", "ORG"), ("Liberals", "ORG"), ("Nationals", "ORG")],
        ),
        (
            "When she sat with the Conservatives she backed the Tories' budget.",
            [("Conservatives", "GROUP")],
            [("Conservatives", "ORG")],
        ),
        (  # the party itself stays a body beside its members
            "The Conservative Party chose a leader. Many Conservatives were glad.",
            [("Conservative Party", "ORG"), ("Conservatives", "GROUP")],
            [],
        ),
    ],
)
def test_a_party_named_by_its_members_plural_is_a_group(extractor, text, found, absent) -> None:
    check_names(extractor, text, found, absent)


def test_a_known_place_before_a_party_plural_names_its_branch(extractor) -> None:
    text = "The Kent Greens and the Ontario Liberals backed the plan."
    check_names(extractor, text, [("Ontario Liberals", "ORG")], [("Liberals", "GROUP")])


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        (
            "After the flood, other threatened businesses include Dorrow Apparel, Tarn Tiles, "
            "Marsh Lane Gallery and Pellby Music.",
            [("Pellby Music", "ORG"), ("Tarn Tiles", "ORG"), ("Marsh Lane Gallery", "ORG")],
            [],
        ),
        (
            "Local businesses such as Kelso Bakery and Marrow Tools closed on Monday.",
            [("Kelso Bakery", "ORG"), ("Marrow Tools", "ORG")],
            [],
        ),
        (
            "Its two units Quarvell and Tenmark are the most indebted companies in the group.",
            [("Quarvell", "ORG"), ("Tenmark", "ORG")],
            [],
        ),
        (
            "The free channels Orbit One, Channel Nine and VIVA will show the match.",
            [("Channel Nine", "ORG"), ("VIVA", "ORG")],
            [],
        ),
        (  # a member whose name goes on after "on" is cut short: not typed on its own
            "Charities such as Bright Hope, Focus on the Family and Kindred objected.",
            [("Bright Hope", "ORG")],
            ["Focus"],
        ),
    ],
)
def test_names_listed_after_a_plural_of_bodies_are_bodies(extractor, text, found, absent) -> None:
    check_names(extractor, text, found, absent)


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        ("Tarvo is a small company in Leeds.", [("Tarvo", "ORG")], [("Tarvo", "PERSON")]),
        (
            "Since 2004 Renvale is Iceland's distributor of Kestrel goods.",
            [("Renvale", "ORG")],
            [("Renvale", "PERSON")],
        ),
        ("Kelvaro, which employs 300 people, said it would move.", [("Kelvaro", "ORG")], []),
        ("In 1999 she founded Quindle, a year after leaving school.", [("Quindle", "ORG")], []),
        ("Ann Lee is a former bank manager in Leeds.", [("Ann Lee", "PERSON")], []),
    ],
)
def test_what_a_name_is_or_does_shows_a_company(extractor, text, found, absent) -> None:
    check_names(extractor, text, found, absent)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("If the pump fails in an XCU you must call a nurse at once.", ["XCU"]),
        ("The state may build an ICBX capable of reaching the coast.", ["ICBX"]),
        ("Users must move to the new QDMA based network by May.", ["QDMA"]),
        ("The team visited several IDX camps near the border.", ["IDX"]),
        ("Each card holds an active RFIX transmitter and a small chip.", ["RFIX"]),
    ],
)
def test_capitals_standing_for_a_thing_name_no_body(extractor, text, absent) -> None:
    check_names(extractor, text, (), absent)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("A KLRA official said the plan was late.", [("KLRA", "ORG")]),
        ("The KLRA based in Dunmore said the plan was late.", [("KLRA", "ORG")]),
        ("Police said the KLRA was called in on Monday.", [("KLRA", "ORG")]),
    ],
)
def test_capitals_of_a_body_before_its_member_or_verb_stay_a_body(extractor, text, found) -> None:
    check_names(extractor, text, found)


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        (
            "Ann Lee, MP for Kelbrook and a former teacher, said the bill was wrong.",
            [("Kelbrook", "PLACE")],
            [("Kelbrook", "ORG")],
        ),
        ("LDN mayor Ann Lee said the roads would close.", [("LDN", "PLACE")], [("LDN", "ORG")]),
        (  # a place's letters and one word name no body
            "A US Jeep was hit near the base, and a U.S. Adviser was hurt.",
            [],
            ["US Jeep", "U.S. Adviser"],
        ),
        (  # an abbreviation takes the type its spelt-out name has
            "Crowds filled Kelmouth International Airport (KIA) on Monday. The KIA fuel lines "
            "were cut. KIA reopened, and KIA staff were thanked.",
            [("Kelmouth International Airport", "PLACE")],
            [("Kelmouth International Airport", "ORG")],
        ),
    ],
)
def test_places_named_by_a_seat_an_office_or_letters_are_places(
    extractor, text, found, absent
) -> None:
    check_names(extractor, text, found, absent)


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        (
            "The carrier ordered three Airbus A350-900 jets; its Airbus A350s fly to Lima.",
            [],
            ["Airbus"],
        ),
        ("She won a Peugeot car in the draw on Monday.", [], ["Peugeot"]),
        (  # one mention as the company keeps the maker
            "Kelvair's chief executive said the Kelvair 737 was safe to fly.",
            [("Kelvair", "ORG")],
            [],
        ),
    ],
)
def test_a_maker_named_only_for_its_model_is_no_organisation(
    extractor, text, found, absent
) -> None:
    check_names(extractor, text, found, absent)


@pytest.mark.parametrize(
    "text",
    [
        "Protesters met outside the Kelmar Global CEO Conference, which starts on Tuesday.",
        "The bank's chief told an International Monetary Summit that rates would rise.",
        "Winners were named at the Dunmore Trade Exhibition and the Press Conference after it.",
        "She won gold at the International Junior Olympiad in Tarvo.",
    ],
)
def test_an_event_named_after_its_host_is_no_organisation(extractor, text) -> None:
    assert not {
        name
        for name, kind in typed_names(extractor, text)
        if kind == "ORG" and name.split()[-1] in ("Conference", "Summit", "Exhibition", "Olympiad")
    }


def test_an_airline_named_only_in_a_flight_number_is_no_organisation(extractor) -> None:
    text = (
        "Kelmar Airlines Flight 212 crashed near Tarvo; Kelmar Airlines flight 212 had 90 aboard."
    )
    check_names(extractor, text, (), [("Kelmar Airlines", "ORG")])
    text = "Kelmar Airlines said Kelmar Airlines Flight 212 crashed near Tarvo."
    check_names(extractor, text, [("Kelmar Airlines", "ORG")])


def test_a_brief_before_minister_after_according_to_is_no_organisation(extractor) -> None:
    text = "The lines were cut, according to Fisheries Minister Ola Brenn, who spoke on Monday."
    check_names(extractor, text, [("Ola Brenn", "PERSON")], ["Fisheries"])
    text = "According to Kelmouth Post, the talks failed."
    check_names(extractor, text, [("Kelmouth Post", "ORG")])


def test_a_territorys_two_word_demonym_is_one_group(extractor) -> None:
    text = "Many American Samoans live in Hawaii; the American Samoans there asked for a vote."
    check_names(
        extractor,
        text,
        [("American Samoans", "GROUP")],
        [("American", "GROUP"), ("Samoans", "GROUP")],
    )
