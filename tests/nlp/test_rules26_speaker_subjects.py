"""Rules-26 speaker subjects found by reading unannotated open-pool Wikinews text (round 25,
r25-spkrole.md): who the attribution's subject is, each pinned by invented sentences."""

from __future__ import annotations

from extracted import speakers as _speakers


def test_a_government_after_a_time_phrase_is_its_country(extractor) -> None:
    text = (
        "Norway protested the vote in Oslo. On Thursday the Norwegian government "
        'released a statement saying that "it is unacceptable to accuse our nation of this." '
        '"We still hope the assembly will think again," the statement added.'
    )
    assert _speakers(extractor, text) == ["Norway", "Norway"]


def test_a_body_described_after_a_time_phrase_speaks(extractor) -> None:
    text = (
        "Harbour Freight Corp. closed two depots in Ohio. Last week the company insisted "
        '"the other depots will stay open for many years to come."'
    )
    assert _speakers(extractor, text) == ["Harbour Freight Corp"]


def test_a_role_after_a_time_phrase_held_by_no_one_names_no_one(extractor) -> None:
    text = (
        "Harbour Freight Corp. closed two depots in Ohio. On Monday the prosecutor said that "
        '"the depots were closed without the required notice to workers."'
    )
    assert _speakers(extractor, text) == [None]
