"""A text's MinHash sketch is the one a loop over its shingles computes, and its band keys those a
loop over its bands computes: stored sketches and band keys from older fetches keep matching new
ones (schema 20's hash: each shingle's words hashed once each and mixed, see
stories._shingle_hashes; schema 22's band keys, see stories.stored_band_keys)."""

from __future__ import annotations

import zlib

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newstui.stories import (
    BANDS,
    EMPTY,
    MIN_WORDS,
    ROWS,
    SHINGLE_WORDS,
    SKETCH_BINS,
    band_keys,
    pack,
    sketch,
    stored_band_keys,
    stored_form,
    story_sketch,
    unpack,
    words,
)

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


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(WORDS, SEPARATORS), min_size=0, max_size=400))
@example([("word", " ")] * MIN_WORDS)
def test_a_story_sketch_stores_the_packed_sketch(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in pieces)
    signature = sketch(text)
    made = story_sketch(text)
    assert made.packed == (pack(signature) if signature is not None else None)
    assert list(made.keys) == (band_keys(stored_form(signature)) if signature else [])


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


# one odd 32-bit multiplier for each bin of a band, and splitmix64's odd constant for its salt
BAND_MIXERS = (0xCC9E2D51, 0x1B873593, 0x85EBCA6B)
GAMMA = 0x9E3779B97F4A7C15


def band_keys_band_by_band(signature: tuple[int, ...]) -> list[int]:
    """Schema 22's band keys one Python step per band: a band's bins (their stored 32 bits, an
    empty bin 0xFFFFFFFF) times their multipliers, XORed with the band's salt, folded to 32 bits;
    no key for a band of empty bins."""
    keys = []
    for band in range(BANDS):
        bins = [v & 0xFFFFFFFF for v in signature[band * ROWS : (band + 1) * ROWS]]
        if all(v == 0xFFFFFFFF for v in bins):
            continue
        x = (band + 1) * GAMMA % 2**64
        for j, v in enumerate(bins):
            x ^= v * BAND_MIXERS[j]
        keys.append((x ^ (x >> 32)) & 0xFFFFFFFF)
    return keys


BINS = st.one_of(
    st.just(EMPTY),
    st.integers(0, 2**32 - 2),
    st.sampled_from([0, 0xFF, 0xFFFFFF00, 0x00FFFFFF, 0xFFFF0000, 0xFFFFFFFE]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(BINS, min_size=SKETCH_BINS, max_size=SKETCH_BINS))
@example([EMPTY] * SKETCH_BINS)
@example([0xFFFFFF00, 0x000000FF] * (SKETCH_BINS // 2))  # 0xFF bytes across bins: none empty
@example([EMPTY] * ROWS + [7] * (SKETCH_BINS - ROWS))
def test_band_keys_are_those_computed_band_by_band(bins: list[int]) -> None:
    signature = stored_form(bins)
    assert band_keys(signature) == band_keys_band_by_band(signature)
    assert stored_band_keys(pack(signature)) == band_keys_band_by_band(signature)


def test_a_texts_band_keys_are_those_of_its_stored_sketch() -> None:
    text = " ".join(f"word{i % 97} w{i % 13}" for i in range(120))
    made = story_sketch(text)
    signature = sketch(text)
    assert made.packed is not None and signature is not None
    assert list(made.keys) == band_keys_band_by_band(stored_form(signature))
    assert unpack(made.packed) == stored_form(signature)


def test_the_same_bins_in_another_band_make_another_key() -> None:
    keys = band_keys((12345,) * SKETCH_BINS)
    assert len(keys) == BANDS and len(set(keys)) == BANDS
    assert all(0 <= key < 2**32 for key in keys)


def test_a_band_of_empty_bins_has_no_key_and_a_half_empty_one_has() -> None:
    signature = [EMPTY] * ROWS + [EMPTY, 5, EMPTY] + [9] * (SKETCH_BINS - 2 * ROWS)
    keys = band_keys(signature)
    assert len(keys) == BANDS - 1
    assert keys == band_keys_band_by_band(tuple(signature))
