"""Rules-53: speakers a reader sees named that the rules missed (issue 10; user test r53 MED-4,
LOW-2).

A role with no article opening the sentence ("Spokesman for the ministry, Ann Lee, made the
statement:") names the one set off by commas after it; a possessive owner with a nationality
before the role ("said Moss's Kenyan counterpart, Ann Lee") is not the speaker, the name after
the role is; the second half of a quotation split by its credit ("“…,” reads an Acme press
release, “…”") keeps the credit of the first half; a court's summary, ruling or judgment
speaks for the article's one court; a straight closing mark after a nested quotation and a
plain space ("…I'm a drummer' ", he recalled") closes the quotation. The examples are written
for these tests.
"""

from __future__ import annotations

from extracted import quotes_and_speakers


def speaker_of(extractor, text: str, quote_start: str) -> str | None:
    """The speaker given to the quote opening with `quote_start`."""
    found = [s for q, s in quotes_and_speakers(extractor, text) if q.startswith(quote_start)]
    assert found, f"no quote opening {quote_start!r} in {quotes_and_speakers(extractor, text)}"
    return found[0]


def test_a_bare_role_opening_the_sentence_names_the_one_after_it(extractor) -> None:
    text = (
        "The ferry sank on Lake Varo on Tuesday. Spokesman for the government, Peter Hallam, "
        'made the statement on Thursday: "It is with deep sorrow that we confirm the deaths '
        'of forty passengers."'
    )
    assert speaker_of(extractor, text, "It is with deep sorrow") == "Peter Hallam"


def test_an_opening_phrase_with_no_role_names_no_subject(extractor) -> None:
    # "Asked about the minister, Peter Hallam, …" holds no role word: Hallam is the one asked
    # about, not the subject of "made the statement"
    text = (
        "The ferry sank on Lake Varo on Tuesday. Asked about the minister, Peter Hallam, the "
        'mayor made the statement on Thursday: "It is with deep sorrow that we confirm the '
        'deaths of forty passengers."'
    )
    assert speaker_of(extractor, text, "It is with deep sorrow") is None


def test_a_nationality_between_the_owner_and_the_role_names_the_holder(extractor) -> None:
    text = (
        'Ministers met in Nairobi on Monday. "The situation on the border is very grim," '
        "said Moss's Kenyan deputy, Daniel Ochieng."
    )
    assert speaker_of(extractor, text, "The situation on the border") == "Daniel Ochieng"


def test_the_second_half_of_a_quotation_split_by_a_text_keeps_its_credit(extractor) -> None:
    text = (
        "Tributes came in on Sunday. \u201cHarlan was respected by everyone in the business,\u201d "
        "reads a Velmont Records press release, \u201ca fierce and captivating talent who will be "
        "missed.\u201d"
    )
    assert speaker_of(extractor, text, "Harlan was respected") == "Velmont Records"
    assert speaker_of(extractor, text, "a fierce and captivating") == "Velmont Records"


def test_a_quotation_after_a_full_stop_is_not_a_second_half(extractor) -> None:
    text = (
        "Tributes came in on Sunday. \u201cHarlan was respected by everyone in the business,\u201d "
        "reads a Velmont Records press release. Fans gathered outside. \u201cWe will miss him "
        "terribly,\u201d one fan told reporters."
    )
    assert speaker_of(extractor, text, "We will miss him") is None


def test_a_courts_summary_speaks_for_the_articles_one_court(extractor) -> None:
    text = (
        "The High Court of Vandoria ruled on Tuesday that the closure was unlawful. The "
        "summary of the decision read in part: \u201cThis Court has already concluded that the "
        "closure was unlawful.\u201d"
    )
    assert speaker_of(extractor, text, "This Court has already") == "High Court of Vandoria"


def test_the_courts_summary_after_its_name(extractor) -> None:
    text = (
        "The Court of Session sat in Edinburgh. The court's summary concluded with the "
        "statement: \u201cThe Court will accordingly make an Order declaring the closure "
        "unlawful.\u201d"
    )
    assert speaker_of(extractor, text, "The Court will accordingly") == "Court of Session"


def test_a_summary_with_two_courts_named_is_nobodys(extractor) -> None:
    text = (
        "The Court of Session and the High Court of Vandoria both ruled. The summary of the "
        "decision read in part: \u201cThis Court has already concluded that the closure was "
        "unlawful.\u201d"
    )
    assert speaker_of(extractor, text, "This Court has already") is None


def test_a_straight_mark_after_a_nested_quotation_and_a_space_closes(extractor) -> None:
    text = (
        "Tom Harlan took up drums at school. \"I'd never sat behind a kit before, and I "
        "thought, 'Blimey, I'm a drummer' \", he recalled in a 2009 interview. He died on "
        "Sunday aged 80.\n\nHe played with many bands."
    )
    found = quotes_and_speakers(extractor, text)
    assert found == [
        ("I'd never sat behind a kit before, and I thought, 'Blimey, I'm a drummer'", "Tom Harlan")
    ]
