"""Error classes found by reading rules-4 output in bulk on real reporting (issue 10, rules-5),
each pinned by invented examples."""

from __future__ import annotations

import pytest
from extracted import quotes_and_speakers, speakers, type_by_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Quotes closed before their comma ("…", coach X said), as British and Wikinews style
        # writes them.
        pytest.param(
            '"We were lucky with the wind today", Kelmouth coach Darla Pennick said. '
            '"The second half was ours."',
            [
                ("We were lucky with the wind today", "Darla Pennick"),
                ("The second half was ours.", "Darla Pennick"),
            ],
            id="a_quote_closed_before_its_comma_gets_the_speaker_described_after_it",
        ),
        pytest.param(
            'Tobin Marsh, who goes by "Sparky", which he says comes from a cartoon, ran again.',
            [],
            id="a_nickname_closed_before_a_relative_clause_is_still_no_quote",
        ),
        # A verb after a quotation with no name before it does not hide the speaker named
        # before it.
        pytest.param(
            'In a statement, Marta Quillon said, "The harbour will reopen next month." '
            "The findings suggested the repairs were sound.",
            [("The harbour will reopen next month.", "Marta Quillon")],
            id="an_unnamed_clause_after_the_quote_leaves_the_speaker_before_it",
        ),
        # A fragment after a sentence that a quotation closed with its own stop is not "beside"
        # it.
        pytest.param(
            'Mayor Lina Hobb spoke on Monday, urging residents, "Stay at home tonight." '
            'After her speech, the nickname "Lady Lockdown" trended online.',
            [("Stay at home tonight.", "Lina Hobb")],
            id="a_fragment_after_a_quote_closing_its_sentence_stays_a_scare_quote",
        ),
    ],
)
def test_the_quotes_and_their_speakers_are(extractor, text, expected) -> None:
    assert quotes_and_speakers(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'Councillor Petra Vahl remarked, "It has been a long fight," further remarking, '
            '"We are not done yet."',
            ["Petra Vahl", "Petra Vahl"],
            id="a_participle_continuing_the_quote_leaves_its_speaker",
        ),
        # The author of a letter or statement who is named as saying it speaks, not its owner.
        pytest.param(
            "In the letter to Brightwave, Kestrel Foundation's attorney Orrin Taft said "
            '"The file is fair use and must be restored."',
            ["Orrin Taft"],
            id="the_person_saying_a_letter_speaks_not_the_body_owning_it",
        ),
        # Less common attribution verbs and a pronoun subject with a longer verb phrase.
        pytest.param(
            'President Ilse Marrow elaborated, "The state must protect its citizens."\n\n'
            "Former minister Anton Brisk gave a speech on Monday, urging voters, "
            '"Go and vote today."\n\n'
            'Maria Okafor took to social media, posting on Monday, "We tested positive today."',
            ["Ilse Marrow", "Anton Brisk", "Maria Okafor"],
            id="elaborated_urging_and_posting_attribute_quotes",
        ),
        pytest.param(
            "Public health expert Wendy Carrow said naming the virus after the city was unwise. "
            'She went on to say, "People tend to blame the place for the disease."',
            ["Wendy Carrow"],
            id="a_pronoun_subject_before_went_on_to_say_is_resolved",
        ),
    ],
)
def test_the_speakers_of_the_quotes_are(extractor, text, expected) -> None:
    assert speakers(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two bodies joined by "and" stay two bodies when the second opens with its own head
        # noun.
        pytest.param(
            "Researchers at the University of Dunmere and Centre for Coastal Studies found the "
            "cause.",
            {"University of Dunmere": "ORG", "Centre for Coastal Studies": "ORG"},
            id="two_bodies_joined_by_and_stay_two",
        ),
        pytest.param(
            "Officials at the Institute of Coastal Science and Technology said the survey was "
            "done.",
            {"Institute of Coastal Science and Technology": "ORG"},
            id="a_body_of_a_field_and_a_second_field_stays_one",
        ),
        # A name given its own abbreviation is a body.
        pytest.param(
            "Radio Velmora Bravo (RVB) reported the closures in May.",
            {"Radio Velmora Bravo": "ORG"},
            id="a_name_defined_with_its_abbreviation_is_an_organisation",
        ),
        # A journal, magazine or website named after its kind is an organisation.
        pytest.param(
            "Researchers sent the study to the journal Saltmarsh Ecology on Monday, and the "
            "website Gullwing Buzz carried the story.",
            {"Saltmarsh Ecology": "ORG", "Gullwing Buzz": "ORG"},
            id="a_journal_or_website_named_after_its_kind_is_an_organisation",
        ),
    ],
)
def test_these_names_are_found_with_these_types(extractor, text, expected) -> None:
    found = type_by_name(extractor, text)
    assert {name: found.get(name) for name in expected} == expected


# An occupation opening the sentence is the person's role, not part of the name; the body after
# "of" is the person's employer, not a person who speaks.
def test_an_occupation_opening_a_sentence_is_not_part_of_the_name(extractor) -> None:
    text = (
        "Volcanologist Brannoc Feltry of Halvern Geoscience said, "
        '"This eruption is larger than any we have modelled."'
    )
    entities = type_by_name(extractor, text)
    assert entities.get("Brannoc Feltry") == "PERSON"
    assert entities.get("Halvern Geoscience") == "ORG"
    assert speakers(extractor, text) == ["Brannoc Feltry"]


# A title or role word on its own names no one.
def test_a_title_alone_is_not_an_entity(extractor) -> None:
    text = (
        "The Vice President, Orla Brennock, said on Friday that the Senator would not attend. "
        "The Prime Minister declined to comment."
    )
    entities = type_by_name(extractor, text)
    assert entities.get("Orla Brennock") == "PERSON"
    assert not {"Vice President", "Senator", "Prime Minister"} & set(entities)


# A person named after a body and a role is split from them.
def test_an_officer_named_after_the_body_and_role_is_a_person_of_their_own(extractor) -> None:
    text = "Harlow County Attorney John Quillane said the case would go to trial."
    entities = type_by_name(extractor, text)
    assert entities.get("John Quillane") == "PERSON"
    assert not any("Quillane" in name for name, kind in entities.items() if kind != "PERSON")


def test_a_role_word_before_a_name_mid_sentence_is_not_part_of_the_name(extractor) -> None:
    text = 'Newly elected Assemblywoman Verity Ossard said, "It is a good day."'
    assert type_by_name(extractor, text) == {"Verity Ossard": "PERSON"}
    assert speakers(extractor, text) == ["Verity Ossard"]


# A title word inside an organisation's name does not make the rest a person.
def test_a_title_word_inside_an_organisation_name_keeps_it_an_organisation(extractor) -> None:
    text = (
        "Later, General Dynamics Company and the Velmora Justice Department agreed. "
        "The Northland General Assembly voted."
    )
    entities = type_by_name(extractor, text)
    assert entities.get("General Dynamics Company") == "ORG"
    assert "Dynamics Company" not in entities
    assert all(kind != "PERSON" for kind in entities.values())


# Two capitals alone are abbreviations of words, not organisations.
def test_two_letter_abbreviations_are_not_organisations(extractor) -> None:
    text = "Applicants must bring an ID and a CV, and patients got an IV drip."
    assert type_by_name(extractor, text) == {}


# An age before an unknown single name marks a person.
def test_an_age_before_a_single_name_makes_it_a_speaking_person(extractor) -> None:
    text = 'Fifteen-year-old Tomasz, on the lower deck, said "I thought we had hit the tunnel".'
    assert type_by_name(extractor, text).get("Tomasz") == "PERSON"
    assert speakers(extractor, text) == ["Tomasz"]


def test_an_age_in_a_description_before_a_nationality_is_not_a_name(extractor) -> None:
    text = "The 24-year-old Spaniard won the final in straight sets."
    assert "Spaniard" not in type_by_name(extractor, text)


# An interviewee's initials opening an answer are no organisation with the answer's first word.
def test_interview_initials_opening_an_answer_are_not_an_organisation(extractor) -> None:
    text = (
        "How old is the data?\n\nKT Although we used data from 2004, the results held.\n\n"
        "KT We repeated the analysis.\n\nNBC News reported the study on Monday."
    )
    entities = type_by_name(extractor, text)
    assert not any(name.startswith("KT ") for name in entities)
    assert entities.get("NBC News") == "ORG"
