"""Rules-20 name classes, each pinned by invented sentences (no article text): names found whole
and found at all (r19-names)."""

from __future__ import annotations

from extracted import person_names, speakers, type_by_name


def test_a_saint_after_in_or_at_is_a_place_not_a_person(extractor) -> None:
    text = (
        "The regional seminar was held in Saint Brannoc and the Skerries last week. Volunteers "
        "gathered at St. Ilwen on Sunday."
    )
    assert not person_names(extractor, text)


def test_a_saint_the_text_names_with_a_head_noun_is_that_body(extractor) -> None:
    text = (
        "Patients were moved to Saint Oswin Hospital overnight. A surgeon from Saint Oswin said "
        "the wards were full. Dr. Mara Telby of Elmgrove St. Ardan's Medical Center agreed."
    )
    names = person_names(extractor, text)
    assert "Oswin" not in names and "Ardan" not in names
    assert "Mara Telby" in names


def test_a_saint_who_acts_is_still_a_person(extractor) -> None:
    text = "Legend says that St. Brannoc drove the wolves out of the valley."
    assert any("Brannoc" in name for name in person_names(extractor, text))
    assert "PLACE" not in type_by_name(extractor, text).values()


def test_an_office_in_apposition_beside_a_person_is_no_person(extractor) -> None:
    text = (
        "Rena Dowlish, Shadow Minister for Rural Affairs, called it a disgrace. Ivo Tark, "
        "Shadow Home Affairs spokesman for the Liberal Party, agreed. The President and the "
        "First Lady, Maud Ferrant, arrived later with Bishop Elm Calloway, Bishop-Emeritus of "
        "Harrowgate."
    )
    assert person_names(extractor, text) == {
        "Rena Dowlish",
        "Ivo Tark",
        "Maud Ferrant",
        "Elm Calloway",
    }


def test_a_style_beside_a_person_is_no_person(extractor) -> None:
    text = "The mayor greeted His Royal Highness, Prince Aldric, The Duke of Fennick, at noon."
    names = person_names(extractor, text)
    assert not any(name.startswith(("His", "The")) or name == "The" for name in names)


def test_people_listed_beside_each_other_stay_people(extractor) -> None:
    text = "The award went to Ann Velloway, Tom Barrish and Edda Kine, the judges said."
    assert {"Ann Velloway", "Tom Barrish", "Edda Kine"} <= person_names(extractor, text)


def test_a_portfolio_joined_by_and_before_the_holder_leaves_the_holder_whole(extractor) -> None:
    text = (
        "The Secretary of State for Trade and Maritime Affairs Peter Hollin denied the claim. "
        "The Vice President of Sales & Marketing Dora Kemp told reporters the same."
    )
    names = person_names(extractor, text)
    assert {"Peter Hollin", "Dora Kemp"} <= names
    assert not any("Affairs" in name or "Marketing" in name for name in names)


def test_an_unknown_name_after_a_body_head_noun_then_a_verb_is_its_officer(extractor) -> None:
    text = (
        "The Fisheries and Harbour Policy Commission Tavid Orrasko dismissed the report. "
        "According to the Velmark News Agency Sondu Parrikar, a critic of the council, the vote "
        "was rigged."
    )
    names = person_names(extractor, text)
    assert {"Tavid Orrasko", "Sondu Parrikar"} <= names
    assert not any("Commission" in name or "Agency" in name for name in names)


def test_words_after_a_body_head_noun_then_a_preposition_stay_the_body(extractor) -> None:
    text = (
        "The shuttle will go on display at the Harlow Space Center Visitor Complex following "
        "its last flight, under the Public Service Vehicle Regulations for Buses."
    )
    assert not person_names(extractor, text)


def test_one_person_written_two_ways_in_one_article_is_found_once(extractor) -> None:
    text = (
        "Philip Varnock founded the shoe firm in 1964. Protesters chanted against Phil "
        "Varnock's wages. Rafik Oshani was killed in 2005; Rafiq Oshani had led the cabinet. "
        "The paper worried about Daniele Castrogiacomo, who was kidnapped. Daniele "
        "Castrogiamoco was doing his job, it said."
    )
    assert person_names(extractor, text) == {
        "Philip Varnock",
        "Rafik Oshani",
        "Daniele Castrogiacomo",
    }


def test_a_full_name_with_a_middle_name_is_the_person_named_without_it(extractor) -> None:
    text = (
        "Congressman Elrick Dunmore died on Thursday. He was born Elrick Oswin Dunmore in "
        "Baltimore in 1951."
    )
    assert person_names(extractor, text) == {"Elrick Oswin Dunmore"}


def test_a_relative_of_the_same_name_stays_a_person_of_their_own(extractor) -> None:
    text = (
        "The heiress Marla Quintrell died on Monday. As a child she was the subject of a custody "
        "battle between her widowed mother, Marla Dawes Quintrell, and her aunt."
    )
    assert {"Marla Quintrell", "Marla Dawes Quintrell"} <= person_names(extractor, text)


def test_two_people_of_one_surname_with_unlike_given_names_stay_two(extractor) -> None:
    text = (
        "Dana Orlick met Dan Orlick, Pauline Verrin met Paul Verrin and Tomas Kell met Tobias "
        "Kell on Monday."
    )
    assert {
        "Dana Orlick",
        "Dan Orlick",
        "Pauline Verrin",
        "Paul Verrin",
        "Tomas Kell",
        "Tobias Kell",
    } <= person_names(extractor, text)


def test_an_unknown_name_listed_with_a_person_named_alike_is_a_person(extractor) -> None:
    text = (
        "Voters backed Sunny Tesk and Amjid Orvall, who both received fewer votes. He was "
        "followed by Kenyans Dejo Barrat, 2:05:46, and Asefo Mengal, 2:05:48."
    )
    assert {"Sunny Tesk", "Amjid Orvall", "Dejo Barrat", "Asefo Mengal"} <= person_names(
        extractor, text
    )


def test_a_surname_taken_up_as_a_person_makes_the_untyped_full_name_a_person(extractor) -> None:
    text = (
        "The group listed Kent Orvind's plan on its website. Orvind, whose degree came from an "
        "unaccredited school, runs a theme park."
    )
    assert person_names(extractor, text) == {"Kent Orvind"}


def test_a_common_word_inside_a_three_word_name_in_apposition_keeps_it_a_name(extractor) -> None:
    text = (
        "In addition, the Norwegian Minister of Trade, Per Olve Brannsk, has said that talks "
        "failed. Four were sentenced. Taha Yorvan Ramadan, former vice-president of Ostria, "
        "was given life."
    )
    assert {"Per Olve Brannsk", "Taha Yorvan Ramadan"} <= person_names(extractor, text)


def test_a_common_word_opening_a_sentence_or_a_style_is_no_name(extractor) -> None:
    text = (
        "Per Capita Spending, the report said, fell. We welcome His Royal Highness, Prince "
        "Aldric, to the city."
    )
    names = person_names(extractor, text)
    assert not any(name.startswith(("Per", "His")) for name in names)


def test_a_columnist_in_a_paper_who_writes_is_a_person_and_speaks(extractor) -> None:
    text = (
        'The plan drew scorn abroad. "It wants the whole sky", Bronwyn Tallack in The Courier '
        'describes the policy as "pompous in tone".'
    )
    assert "Bronwyn Tallack" in person_names(extractor, text)
    assert "Bronwyn Tallack" in speakers(extractor, text)


def test_an_abbreviated_rank_with_its_full_stop_is_stripped_from_the_name(extractor) -> None:
    text = (
        "Marine Cpl. Brad Orvell told the visitor the patrols were working. Navy Lt. Cmdr. Ann "
        "Vellis and Army Pvt. Tam Oske agreed."
    )
    assert person_names(extractor, text) == {"Brad Orvell", "Ann Vellis", "Tam Oske"}


def test_a_title_word_before_a_generation_suffix_is_the_surname(extractor) -> None:
    text = "The speech by Orrin Dale King Jr. moved many, and Tam Oske Bishop Sr. agreed."
    assert {"Orrin Dale King Jr.", "Tam Oske Bishop Sr."} <= person_names(extractor, text)
