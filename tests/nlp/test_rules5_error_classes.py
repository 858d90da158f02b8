"""Error classes found by reading rules-4 output in bulk on real reporting (issue 10, rules-5),
each pinned by invented examples."""

from __future__ import annotations


def _quotes(extractor, text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extractor.analyse(text).quotes]


def _entities(extractor, text: str) -> dict[str, str]:
    return {e.name: e.type for e in extractor.analyse(text).entities}


# Quotes closed before their comma ("…", coach X said), as British and Wikinews style writes them.
def test_a_quote_closed_before_its_comma_gets_the_speaker_described_after_it(extractor) -> None:
    text = (
        '"We were lucky with the wind today", Kelmouth coach Darla Pennick said. '
        '"The second half was ours."'
    )
    assert _quotes(extractor, text) == [
        ("We were lucky with the wind today", "Darla Pennick"),
        ("The second half was ours.", "Darla Pennick"),
    ]


def test_a_nickname_closed_before_a_relative_clause_is_still_no_quote(extractor) -> None:
    text = 'Tobin Marsh, who goes by "Sparky", which he says comes from a cartoon, ran again.'
    assert _quotes(extractor, text) == []


# An occupation opening the sentence is the person's role, not part of the name; the body after
# "of" is the person's employer, not a person who speaks.
def test_an_occupation_opening_a_sentence_is_not_part_of_the_name(extractor) -> None:
    text = (
        "Volcanologist Brannoc Feltry of Halvern Geoscience said, "
        '"This eruption is larger than any we have modelled."'
    )
    entities = _entities(extractor, text)
    assert entities.get("Brannoc Feltry") == "PERSON"
    assert entities.get("Halvern Geoscience") == "ORG"
    assert [s for _, s in _quotes(extractor, text)] == ["Brannoc Feltry"]


# A title or role word on its own names no one.
def test_a_title_alone_is_not_an_entity(extractor) -> None:
    text = (
        "The Vice President, Orla Brennock, said on Friday that the Senator would not attend. "
        "The Prime Minister declined to comment."
    )
    entities = _entities(extractor, text)
    assert entities.get("Orla Brennock") == "PERSON"
    assert not {"Vice President", "Senator", "Prime Minister"} & set(entities)


# A person named after a body and a role is split from them.
def test_an_officer_named_after_the_body_and_role_is_a_person_of_their_own(extractor) -> None:
    text = "Harlow County Attorney John Quillane said the case would go to trial."
    entities = _entities(extractor, text)
    assert entities.get("John Quillane") == "PERSON"
    assert not any("Quillane" in name for name, kind in entities.items() if kind != "PERSON")


def test_a_role_word_before_a_name_mid_sentence_is_not_part_of_the_name(extractor) -> None:
    text = 'Newly elected Assemblywoman Verity Ossard said, "It is a good day."'
    assert _entities(extractor, text) == {"Verity Ossard": "PERSON"}
    assert [s for _, s in _quotes(extractor, text)] == ["Verity Ossard"]


# Two bodies joined by "and" stay two bodies when the second opens with its own head noun.
def test_two_bodies_joined_by_and_stay_two(extractor) -> None:
    text = (
        "Researchers at the University of Dunmere and Centre for Coastal Studies found the cause."
    )
    entities = _entities(extractor, text)
    assert entities.get("University of Dunmere") == "ORG"
    assert entities.get("Centre for Coastal Studies") == "ORG"


def test_a_body_of_a_field_and_a_second_field_stays_one(extractor) -> None:
    text = "Officials at the Institute of Coastal Science and Technology said the survey was done."
    assert _entities(extractor, text).get("Institute of Coastal Science and Technology") == "ORG"


# A title word inside an organisation's name does not make the rest a person.
def test_a_title_word_inside_an_organisation_name_keeps_it_an_organisation(extractor) -> None:
    text = (
        "Later, General Dynamics Company and the Velmora Justice Department agreed. "
        "The Northland General Assembly voted."
    )
    entities = _entities(extractor, text)
    assert entities.get("General Dynamics Company") == "ORG"
    assert "Dynamics Company" not in entities
    assert all(kind != "PERSON" for kind in entities.values())


# Two capitals alone are abbreviations of words, not organisations; a name given its own
# abbreviation is a body.
def test_two_letter_abbreviations_are_not_organisations(extractor) -> None:
    text = "Applicants must bring an ID and a CV, and patients got an IV drip."
    assert _entities(extractor, text) == {}


def test_a_name_defined_with_its_abbreviation_is_an_organisation(extractor) -> None:
    text = "Radio Velmora Bravo (RVB) reported the closures in May."
    assert _entities(extractor, text).get("Radio Velmora Bravo") == "ORG"


# A verb after a quotation with no name before it does not hide the speaker named before it.
def test_an_unnamed_clause_after_the_quote_leaves_the_speaker_before_it(extractor) -> None:
    text = (
        'In a statement, Marta Quillon said, "The harbour will reopen next month." '
        "The findings suggested the repairs were sound."
    )
    assert _quotes(extractor, text) == [("The harbour will reopen next month.", "Marta Quillon")]


def test_a_participle_continuing_the_quote_leaves_its_speaker(extractor) -> None:
    text = (
        'Councillor Petra Vahl remarked, "It has been a long fight," further remarking, '
        '"We are not done yet."'
    )
    assert [s for _, s in _quotes(extractor, text)] == ["Petra Vahl", "Petra Vahl"]


# The author of a letter or statement who is named as saying it speaks, not its owner.
def test_the_person_saying_a_letter_speaks_not_the_body_owning_it(extractor) -> None:
    text = (
        "In the letter to Brightwave, Kestrel Foundation's attorney Orrin Taft said "
        '"The file is fair use and must be restored."'
    )
    assert [s for _, s in _quotes(extractor, text)] == ["Orrin Taft"]


# Less common attribution verbs and a pronoun subject with a longer verb phrase.
def test_elaborated_urging_and_posting_attribute_quotes(extractor) -> None:
    text = (
        'President Ilse Marrow elaborated, "The state must protect its citizens."\n\n'
        'Former minister Anton Brisk gave a speech on Monday, urging voters, "Go and vote today."\n\n'
        'Maria Okafor took to social media, posting on Monday, "We tested positive today."'
    )
    assert [s for _, s in _quotes(extractor, text)] == [
        "Ilse Marrow",
        "Anton Brisk",
        "Maria Okafor",
    ]


def test_a_pronoun_subject_before_went_on_to_say_is_resolved(extractor) -> None:
    text = (
        "Public health expert Wendy Carrow said naming the virus after the city was unwise. "
        'She went on to say, "People tend to blame the place for the disease."'
    )
    assert [s for _, s in _quotes(extractor, text)] == ["Wendy Carrow"]


# A fragment after a sentence that a quotation closed with its own stop is not "beside" it.
def test_a_fragment_after_a_quote_closing_its_sentence_stays_a_scare_quote(extractor) -> None:
    text = (
        'Mayor Lina Hobb spoke on Monday, urging residents, "Stay at home tonight." '
        'After her speech, the nickname "Lady Lockdown" trended online.'
    )
    assert _quotes(extractor, text) == [("Stay at home tonight.", "Lina Hobb")]


# An age before an unknown single name marks a person.
def test_an_age_before_a_single_name_makes_it_a_speaking_person(extractor) -> None:
    text = 'Fifteen-year-old Tomasz, on the lower deck, said "I thought we had hit the tunnel".'
    assert _entities(extractor, text).get("Tomasz") == "PERSON"
    assert [s for _, s in _quotes(extractor, text)] == ["Tomasz"]


def test_an_age_in_a_description_before_a_nationality_is_not_a_name(extractor) -> None:
    text = "The 24-year-old Spaniard won the final in straight sets."
    assert "Spaniard" not in _entities(extractor, text)


# A journal, magazine or website named after its kind is an organisation.
def test_a_journal_or_website_named_after_its_kind_is_an_organisation(extractor) -> None:
    text = (
        "Researchers sent the study to the journal Saltmarsh Ecology on Monday, and the "
        "website Gullwing Buzz carried the story."
    )
    entities = _entities(extractor, text)
    assert entities.get("Saltmarsh Ecology") == "ORG"
    assert entities.get("Gullwing Buzz") == "ORG"


# An interviewee's initials opening an answer are no organisation with the answer's first word.
def test_interview_initials_opening_an_answer_are_not_an_organisation(extractor) -> None:
    text = (
        "How old is the data?\n\nKT Although we used data from 2004, the results held.\n\n"
        "KT We repeated the analysis.\n\nNBC News reported the study on Monday."
    )
    entities = _entities(extractor, text)
    assert not any(name.startswith("KT ") for name in entities)
    assert entities.get("NBC News") == "ORG"
