"""Rules-34 organisation cases (round 32), each pinned by invented sentences.

Outlets named as a source or as an employer: the one that printed, described or obtained
something "by the" two-word name ("described by the Kelmar Vesti as", "documents obtained by the
Dunmore Courier-Ledger") and the one a person is "quoted (as saying) by" are outlets, as "told
the …" was (they were no entity); an outlet's staff after its name ("Kelmar Vesti columnist Ann
Lee", "… correspondent", "… reporter") make it a body, and "Globe and Mail columnist Jane Taber"
keeps the employer whole (was ORG "Globe" and ORG "Mail")."""

from __future__ import annotations

from extracted import type_by_name


def test_what_an_outlet_printed_by_the_name_makes_it_an_outlet(extractor) -> None:
    for verb in ("described", "reported", "published", "obtained", "cited"):
        text = f"The plan was {verb} by the Kelmar Vesti as a failure on Monday."
        assert type_by_name(extractor, text) == {"Kelmar Vesti": "ORG"}, verb
    text = "According to documents obtained by the Dunmore Courier-Ledger, the plan failed."
    assert type_by_name(extractor, text) == {"Dunmore Courier-Ledger": "ORG"}


def test_the_one_a_person_is_quoted_by_is_an_outlet(extractor) -> None:
    for text in (
        "Keo was quoted as saying by Kelmar Vesti.",
        "The minister, as quoted by Vesti Kelma, denied it.",
    ):
        types = type_by_name(extractor, text)
        assert "ORG" in types.values(), (text, types)
        assert "PERSON" not in {t for n, t in types.items() if "Vesti" in n}, types


def test_by_the_and_a_known_place_or_a_given_name_is_no_outlet(extractor) -> None:
    text = "The plan was described by the United States as a failure."
    assert type_by_name(extractor, text) == {"United States": "PLACE"}
    text = "The plan was described by Ann Kelma as a failure. Kelma said it was late."
    assert type_by_name(extractor, text)["Ann Kelma"] == "PERSON"


def test_an_outlets_staff_named_after_it_make_it_a_body(extractor) -> None:
    for role in ("columnist", "correspondent", "reporter", "editor", "anchor"):
        text = f"Kelmar Vesti {role} Ann Lee said the plan had failed."
        assert type_by_name(extractor, text) == {"Kelmar Vesti": "ORG", "Ann Lee": "PERSON"}, role


def test_two_words_joined_by_and_before_one_of_its_staff_are_one_outlet(extractor) -> None:
    text = '"It is a lot of rhetoric," Globe and Mail columnist Jane Taber told CTV Newsnet.'
    types = type_by_name(extractor, text)
    assert types["Globe and Mail"] == "ORG"
    assert "Globe" not in types and "Mail" not in types
    assert types["Jane Taber"] == "PERSON"


def test_a_beat_between_an_outlet_and_its_correspondent_is_no_body(extractor) -> None:
    text = "According to the BBC World Affairs correspondent John Simpson, two children died."
    assert type_by_name(extractor, text) == {"BBC": "ORG", "John Simpson": "PERSON"}


def test_a_place_before_a_correspondent_stays_a_place(extractor) -> None:
    text = "Washington correspondent Ann Lee said the plan had failed."
    assert type_by_name(extractor, text) == {"Washington": "PLACE", "Ann Lee": "PERSON"}


def test_what_has_members_named_after_the_is_a_body(extractor) -> None:
    text = "Vijay Goel, a member of the Kelmar Vesti, said it failed."
    types = type_by_name(extractor, text)
    assert types["Kelmar Vesti"] == "ORG"  # was a person
    assert types["Vijay Goel"] == "PERSON"
    assert type_by_name(extractor, "Members of the Kelmar Vesti marched on Monday.") == {
        "Kelmar Vesti": "ORG"
    }


def test_a_member_of_a_family_named_after_the_is_no_body(extractor) -> None:
    text = "He is a member of the Bin Laden family, his cousin said."
    assert "ORG" not in type_by_name(extractor, text).values()
    text = "He has been a member of the Screen Actors' Guild since 1996."
    assert "Screen Actors" not in type_by_name(extractor, text)  # a name cut at its apostrophe


def test_two_unknown_words_told_something_and_named_nowhere_else_are_an_outlet(extractor) -> None:
    text = 'According to Reuters, he told Vesti Kelma: "He has been in hospital for two months."'
    assert type_by_name(extractor, text)["Vesti Kelma"] == "ORG"  # was no entity
    text = 'Moss told Kaveh Baran: "He is ill." Baran said he agreed.'
    assert type_by_name(extractor, text)["Kaveh Baran"] == "PERSON"


def test_a_name_that_is_reporting_or_has_reported_is_an_outlet(extractor) -> None:
    for verb in ("is reporting", "has reported", "was also reporting"):
        text = f"Meanwhile, Kelmar Vesti {verb} that the airline had failed."
        assert type_by_name(extractor, text) == {"Kelmar Vesti": "ORG"}, verb
    text = "Meanwhile, Ann Lee has reported that the airline had failed."
    assert type_by_name(extractor, text) == {"Ann Lee": "PERSON"}
    text = "The minister's aide Prithviraj Chavan is reported to become the chief minister."
    assert "ORG" not in type_by_name(extractor, text).values()  # the one reported on


def test_a_name_before_agents_or_officials_is_the_body_they_serve(extractor) -> None:
    for text in (
        "There are more Border Patrol agents at the crossing now.",
        "Border Patrol agents arrested him at the crossing.",
    ):
        assert type_by_name(extractor, text) == {"Border Patrol": "ORG"}, text
    text = "Then Hancock County officials said they were enthusiastic."
    assert type_by_name(extractor, text) == {"Hancock County": "PLACE"}
    assert type_by_name(extractor, "Senior Kelmar officials said it failed.") == {}
    text = "New Orleans and Jefferson Parish officials said they were not concerned."
    assert "ORG" not in type_by_name(extractor, text).values()


def test_people_in_the_plural_for_a_cause_are_one_body(extractor) -> None:
    cases = {
        "It was a rally organized by Women for America First.": "Women for America First",
        "Veterans for Peace said the law was bad.": "Veterans for Peace",
        "He joined Americans for Prosperity in 2010.": "Americans for Prosperity",
        "Parents for Safe Streets marched on Monday.": "Parents for Safe Streets",
    }
    for text, name in cases.items():
        assert type_by_name(extractor, text) == {name: "ORG"}, text  # a PERSON "Peace"


def test_people_for_something_else_name_no_body(extractor) -> None:
    assert type_by_name(extractor, "Americans for the first time voted by post.") == {
        "Americans": "GROUP"
    }
    assert type_by_name(extractor, "Doctors for Ann Lee said no.") == {"Ann Lee": "PERSON"}
    text = "Lawyers for Siméus see the dismissal as related to the ruling."
    assert "ORG" not in type_by_name(extractor, text).values()  # his lawyers
    text = "The US opposed it amid requests by Afghans for NATO to spread across the country."
    assert "ORG" not in {t for n, t in type_by_name(extractor, text).items() if "for" in n}


def test_two_names_speaking_together_are_of_one_kind(extractor) -> None:
    assert type_by_name(extractor, "Acme and Brightwell") == {}  # the text's end
    text = "Acme and Brightwell criticised the plan on Monday."
    assert type_by_name(extractor, text) == {"Acme": "PERSON", "Brightwell": "PERSON"}  # Acme
    text = "Later, Acme and Brightwell criticised the plan."  # was dropped
    assert type_by_name(extractor, text) == {"Acme": "PERSON", "Brightwell": "PERSON"}
    text = "Acme Corp and Brightwell criticised the plan."
    assert type_by_name(extractor, text) == {"Acme Corp": "ORG", "Brightwell": "ORG"}


def test_two_names_after_a_preposition_or_before_a_comma_are_no_speaking_pair(
    extractor,
) -> None:
    text = "Villagers from both Yitzhar and Shalhevet accused the soldiers of the attack."
    assert "Yitzhar" not in type_by_name(extractor, text)  # a person by the pair before
    text = "An official of the Blues and Royals said the prince was treated like any other."
    assert "Blues" not in type_by_name(extractor, text)
    text = "The suit filed by the Cavaliers and Flash Seats, said Ann Lee, was baseless."
    assert "Cavaliers" not in type_by_name(extractor, text)


def test_a_common_word_and_a_name_speaking_keep_the_word_out(extractor) -> None:
    assert type_by_name(extractor, "Organisers and Reid said the plan was bad.") == {
        "Reid": "PERSON"
    }
    text = "Acme Corp and Ann Lee said the plan was bad."
    assert type_by_name(extractor, text) == {"Acme Corp": "ORG", "Ann Lee": "PERSON"}
