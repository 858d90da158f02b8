"""Speaker classes of rules-14 found by reading the extractor's output on fresh, unannotated
Wikinews text (issue 10, the reading set of round 13): each from invented examples, none
copied from an article."""

from __future__ import annotations


def _quotes(extractor, text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extractor.analyse(text).quotes]


# '“…,” State Sen. Ann Reid said': the stop of an abbreviated title before the name ends no
# sentence, so the name after the quote is the subject of its verb.
def test_a_dotted_title_before_the_name_after_a_quote_keeps_its_speaker(extractor) -> None:
    text = (
        '"The budget cannot wait another month," State Sen. Dana Whitlow said on Friday. '
        '"Schools are already cutting staff."\n\n'
        '"We will vote on it next week," Rep. Marco Ibarra told reporters.'
    )
    assert [s for _, s in _quotes(extractor, text)] == [
        "Dana Whitlow",
        "Dana Whitlow",
        "Marco Ibarra",
    ]


# The guard: a real stop after the quote's attribution still ends the sentence; the title
# of a person in the next sentence does not make them the speaker.
def test_a_real_stop_before_a_dotted_title_still_ends_the_attribution(extractor) -> None:
    text = '"The plan is dead," the union said on Friday. Dr. Dana Whitlow disagreed with that.'
    assert _quotes(extractor, text) == [("The plan is dead,", None)]
