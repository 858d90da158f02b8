"""Rules-23 speaker mechanisms, each pinned by invented sentences (no article text): the speaker
classes round 22 found on the readable Wikinews sets (r22-speak.md)."""

from __future__ import annotations

from extracted import speakers as _speakers


def test_a_second_quote_after_a_long_appositive_is_the_named_speakers(extractor) -> None:
    text = (
        '"The harbour is safe again," said Ann Moss, a senior pilot for the Harbour Safety '
        'Council in Dover, "We reopened both channels this morning after the divers finished."'
    )
    assert _speakers(extractor, text) == ["Ann Moss", "Ann Moss"]


def test_a_second_quote_after_an_appositive_naming_a_person_stays_with_the_speaker(
    extractor,
) -> None:
    text = (
        '"The harbour is safe again," said Ann Moss, deputy to harbour master Tom Reid, '
        '"We reopened both channels this morning after the divers finished."'
    )
    assert _speakers(extractor, text) == ["Ann Moss", "Ann Moss"]


def test_a_quotation_going_on_past_a_paragraph_break_keeps_its_speaker(extractor) -> None:
    text = (
        'The port reopened on Tuesday. "Prices have risen a lot," said Ann Moss, a senior '
        'trader and member of the Grain Exchange in Dover, "Ships left on their own. No one forced them.\n\n'
        'The inspectors come here every week and check every hold on every ship."\n\n'
        "The port handles most of the region's grain."
    )
    assert _speakers(extractor, text) == ["Ann Moss"] * 3


def test_a_new_quotation_after_a_paragraph_break_is_not_carried(extractor) -> None:
    text = (
        'The port reopened on Tuesday. "Prices have risen a lot," said Ann Moss, a trader.\n\n'
        '"The inspectors come here every week and check every hold on every ship," said Tom '
        "Reid, the harbour master."
    )
    assert _speakers(extractor, text) == ["Ann Moss", "Tom Reid"]
