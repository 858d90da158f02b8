"""Speaker classes of rules-13 found on the retired Wikinews blind sets (issue 10, speaker
recall): each from invented examples, none copied from an article."""

from __future__ import annotations

import pytest
from extracted import quotes_and_speakers


# '“…a bench?” wrote Moretti, the sculptor, in an e-mail to The Guardian. “…”': a quote closed
# by its own stop, then an inverted attribution that ends with its own stop before the next
# quote: the attribution is the first quote's (it is no new sentence running into the next).
def test_an_inverted_verb_after_a_question_names_its_speaker_before_the_next_quote(
    extractor,
) -> None:
    text = (
        '"When they woke me I thought it was a joke: who would steal a bench?" wrote Moretti, '
        'the sculptor, in an e-mail to The Guardian. "I had forgotten it was made of bronze."'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Moretti", "Moretti"]


# The guard: a sentence with no stop of its own that runs into the next quote still says
# nothing about the quote before it.
def test_a_new_sentence_running_into_the_next_quote_still_names_nobody(extractor) -> None:
    text = '"We lost the vote." Moss said it was over and added "nothing more can be done now."'
    assert quotes_and_speakers(extractor, text)[0] == ("We lost the vote.", None)


# '“…,” writes Kerr's longtime friend Daniel Boyd on Instagram': after an inverted verb, a
# possessive names whose friend (lawyer, partner) speaks; the person after it is the speaker.
def test_after_an_inverted_verb_the_person_after_a_possessive_speaks(extractor) -> None:
    text = (
        '"Heartbroken and numb," writes Kerr\'s longtime friend Daniel Boyd on Instagram. '
        '"I have lost a brother, not only a friend!"\n\n'
        '"The appeal will be lodged this week," said Holt\'s lawyer, Ann Reid.'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == [
        "Daniel Boyd",
        "Daniel Boyd",
        "Ann Reid",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # With nobody named after it, the possessive's owner still speaks for its text.
        pytest.param(
            '"The claims are false," said Acme Pharmaceuticals\' statement.',
            [("The claims are false,", "Acme Pharmaceuticals")],
            id="after_an_inverted_verb_an_owners_statement_still_speaks_for_the_owner",
        ),
        # 'Stamina was a big factor, according to Morrow. “…”, he said.': the person a sentence is
        # credited to is no mere object of "to"; a "he" right after it refers back to them.
        pytest.param(
            (
                "Captain Tom Morrow scored twice against Oakdale. Coach Paul Hendry was pleased with "
                "the win. Stamina was a big factor in that according to Morrow. "
                '"We have been training hard all winter", he said.'
            ),
            [("We have been training hard all winter", "Tom Morrow")],
            id="he_after_a_sentence_credited_according_to_someone_is_that_person",
        ),
        # The guard: a name after another "to" ('a letter to Morrow') is still no subject.
        pytest.param(
            (
                "Coach Paul Hendry was pleased with the win over Oakdale. He sent a letter of thanks "
                'to Tom Morrow. "We have been training hard all winter", he said.'
            ),
            [("We have been training hard all winter", "Paul Hendry")],
            id="he_after_a_letter_to_someone_is_not_that_person",
        ),
        # '…on Friday."Any attempt …," she added': a space left out between a closing mark and the
        # next opening one; the straight mark after a stop and before a capital closes one quote and
        # opens the next, instead of being skipped (which made one quote of both).
        pytest.param(
            (
                "Pia Holm, head of the Farmers League, told reporters on Monday, "
                '"We will step up the protest on Friday."Any attempt to stop us will be answered '
                'calmly," she added.'
            ),
            [
                ("We will step up the protest on Friday.", "Pia Holm"),
                ("Any attempt to stop us will be answered calmly,", "Pia Holm"),
            ],
            id="a_mark_between_a_stop_and_a_capital_closes_one_quote_and_opens_the_next",
        ),
        # 'signs reading "Save the Harbour" and "Our coast is not for sale"', 'Some of the placards
        # said, '…,' '…' and '…'', 'Banners declared "…"': the words on a sign, banner or placard
        # (and the next ones of the same list) are no quotes; the next paragraph's quote still is.
        pytest.param(
            (
                'About 2,000 marchers with signs reading "Save the Harbour" and "Our coast is not for '
                'sale", walked to the town hall. Banners declared "No to the new runway" and "Tired of '
                "being ignored by the council.\"\n\nSome of the placards said, 'No mall, no way,' "
                "'Not in our park' and 'Our town, our choice, no mall.'\n\n"
                '"The worry is they will knock down shops that have stood here for years," said '
                "Charles Brent, a protester."
            ),
            [
                (
                    "The worry is they will knock down shops that have stood here for years,",
                    "Charles Brent",
                )
            ],
            id="the_words_on_signs_banners_and_placards_are_no_quotes",
        ),
    ],
)
def test_the_quotes_and_their_speakers_are(extractor, text, expected) -> None:
    assert quotes_and_speakers(extractor, text) == expected


# The guards: the person after "said X's lawyer" must follow the role noun; one in the next
# sentence or in a later clause does not speak for the lawyer.
def test_a_person_after_the_possessives_sentence_or_clause_does_not_speak(extractor) -> None:
    text = (
        '"We are confident the jury will see the truth," said Smith\'s lawyer. Mark Jones, the '
        "prosecutor, disagreed.\n\n"
        '"We will appeal," said Walsh\'s lawyer. The judge, Anne Cole, said the sentence would '
        "stand.\n\n"
        '"The evidence is overwhelming," said Senator Clark\'s spokesman, adding that Governor '
        "Ann Baker had ignored the warnings."
    )
    speakers = [s for _, s in quotes_and_speakers(extractor, text)]
    assert len(speakers) == 3
    assert not {"Mark Jones", "Anne Cole", "Ann Baker"} & set(speakers)


# '“…,” the party informed the press': "inform" reports speech as "tell" does; its subject
# speaks (and "Moss informed reporters that “…”").
def test_informed_is_a_verb_of_speech(extractor) -> None:
    text = (
        "The Varden Green Party lost its appeal on Friday. "
        '"The party accepts the ruling of the court," the party informed the press.\n\n'
        'Margaret Olsen informed reporters that "the deal is done and signed".'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == [
        "Varden Green Party",
        "Margaret Olsen",
    ]


# Written texts whose owner is described by a role, not named: "Part of the judge's
# statement reads “…”", "The judge's summary concluded with the statement: “…”", "the
# following statement from the king: “…”" speak for the holder of that role named before.
def test_a_written_text_of_a_described_role_speaks_for_the_role_holder(extractor) -> None:
    text = (
        "District Judge Martin Olsen ruled on Monday that the levy was void. Part of the "
        "judge's statement reads \"the average driver could well be better suited to the job "
        'than the average pilot." He went on to cite an earlier ruling.\n\n'
        "The judge's summary concluded with the statement: "
        '"The plaintiffs will accordingly receive the full sum claimed in damages."\n\n'
        "King Harald Olav met the ministers on Tuesday. The palace issued the following "
        'statement from the king: "Even though the plan was approved, it is considered '
        'deeply unwise by this office."'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == [
        "Martin Olsen",
        "Martin Olsen",
        "Harald Olav",
    ]


# The guards: a reaction to a role holder's ruling or decision, voiced by someone else in a
# later clause, is not the role holder's.
def test_a_reaction_to_a_described_roles_decision_is_not_the_role_holders(extractor) -> None:
    text = (
        "Judge Mary Cole jailed the activist for a year. The judge's ruling sparked protests "
        'outside the court, where supporters chanted: "Free him now!"\n\n'
        "Coach Tom Reed dropped the striker on Friday. After the coach's decision, fans who "
        'gathered at the stadium said: "He deserves better."\n\n'
        "President Ann Moss vetoed the bill. The president's decision was condemned by unions, "
        'whose leaders said: "This is a betrayal."\n\n'
        "Mayor Tom Jenkins closed the park on Monday. The mayor's decision angered residents, "
        'who told reporters: "We were never consulted."'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == [None, None, None, None]


# '“…”, reads a Pinewood Studios press release': the name among the text's modifiers is its
# author.
def test_reads_a_named_press_release_speaks_for_the_name(extractor) -> None:
    text = (
        '"Kerr was admired and loved by everyone who met him", reads a Pinewood Studios '
        "press release."
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Pinewood Studios"


# The guard: a body's text ("the court's summary") is not given to the court named last, as
# an article may name several courts.
def test_a_described_courts_summary_is_not_given_to_the_court_named_last(extractor) -> None:
    text = (
        "The Court of Session in Varden ruled on Wednesday. The government will appeal to the "
        "High Court of Ostland next week.\n\n"
        "The court's summary concluded with the statement: "
        '"The Court will accordingly make an order declaring the measure unlawful."'
    )
    assert quotes_and_speakers(extractor, text)[0][1] is None


# 'Reyes wrote: "… I would think 'Wow, so openly.'\xa0"': a no-break space between an inner
# closing mark and the outer one is typography, as a thin space is; the outer quote closes there
# and does not run on into the next paragraph's quote.
def test_a_no_break_space_before_the_outer_closing_mark_still_closes_the_quote(
    extractor,
) -> None:
    text = (
        'Lawyer Dana Reyes wrote on Twitter: "If I read a letter like this one I would think '
        "'Wow, they are saying it so openly.'\xa0\"\n\n"
        '"The only reading I can see is that they want him gone," wrote former official Sam Ortiz.'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Dana Reyes", "Sam Ortiz"]


# 'The new governor of the region, Pavel Orlov, during his speech on Monday, offered to …:
# “…”': the opening phrases (skipped as adverbials before a clause's subject) hold the
# subject itself, a person set off by commas; the colon introduction is theirs.
def test_a_person_set_off_by_commas_in_the_opening_phrases_introduces_the_colon_quote(
    extractor,
) -> None:
    text = (
        "The new governor of the region, Pavel Orlov, during his speech to the deputies on "
        'Monday, offered to diversify the economy: "Now our exports are close to a billion '
        'dollars!"'
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Pavel Orlov"


# The guard: a person after a preposition in an opening phrase is not the subject.
def test_a_person_after_a_preposition_in_the_opening_phrase_introduces_nothing(
    extractor,
) -> None:
    text = (
        "Writing to Pavel Orlov, the council set out its plan: "
        '"Now our exports are close to a billion dollars!"'
    )
    assert quotes_and_speakers(extractor, text)[0][1] is None


# The guards: an opening phrase about someone else (asked about, unlike, when) does not make
# the person set off by commas in it the subject; the described subject after it speaks.
def test_a_person_in_an_opening_phrase_about_someone_else_introduces_nothing(extractor) -> None:
    text = (
        "Asked about his deputy, Ivan Petrov, during the hearing, the governor offered a reply: "
        '"He has my full trust."\n\n'
        "Unlike his rival, Pavel Orlov, during the debate on Tuesday, the candidate offered a "
        'promise: "No new taxes."\n\n'
        "When his predecessor, Ivan Petrov, was arrested, the new governor, during his first "
        'speech, offered an apology: "We failed you."'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == [None, None, None]


# The guard: a person who holds up a sign and speaks is still quoted.
def test_a_person_holding_a_sign_who_speaks_is_still_quoted(extractor) -> None:
    text = 'Ann Moss held up a sign and said "we will keep fighting for the harbour".'
    assert [q for q, _ in quotes_and_speakers(extractor, text)] == [
        "we will keep fighting for the harbour"
    ]


# The guard: the surnames Banner and Sign are people, not signs; their words are quotes
# (the second "Banner" is Tom Banner again).
def test_a_person_named_banner_or_sign_is_still_quoted(extractor) -> None:
    text = (
        'Coach Tom Banner said "We played well and deserved the win."\n\n'
        'After the match, Banner said: "The referee was fair."\n\n'
        'Senator Ann Sign said "the vote is a disgrace" on Monday.'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == [
        "Tom Banner",
        "Tom Banner",
        "Ann Sign",
    ]


# 'Moss issued a statement at his club outside Washington, D.C. saying, “…”': a dotted
# initialism followed by a lower-case word ends no sentence, so the clause keeps its subject.
def test_a_dotted_initialism_before_a_lower_case_word_ends_no_sentence(extractor) -> None:
    text = (
        "Following the result, Ann Moss issued a statement at her golf club outside "
        'Washington, D.C. saying, "The simple fact is this race is far from over."'
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Ann Moss"


# The guard: before a capital it still ends the sentence, and the next one has its own subject.
def test_a_dotted_initialism_before_a_capital_still_ends_the_sentence(extractor) -> None:
    text = (
        "Ann Moss flew home to Washington, D.C. Officials at the airport were told "
        '"nothing about the delay, nothing at all."'
    )
    assert quotes_and_speakers(extractor, text)[0][1] is None
