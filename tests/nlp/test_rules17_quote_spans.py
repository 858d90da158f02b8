"""Rules-17 quotation spans (issue 10: quote-span F1 on real reporting), each class pinned by
invented sentences (no article text)."""

from __future__ import annotations

import pytest
from extracted import quotes_and_speakers


def _texts(extractor, text: str) -> list[str]:
    return [q.text for q in extractor.analyse(text).quotes]


def test_a_fragment_in_a_clause_reporting_speech_is_a_quote_with_no_speaker_named(
    extractor,
) -> None:
    text = (
        "Residents of the valley met on Friday. They say that the new dam poses a "
        '"grave risk" to the farms below it.'
    )
    assert _texts(extractor, text) == ["grave risk"]


def test_a_fragment_said_to_be_someones_state_is_a_quote(extractor) -> None:
    text = 'The old keeper of the lighthouse was said to be "deeply shaken" by the storm.'
    assert _texts(extractor, text) == ["deeply shaken"]


def test_words_a_crowd_chants_are_a_quote(extractor) -> None:
    text = 'Hundreds marched to the harbour on Sunday, chanting "Not our war" as they went.'
    assert _texts(extractor, text) == ["Not our war"]


def test_a_fragment_blamed_on_someone_is_a_quote(extractor) -> None:
    text = 'The report blames a "tiny minority" of fans for the damage to the stand.'
    assert _texts(extractor, text) == ["tiny minority"]


def test_a_fragment_after_the_reported_clause_ended_is_no_quote(extractor) -> None:
    text = (
        "In the poll 40% said that the mayor should stay, 31% wanted a new vote, and 29% had "
        '"no view" at all.'
    )
    assert _texts(extractor, text) == []


def test_a_word_the_clause_mentions_is_no_quote(extractor) -> None:
    text = (
        'Critics argued that the bill\'s definition of "fair use" would hurt libraries across '
        "the region."
    )
    assert _texts(extractor, text) == []


def test_a_name_in_a_reported_clause_is_no_quote(extractor) -> None:
    text = 'The minister claims that a "Green Harbour" scheme would follow within a year.'
    assert _texts(extractor, text) == []


def test_a_scare_quote_outside_any_report_is_still_no_quote(extractor) -> None:
    text = 'The so-called "quiet zone" opened beside the station on Monday.'
    assert _texts(extractor, text) == []


def test_a_quote_whose_middle_paragraphs_lost_their_marks_is_one_quote_per_paragraph(
    extractor,
) -> None:
    text = (
        'The harbour master, Ilse Varga, wrote to the council: "We cannot keep the pier open '
        "through another winter.\n\nThe timber is rotten at the waterline.\n\n"
        'Nobody should walk on it after dark."\n\nThe council meets on Tuesday.'
    )
    # since rules-21 each paragraph is a piece of its own (the Wikinews sets' convention since
    # dev10 t009; dev9 kept one quote)
    quotes = extractor.analyse(text).quotes
    assert [q.text for q in quotes] == [
        "We cannot keep the pier open through another winter.",
        "The timber is rotten at the waterline.",
        "Nobody should walk on it after dark.",
    ]


def test_an_open_quote_is_not_joined_to_a_later_quote_that_opens_its_own_mark(
    extractor,
) -> None:
    text = (
        'Ilse Varga wrote: "We cannot keep the pier open.\n\nThe timber is rotten.\n\n'
        'Her deputy said "it will be fine" and left.\n\nThe council meets on Tuesday.'
    )
    # since rules-20 the quotation never closed runs to the end of its own paragraph (the
    # Wikinews sets' convention, dev11 t055)
    assert _texts(extractor, text) == ["We cannot keep the pier open.", "it will be fine"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '"We walked in together and nobody was hurt,” said Oren Vale, a marcher from Perth.',
            [("We walked in together and nobody was hurt,", "Oren Vale")],
            id="a_quote_opened_straight_and_closed_curly_is_one_quote",
        ),
        pytest.param(
            '“The ministry must act before the rains come," Oren Vale told the paper.',
            [("The ministry must act before the rains come,", "Oren Vale")],
            id="a_quote_opened_curly_and_closed_straight_is_one_quote",
        ),
        pytest.param(
            (
                'The court rejected the "broad reading"--a reading with no limit at all. '
                '"Only a clear law can send a man to prison," Justice Oren Vale wrote.'
            ),
            [("Only a clear law can send a man to prison,", "Oren Vale")],
            id="a_closing_mark_before_a_double_hyphen_closes",
        ),
    ],
)
def test_the_quotes_and_their_speakers_are(extractor, text, expected) -> None:
    assert quotes_and_speakers(extractor, text) == expected


def test_an_opening_mark_glued_to_the_stop_before_it_still_opens(extractor) -> None:
    text = (
        'Oren Vale spoke to the radio on Monday."The bridge has to be rebuilt this year," he said.'
    )
    assert _texts(extractor, text) == ["The bridge has to be rebuilt this year,"]


def test_what_follows_dubbed_is_a_name_whatever_its_case(extractor) -> None:
    text = 'Dubbed the "grandmother of the river campaign," Ada Morrow died on Sunday aged 91.'
    assert _texts(extractor, text) == []


def test_a_term_after_definition_of_is_no_quote(extractor) -> None:
    text = (
        'Ada Morrow said that under the board\'s narrow definition of "public land," most '
        "of the valley would be sold."
    )
    assert _texts(extractor, text) == []


def test_a_title_given_in_translation_is_no_quote(extractor) -> None:
    text = 'Ada Morrow sent in a poem with a title meaning "Where did the river go?" last spring.'
    assert _texts(extractor, text) == []


def test_a_gloss_in_brackets_after_a_quotation_is_no_second_quote(extractor) -> None:
    text = (
        'Ada Morrow told the crowd "the river is ours," and the banners read "flumen nostrum" '
        '("our river").'
    )
    assert _texts(extractor, text) == ["the river is ours,"]


def test_the_name_of_a_court_case_is_no_quote(extractor) -> None:
    text = 'In "Morrow v. Keld Water Board, et al.", the judge ruled for the farmers.'
    assert _texts(extractor, text) == []


def test_a_capitalised_name_after_an_article_is_no_quote(extractor) -> None:
    text = (
        'Ada Morrow said the vote was moved to after the "Harvest Weekend." She spoke on a '
        '"River Hour Live" broadcast.'
    )
    assert _texts(extractor, text) == []


def test_every_banner_of_a_list_introduced_by_such_as_is_sign_text(extractor) -> None:
    text = (
        'Marchers carried banners such as "Save Our River" and "The water belongs to all."\n\n'
        '"We will be back next week," said Ada Morrow.'
    )
    assert _texts(extractor, text) == ["We will be back next week,"]


def test_a_label_given_as_something_is_no_quote(extractor) -> None:
    text = (
        'The ministry will be labelling the river militia as a "lawless armed group of the '
        'delta" from May, Ada Morrow said.'
    )
    assert _texts(extractor, text) == []


def test_the_name_of_a_panel_or_a_title_taken_is_no_quote(extractor) -> None:
    text = (
        'At the panel "Making Rivers Pay," farmers met the board. Ada Morrow will take the '
        'title of "Keeper of the Northern Waters." The title of her new pamphlet, "Where '
        'Rivers End (Maybe)," is hers too.'
    )
    assert _texts(extractor, text) == []


def test_a_fragment_credited_by_according_to_is_a_quote(extractor) -> None:
    text = (
        "Nine boats sank in the storm. The losses were, according to the harbour records, "
        '"beyond any year" since 1950.'
    )
    assert _texts(extractor, text) == ["beyond any year"]


def test_a_fragment_owned_by_a_possessive_is_a_label(extractor) -> None:
    text = 'Farmers say that the old governor\'s "river first" plan emptied the wells.'
    assert _texts(extractor, text) == []


def test_the_name_of_a_kind_between_an_article_and_its_noun_is_no_quote(extractor) -> None:
    text = (
        'The valley has been run under the "one river, many towns" model since 1990, and the '
        'board said it will offer a "junior river keeper" course.'
    )
    assert _texts(extractor, text) == []


def test_a_role_something_acted_as_is_no_quote(extractor) -> None:
    text = 'The last time the state acted as "buyer of last resort" for grain was in 1951.'
    assert _texts(extractor, text) == []


def test_what_banners_held_up_stated_is_sign_text(extractor) -> None:
    text = (
        "Banners held up outside the town hall stated that the mayor had "
        '"no right to the river", and the march ended at noon.'
    )
    assert _texts(extractor, text) == []


def test_title_cased_words_a_claim_that_introduces_are_speech(extractor) -> None:
    text = (
        "The group's leaflet does claim that "
        '"Every Town On The River Should Join The March On Sunday".'
    )
    assert _texts(extractor, text) == ["Every Town On The River Should Join The March On Sunday"]
