"""Rules-21 quotation spans (issue 10): quotations across paragraph breaks and terms named in
frames that characterise a thing, each class pinned by invented sentences (no article text)."""

from __future__ import annotations

import pytest
from extracted import quotes_and_speakers


def test_a_quote_broken_by_unmarked_paragraphs_is_one_quote_per_paragraph(extractor) -> None:
    text = (
        'The harbour master, Ilse Varga, said of the pier: "We cannot keep it open through '
        "another winter.\n\nThe timber is rotten at the waterline.\n\n"
        'Nobody should walk on it after dark."\n\nThe council meets on Tuesday.'
    )
    found = quotes_and_speakers(extractor, text)
    assert [quote for quote, _ in found] == [
        "We cannot keep it open through another winter.",
        "The timber is rotten at the waterline.",
        "Nobody should walk on it after dark.",
    ]
    assert found[0][1] == "Ilse Varga"


def test_the_quotes_after_the_closing_mark_of_a_broken_quote_are_found(extractor) -> None:
    text = (
        "The harbour master, Ilse Varga, spoke on Monday.\n\n"
        "“We cannot keep the pier open through another winter.\n\n"
        "Nobody should walk on it after dark,” she warned. “We will vote on Tuesday.”\n\n"
        "The council has not replied."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("We cannot keep the pier open through another winter.", "Ilse Varga"),
        ("Nobody should walk on it after dark,", "Ilse Varga"),
        ("We will vote on Tuesday.", "Ilse Varga"),
    ]


def test_a_paragraph_reopening_the_mark_still_continues_the_quote(extractor) -> None:
    text = (
        "Ilse Varga spoke after the vote.\n\n"
        '"We cannot keep the pier open. The timber is rotten.\n\n'
        '"Nobody should walk on it after dark," she said.'
    )
    [(quote, speaker)] = quotes_and_speakers(extractor, text)
    assert " ".join(quote.split()) == (
        'We cannot keep the pier open. The timber is rotten. "Nobody should walk on it after dark,'
    )
    assert speaker == "Ilse Varga"


def test_an_open_quote_whose_next_paragraph_opens_a_mark_mid_text_is_not_broken_over(
    extractor,
) -> None:
    text = (
        'Ilse Varga said: "We cannot keep the pier open.\n\n'
        'Her deputy said the pier was "perfectly safe" and left.\n\nThe council meets on Tuesday.'
    )
    assert [q for q, _ in quotes_and_speakers(extractor, text)] == [
        "We cannot keep the pier open.",
        "perfectly safe",
    ]


def test_one_word_an_unnamed_group_characterises_a_thing_with_is_a_label(extractor) -> None:
    for text in (
        'Some astronomers have described the moon as a "hycean" world, wet under thick haze.',
        'Many reviewers dismissed the quilts at the fair as merely "decorative".',
        'The new bridge was branded by some as "hideous" before it even opened.',
    ):
        assert quotes_and_speakers(extractor, text) == [], text


def test_a_phrase_or_a_named_describer_still_gives_a_quote(extractor) -> None:
    assert [
        q
        for q, _ in quotes_and_speakers(
            extractor, 'The deal was described by some as "a small miracle".'
        )
    ] == ["a small miracle"]
    assert quotes_and_speakers(
        extractor, 'Councillor Ann Lee described the bridge as "hideous" on Monday.'
    ) == [("hideous", "Ann Lee")]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        pytest.param(
            "The bank disagreed, predicting in a note to its clients that 2027 would be a "
            '"year of repair".',
            "year of repair",
            id="a prepositional phrase between the verb of saying and that",
        ),
        pytest.param(
            'As the mayor was led away, the crowd shouted at the guards to "let him talk".',
            "let him talk",
            id="what a crowd shouted at someone to do",
        ),
        pytest.param(
            'Some believe the council is "stalling" on the new ferry.',
            "stalling",
            id="a clause believed without that",
        ),
        pytest.param(
            'The ministry cited a need to avoid "price shocks" in the spring.',
            "price shocks",
            id="what a body cites",
        ),
        pytest.param(
            'The union accused the board of trying to "bury" the report.',
            "bury",
            id="what someone is accused of",
        ),
    ],
)
def test_a_short_fragment_in_a_reporting_frame_is_a_quote(extractor, text, fragment) -> None:
    assert [q for q, _ in quotes_and_speakers(extractor, text)] == [fragment]


def test_a_broken_quote_closes_after_a_quotation_nested_in_its_last_paragraph(extractor) -> None:
    text = (
        'Mr Reed added, "The silo is 40 metres tall.\n\n'
        'Under the new rule it is no longer a "building" but a mast."\n\n'
        "The council meets on Tuesday."
    )
    assert [q for q, _ in quotes_and_speakers(extractor, text)] == [
        "The silo is 40 metres tall.",
        'Under the new rule it is no longer a "building" but a mast.',
    ]


def test_a_later_paragraph_whose_marks_do_not_pair_closes_nothing(extractor) -> None:
    text = (
        'Mr Reed added, "The silo is 40 metres tall.\n\n'
        'The "tower" and its "eyesore" of a tank still stand on the skyline.\n\n'
        "The council meets on Tuesday."
    )
    assert [q for q, _ in quotes_and_speakers(extractor, text)] == ["The silo is 40 metres tall."]


def test_the_noun_act_before_as_is_no_naming_cue(extractor) -> None:
    text = (
        'Mayor Ann Lee described the act as "a cowardly attack on a peaceful town," and '
        'the council called it "shameful".'
    )
    assert quotes_and_speakers(extractor, text)[0] == (
        "a cowardly attack on a peaceful town,",
        "Ann Lee",
    )


def test_a_body_that_acted_as_something_still_names_it(extractor) -> None:
    text = 'The Bank of Halden acted as "lender of last resort" to the two mills in 1973.'
    assert quotes_and_speakers(extractor, text) == []
