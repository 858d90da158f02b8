"""Entity types of rules-19 (issue 10): error classes found on the readable Wikinews sets and
the shared unannotated articles, each pinned by invented sentences."""

from __future__ import annotations

import pytest
from extracted import check_names


@pytest.mark.parametrize(
    ("text", "found", "absent"),
    [
        (
            "The deal split the Greens, the Liberals and the Nationals in the upper house.",
            [("Greens", "GROUP"), ("Liberals", "GROUP"), ("Nationals", "GROUP")],
            [("Greens", "ORG"), ("Liberals", "ORG"), ("Nationals", "ORG")],
        ),
        (
            "When she sat with the Conservatives she backed the Tories' budget.",
            [("Conservatives", "GROUP")],
            [("Conservatives", "ORG")],
        ),
        (  # the party itself stays a body beside its members
            "The Conservative Party chose a leader. Many Conservatives were glad.",
            [("Conservative Party", "ORG"), ("Conservatives", "GROUP")],
            [],
        ),
    ],
)
def test_a_party_named_by_its_members_plural_is_a_group(extractor, text, found, absent) -> None:
    check_names(extractor, text, found, absent)


def test_a_known_place_before_a_party_plural_names_its_branch(extractor) -> None:
    text = "The Kent Greens and the Ontario Liberals backed the plan."
    check_names(extractor, text, [("Ontario Liberals", "ORG")], [("Liberals", "GROUP")])
