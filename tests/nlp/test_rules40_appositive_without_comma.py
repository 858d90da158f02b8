"""Rules-40 (round 38): a person's appositive that ends in a place or an organisation right
before the verb, its closing comma left out ("Ann Reid, a teacher in Tyler, Texas told", "Ann
Reid, representing the Acme Party stated"), leaves the person the speaker, not the name that
ends it; a body joined by "and" still speaks. A town and its region after "in" ("in Kingston,
Ontario told") are one place, not a clause of the region's."""

from __future__ import annotations

from extracted import speakers


def test_a_town_and_state_ending_the_appositive_do_not_speak(extractor) -> None:
    text = (
        "Voters were asked about the economy. Chantal Moss, a middle school teacher in Tyler, "
        "Texas told reporters, “It's getting better every month.”"
    )
    assert speakers(extractor, text) == ["Chantal Moss"]


def test_the_party_a_person_represents_does_not_speak(extractor) -> None:
    text = "Susan Reid, representing the Liberal Democrats stated “This attempt to gather data must stop.”"
    assert speakers(extractor, text) == ["Susan Reid"]


def test_a_body_joined_by_and_still_speaks(extractor) -> None:
    text = "Ann Lee, the head of Acme and the Red Cross said “We will appeal the ruling.”"
    assert speakers(extractor, text) == ["Red Cross"]


def test_a_town_and_its_region_after_in_are_one_place_not_the_subject(extractor) -> None:
    text = (
        "Political expert Tom Rose of Queen's University in Kingston, Ontario told the Canadian "
        "Press: “By relying on typical voters, the party hopes to win.”"
    )
    assert speakers(extractor, text) == ["Tom Rose"]
