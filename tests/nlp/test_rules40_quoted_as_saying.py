"""Rules-40 (round 38): "<outlet> quoted / cited X as saying, stating, telling …" credits X, never
the outlet ("the Ansa news agency cited Sgrena as telling prosecutors", "CBC quotes an anonymous
official as stating"), also for a fragment in the clause the credit reports ("quoted sailors as
saying the crew were on “…”"); nobody named when X is nameless, the body a nameless source
speaks for ("an unnamed Downing Street source")."""

from __future__ import annotations

from extracted import speakers

_FERRY = "The ferry sank near the harbour on Monday. Harbour master Tom Vale spoke to reporters. "


def test_a_nameless_source_an_outlet_quotes_as_stating_is_nobody_named(extractor) -> None:
    text = (
        _FERRY
        + "The Daily Courier quotes an anonymous official as stating, “Nobody has named a cause.”"
    )
    assert speakers(extractor, text) == [None]


def test_a_fragment_in_the_clause_reported_is_the_quoted_ones(extractor) -> None:
    text = (
        _FERRY + "The Daily Courier quoted him as telling reporters that his plan “is about "
        "safety first”. The Courier quoted sailors as saying the crew were on “the edge of "
        "collapse”."
    )
    assert speakers(extractor, text) == ["Tom Vale", None]


def test_an_outlet_citing_someone_after_the_quotation_gives_it_to_them(extractor) -> None:
    text = (
        _FERRY
        + "“The engine failed twice before noon,” the Courier news agency cited Vale as telling police."
    )
    assert speakers(extractor, text) == ["Tom Vale"]


def test_a_nameless_source_of_a_body_speaks_for_the_body(extractor) -> None:
    text = (
        _FERRY + "The Courier quoted an unnamed Harbour Authority source as saying the decision "
        "was “entirely up to the minister”."
    )
    assert speakers(extractor, text) == ["Harbour Authority"]


def test_one_quoted_in_a_paper_keeps_the_quotation(extractor) -> None:
    text = (
        _FERRY
        + "Vale is quoted in the Daily Courier as saying, “The engine failed twice before noon.”"
    )
    assert speakers(extractor, text) == ["Tom Vale"]
