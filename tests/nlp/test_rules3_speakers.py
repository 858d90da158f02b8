"""Speaker rules added in rules-3: participles, spokespeople, attributive names, interviews."""

from __future__ import annotations

import pytest
from extracted import speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            (
                "Amara Osei praised Liam Carver on X, writing that he had “changed the game for good”."
            ),
            ["Amara Osei"],
            id="participle_after_a_comma_gives_the_subject_not_the_object",
        ),
        pytest.param(
            (
                "The union Prospect Workers Union said talks had failed. A spokesperson for the union "
                "said: “We are ready to walk out if we have to.”"
            ),
            ["Prospect Workers Union"],
            id="spokesperson_for_the_organisation_noun_gives_the_organisation",
        ),
        pytest.param(
            (
                "“We were beaten fairly,” Helen Dray said.\n"
                "Asked about the Mark Tolley incident, she said: “I have not seen the replay yet.”"
            ),
            ["Helen Dray", "Helen Dray"],
            id="name_used_as_a_modifier_does_not_take_a_pronoun",
        ),
        pytest.param(
            (
                "Nadia Ferreira-Lopes, who scored twice, was modest. “The goals came from the team,” "
                "the striker said."
            ),
            ["Nadia Ferreira-Lopes"],
            id="role_noun_resolves_to_the_person_just_described",
        ),
        pytest.param(
            (
                "Tomasz Wrona started the workshop in 2010.\n"
                "Wrona shrugs at talk of success.\n"
                "“I fix bicycles. That is all I ever wanted to do.”"
            ),
            ["Tomasz Wrona"],
            id="quote_paragraph_after_a_sentence_about_a_person_is_that_person",
        ),
        pytest.param(
            (
                "Maria Vance, 61, has run the ferry for decades.\n"
                "On a grey morning, she sits in the wheelhouse and talks about the river.\n"
                "“The water changes every day. You never stop learning it.”"
            ),
            ["Maria Vance"],
            id="quote_paragraph_after_a_pronoun_sentence_resolves_the_pronoun",
        ),
        pytest.param(
            "Rain fell all week.\n“This is the wettest spring on record.”",
            [None],
            id="quote_paragraph_after_unrelated_text_stays_unattributed",
        ),
    ],
)
def test_the_speakers_of_the_quotes_are(extractor, text, expected) -> None:
    assert speakers(extractor, text) == expected
