"""Speaker classes of rules-12 found on unannotated reporting (issue 10, speaker recall):
each from invented examples, none copied from an article."""

from __future__ import annotations

import pytest
from extracted import quotes_and_speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "The opinion of the Court, released on Wednesday, read in part, “…”": a written text opening
        # its sentence speaks for the body after "of"...
        pytest.param(
            (
                "The High Court of Varden ruled on Monday that the appointment was void.\n\n"
                "The opinion of the Court, released on Wednesday, read in part, "
                '"The appointment of the minister is void and has no effect on the law."'
            ),
            [
                (
                    "The appointment of the minister is void and has no effect on the law.",
                    "High Court of Varden",
                )
            ],
            id="the_opinion_of_the_court_speaks_for_the_court_named_before",
        ),
        # A fragment of three words or fewer is a quote when its own clause says whose words they are:
        # 'Moss declared himself “immune”', 'introduced himself as “pro-life”' ...
        pytest.param(
            (
                'At the rally on Friday, Corin Wade declared himself "fully healed" and left early.\n\n'
                'In opening, Lisa Marsh introduced herself as "pro-farmer" and spoke on water.'
            ),
            [
                ("fully healed", "Corin Wade"),
                ("pro-farmer", "Lisa Marsh"),
            ],
            id="a_fragment_after_a_reflexive_label_is_the_subjects",
        ),
        # ... 'Acme regarded the talks as “more civil”', 'accused the station of “lying”' ...
        pytest.param(
            (
                'The Varden Herald regarded the debate as "far more civil" than the last one.\n\n'
                'Mayor Tom Reeve accused the station of "lying" about the budget.'
            ),
            [
                ("far more civil", "Varden Herald"),
                ("lying", "Tom Reeve"),
            ],
            id="a_fragment_judged_as_or_accused_of_is_the_subjects",
        ),
        # ... and 'Moss said voters “don't deserve” to know': a clause of reported speech whose subject
        # is a plural noun.
        pytest.param(
            (
                'Asked about the plan, Corin Wade said voters "don\'t deserve" to know his answer yet.'
            ),
            [("don't deserve", "Corin Wade")],
            id="a_fragment_in_reported_speech_with_a_plural_subject_is_the_speakers",
        ),
        # A short sentence of short words right after a speech verb is speech, not a title: 'she said
        # "You are all wrong"' (each word of three letters or fewer looked capitalised enough) ...
        pytest.param(
            'Mara Holt listened for an hour. Then Holt said "You are all wet" and left the hall.',
            [("You are all wet", "Mara Holt")],
            id="a_short_sentence_right_after_said_is_a_quote",
        ),
        # ... and a long sentence that is mostly lower case is speech even after a title cue word
        # ('said on the Varden Focus programme "It is a great loss …"'); a title in capitals is not.
        pytest.param(
            (
                'Minister Tom Reeve said on the Varden Focus programme "It is a great loss to the '
                'people of the valley and to all of us who knew him".'
            ),
            [
                (
                    "It is a great loss to the people of the valley and to all of us who knew him",
                    "Tom Reeve",
                )
            ],
            id="a_long_lower_case_sentence_after_a_programme_name_is_a_quote",
        ),
        pytest.param(
            'Tom Reeve hosts the programme "The Long Road Home From The Valley Of The Kings".',
            [],
            id="a_title_after_a_programme_cue_is_still_no_quote",
        ),
        # '“…on its own.” Reeve called the case an “odd” one.': a quote closed by its own stop is not
        # spoken by the next sentence when that sentence runs into the next quotation, whatever comes
        # between its verb and that quotation.
        pytest.param(
            (
                "Engineer Dana Lee described a fault in the pump. She also suggested a cause, in which "
                '"the pump had been switched off by hand or had failed on its own." Tom Reeve called the '
                'case an "odd" one.'
            ),
            [
                ("the pump had been switched off by hand or had failed on its own.", "Dana Lee"),
                ("odd", "Tom Reeve"),
            ],
            id="a_closed_quote_is_not_spoken_by_a_sentence_leading_into_the_next_quote",
        ),
        # 'Moss writes that parents must be subject to “complete jurisdiction”', 'Reid commented on
        # the unfairness of “rigged polls”': "writes" opens reported speech as "wrote" does, and
        # "commented on" says what a speech verb is about, as "spoke about" does.
        pytest.param(
            (
                "In an essay, Professor Dana Lee writes that the rule asks parents to be subject to "
                '"complete control" by the state.\n\n'
                'Tom Reeve commented on the unfairness of "rigged polls" during the debate.'
            ),
            [
                ("complete control", "Dana Lee"),
                ("rigged polls", "Tom Reeve"),
            ],
            id="a_fragment_after_writes_that_or_commented_on_is_the_subjects",
        ),
        # 'Miller, often referred to as “The Bear Man”', 'a site known as “Open Door”': a capitalised
        # fragment after "known as" or "referred to as" is a name, not a quote, even beside its owner.
        pytest.param(
            (
                "Leon Miller, owner of a bear farm near Varden, died on Monday. Miller, reportedly often "
                'referred to as "The Bear Man", had kept six bears. His farm, known as "Open Door", '
                "closed."
            ),
            [],
            id="a_name_after_referred_to_as_or_known_as_is_no_quote",
        ),
        # "Fifty former officials, including Reeve and Lee, signed a letter saying “…”": names given
        # as examples of an unnamed subject are not the speaker.
        pytest.param(
            (
                "Fifty former officials, including former directors Tom Reeve and Dana Lee, signed a "
                'letter saying the report "has all the marks of a foreign campaign of lies."'
            ),
            [("has all the marks of a foreign campaign of lies.", None)],
            id="names_after_including_are_not_the_subject_of_the_verb_after",
        ),
    ],
)
def test_the_quotes_and_their_speakers_are(extractor, text, expected) -> None:
    assert quotes_and_speakers(extractor, text) == expected


# ... and "the letter" for the author an earlier sentence gave that letter, also when the
# text reads out after the quotation ('“…”, the letter read.').
def test_the_letter_read_after_a_quote_speaks_for_its_author_named_before(extractor) -> None:
    text = (
        "The union's lawyer Tomas Vale sent a letter to Acme on Monday. Acme's chief Mara Holt "
        "declined to comment.\n\n"
        '"Any program that can read a web page can be used in this way, and nobody has '
        'objected to it," the letter read. It also asked for an answer.'
    )
    assert quotes_and_speakers(extractor, text)[-1][1] == "Tomas Vale"


# The sentence the author is taken from ends at a quotation closed by its own stop: in
# '…fair use.”  The letter stressed “…”' the letter's sentence starts after that quote, and
# the body named before it (the lawyer's employer) is not its author.
def test_a_letter_quoted_twice_keeps_its_author_across_a_closed_quotation(extractor) -> None:
    text = (
        "In the letter to Acme, the Coders Guild's lawyer Vale said "
        '"Reading a page is no crime and never was."  The letter stressed "the program copies '
        'nothing that a browser does not copy."\n\n'
        "Acme's chief Mara Holt declined to comment. "
        '"A test that plays a few seconds of a song is a fair use of it," the letter read.'
    )
    assert quotes_and_speakers(extractor, text)[-1][1] == "Vale"


# 'Reyes was described by the Bishops Council as “…”': the agent of a passive verb of labelling
# speaks, not its subject ...
def test_the_agent_of_a_passive_label_speaks_not_its_subject(extractor) -> None:
    text = (
        "Dana Reyes led the parish for thirty years. Reyes was described by the Varden Bishops "
        'Council as "a tireless voice for the poor of the valley and the hills."'
    )
    assert quotes_and_speakers(extractor, text)[-1][1] == "Varden Bishops Council"


# ... also after a noun ('a pattern described by Acme as “…”'), and an agent left unnamed
# gives no speaker rather than the subject.
def test_a_label_by_an_agent_after_a_noun_is_the_agents(extractor) -> None:
    text = (
        "Tarn Shipping's tracker shows the tanker again on Monday, with a course described by "
        'Harbour Watch Weekly as "rather erratic and hard to follow for anyone".'
    )
    assert quotes_and_speakers(extractor, text)[-1][1] == "Harbour Watch Weekly"


def test_a_label_by_an_unnamed_agent_is_not_the_subjects(extractor) -> None:
    text = (
        "Dana Reyes led the parish for thirty years. Reyes was described by the council as "
        '"a tireless voice for the poor of the valley and the hills."'
    )
    assert quotes_and_speakers(extractor, text)[-1][1] is None
