"""Rules-37 organisations (round 35): a league team named by its town and a plural nickname.

"He was drafted by the Memphis Grizzlies" gave a place "Memphis" (or a person, after a town that is
also a given name), the nickname dropped: in an article about a league sport, a known place or
"the" and a nickname of the North American leagues are one team, and any other capitalised plural
after a known place is one too when a sport's word or "team"/"club" stands near it. The nickname
alone afterwards ("the Grizzlies") is the same team. Not a treaty, a games' name or a newspaper
("the Geneva Conventions", "the Turin Olympics", "the Denver Times"), nor anything where the
article speaks of no sport."""

from __future__ import annotations

from extracted import type_by_name

from newstui.nlp import get_extractor


def test_a_town_and_a_league_nickname_are_one_team(extractor) -> None:
    text = (
        "Ana Ruiz was drafted by the Memphis Grizzlies in the 2019 NBA draft. Two years later the"
        " Grizzlies traded her to the Denver Nuggets, where she played for a decade."
    )
    types = type_by_name(extractor, text)
    assert types["Memphis Grizzlies"] == "ORG" and types["Denver Nuggets"] == "ORG"
    assert "Memphis" not in types and "Denver" not in types


def test_a_nickname_alone_after_its_team_is_the_team(extractor) -> None:
    text = (
        "The Memphis Grizzlies won their basketball game on Sunday. The Grizzlies now lead the"
        " division."
    )
    analysis = get_extractor("rules").analyse(text)
    team = next(e for e in analysis.entities if e.name == "Memphis Grizzlies")
    assert team.type == "ORG"
    assert [text[m.start : m.end] for m in team.mentions] == ["Memphis Grizzlies", "Grizzlies"]


def test_a_listed_nickname_after_the_and_a_given_name_is_a_team(extractor) -> None:
    text = "Ana Ruiz signed with the Chelsea Penguins before the hockey season opened."
    assert type_by_name(extractor, text)["Chelsea Penguins"] == "ORG"


def test_another_plural_after_a_place_is_a_team_near_a_sports_word(extractor) -> None:
    text = (
        "The Boston Harpooners, a minor-league baseball team, signed Ana Ruiz on Monday. She"
        " joined the Boston Harpooners from a college side."
    )
    types = type_by_name(extractor, text)
    assert types["Boston Harpooners"] == "ORG"
    assert "Boston" not in types


def test_no_team_without_a_sport_or_near_no_sports_word(extractor) -> None:
    text = "Ana Ruiz flew to the Denver Harpooners factory to meet its owners."
    assert "Denver Harpooners" not in type_by_name(extractor, text)  # (a listed team would be)
    text = (
        "The stadium was full for the football final. Weeks later, lawyers said the Geneva"
        " Conventions applied to the prisoners, and the Denver Times reported the ruling."
    )
    types = type_by_name(extractor, text)
    assert types.get("Geneva Conventions") != "ORG"
    assert types.get("Denver Times") == "ORG"  # a newspaper's head noun, as before
