"""Rules-18 name classes, each pinned by invented sentences (no article text): people named only
through what they lead, and names the entity step found only in part (r17-names)."""

from __future__ import annotations


def _people(extractor, text: str) -> set[str]:
    return {e.name for e in extractor.analyse(text).entities if e.type == "PERSON"}


def _speakers(extractor, text: str) -> list[str | None]:
    return [q.speaker for q in extractor.analyse(text).quotes]


def _found_and_speaks(extractor, text: str, name: str) -> bool:
    """Whether `name` is a person of `text` and the speaker of its one quote."""
    return name in _people(extractor, text) and _speakers(extractor, text) == [name]


def _named(extractor, text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in extractor.analyse(text).entities}


def test_a_leaders_name_before_government_or_administration_is_a_person(extractor) -> None:
    text = (
        "Farmers said the Kelbrook government had failed them. Under the Marlowe "
        "administration's plan, tariffs rose.\n\nThe ban ended during Ovid Tarrant's presidency."
    )
    assert {"Kelbrook", "Marlowe", "Ovid Tarrant"} <= _people(extractor, text)


def test_a_party_a_nation_or_an_adjective_before_government_is_no_person(extractor) -> None:
    text = (
        "The Provisional government fell. The Interim government and the Labor government "
        "met the Tuvalu government and the Democratic administration."
    )
    assert not _people(extractor, text)


def test_an_occupation_before_two_unknown_words_makes_them_a_person(extractor) -> None:
    text = (
        "According to ecologist Tamsin Orrow of the field station, the count fell. "
        '"Turnout was low," said Assembly speaker Vedran al-Kasimi later.\n\n'
        "The paper dropped its case against media firebrand, Ottar Brennick."
    )
    assert {"Tamsin Orrow", "Vedran al-Kasimi", "Ottar Brennick"} <= _people(extractor, text)
    assert _speakers(extractor, text) == ["Vedran al-Kasimi"]


def test_names_in_a_list_with_a_bracket_after_each_take_the_type_of_their_neighbours(
    extractor,
) -> None:
    text = "Four stood in 2002: Lionel Marchand (PS), Tamsin Orrow (PC), Olaf Kettering (LV)."
    assert {"Lionel Marchand", "Tamsin Orrow", "Olaf Kettering"} <= _people(extractor, text)


def test_a_name_that_replies_or_comments_after_its_apposition_is_a_person(extractor) -> None:
    text = (
        "The consul in Galvor, Tamsin Orrow-Ket, replied to the statement. "
        '"We regret it," she said.\n\n'
        "Ulm Dreker of the Kelmouth Health Institute commented on the vote. "
        '"It is a start," Dreker said.'
    )
    assert {"Tamsin Orrow-Ket", "Ulm Dreker"} <= _people(extractor, text)
    assert _speakers(extractor, text) == ["Tamsin Orrow-Ket", "Ulm Dreker"]


def test_a_place_heading_glued_before_a_full_name_ends_before_the_name(extractor) -> None:
    text = (
        "Moldova Peter J. Hallworth, the envoy, met the president.\n\n"
        'Hallworth said: "We had a good talk."'
    )
    assert _found_and_speaks(extractor, text, "Peter J. Hallworth")


def test_a_plural_title_before_a_list_of_names_is_no_part_of_the_first_name(extractor) -> None:
    text = "The letter was signed by Representatives Tamsin Orrow, Ulm Dreker and Bo Kettering."
    people = _people(extractor, text)
    assert {"Tamsin Orrow", "Ulm Dreker", "Bo Kettering"} <= people
    assert not any(name.startswith("Representatives") for name in people)


def test_an_attorneys_title_before_a_surname_is_no_part_of_the_name(extractor) -> None:
    text = (
        "The suit named Kelmouth District Attorney Tamsin R. Orrow. "
        'According to U.S. Attorney Dreker, "the case is strong."'
    )
    names = _named(extractor, text)
    assert {("Tamsin R. Orrow", "PERSON"), ("Dreker", "PERSON")} <= names
    assert not any("Attorney" in name for name, _ in names)


def test_a_generation_suffix_after_a_name_ends_the_name_comma_or_not(extractor) -> None:
    text = "The late Tamsin Orrow, Jr. founded the school. Ulm Dreker Sr. said the fund would grow."
    assert {"Tamsin Orrow, Jr.", "Ulm Dreker Sr."} <= _people(extractor, text)


def test_given_names_after_a_word_of_kinship_are_people(extractor) -> None:
    text = (
        "Orrow is survived by his wife, Tamsin, their sons Ulmo and Berek, and three "
        "daughters, Ama, 17, Efua, 14 and Kesi.\n\n"
        "She leaves her widower Dreker Okonjo."
    )
    people = _people(extractor, text)
    assert {"Tamsin", "Ulmo", "Berek", "Ama", "Efua", "Kesi", "Dreker Okonjo"} <= people


def test_a_given_name_before_and_i_is_a_person_and_a_generation_no_body(extractor) -> None:
    text = (
        '"Laura and I are saddened by the news," the senator said. '
        "The family of Martin III, Ann Lee II and Bo Kett met."
    )
    assert {("Laura", "PERSON"), ("Martin III", "PERSON")} <= _named(extractor, text)


def test_a_word_of_kinship_before_a_place_or_a_known_name_leaves_it_alone(extractor) -> None:
    text = "Leeds is the sister city of Kyoto, and Gaia was the mother Earth of legend."
    names = _named(extractor, text)
    assert ("Kyoto", "PLACE") in names
    assert not any(kind == "PERSON" for _, kind in names)


def test_a_title_glued_to_a_surname_is_cut_off_and_the_surname_taken_up(extractor) -> None:
    text = (
        "President Tamsin Orrow met the envoy on Monday.\n\n"
        'Mr.Orrow said the talks were "very good." He flew to St.Kelmouth later.'
    )
    assert "Mr.Orrow" not in _people(extractor, text)
    assert _speakers(extractor, text) == ["Tamsin Orrow"]


def test_an_officer_named_right_after_the_body_of_the_office_is_split_from_it(extractor) -> None:
    text = (
        "Spokeswoman for the Kelmouth Harbour Trust Kim Orrow said the pier would close. "
        "The attorney for the Eastern District of Ohio Tamsin Dreker described the plan.\n\n"
        "Minister of Fisheries Omar Azim Kettering said the catch had fallen."
    )
    people = _people(extractor, text)
    assert {"Kim Orrow", "Tamsin Dreker", "Omar Azim Kettering"} <= people
    assert not any(name.startswith(("Kelmouth", "Eastern", "Azim")) for name in people)


def test_a_hyphenated_given_name_with_a_lower_case_tail_stays_whole(extractor) -> None:
    text = (
        "Minister Steve Wei-long Tsai said the plan would work. "
        "Kesi-in Ola-bo, the deputy chair, agreed. Fifteen-year-old Tomas said no."
    )
    people = _people(extractor, text)
    assert {"Steve Wei-long Tsai", "Kesi-in Ola-bo", "Tomas"} <= people


def test_ranks_and_a_security_advisers_office_are_no_part_of_the_name(extractor) -> None:
    text = (
        "Army Sergeant First Class Tamsin Orrow was honoured. Guardsman Ulm Dreker, 21, "
        "and Lance Corporal Bo Kettering were charged.\n\n"
        'National Security Adviser Kim Okonjo said: "We will review it."'
    )
    people = _people(extractor, text)
    assert {"Tamsin Orrow", "Ulm Dreker", "Bo Kettering", "Kim Okonjo"} <= people
    assert _speakers(extractor, text) == ["Kim Okonjo"]


def test_names_given_after_named_or_identified_as_are_people(extractor) -> None:
    text = (
        '"It is a new day," said an opposition official named Tamsin Orrowek. '
        "Police identified the men as Ulm Dreker, Bo Kettering and Kesi Olabo.\n\n"
        "A ship named Ever Given ran aground."
    )
    assert _people(extractor, text) & {"Tamsin Orrowek", "Ever Given"} == {"Tamsin Orrowek"}
    assert {"Ulm Dreker", "Bo Kettering", "Kesi Olabo"} <= _people(extractor, text)
    assert _speakers(extractor, text) == ["Tamsin Orrowek"]


def test_a_month_or_a_place_heading_before_a_name_is_no_part_of_it(extractor) -> None:
    text = (
        "Moldova Tamsin Orrowek, the President of Moldova, died on Monday.\n\n"
        'In August Peter Kettering met the envoy. "It went well," Kettering said.'
    )
    people = _people(extractor, text)
    assert {"Tamsin Orrowek", "Peter Kettering"} <= people
    assert _speakers(extractor, text) == ["Peter Kettering"]


def test_an_initial_before_a_given_name_opens_a_full_name(extractor) -> None:
    text = "The sentence of J. Lewis 'Scooter' Orrowby was commuted. Orrowby stayed silent."
    assert "J. Lewis 'Scooter' Orrowby" in _people(extractor, text)


def test_a_given_name_and_surname_after_the_full_name_with_an_initial_is_one_person(
    extractor,
) -> None:
    text = (
        "President Tamsin K. Orrow spoke on Monday. Later Tamsin Orrow said it again.\n\n"
        "Ulm Dreker died. As a child, Dreker lived with his mother, Ulm K. Dreker."
    )
    assert _people(extractor, text) == {"Tamsin K. Orrow", "Ulm Dreker", "Ulm K. Dreker"}


def test_a_peoples_name_ending_a_listed_name_is_its_surname(extractor) -> None:
    text = (
        "Police identified the men as Ulm Dreker, Bekir Tatar, Omar Kettering and Bo Olabo. "
        "Fans of Kelmouth Tatar, Ann Lee said, were upset."
    )
    people = _people(extractor, text)
    assert {"Ulm Dreker", "Bekir Tatar", "Omar Kettering", "Bo Olabo"} <= people
    assert "Kelmouth Tatar" not in people


def test_a_leaders_name_before_a_capitalised_government_is_a_person(extractor) -> None:
    text = "Critics accused the Kelbrook Government of neglect. The Interim Government met."
    assert _people(extractor, text) == {"Kelbrook"}


def test_a_name_described_as_a_bodys_officer_of_a_field_is_a_person(extractor) -> None:
    text = (
        "Fares fell. Tamsin Orrowek, Kelair's vice president of marketing, dismissed the cut, "
        'saying, "We have seen this before."'
    )
    assert _found_and_speaks(extractor, text, "Tamsin Orrowek")
