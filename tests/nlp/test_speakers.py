"""Speakers: titles stripped, pronouns and surnames resolved, unnamed speakers left as None."""

from __future__ import annotations

from extracted import speakers


def test_title_and_role_are_stripped_from_the_speaker(extractor) -> None:
    text = "Kremlin spokesperson Dmitry Peskov told reporters: “We see no reason for concern.”"
    assert speakers(extractor, text) == ["Dmitry Peskov"]


def test_pronoun_resolves_to_the_person_named_before(extractor) -> None:
    text = "Emma Clarke, the head teacher, welcomed the report.\n“It shows what our pupils can do,” she said."
    assert speakers(extractor, text) == ["Emma Clarke"]


def test_pronoun_skips_a_person_of_the_other_gender(extractor) -> None:
    text = "Linda Hart met David Moss on Friday. “We agreed on nothing,” she said."
    assert speakers(extractor, text) == ["Linda Hart"]


def test_surname_resolves_to_the_full_name_used_earlier(extractor) -> None:
    text = (
        "Foreign Minister Anton Weber arrived in Vienna.\n“The talks were difficult,” Weber added."
    )
    assert speakers(extractor, text) == ["Anton Weber"]


def test_unnamed_speaker_is_none(extractor) -> None:
    text = "“We heard three loud bangs,” a neighbour who asked not to be named told reporters."
    assert speakers(extractor, text) == [None]


def test_pronoun_after_an_unnamed_person_is_none(extractor) -> None:
    text = "Officer Paul Grant led the search. A witness described the scene. “It was chaos,” she said."
    assert speakers(extractor, text) == [None]


def test_according_to_names_the_source(extractor) -> None:
    text = "According to Reuters, “the deal could be signed within days, sources say.”"
    assert speakers(extractor, text) == ["Reuters"]


def test_organisation_speaks_in_a_statement(extractor) -> None:
    text = (
        "In a statement, Greenpeace said the plan was “a betrayal of the communities on the coast”."
    )
    assert speakers(extractor, text) == ["Greenpeace"]


def test_definite_group_description_is_kept_as_speaker(extractor) -> None:
    text = "“Our forces repelled the attack,” the Sudanese army stated."
    assert speakers(extractor, text) == ["Sudanese army"]


def test_stating_attributes_to_the_sentence_subject(extractor) -> None:
    text = "President Lula da Silva criticised the tariffs, stating, “Brazil will not be bullied by anyone.”"
    assert speakers(extractor, text) == ["Lula da Silva"]


def test_a_standalone_quote_paragraph_continues_the_previous_speaker(extractor) -> None:
    text = (
        "“We lost the game in midfield,” manager Luke Ward said.\n“We have to be braver next week.”"
    )
    assert speakers(extractor, text) == ["Luke Ward", "Luke Ward"]


def test_the_listener_after_told_is_not_the_speaker(extractor) -> None:
    text = "Kwame Mensah studies monetary policy.\nMensah told Reuters: “The disinflation is real.”"
    assert speakers(extractor, text) == ["Kwame Mensah"]


def test_a_participle_after_the_quote_leaves_the_subject_as_speaker(extractor) -> None:
    text = (
        "Its president, Abena Owusu, said members would “keep asking until the rates come down,” "
        "adding that many smaller firms had postponed investment."
    )
    assert speakers(extractor, text) == ["Abena Owusu"]


def test_dotted_title_before_the_speaker(extractor) -> None:
    text = "“A positive result is a reason for a proper assessment, not a verdict,” said Dr. Hamid Karimi."
    assert speakers(extractor, text) == ["Hamid Karimi"]
