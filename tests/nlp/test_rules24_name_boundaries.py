"""Name boundaries of rules-24 (issue 10): where a name starts and ends, found on the readable
Wikinews sets, each pinned by invented sentences (no article text)."""

from __future__ import annotations

import pytest
from extracted import check_names


@pytest.mark.parametrize(
    ("text", "name", "parts"),
    [
        (
            "The order came from the Tourism and Islamic Heritage Ministry on Sunday.",
            "Tourism and Islamic Heritage Ministry",
            ["Tourism", "Islamic Heritage Ministry"],
        ),
        (
            "An official at the Ministry of Tourism and Islamic Heritage confirmed the ban.",
            "Ministry of Tourism and Islamic Heritage",
            ["Ministry of Tourism", "Islamic Heritage"],
        ),
        (
            "The Office of Trade and African Development will review the bid.",
            "Office of Trade and African Development",
            ["Office of Trade", "African Development"],
        ),
    ],
)
def test_a_faith_or_nationality_after_and_inside_a_body_keeps_the_body_whole(
    extractor, text, name, parts
) -> None:
    check_names(extractor, text, [(name, "ORG")], absent=parts)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Dutch and German Police Forces met in Utrecht.",
            [("German Police Forces", "ORG")],
        ),
        (
            "Talks between the Liberal and Islamic Action Front parties failed.",
            [("Islamic Action Front", "ORG")],
        ),
        (
            "Kelmouth and French Polynesia signed a fishing deal.",
            [("French Polynesia", "PLACE")],
        ),
    ],
)
def test_a_known_name_before_and_keeps_two_names_apart(extractor, text, found) -> None:
    check_names(extractor, text, found, absent=[text.split(" met")[0].split(" signed")[0]])


@pytest.mark.parametrize(
    ("text", "name", "parts"),
    [
        (
            "Members of the Painting, Glazing and Roofing Union walked out on Friday.",
            "Painting, Glazing and Roofing Union",
            ["Painting", "Glazing", "Glazing and Roofing Union"],
        ),
        (
            "The Textile, Clothing, Footwear and Leather Federation backed the plan.",
            "Textile, Clothing, Footwear and Leather Federation",
            ["Textile", "Clothing", "Footwear and Leather Federation"],
        ),
    ],
)
def test_single_words_listed_with_commas_open_one_body_after_the(
    extractor, text, name, parts
) -> None:
    check_names(extractor, text, [(name, "ORG")], absent=parts)


def test_known_names_listed_before_a_body_stay_names_of_their_own(extractor) -> None:
    text = "Envoys of the Kenya, Uganda and Tanzania Council met in Arusha."
    check_names(
        extractor, text, [("Kenya", "PLACE")], absent=["Kenya, Uganda and Tanzania Council"]
    )


def test_a_list_without_the_is_no_body_name(extractor) -> None:
    text = "The reporter spoke to Harrow, Brent and Ealing Council officials."
    check_names(extractor, text, absent=["Harrow, Brent and Ealing Council"])


def test_a_name_glued_after_a_peoples_body_is_a_person_named_again_alone(extractor) -> None:
    text = (
        "According to the Kenyan News Agency Wanjiru Otieno, a blogger, may be charged. "
        "The case against Wanjiru opens in June."
    )
    check_names(
        extractor,
        text,
        [("Kenyan News Agency", "ORG"), ("Wanjiru Otieno", "PERSON")],
        absent=["News Agency", ("Kenyan", "GROUP")],
    )


def test_words_after_a_peoples_body_named_nowhere_else_stay_as_before(extractor) -> None:
    text = "According to the Kenyan News Agency Wanjiru Otieno, a blogger, may be charged."
    check_names(extractor, text, [("Wanjiru Otieno", "PERSON")])
