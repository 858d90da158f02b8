"""One story once: near-duplicate detection of articles by MinHash sketches of word shingles.

The same wire story reaches several feeds with another headline, byline, boilerplate or cuts.
Each text becomes the set of its 5-word shingles; a one-permutation MinHash (one 64-bit hash per
shingle, the smallest per bin of SKETCH_BINS) estimates the Jaccard similarity of two sets, and
locality-sensitive hashing (BANDS bands of ROWS bins) finds the candidates worth comparing
without comparing every pair. Stories on the same topic share words but few 5-word runs, so they
stay apart. Pure Python (no numpy, no new dependency: datasketch would bring numpy and scipy for
what is 60 lines here). Parameters are measured in
bench/duplicates.py.
"""

from __future__ import annotations

import re
import struct
import sys
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import rshift

SHINGLE_WORDS = 5
SKETCH_BINS = 128
ROWS = 3  # bins per LSH band
BANDS = SKETCH_BINS // ROWS
MIN_WORDS = 40  # shorter texts are too short to tell a copy from a coincidence
STORIES_PER_RUN = 5000  # articles a fetch (or analysis run) sketches: the rest wait for the next
SAME_STORY = 0.4  # estimated Jaccard similarity of shingle sets at or above which texts are one
EMPTY = (1 << 57) - 1  # an empty bin (values are 57-bit)
_WORD = re.compile(r"\w+")
_PACK = struct.Struct(f"<{SKETCH_BINS}I")  # stored bins: the low 32 bits of each
_PACK_V15 = struct.Struct(f"<{SKETCH_BINS}Q")  # sketches stored before schema 16: whole bins
KEY_MASK = 0xFFFFFFFF


def words(text: str) -> list[str]:
    """The text's words, folded to lower case (punctuation and layout do not matter)."""
    return _WORD.findall(text.casefold())


def word_bytes(text: str) -> list[bytes]:
    """`words(text)`, each encoded in UTF-8 (lone surrogates passed): found by bytes.translate
    and split, C loops over bytes, instead of the regular expression's loop over characters
    (a quarter of the cost). Only a word left with bytes of another character than ASCII is
    split by the expression (a letter with an accent stays whole, a mark not replaced ends
    the word there)."""
    if text.isascii():  # casefold is lower for ASCII: the table lowers A-Z
        return text.encode("ascii").translate(_ASCII_WORDS).split()
    encoded = _without_marks(text.encode("utf-8", "surrogatepass"))
    if encoded.isascii():  # only marks were not ASCII (casefold leaves them as they are)
        return encoded.translate(_ASCII_WORDS).split()
    encoded = _without_marks(text.casefold().encode("utf-8", "surrogatepass"))
    found = encoded.translate(_ASCII_WORDS).split()
    tokens: list[bytes] = []
    for token in found:
        if token.isascii():
            tokens.append(token)
        else:
            pieces = _WORD.findall(token.decode("utf-8", "surrogatepass"))
            tokens += [piece.encode("utf-8", "surrogatepass") for piece in pieces]
    return tokens


def _without_marks(encoded: bytes) -> bytes:
    """UTF-8 with the _MARKS replaced by spaces (a match is always that character): the
    three-byte ones by one expression that starts with their common two bytes (sre looks for
    that literal first: a 3 KB text with curly quotes ~5 times faster than an alternation of
    every mark, which tried each at every byte), the no-break space by a replace."""
    return _MARK.sub(b" ", encoded).replace(_NO_BREAK_SPACE, b" ")


def _ascii_words() -> bytes:
    """A table for bytes.translate: A-Z lowered, other ASCII bytes that are not word
    characters (\\w) a space, the rest (a-z, 0-9, _, bytes of non-ASCII characters) kept."""
    table = bytearray(b" " * 128 + bytes(range(128, 256)))
    table[ord("0") : ord("9") + 1] = b"0123456789"
    table[ord("A") : ord("Z") + 1] = table[ord("a") : ord("z") + 1] = b"abcdefghijklmnopqrstuvwxyz"
    table[ord("_")] = ord("_")
    return bytes(table)


_ASCII_WORDS = _ascii_words()
# The marks between words that news texts have most (curly quotes, dashes, an ellipsis, a
# no-break space), replaced by spaces before the split: none is a word character or has
# another case.
_MARKS = tuple(
    mark.encode()
    for mark in "\u201c\u201d\u2018\u2019\u2013\u2014\u2026\u00a0"
    if not _WORD.fullmatch(mark) and mark.casefold() == mark
)
_PUNCTUATION = "\u2000".encode()[:2]  # the two bytes that start U+2000-U+203F in UTF-8
_NO_BREAK_SPACE = "\u00a0".encode()
assert all(m == _NO_BREAK_SPACE or (len(m) == 3 and m[:2] == _PUNCTUATION) for m in _MARKS)
_MARK = re.compile(
    re.escape(_PUNCTUATION)
    + b"["
    + b"".join(re.escape(m[2:]) for m in _MARKS if m != _NO_BREAK_SPACE)
    + b"]"
)


def sketch(text: str) -> tuple[int, ...] | None:
    """The MinHash sketch of a text's 5-word shingles, or None for a text too short to judge."""
    encoded = word_bytes(text)
    if len(encoded) < MIN_WORDS:
        return None
    return tuple(map(rshift, _smallest_per_bin(_shingle_hashes(encoded)), repeat(7)))


def _shingle_hashes(encoded: list[bytes]) -> bytes:
    """Each 5-word shingle's 64-bit hash, 8 bytes little-endian: h = XOR over its words w_j
    (j = 0..4) of crc32(w_j) * _MIXERS[j] (stable across runs; the order of the words counts).
    Each product is below 2**64, so all shingles are hashed at once by arithmetic on one long
    integer that holds a word's crc32 every 64 bits: shifted by j words, multiplied and XORed,
    no product carries into the next word's 64 bits. Words are hashed once each (a text
    repeats most of its words), not five times inside a joined shingle as schema 19's sketch
    hashed them: -40% CPU a sketch."""
    shingles = len(encoded) - SHINGLE_WORDS + 1
    crcs = _WORD_CRCS if len(_WORD_CRCS) < _WORD_CRCS_KEPT else _WORD_CRCS.restart()
    # each word's crc32 as its 8 bytes, joined (an array of the ints cost ~200 instructions a
    # word to convert them)
    lanes = int.from_bytes(b"".join(map(crcs.__getitem__, encoded)), "little")
    mixed = 0
    for j, mixer in enumerate(_MIXERS):
        mixed ^= (lanes >> (64 * j)) * mixer
    size = 8 * shingles
    return (mixed & ((1 << 8 * size) - 1)).to_bytes(size, "little")


def _smallest_per_bin(hashes: bytes) -> list[int]:
    """Each 64-bit hash h (8 bytes little-endian) goes to bin h % 128 with the value h >> 7; a
    bin keeps its smallest value: the smallest h of each bin (_NO_HASH for an empty one), whose
    value is h >> 7. Within a bin (h's lowest 7 bits) the smallest h has the smallest h >> 7,
    so the loop compares hashes only."""
    values = array(_U64, hashes)
    if _BIG_ENDIAN:
        values.byteswap()
    smallest = [_NO_HASH] * SKETCH_BINS
    for b, h in zip(hashes[::8].translate(_BIN), values, strict=True):
        if h < smallest[b]:
            smallest[b] = h
    return smallest


def _packed(smallest: list[int]) -> bytes:
    """`pack` of the sketch whose bins hold these smallest hashes: each bin's value h >> 7, its
    low 32 bits (an empty bin's are all ones), for every bin at once by one shift of a long
    integer holding a hash every 64 bits (bits 7-38 of each come from its own 64 bits), instead
    of a tuple of the values and a mask of each (~90K instructions a sketch)."""
    lanes = array(_U64, smallest)
    if _BIG_ENDIAN:
        lanes.byteswap()
    values = (int.from_bytes(lanes, "little") >> 7).to_bytes(8 * SKETCH_BINS, "little")
    packed = bytearray(4 * SKETCH_BINS)
    for k in range(4):  # each value's low 4 bytes
        packed[k::4] = values[k::8]
    return bytes(packed)


class _WordCrcs(dict[bytes, bytes]):
    """crc32 of each word seen, as 8 bytes little-endian (a lane of _shingle_hashes), kept for
    the next texts (a word's hash is looked up, not computed: ~40 ns against ~90 ns a call), up
    to _WORD_CRCS_KEPT words."""

    def __missing__(self, word: bytes) -> bytes:
        crc = self[word] = zlib.crc32(word).to_bytes(8, "little")
        return crc

    def restart(self) -> _WordCrcs:
        """Forget every word (memory stays bounded); returns itself."""
        self.clear()
        return self


_WORD_CRCS = _WordCrcs()
_WORD_CRCS_KEPT = 20_000  # words (~2 MiB at most; a text repeats its common words)
# Odd 32-bit multipliers, one for each word of a shingle (the golden ratio's and xxHash's primes)
_MIXERS = (0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1)
assert len(_MIXERS) == SHINGLE_WORDS
# the array type code of 8 bytes (unsigned long long on every common platform)
_U64 = next(code for code in "QL" if array(code).itemsize == 8)
_NO_HASH = (1 << 64) - 1  # >> 7 is EMPTY
_BIN = bytes(range(SKETCH_BINS)) * (256 // SKETCH_BINS)  # a byte's lowest 7 bits
_BIG_ENDIAN = sys.byteorder == "big"  # the hashes are little-endian bytes on every machine
_U32 = next(code for code in "IL" if array(code).itemsize == 4)
# Band keys (stored_band_keys): one odd 32-bit multiplier for each bin of a band (murmur3's,
# others than _MIXERS), and each band's salt (a multiple of splitmix64's odd constant) in its
# first lane, so the same bins in another band make another key.
_BAND_MIXERS = (0xCC9E2D51, 0x1B873593, 0x85EBCA6B)
assert len(_BAND_MIXERS) == ROWS
_BAND_SALTS = sum(((b + 1) * 0x9E3779B97F4A7C15 % 2**64) << (64 * ROWS * b) for b in range(BANDS))
_EMPTY_BAND = b"\xff" * 4 * ROWS  # a band of empty bins as stored


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the two shingle sets behind two sketches."""
    used = [(x, y) for x, y in zip(a, b, strict=True) if x != EMPTY or y != EMPTY]
    if not used:
        return 0.0
    return sum(x == y for x, y in used) / len(used)


def packed_similarity(a: bytes, b: bytes) -> float:
    """`similarity` of two stored sketches (`pack`'s bytes, or whole bins before schema 16),
    without unpacking them: equal bins are 32-bit lanes of a XOR b that are 0, bins empty in
    both lanes of a AND b that are all ones, counted by array.count (C loops: ~40 times
    faster than comparing the tuples; a join compares every candidate the bands find)."""
    if len(a) != _PACK.size:
        a = pack(unpack(a))
    if len(b) != _PACK.size:
        b = pack(unpack(b))
    left, right = int.from_bytes(a, "little"), int.from_bytes(b, "little")
    equal = array(_U32, (left ^ right).to_bytes(len(a), "little")).count(0)
    both_empty = array(_U32, (left & right).to_bytes(len(a), "little")).count(KEY_MASK)
    used = SKETCH_BINS - both_empty
    return (equal - both_empty) / used if used else 0.0


def band_keys(signature: Sequence[int]) -> list[int]:
    """One LSH bucket key per band of a sketch in `stored_form` (32-bit: a collision only adds
    a candidate that the sketches' similarity then rejects): equal keys make candidates. A
    band of empty bins has none."""
    return stored_band_keys(pack(signature))


def stored_band_keys(packed: bytes) -> list[int]:
    """The band keys of a stored sketch (`pack`'s bytes; schema 22's keys). Band b's key mixes
    its ROWS bins v_0..v_2 (32-bit, an empty bin 0xFFFFFFFF) as x = salt_b XOR over j of
    v_j * _BAND_MIXERS[j] (64-bit), folded to 32 bits: low(x) XOR high(x). All bands at once
    by arithmetic on one long integer holding a bin every 64 bits (as _shingle_hashes does):
    ~5 us a sketch, where 42 blake2b digests (schema 20) took ~25 us."""
    if len(packed) != _PACK.size:  # stored whole, before schema 16
        packed = pack(unpack(packed))
    wide = bytearray(2 * len(packed))  # each bin's 4 bytes, then 4 zero bytes: 64-bit lanes
    for k in range(4):
        wide[k::8] = packed[k::4]
    lanes = int.from_bytes(wide, "little")
    mixed = _BAND_SALTS
    for j, mixer in enumerate(_BAND_MIXERS):
        mixed ^= (lanes >> (64 * j)) * mixer
    folded = array(_U32, (mixed ^ (mixed >> 32)).to_bytes(len(wide), "little"))
    if _BIG_ENDIAN:
        folded.byteswap()
    keys = folded[: 2 * ROWS * BANDS : 2 * ROWS]  # the low half of each band's first lane
    if _EMPTY_BAND not in packed:  # no band of empty bins (rare but in short texts)
        return keys.tolist()
    band = len(_EMPTY_BAND)
    wanted = (packed[b * band : (b + 1) * band] != _EMPTY_BAND for b in range(BANDS))
    return list(compress(keys, wanted))


def stored_form(signature: Sequence[int]) -> tuple[int, ...]:
    """A sketch as it is stored and compared with stored ones: each bin's low 32 bits, empty
    bins kept empty (two different bins agree by chance once in 2**32)."""
    return tuple(EMPTY if v & KEY_MASK == KEY_MASK else v & KEY_MASK for v in signature)


def pack(signature: Sequence[int]) -> bytes:
    """A sketch as bytes to store (4 bytes a bin)."""
    return _PACK.pack(*(v & KEY_MASK for v in signature))


def unpack(data: bytes) -> tuple[int, ...]:
    """A stored sketch, in `stored_form` (also one stored whole, before schema 16)."""
    if len(data) == _PACK_V15.size:
        return stored_form(_PACK_V15.unpack(data))
    return tuple(EMPTY if v == KEY_MASK else v for v in _PACK.unpack(data))


@dataclass(frozen=True)
class StorySketch:
    """What finding an article's story needs of its text, made where the text already is (the
    analysis worker): the sketch as stored (`pack`; None for a text too short to judge) and its
    LSH band keys. The store only compares and joins."""

    packed: bytes | None
    keys: tuple[int, ...] = ()


def story_sketch(text: str) -> StorySketch:
    """A text's sketch and band keys, ready to store and join."""
    encoded = word_bytes(text)
    if len(encoded) < MIN_WORDS:  # (as sketch(), whose signature is packed here directly)
        return StorySketch(None)
    packed = _packed(_smallest_per_bin(_shingle_hashes(encoded)))
    return StorySketch(packed, tuple(stored_band_keys(packed)))


# Boilerplate: a newsroom's footer ("sign up for our newsletter …") or header under every
# article of its feeds is text the sketches share, and two short different stories under a
# long shared footer looked like one (r29's H1: 5 local stories of ~25 words under a ~90-word
# footer, in two feeds, became 2 "stories"). A pair the sketches take for one story is judged
# again on its own text: every 5-word shingle also found in another recent article of either
# feed (BOILERPLATE_MATES of each) is boilerplate and does not count.
BOILERPLATE_MATES = 10  # other recent articles of each feed whose text is boilerplate's measure
OWN_SHARED_MIN = 10  # shingles (~14 words) of their own text two versions must share at least
UNLIKE_TITLES_SAME = 0.8  # needed when titles share no word and no boilerplate is known
_TITLE_WORD_LETTERS = 4  # title words this long or longer are compared, by their first five
_TITLE_STEM = 5


def shingles(text: str) -> frozenset[int]:
    """The 64-bit hashes of a text's 5-word shingles (those the sketch samples)."""
    encoded = word_bytes(text)
    if len(encoded) < SHINGLE_WORDS:
        return frozenset()
    values = array(_U64, _shingle_hashes(encoded))
    if _BIG_ENDIAN:
        values.byteswap()
    return frozenset(values)


def title_words(title: str) -> frozenset[str]:
    """A title's words worth comparing: those of 4 letters or more, by their first 5 (so
    "library" and "libraries" agree)."""
    return frozenset(w[:_TITLE_STEM] for w in words(title) if len(w) >= _TITLE_WORD_LETTERS)


@dataclass(frozen=True)
class Version:
    """What judging whether two articles are one story needs of each: its title, its text's
    shingles, and those of other recent articles of its feed (where its boilerplate shows)."""

    title: str
    shingles: frozenset[int]
    mates: tuple[frozenset[int], ...] = ()


def own_similarity(a: Version, b: Version) -> tuple[float, int]:
    """The Jaccard similarity of two versions' own texts (their shingles less every shingle
    found in another article of either's feed: boilerplate) and how many own shingles they
    share."""
    own_a = a.shingles.difference(*a.mates, *b.mates)
    own_b = b.shingles.difference(*a.mates, *b.mates)
    shared = len(own_a & own_b)
    union = len(own_a | own_b)
    return (shared / union if union else 0.0), shared


def same_story(a: Version, b: Version) -> bool:
    """Whether two articles the sketches found alike are one story: their own texts (not the
    boilerplate they share with other articles of their feeds) are near-identical (SAME_STORY),
    sharing OWN_SHARED_MIN shingles at least. When neither feed has another article to show
    its boilerplate (two new feeds), titles with no word in common ask for UNLIKE_TITLES_SAME."""
    similar, shared = own_similarity(a, b)
    if shared < OWN_SHARED_MIN:
        return False
    if a.mates or b.mates or title_words(a.title) & title_words(b.title):
        return similar >= SAME_STORY
    return similar >= UNLIKE_TITLES_SAME
