"""Rules-38 organisations typed wrong (round 36): newspapers titled "The" and a people's word.

"…," The Thai newspaper further reported' made a paper "The Thai" (and gave it the quotation):
before a paper's noun ("newspaper", "paper", "daily", "weekly", "magazine") "The" and a people's
word describe an outlet by its country, unless the paper is titled so ("The Australian
newspaper", "The East African newspaper"). And "The Scotsman uncovers …" after a stop read as an
abbreviation's ("he said no.") is the paper, as it was opening a sentence: the verbs of
publishing that follow a title mid-sentence take "uncovers", "publishes", "quotes" too."""

from __future__ import annotations

from extracted import type_by_name


def test_a_peoples_word_before_a_papers_noun_describes_the_paper(extractor) -> None:
    text = (
        'Officials confirmed the closures on Friday. "Several schools were shut," '
        "The Latvian newspaper further reported."
    )
    types = type_by_name(extractor, text)
    assert "The Latvian" not in types
    assert types.get("Latvian") == "GROUP"


def test_a_paper_titled_by_a_peoples_word_stays_a_paper(extractor) -> None:
    text = "Speaking to The Australian newspaper, the premier ruled out an early vote."
    assert type_by_name(extractor, text).get("The Australian") == "ORG"


def test_a_paper_uncovering_after_an_abbreviations_stop_is_a_paper(extractor) -> None:
    text = "Asked whether he would resign, he said no. The Scotsman uncovers a second loan."
    assert type_by_name(extractor, text).get("The Scotsman") == "ORG"
