"""Review r38 A1 of 6f324568: a count after a listed place or party in a list ("led by Germany,
12, and France, 9") is no person's age; "Hamilton, 38, is" still is."""

import pytest

from newstui.nlp import get_extractor


def _types(text: str) -> dict[str, str]:
    return {e.name: str(e.type) for e in get_extractor("rules").analyse(text).entities}


@pytest.mark.parametrize(
    "text, name, kind",
    [
        (
            "The medal table is led by Germany, 12, and France, 9, after four days.",
            "Germany",
            "PLACE",
        ),
        ("Cases rose most in Texas, 120, and Florida, 98, over the week.", "Texas", "PLACE"),
        ("The seats went to Labour, 412, and the Conservatives, 165.", "Labour", "ORG"),
        ("Hamilton, 38, is a seven-time world champion.", "Hamilton", "PERSON"),
    ],
)
def test_a_count_in_a_list_is_no_age(text: str, name: str, kind: str) -> None:
    assert _types(text).get(name) == kind
