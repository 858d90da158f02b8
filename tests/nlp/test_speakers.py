"""Speakers: titles stripped, pronouns and surnames resolved, unnamed speakers left as None."""

from __future__ import annotations

import pytest
from extracted import speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Kremlin spokesperson Dmitry Peskov told reporters: “We see no reason for concern.”",
            ["Dmitry Peskov"],
            id="title_and_role_are_stripped_from_the_speaker",
        ),
        pytest.param(
            (
                "Emma Clarke, the head teacher, welcomed the report.\n“It shows what our pupils can do,” she said."
            ),
            ["Emma Clarke"],
            id="pronoun_resolves_to_the_person_named_before",
        ),
        pytest.param(
            "Linda Hart met David Moss on Friday. “We agreed on nothing,” she said.",
            ["Linda Hart"],
            id="pronoun_skips_a_person_of_the_other_gender",
        ),
        pytest.param(
            (
                "Foreign Minister Anton Weber arrived in Vienna.\n“The talks were difficult,” Weber added."
            ),
            ["Anton Weber"],
            id="surname_resolves_to_the_full_name_used_earlier",
        ),
        pytest.param(
            "“We heard three loud bangs,” a neighbour who asked not to be named told reporters.",
            [None],
            id="unnamed_speaker_is_none",
        ),
        pytest.param(
            (
                "Officer Paul Grant led the search. A witness described the scene. “It was chaos,” she said."
            ),
            [None],
            id="pronoun_after_an_unnamed_person_is_none",
        ),
        pytest.param(
            "According to Reuters, “the deal could be signed within days, sources say.”",
            ["Reuters"],
            id="according_to_names_the_source",
        ),
        pytest.param(
            (
                "In a statement, Greenpeace said the plan was “a betrayal of the communities on the coast”."
            ),
            ["Greenpeace"],
            id="organisation_speaks_in_a_statement",
        ),
        pytest.param(
            "“Our forces repelled the attack,” the Sudanese army stated.",
            ["Sudanese army"],
            id="definite_group_description_is_kept_as_speaker",
        ),
        pytest.param(
            (
                "President Lula da Silva criticised the tariffs, stating, “Brazil will not be bullied by anyone.”"
            ),
            ["Lula da Silva"],
            id="stating_attributes_to_the_sentence_subject",
        ),
        pytest.param(
            (
                "“We lost the game in midfield,” manager Luke Ward said.\n“We have to be braver next week.”"
            ),
            ["Luke Ward", "Luke Ward"],
            id="a_standalone_quote_paragraph_continues_the_previous_speaker",
        ),
        pytest.param(
            (
                "Kwame Mensah studies monetary policy.\nMensah told Reuters: “The disinflation is real.”"
            ),
            ["Kwame Mensah"],
            id="the_listener_after_told_is_not_the_speaker",
        ),
        pytest.param(
            (
                "Its president, Abena Owusu, said members would “keep asking until the rates come down,” "
                "adding that many smaller firms had postponed investment."
            ),
            ["Abena Owusu"],
            id="a_participle_after_the_quote_leaves_the_subject_as_speaker",
        ),
        pytest.param(
            (
                "“A positive result is a reason for a proper assessment, not a verdict,” said Dr. Hamid Karimi."
            ),
            ["Hamid Karimi"],
            id="dotted_title_before_the_speaker",
        ),
    ],
)
def test_the_speakers_of_the_quotes_are(extractor, text, expected) -> None:
    assert speakers(extractor, text) == expected
