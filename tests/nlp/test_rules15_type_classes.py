"""Entity types decided by whole-article evidence (issue 10, rules-15): general mechanisms found
by breaking every dev-set error down by class, each pinned by invented examples."""

from __future__ import annotations

import pytest
from extracted import check_names, names_of_type

from newstui.nlp.entities import Candidate, merge_candidates


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        pytest.param(
            (
                "The band played with Roke Hudsley in 1970. After a long illness, Hudsley's voice gave out."
            ),
            {("Roke Hudsley", "PERSON")},
            set(),
            id="a_full_name_taken_up_by_its_surname_alone_is_a_person",
        ),
        pytest.param(
            (
                "In 2005 the panel dropped the case against Tavrel Ould Minsa. Couch said that he "
                "suspected Minsa had helped."
            ),
            {("Tavrel Ould Minsa", "PERSON")},
            set(),
            id="a_surname_alone_confirms_a_name_with_a_particle",
        ),
        pytest.param(
            'Tom Corner scored twice. "We deserved this," said Corner.',
            {("Tom Corner", "PERSON")},
            set(),
            id="a_surname_that_is_also_a_street_word_stays_a_person",
        ),
        pytest.param(
            "Second place went to Ababi Tolosse. Tolosse trained in Addis Ababa.",
            set(),
            {"Ababi Tolosse"},
            id="a_last_word_opening_sentences_only_confirms_nobody",
        ),
        pytest.param(
            "The herd was moved to the Kessin Ranch near the Pell River Reservation, and police "
            "guarded the Vanten Mansion.",
            {
                ("Kessin Ranch", "PLACE"),
                ("Pell River Reservation", "PLACE"),
                ("Vanten Mansion", "PLACE"),
            },
            set(),
            id="a_name_ending_in_a_site_word_is_a_place",
        ),
        pytest.param(
            "Morris co-owns Carvell Apparel, a vintage shop. The hotel will join the Tessing Hotels "
            "group, and the Brannock Diamonds mine closed. The Orrin Hand Commando said it was not "
            "involved, according to the Lorne Violence Archive. Later, Pacific Star Wrestling "
            "signed her.",
            {
                ("Carvell Apparel", "ORG"),
                ("Tessing Hotels", "ORG"),
                ("Brannock Diamonds", "ORG"),
                ("Orrin Hand Commando", "ORG"),
                ("Lorne Violence Archive", "ORG"),
                ("Pacific Star Wrestling", "ORG"),
            },
            set(),
            id="a_name_ending_in_a_business_or_group_word_is_an_organisation",
        ),
    ],
)
def test_names_are_found_with_their_types(extractor, text, found, absent) -> None:
    check_names(extractor, text, found, absent)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Crowds gathered at Tarn Vellow on Friday, and the square at Vellow was full.",
            id="a_last_word_after_a_preposition_of_place_is_no_surname",
        ),
        pytest.param(
            "Heavy rain hit Doruk Valesi overnight. Roads to Valesi were closed and power was cut.",
            id="a_last_word_after_to_or_from_is_no_surname",
        ),
    ],
)
def test_no_person_is_found_in(extractor, text) -> None:
    assert names_of_type(extractor, text, "PERSON") == set()


def test_a_last_word_that_ends_another_capitalised_run_is_no_surname() -> None:
    # "Wikimedia Commons" after "Creative Commons": the lone "Commons" is what is left of a
    # longer run, not the name taken up alone.
    text = "Films under the Bravik Tolley scheme were shown. Videos on Wikimedia Tolley are shared."
    full = text.index("Bravik Tolley")
    lone = text.index("Tolley are")
    candidates = [
        Candidate(full, full + len("Bravik Tolley"), "Bravik Tolley", 2, "PERSON", 0),
        Candidate(lone, lone + len("Tolley"), "Tolley", 1),
    ]
    assert merge_candidates(candidates, text) == []
