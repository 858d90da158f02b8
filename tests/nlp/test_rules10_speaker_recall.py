"""Speaker classes of rules-10 read on real reporting (issue 10, speaker recall): invented examples."""

from __future__ import annotations

import pytest
from extracted import quotes_and_speakers


# A quote opened by "said," or a colon and closed by its own full stop ends its sentence: the
# name and verb after it begin the next sentence and do not speak it.
def test_a_quote_introduced_by_said_is_not_spoken_by_the_next_sentences_subject(extractor) -> None:
    text = (
        'On the radio Halvard Brekke said, "The mill will never close while I run it." '
        "Halden Council reportedly said a new mill would need a licence."
    )
    assert quotes_and_speakers(extractor, text)[0] == (
        "The mill will never close while I run it.",
        "Halvard Brekke",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            (
                "Inspector Ola Vinje said at a briefing: “The officers were in danger from the crowd.” "
                "Amnesty International has called for an inquiry into the shooting."
            ),
            [("The officers were in danger from the crowd.", "Ola Vinje")],
            id="a_quote_after_a_colon_is_not_spoken_by_the_next_sentences_subject",
        ),
        # "He said, in remarks published by <outlet>, “…”": the outlet after a preposition does not speak.
        pytest.param(
            (
                "Maria Aasen is a former director of the Varden Health Board. She said, in remarks "
                "published by Halden Radio, “nothing like this has been seen before.”"
            ),
            [("nothing like this has been seen before.", "Maria Aasen")],
            id="an_outlet_after_said_and_a_preposition_is_not_the_speaker",
        ),
        # "withdrew from the Varden Chess League saying": the object of "from the" is not the subject.
        pytest.param(
            (
                "In March the Halden Chess Club withdrew from the Varden Chess League saying “it was "
                "never a good fit” for its players."
            ),
            [("it was never a good fit", "Halden Chess Club")],
            id="an_organisation_after_a_preposition_and_the_is_not_the_speaker",
        ),
        pytest.param(
            (
                "A spokesperson for the Varden Health Board said the board was “watching the "
                "situation in Halden closely”."
            ),
            [("watching the situation in Halden closely", "Varden Health Board")],
            id="a_spokesperson_for_the_body_still_speaks_for_it",
        ),
        # Statements quoted as written: "It read," after the sentence that names its author, "Moss's
        # response was,".
        pytest.param(
            (
                "The Varden Rowing Federation released a statement about the arrest. It read, “We "
                "condemn any form of violence and will help the police.”"
            ),
            [
                (
                    "We condemn any form of violence and will help the police.",
                    "Varden Rowing Federation",
                )
            ],
            id="it_read_after_a_released_statement_is_the_statements_author",
        ),
        pytest.param(
            (
                "Jonas Brandt lost the vote on Monday. Brandt's response to the result was, “The "
                "voters have spoken and I accept it.”"
            ),
            [("The voters have spoken and I accept it.", "Jonas Brandt")],
            id="a_persons_response_was_is_that_persons",
        ),
        # "…welcomed by Moss, who said": the name before ", who" is the subject of the relative's verb.
        pytest.param(
            (
                "The ruling was welcomed by Marta Kessler, who said it was “a victory for every "
                "family that lost someone.”"
            ),
            [("a victory for every family that lost someone.", "Marta Kessler")],
            id="a_name_before_who_said_is_the_speaker_even_after_by",
        ),
        pytest.param(
            "The Halden Weather Service warned of “life-threatening” waves on Monday.",
            [("life-threatening", "Halden Weather Service")],
            id="a_short_fragment_after_warned_of_is_the_warners",
        ),
        # 'justified the strike as “defensive”', 'denounced the claims as a “national embarrassment”':
        # a verb judging something "as" a fragment gives the fragment to its subject.
        pytest.param(
            (
                "In a statement released later, the Varden Defence Agency justified the strike, which "
                "was approved by Halvard Brekke, as “defensive” in nature."
            ),
            [("defensive", "Varden Defence Agency")],
            id="a_short_fragment_after_justified_as_is_the_subjects",
        ),
        pytest.param(
            (
                "Others urged Halvard Brekke to concede, such as Marta Kessler, who denounced his "
                "lawyers' claims as a “national embarrassment”."
            ),
            [("national embarrassment", "Marta Kessler")],
            id="a_short_fragment_after_who_denounced_as_is_the_relatives_subject",
        ),
        # '“…war.” Brandt then explained he was …': after a quote closed by its own stop, a verb with a
        # clause of its own ("explained he was", "argued that") starts a new sentence; it speaks nothing.
        pytest.param(
            (
                "Marta Kessler described the army as a “costly” use of public money. She called the "
                "old war a “criminal war.” Jonas Brandt then explained he was a veteran himself."
            ),
            [
                ("costly", "Marta Kessler"),
                ("criminal war.", "Marta Kessler"),
            ],
            id="a_verb_with_its_own_clause_after_a_closed_quote_does_not_speak_it",
        ),
    ],
)
def test_the_quotes_and_their_speakers_are(extractor, text, expected) -> None:
    assert quotes_and_speakers(extractor, text) == expected


# Short fragments (three words or fewer) kept when the sentence attributes them.
def test_a_short_fragment_in_a_sentence_credited_by_according_to_is_kept(extractor) -> None:
    text = "According to Jonas Brandt, the storm will be “very dangerous” for the coast."
    assert quotes_and_speakers(extractor, text) == [("very dangerous", "Jonas Brandt")]
    # data is nobody's speech: no speaker, though the fragment it credits is a quote (rules-17)
    text = "According to data from Jonas Brandt, the storm will be “very dangerous” for the coast."
    assert quotes_and_speakers(extractor, text) == [("very dangerous", None)]


def test_a_short_fragment_after_tweeted_that_is_the_tweeters(extractor) -> None:
    text = "Marta Kessler tweeted that the verdict was a “scandal”."
    assert quotes_and_speakers(extractor, text) == [("scandal", "Marta Kessler")]
    text = "Marta Kessler posted a report about the “scandal” online."
    assert quotes_and_speakers(extractor, text) == []


# "Moss thanked Reid … and said": the second verb shares the first one's subject, not its object.
def test_and_said_after_a_verb_and_its_object_is_the_subjects(extractor) -> None:
    text = (
        "The opposition leader, Marta Kessler, accused the Halden Council of “hiding the "
        "figures” and said the plan would “ruin the harbour for good”."
    )
    assert quotes_and_speakers(extractor, text)[-1] == (
        "ruin the harbour for good",
        "Marta Kessler",
    )
    text = (
        "In a video posted online, Marta Kessler thanked Jonas Brandt for his support and said "
        "she was “proud to work with him on the new harbour plan.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("proud to work with him on the new harbour plan.", "Marta Kessler")
    ]


# '“…plan.” Brandt praised her words online, stating he was “…”': after a quote closed by its
# stop, a clause with verbs of its own that runs into the next quote introduces that one.
def test_a_clause_running_into_the_next_quote_does_not_speak_the_one_before(extractor) -> None:
    text = (
        "Marta Kessler said she was “proud to work with him on the new harbour plan.” Jonas "
        "Brandt praised her words online, stating he was “glad to have the best ally of all” "
        "for the harbour."
    )
    assert [speaker for _, speaker in quotes_and_speakers(extractor, text)] == [
        "Marta Kessler",
        "Jonas Brandt",
    ]
