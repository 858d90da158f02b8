"""Titles of works in sentence case stay titles under rules-12's long lower-case sentence rule:
a direct naming cue wins; after a programme or show the rule needs the quote to read as speech.
Invented examples, none copied from an article."""

from __future__ import annotations

import pytest
from extracted import quotes_and_speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "titled", "entitled", "called": what follows is a name, however long and lower case
        pytest.param(
            (
                'The survey, titled "Patterns of sleep among night workers in three northern ports", '
                "appeared in the Varden Medical Review last week."
            ),
            [],
            id="a_long_sentence_case_title_after_titled_is_no_quote",
        ),
        # a designation, or a name glossed by its short form in brackets, is nobody's speech
        pytest.param(
            (
                'The agency said the Varden fever is to replace its temporary designation "2031-VdF." '
                '"We checked it twice," said Ilse Marr.'
            ),
            [("We checked it twice,", "Ilse Marr")],
            id="a_name_after_designation_is_no_quote",
        ),
        pytest.param(
            (
                'A committee named the virus that causes it "northern river valley coronavirus 3" '
                "(NRV-CoV-3) last week."
            ),
            [],
            id="a_lower_case_name_glossed_by_its_short_form_is_no_quote",
        ),
        pytest.param(
            (
                'Varden, according to one broadcaster, was called the "granary" of the north. '
                '"We checked it twice," said Ilse Marr.'
            ),
            [("We checked it twice,", "Ilse Marr")],
            id="a_word_after_a_passive_called_is_no_quote",
        ),
        pytest.param(
            (
                'Ilse Marr wrote a pamphlet called "Notes on the keeping of bees in a small town garden" '
                "in 1998."
            ),
            [],
            id="a_long_sentence_case_title_after_called_is_no_quote",
        ),
        # a book, novel, paper, study or report right before: its title, even with "my" or "our" in it
        pytest.param(
            (
                'His second novel, "The summer my brother walked to the sea and back again", won a prize.'
            ),
            [],
            id="a_long_sentence_case_novel_title_with_my_is_no_quote",
        ),
        pytest.param(
            (
                'The study "Rates of decay in wooden bridges of the lower river valley" '
                "was funded by the council."
            ),
            [],
            id="a_long_sentence_case_study_title_is_no_quote",
        ),
        pytest.param(
            (
                'Her paper "Traces of an early flood in the sediments of a mountain lake" drew wide notice.'
            ),
            [],
            id="a_long_sentence_case_paper_title_is_no_quote",
        ),
        # after a programme or show, a long lower-case title stays a title unless it reads as speech
        pytest.param(
            (
                'The documentary "Life and death of the salmon in the cold rivers of the north" '
                "airs on Sunday."
            ),
            [],
            id="a_long_sentence_case_show_title_is_no_quote",
        ),
        pytest.param(
            (
                'Mayor Pia Lund said on the Morning Valley show "We have done everything in our power to '
                'keep the bridge open" and left the studio.'
            ),
            [
                (
                    "We have done everything in our power to keep the bridge open",
                    "Pia Lund",
                )
            ],
            id="speech_with_we_after_a_show_name_and_said_is_a_quote",
        ),
        # a written work named in the speaker's own clause is no cue: 'said, in reply to the report, "…"'
        pytest.param(
            (
                'Engineer Ola Brandt said, in reply to the report, "Nobody here was told of the cracks '
                'in the old pier [last] year"'
            ),
            [("Nobody here was told of the cracks in the old pier [last] year", "Ola Brandt")],
            id="speech_after_said_in_reply_to_the_report_is_a_quote",
        ),
    ],
)
def test_the_quotes_and_their_speakers_are(extractor, text, expected) -> None:
    assert quotes_and_speakers(extractor, text) == expected
