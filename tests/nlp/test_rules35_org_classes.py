"""Rules-35 organisation cases (round 33), each pinned by invented sentences.

Bodies named for a cause: people in the plural, "for" or a capitalised "Against", and the
cause in capitals are one organisation with the capitalised words before them ("Ohio Parents
for Safe Schools" was "Ohio Parents"; "Students & Workers Against Hospital Closures" the fragment
"Workers Against Hospital Closures"; "Delta Residents Against the Dam" nothing).

Outlets named "… Online" or "… Indymedia" ("Kelmo Online said" was a person, "Kelmouth
Indymedia" too); "Online" alone or opening a sentence names nothing.

A legislature's name set beside its noun: ", the lower legislature,", "the legislature of
Kelmania, called the Fonu", "the legislature of Kelmania, the Legislative Kelm," (no entity
before).

A party's or a people's plural and a capitalised "Abroad" ("Greens Abroad", with a place after
it "Greens Abroad Kenya") are one body, not a group and a person "Abroad"."""

from __future__ import annotations

from extracted import type_by_name


def test_words_before_people_for_a_cause_belong_to_the_body(extractor) -> None:
    text = "The advocacy group Ohio Parents for Safe Schools released a statement on Monday."
    assert type_by_name(extractor, text) == {"Ohio Parents for Safe Schools": "ORG"}
    text = "A march was led by Harbour Mothers for Peace in Kelmouth."
    types = type_by_name(extractor, text)
    assert types["Harbour Mothers for Peace"] == "ORG"
    assert "Peace" not in types and "Harbour Mothers" not in types


def test_people_against_a_cause_in_capitals_are_one_body(extractor) -> None:
    text = "Campaign group Students & Workers Against Hospital Closures said wards were shut."
    types = type_by_name(extractor, text)
    assert types["Students & Workers Against Hospital Closures"] == "ORG"
    assert not any(kind == "PERSON" for kind in types.values()), types
    text = "He joined Delta Residents Against the Dam in 2004. He farmed rice."
    assert type_by_name(extractor, text) == {"Delta Residents Against the Dam": "ORG"}
    text = "She spoke for Greeks Against the Quarry on Sunday."
    assert type_by_name(extractor, text) == {"Greeks Against the Quarry": "ORG"}


def test_people_for_the_someone_and_a_lower_case_against_are_no_body(extractor) -> None:
    text = "Lawyers for the Kelmans said the ruling was wrong."
    assert "Lawyers for the Kelmans" not in type_by_name(extractor, text)
    text = "The Greeks against Rome fought for years."
    assert all("against" not in name for name in type_by_name(extractor, text))
    text = "He asked Afghans for NATO to stay."
    assert "Afghans for NATO" not in type_by_name(extractor, text)


def test_a_name_ending_in_online_or_indymedia_is_an_outlet(extractor) -> None:
    for text in (
        "Kelmo Online said sales rose.",
        "The deal was welcomed by Kelmo Online and others.",
        "According to Kelmo Online, the mine would close.",
    ):
        assert type_by_name(extractor, text) == {"Kelmo Online": "ORG"}, text
    text = "An eyewitness report on Kelmouth Indymedia said police moved in."
    assert type_by_name(extractor, text) == {"Kelmouth Indymedia": "ORG"}


def test_online_alone_or_opening_a_sentence_names_nothing(extractor) -> None:
    text = "Online shopping grew. Online, the plan was mocked by Kelmar Online readers."
    assert "Online" not in type_by_name(extractor, text)
    text = "Online Kelmar-based auction firm Bidlo said sales rose."
    assert not any(name.startswith("Online") for name in type_by_name(extractor, text))


def test_a_name_set_beside_a_legislature_is_a_body(extractor) -> None:
    text = "He was elected to the Kelmo Sabha, the lower legislature, twice."
    assert type_by_name(extractor, text) == {"Kelmo Sabha": "ORG"}
    text = "She sat in the Great Hural, the national parliament, for years."
    assert type_by_name(extractor, text)["Great Hural"] == "ORG"
    text = "The legislature of Kelmania, called the Fonu, approved the plan."
    assert type_by_name(extractor, text)["Fonu"] == "ORG"
    text = "On Friday the legislature of Kelmania, the Legislative Kelm, voted 66 to 27."
    assert type_by_name(extractor, text)["Legislative Kelm"] == "ORG"


def test_a_member_of_parliament_and_a_capitals_name_stay_as_they_were(extractor) -> None:
    text = "Ann Lee, a member of parliament, said no."
    assert type_by_name(extractor, text) == {"Ann Lee": "PERSON"}
    text = "The capital of Peru, the City of Kings, is large."
    assert "ORG" not in type_by_name(extractor, text).values()


def test_a_partys_people_abroad_are_one_body(extractor) -> None:
    text = "Members of Greens Abroad voted in the primary. Liberals Abroad said it was a stunt."
    types = type_by_name(extractor, text)
    assert types["Greens Abroad"] == "ORG" and types["Liberals Abroad"] == "ORG"
    assert "Abroad" not in types and "Greens" not in types
    text = "The chair of Greens Abroad Kenya, Ann Lee, said the vote was fair."
    assert type_by_name(extractor, text)["Greens Abroad Kenya"] == "ORG"
