"""Rules-17 name classes, each pinned by invented sentences (no article text): speakers' names the
entity step found only in part or glued to a word before them (r16-names)."""

from __future__ import annotations

from extracted import person_names


def test_a_sentence_adverb_before_a_surname_is_no_part_of_the_name(extractor) -> None:
    text = (
        "Reportedly Vandermolen refused to resign. Vandermolen said the essay was his own.\n\n"
        "Additionally Okonkwo wrote to the board."
    )
    people = person_names(extractor, text)
    assert "Vandermolen" in people
    assert not any(name.startswith(("Reportedly", "Additionally")) for name in people)


def test_a_portfolio_with_the_after_a_title_ends_at_the_name(extractor) -> None:
    text = "Minister for the Environment Peter Halloway said the dam would not be built."
    people = person_names(extractor, text)
    assert "Peter Halloway" in people
    assert not any(name.startswith("Environment") for name in people)


def test_dotted_initials_open_a_name_and_end_no_sentence(extractor) -> None:
    text = (
        "Union president T.J. Wendover said the fence would not work.\n\n"
        "The novelist J.R.R. Haskell wrote three books about it."
    )
    people = person_names(extractor, text)
    assert {"T.J. Wendover", "J.R.R. Haskell"} <= people


def test_a_place_abbreviation_still_ends_its_sentence(extractor) -> None:
    text = "The delegates flew to Washington, D.C. Wendover stayed at home."
    assert "D.C. Wendover" not in person_names(extractor, text)


def test_a_place_word_as_a_given_name_before_a_speaking_surname_is_a_person(extractor) -> None:
    text = "One of the riders, Chelsea Varnholt, agreed. Varnholt said the course was fair."
    people = person_names(extractor, text)
    assert "Chelsea Varnholt" in people
    assert "Chelsea" not in {e.name for e in extractor.analyse(text).entities}


def test_a_place_word_before_a_thing_that_never_speaks_stays_a_place(extractor) -> None:
    text = "Visitors to Chelsea Harbour counted the boats. The Harbour was quiet."
    assert not person_names(extractor, text)


def test_an_unknown_pair_opening_a_paragraph_is_a_person_when_she_speaks_after(
    extractor,
) -> None:
    text = (
        "The camp grew all week.\n\n"
        "Zorya Tavenek, credited with starting the camp, addressed the crowd at the museum. "
        '"We will stay until the rents fall", she said.'
    )
    assert "Zorya Tavenek" in person_names(extractor, text)
    assert [q.speaker for q in extractor.analyse(text).quotes] == ["Zorya Tavenek"]


def test_an_unknown_pair_opening_a_paragraph_with_no_pronoun_speaking_is_no_person(
    extractor,
) -> None:
    text = (
        "The camp grew all week.\n\nNowa Brela, a district of the town, held a vote on the rents."
    )
    assert "Nowa Brela" not in person_names(extractor, text)


def test_a_brief_naming_an_event_after_a_title_still_ends_at_the_name(extractor) -> None:
    text = "Minister for the Olympics Peter Halloway rejected the calls for a boycott."
    people = person_names(extractor, text)
    assert "Peter Halloway" in people
    assert not any("Olympics" in name for name in people)


def test_one_of_a_plural_role_after_an_unknown_pair_makes_a_person(extractor) -> None:
    text = "Tarik Osmanli, one of the MPs who signed the letter, condemns the plan."
    assert "Tarik Osmanli" in person_names(extractor, text)


def test_one_of_a_plural_thing_after_an_unknown_pair_makes_no_person(extractor) -> None:
    text = "Nowa Brela, one of the largest districts, held a vote on the rents."
    assert "Nowa Brela" not in person_names(extractor, text)


def test_an_unknown_pair_after_a_one_word_brief_is_the_titled_person(extractor) -> None:
    text = (
        "Chief of Staff Tomiro Kemazaki of Coastal Guard Force was dismissed on Friday. "
        "Kemazaki said the essay was his own."
    )
    people = person_names(extractor, text)
    assert "Tomiro Kemazaki" in people
    assert not any(name.startswith("Staff") for name in people)


def test_a_parliamentarian_apposition_makes_an_unknown_pair_the_speaker(extractor) -> None:
    text = (
        "The row grew on Monday.\n\n"
        '"The map must be corrected at once," Velm Sarovan, a Kestral parliamentarian was '
        "quoted as saying."
    )
    assert "Velm Sarovan" in person_names(extractor, text)
    assert [q.speaker for q in extractor.analyse(text).quotes] == ["Velm Sarovan"]
