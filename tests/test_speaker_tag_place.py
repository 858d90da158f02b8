"""The `[—Speaker]` tag after a quote (`show`, the reader) goes right after a quote that ends
its sentence, an editor's bracketed stop ("[.]") included (user test r53 LOW-3), and never after an
initial or a title inside a name ("Jerome H. Powell", user test r54)."""

from __future__ import annotations

from newstui.model import Analysis, Quote
from newstui.render import highlighted_body

TEXT = (
    "She pointed out she had “relinquished my royal titles and lived as a commoner[.]” Sources "
    "report she is generally treated as royalty. Officials said “the bridge is safe,” the mayor "
    "told reporters. More later."
)


def quote(words: str, speaker: str) -> Quote:
    start = TEXT.index(words)
    return Quote(words, start, start + len(words), speaker)


def test_a_quote_ending_in_a_bracketed_stop_is_tagged_at_its_close_not_a_sentence_late():
    analysis = Analysis(
        (), (quote("relinquished my royal titles and lived as a commoner[.]", "Ubolratana"),)
    )
    out = highlighted_body(TEXT, analysis).plain
    assert "a commoner[.]” [—Ubolratana] Sources report" in out
    assert "royalty. [—Ubolratana]" not in out


def test_a_quote_ending_in_a_comma_is_still_tagged_after_its_sentence():
    analysis = Analysis((), (quote("the bridge is safe,", "Ana Lima"),))
    out = highlighted_body(TEXT, analysis).plain
    assert "the mayor told reporters. [—Ana Lima] More later." in out


def test_a_tag_never_lands_inside_a_name_after_an_initial_or_a_title():
    text = (
        "“Rates stay where they are for now,” said Bank Governor Clara J. Moreno at a briefing "
        "in Lisbon. Shares fell. “We will look again in June,” said Dr. Tomas Reyes of the U.S. "
        "Treasury on Friday. Bonds rose."
    )
    first = "Rates stay where they are for now,"
    second = "We will look again in June,"
    quotes = tuple(
        Quote(words, text.index(words), text.index(words) + len(words), speaker)
        for words, speaker in ((first, "Clara J. Moreno"), (second, "Tomas Reyes"))
    )
    out = highlighted_body(text, Analysis((), quotes)).plain
    assert "a briefing in Lisbon. [—Clara J. Moreno] Shares fell." in out
    assert "Treasury on Friday. [—Tomas Reyes] Bonds rose." in out
    assert "J. [—" not in out and "Dr. [—" not in out and "U.S. [—" not in out
