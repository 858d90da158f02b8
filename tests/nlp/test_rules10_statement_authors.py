"""Statements and their authors in rules-10 (issue 10, uncommon attribution frames): invented examples."""

from __future__ import annotations

from extracted import quotes_and_speakers


def test_according_to_a_statement_from_a_body_is_that_bodys(extractor) -> None:
    text = (
        "According to a statement from the Varden Health Board, “both patients remain in a "
        "stable condition.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("both patients remain in a stable condition.", "Varden Health Board")
    ]


def test_a_letter_signed_by_someone_says_what_they_wrote(extractor) -> None:
    text = 'The letter, signed by Jonas Brandt, said the council had "failed every family in town".'
    assert quotes_and_speakers(extractor, text) == [("failed every family in town", "Jonas Brandt")]


def test_a_letter_welcomed_by_someone_is_not_theirs(extractor) -> None:
    text = (
        'The letter, welcomed by Jonas Brandt, said the council had "failed every family in town".'
    )
    assert quotes_and_speakers(extractor, text) == [("failed every family in town", None)]


def test_police_in_a_statement_are_the_police_force_named_before(extractor) -> None:
    text = (
        "Halden Police arrested two men on Monday. In a statement, police said: “Both men "
        "remain in custody and will appear in court on Friday.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("Both men remain in custody and will appear in court on Friday.", "Halden Police")
    ]


def test_a_colon_introduction_on_the_line_before_the_quote_names_its_speaker(extractor) -> None:
    text = (
        "Halden Council met on Monday.\n\n\nIn a post to party chair Jonas Brandt, council leader "
        "Marta Kessler writes:\n"
        '"It is a long shot, I grant you, but the harbour plan may still pass this year."\n\n\n'
        "The vote is on Friday."
    )
    assert quotes_and_speakers(extractor, text) == [
        (
            "It is a long shot, I grant you, but the harbour plan may still pass this year.",
            "Marta Kessler",
        )
    ]


def test_rejected_as_gives_a_short_fragment_to_the_subject(extractor) -> None:
    text = 'Jonas Brandt rejected the claims as "complete fiction".'
    assert quotes_and_speakers(extractor, text) == [("complete fiction", "Jonas Brandt")]
