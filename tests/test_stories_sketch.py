"""A text's MinHash sketch is the one a loop over its shingles computes: stored sketches and band
keys from older fetches keep matching new ones (schema 20's hash: each shingle's words hashed
once each and mixed, see stories._shingle_hashes)."""

from __future__ import annotations

import zlib

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newstui.stories import EMPTY, MIN_WORDS, SHINGLE_WORDS, SKETCH_BINS, sketch, words

# one odd 32-bit multiplier for each word of a shingle
MIXERS = (0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1)


def sketch_shingle_by_shingle(text: str) -> tuple[int, ...] | None:
    """sketch() one Python step per shingle: its hash is the XOR of each word's crc32 times
    that word's multiplier (64 bits), its bin the hash's lowest 7 bits, its value the rest."""
    tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return None
    crcs = [zlib.crc32(token.encode("utf-8", "surrogatepass")) for token in tokens]
    mins = [EMPTY] * SKETCH_BINS
    for i in range(len(tokens) - SHINGLE_WORDS + 1):
        h = 0
        for j in range(SHINGLE_WORDS):
            h ^= crcs[i + j] * MIXERS[j]
        assert h < 1 << 64
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


def test_the_words_of_a_shingle_count_in_their_order() -> None:
    text = " ".join(f"w{i % 7}" for i in range(60))
    swapped = text.replace("w1 w2", "w2 w1", 1)
    assert sketch(text) != sketch(swapped)


def test_the_word_hashes_kept_between_texts_are_forgotten_past_their_limit(monkeypatch) -> None:
    import newstui.stories as stories

    text = " ".join(f"word{i}" for i in range(100))
    first = sketch(text)
    monkeypatch.setattr(stories, "_WORD_CRCS_KEPT", 10)
    assert sketch(text) == first  # (past the limit: forgotten, then made again)
    assert len(stories._WORD_CRCS) == 100  # this text's words, and none before them
