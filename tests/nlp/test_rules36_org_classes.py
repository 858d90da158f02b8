"""Rules-36 organisation cases (round 34), each pinned by invented sentences.

A weekday's newspaper after "the" keeps its weekday: "The Saturday Ledger reported" was no entity
at all (the weekday dropped as a date, then "Ledger" alone named nothing), "according to the
Sunday Tribune" the fragment "Tribune"; a weekday with no "the" before it is still a date ("On
Sunday Times Square was closed")."""

from __future__ import annotations

from extracted import type_by_name


def test_a_weekday_newspaper_after_the_keeps_its_weekday(extractor) -> None:
    text = "The Saturday Ledger reported that the Kelmouth mine would close."
    assert type_by_name(extractor, text)["Saturday Ledger"] == "ORG"
    text = "The mine will close, according to the Sunday Tribune. Workers were told on Friday."
    types = type_by_name(extractor, text)
    assert types["Sunday Tribune"] == "ORG"
    assert "Tribune" not in types


def test_a_weekday_without_the_is_still_a_date(extractor) -> None:
    text = "On Sunday Times Square was closed to traffic."
    types = type_by_name(extractor, text)
    assert "Sunday Times Square" not in types and "Sunday Times" not in types
    text = "The Kelmouth council met on Tuesday. On Wednesday Post Office staff went on strike."
    assert not any(name.startswith("Wednesday") for name in type_by_name(extractor, text))
