"""A quotation inside a clause with no verb of speaking is the words of that clause's subject
(rules-15, issue 10): invented examples, none copied from an article."""

from __future__ import annotations

from extracted import quotes_and_speakers


# 'Lee believed the plan would “…”', '…, but Lee predicts “…”', 'and the bank will “…”': the
# subject that opens the quote's clause, before its verb, speaks.
def test_a_quote_in_a_clause_without_a_speech_verb_is_its_subjects(extractor) -> None:
    text = (
        "The harbour board met on Tuesday.\n\n"
        "Marta Olsen, a ferry captain for twenty years, believed the new timetable would "
        '"leave the island towns stranded every winter evening."\n\n'
        "Fares will rise in spring, but Olsen predicts "
        '"most commuters will simply move to the mainland for good."\n\n'
        "The board will sell two older boats and the Fjordline Company will "
        '"keep the remaining vessels in service until the new ones arrive."'
    )
    assert quotes_and_speakers(extractor, text) == [
        ("leave the island towns stranded every winter evening.", "Marta Olsen"),
        ("most commuters will simply move to the mainland for good.", "Marta Olsen"),
        ("keep the remaining vessels in service until the new ones arrive.", "Fjordline Company"),
    ]


# A leading "he"/"she" is the clause's subject too: the person it stands for speaks.
def test_a_leading_pronoun_as_the_clause_subject_stands_for_its_person(extractor) -> None:
    text = (
        "Tomas Varga is running for mayor of the town.\n\n"
        'He has built his campaign on a promise to "open every school library on weekends '
        'for the whole summer."'
    )
    assert quotes_and_speakers(extractor, text) == [
        ("open every school library on weekends for the whole summer.", "Tomas Varga")
    ]


# The guards: a passive subject ("were mocked with"), a clause that names something
# ("named the bridge"), a quotation that is a name, a subject in the middle of a clause
# ("used by the Weather Office"), and a possessive: nobody speaks.
def test_a_passive_naming_or_embedded_subject_gives_no_speaker(extractor) -> None:
    text = (
        "During the march, Mayor Ines Cole and the Harbour Trust were mocked with chants of "
        '"nobody asked us about the new road at all."\n\n'
        'The Fjordline Company named the ferry "the pride of the northern coast and its people."\n\n'
        'Marta Olsen took the title of "Keeper of the Harbour Lights."\n\n'
        "On the scale used by the Weather Office for storms, at level four "
        '"roofs will be torn from houses across the region."\n\n'
        "Olsen's plan was to "
        '"sail every boat to the mainland before the storm arrived."'
    )
    found = quotes_and_speakers(extractor, text)
    # the title taken (rules-17) is no quotation at all; the others have no speaker
    assert "Keeper of the Harbour Lights." not in [q for q, _ in found]
    assert [s for _, s in found] == [None] * 4


# A person's speaker name is the article's fullest form of them: "Nora Blix", first named
# "Nora K. Blix", speaks as "Nora K. Blix".
def test_a_speaker_is_named_by_the_articles_fullest_form_of_that_person(extractor) -> None:
    text = (
        "Nora K. Blix, the chief executive of Harbourline, spoke to the committee.\n\n"
        '"Fees will stay where they are this year," warned Nora Blix.\n\n'
        '"We have no plans to sell," Blix said.'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Nora K. Blix", "Nora K. Blix"]


# The guard: with two fuller forms ("Sam T. Rowe" and "Sam J. Rowe", father and son) the
# shorter name may be either: it stays as written.
def test_a_speaker_with_two_fuller_forms_keeps_the_name_written(extractor) -> None:
    text = (
        "Sam T. Rowe and his son Sam J. Rowe run the ferry company together.\n\n"
        '"Fees will stay where they are this year," warned Sam Rowe.'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Sam Rowe"]


# The reviewer's guards: a text with its own verb ("a bill that would let"), another holder's
# possessive ("the government's promise to") or another clause (", and the crowd joined in
# for") between the subject and the quote; and a fuller form that adds a name, not an
# initial ("Maria Elena Soto" beside "Maria Soto": maybe two people).
def test_a_text_another_holder_or_clause_between_gives_no_speaker(extractor) -> None:
    text = (
        "The vote is today.\n\n"
        "The Tenants Union opposes a bill that would let landlords "
        '"raise rents by any amount once a lease has ended."\n\n'
        "Gwen Tallis mocked the government's promise to "
        '"build a new school in every town before the next election."\n\n'
        "Ella Brook performed her new single, and the crowd joined in for "
        '"all the roads lead back to you tonight, my love" at the end.\n\n'
        "The award went to Maria Elena Soto, the mother of the athlete.\n\n"
        '"I trained every single morning for this," Maria Soto said after the race.'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == [None, None, None, "Maria Soto"]
