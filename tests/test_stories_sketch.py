"""A text's MinHash sketch is the one the first, loop-per-shingle version computed: stored
sketches and band keys from older fetches keep matching new ones."""

from __future__ import annotations

import zlib

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newstui.stories import _SEED, EMPTY, MIN_WORDS, SHINGLE_WORDS, SKETCH_BINS, sketch, words


def sketch_shingle_by_shingle(text: str) -> tuple[int, ...] | None:
    """sketch() as first written: one Python step per shingle."""
    tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return None
    mins = [EMPTY] * SKETCH_BINS
    for i in range(len(tokens) - SHINGLE_WORDS + 1):
        shingle = " ".join(tokens[i : i + SHINGLE_WORDS]).encode("utf-8", "surrogatepass")
        h = zlib.crc32(shingle) | zlib.crc32(shingle, _SEED) << 32
        b, value = h % SKETCH_BINS, h >> 7
        if value < mins[b]:
            mins[b] = value
    return tuple(mins)


WORDS = st.sampled_from(
    ["the", "council", "voted", "Ünïcode", "東京", "x", "42", "_", "l'été", "\ud800", "ß", "İ"]
)
SEPARATORS = st.sampled_from([" ", "  ", "\n\n", ", ", ". ", "—", "\t"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, SEPARATORS), min_size=0, max_size=400))
@example([("word", " ")] * (MIN_WORDS - 1))
@example([("word", " ")] * MIN_WORDS)
def test_the_sketch_is_the_one_computed_shingle_by_shingle(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in pieces)
    assert sketch(text) == sketch_shingle_by_shingle(text)


def test_a_long_article_fills_most_bins_with_the_smallest_values() -> None:
    text = " ".join(f"word{i}" for i in range(3000))
    made = sketch(text)
    assert made == sketch_shingle_by_shingle(text)
    assert made is not None and sum(v != EMPTY for v in made) > SKETCH_BINS * 0.9
