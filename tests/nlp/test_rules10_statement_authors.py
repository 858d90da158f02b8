"""Statements and their authors in rules-10 (issue 10, uncommon attribution frames): invented examples."""

from __future__ import annotations

import pytest
from extracted import quotes_and_speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            (
                "According to a statement from the Varden Health Board, “both patients remain in a "
                "stable condition.”"
            ),
            [("both patients remain in a stable condition.", "Varden Health Board")],
            id="according_to_a_statement_from_a_body_is_that_bodys",
        ),
        pytest.param(
            (
                'The letter, signed by Jonas Brandt, said the council had "failed every family in town".'
            ),
            [("failed every family in town", "Jonas Brandt")],
            id="a_letter_signed_by_someone_says_what_they_wrote",
        ),
        pytest.param(
            (
                'The letter, welcomed by Jonas Brandt, said the council had "failed every family in town".'
            ),
            [("failed every family in town", None)],
            id="a_letter_welcomed_by_someone_is_not_theirs",
        ),
        pytest.param(
            (
                "Halden Police arrested two men on Monday. In a statement, police said: “Both men "
                "remain in custody and will appear in court on Friday.”"
            ),
            [("Both men remain in custody and will appear in court on Friday.", "Halden Police")],
            id="police_in_a_statement_are_the_police_force_named_before",
        ),
        pytest.param(
            (
                "Halden Council met on Monday.\n\n\nIn a post to party chair Jonas Brandt, council leader "
                "Marta Kessler writes:\n"
                '"It is a long shot, I grant you, but the harbour plan may still pass this year."\n\n\n'
                "The vote is on Friday."
            ),
            [
                (
                    "It is a long shot, I grant you, but the harbour plan may still pass this year.",
                    "Marta Kessler",
                )
            ],
            id="a_colon_introduction_on_the_line_before_the_quote_names_its_speaker",
        ),
        pytest.param(
            'Jonas Brandt rejected the claims as "complete fiction".',
            [("complete fiction", "Jonas Brandt")],
            id="rejected_as_gives_a_short_fragment_to_the_subject",
        ),
    ],
)
def test_the_quotes_and_their_speakers_are(extractor, text, expected) -> None:
    assert quotes_and_speakers(extractor, text) == expected
