"""Rules-26 attribution frames around a quotation, found by reading unannotated open-pool
Wikinews text (round 25, r25-spkframe.md), each pinned by invented sentences (no article text)."""

from __future__ import annotations

from extracted import speakers as _speakers


def test_a_statement_on_a_bodys_website_is_the_bodys(extractor) -> None:
    text = (
        "Harbour Freight Corp. rejected the offer on Monday. A statement on the Harbour Freight "
        'Corp. web site said that the merger "would cost the port hundreds of jobs."'
    )
    assert _speakers(extractor, text) == ["Harbour Freight Corp"]


def test_a_statement_on_a_possessed_website_is_its_owners(extractor) -> None:
    text = (
        "The Valdorian Rail Authority closed two lines. A notice on the Valdorian Rail "
        'Authority\'s website says the closure "will last until the tunnels are repaired."'
    )
    assert _speakers(extractor, text) == ["Valdorian Rail Authority"]


def test_a_statement_by_a_named_person_speaks_for_that_person_not_the_one_worried_by_it(
    extractor,
) -> None:
    text = (
        "Karl Berg said he was alarmed by a statement by candidate Ann Moss in May that "
        '"we will never sign a treaty with them."'
    )
    assert _speakers(extractor, text) == ["Ann Moss"]


def test_a_claim_by_a_body_is_the_bodys(extractor) -> None:
    text = (
        "Karl Berg rejected the claim by Harbour Freight Corp. that the merger "
        '"will create hundreds of jobs in the port."'
    )
    assert _speakers(extractor, text) == ["Harbour Freight Corp"]


def test_an_adverb_before_an_inverted_verb_keeps_the_name_after_it(extractor) -> None:
    text = '"The towers are not needed in this town!" angrily stated Mary Chen during the protest.'
    assert _speakers(extractor, text) == ["Mary Chen"]


def test_a_long_description_no_comma_closes_still_leaves_its_person_speaking(extractor) -> None:
    text = (
        '"I think the new hall is wonderful," Ann Moss, coordinator of the Harbour Studies '
        "Centre at the University of Valdoria in the old town told Reuters."
    )
    assert _speakers(extractor, text) == ["Ann Moss"]


def test_a_long_description_with_another_person_in_it_names_no_speaker(extractor) -> None:
    text = (
        '"I think the new hall is wonderful," Ann Moss, coordinator of the Harbour Studies '
        "Centre at the University of Valdoria while Karl Berg told Reuters."
    )
    assert _speakers(extractor, text) != ["Ann Moss"]


def test_in_his_speech_opens_the_words_of_the_one_his_stands_for(extractor) -> None:
    text = (
        "Governor Tom Reed spoke to the assembly on Sunday. In his speech to the assembly, "
        '"We will never give up the harbour. We will fight for it."'
    )
    assert _speakers(extractor, text) == ["Tom Reed"]
