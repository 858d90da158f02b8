"""Loops and str methods that stand for a regular expression's matches (rules-17 speed work) find
what the matches found: the same words, at the same offsets, counted alike."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newstui.nlp.entities import first_words
from newstui.nlp.segment import WORD, count_words

# Words, the characters that join two words into one WORD, other marks, blanks of every kind
# (a no-break space, an em space, a form feed) and letters, digits and numbers beyond ASCII.
PIECES = st.lists(
    st.sampled_from(
        [
            *"a B _ 3 é 東 ² ½ - . ' ’ & , ; \" “ ( #".split(),
            *" \n\t\f\v\r\xa0\u2003\u2028\x85\x1c",
            "al-Assad",
            "U.S.",
            "O'Neil",
            "rock-'n'-roll",
            "--",
            "a.",
            ".a",
        ]
    ),
    max_size=30,
)


@settings(max_examples=500, deadline=None)
@given(PIECES, st.integers(min_value=1, max_value=6))
def test_words_are_counted_as_the_word_pattern_finds_them(pieces, most) -> None:
    text = "".join(pieces)
    assert count_words(text, most) == min(len(WORD.findall(text)), most)


def test_words_are_counted_as_the_word_pattern_finds_them_in_real_articles(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        assert count_words(text, len(text) + 1) == len(WORD.findall(text))
        for start in range(0, len(text), 97):  # windows opening anywhere, inside words too
            window = text[start : start + 60]
            assert count_words(window, 4) == min(len(WORD.findall(window)), 4), window


def test_a_joiner_joins_only_between_two_word_characters() -> None:
    assert count_words("al-Assad U.S. rock-'n'-roll", 9) == 5  # "rock", "n", "roll"
    assert count_words("a--b a. .a -a- 'a'", 9) == 6


def _first_matches(line: str, most: int) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in re.finditer(r"\S+", line)][:most]


@settings(max_examples=500, deadline=None)
@given(PIECES, st.integers(min_value=0, max_value=9))
def test_the_first_words_are_the_first_matches_of_non_blanks(pieces, most) -> None:
    line = "".join(pieces)
    assert first_words(line, most) == _first_matches(line, most)


def test_the_first_words_of_real_articles_are_the_first_matches_of_non_blanks(
    real_texts: list[str],
) -> None:
    for text in real_texts:
        for most in (1, 2, 8):
            assert first_words(text[:200], most) == _first_matches(text[:200], most)
