"""Rules-39 (round 37): a stop that closes a bracket before a lower-case word ends no sentence
("Rep. Ann Lee (D-Calif.) said “…”" was nobody's: the sentence ended at "Calif.)" and left "said"
without its subject)."""

from __future__ import annotations

from extracted import speakers

from newstui.nlp.segment import sentence_starts


def test_a_party_bracket_before_said_keeps_the_sentence_whole() -> None:
    text = "Rep. Dora Quill (D-Mont.) said the bill was late. It passed."
    assert sentence_starts(text) == [0, text.index("It passed")]


def test_the_member_named_before_the_bracket_speaks(extractor) -> None:
    text = (
        "Rep. Dora Quill (D-Mont.) said “Close oversight of this money is essential after "
        "what we saw last year.”"
    )
    assert speakers(extractor, text) == ["Dora Quill"]


def test_a_fragment_after_the_bracket_is_the_members(extractor) -> None:
    text = (
        "In an interview, Senator Dora Quill (R-Ore.) said the plan was “very risky” and asked "
        "for more time."
    )
    assert speakers(extractor, text) == ["Dora Quill"]


def test_a_bracket_closed_before_a_capital_still_ends_the_sentence() -> None:
    text = "The vote was close (as expected.) Then it rained."
    assert sentence_starts(text) == [0, text.index("Then")]


def test_a_bracket_closed_before_a_line_break_still_ends_the_sentence() -> None:
    # the rule reads one line, as the abbreviation checks do
    text = "The vote went to Rep. Dora Quill (D-Mont.)\nsaid the clerk."
    assert sentence_starts(text) == [0, text.index("said")]
