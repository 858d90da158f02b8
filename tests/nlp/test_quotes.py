"""Each quotation style is found whole; scare quotes and titles of works are not speech."""

from __future__ import annotations

from extracted import quotes_and_speakers


def test_curly_double_quotes_with_said_after(extractor) -> None:
    text = "“We will rebuild the bridge,” Mayor Anna Kowalski said on Monday."
    assert quotes_and_speakers(extractor, text) == [
        ("We will rebuild the bridge,", "Anna Kowalski")
    ]


def test_straight_double_quotes_with_said_before_the_speaker(extractor) -> None:
    text = 'Prices will keep rising. "Nobody should expect relief soon," said Tom Fischer, an economist.'
    assert quotes_and_speakers(extractor, text) == [
        ("Nobody should expect relief soon,", "Tom Fischer")
    ]


def test_curly_single_quotes_survive_apostrophes_inside(extractor) -> None:
    text = "‘The players’ effort was brilliant and it’s our best win,’ coach Mark Hughes said."
    assert quotes_and_speakers(extractor, text) == [
        ("The players’ effort was brilliant and it’s our best win,", "Mark Hughes")
    ]


def test_straight_single_quotes_survive_apostrophes_inside(extractor) -> None:
    text = "'We don't know what we'll find there,' rescuer Jane Doyle told the BBC."
    assert quotes_and_speakers(extractor, text) == [
        ("We don't know what we'll find there,", "Jane Doyle")
    ]


def test_quote_running_over_two_paragraphs_is_one_quote(extractor) -> None:
    text = (
        "Maria Lopez spoke after the vote.\n"
        "“We fought for this for ten years. Nobody believed us.\n"
        "“Today they have to,” she said."
    )
    [(quote, speaker)] = quotes_and_speakers(extractor, text)
    assert quote == "We fought for this for ten years. Nobody believed us.\n“Today they have to,"
    assert speaker == "Maria Lopez"


def test_partial_quote_inside_a_sentence_is_attributed(extractor) -> None:
    text = "Sarah Lin said the ruling was “a victory for every tenant in the city” and vowed to fight on."
    assert quotes_and_speakers(extractor, text) == [
        ("a victory for every tenant in the city", "Sarah Lin")
    ]


def test_scare_quotes_are_not_speech(extractor) -> None:
    text = 'The government calls them "terrorists", while others speak of a "special operation".'
    assert quotes_and_speakers(extractor, text) == []


def test_titles_of_works_are_not_speech(extractor) -> None:
    text = 'She starred in "The Long Goodbye of Summer Evenings" and the film "Dune".'
    assert quotes_and_speakers(extractor, text) == []


def test_quote_interrupted_by_attribution_gives_two_quotes_one_speaker(extractor) -> None:
    text = "“This is the start,” said Omar Haddad, “not the end of our work.”"
    assert quotes_and_speakers(extractor, text) == [
        ("This is the start,", "Omar Haddad"),
        ("not the end of our work.", "Omar Haddad"),
    ]


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
