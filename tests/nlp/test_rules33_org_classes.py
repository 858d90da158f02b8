"""Rules-33 organisation and name cases (round 31), each pinned by invented sentences: a body's
word right after its "of"/"on"/"for" opens what the body is of, so the capitalised words after it
finish the name even before a verb of speech ("the US Commission on International Religious
Freedom said" was ORG "US Commission on International" and PERSON "Religious Freedom"); an age
between commas after a name of two or three words makes it a person even when a word of it is
a place's ("Paris Hilton, 40, said on Monday." gave no entity); a known place's one word that
opens the longer given name of a person named before it is that person's short name, unless a
preposition of places comes before it ("Chadwick Boseman … Chad was an anomaly" gave the PLACE
Chad); a listed town that is a side of a game's result with its score is a club named after it,
an organisation ("Maroochydore defeated Caboolture 43–5" named neither); "Voice" and "Voices"
head a body's name as broadcasters and campaigns are named ("Voice of Lebanon", "Independent
Jewish Voices" were missed, "Western Native Voice" a person), though "the cockpit voice recorder
(CVR)" still names none; a capitalised word hyphened to "language", "backed", "run"… before a
lower-case noun modifies that noun and ends the name before it ("the Voice of Russia
English-language web site")."""

from __future__ import annotations

from extracted import type_by_name


def test_a_body_named_for_a_cause_stays_whole_before_a_verb_of_speech(extractor) -> None:
    for verb in ("said", "criticised"):
        text = f"The US Commission on International Religious Freedom {verb} the move on Friday."
        types = type_by_name(extractor, text)
        assert types == {"US Commission on International Religious Freedom": "ORG"}, types


def test_an_officer_named_after_a_body_is_still_cut_from_it(extractor) -> None:
    text = "The Foreign Policy Commission Kazem Jalali dismissed the claim on Monday."
    types = type_by_name(extractor, text)
    assert types["Foreign Policy Commission"] == "ORG"
    assert types["Kazem Jalali"] == "PERSON"


def test_an_age_after_a_name_makes_it_a_person_even_when_it_opens_with_a_place(extractor) -> None:
    assert type_by_name(extractor, "Paris Hilton, 40, said on Monday.") == {
        "Paris Hilton": "PERSON"
    }
    text = "Volodymyr Zhukovskyy, 23, of West Springfield was charged on Monday."
    assert type_by_name(extractor, text)["Volodymyr Zhukovskyy"] == "PERSON"


def test_an_age_after_a_name_in_capitals_makes_no_person(extractor) -> None:
    assert "PARIS HILTON" not in type_by_name(extractor, "PARIS HILTON, 40, SAID ON MONDAY.")


def test_a_short_given_name_after_the_full_name_is_the_person_not_the_country(extractor) -> None:
    text = 'Chadwick Boseman died on Friday. He was 43.\n\n"Chad was an anomaly," his friend said.'
    assert type_by_name(extractor, text) == {"Chadwick Boseman": "PERSON"}
    mentions = {e.name: len(e.mentions) for e in extractor.analyse(text).entities}
    assert mentions["Chadwick Boseman"] == 2


def test_the_country_stays_a_place_after_a_preposition_or_before_the_person(extractor) -> None:
    placed = "Chadwick Boseman died on Friday. He had filmed in Chad. Chad was hot."
    assert type_by_name(extractor, placed)["Chad"] == "PLACE"
    before = "Chad was an anomaly. Chadwick Boseman died on Friday."
    assert type_by_name(extractor, before)["Chad"] == "PLACE"


def test_a_town_on_either_side_of_a_scored_result_is_a_club(extractor) -> None:
    text = (
        "In other results, Maroochydore defeated Caboolture 43–5 on Saturday, and "
        "Caloundra defeated Nambour 45 points to 24."
    )
    types = type_by_name(extractor, text)
    assert types["Maroochydore"] == "ORG"
    assert types["Caboolture"] == "ORG"
    assert types["Caloundra"] == "ORG"


def test_a_town_beside_a_result_with_no_score_is_not_made_a_club(extractor) -> None:
    text = "Lincoln defeated Douglas in the 1858 election. Crowds gathered in Springfield."
    assert "ORG" not in type_by_name(extractor, text).values()


def test_voice_and_voices_head_the_names_of_broadcasters_and_campaigns(extractor) -> None:
    text = (
        "Kanaan went on Lebanese radio station, Voice of Lebanon, denying the claim. The group "
        "Independent Jewish Voices said it was worried, and Western Native Voice sued the state."
    )
    types = type_by_name(extractor, text)
    assert types["Voice of Lebanon"] == "ORG"
    assert types["Independent Jewish Voices"] == "ORG"
    assert types["Western Native Voice"] == "ORG"


def test_a_voice_in_lower_case_spelt_by_capitals_names_no_body(extractor) -> None:
    text = "The cockpit voice recorder (CVR) and the flight data recorder (FDR) were found."
    assert type_by_name(extractor, text) == {}


def test_a_hyphened_modifier_before_a_lower_case_noun_ends_the_name(extractor) -> None:
    text = "A commentary on the Voice of Russia English-language web site angered Washington."
    assert type_by_name(extractor, text)["Voice of Russia"] == "ORG"
    text = "He read the Kelmar Foundation Russian-language web site on Monday."
    assert type_by_name(extractor, text) == {"Kelmar Foundation": "ORG"}
