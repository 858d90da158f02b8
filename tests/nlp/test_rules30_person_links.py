"""Rules-30 person classes from the demo's user test, each pinned by invented sentences: the
mentions of one person in one article are one entity under the fullest name ("Senator from
Vermont Bernie Sanders" … "Sanders"; "Ann Lee" … "Ann Marie Lee" after a sentence that ends
in a kinship word)."""

from __future__ import annotations

from extracted import person_names, quotes_and_speakers, typed_names


def test_a_seat_after_from_and_a_title_is_cut_off_its_holders_name(extractor) -> None:
    text = (
        "On Monday, United States Senator from Vermont Tom Harlan ended his campaign. "
        "“The path to victory is closed,” Harlan said."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("The path to victory is closed,", "Tom Harlan")
    ]
    names = typed_names(extractor, text)
    assert ("Tom Harlan", "PERSON") in names
    assert ("Vermont", "PLACE") in names
    assert not any("Vermont Tom" in name for name, _ in names)


def test_a_seat_after_a_lower_case_role_and_from_is_cut_off_too(extractor) -> None:
    text = "The senator from Ohio Mary Koster spoke first. Koster said “no” to the bill."
    assert quotes_and_speakers(extractor, text) == [("no", "Mary Koster")]


def test_a_company_after_from_keeps_the_place_word(extractor) -> None:
    text = "A shipment from Texas Instruments arrived in Dallas on Friday."
    assert ("Texas Instruments", "ORG") in typed_names(extractor, text)


def test_a_middle_name_given_after_a_sentence_ending_in_a_kinship_word_is_the_same_person(
    extractor,
) -> None:
    text = (
        "Former president Ann Koster died on Friday. Koster was called the founding mother of "
        "Ruritania.\n\nAnn Margaret Koster was born in 1924 in a small village. "
        "“Only the people can remove me,” Ann Koster said in 2008."
    )
    assert person_names(extractor, text) == {"Ann Margaret Koster"}
    assert quotes_and_speakers(extractor, text) == [
        ("Only the people can remove me,", "Ann Margaret Koster")
    ]


def test_a_kinship_word_in_the_same_sentence_still_keeps_a_namesake_apart(extractor) -> None:
    text = (
        "Gloria Vane spoke at the opening. Her mother, Gloria Morgan Vane, founded the museum "
        "in 1931."
    )
    assert person_names(extractor, text) == {"Gloria Vane", "Gloria Morgan Vane"}


def test_a_shorter_name_spelt_with_one_letter_less_is_the_full_name_given_before(
    extractor,
) -> None:
    text = (
        "Foreign Minister Ahmed Aboul Kheit said that Cairo was working with the authorities. "
        "Troops searched the western parts of the capital on Monday.\n\nAbul Kheit pledged "
        "that everyone involved “handle the situation wisely”."
    )
    people = [e for e in extractor.analyse(text).entities if e.type == "PERSON"]
    assert [(e.name, len(e.mentions)) for e in people] == [("Ahmed Aboul Kheit", 2)]
    assert quotes_and_speakers(extractor, text) == [
        ("handle the situation wisely", "Ahmed Aboul Kheit")
    ]


def test_another_letter_or_another_surname_keeps_two_people_apart(extractor) -> None:
    other_letter = "Minister Ahmed Aboul Kheit spoke on Monday. “We are calm,” Abel Kheit said."
    assert quotes_and_speakers(extractor, other_letter) == [("We are calm,", "Abel Kheit")]
    other_surname = "Minister Ahmed Aboul Kheit spoke on Monday. “We are calm,” Abul Kheir said."
    assert quotes_and_speakers(extractor, other_surname) == [("We are calm,", "Abul Kheir")]
