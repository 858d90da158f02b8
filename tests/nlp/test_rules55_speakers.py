"""Rules-55: an official named beside a body is the speaker, not the body (issue 10, round 55).

"US Undersecretary Daniel Frye" is a person under his title, so "Frye dismissed Vale's
remarks. “…”" is his, not the one he answered; "the Harbour Trust spokeswoman said" is the
spokeswoman a sentence before named beside that body ("A spokeswoman for the Harbour Trust,
Mirja Salo, said"), and the body itself when nobody was, or only another body's. The examples
are written for these tests.
"""

from __future__ import annotations

from extracted import quotes_and_speakers


def speaker_of(extractor, text: str, quote_start: str) -> str | None:
    """The speaker given to the quote opening with `quote_start`."""
    found = [s for q, s in quotes_and_speakers(extractor, text) if q.startswith(quote_start)]
    assert found, f"no quote opening {quote_start!r} in {quotes_and_speakers(extractor, text)}"
    return found[0]


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


def test_a_bodys_spokeswoman_named_before_speaks_for_it_later(extractor) -> None:
    named_before = (
        "A spokeswoman for the Harbour Trust, Mirja Salo, said the pier would open in May. "
        "“We have waited long enough for this,” the Harbour Trust spokeswoman said on Friday."
    )
    assert speaker_of(extractor, named_before, "We have waited") == "Mirja Salo"
    titled_before = (
        "Harbour Trust spokeswoman Mirja Salo said the pier would open in May. “We have "
        "waited long enough for this,” the Harbour Trust spokeswoman told the Tromsø Post."
    )
    assert speaker_of(extractor, titled_before, "We have waited") == "Mirja Salo"


def test_the_body_speaks_when_no_one_was_named_in_that_role_for_it(extractor) -> None:
    nobody = (
        "The Harbour Trust met on Thursday. “We have waited long enough for this,” the "
        "Harbour Trust spokeswoman said."
    )
    assert speaker_of(extractor, nobody, "We have waited") == "Harbour Trust"
    another_body = (
        "Fjord Ferries spokeswoman Mirja Salo said the boats were ready. “We have waited long "
        "enough for this,” the Harbour Trust spokeswoman said."
    )
    assert speaker_of(extractor, another_body, "We have waited") == "Harbour Trust"
