"""Rules-55: a role between a body and a name, a courtesy title of another language and a
middle initial named second no longer make a second person or a person of the role; a party
written with a small "party" is that party; a court's kind after "of" stays in its name (issue
10; user test r54).

"Orvia Fund Chief Economist Talin Brevik" listed the person "Economist Talin Brevik";
"Technical Lead Maria Oskarsen" after a body kept the role in the person's name; "Madame
Vasseur" was a person beside "Claire Vasseur"; "Ana Koval … Ana T. Koval" were two people;
"the Liberal party" was no entity and "the Labor party" was "Labor"; "the Supreme Court of
Appeals" was the Supreme Court.
"""

from __future__ import annotations

from extracted import check_names, person_names

from newstui.nlp import Extractor


def test_a_role_word_after_a_title_belongs_to_the_title(extractor: Extractor) -> None:
    text = (
        "The Orvia Fund cut its forecast. Orvia Fund Chief Economist Talin Brevik said growth "
        "would slow. Brevik added that trade was weak."
    )
    check_names(
        extractor,
        text,
        found=[("Talin Brevik", "PERSON"), ("Orvia Fund", "ORG")],
        absent=["Economist Talin Brevik", "Chief Economist Talin Brevik"],
    )


def test_a_title_of_three_words_before_a_name_is_stripped_whole(extractor: Extractor) -> None:
    text = "Kestrel Chief Executive Officer Dana Whitlow said sales rose in March."
    assert person_names(extractor, text) == {"Dana Whitlow"}


def test_a_described_role_after_a_body_is_no_part_of_the_name(extractor: Extractor) -> None:
    text = (
        "WHO Technical Lead Maria Oskarsen told reporters that cases were rising. Oskarsen said "
        "the agency was watching. The hospital's Clinical Director Sarah Quenby said beds were "
        "full."
    )
    assert person_names(extractor, text) == {"Maria Oskarsen", "Sarah Quenby"}


def test_a_body_word_before_a_title_stays_in_the_body(extractor: Extractor) -> None:
    text = "Valdor Provincial Police Commissioner Julian Marrow told reporters on Monday."
    check_names(
        extractor,
        text,
        found=[("Valdor Provincial Police", "ORG"), ("Julian Marrow", "PERSON")],
    )


def test_a_courtesy_title_of_another_language_names_the_same_person(
    extractor: Extractor,
) -> None:
    text = (
        "Claire Vasseur, the bank's president, spoke in Frankfurt. Madame Vasseur said "
        "inflation was falling. Herr Albrecht, her deputy, agreed; Jonas Albrecht left early."
    )
    assert person_names(extractor, text) == {"Claire Vasseur", "Jonas Albrecht"}


def test_a_courtesy_title_before_no_person_makes_none(extractor: Extractor) -> None:
    text = "Tourists queued outside Madame Corvettes in London on Saturday."
    assert not person_names(extractor, text)


def test_a_middle_initial_named_second_is_the_same_person(extractor: Extractor) -> None:
    text = "Ana Koval spoke on Monday. Later, Ana T. Koval said rates would hold."
    people = [e for e in extractor.analyse(text).entities if e.type == "PERSON"]
    assert [e.name for e in people] == ["Ana T. Koval"]
    assert [m.text for m in people[0].mentions] == ["Ana Koval", "Ana T. Koval"]


def test_kin_of_the_same_name_stays_two_people(extractor: Extractor) -> None:
    text = "Ana Koval won the race. Her mother, Ana T. Koval, watched from the stands."
    assert person_names(extractor, text) == {"Ana Koval", "Ana T. Koval"}


def test_a_party_named_with_a_small_party_is_the_party_as_written(extractor: Extractor) -> None:
    text = (
        "The Labor party won a fourth term in the state. Labor gained two seats, while the "
        "leader of the Liberal party, Ann Quarrie, conceded defeat."
    )
    check_names(
        extractor,
        text,
        found=[("Labor party", "ORG"), ("Liberal party", "ORG"), ("Ann Quarrie", "PERSON")],
        absent=["Labor", "Liberal"],
    )


def test_a_small_party_is_the_full_party_named_in_the_story(extractor: Extractor) -> None:
    text = (
        "The Conservative Party of Canada won last year. Members of the Conservative party "
        "cheered, and the Liberal party met. Later the Liberal Party named a leader."
    )
    check_names(
        extractor,
        text,
        found=[("Conservative Party of Canada", "ORG"), ("Liberal Party", "ORG")],
        absent=["Conservative party", "Liberal party"],
    )


def test_a_partys_own_name_before_a_small_party_stays_that_name(extractor: Extractor) -> None:
    text = "Ministers of the Likud party met on Sunday. Likud leaders backed the plan."
    check_names(extractor, text, found=[("Likud", "ORG")], absent=["Likud party"])


def test_a_court_named_with_its_kind_after_of_is_one_court(extractor: Extractor) -> None:
    text = (
        "The Supreme Court of Appeals upheld the verdict on Tuesday. The Supreme Court said the "
        "lower court erred, and the High Court of Justice agreed."
    )
    courts = [e for e in extractor.analyse(text).entities if e.type == "ORG"]
    assert sorted(e.name for e in courts) == ["High Court of Justice", "Supreme Court of Appeals"]
    appeals = next(e for e in courts if e.name == "Supreme Court of Appeals")
    assert [m.text for m in appeals.mentions] == ["Supreme Court of Appeals", "Supreme Court"]
