"""The `[—Speaker]` tag after a quote (`show`, the reader) goes right after a quote that ends
its sentence, an editor's bracketed stop ("[.]") included (user test r53 LOW-3)."""

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
