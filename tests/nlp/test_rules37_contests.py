"""Rules-37: a place or a party's word and a chamber before a word for an election name a
contest, not a body: "the Senate" later is the Senate (user test r35 M2)."""

from __future__ import annotations

from extracted import typed_names


def test_a_state_party_and_chamber_before_a_primary_are_three_names(extractor) -> None:
    text = (
        "The ad ran ahead of the 2022 Nevada Democratic Senate primary. Two weeks later the "
        "Senate passed the farm bill."
    )
    found = typed_names(extractor, text)
    assert ("Nevada", "PLACE") in found
    assert ("Senate", "ORG") in found
    assert not any("Nevada Democratic" in name for name, _ in found)


def test_a_state_before_the_national_chamber_and_a_candidate_is_the_state(extractor) -> None:
    text = "Teachers cheered Oregon U.S. Senate candidate Mara Lindqvist at the rally."
    found = typed_names(extractor, text)
    assert {("Oregon", "PLACE"), ("U.S. Senate", "ORG")} <= found


def test_a_state_chamber_before_a_race_stays_the_states_chamber(extractor) -> None:
    text = "She lost the Nevada Senate race in 2018. The Nevada Senate meets in Carson City."
    assert ("Nevada Senate", "ORG") in typed_names(extractor, text)
