"""Rules-39 (round 37): kin and bodies after a person's possessive speak, not the person ("Day's
animal foundation said she had been in “excellent physical health”" was Doris Day's): the body
of the article named for the person speaks, or nobody named."""

from __future__ import annotations

from extracted import speakers


def test_a_persons_family_speaks_for_itself(extractor) -> None:
    text = (
        "The painter Ann Moss died on Friday. Moss's family said she had been “a wonderful "
        "mother and a loyal friend to all of us.”"
    )
    assert speakers(extractor, text) == [None]


def test_a_foundation_named_for_the_person_speaks(extractor) -> None:
    text = (
        "The painter Ann Moss died on Friday. Moss's art foundation said she had been in "
        "“excellent health for her age” until May. The Ann Moss Foundation runs two galleries."
    )
    assert speakers(extractor, text) == ["Ann Moss Foundation"]


def test_a_persons_office_still_speaks_for_the_person(extractor) -> None:
    text = (
        "Senator Ann Moss was charged on Friday. Moss's office said the claims were “lies from "
        "start to finish, every single one of them.”"
    )
    assert speakers(extractor, text) == ["Ann Moss"]
