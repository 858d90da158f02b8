"""Speaker recall classes of rules-7 (issue 10): speakers the entity finder never found, and
quote spans found on new development articles. Each pinned by invented examples."""

from __future__ import annotations

import pytest
from extracted import quotes_and_speakers, typed_names

from newstui.nlp.names import spelling_variant


# An unknown single name opening a sentence as the subject of a speech verb is a person.
def test_an_unknown_single_name_saying_something_is_a_person_speaker(extractor) -> None:
    text = 'The ferry ran aground at dawn. Quorrell said "We heard the hull scrape the rocks."'
    assert quotes_and_speakers(extractor, text) == [
        ("We heard the hull scrape the rocks.", "Quorrell")
    ]
    text = "Tarvish told the Kelmouth Echo he had waited six hours for the tow."
    assert ("Tarvish", "PERSON") in typed_names(extractor, text)


def test_plural_and_abstract_sentence_openers_before_said_are_no_people(extractor) -> None:
    text = (
        "Harbourmasters said the channel was closed. Management said nothing more. "
        "Everybody said the tide was wrong. Sediment continued to build up."
    )
    people = {name for name, kind in typed_names(extractor, text) if kind == "PERSON"}
    assert people == set()


def test_contractions_opening_a_sentence_are_no_names(extractor) -> None:
    text = "You've said the ferry should stop. We've said no."
    assert not any(kind == "PERSON" for _, kind in typed_names(extractor, text))


# A surname alone refers back to the full name, even when an occupation came before it.
def test_a_surname_after_producer_firstname_lastname_is_that_person(extractor) -> None:
    text = (
        "Film-maker and producer Joshua Pellard screened three shorts. "
        'Pellard said "Horror is the most honest genre there is."'
    )
    assert quotes_and_speakers(extractor, text) == [
        ("Horror is the most honest genre there is.", "Joshua Pellard")
    ]
    assert ("Joshua Pellard", "PERSON") in typed_names(extractor, text)


def test_a_body_then_and_then_a_person_are_two_entities(extractor) -> None:
    text = (
        "The survey was run by Ann Roebeck of the Institute of Coastal Studies and "
        "Chris Dallowby of Seaglass Tours, a boat operator. Dallowby remarked, "
        '"We had never seen seals this far up the estuary."'
    )
    found = typed_names(extractor, text)
    assert ("Chris Dallowby", "PERSON") in found
    assert not any(" and " in name for name, _ in found)
    assert quotes_and_speakers(extractor, text)[0][1] == "Chris Dallowby"


# One name spelled two ways in one article is one person.
def test_a_surname_spelled_another_way_refers_to_the_full_name(extractor) -> None:
    text = (
        "Lead author Mira Kastef of Harlow University studied the bones. "
        'Kastif suggested, "There was likely a marsh beside every shrine."'
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Mira Kastef"


def test_spelling_variants_are_one_vowel_or_one_doubled_letter_apart() -> None:
    assert spelling_variant("kastef", "kastif")
    assert spelling_variant("philips", "phillips")
    assert not spelling_variant("kastef", "kestif")  # two letters differ
    assert not spelling_variant("lee", "lie")  # too short to tell
    assert not spelling_variant("marsh", "march")  # a consonant differs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An occupation before "First Last" is no part of the name.
        pytest.param(
            'Ranger Jane Horrocks said "The bears came down early this year."',
            [("The bears came down early this year.", "Jane Horrocks")],
            id="an_occupation_opening_the_sentence_before_a_name_is_cut_off",
        ),
        pytest.param(
            '"We will stay until the end," said a nurse who gave her name as Katya.',
            [("We will stay until the end,", "Katya")],
            id="a_known_first_name_after_gave_her_name_as_is_a_person",
        ),
        # Quote spans: a thin space between an inner closing mark and the outer one ends the quote.
        pytest.param(
            (
                "Twelve-year-old Robin said the lights went out and "
                "\"[i]t felt like 'is anyone coming for us?'\u2009\"."
            ),
            [("[i]t felt like 'is anyone coming for us?'", "Robin")],
            id="a_thin_space_before_the_outer_closing_mark_keeps_the_whole_quote",
        ),
        # Short attributed quotes: a fragment closing a sentence of reported speech is kept.
        pytest.param(
            (
                "Police spokesperson Dedra Amsel confirmed two arrests. She told the Kelmouth Echo "
                'that officers believe the pair had been "drawn into extremism".'
            ),
            [("drawn into extremism", "Dedra Amsel")],
            id="a_fragment_closing_reported_speech_is_the_reporters_words",
        ),
        pytest.param(
            'Dedra Amsel runs the "quiet room" at the station.',
            [],
            id="a_fragment_inside_a_sentence_without_reported_speech_stays_a_scare_quote",
        ),
    ],
)
def test_the_quotes_and_their_speakers_are(extractor, text, expected) -> None:
    assert quotes_and_speakers(extractor, text) == expected


def test_a_role_after_and_before_a_name_is_cut_off(extractor) -> None:
    text = (
        "Lakeview Power president and CEO Andy Brennock said the firm would bury "
        '"two hundred miles of cable before the next storm season."'
    )
    assert ("Andy Brennock", "PERSON") in typed_names(extractor, text)
    assert quotes_and_speakers(extractor, text)[0][1] == "Andy Brennock"


def test_a_hyphenated_role_before_an_unknown_name_is_cut_off(extractor) -> None:
    text = 'Co-author Wen-Lu Taoyin said "The feathers were far longer than we thought."'
    assert quotes_and_speakers(extractor, text)[0][1] == "Wen-Lu Taoyin"


def test_a_weekday_before_a_name_is_no_part_of_it(extractor) -> None:
    text = (
        "Prime minister Stavros Kelidis flew to Rome. Later on Tuesday Kelidis met with "
        "President Carlo Menotti, where he spoke of peace. In a statement, he noted "
        '"the talks went better than hoped".'
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Stavros Kelidis"


# A person named only by a pseudonym or "gave her name as" is a person speaker.
def test_a_speaker_named_by_a_pseudonym_is_a_person(extractor) -> None:
    text = (
        '"They will not listen to us. Nobody here believes that," said a marcher using the '
        'pseudonym Velka. "The square will be full again tomorrow."'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Velka", "Velka"]


def test_a_word_after_the_name_that_is_no_first_name_stays_unnamed(extractor) -> None:
    text = 'The boat, under the name Stormglass, sailed at noon. "It was cold," a sailor said.'
    assert ("Stormglass", "PERSON") not in typed_names(extractor, text)


# "First Last of the <body> told": an unknown two-word name with its body before its own verb.
def test_a_name_of_a_body_before_told_is_a_person_speaker(extractor) -> None:
    text = (
        '"Bringing the elk home is going to heal us[,]" Marnie T\'Vella of the Ossining '
        "tribal heritage office told those gathered."
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Marnie T'Vella"


# ", and X had said": a coordinated clause after an aside names its own subject.
def test_the_subject_after_comma_and_is_the_speaker_not_the_name_in_the_aside(extractor) -> None:
    text = (
        "New owner Pell Harnwick bought the mill in 2003. Local historian Ada Strome objected.\n\n"
        "The Harnwicks had trouble finding staff, something Strome accepted, and Mr Harnwick "
        'had said they planned to "bring the mill back to life."'
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Pell Harnwick"


# '“…,” reads Judge Moss's statement, “…”': the owner of a written text speaks both quotes.
def test_reads_someones_statement_after_a_quote_names_its_speaker(extractor) -> None:
    text = (
        "Judge Gray Hollis ruled the rota unfair.\n\n"
        '"While old rules may have justified it," reads Judge Hollis\'s statement, '
        '"nurses and porters are now equal. That time has passed."'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Gray Hollis", "Gray Hollis"]


# A title before a name does not hide the preposition that makes it an object.
def test_a_saint_named_place_after_at_is_not_the_speaker(extractor) -> None:
    text = 'Dr. Ilse Brandvik at Saint Edmund said, "We received six patients this morning."'
    assert quotes_and_speakers(extractor, text)[0][1] == "Ilse Brandvik"


# "said Dr. Moss. “…”": the abbreviation's full stop ends no sentence between two quotes.
def test_a_quote_after_said_dr_name_continues_the_same_speaker(extractor) -> None:
    text = (
        "Microbiologist Petra Lindqvist led the study.\n\n"
        '"The strains were almost entirely different", said Dr. Lindqvist. "Rather, the '
        'likeliest route is from one person to another."'
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == [
        "Petra Lindqvist",
        "Petra Lindqvist",
    ]


def test_reacted_is_an_attribution_verb(extractor) -> None:
    text = 'Singer Kaia Moreno also reacted on Twitter, "Sad news today. He was a giant."'
    assert quotes_and_speakers(extractor, text)[0][1] == "Kaia Moreno"


def test_confirming_is_an_attribution_verb(extractor) -> None:
    text = (
        "Inquiries were opened by the Kelmouth Port Authority and the Harbour Safety Board, "
        'with the latter confirming on Twitter they were "not sending inspectors at this time."'
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Harbour Safety Board"


# Short names referring back to a full name said earlier.
def test_a_company_named_again_by_its_leading_word_is_the_full_company(extractor) -> None:
    text = (
        "Prosecutors are looking into the Brannock Motor Company. "
        '"We are cooperating fully," Brannock said in a statement.'
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Brannock Motor Company"
    assert ("Brannock", "ORG") not in typed_names(extractor, text)


def test_a_first_surname_alone_refers_to_a_double_surname(extractor) -> None:
    text = (
        "Governor Ricardo Velasco Ortiz resigned on Friday. "
        '"I leave with my head held high," Velasco said.'
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Ricardo Velasco Ortiz"


def test_a_name_after_the_role_of_a_place_and_a_comma_is_a_person(extractor) -> None:
    text = (
        "The mayor of Kelmouth, Tamsin Achterberg, sent condolences online, adding, "
        '"An urgent inquiry into what happened is under way."'
    )
    assert ("Tamsin Achterberg", "PERSON") in typed_names(extractor, text)
    assert quotes_and_speakers(extractor, text)[0][1] == "Tamsin Achterberg"


# A quote opening its own sentence after a sentence about one person (rules-6), extended.
def test_credits_in_parentheses_do_not_count_as_people_named(extractor) -> None:
    text = (
        "Comic artist Wren Ostrava (Moon Harbour, Tilda Grey and the Owls) told of a slow "
        'start. "In my first year, nobody answered my emails at all."'
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Wren Ostrava"


def test_a_pronoun_subject_after_a_leading_phrase_names_the_speaker(extractor) -> None:
    text = (
        "Actress Delia Marchetti starred in the first season.\n\n"
        "Unhappy with her part, she left the show early. "
        '"This is not what I became an actor for. I wanted to do more."'
    )
    assert quotes_and_speakers(extractor, text)[0][1] == "Delia Marchetti"


def test_the_body_a_description_means_is_looked_for_before_the_description(extractor) -> None:
    text = (
        "Asked about waste, the company noted that it now used a bio-based PLA in its boxes, "
        '"which is more plant-based plastic for the environment."'
    )
    assert quotes_and_speakers(extractor, text)[0][1] is None
