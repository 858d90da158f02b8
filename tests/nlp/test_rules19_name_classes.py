"""Rules-19 name classes, each pinned by invented sentences (no article text): names found whole
and found at all (r18-names)."""

from __future__ import annotations

from extracted import person_names, speakers


def test_gov_abbreviated_is_a_title_stripped_from_the_name(extractor) -> None:
    text = (
        'With a stroke of the pen, Gov. Ada Quillane of Westmarch signed the bill. "It is '
        'done," Quillane said.'
    )
    assert "Ada Quillane" in person_names(extractor, text)
    assert not any(name.startswith("Gov") for name in person_names(extractor, text))
    assert speakers(extractor, text) == ["Ada Quillane"]


def test_a_role_to_a_body_then_a_comma_introduces_the_person_after_it(extractor) -> None:
    text = (
        "Vellmark's ambassador to the African Union, Tomas Quevedro, has accused Ostria of "
        'stalling talks. "They are not serious," he said. Quevedro dismissed the offer.'
    )
    assert "Tomas Quevedro" in person_names(extractor, text)
    assert speakers(extractor, text) == ["Tomas Quevedro"]


def test_the_holder_of_a_regime_or_government_is_a_person(extractor) -> None:
    text = (
        "Arms were sold during the regime of Orlan Vesketh. The bureau was dissolved by the "
        "government under Tam Oyelaran."
    )
    assert {"Orlan Vesketh", "Tam Oyelaran"} <= person_names(extractor, text)


def test_a_known_country_after_government_of_is_no_person(extractor) -> None:
    text = "The regime of Syria and the government of New Zealand met in the Hague."
    assert not person_names(extractor, text)


def test_what_only_a_person_has_after_a_possessive_makes_the_name_a_person(extractor) -> None:
    text = (
        "The mannequin was named for Ysolde Kerrigan's character in the film. Bram Otterley's "
        "lawyer declined to comment."
    )
    assert {"Ysolde Kerrigan", "Bram Otterley"} <= person_names(extractor, text)


def test_a_member_of_a_party_or_people_in_apposition_is_a_person(extractor) -> None:
    text = "She lost her seat to Thorn Vellacott, a Republican, in 2014."
    assert "Thorn Vellacott" in person_names(extractor, text)


def test_a_company_described_by_a_nationality_and_a_noun_is_no_person(extractor) -> None:
    text = "The deal went to Brannock Vell, an American company, in 2014."
    assert "Brannock Vell" not in person_names(extractor, text)


def test_a_given_name_that_is_a_common_word_opens_a_paragraph_before_a_role(extractor) -> None:
    text = (
        "The board met on Monday.\n\nArt Quennell, chairman of Veltrix and a member of the "
        'board, adds, "We are in good hands."'
    )
    assert "Art Quennell" in person_names(extractor, text)
    assert speakers(extractor, text) == ["Art Quennell"]


def test_a_word_of_time_opening_a_sentence_is_no_given_name(extractor) -> None:
    text = "Yesterday Quennell, a lawyer for the family, said the case was closed."
    assert "Yesterday Quennell" not in person_names(extractor, text)


def test_a_nickname_in_brackets_inside_a_name_is_part_of_it(extractor) -> None:
    text = (
        "The review will be led by Mr Richard (Dick) Okonedo and Mr Peter Haldane. "
        "Mr Okonedo chairs the board."
    )
    people = person_names(extractor, text)
    assert "Richard (Dick) Okonedo" in people
    assert not {"Richard", "Okonedo"} & people


def test_a_body_in_brackets_after_a_name_is_no_nickname(extractor) -> None:
    text = "Shares of Kelbrook fell, said Ann Lee (Reuters) Tuesday."
    assert "Ann Lee" in person_names(extractor, text)


def test_an_officer_named_after_a_long_body_name_and_a_comma_is_a_person(extractor) -> None:
    text = (
        "The Director-General of the International Agency for Soil Science, Mohamed OlKarim, "
        "issued a report. The party chairman for the affair of parliament, Tadeo Ishimura, "
        "spoke next."
    )
    assert {"Mohamed OlKarim", "Tadeo Ishimura"} <= person_names(extractor, text)


def test_a_hyphenated_role_in_apposition_describes_a_person(extractor) -> None:
    text = "It ended there. Tavo Yassen Orrun, former vice-president of Ostria, was jailed."
    assert "Tavo Yassen Orrun" in person_names(extractor, text)


def test_what_only_a_person_does_after_a_name_makes_it_a_person(extractor) -> None:
    text = (
        "Due to the scandal, Takeo Ondrako resigned from the post of minister. "
        "Later Ysa Merrow was sworn in as his successor."
    )
    assert {"Takeo Ondrako", "Ysa Merrow"} <= person_names(extractor, text)


def test_a_name_with_a_dutch_german_or_arabic_particle_is_a_person(extractor) -> None:
    text = (
        "The party was small.\n\nIsolde van Brakel exposes its motives. Political scientist "
        'Wim van der Hoeck thinks it will fail. "It is a stunt," he said.'
    )
    assert {"Isolde van Brakel", "Wim van der Hoeck"} <= person_names(extractor, text)


def test_a_hyphenated_given_name_with_a_lower_case_syllable_is_a_person(extractor) -> None:
    text = "Lu Han and Cheng-ming Su wore shirts. The legislator Kuo-ping Wu spoke after them."
    assert {"Cheng-ming Su", "Kuo-ping Wu"} <= person_names(extractor, text)


def test_a_prefix_joined_by_a_hyphen_is_no_given_name(extractor) -> None:
    text = "Vice-president Lee arrived late. The Anti-war Coalition and Left-wing Labour met."
    people = person_names(extractor, text)
    assert not any("-" in name for name in people)


def test_his_or_her_right_after_a_name_makes_it_a_person(extractor) -> None:
    text = "The fund stayed whole until Dorran Quayle and his friends got their hands on it."
    assert "Dorran Quayle" in person_names(extractor, text)


def test_whoever_manages_or_founded_something_is_a_person(extractor) -> None:
    text = "The club is managed by Rafe Belloq. The fund was founded by Osric Vell in 1990."
    assert {"Rafe Belloq", "Osric Vell"} <= person_names(extractor, text)


def test_a_militant_or_dissident_in_apposition_describes_a_person(extractor) -> None:
    text = "However Zuber Ardaman, a senior Kurdish militant, denied any part in the attack."
    assert "Zuber Ardaman" in person_names(extractor, text)


def test_a_role_of_a_body_named_by_a_common_noun_is_the_office_of_the_name_after(
    extractor,
) -> None:
    text = (
        "She met the leader of the opposition Salvo Natterby. The site quoted member of "
        "parliament Akelo Pohlava. The head of the General Security service Jamin Sayad quit."
    )
    assert {"Salvo Natterby", "Akelo Pohlava", "Jamin Sayad"} <= person_names(extractor, text)


def test_a_body_or_a_place_after_a_role_of_is_no_person(extractor) -> None:
    text = (
        '"It is safe," said Ann Lee, the director of marketing for Quell Passport. He met the '
        "mayor of the city Nowa Kretta and the chairman of the Joint Chiefs of Staff."
    )
    people = person_names(extractor, text)
    assert not {"Quell Passport", "Nowa Kretta", "Joint Chiefs"} & people


def test_a_suspect_or_a_hostage_named_after_a_comma_is_a_person(extractor) -> None:
    text = "He warned of an attack planned by a top Ostrian suspect, Abu Zeyda. It came soon."
    assert "Abu Zeyda" in person_names(extractor, text)


def test_an_example_of_a_plural_role_is_a_person(extractor) -> None:
    text = (
        "It hung beside the works of designers including Coquette Varnel. He toured with "
        "singers such as Ruthven Ettle."
    )
    assert {"Coquette Varnel", "Ruthven Ettle"} <= person_names(extractor, text)


def test_his_or_her_in_the_names_own_clause_makes_it_a_person(extractor) -> None:
    text = "The distributor of the drink, Darrin Wenbrow, defended his product on Monday."
    assert "Darrin Wenbrow" in person_names(extractor, text)


def test_a_places_name_as_a_given_name_after_the_office_is_a_person(extractor) -> None:
    text = '"The numbers are clear," said the chairman of the Senate Budget Committee, Kent Orrow.'
    assert "Kent Orrow" in person_names(extractor, text)
    assert speakers(extractor, text) == ["Kent Orrow"]


def test_a_leader_named_in_a_nations_government_or_era_is_a_person(extractor) -> None:
    text = (
        "Despite the Australian Kelbrook Government's support, the plan failed. The rebels fought "
        "since Marlowe's era. The firm was partly owned by Tarrant's Iraqi regime."
    )
    assert {"Kelbrook", "Marlowe", "Tarrant"} <= person_names(extractor, text)


def test_a_party_in_a_nations_government_or_a_plain_era_is_no_person(extractor) -> None:
    text = "The British Labour Government fell. It began in the Victorian era, the rule of law."
    assert not person_names(extractor, text)


def test_a_rank_written_with_a_hyphen_is_a_title_stripped_from_the_name(extractor) -> None:
    text = (
        "The three, Corporal Dane Pavey, 34; Lance-Corporal Wade Crowfield, 21; and "
        "Lieutenant-Colonel Ora Vant, 44, were charged."
    )
    assert {"Wade Crowfield", "Ora Vant"} <= person_names(extractor, text)


def test_i_speaking_after_a_transcripts_name_label_is_no_part_of_the_name(extractor) -> None:
    text = (
        "What led you to this subject?\n\nMarek Olsztyn I am a professor of health at the "
        "university. Louis I was a king."
    )
    people = person_names(extractor, text)
    assert "Marek Olsztyn" in people
    assert "Marek Olsztyn I" not in people
    assert "Louis I" in people


def test_a_sentences_subject_taken_up_by_he_or_she_next_is_a_person(extractor) -> None:
    text = "The board met. Pattie Morrow co-owns the shop with a partner. She says it is fine."
    assert "Pattie Morrow" in person_names(extractor, text)


def test_he_or_she_may_take_up_another_name_of_the_sentence(extractor) -> None:
    text = "The deal closed. Nowa Kretta hired Ann Lee last year. She says it is fine."
    assert "Nowa Kretta" not in person_names(extractor, text)


def test_his_or_her_in_a_clause_of_its_own_makes_no_place_a_person(extractor) -> None:
    text = "They moved to Nowa Kretta when her father died, and on to Vell Harrow with her aunt."
    people = person_names(extractor, text)
    assert not {"Nowa Kretta", "Vell Harrow"} & people
