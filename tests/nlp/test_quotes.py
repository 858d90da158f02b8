"""Each quotation style is found whole; scare quotes and titles of works are not speech."""

from __future__ import annotations

import pytest
from extracted import quotes_and_speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "“We will rebuild the bridge,” Mayor Anna Kowalski said on Monday.",
            [("We will rebuild the bridge,", "Anna Kowalski")],
            id="curly_double_quotes_with_said_after",
        ),
        pytest.param(
            (
                'Prices will keep rising. "Nobody should expect relief soon," said Tom Fischer, an economist.'
            ),
            [("Nobody should expect relief soon,", "Tom Fischer")],
            id="straight_double_quotes_with_said_before_the_speaker",
        ),
        pytest.param(
            "‘The players’ effort was brilliant and it’s our best win,’ coach Mark Hughes said.",
            [("The players’ effort was brilliant and it’s our best win,", "Mark Hughes")],
            id="curly_single_quotes_survive_apostrophes_inside",
        ),
        pytest.param(
            "'We don't know what we'll find there,' rescuer Jane Doyle told the BBC.",
            [("We don't know what we'll find there,", "Jane Doyle")],
            id="straight_single_quotes_survive_apostrophes_inside",
        ),
        pytest.param(
            (
                "Sarah Lin said the ruling was “a victory for every tenant in the city” and vowed to fight on."
            ),
            [("a victory for every tenant in the city", "Sarah Lin")],
            id="partial_quote_inside_a_sentence_is_attributed",
        ),
        pytest.param(
            (
                'The government calls them "terrorists", while others speak of a "special operation".'
            ),
            [],
            id="scare_quotes_are_not_speech",
        ),
        pytest.param(
            'She starred in "The Long Goodbye of Summer Evenings" and the film "Dune".',
            [],
            id="titles_of_works_are_not_speech",
        ),
        pytest.param(
            "“This is the start,” said Omar Haddad, “not the end of our work.”",
            [
                ("This is the start,", "Omar Haddad"),
                ("not the end of our work.", "Omar Haddad"),
            ],
            id="quote_interrupted_by_attribution_gives_two_quotes_one_speaker",
        ),
    ],
)
def test_the_quotes_and_their_speakers_are(extractor, text, expected) -> None:
    assert quotes_and_speakers(extractor, text) == expected


def test_quote_running_over_two_paragraphs_is_one_quote(extractor) -> None:
    text = (
        "Maria Lopez spoke after the vote.\n"
        "“We fought for this for ten years. Nobody believed us.\n"
        "“Today they have to,” she said."
    )
    [(quote, speaker)] = quotes_and_speakers(extractor, text)
    assert quote == "We fought for this for ten years. Nobody believed us.\n“Today they have to,"
    assert speaker == "Maria Lopez"


def test_unbalanced_quote_is_dropped_not_guessed(extractor) -> None:
    assert (
        quotes_and_speakers(extractor, "He said “this never closes and the paragraph ends.") == []
    )


def test_a_quote_wrapped_over_a_line_break_inside_a_paragraph_is_one_quote(extractor) -> None:
    text = (
        "Halden Council met on Monday.\n\n\nMarta Kessler wrote:\n"
        '"It is a long shot, I grant you. \nThink about it: who would vote for the plan?"\n\n\n'
        "The vote is on Friday."
    )
    quotes = extractor.analyse(text).quotes
    assert [" ".join(q.text.split()) for q in quotes] == [
        "It is a long shot, I grant you. Think about it: who would vote for the plan?"
    ]


def test_a_stray_space_before_a_closing_mark_still_closes_the_quote(extractor) -> None:
    text = (
        'Marta Kessler agreed: "We need to stop now," she said. "The town deserves better. "\n\n\n'
        "The vote is on Friday."
    )
    quotes = [q.text for q in extractor.analyse(text).quotes]
    assert quotes == ["We need to stop now,", "The town deserves better."]
