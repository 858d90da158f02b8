"""Rules-37: a shared surname names the person last named in full as a sentence's subject, and an
owner ("X's partner Y claimed") is not that subject (user test r35 M1)."""

from __future__ import annotations

from extracted import speakers as _speakers


def test_an_owner_named_in_full_does_not_take_the_surname(extractor) -> None:
    text = (
        "Senator Maria Okafor toured three towns on Monday. Okafor spoke about jobs.\n\n"
        "Before the debate, Daniel Okafor's former business partner Leo Brandt held a press "
        "conference about the family's deals.\n\n"
        'Okafor called the claims "a tired smear."'
    )
    assert _speakers(extractor, text) == ["Maria Okafor"]


def test_a_relative_named_in_full_as_the_subject_still_takes_the_surname(extractor) -> None:
    text = (
        "Senator Maria Okafor toured three towns on Monday. Okafor spoke about jobs.\n\n"
        "Her son Daniel Okafor held a press conference about the family's deals.\n\n"
        'Okafor called the claims "a tired smear."'
    )
    assert _speakers(extractor, text) == ["Daniel Okafor"]
