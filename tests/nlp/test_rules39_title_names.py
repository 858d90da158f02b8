"""Rules-39: people's names a title or a particle cut, and a place a title's brief cut (round 37).

"the Premier of New South Wales" names a state, not a person "South Wales" (the portfolio reading
took a run's last two words for a name); "Chief Growth and Brand Officer Ines Walcott" is one
title before a person, not a person "Growth"; "UK Major Petra Hollis" opening a paragraph is a
country, a rank and a person (an interview's initials before a common word were read there);
"Duarte da Silveira" after a role is a person with a particle inside, and "Liga da Costa Verde"
with no person cue names no one.
"""

from __future__ import annotations

from extracted import quotes_and_speakers, type_by_name


def test_a_title_of_a_known_place_of_three_words_names_no_person(extractor) -> None:
    text = "The Premier of Papua New Guinea opened the port at Lae on Monday."
    types = type_by_name(extractor, text)
    assert types.get("Papua New Guinea") == "PLACE"
    assert "New Guinea" not in types


def test_a_known_place_after_a_title_and_before_a_name_stays_whole(extractor) -> None:
    text = "The Governor of New South Wales, Ada Renwick, opened the bridge."
    types = type_by_name(extractor, text)
    assert types.get("New South Wales") == "PLACE"
    assert types.get("Ada Renwick") == "PERSON"
    assert "South Wales" not in types


def test_two_briefs_joined_by_and_make_one_title(extractor) -> None:
    text = '"Our stores are full," Harbell\'s Chief Growth and Brand Officer Ines Walcott said.'
    types = type_by_name(extractor, text)
    assert types.get("Ines Walcott") == "PERSON"
    assert "Growth" not in types and "Brand" not in types
    assert quotes_and_speakers(extractor, text) == [("Our stores are full,", "Ines Walcott")]


def test_a_name_after_and_is_no_brief_of_a_title(extractor) -> None:
    text = "President Okoro and Defence Secretary Ada Renwick met the envoys."
    types = type_by_name(extractor, text)
    assert types.get("Okoro") == "PERSON"
    assert types.get("Ada Renwick") == "PERSON"


def test_a_country_and_a_rank_opening_a_paragraph_name_the_officer(extractor) -> None:
    text = (
        "Soldiers repaired the school in Basra.\n\n"
        'UK Major Petra Hollis, with the 4th Brigade, says the work matters. "It builds trust,"'
        " Hollis said."
    )
    types = type_by_name(extractor, text)
    assert types.get("Petra Hollis") == "PERSON"
    assert quotes_and_speakers(extractor, text) == [("It builds trust,", "Petra Hollis")]


def test_a_particle_inside_a_name_after_a_role_is_a_person(extractor) -> None:
    text = '"The road is open again," said army spokesman Duarte da Silveira on Tuesday.'
    types = type_by_name(extractor, text)
    assert types.get("Duarte da Silveira") == "PERSON"
    assert quotes_and_speakers(extractor, text) == [
        ("The road is open again,", "Duarte da Silveira")
    ]


def test_a_particle_inside_a_name_with_no_cue_names_no_person(extractor) -> None:
    text = "The league was renamed. Results: Liga da Costa Verde || 12 || 30 points"
    types = type_by_name(extractor, text)
    assert types.get("Liga da Costa Verde") != "PERSON"
    assert types.get("Liga da Costa") != "PERSON"


def test_a_first_minister_after_a_country_opening_a_paragraph(extractor) -> None:
    text = (
        "Wales has acted already.\n\n"
        "Scotland First Minister Ailsa Kerr said the rules would change on Monday."
    )
    types = type_by_name(extractor, text)
    assert types.get("Scotland") == "PLACE"
    assert types.get("Ailsa Kerr") == "PERSON"
