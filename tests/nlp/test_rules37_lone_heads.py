"""Rules-37 (round 35): a lone military head word names no body.

Round 34 made "Division", "Infantry", "Cavalry", "Fleet", "Command" and "Committees" end a body's
name ("Kelmar Southern Command"); alone they named a body too: "who represents Division 4 on the
council" and "Infantry backed by tanks moved in" gave an organisation "Division", "Infantry". Alone
they are heads that stand for no particular body, as "the Department" is; the full names stay."""

from __future__ import annotations

from extracted import type_by_name


def test_a_lone_military_head_names_no_body(extractor) -> None:
    text = "Councillor Ana Ruiz, who represents Division 4 on the Kelmar council, objected."
    assert "Division" not in type_by_name(extractor, text)
    text = "Infantry backed by tanks moved into the town of Kelmar before dawn."
    assert "Infantry" not in type_by_name(extractor, text)


def test_a_full_military_name_stays_a_body(extractor) -> None:
    text = "The Kelmar Southern Command said the Third Infantry Division had left the town."
    types = type_by_name(extractor, text)
    assert types["Kelmar Southern Command"] == "ORG"
    assert types["Third Infantry Division"] == "ORG"
