"""Speaker classes of rules-8 read on real reporting (issue 10): each pinned by invented examples."""

from __future__ import annotations

import pytest
from extracted import quotes_and_speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An unnamed speaker described with where they are: the place is not the speaker.
        pytest.param(
            (
                "Locals in Kibera protested. “We marched last year and we will march again,” said a "
                "24-year-old student from Kibera, who did not want to be named."
            ),
            [("We marched last year and we will march again,", None)],
            id="a_speaker_left_unnamed_is_not_the_place_they_come_from",
        ),
        pytest.param(
            "An official from TfL stated: “We are working with the police.”",
            [("We are working with the police.", "TfL")],
            id="an_official_from_a_body_still_speaks_for_it",
        ),
        pytest.param(
            (
                "Halvard Brekke opened the mill. One worker, a welder from Kibera who asked not "
                "to be identified, said she had lost her job. “I only found out from the radio,” she said."
            ),
            [("I only found out from the radio,", None)],
            id="she_after_an_unnamed_woman_from_a_place_is_unnamed",
        ),
        # A pronoun after a sentence whose subject is a description: the role's holder, or nobody.
        pytest.param(
            (
                "“Prices will rise again,” said cooperative boss Halvard Brekke. Trade envoy Piet "
                "Ahlgren visited the mill on Monday. "
                "The cooperative boss said that costs would stay high. “Margins will be thin for a "
                "year,” he noted."
            ),
            [
                ("Prices will rise again,", "Halvard Brekke"),
                ("Margins will be thin for a year,", "Halvard Brekke"),
            ],
            id="he_after_the_role_named_earlier_is_the_roles_holder",
        ),
        # The wrong name in the attribution clause: an outlet told, a place talked about.
        pytest.param(
            (
                "Minister Oskar Lindqvist rejected the claim. “Spending is at a record high,” he told "
                "RTÉ on Thursday, accusing the universities of “cherry-picking one programme” for politics."
            ),
            [
                ("Spending is at a record high,", "Oskar Lindqvist"),
                ("cherry-picking one programme", "Oskar Lindqvist"),
            ],
            id="a_participle_after_told_an_outlet_is_the_tellers",
        ),
        pytest.param(
            "The man focused especially on Australia, saying: “You will be our next target.”",
            [("You will be our next target.", None)],
            id="a_place_talked_about_before_saying_is_not_the_speaker",
        ),
        # Role nouns and descriptions resolved to the person or body named earlier in that role.
        pytest.param(
            (
                "Halden Pharmaceuticals said it had traced the fault. A company spokesman said the firm "
                "was “deeply sorry for the worry this will cause” and would pay."
            ),
            [("deeply sorry for the worry this will cause", "Halden Pharmaceuticals")],
            id="a_company_spokesman_speaks_for_the_company_just_named",
        ),
        pytest.param(
            (
                "Carlos Alcaraz won on Sunday. The 21-year-old Spaniard, who grew up in Murcia, said "
                "afterwards that he had felt “completely at home on this court from the first point”."
            ),
            [("completely at home on this court from the first point", "Carlos Alcaraz")],
            id="a_described_subject_before_a_relative_clause_is_the_person_described",
        ),
        pytest.param(
            (
                "Civil Aviation Minister Hardeep Puri said 18 people died. The local health minister "
                "said, “The injured have been rushed to hospital.”"
            ),
            [("The injured have been rushed to hospital.", None)],
            id="a_role_with_another_qualifier_is_not_the_earlier_holder",
        ),
        # Less common attribution frames: "in the words of", "believes", "regards … as".
        pytest.param(
            (
                "Her skin broke, and in the words of the Crown prosecutor, Mark Tedeschi, QC, “Gloria "
                "spent months crying and scratching.”"
            ),
            [("Gloria spent months crying and scratching.", "Mark Tedeschi")],
            id="in_the_words_of_a_role_then_its_name_is_that_person",
        ),
        pytest.param(
            (
                'Mayor Ingrid Solvang said a compulsory curfew could be "inevitable" and that she was '
                "considering it."
            ),
            [("inevitable", "Ingrid Solvang")],
            id="a_fragment_in_a_clause_opening_with_a_is_the_speakers",
        ),
        # An outlet after a quote that closed its sentence opens the next statement; it is not the speaker.
        pytest.param(
            (
                'Director Ingrid Solvang said the plan was "not part of some disinformation campaign." '
                "According to The Harrowgate Post, officials warned the board last year."
            ),
            [("not part of some disinformation campaign.", "Ingrid Solvang")],
            id="according_to_after_a_closed_quote_does_not_name_its_speaker",
        ),
        # An interview paragraph after a sentence about one person that quotes a fragment is hers.
        pytest.param(
            (
                "Rania Haddad opened her restaurant in 2019.\n\n"
                "Haddad bristles at talk of “elevating” Lebanese food.\n\n"
                "“My grandmother’s food does not need elevating. It was already at the top.”"
            ),
            [
                (
                    "My grandmother’s food does not need elevating. It was already at the top.",
                    "Rania Haddad",
                )
            ],
            id="a_quote_paragraph_after_a_sentence_with_a_fragment_is_the_persons",
        ),
    ],
)
def test_the_quotes_and_their_speakers_are(extractor, text, expected) -> None:
    assert quotes_and_speakers(extractor, text) == expected


def test_an_unnamed_official_in_a_city_or_of_a_country_is_unnamed(extractor) -> None:
    text = "“We are choosing which children to feed,” one senior aid official in Port Sudan said."
    assert quotes_and_speakers(extractor, text) == [
        ("We are choosing which children to feed,", None)
    ]
    text = "“Anyone trading with them will think again,” said an unnamed U.S. official."
    assert quotes_and_speakers(extractor, text) == [
        ("Anyone trading with them will think again,", None)
    ]


def test_he_after_an_unnamed_man_is_not_an_earlier_name(extractor) -> None:
    text = (
        "Police said Halvard Brekke had fled. The masked man on the video said that “you "
        "will feel our anger.” He continued, “You will be the target of our next protest.”"
    )
    assert [speaker for _, speaker in quotes_and_speakers(extractor, text)] == [None, None]


def test_believes_and_regards_as_attribute_a_quotation(extractor) -> None:
    text = (
        "Mayor Doug Leeper spoke. Leeper regards that as “the cutting-edge part of our ordinance”."
    )
    assert quotes_and_speakers(extractor, text) == [
        ("the cutting-edge part of our ordinance", "Doug Leeper")
    ]
    text = (
        "Jolie Carver, an attorney in San Jose, believes “Lenders will respond when it costs less.”"
    )
    assert quotes_and_speakers(extractor, text) == [
        ("Lenders will respond when it costs less.", "Jolie Carver")
    ]


# Short attributed quotes inside reported speech: more verbs, and a clause opening with "a".
def test_a_fragment_after_declared_or_ruled_that_is_the_subjects(extractor) -> None:
    text = (
        'The Harrowgate Guard Corps (HGC) declared that the captain was "martyred" by the strike.'
    )
    assert quotes_and_speakers(extractor, text) == [("martyred", "Harrowgate Guard Corps")]
    text = 'Yesterday the Harrowgate Court ruled that the order was "irrational and unlawful".'
    assert quotes_and_speakers(extractor, text) == [("irrational and unlawful", "Harrowgate Court")]
