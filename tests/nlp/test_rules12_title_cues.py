"""Titles of works in sentence case stay titles under rules-12's long lower-case sentence rule:
a direct naming cue wins; after a programme or show the rule needs the quote to read as speech.
Invented examples, none copied from an article."""

from __future__ import annotations

from extracted import quotes_and_speakers


# "titled", "entitled", "called": what follows is a name, however long and lower case
def test_a_long_sentence_case_title_after_titled_is_no_quote(extractor) -> None:
    text = (
        'The survey, titled "Patterns of sleep among night workers in three northern ports", '
        "appeared in the Varden Medical Review last week."
    )
    assert quotes_and_speakers(extractor, text) == []


def test_a_long_sentence_case_title_after_called_is_no_quote(extractor) -> None:
    text = (
        'Ilse Marr wrote a pamphlet called "Notes on the keeping of bees in a small town garden" '
        "in 1998."
    )
    assert quotes_and_speakers(extractor, text) == []


# a book, novel, paper, study or report right before: its title, even with "my" or "our" in it
def test_a_long_sentence_case_novel_title_with_my_is_no_quote(extractor) -> None:
    text = (
        'His second novel, "The summer my brother walked to the sea and back again", won a prize.'
    )
    assert quotes_and_speakers(extractor, text) == []


def test_a_long_sentence_case_study_title_is_no_quote(extractor) -> None:
    text = (
        'The study "Rates of decay in wooden bridges of the lower river valley" '
        "was funded by the council."
    )
    assert quotes_and_speakers(extractor, text) == []


def test_a_long_sentence_case_paper_title_is_no_quote(extractor) -> None:
    text = (
        'Her paper "Traces of an early flood in the sediments of a mountain lake" drew wide notice.'
    )
    assert quotes_and_speakers(extractor, text) == []


# after a programme or show, a long lower-case title stays a title unless it reads as speech
def test_a_long_sentence_case_show_title_is_no_quote(extractor) -> None:
    text = (
        'The documentary "Life and death of the salmon in the cold rivers of the north" '
        "airs on Sunday."
    )
    assert quotes_and_speakers(extractor, text) == []


def test_speech_with_we_after_a_show_name_and_said_is_a_quote(extractor) -> None:
    text = (
        'Mayor Pia Lund said on the Morning Valley show "We have done everything in our power to '
        'keep the bridge open" and left the studio.'
    )
    assert quotes_and_speakers(extractor, text) == [
        (
            "We have done everything in our power to keep the bridge open",
            "Pia Lund",
        )
    ]


# a written work named in the speaker's own clause is no cue: 'said, in reply to the report, "…"'
def test_speech_after_said_in_reply_to_the_report_is_a_quote(extractor) -> None:
    text = (
        'Engineer Ola Brandt said, in reply to the report, "Nobody here was told of the cracks '
        'in the old pier [last] year"'
    )
    assert quotes_and_speakers(extractor, text) == [
        ("Nobody here was told of the cracks in the old pier [last] year", "Ola Brandt")
    ]
