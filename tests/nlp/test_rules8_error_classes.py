"""Error classes of rules-8 (issue 10): general forms, each pinned by invented examples."""

from __future__ import annotations

import pytest
from extracted import quotes_and_speakers, typed_names


# A nickname in quotation marks inside a name: one person, neither a quote nor a second entity.
def test_a_nickname_inside_a_name_is_one_person_and_no_quote(extractor) -> None:
    text = (
        'Drummer Aldous Pieter "Dutch" Vandermolen died on Tuesday. Vandermolen said in 2015 '
        'that "the road was the only home I ever had."'
    )
    assert typed_names(extractor, text) == {('Aldous Pieter "Dutch" Vandermolen', "PERSON")}
    assert quotes_and_speakers(extractor, text) == [
        ("the road was the only home I ever had.", 'Aldous Pieter "Dutch" Vandermolen')
    ]


def test_a_nickname_before_said_is_no_quote_and_its_person_speaks(extractor) -> None:
    text = (
        'Orvell "Twister" Makepeace said the club was ready. '
        "“We will win this one,” Makepeace told reporters."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("We will win this one,", 'Orvell "Twister" Makepeace')
    ]
    people = {name for name, kind in typed_names(extractor, text) if kind == "PERSON"}
    assert people == {'Orvell "Twister" Makepeace'}


def test_nicknames_in_curly_and_single_marks_join_the_name(extractor) -> None:
    text = "Former champion James “Buster” Quillfeather said he was “not worried at all.”"
    assert ("James “Buster” Quillfeather", "PERSON") in typed_names(extractor, text)
    assert quotes_and_speakers(extractor, text) == [
        ("not worried at all.", "James “Buster” Quillfeather")
    ]
    text = (
        "The officer, Matiu 'Matt' Ranganui, was hurt. "
        "Ranganui had said 'I love this job and the people in it.'"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("I love this job and the people in it.", "Matiu 'Matt' Ranganui")
    ]


def test_a_quoted_word_between_other_words_stays_a_quote(extractor) -> None:
    text = (
        'The minister called the plan "reckless" on Monday. The "Yes" Campaign said it would go on.'
    )
    # the minister's word for the plan: a short attributed partial quote since rules-20 (the
    # Wikinews sets' convention: "Campbell called the plan "…"" is a quote), its speaker unnamed
    assert ("reckless", None) in quotes_and_speakers(extractor, text)
    assert not any("Yes" in name for name, _ in typed_names(extractor, text))


def test_a_surname_with_its_particle_refers_to_the_full_name(extractor) -> None:
    text = (
        "Painter Joost Van Rijckel opened the show. Van Rijckel said "
        '"every canvas starts as a failure."'
    )
    assert typed_names(extractor, text) == {("Joost Van Rijckel", "PERSON")}
    assert quotes_and_speakers(extractor, text) == [
        ("every canvas starts as a failure.", "Joost Van Rijckel")
    ]


# A body's abbreviation as the subject of a speech verb is an organisation, not a person.
def test_an_abbreviation_saying_something_is_an_organisation(extractor) -> None:
    text = (
        "The line closed at noon. KWTA stated that trains would run again on Friday. "
        '"We apologise to every passenger," said KWTA.'
    )
    assert typed_names(extractor, text) == {("KWTA", "ORG")}
    assert quotes_and_speakers(extractor, text) == [("We apologise to every passenger,", "KWTA")]


def test_a_mixed_case_abbreviation_saying_something_is_an_organisation(extractor) -> None:
    text = (
        "Trains stopped at dawn. DfQ said the signals had failed. "
        '"It will take days to fix," DfQ told reporters. PwK added that audits would follow.'
    )
    found = typed_names(extractor, text)
    assert ("DfQ", "ORG") in found and ("PwK", "ORG") in found
    assert not any(kind == "PERSON" for _, kind in found)
    assert quotes_and_speakers(extractor, text) == [("It will take days to fix,", "DfQ")]


def test_names_with_small_capitals_inside_still_speak_as_people(extractor) -> None:
    text = 'The vote was close. McAdoo said "we will vote no on this bill again."'
    assert ("McAdoo", "PERSON") in typed_names(extractor, text)
    assert quotes_and_speakers(extractor, text) == [
        ("we will vote no on this bill again.", "McAdoo")
    ]


# A short fragment quoted inside a clause of reported speech is the speaker's own words,
# wherever it stands in that clause (before: only when it closed the sentence).
def test_a_fragment_inside_reported_speech_is_attributed(extractor) -> None:
    text = (
        "Fire chief Orla Brennock spoke on Sunday. Brennock said there had been a "
        '"marked drop" in call-outs over the holiday.'
    )
    assert quotes_and_speakers(extractor, text) == [("marked drop", "Orla Brennock")]
    text = (
        "The Harbour Authority of Kelmouth met on Monday. The authority acknowledged that "
        'the pier had "structural weaknesses" in two places.'
    )
    assert quotes_and_speakers(extractor, text) == [
        ("structural weaknesses", "Harbour Authority of Kelmouth")
    ]
    text = (
        'Mayor Ida Quennell said on Tuesday that 2024 was the "wettest year" the town had recorded.'
    )
    assert quotes_and_speakers(extractor, text) == [("wettest year", "Ida Quennell")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            (
                'Ida Quennell said the bridge was "built to last a century." Crowds then crossed the '
                '"new span" at noon.'
            ),
            [("built to last a century.", "Ida Quennell")],
            id="a_fragment_after_an_earlier_quoted_sentence_is_not_reported_speech",
        ),
        # A pronoun refers back to the subject of an earlier sentence, not to a name after a
        # preposition, and a sentence whose own subject is the same pronoun passes the question on.
        pytest.param(
            (
                "Martin Quellhaus has a plan for his party. Besides the election of Peter Amsel of "
                "the rival camp, the party lost seats in the council. "
                'He told reporters that the party had "lost its way and must find it again."'
            ),
            [("lost its way and must find it again.", "Martin Quellhaus")],
            id="a_pronoun_skips_names_after_prepositions",
        ),
        pytest.param(
            (
                "Martin Quellhaus was once a critic of Mayor Peter Amsel. At a lunch last year, which "
                "made the papers, he attacked Amsel's handling of the floods. "
                'He told reporters that "standing beside him was like being branded."'
            ),
            [("standing beside him was like being branded.", "Martin Quellhaus")],
            id="a_pronoun_passes_over_a_sentence_whose_subject_is_the_same_pronoun",
        ),
        pytest.param(
            (
                "Asked whether he regretted the move, Thomas Velde laughed. "
                '"Everything about it was worth it," he said.'
            ),
            [("Everything about it was worth it,", "Thomas Velde")],
            id="a_pronoun_in_a_leading_clause_does_not_hide_the_subject",
        ),
        # "the statement added", "the letter said": the author of the statement named before.
        pytest.param(
            (
                "The Kelmouth Water Board said in a statement that supplies would resume on Friday. "
                '"Crews are working through the night," the statement added.'
            ),
            [("Crews are working through the night,", "Kelmouth Water Board")],
            id="the_statement_added_is_its_author",
        ),
        pytest.param(
            (
                "The Harbour Commission of Kelmouth published its plan on Monday. The commission has "
                'argued that "the pier will pay for itself within a decade of opening."'
            ),
            [
                (
                    "the pier will pay for itself within a decade of opening.",
                    "Harbour Commission of Kelmouth",
                )
            ],
            id="a_description_with_an_auxiliary_is_still_resolved",
        ),
        # A name given to a thing, a nickname or a term in quotes is nobody's speech, however long.
        pytest.param(
            (
                "Coach Ann Velder said the team had worked for months. Their robot, named "
                '"Better Days of Kelmouth Girls," scored twice. The pair earned the nickname, the '
                '"Tidewater Twins." The council dubbed the plan "Clean Harbour" on Monday.'
            ),
            [],
            id="names_given_to_things_are_no_quotes",
        ),
    ],
)
def test_the_quotes_and_their_speakers_are(extractor, text, expected) -> None:
    assert quotes_and_speakers(extractor, text) == expected


def test_a_term_or_a_name_in_quotes_is_no_ones_words(extractor) -> None:
    text = (
        'Professor Ann Corvell said the term "due care" had meant less in 1850. '
        'Minister Tomas Verrin said the army named it "Operation Clearwater" on Monday.'
    )
    assert quotes_and_speakers(extractor, text) == []
    text = "Ann Corvell said the phrase “due care” was new."
    assert quotes_and_speakers(extractor, text) == []


# Common given names the list lacked: a person with no other cue is found by the first name.
def test_common_given_names_make_people_without_other_cues(extractor) -> None:
    text = (
        "Clive Ambersley opened the shop in 1990. Bonnie Tretheway joined him a year later, "
        "and Trevor Pellingham built the counter."
    )
    people = {name for name, kind in typed_names(extractor, text) if kind == "PERSON"}
    assert people == {"Clive Ambersley", "Bonnie Tretheway", "Trevor Pellingham"}


def test_given_names_that_are_places_or_words_still_name_places(extractor) -> None:
    text = "Flights from Georgia Southern airport resumed in April. Chad Basin rains came late."
    people = {name for name, kind in typed_names(extractor, text) if kind == "PERSON"}
    assert people == set()


# Job titles are no entities: alone, after a body's name, or before a surname alone.
def test_a_job_title_after_a_name_is_no_entity(extractor) -> None:
    text = (
        '"Costs fell," said Arno Veldt, Chief Engineer and Senior Vice President at the '
        "Kelmouth Bank. Tom Quarrie, Coordinator of the harbour trust, argued otherwise."
    )
    assert typed_names(extractor, text) == {
        ("Arno Veldt", "PERSON"),
        ("Kelmouth Bank", "ORG"),
        ("Tom Quarrie", "PERSON"),
    }


def test_a_role_after_a_body_is_cut_from_its_name(extractor) -> None:
    text = "Jen Alvarro, the Transport Department Spokesperson, said the line would reopen."
    found = typed_names(extractor, text)
    assert ("Transport Department", "ORG") in found
    assert not any("Spokesperson" in name for name, _ in found)


def test_an_officials_role_before_a_surname_alone_is_a_title(extractor) -> None:
    text = 'The agency was criticised. Even Administrator Quellin stated, "We were too slow."'
    assert ("Quellin", "PERSON") in typed_names(extractor, text)
    assert quotes_and_speakers(extractor, text) == [("We were too slow.", "Quellin")]


def test_letters_after_a_name_and_currency_codes_are_no_entities(extractor) -> None:
    text = "Counsel Mark Tevelli, QC, and Ann Lorrimer, SC, argued that 40 USD was too little."
    assert typed_names(extractor, text) == {("Mark Tevelli", "PERSON"), ("Ann Lorrimer", "PERSON")}


def test_a_member_of_parliament_is_a_title(extractor) -> None:
    text = "Police will prosecute current Member of Parliament (MP), Taro Felden, on Monday."
    assert typed_names(extractor, text) == {("Taro Felden", "PERSON")}


def test_a_clause_running_into_the_next_quote_is_that_quotes(extractor) -> None:
    text = (
        'In the letter, Dana Velt said "The files are tests and nothing more." '
        'The letter stressed "no song is copied anywhere in them."'
    )
    spoken = quotes_and_speakers(extractor, text)
    assert spoken[0] == ("The files are tests and nothing more.", "Dana Velt")


# Landforms and news services the head-noun lists lacked.
def test_landforms_are_places_and_newswires_organisations(extractor) -> None:
    text = (
        "The plane was lost over the Varnek Gorge near the Tallis Archipelago, "
        "Kelmouth Newswires reported."
    )
    assert typed_names(extractor, text) == {
        ("Varnek Gorge", "PLACE"),
        ("Tallis Archipelago", "PLACE"),
        ("Kelmouth Newswires", "ORG"),
    }
