"""Round 35 (review r35 N2): a nameless inverted subject placed by a person ("screamed
protesters outside the office of Senator X") is nobody's, but a text or a spokesperson "from" or
"of" a titled person still names whose words they are."""

from __future__ import annotations

import pytest
from extracted import speakers as _speakers


@pytest.mark.parametrize(
    "credit",
    [
        "said a statement from Senator Ines Varga",
        "said an email from Governor Ines Varga",
        "said a spokeswoman for the office of Senator Ines Varga",
        "said a statement on behalf of Senator Ines Varga",
    ],
)
def test_a_text_or_spokesperson_from_a_titled_person_is_theirs(extractor, credit) -> None:
    assert _speakers(extractor, f'"The port stays shut," {credit}.') == ["Ines Varga"]


def test_a_crowd_placed_by_a_titled_person_is_still_nobody(extractor) -> None:
    text = '"Shut the port," shouted dockers outside the office of Senator Ines Varga.'
    assert _speakers(extractor, text) == [None]
