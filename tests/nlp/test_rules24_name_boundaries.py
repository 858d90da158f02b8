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
