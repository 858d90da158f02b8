"""People, places and groups of rules-21 (issue 10): name and type classes found on the readable
Wikinews sets, each pinned by invented sentences (no article text)."""

from __future__ import annotations

import pytest
from extracted import check_names


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Federal Liberal MP Dara Quill said the levy would pass.", "Liberal"),
        ("Ossie Brandt, a Democratic state senator from Elmford, voted against.", "Democratic"),
        ("Democratic leaders in the Senate met on Tuesday.", "Democratic"),
        ("Ivo Renner, the Liberal Democrat spokesman, called it a mistake.", "Liberal Democrat"),
    ],
)
def test_a_party_adjective_for_its_people_is_a_group(extractor, text, group) -> None:
    check_names(extractor, text, [(group, "GROUP")], [(group, "ORG"), (group, "PERSON")])


def test_a_party_adjective_inside_a_longer_name_is_that_name(extractor) -> None:
    text = (
        "The Democratic Unionist Party of Calder objected. The Liberal Democrats of Brennick "
        "abstained, and the League for a Liberal Tomorrow marched."
    )
    check_names(
        extractor,
        text,
        [("Democratic Unionist Party of Calder", "ORG"), ("League for a Liberal Tomorrow", "ORG")],
        ["Democratic", "Liberal", "Liberal Democrat"],
    )
