"""Rules-39 (round 37): a quotation closing a sentence that names who says it is theirs; the next
sentence's verb of saying is its own subject's, not the quotation's credit ("Lee alleged …
“mini-strokes.” Thereafter, Matt Drudge posted …" gave Drudge the fragment, "Biden called Antifa
an “idea.” Trump disagreed." gave it Trump)."""

from __future__ import annotations

from extracted import speakers


def test_a_fragment_closing_a_report_is_not_the_next_writers(extractor) -> None:
    text = (
        "Governor Hal Brenner alleged the papers had falsely claimed he suffered from "
        "“heart trouble.” Thereafter, Ann Moss wrote a column on the rumour."
    )
    assert speakers(extractor, text) == ["Hal Brenner"]


def test_a_long_quotation_closing_a_report_stays_with_its_subject(extractor) -> None:
    text = (
        "Governor Hal Brenner alleged that the papers were lying about “my health and every "
        "doctor I have seen this year.” Ann Moss posted the video on her website."
    )
    assert speakers(extractor, text) == ["Hal Brenner"]


def test_a_credit_sentence_after_a_quotation_still_credits(extractor) -> None:
    # a bare credit ("Ann Moss wrote on her blog.") is the quotation's attribution
    text = (
        "The governor's plan was bad. “It is a disgrace to the whole state and to every "
        "voter in it.” Ann Moss wrote on her blog."
    )
    assert speakers(extractor, text) == ["Ann Moss"]


def test_a_labelled_fragment_is_not_the_next_sentences_speakers(extractor) -> None:
    text = (
        "Governor Hal Brenner spoke first. Senator Ann Moss called the levy a “blunder.” "
        "Brenner disagreed."
    )
    assert speakers(extractor, text) == ["Ann Moss"]
