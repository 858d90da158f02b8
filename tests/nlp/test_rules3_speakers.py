"""Speaker rules added in rules-3: participles, spokespeople, attributive names, interviews."""

from __future__ import annotations

from extracted import speakers


def test_participle_after_a_comma_gives_the_subject_not_the_object(extractor) -> None:
    text = "Amara Osei praised Liam Carver on X, writing that he had “changed the game for good”."
    assert speakers(extractor, text) == ["Amara Osei"]


def test_spokesperson_for_the_organisation_noun_gives_the_organisation(extractor) -> None:
    text = (
        "The union Prospect Workers Union said talks had failed. A spokesperson for the union "
        "said: “We are ready to walk out if we have to.”"
    )
    assert speakers(extractor, text) == ["Prospect Workers Union"]


def test_name_used_as_a_modifier_does_not_take_a_pronoun(extractor) -> None:
    text = (
        "“We were beaten fairly,” Helen Dray said.\n"
        "Asked about the Mark Tolley incident, she said: “I have not seen the replay yet.”"
    )
    assert speakers(extractor, text) == ["Helen Dray", "Helen Dray"]


def test_role_noun_resolves_to_the_person_just_described(extractor) -> None:
    text = (
        "Nadia Ferreira-Lopes, who scored twice, was modest. “The goals came from the team,” "
        "the striker said."
    )
    assert speakers(extractor, text) == ["Nadia Ferreira-Lopes"]


def test_quote_paragraph_after_a_sentence_about_a_person_is_that_person(extractor) -> None:
    text = (
        "Tomasz Wrona started the workshop in 2010.\n"
        "Wrona shrugs at talk of success.\n"
        "“I fix bicycles. That is all I ever wanted to do.”"
    )
    assert speakers(extractor, text) == ["Tomasz Wrona"]


def test_quote_paragraph_after_a_pronoun_sentence_resolves_the_pronoun(extractor) -> None:
    text = (
        "Maria Vance, 61, has run the ferry for decades.\n"
        "On a grey morning, she sits in the wheelhouse and talks about the river.\n"
        "“The water changes every day. You never stop learning it.”"
    )
    assert speakers(extractor, text) == ["Maria Vance"]


def test_quote_paragraph_after_unrelated_text_stays_unattributed(extractor) -> None:
    text = "Rain fell all week.\n“This is the wettest spring on record.”"
    assert speakers(extractor, text) == [None]
