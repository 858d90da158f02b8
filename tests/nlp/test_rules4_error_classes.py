"""The ten error classes found on real reporting (issue 10), each pinned by invented examples."""

from __future__ import annotations

from extracted import quotes_and_speakers, type_by_name

from newstui.nlp import canonical_key


# 1. Short attributed quotes are kept; short unattributed ones stay scare quotes.
def test_a_one_word_quote_given_by_a_labelling_verb_is_kept_with_its_speaker(extractor) -> None:
    text = "Mayor Ines Calloway called the bypass plan “reckless” on Monday."
    assert quotes_and_speakers(extractor, text) == [("reckless", "Ines Calloway")]


def test_a_fragment_beside_a_longer_quote_of_the_same_sentence_is_kept(extractor) -> None:
    text = (
        "Coach Mira Falk said the players were “tired but proud” and that the "
        "“next match will be different because we know them now.”"
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Mira Falk", "Mira Falk"]


def test_an_unattributed_short_quote_is_still_a_scare_quote(extractor) -> None:
    text = "The so-called “smart” meters were installed last year by the council."
    assert quotes_and_speakers(extractor, text) == []


# 2. The outlet or platform beside a quote is not the speaker.
def test_the_broadcaster_after_told_is_not_the_speaker(extractor) -> None:
    text = "Rafael Montoya told Radio Kestrel: “We will rebuild the bridge within a year.”"
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Rafael Montoya"]


def test_the_platform_written_on_is_not_the_speaker(extractor) -> None:
    text = "“The harbour is closed until further notice,” Dana Whitlock wrote on Facebook."
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Dana Whitlock"]


def test_an_interview_with_an_outlet_gives_the_interviewee(extractor) -> None:
    text = "In an interview with Radio Kestrel, Paulo Reis said: “The season is over for us.”"
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Paulo Reis"]


# 3. The subject of the attribution verb speaks, not a name in its object or an appositive.
def test_the_lawyer_speaks_not_the_client_named_in_the_appositive(extractor) -> None:
    text = "Tomas Brandt, a lawyer for Ellen Marsh, said: “My client is innocent of every charge.”"
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Tomas Brandt"]


def test_the_person_praised_is_not_the_speaker(extractor) -> None:
    text = "Greta Lind praised Oskar Vey on Twitter: “A true friend and a great mind.”"
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Greta Lind"]


def test_said_of_someone_gives_the_subject_not_the_person_talked_about(extractor) -> None:
    text = "Former coach Arne Solberg said of Tiago Ruiz, “He was the hardest worker I ever had.”"
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Arne Solberg"]


# 4. No speaker is carried across a paragraph that names nobody.
def test_no_speaker_is_carried_over_a_paragraph_that_names_nobody(extractor) -> None:
    text = (
        "“We are ready for anything,” said Mira Falk, the captain\n"
        "Tickets for the final sold out within an hour on Monday\n"
        "“It will be loud and long.”"
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Mira Falk", None]


def test_a_paragraph_about_the_speaker_still_carries_her_over(extractor) -> None:
    text = (
        "“We are ready for anything,” said Mira Falk, the captain\n"
        "Mira Falk has led the side since 2019\n"
        "“It will be loud and long.”"
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Mira Falk", "Mira Falk"]


# 5. Less common frames: colon introductions, statements "which read", thank/warn/defend.
def test_a_colon_introduction_without_a_speech_verb_gives_its_subject(extractor) -> None:
    text = "Senator Alva Brook opposed the budget: “It cuts the wrong things at the wrong time.”"
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Alva Brook"]


def test_a_statement_which_read_is_its_authors(extractor) -> None:
    text = "Mayor Ines Calloway issued a statement which read: “We regret every day of delay.”"
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Ines Calloway"]


def test_thanking_and_warning_are_attribution_verbs(extractor) -> None:
    text = (
        "Aiko Mori thanked the volunteers: “You saved the festival for everyone.”\n"
        "“Stay indoors until the smoke clears,” warned Ivo Petrak."
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Aiko Mori", "Ivo Petrak"]


def test_a_possessive_statement_read_is_the_owners(extractor) -> None:
    text = "Petrak's statement read: “The company will pay for every repair.”"
    found = extractor.analyse("Engineer Ivo Petrak spoke first. " + text)
    assert [q.speaker for q in found.quotes] == ["Ivo Petrak"]


# 6. Role nouns resolve to the person named earlier in that role.
def test_the_prosecutor_resolves_to_the_prosecutor_named_before(extractor) -> None:
    text = (
        "Prosecutor Hanna Ebbe opened the case against Leo Strand on Monday.\n"
        "The trial is expected to last a month.\n"
        "“The evidence is overwhelming,” the prosecutor added."
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Hanna Ebbe"]


def test_the_father_resolves_to_the_person_introduced_as_father(extractor) -> None:
    text = (
        "The boy's father, Kofi Asante, waited outside the court with Ama Boateng.\n"
        "“He is a good boy who made one mistake,” the father said."
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Kofi Asante"]


# 7. Surnames that are also places stay people; a role word opening a sentence is no name.
def test_a_surname_that_is_a_country_is_the_person_when_she_speaks(extractor) -> None:
    text = "Lawyer Emma Jordan filed the appeal. Jordan said the ruling was wrong."
    found = extractor.analyse(text)
    assert type_by_name(extractor, text) == {"Emma Jordan": "PERSON"}
    assert len(found.entities[0].mentions) == 2


def test_a_capitalised_role_word_is_not_part_of_the_name(extractor) -> None:
    assert type_by_name(extractor, "Defender Luis Chad scored twice on Sunday.") == {
        "Luis Chad": "PERSON"
    }


# 8. Companies without a telling word, and outlets named by a web address.
def test_a_company_known_only_by_its_chief_executive_and_shares_is_an_org(extractor) -> None:
    text = (
        "Shares of Quorvex rose 4% on Friday. Quorvex's chief executive, Lena Brandt, said "
        "costs had fallen."
    )
    assert type_by_name(extractor, text) == {"Quorvex": "ORG", "Lena Brandt": "PERSON"}


def test_a_dotted_web_address_is_one_organisation(extractor) -> None:
    text = "The figures were first reported by the news site Kestrel.com.au on Tuesday."
    assert type_by_name(extractor, text) == {"Kestrel.com.au": "ORG"}


# 9. Long names are kept whole across "of", "&" and "and".
def test_names_with_ampersands_and_of_are_kept_whole(extractor) -> None:
    text = "The firm Harlow & Finch advised the University of Eastmarch on the sale."
    assert type_by_name(extractor, text) == {
        "Harlow & Finch": "ORG",
        "University of Eastmarch": "ORG",
    }


def test_an_authority_of_two_places_is_one_organisation(extractor) -> None:
    found = type_by_name(extractor, "The Port Authority of Tessaly and Wren closed the dock.")
    assert found == {"Port Authority of Tessaly and Wren": "ORG"}


# 10. Titles and nationalities leave people's names; codes and units are not organisations.
def test_titles_and_nationalities_are_not_part_of_a_persons_name(extractor) -> None:
    text = "French President Emmanuel Macron met MP Jane Carrow in Paris."
    found = type_by_name(extractor, text)
    assert found["Emmanuel Macron"] == "PERSON"
    assert found["Jane Carrow"] == "PERSON"
    assert found["French"] == "GROUP"


def test_disease_codes_and_units_are_not_organisations(extractor) -> None:
    text = "Cases of MERS and HIV rose, PPE ran short and COPD patients waited, the WHO said."
    assert type_by_name(extractor, text) == {"WHO": "ORG"}


# GROUP, the fourth type, and group speakers linked to an entity.
def test_nationalities_and_groups_are_group_entities_singular_or_plural(extractor) -> None:
    text = "Republican senators and two Democrats backed it; Muslims and Catholics marched."
    found = type_by_name(extractor, text)
    assert {found[n] for n in ("Republican", "Democrats", "Muslims", "Catholics")} == {"GROUP"}
    assert canonical_key("Republicans", "GROUP") == canonical_key("Republican", "GROUP")


def test_a_group_speaking_is_linked_to_an_entity_of_that_name(extractor) -> None:
    text = "“Our forces repelled the attack at dawn,” the Valdorian army said."
    found = extractor.analyse(text)
    assert [q.speaker for q in found.quotes] == ["Valdorian army"]
    assert {e.name: e.type for e in found.entities}["Valdorian army"] == "GROUP"


def test_a_pronoun_is_resolved_from_where_it_stands_not_from_the_quote(extractor) -> None:
    text = (
        "Mayor Ana Ruiz spoke after the vote. She argued that if Tomas Brandt wins, "
        "“the city will stall for years to come.”"
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Ana Ruiz"]


def test_a_comma_aside_does_not_hide_the_subject(extractor) -> None:
    text = (
        "Actor Denzel Washington, who paid for Chad Boseman to attend the Kestrel Academy, "
        "stated “He was a gift to all of us who knew him.”"
    )
    assert [s for _, s in quotes_and_speakers(extractor, text)] == ["Denzel Washington"]
