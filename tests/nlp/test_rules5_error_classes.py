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
