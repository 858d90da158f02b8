"""Rules-55: an electoral seat named by its number is no place, a known office opening a
paragraph keeps the person named after it, and a body's letters joined by "and" to another body
are two bodies (issue 10; user test r54).

"Maryland's 7th Congressional District" listed the place "Congressional District"; a paragraph
opening "UN High Commissioner for Human Rights Navi Pillay stated …" was read as a transcript's
initials ("UN") before an answer, and the person was lost; "SCIRI and BADR Corps" was one body.
"""

from __future__ import annotations

from extracted import check_names, entity_names, person_names

from newstui.nlp import Extractor


def test_a_numbered_congressional_district_is_no_place(extractor: Extractor) -> None:
    text = (
        "Dana Whitlow represented Maryland's 7th Congressional District for ten years. When "
        "Ann Quarrie of Ohio's seventh Congressional District resigned, the 12th Assembly "
        "District in New York held a vote too."
    )
    check_names(
        extractor,
        text,
        found=[("Maryland", "PLACE"), ("Ohio", "PLACE"), ("New York", "PLACE")],
        absent=["Congressional District", "Assembly District"],
    )


def test_the_state_after_a_numbered_district_is_still_a_place(extractor: Extractor) -> None:
    names = entity_names(extractor, "She represents the 23rd Congressional District of Texas.")
    assert names == {"Texas"}


def test_a_district_with_no_number_keeps_its_name(extractor: Extractor) -> None:
    text = "The District of Columbia voted. The Congressional Budget Office said costs rose."
    check_names(
        extractor,
        text,
        found=[("District of Columbia", "PLACE"), ("Congressional Budget Office", "ORG")],
    )


def test_a_known_office_opening_a_paragraph_keeps_the_person_after_it(
    extractor: Extractor,
) -> None:
    text = (
        "Shelling went on overnight.\n\nUN High Commissioner for Human Rights Navi Torrell "
        "stated that the attacks must stop. Torrell praised the ceasefire.\n\nEU High "
        "Representative for Foreign Affairs Catherine Oyelaran said the talks would resume."
    )
    assert {"Navi Torrell", "Catherine Oyelaran"} <= person_names(extractor, text)


def test_an_interviewees_initials_before_an_answer_are_still_no_body(
    extractor: Extractor,
) -> None:
    text = "Q: Did the plan work?\nMS Although we used the old system, it worked."
    assert not entity_names(extractor, text)


def test_a_bodys_letters_and_another_body_are_two_bodies(extractor: Extractor) -> None:
    text = (
        "Politics in the province is influenced by KVRA and Tallis Corps, the report said. The "
        "FBI and Department of Water Safety said nothing."
    )
    check_names(
        extractor,
        text,
        found=[
            ("KVRA", "ORG"),
            ("Tallis Corps", "ORG"),
            ("FBI", "ORG"),
            ("Department of Water Safety", "ORG"),
        ],
        absent=["KVRA and Tallis Corps", "FBI and Department of Water Safety"],
    )


def test_words_joined_by_and_before_a_bodys_word_stay_one_body(extractor: Extractor) -> None:
    text = "The Research and Development Corps was founded in Kelmouth in 1990."
    assert ("Research and Development Corps", "ORG") in {
        (e.name, e.type) for e in extractor.analyse(text).entities
    }
