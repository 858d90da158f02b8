"""Content codings decoded in bounded steps: right bytes for every coding and chunking, bombs cut short."""

from __future__ import annotations

import gzip
import itertools
import zlib
from collections.abc import Iterable
from pathlib import Path

import brotli
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newstui.sources.decoding import STEP, BodyDecoder, DecodingError, accepted_encodings

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"
TEXT = b"<rss><channel><title>Harbour news</title></channel></rss>\n" * 400


def decode_all(encoding: str | None, chunks: Iterable[bytes]) -> bytes:
    decoder = BodyDecoder(encoding)
    out = [piece for chunk in chunks for piece in decoder.decode(chunk)]
    return b"".join(out) + b"".join(decoder.flush())


def in_chunks(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def raw_deflate(data: bytes) -> bytes:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


ENCODED = {
    "gzip": gzip.compress(TEXT),
    "x-gzip": gzip.compress(TEXT),
    "deflate": zlib.compress(TEXT),
    "br": brotli.compress(TEXT),
    "gzip, br": brotli.compress(gzip.compress(TEXT)),
    "br, gzip": gzip.compress(brotli.compress(TEXT)),
    "deflate, gzip, br": brotli.compress(gzip.compress(zlib.compress(TEXT))),
    "identity": TEXT,
    "": TEXT,
}


@pytest.mark.parametrize("encoding", list(ENCODED))
@pytest.mark.parametrize("chunk", [1, 7, 4096, 10**7])
def test_every_coding_decodes_to_the_original_bytes_however_the_body_is_chunked(encoding, chunk):
    assert decode_all(encoding, in_chunks(ENCODED[encoding], chunk)) == TEXT


@settings(max_examples=40, deadline=None)
@given(cuts=st.lists(st.integers(min_value=0, max_value=2000), max_size=12))
def test_arbitrary_chunk_boundaries_never_change_the_decoded_body(cuts):
    body = gzip.compress(TEXT[:1000]) + gzip.compress(TEXT[1000:])
    points = sorted({0, len(body), *(c % (len(body) + 1) for c in cuts)})
    chunks = [body[a:b] for a, b in itertools.pairwise(points)]

    assert decode_all("gzip", chunks) == TEXT


def test_raw_deflate_without_the_zlib_wrapper_is_read_too():
    assert decode_all("deflate", in_chunks(raw_deflate(TEXT), 3)) == TEXT


def test_multi_member_gzip_is_read_to_the_last_member_and_trailing_padding_ignored():
    body = gzip.compress(b"first ") + gzip.compress(b"second") + b"\0" * 8

    assert decode_all("gzip", in_chunks(body, 5)) == b"first second"


def test_corrupt_data_is_a_decoding_error():
    with pytest.raises(DecodingError):
        decode_all("gzip", [b"\x1f\x8b\x08\x00" + b"not gzip at all" * 10])
    with pytest.raises(DecodingError):
        decode_all("br", [b"\xff" * 64])


def test_more_than_three_stacked_codings_are_refused():
    with pytest.raises(DecodingError, match="4 stacked"):
        BodyDecoder("gzip, gzip, gzip, gzip")


def test_an_unknown_coding_name_is_read_as_is_like_browsers_do():
    assert decode_all("utf-8", [TEXT]) == TEXT


def test_brotli_is_advertised_because_the_installed_binding_can_bound_its_output():
    assert accepted_encodings() == "gzip, deflate, br"


def first_pieces(encoding: str, body: bytes, enough: int) -> tuple[int, int]:
    """Decode until `enough` bytes came out; returns (bytes decoded, largest single piece)."""
    decoder = BodyDecoder(encoding)
    total = largest = 0
    for chunk in in_chunks(body, 64 * 1024):
        for piece in decoder.decode(chunk):
            total += len(piece)
            largest = max(largest, len(piece))
            if total >= enough:
                return total, largest
    return total, largest


BOMB_BR = (HOSTILE / "zeros-1gib.br").read_bytes()  # 841 bytes → 1 GiB of zeros
BOMB_GZ_GZ = (HOSTILE / "zeros-1gib.gz.gz").read_bytes()  # 1,827 bytes → 1 MB → 1 GiB


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("br", BOMB_BR),
        ("gzip", gzip.decompress(BOMB_GZ_GZ)),
        ("gzip, gzip", BOMB_GZ_GZ),
        ("br, gzip", gzip.compress(BOMB_BR)),
    ],
    ids=["br", "gzip", "gzip-in-gzip", "br-in-gzip"],
)
def test_a_bomb_comes_out_in_small_pieces_so_the_caller_can_stop_it(encoding, body):
    total, largest = first_pieces(encoding, body, 20_000_000)

    assert total >= 20_000_000  # it really is a bomb
    assert largest <= 2 * STEP  # never a whole network chunk inflated at once
