"""Rules-17 speaker mechanisms, each pinned by invented sentences (no article text): adverbs
between a subject and its speech verb, attributions with no comma after the quotation, present-tense
inverted attributions, and the other general mechanisms of round 16 (r16-speak.md)."""

from __future__ import annotations

import pytest
from extracted import speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            (
                "Maria Solberg ran the harbour cafe for forty years.\n\n"
                '"Every storm brings the same sailors back," she often said.'
            ),
            ["Maria Solberg"],
            id="an_adverb_before_the_verb_leaves_the_pronoun_its_subject",
        ),
        pytest.param(
            (
                "The dispute was between Oskar Lindqvist and Pavel Dorne over the port.\n\n"
                "At the talks, Lindqvist charged Dorne's ministry with the delay, a charge that Dorne "
                'quickly denied. "We met every deadline we were given," he said.'
            ),
            ["Pavel Dorne"],
            id="he_is_the_subject_who_quickly_answered_not_the_first_name",
        ),
        pytest.param(
            (
                "The ministers met again on Friday.\n\n"
                '"The real problem is the price of the seed and nothing else" Farm Union chair '
                "Tobias Wendt said.\n\n"
                '"We will not sign a deal that ignores the growers" Greta Holm, head of the '
                "Growers Council, said."
            ),
            ["Tobias Wendt", "Greta Holm"],
            id="a_quote_opening_its_sentence_is_attributed_with_no_comma_after_it",
        ),
        pytest.param(
            (
                'Voters heard the promise "a fair deal for the growers" many times as the Farm Union '
                "chair Tobias Wendt said on Friday."
            ),
            [None],
            id="a_sentence_that_goes_on_after_an_uncommaed_quote_is_not_its_attribution",
        ),
        pytest.param(
            (
                "The survey covered two hundred firms.\n\n"
                "Explains Lantern Research founder and chief executive, Orla B. Keane, "
                '"Most of the firms want to grow, and few of them know how."'
            ),
            ["Orla B. Keane"],
            id="a_present_tense_inverted_attribution_names_a_speaker_with_an_initial",
        ),
        pytest.param(
            (
                "The fleet's commander, Admiral Ivo Laskar, was dismissed on Monday.\n\n"
                "No reason was given for Laskar's dismissal, although Admiral Teodor Brandt "
                "speculated on the radio that it was his health.\n\n"
                'According to the agency, he told a newspaper: "He has been in hospital for months."'
            ),
            ["Teodor Brandt"],
            id="he_is_not_the_possessor_but_the_subject_of_the_clause",
        ),
        pytest.param(
            (
                "The Northern Ports Authority published its yearly review on Monday.\n\n"
                "The review urged shipping lines to work with the United Nations on safety. "
                'It also asks them to address the "rising cost of insurance" in the north.'
            ),
            ["Northern Ports Authority"],
            id="it_is_not_the_body_named_after_a_preposition_and_its_article",
        ),
        pytest.param(
            (
                "A different view came from Carl Osterman, a historian at Linwood University, who "
                'stated, "Great empires rarely fall from outside."'
            ),
            ["Carl Osterman"],
            id="who_after_an_appositive_is_the_person_it_describes",
        ),
        pytest.param(
            (
                '"We will not give up the port," Mayor Lena Hartwig said. "The city has a right to '
                'be heard." "And no minister can take that right away."\n\n'
                "The council meets again in June."
            ),
            ["Lena Hartwig", "Lena Hartwig", "Lena Hartwig"],
            id="a_quote_right_after_one_closed_by_its_stop_goes_on_with_its_speaker",
        ),
        pytest.param(
            (
                "In a statement, Senate Leader Paul Brandau and House Speaker Greta Vollmer responded "
                'by saying that "the real concern here is not safety."'
            ),
            ["Paul Brandau"],
            id="the_first_of_two_people_joined_by_and_speaks_for_both",
        ),
        pytest.param(
            (
                "Foreign Minister Anton Velikov said previously that the radar was seen as a "
                '"direct threat" by his country.'
            ),
            ["Anton Velikov"],
            id="a_fragment_after_said_previously_that_is_the_speakers",
        ),
        pytest.param(
            (
                "In his speech, Governor Hal Brenner spoke of the dam. He warned that, with "
                '"continued neglect", the wall could fail by 2030.'
            ),
            ["Hal Brenner"],
            id="a_fragment_after_warned_that_and_a_comma_is_the_speakers",
        ),
        pytest.param(
            (
                'Channel Nine reported that the aircraft was landing at an "odd angle" before it '
                "caught fire."
            ),
            ["Channel Nine"],
            id="a_fragment_reported_by_a_broadcaster_is_the_broadcasters",
        ),
        pytest.param(
            (
                'The website Harbor Daily reported its source said "two gunmen" were killed in the night.'
            ),
            [None],  # a quote since rules-20 (dev6 w000 annotates one), its speaker unnamed
            id="a_fragment_its_unnamed_source_said_is_not_the_reporters",
        ),
        pytest.param(
            'The rocket used a "kinetic strike" to destroy the old probe, said Gordon Ashcombe.',
            ["Gordon Ashcombe"],
            id="a_fragment_in_a_sentence_credited_at_its_end_is_the_credited_persons",
        ),
        pytest.param(
            (
                "Senator Joan Whitcombe spoke at the university on Monday.\n\n"
                "She questioned the voters' grasp of the war, saying,\n\n"
                '"Would they feel the same way if they knew what we know?"'
            ),
            ["Joan Whitcombe"],
            id="a_speech_verb_and_comma_ending_the_paragraph_before_introduces_the_quote",
        ),
        pytest.param(
            (
                "Alderman Pieter Claessens spoke to the council on Monday.\n\n"
                'But, as Claessens pointed out: "This is not a problem of one town alone."'
            ),
            ["Pieter Claessens"],
            id="as_before_a_name_is_no_plural_noun_of_a_relative_clause",
        ),
        pytest.param(
            (
                "The Berlin correspondent for the Daily Courier, Frank Wessel, told a radio station "
                "that the plot had been known for weeks.\n\n"
                '"It could be a scheme of the old guard," he said.'
            ),
            ["Frank Wessel"],
            id="he_is_the_person_whose_appositive_closes_before_his_speech_verb",
        ),
        pytest.param(
            (
                "Harbor News Network admitted the error on Tuesday.\n\n"
                'The network then went on to say, "We have corrected the story on all our sites."'
            ),
            ["Harbor News Network"],
            id="went_on_to_is_no_part_of_the_described_subject",
        ),
        pytest.param(
            (
                "The Northland Unity Party was registered again in May.\n\n"
                'The party denies this claiming "There is no way a small group could do that".'
            ),
            ["Northland Unity Party"],
            id="a_participle_after_denies_is_said_by_the_subject_of_denies",
        ),
        pytest.param(
            (
                "President Arvid Sorensen dismissed two ministers on Tuesday. According to a "
                "spokesman for Sorensen, Mikkel Dahl, the dismissals were over "
                '"their poor work on the floods."'
            ),
            ["Mikkel Dahl"],
            id="according_to_a_spokesman_for_someone_is_the_named_spokesman",
        ),
        pytest.param(
            (
                'Mayor Tom Ardley of Linwood thinks "it is a great idea and long overdue."\n\n'
                'Professor Dana Whitlow agrees that the rules "should be much clearer."\n\n'
                'Prosecutor Ivan Petrakis likened the shredding to "burning the evidence."'
            ),
            ["Tom Ardley", "Dana Whitlow", "Ivan Petrakis"],
            id="verbs_of_opinion_and_likening_attribute_the_quote_to_their_subject",
        ),
        pytest.param(
            (
                "Defence Secretary Robert Hale spoke on Tuesday.\n\n"
                'The secretary said a threatened cut-off of funds "would be dramatic."'
            ),
            ["Robert Hale"],
            id="a_participle_after_an_article_is_no_speech_verb",
        ),
        pytest.param(
            (
                "Queen Margrethe II of Denmark will visit Iceland in May.\n\n"
                "The Queen herself mentioned the visit in her New Year speech.\n\n"
                '"The Prince and I look forward to seeing our friends in Reykjavik."'
            ),
            ["Margrethe II"],
            id="a_quote_paragraph_after_a_sentence_opened_by_a_role_is_its_holders",
        ),
        pytest.param(
            (
                "Dr. Martin Wolfe, the chief surgeon at Linwood Hospital, notes that the tests miss "
                "one case in ten.\n\n"
                'In his opinion, doctors who rely on the tests "are going to miss people with '
                'severe disease."'
            ),
            ["Martin Wolfe"],
            id="in_his_opinion_gives_the_words_to_the_man_named_before",
        ),
    ],
)
def test_the_speakers_of_the_quotes_are(extractor, text, expected) -> None:
    assert speakers(extractor, text) == expected
