"""Rules-55: an official named beside a body is the speaker, not the body (issue 10, round 55).

"US Undersecretary Daniel Frye" is a person under his title, so "Frye dismissed Vale's
remarks. “…”" is his, not the one he answered; "the Harbour Trust spokeswoman said" is the
spokeswoman a sentence before named beside that body ("A spokeswoman for the Harbour Trust,
Mirja Salo, said"), and the body itself when nobody was, or only another body's. The examples
are written for these tests.
"""

from __future__ import annotations

import pytest
from extracted import speaker_of


def test_an_undersecretary_is_a_person_under_his_title(extractor) -> None:
    text = (
        "Kirsten Vale, the opposition leader, called the treaty a surrender.\n\n"
        "US Undersecretary Daniel Frye dismissed Vale's remarks as absurd. "
        '"The treaty protects our farmers and our ports," he told reporters in Oslo.'
    )
    assert speaker_of(extractor, text, "The treaty protects") == "Daniel Frye"
    people = {e.name for e in extractor.analyse(text).entities if e.type == "PERSON"}
    assert "Daniel Frye" in people
    surname_only = (
        "Kirsten Vale, the opposition leader, called the treaty a surrender.\n\n"
        "US Undersecretary Frye dismissed Vale's remarks as absurd. "
        '"The treaty protects our farmers and our ports."'
    )
    assert speaker_of(extractor, surname_only, "The treaty protects") == "Frye"


NAMED_BEFORE = (
    "A spokeswoman for the Harbour Trust, Mirja Salo, said the pier would open in May. "
    "“We have waited long enough for this,” the Harbour Trust spokeswoman said on Friday."
)
TITLED_BEFORE = (
    "Harbour Trust spokeswoman Mirja Salo said the pier would open in May. “We have waited "
    "long enough for this,” the Harbour Trust spokeswoman told the Tromsø Post."
)
NOBODY = (
    "The Harbour Trust met on Thursday. “We have waited long enough for this,” the Harbour "
    "Trust spokeswoman said."
)
ANOTHER_BODY = (
    "Fjord Ferries spokeswoman Mirja Salo said the boats were ready. “We have waited long "
    "enough for this,” the Harbour Trust spokeswoman said."
)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (NAMED_BEFORE, "Mirja Salo"),  # the role's holder named beside that body before
        (TITLED_BEFORE, "Mirja Salo"),
        (NOBODY, "Harbour Trust"),  # nobody named in that role: the body speaks
        (ANOTHER_BODY, "Harbour Trust"),  # only another body's spokeswoman named
    ],
)
def test_a_bodys_spokeswoman_is_the_one_named_so_before_else_the_body(
    extractor, text: str, speaker: str
) -> None:
    assert speaker_of(extractor, text, "We have waited") == speaker
