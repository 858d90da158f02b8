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
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import ne, rshift

SHINGLE_WORDS = 5
SKETCH_BINS = 128
ROWS = 3  # bins per LSH band
BANDS = SKETCH_BINS // ROWS
MIN_WORDS = 40  # shorter texts are too short to tell a copy from a coincidence
STORIES_PER_RUN = 5000  # articles a fetch (or analysis run) sketches: the rest wait for the next
SAME_STORY = 0.4  # estimated Jaccard similarity of shingle sets at or above which texts are one
EMPTY = (1 << 57) - 1  # an empty bin (values are 57-bit)
_SEED = 0x9E3779B9
_WORD = re.compile(r"\w+")
_PACK = struct.Struct(f"<{SKETCH_BINS}I")  # stored bins: the low 32 bits of each
_PACK_V15 = struct.Struct(f"<{SKETCH_BINS}Q")  # sketches stored before schema 16: whole bins
KEY_MASK = 0xFFFFFFFF
_BAND = struct.Struct(f"<H{ROWS}Q")  # what a band key hashes: the band's number and its bins
_EMPTY_BAND = (EMPTY,) * ROWS


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
    """UTF-8 with the _MARKS replaced by spaces (a match is always that character)."""
    for mark in _MARKS:
        encoded = encoded.replace(mark, b" ")
    return encoded


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


def sketch(text: str) -> tuple[int, ...] | None:
    """The MinHash sketch of a text's 5-word shingles, or None for a text too short to judge."""
    encoded = word_bytes(text)
    if len(encoded) < MIN_WORDS:
        return None
    runs = (encoded[i:] for i in range(SHINGLE_WORDS))  # zip stops at the shortest: the last run
    return _smallest_per_bin(list(map(b" ".join, zip(*runs, strict=False))))


def _smallest_per_bin(shingles: list[bytes]) -> tuple[int, ...]:
    """Each shingle's 64-bit hash h = crc32(s) | crc32(s, seed) << 32 (stable across runs) goes
    to bin h % 128 with the value h >> 7; a bin keeps its smallest value. The hashes are made
    by C functions over arrays, not one by one: crc32(s, seed) is crc32(s) XOR a constant for
    the length of s (_SEEDED), XORed for all shingles at once as two long integers, and the
    two halves interleaved into 64-bit hashes by slice assignment. Within a bin (h's lowest
    7 bits) the smallest h has the smallest h >> 7, so the loop compares hashes only."""
    low = array(_U32, map(zlib.crc32, shingles))
    seeded = array(_U32, map(_SEEDED.__getitem__, map(len, shingles)))
    size = 4 * len(low)  # bytes (the bytes' order does not matter to a XOR)
    xored = int.from_bytes(low, "little") ^ int.from_bytes(seeded, "little")
    halves = array(_U32, bytes(2 * size))
    halves[_LOW_HALF::2] = low
    halves[1 - _LOW_HALF :: 2] = array(_U32, xored.to_bytes(size, "little"))
    packed = halves.tobytes()
    smallest = [_NO_HASH] * SKETCH_BINS
    for b, h in zip(packed[_LOWEST_BYTE::8].translate(_BIN), array(_U64, packed), strict=True):
        if h < smallest[b]:
            smallest[b] = h
    return tuple(map(rshift, smallest, repeat(7)))


class _SeededCrc(dict[int, int]):
    """For a length n: crc32(s, _SEED) ^ crc32(s), the same for every s of n bytes. CRC-32 is
    affine in its starting value: another start changes the checksum by that start carried
    through n zero bytes, whatever the bytes are."""

    def __missing__(self, size: int) -> int:
        zeros = bytes(size)
        seeded = self[size] = zlib.crc32(zeros, _SEED) ^ zlib.crc32(zeros)
        return seeded


_SEEDED = _SeededCrc()
# array type codes of 4 and 8 bytes (unsigned int and long long on every common platform)
_U32 = next(code for code in "IL" if array(code).itemsize == 4)
_U64 = next(code for code in "QL" if array(code).itemsize == 8)
_NO_HASH = (1 << 64) - 1  # >> 7 is EMPTY
_BIN = bytes(range(SKETCH_BINS)) * (256 // SKETCH_BINS)  # a byte's lowest 7 bits
# Where the halves of a native 64-bit hash are: crc32(s) the low half, its lowest byte first
# on a little-endian machine, last on a big-endian one.
_LOW_HALF, _LOWEST_BYTE = (0, 0) if sys.byteorder == "little" else (1, 7)


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the two shingle sets behind two sketches."""
    used = [(x, y) for x, y in zip(a, b, strict=True) if x != EMPTY or y != EMPTY]
    if not used:
        return 0.0
    return sum(x == y for x, y in used) / len(used)


def band_keys(signature: Sequence[int]) -> list[int]:
    """One LSH bucket key per band (32-bit: a collision only adds a candidate that the sketches'
    similarity then rejects): equal keys make candidates. A band of empty bins has none."""
    import hashlib  # not at import: the app's start and a listing need no digest

    # Band by band in order, by map() over C functions, each hash a copy of a blank one
    # (made with its digest size once): the same keys as a loop, -23% instructions.
    rows = [signature[row::ROWS] for row in range(ROWS)]  # (zip and map stop at BANDS)
    wanted = map(ne, zip(*rows, strict=False), repeat(_EMPTY_BAND))
    packed = list(compress(map(_BAND.pack, range(BANDS), *rows), wanted))
    blank = hashlib.blake2b(digest_size=8)
    hashes = [blank.copy() for _ in packed]
    deque(map(hashlib.blake2b.update, hashes, packed), maxlen=0)
    digests = map(hashlib.blake2b.digest, hashes)
    return [int.from_bytes(digest, "little") & KEY_MASK for digest in digests]


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
    signature = sketch(text)
    if signature is None:
        return StorySketch(None)
    return StorySketch(pack(signature), tuple(band_keys(signature)))
