"""Entity rules added in rules-3: dates, post-nominals, joined names, short forms, typing by cues."""

from __future__ import annotations

import pytest
from extracted import type_by_name


def test_weekdays_and_months_are_never_entities(extractor) -> None:
    text = (
        "Hull beat Leeds on Friday, Grimsby on Sunday. In August, Parliament returned. "
        "The hearing at the Crown Court on Wednesday was short."
    )
    found = type_by_name(extractor, text)
    assert not {"Friday", "Sunday", "August", "Wednesday"} & set(found)
    assert found.get("Crown Court") == "ORG"


def test_post_nominal_letters_are_dropped_and_mark_a_person(extractor) -> None:
    text = "The appeal was argued by Harriet Quellington KC and opposed by Osric Pembleton MP."
    found = type_by_name(extractor, text)
    assert found.get("Harriet Quellington") == "PERSON"
    assert found.get("Osric Pembleton") == "PERSON"
    assert not any(name.endswith((" KC", " MP")) for name in found)


def test_organisation_named_after_a_list_of_fields_stays_whole(extractor) -> None:
    text = "A letter from the Department for Energy, Trade and Farming was leaked."
    assert type_by_name(extractor, text) == {"Department for Energy, Trade and Farming": "ORG"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Staff at the Royal College of Music & Drama and at Fenwick & Daughters went on strike.",
            {"Royal College of Music & Drama": "ORG", "Fenwick & Daughters": "ORG"},
            id="ampersand_joins_an_organisation_name",
        ),
        pytest.param(
            "Salma Idris, a lecturer at the British University in Dubai, disagreed.",
            {"British University in Dubai": "ORG"},
            id="nationality_university_keeps_its_city",
        ),
        pytest.param(
            "The firm’s chief spokesperson, Tiberiu Vasko, said sales were steady.",
            {"Tiberiu Vasko": "PERSON"},
            id="role_appositive_before_a_comma_marks_a_person",
        ),
        pytest.param(
            "Okafor thanked the volunteers on X, writing that they had saved lives.",
            {"X": "ORG"},
            id="one_letter_platform_before_writing",
        ),
    ],
)
def test_these_names_are_found_with_these_types(extractor, text, expected) -> None:
    found = type_by_name(extractor, text)
    assert {name: found.get(name) for name in expected} == expected


def test_and_name_with_an_organisation_appositive_is_one_organisation(extractor) -> None:
    text = (
        "The mayor relied on Bread and Roses, a small socialist party. "
        "A leader of Bread and Roses welcomed the result."
    )
    assert type_by_name(extractor, text) == {"Bread and Roses": "ORG"}


def test_foreign_name_with_particles_stays_whole(extractor) -> None:
    text = "Researchers at the Institut de Recherche en Biologie de la Mer published the data."
    assert type_by_name(extractor, text) == {"Institut de Recherche en Biologie de la Mer": "ORG"}


def test_plural_possessive_inside_an_organisation_name(extractor) -> None:
    text = "Members of the Northfield Nurses’ Union voted to strike."
    assert type_by_name(extractor, text) == {"Northfield Nurses’ Union": "ORG"}


def test_capital_the_mid_sentence_names_a_publication(extractor) -> None:
    text = "The findings appeared in The Quarrybank Courier last week."
    assert type_by_name(extractor, text) == {"The Quarrybank Courier": "ORG"}


def test_capital_the_inside_quotation_marks_is_a_title_of_a_work(extractor) -> None:
    text = "She starred in “The Glassmaker” in 2019."
    assert "The Glassmaker" not in type_by_name(extractor, text)


def test_ministerial_brief_is_not_the_party_of_that_name(extractor) -> None:
    text = "According to Labour Minister Ines Carvalho, the talks will resume."
    assert type_by_name(extractor, text) == {"Ines Carvalho": "PERSON"}


def test_unknown_two_word_names_need_a_person_cue(extractor) -> None:
    text = (
        "Output at Kessock Vale fell, while Brindle Oakes, 47, said the plant was safe. "
        "Operations moved to Dunmore Flats."
    )
    found = type_by_name(extractor, text)
    assert found.get("Brindle Oakes") == "PERSON"
    assert found.get("Kessock Vale", "PLACE") != "PERSON"
    assert found.get("Dunmore Flats", "PLACE") != "PERSON"


def test_unknown_name_after_in_is_a_place(extractor) -> None:
    text = "Residents in Marrow Heath were evacuated."
    assert type_by_name(extractor, text) == {"Marrow Heath": "PLACE"}


def test_untyped_names_listed_after_at_are_places(extractor) -> None:
    text = "The council will close the offices at Brackley, Toddington and Wemsford next year."
    found = type_by_name(extractor, text)
    assert {found.get(n) for n in ("Brackley", "Toddington", "Wemsford")} == {"PLACE"}


def test_languages_are_not_places(extractor) -> None:
    text = "The film is narrated in Swahili and in Amharic."
    found = type_by_name(extractor, text)
    assert found.get("Swahili") != "PLACE" and found.get("Amharic") != "PLACE"


def test_defined_acronym_merges_with_its_full_name(extractor) -> None:
    text = "The Pacific Islands Forum (PIF) met in Suva. A PIF envoy said the PIF’s plan was ready."
    found = type_by_name(extractor, text)
    assert found.get("Pacific Islands Forum") == "ORG"
    assert "PIF" not in found


def test_leading_part_of_a_longer_organisation_name_merges(extractor) -> None:
    text = "The vaccine is made by the Meridian Institute of Ghana. The Meridian Institute said so."
    analysis = extractor.analyse(text)
    names = [e.name for e in analysis.entities if e.type == "ORG"]
    assert names == ["Meridian Institute of Ghana"]
    assert analysis.quotes == ()


def test_hyphenated_surname_alone_merges_with_the_full_name(extractor) -> None:
    text = "Mathilde Rouvier-Lasalle won the race. Rouvier-Lasalle, who is 19, smiled."
    people = [e for e in extractor.analyse(text).entities if e.type == "PERSON"]
    assert [(p.name, len(p.mentions)) for p in people] == [("Mathilde Rouvier-Lasalle", 2)]


def test_shared_surname_alone_means_the_person_introduced_first(extractor) -> None:
    text = (
        "Layla Mansour opened the bakery in 2015, helped by her son, Omar Mansour. "
        "Mansour still bakes every morning."
    )
    people = {e.name: len(e.mentions) for e in extractor.analyse(text).entities}
    assert people == {"Layla Mansour": 2, "Omar Mansour": 1}
