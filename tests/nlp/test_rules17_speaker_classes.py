"""Rules-17 speaker mechanisms, each pinned by invented sentences (no article text): adverbs
between a subject and its speech verb, attributions with no comma after the quotation, present-tense
inverted attributions, and the other general mechanisms of round 16 (r16-speak.md)."""

from __future__ import annotations


def _speakers(extractor, text: str) -> list[str | None]:
    return [q.speaker for q in extractor.analyse(text).quotes]


def test_an_adverb_before_the_verb_leaves_the_pronoun_its_subject(extractor) -> None:
    text = (
        "Maria Solberg ran the harbour cafe for forty years.\n\n"
        '"Every storm brings the same sailors back," she often said.'
    )
    assert _speakers(extractor, text) == ["Maria Solberg"]


def test_he_is_the_subject_who_quickly_answered_not_the_first_name(extractor) -> None:
    text = (
        "The dispute was between Oskar Lindqvist and Pavel Dorne over the port.\n\n"
        "At the talks, Lindqvist charged Dorne's ministry with the delay, a charge that Dorne "
        'quickly denied. "We met every deadline we were given," he said.'
    )
    assert _speakers(extractor, text) == ["Pavel Dorne"]


def test_a_quote_opening_its_sentence_is_attributed_with_no_comma_after_it(extractor) -> None:
    text = (
        "The ministers met again on Friday.\n\n"
        '"The real problem is the price of the seed and nothing else" Farm Union chair '
        "Tobias Wendt said.\n\n"
        '"We will not sign a deal that ignores the growers" Greta Holm, head of the '
        "Growers Council, said."
    )
    assert _speakers(extractor, text) == ["Tobias Wendt", "Greta Holm"]


def test_a_sentence_that_goes_on_after_an_uncommaed_quote_is_not_its_attribution(
    extractor,
) -> None:
    text = (
        'Voters heard the phrase "a fair deal for the growers" many times as the Farm Union '
        "chair Tobias Wendt said on Friday."
    )
    assert _speakers(extractor, text) == [None]


def test_a_present_tense_inverted_attribution_names_a_speaker_with_an_initial(extractor) -> None:
    text = (
        "The survey covered two hundred firms.\n\n"
        "Explains Lantern Research founder and chief executive, Orla B. Keane, "
        '"Most of the firms want to grow, and few of them know how."'
    )
    assert _speakers(extractor, text) == ["Orla B. Keane"]
