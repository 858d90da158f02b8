"""Organisation errors of rules-10 fixed in rules-11 (issue 10): general forms, each pinned by
invented examples."""

from __future__ import annotations

import pytest
from extracted import check_names, entity_names, typed_names


def test_an_unknown_abbreviation_naming_a_card_code_or_scheme_is_no_organisation(
    extractor,
) -> None:
    text = (
        "Villagers in Tarnwick must show a KRT card to buy rice. The club records games in the "
        "QZV code, and the agency's MORVA program flies in 2031. Servers follow the DELTIX "
        "standards, Ann Merrow said."
    )
    names = entity_names(extractor, text)
    for thing in ("KRT", "QZV", "MORVA", "DELTIX"):
        assert thing not in names
    assert ("Ann Merrow", "PERSON") in typed_names(extractor, text)


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        pytest.param(
            "The QZV said on Monday that the QZV card scheme would end.",
            {("QZV", "ORG")},
            set(),
            id="an_unknown_abbreviation_that_acts_is_still_an_organisation",
        ),
        pytest.param(
            (
                "Funding came from the Cinema for Peace Foundation in Tarnwick, and Americans for Clean "
                "Water Foundation sued the state."
            ),
            {
                ("Cinema for Peace Foundation", "ORG"),
                ("Americans for Clean Water Foundation", "ORG"),
            },
            {"Peace Foundation"},
            id="a_body_for_a_cause_keeps_the_word_before_for",
        ),
        pytest.param(
            (
                "The Council for Coastal and Inland Water Safety met the Board of Medical and Dental "
                "Examiners on Monday."
            ),
            {
                ("Council for Coastal and Inland Water Safety", "ORG"),
                ("Board of Medical and Dental Examiners", "ORG"),
            },
            {"Council for Coastal"},
            id="an_adjective_after_of_or_for_does_not_end_a_body_before_and",
        ),
        pytest.param(
            (
                "Ann Lee studied at the University of Nevada, Las Vegas and taught at the University of "
                "Kansas at Lawrence before joining the University of Oxford, England."
            ),
            {
                ("University of Nevada, Las Vegas", "ORG"),
                ("University of Kansas at Lawrence", "ORG"),
                ("University of Oxford", "ORG"),
            },
            {("Las Vegas", "PLACE")},
            id="a_state_universitys_campus_is_part_of_its_name",
        ),
        pytest.param(
            (
                "The Kelmouth Institute of Geology and Seismology (Kelgeos) said the quake was shallow. "
                "Kelgeos later raised its magnitude. Scientists at the University of Kansas at Lawrence "
                "(KU Lawrence) agreed, and KU Lawrence published the data."
            ),
            {("Kelmouth Institute of Geology and Seismology", "ORG")},
            {"Kelgeos", "KU Lawrence"},
            id="a_short_form_in_brackets_after_a_body_is_that_body",
        ),
        pytest.param(
            (
                "The promotion Silver Crown Ring Starfall (Starfall) announced the tour. Starfall said "
                "the first show sold out."
            ),
            {("Silver Crown Ring Starfall", "ORG")},
            {"Starfall"},
            id="a_names_last_word_in_brackets_is_the_body_it_ends",
        ),
        pytest.param(
            (
                "My DHO [District Health Officer] phoned me, and the DHO agreed. If I made a WAG [wild "
                "approximate guess], it would be May. She studied at KIT [Kelmouth Institute of "
                "Technology], and KIT paid her fees."
            ),
            {("Kelmouth Institute of Technology", "ORG")},
            {"DHO", "WAG", "KIT"},
            id="an_abbreviation_spelt_out_in_brackets_is_what_the_brackets_name",
        ),
        pytest.param(
            (
                "Moss said so in an interview on The Midnight Show with Ann Lee. Dov Lint recommended "
                "Rosa Tull and The Quiet Harbour by Ann Lee."
            ),
            {("Ann Lee", "PERSON")},
            {"The Midnight Show", "The Quiet Harbour"},
            id="a_show_or_a_book_by_its_author_is_no_organisation",
        ),
        pytest.param(
            "Fighters of the Islamic State of Iraq and Syria attacked the town on Monday.",
            {("Islamic State of Iraq and Syria", "ORG")},
            set(),
            id="a_known_bodys_name_going_on_with_of_a_place_is_still_a_body",
        ),
        pytest.param(
            "Quillsoft's Chief Logistical Officer Ann Merrow wrote that the plant would close.",
            {("Ann Merrow", "PERSON")},
            {"Logistical"},
            id="a_word_between_a_title_and_a_role_word_belongs_to_the_title",
        ),
        pytest.param(
            (
                "Boats report through the Harbour Position Signalling and Logging (HPSL) system. HPSL "
                "data showed the boat. The Kelmouth Rowing Association (KRA) said it had gone."
            ),
            {("Kelmouth Rowing Association", "ORG")},
            {"Harbour Position Signalling and Logging", "HPSL"},
            id="a_name_abbreviated_before_the_word_system_is_no_body",
        ),
        pytest.param(
            "Fraser-Pryce Jamaica won the final ahead of Thompson Jamaica, officials said.",
            {("Jamaica", "PLACE")},
            {"Thompson Jamaica"},
            id="one_country_after_different_names_is_a_results_line",
        ),
    ],
)
def test_names_are_found_with_their_types(extractor, text, found, absent) -> None:
    check_names(extractor, text, found, absent)


def test_a_title_holding_a_pronoun_or_is_names_a_work_not_a_body(extractor) -> None:
    text = (
        "Moss starred in a thriller by Ann Lee, The Woman Who Sold The River, in 1961. The "
        "study, The North Is Richer Than You Think, came out on Monday. She sang in The Summer "
        "of My Discontent at Tarnwick. Ann Lee works for Doctors Without Borders."
    )
    names = entity_names(extractor, text)
    assert not any("Who" in name or "Is Richer" in name for name in names)
    assert "The Summer" not in names
    assert ("Doctors Without Borders", "ORG") in typed_names(extractor, text)


def test_a_full_stop_with_no_space_after_it_still_ends_the_name(extractor) -> None:
    text = (
        "Ann Merrow met the envoy in Tarnwick.Merrow later said the talks went well. Readers of "
        "Kestrel.com.au and the U.S. Army were told."
    )
    entities = typed_names(extractor, text)
    names = entity_names(extractor, text)
    assert not any("." in name and "Kestrel" not in name and "U.S" not in name for name in names)
    assert ("Tarnwick", "PLACE") in entities
    assert ("Ann Merrow", "PERSON") in entities


def test_a_titles_modifier_is_no_part_of_the_body_named_before_it(extractor) -> None:
    text = (
        "Tarnwick Palace Press Secretary Ann Merrow said no. The UN Special Envoy for Kelmouth, "
        "Dov Lint, agreed, and Harwell Council Acting Director Rosa Tull said so too."
    )
    entities = typed_names(extractor, text)
    names = entity_names(extractor, text)
    assert not any(name.endswith(("Press", "Special", "Acting")) for name in names)
    assert "Press" not in names
    assert ("Harwell Council", "ORG") in entities
    assert ("Ann Merrow", "PERSON") in entities


def test_a_head_noun_alone_types_no_list_of_names(extractor) -> None:
    text = (
        "Ann Lee said she liked the book Ploughs, Horses, and Steel. Dov Lint, the Minister for "
        "Tourism, Universities and Skills, agreed."
    )
    names = entity_names(extractor, text)
    for word in ("Ploughs", "Horses", "Tourism", "Skills"):
        assert word not in names


def test_an_abbreviation_after_and_opens_a_second_body(extractor) -> None:
    text = "Scientists from the University of Kelmouth and UC Tarnwick say the Board of Trade and KELCO agree."
    entities = typed_names(extractor, text)
    assert ("University of Kelmouth", "ORG") in entities
    assert ("Board of Trade", "ORG") in entities
    assert not any(" and " in name for name in entity_names(extractor, text))


def test_an_unknown_name_after_a_body_and_its_role_word_is_a_person(extractor) -> None:
    text = "Quillsoft CEO Taavo Reinsalu said the game would stay free."
    entities = typed_names(extractor, text)
    assert ("Taavo Reinsalu", "PERSON") in entities
    assert not any("CEO" in name for name, _ in entities)


def test_a_body_after_a_title_and_of_is_no_persons_name(extractor) -> None:
    text = "Ivo Brandtner, Dean of KU Varden School of Law called the ruling a mistake."
    entities = typed_names(extractor, text)
    assert ("KU Varden School of Law", "ORG") in entities
    assert not any(kind == "PERSON" and "School" in name for name, kind in entities)


def test_unknown_words_before_a_country_name_a_body_in_it(extractor) -> None:
    text = (
        "Ann Lee of Brackwater Audit USA said so, and Ledger Futures Canada agreed. Trade "
        "with Eastern Europe and Greater London grew."
    )
    entities = typed_names(extractor, text)
    assert ("Brackwater Audit USA", "ORG") in entities
    assert ("Ledger Futures Canada", "ORG") in entities
    assert ("Eastern Europe", "PLACE") in entities
    assert not any(kind == "ORG" and "London" in name for name, kind in entities)


def test_a_body_named_again_with_middle_words_left_out_is_the_same_body(extractor) -> None:
    text = (
        "The Kelmouth Rivers and Canals Trust met on Monday. Later the Kelmouth Trust voted to "
        "sell the lock."
    )
    names = entity_names(extractor, text)
    assert "Kelmouth Rivers and Canals Trust" in names
    assert "Kelmouth Trust" not in names


def test_a_word_right_after_a_known_country_is_no_person(extractor) -> None:
    text = (
        "The suit says the order breaks the United States Constitution's rules. Rockets hit "
        "the United Kingdom Consulate in Basra."
    )
    names = entity_names(extractor, text)
    assert "Constitution" not in names
    assert "Consulate" not in names


def test_a_results_list_of_names_and_countries_keeps_its_countries(extractor) -> None:
    text = (
        "Gold went to Kipchoge Kenya, silver to Abdi Belgium and bronze to Mo Farah Britain. "
        "The winners were Brannock Norway and Kessel Denmark."
    )
    entities = typed_names(extractor, text)
    for country in ("Kenya", "Belgium", "Britain", "Norway", "Denmark"):
        assert (country, "PLACE") in entities
    assert not any(kind == "ORG" for _, kind in entities)


def test_a_country_followed_by_a_score_names_no_body(extractor) -> None:
    text = "Cricket scores: Root England 120, Smith Australia 85. Halvorsen Norway 3 (2 sets)."
    entities = typed_names(extractor, text)
    for country in ("England", "Australia", "Norway"):
        assert (country, "PLACE") in entities
    assert not any(kind == "ORG" for _, kind in entities)


def test_a_person_named_before_a_country_keeps_the_mention(extractor) -> None:
    text = (
        "Trudeau said the plan would help. On Tuesday Trudeau Canada's envoy met officials. "
        "Ann Merrow said she was tired. Later Merrow Ireland's captain scored twice."
    )
    analysis = extractor.analyse(text)
    by_name = {e.name: e for e in analysis.entities}
    assert "Trudeau Canada" not in by_name
    assert "Merrow Ireland" not in by_name
    assert len(by_name["Trudeau"].mentions) == 2
    assert len(by_name["Ann Merrow"].mentions) == 2
    assert ("Canada", "PLACE") in {(e.name, e.type) for e in analysis.entities}
