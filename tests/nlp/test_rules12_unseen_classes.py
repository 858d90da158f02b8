"""Entity errors found on unseen text in round 11 (issue 10), fixed in rules-12: general forms,
each pinned by invented examples."""

from __future__ import annotations

import pytest
from extracted import check_names, entity_names, typed_names


def test_a_caption_credit_label_is_no_part_of_the_name_it_follows(extractor) -> None:
    text = (
        "Ann Merrow and Tomas Vell joined the race in May.\n\n\n"
        "Ann Merrow Image: Kestrel Party.\n\n\n"
        "Tomas VellImage: Tarnwick Times.\n\n\n"
        "Crowds at the rally. Image: Ben Orris."
    )
    names = entity_names(extractor, text)
    assert not any("Image" in name for name in names)
    assert ("Ann Merrow", "PERSON") in typed_names(extractor, text)
    assert ("Tomas Vell", "PERSON") in typed_names(extractor, text)


def test_an_abbreviated_common_phrase_names_a_notion_not_a_body(extractor) -> None:
    text = (
        "Kestrel OS 4's Final Support Date (FSD) moved to May. Users complained on Open Message "
        "Chat (OMC) and Reddit. Ann Merrow argued for Flat Land Tax (FLT) in Tarnwick."
    )
    names = entity_names(extractor, text)
    for notion in ("Final Support Date", "FSD", "Open Message Chat", "Flat Land Tax", "FLT"):
        assert notion not in names


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        pytest.param(
            (
                "The Kestrel Relief Team (KRT) arrived on Monday. Kestrel Welle (KW) reported "
                "the floods. Council of Tarnwick Towns (COTT) members met."
            ),
            {
                ("Kestrel Relief Team", "ORG"),
                ("Kestrel Welle", "ORG"),
                ("Council of Tarnwick Towns", "ORG"),
            },
            set(),
            id="an_abbreviated_body_keeps_its_type",
        ),
        pytest.param(
            (
                "Officials of the Kestrel Nations Educational, Social and Farming Agency (KNESFA) met "
                "in Tarnwick on Monday. KNESFA said the school would reopen."
            ),
            {("Kestrel Nations Educational, Social and Farming Agency", "ORG")},
            {"Social and Farming Agency"},
            id="a_body_spelt_out_with_a_comma_before_its_abbreviation_is_one_body",
        ),
        pytest.param(
            (
                "The Tarnwick team used quartz-assisted flow spectroscopy (QAFS) on the bones. QAFS "
                "showed the age. Patients with a high soil iron ratio (SIR) were excluded; the SIR "
                "was read twice. Readers of Notes from Kestrel (NFK) saw the study."
            ),
            {("NFK", "ORG")},
            {"QAFS", "SIR"},
            id="an_abbreviation_of_lower_case_words_is_a_term_not_a_body",
        ),
        pytest.param(
            "IM Ann Merrow beat WGM Mary Kells in Tarnwick. Merrow studies in Kestrel.",
            {("Ann Merrow", "PERSON"), ("Mary Kells", "PERSON")},
            set(),
            id="a_chess_title_is_no_part_of_the_players_name",
        ),
        pytest.param(
            "In Greater Melbourne at the census, most residents were born abroad.",
            {("Greater Melbourne", "PLACE")},
            {"Greater"},
            id="greater_before_a_known_place_names_its_metropolitan_area",
        ),
        pytest.param(
            (
                "On Monday, Adrian Vellacott, US sports writer for the Tarnwick Times, wrote about "
                "the game. Crowds gathered in Croydon, South London."
            ),
            {("Adrian Vellacott", "PERSON"), ("Croydon", "PLACE")},
            set(),
            id="a_person_before_a_comma_and_a_country_is_no_place",
        ),
        pytest.param(
            (
                "Kestria's Flood and Fire Management Presidency reported the damage on Monday. The "
                "Presidency said more would follow."
            ),
            {("Flood and Fire Management Presidency", "ORG")},
            {"Presidency"},
            id="a_body_named_presidency_is_whole_and_the_presidency_alone_is_no_one",
        ),
        pytest.param(
            "The QZV, 30 years after its founding, said on Monday it would close.",
            {("QZV", "ORG")},
            set(),
            id="an_abbreviation_before_a_comma_and_a_number_still_names_a_body",
        ),
        # r11 review §2: "written in" names software only for a language or beside a software word
        pytest.param(
            (
                "The letter was written in Mariupol in April, and Mariupol officials kept it. The song "
                "was written in Geelong before the band left Geelong. Its app is written in Rust."
            ),
            {("Mariupol", "PLACE"), ("Geelong", "PLACE")},
            {"Rust"},
            id="written_in_a_place_stays_a_place_without_software_in_the_sentence",
        ),
    ],
)
def test_names_are_found_with_their_types(extractor, text, found, absent) -> None:
    check_names(extractor, text, found, absent)


def test_software_and_hardware_are_neither_places_nor_people(extractor) -> None:
    text = (
        "Kestrel Labs sponsors the Vorlix operating system. Work first took place in Vorlix. "
        "The tool is written in Quarn, and its Tesslo-based modding API runs on Brindle-based "
        "processors in Tarnwick, Ann Merrow said."
    )
    names = entity_names(extractor, text)
    for product in ("Vorlix", "Quarn", "Tesslo", "Brindle"):
        assert product not in names
    assert ("Ann Merrow", "PERSON") in typed_names(extractor, text)


def test_a_licence_named_after_general_is_no_person_and_no_body(extractor) -> None:
    text = "The tool ships under the KSL General Public License 3.0, Ann Merrow said."
    names = entity_names(extractor, text)
    assert not any("License" in name or name == "KSL" for name in names)
    assert ("Ann Merrow", "PERSON") in typed_names(extractor, text)


def test_a_plural_office_alone_names_no_one(extractor) -> None:
    text = (
        "He sat through the hearings of two Presidents, Tomas Vell and Ann Merrow. The list "
        "named Senators Mary Kells and John Marrin."
    )
    names = entity_names(extractor, text)
    assert "Presidents" not in names and "Senators" not in names
    assert ("Mary Kells", "PERSON") in typed_names(extractor, text)


def test_a_name_ending_in_a_things_word_is_no_person(extractor) -> None:
    text = (
        "The Nancy Orrin Space Telescope launched in May. Tomas Vell flew on Kestrel One to "
        "Tarnwick, Ann Merrow said."
    )
    names = entity_names(extractor, text)
    assert "Nancy Orrin Space Telescope" not in {
        n for n, t in typed_names(extractor, text) if t == "PERSON"
    }
    assert "Kestrel One" not in names
    assert ("Tomas Vell", "PERSON") in typed_names(extractor, text)


def test_a_handle_is_no_name_and_no_lower_case_use_of_a_word(extractor) -> None:
    text = (
        'The site Quillo blocked the tool on Monday. "Thanks @quillo for nothing," one user '
        "wrote. Quillo also said it would review the case. Ann Merrow runs the blog TARN@QUILL."
    )
    quillo = [e for e in extractor.analyse(text).entities if e.name == "Quillo"]
    assert quillo and len(quillo[0].mentions) == 2  # "Quillo also said": a mention
    assert "QUILL" not in entity_names(extractor, text)
    assert ("Ann Merrow", "PERSON") in typed_names(extractor, text)


def test_a_word_named_often_and_once_after_in_is_no_place(extractor) -> None:
    text = (
        "Vorlix is a sandbox game. Ann Merrow started Vorlix in 2010. Vorlix grew fast, and "
        "Vorlix now has mods. Players build houses in Vorlix. Merrow said Vorlix is free."
    )
    assert "Vorlix" not in entity_names(extractor, text)
    text = "Ann Merrow lives in Tarnwick. The Tarnwick council met on Monday."
    assert ("Tarnwick", "PLACE") in typed_names(extractor, text)


def test_a_place_before_based_and_a_firms_noun_stays_a_place(extractor) -> None:
    # r11 review §2: "-based" before a firm's noun is the commonest place cue in news
    text = (
        "The Kaohsiung-based chip maker said output in Kaohsiung would rise. A Turku-based "
        "software firm hired staff in Turku. The Shenzhen-based smartphone manufacturer "
        "opened a plant outside Shenzhen."
    )
    entities = typed_names(extractor, text)
    for place in ("Kaohsiung", "Turku", "Shenzhen"):
        assert (place, "PLACE") in entities


def test_a_body_named_without_a_head_noun_keeps_its_abbreviation_type(extractor) -> None:
    # r11 review §3: no possessive or verb's "against/on/for" before it, so no notion
    text = (
        "She volunteers with Narcotics Anonymous (NA) in Leeds. Lawyers for Extinction "
        "Rebellion (XR) appealed. Members of Save the Whales (STW) marched. The report was "
        "funded by Global Justice (GJ). He argued against Basic Land Rent (BLR) in May."
    )
    entities = typed_names(extractor, text)
    for body in ("Narcotics Anonymous", "Save the Whales", "Global Justice"):
        assert (body, "ORG") in entities
    assert "Basic Land Rent" not in entity_names(extractor, text)


def test_a_place_opening_with_a_given_name_before_a_country_stays_a_place(extractor) -> None:
    # r11 review §5: the person cue is a role noun or speech verb after ", Country"
    text = (
        "The blaze started near Alice Springs, Australia, on Monday. A plant in Charlotte "
        "Amalie, USA, shut down. Flooding reached Rose Bay, Australia, overnight."
    )
    entities = typed_names(extractor, text)
    for place in ("Alice Springs", "Charlotte Amalie", "Rose Bay"):
        assert (place, "PLACE") in entities
    person = "Mark Hollis, US film critic from Variety, said the cut was poor."
    assert ("Mark Hollis", "PERSON") in typed_names(extractor, person)
