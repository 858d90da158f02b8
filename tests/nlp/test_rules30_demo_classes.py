"""Rules-30 classes behind wrong types and cut names the user test found in the demo, each
pinned by invented sentences: capitals joined by a hyphen are a body, a numbered law cut at
"No." is no body, a weekday is no part of a bracketed body's name, a building described after
its name is a place, a title after a work's noun is no person, a body named for its aim keeps
the aim's object, letters in quotes spelling part of a word are no body."""

from __future__ import annotations

from extracted import entity_names, quotes_and_speakers, typed_names


def test_capitals_joined_by_a_hyphen_are_a_body_never_the_speaker_in_a_persons_place(
    extractor,
) -> None:
    text = (
        "Lead author Ann Tovey of the Centre for Deep Ocean Research (C-DOR) said, “The "
        "voyage gave us a unique chance.” The authors, Tovey of C-DOR and Ben Marsh of USC, "
        "had expected less."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("The voyage gave us a unique chance.", "Ann Tovey")
    ]
    assert ("C-DOR", "ORG") in typed_names(extractor, text)


def test_a_hyphenated_broadcaster_opening_a_sentence_speaks_as_a_body(extractor) -> None:
    text = "KTV-NET said it would appeal. “We will fight this,” KTV-NET said."
    assert typed_names(extractor, text) == {("KTV-NET", "ORG")}


def test_two_places_joined_by_a_hyphen_or_a_bacteriums_initial_are_no_body(extractor) -> None:
    text = "The USA-UK talks ended. The likeliest route for ESBL-E. coli is from human to human."
    assert not {name for name, kind in typed_names(extractor, text) if kind == "ORG"}


def test_a_numbered_law_cut_at_no_is_no_body_and_no_speaker(extractor) -> None:
    text = (
        "Republic Act No. 4410, also known as the “Radio Licence Law”, states “no person shall "
        "build a station without a franchise.” Since the network's franchise, Republic Act "
        "No. 8812, expired on Monday, it went dark."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("no person shall build a station without a franchise.", None)
    ]
    assert not any(name.startswith("Republic Act") for name in entity_names(extractor, text))


def test_a_weekday_before_a_bracketed_bodys_name_is_no_part_of_it(extractor) -> None:
    text = (
        "This Thursday the National Council on Heritage Protection (NCHP) also criticised the plan."
    )
    assert ("National Council on Heritage Protection", "ORG") in typed_names(extractor, text)
    assert not any("Thursday" in name for name in entity_names(extractor, text))


def test_a_building_described_after_its_name_is_a_place(extractor) -> None:
    text = (
        "The president pledged to convert Santa Irene, formerly a Byzantine church and now a "
        "museum, to a mosque. Critics said Santa Irene belongs to everyone."
    )
    assert ("Santa Irene", "PLACE") in typed_names(extractor, text)


def test_a_title_after_a_works_noun_is_no_person_in_any_mention(extractor) -> None:
    text = (
        "Okoro rose to fame in the 2018 superhero film Silver Falcon, and died on Friday. "
        "Dana Vick, the director of Silver Falcon, wrote of Okoro. Silver Falcon was a hit."
    )
    names = entity_names(extractor, text)
    assert "Silver Falcon" not in names
    assert "Dana Vick" in names


def test_a_body_named_for_its_aim_keeps_the_aims_known_object(extractor) -> None:
    text = "They praised the Global Coalition to Defeat ISIS for its work in the region."
    assert ("Global Coalition to Defeat ISIS", "ORG") in typed_names(extractor, text)


def test_letters_in_quotes_spelling_the_start_of_a_word_are_no_body(extractor) -> None:
    text = (
        "The agency announced the name of the disease: “KOVAD-19” is to replace the "
        "temporary name.\n\nReportedly, “KOVA” represents the coronavirus, “D” is for "
        "“disease,” and “19” for the year it was first detected."
    )
    assert "KOVA" not in entity_names(extractor, text)
    # capitals in quotes that no longer word of the article opens are still a body
    named = "The fund, known as “KOVA”, said it would act. KOVA staff left on Monday."
    assert ("KOVA", "ORG") in typed_names(extractor, named)
