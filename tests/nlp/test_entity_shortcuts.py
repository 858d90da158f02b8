"""The entity scan's shortcuts answer exactly as the plain searches they replace (round-23 speed)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newstui.nlp.entity_cues import _NAME_WORD, name_word_ends_at
from newstui.nlp.entity_words import counts_name

# Pieces that make every edge the pattern reads: "a"/"an" in either case, a word character
# ("_", a digit, an accented letter) or not (".", a dash) on each side, names ending either way.
PIECES = st.sampled_from(["a", "A", "an", "An", "n", "Nano", "Nano.", "Co.", "é", "_", "1", "."])
SEPARATORS = st.sampled_from(["", " ", "  ", "-", "\n"])
NAMES = st.sampled_from(["Nano", "Nano.", "Co.", "N", "an", "a Nano", ".", "é"])


def _counted_by_pattern(text: str, name: str) -> bool:
    return re.search(rf"\b[Aa]n? {re.escape(name)}\b", text) is not None


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(PIECES, SEPARATORS), max_size=12), NAMES)
def test_a_name_is_counted_where_the_article_pattern_finds_it(pieces, name) -> None:
    text = "".join(p + s for p, s in pieces)
    assert counts_name(text, name) == _counted_by_pattern(text, name)


def test_a_name_after_a_or_an_opening_a_word_is_counted_and_one_inside_a_word_is_not() -> None:
    assert counts_name("He drove a Nano home.", "Nano")
    assert counts_name("An Airbus landed.", "Airbus")
    assert counts_name("She bought an Airbus", "Airbus")
    assert not counts_name("Nano said a Nanotech deal", "Nano")  # the name goes on
    assert not counts_name("the Samoa Nano firm", "Nano")  # "a" closes "Samoa"
    assert not counts_name("Tata makes the Nano", "Nano")


def test_counted_names_match_the_pattern_on_real_articles(real_texts: list[str]) -> None:
    for text in real_texts:
        for name in {m.group() for m in re.finditer(r"[A-Z][\w.]+", text)}:
            assert counts_name(text, name) == _counted_by_pattern(text, name), name


# Pieces of the edges `_NAME_WORD` reads: capitals, the lower-case words it takes, its joiners
# ("’'&.-"), other word characters and blanks.
WORD_PIECES = st.sampled_from(["Ann", "of", "the", "on", "in", "&", "and", "for", "x", "é", "_"])
JOINERS = st.sampled_from(["", " ", "-", ".", "’", "'", "&", ", ", "("])


@settings(max_examples=800, deadline=None)
@given(st.lists(st.tuples(WORD_PIECES, JOINERS), max_size=10), st.data())
def test_a_name_word_ends_where_the_pattern_finds_one_end(pieces, data) -> None:
    text = "".join(p + j for p, j in pieces)
    end = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, end))
    found = any(m.end() == end for m in _NAME_WORD.finditer(text, lo, end))
    assert name_word_ends_at(text, lo, end) == found


def test_name_word_ends_match_the_pattern_before_every_bracket_of_real_articles(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        for end in [m.start() for m in re.finditer(r" [(\[]", text)]:
            lo = max(0, end - 160)
            found = any(m.end() == end for m in _NAME_WORD.finditer(text, lo, end))
            assert name_word_ends_at(text, lo, end) == found, text[lo:end]
