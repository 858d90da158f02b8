"""Rules-17 name classes, each pinned by invented sentences (no article text): speakers' names the
entity step found only in part or glued to a word before them (r16-names)."""

from __future__ import annotations

import pytest
from extracted import person_names, speakers


@pytest.mark.parametrize(
    ("text", "person", "prefixes"),
    [
        pytest.param(
            (
                "Reportedly Vandermolen refused to resign. Vandermolen said the essay was his own."
                "\n\nAdditionally Okonkwo wrote to the board."
            ),
            "Vandermolen",
            ("Reportedly", "Additionally"),
            id="a_sentence_adverb_before_a_surname_is_no_part_of_the_name",
        ),
        pytest.param(
            "Minister for the Environment Peter Halloway said the dam would not be built.",
            "Peter Halloway",
            ("Environment",),
            id="a_portfolio_with_the_after_a_title_ends_at_the_name",
        ),
        pytest.param(
            (
                "Chief of Staff Tomiro Kemazaki of Coastal Guard Force was dismissed on Friday. "
                "Kemazaki said the essay was his own."
            ),
            "Tomiro Kemazaki",
            ("Staff",),
            id="an_unknown_pair_after_a_one_word_brief_is_the_titled_person",
        ),
    ],
)
def test_a_word_before_a_name_is_cut_off_the_person(extractor, text, person, prefixes) -> None:
    people = person_names(extractor, text)
    assert person in people
    assert not any(name.startswith(prefixes) for name in people)


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        pytest.param(
            (
                "Union president T.J. Wendover said the fence would not work.\n\n"
                "The novelist J.R.R. Haskell wrote three books about it."
            ),
            {"T.J. Wendover", "J.R.R. Haskell"},
            set(),
            id="dotted_initials_open_a_name_and_end_no_sentence",
        ),
        pytest.param(
            "The delegates flew to Washington, D.C. Wendover stayed at home.",
            set(),
            {"D.C. Wendover"},
            id="a_place_abbreviation_still_ends_its_sentence",
        ),
        pytest.param(
            "The camp grew all week.\n\nNowa Brela, a district of the town, held a vote on the rents.",
            set(),
            {"Nowa Brela"},
            id="an_unknown_pair_opening_a_paragraph_with_no_pronoun_speaking_is_no_person",
        ),
        pytest.param(
            "Tarik Osmanli, one of the MPs who signed the letter, condemns the plan.",
            {"Tarik Osmanli"},
            set(),
            id="one_of_a_plural_role_after_an_unknown_pair_makes_a_person",
        ),
        pytest.param(
            "Nowa Brela, one of the largest districts, held a vote on the rents.",
            set(),
            {"Nowa Brela"},
            id="one_of_a_plural_thing_after_an_unknown_pair_makes_no_person",
        ),
        pytest.param(
            (
                "Finance Minister Christian Varnholt resigned on Friday. Christian Varnholt's "
                'budget was cut. "I have done my duty," Varnholt said.'
            ),
            {"Christian Varnholt"},
            {"Varnholt"},
            id="a_faiths_word_that_is_a_given_name_before_a_surname_opens_a_person",
        ),
        pytest.param(
            "Christian Orthodox believers prayed in the square.",
            set(),
            {"Christian Orthodox"},
            id="a_faiths_words_before_a_noun_make_no_person",
        ),
    ],
)
def test_these_are_people_and_those_are_not(extractor, text, found, absent) -> None:
    people = person_names(extractor, text)
    assert found <= people
    assert not absent & people


def test_a_place_word_as_a_given_name_before_a_speaking_surname_is_a_person(extractor) -> None:
    text = "One of the riders, Chelsea Varnholt, agreed. Varnholt said the course was fair."
    people = person_names(extractor, text)
    assert "Chelsea Varnholt" in people
    assert "Chelsea" not in {e.name for e in extractor.analyse(text).entities}


def test_a_place_word_before_a_thing_that_never_speaks_stays_a_place(extractor) -> None:
    text = "Visitors to Chelsea Harbour counted the boats. The Harbour was quiet."
    assert not person_names(extractor, text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        pytest.param(
            "The camp grew all week.\n\n"
            "Zorya Tavenek, credited with starting the camp, addressed the crowd at the museum. "
            '"We will stay until the rents fall", she said.',
            "Zorya Tavenek",
            id="an_unknown_pair_opening_a_paragraph_is_a_person_when_she_speaks_after",
        ),
        pytest.param(
            "The row grew on Monday.\n\n"
            '"The map must be corrected at once," Velm Sarovan, a Kestral parliamentarian was '
            "quoted as saying.",
            "Velm Sarovan",
            id="a_parliamentarian_apposition_makes_an_unknown_pair_the_speaker",
        ),
    ],
)
def test_an_unknown_pair_is_a_person_who_speaks(extractor, text, person) -> None:
    assert person in person_names(extractor, text)
    assert speakers(extractor, text) == [person]


def test_a_brief_naming_an_event_after_a_title_still_ends_at_the_name(extractor) -> None:
    text = "Minister for the Olympics Peter Halloway rejected the calls for a boycott."
    people = person_names(extractor, text)
    assert "Peter Halloway" in people
    assert not any("Olympics" in name for name in people)
