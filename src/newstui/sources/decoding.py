"""HTTP content codings (gzip, deflate, brotli) decoded with bounded output per step.

A decompression bomb is refused after at most one step of output past the size cap, instead of
after a whole network chunk has been inflated (a 1 KB brotli chunk can inflate to gigabytes).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, Protocol

STEP = 64 * 1024  # most bytes one decoder produces per call
MAX_CODINGS = 3  # more stacked codings than this is refused (each holds its own window)


class DecodingError(Exception):
    """A body that does not decode as its Content-Encoding says."""


def _load_brotli() -> Any | None:
    """The brotli module if it can bound its output per call (brotli ≥ 1.2's output_buffer_limit)."""
    for name in ("brotli", "brotlicffi"):
        try:
            module = __import__(name)
            probe = module.Decompressor()
            probe.process(b"", output_buffer_limit=STEP)
            probe.can_accept_more_data()
        except (ImportError, TypeError, AttributeError):
            continue
        except Exception:  # an odd build: treat as absent rather than trust it
            continue
        return module
    return None


_brotli = _load_brotli()


def accepted_encodings() -> str:
    """The Accept-Encoding header value: only the codings this module can bound."""
    return "gzip, deflate, br" if _brotli is not None else "gzip, deflate"


class _Decoder(Protocol):
    def decode(self, data: bytes) -> Iterator[bytes]: ...
    def flush(self) -> Iterator[bytes]: ...


class _Zlib:
    """gzip (every member of a multi-member body) or deflate (zlib-wrapped or raw)."""

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._head = b""  # deflate: the first bytes, kept until the wrapper is known
        self._inflater: Any = zlib.decompressobj(31) if gzip else None
        self._member_output = False  # the current gzip member has produced output
        self._later_member = False  # reading a gzip member after the first
        self._done = False  # trailing garbage after the last gzip member is ignored

    def decode(self, data: bytes) -> Iterator[bytes]:
        if self._inflater is None:  # deflate: zlib header (RFC 1950) or raw (what IIS sends)
            self._head += data
            if len(self._head) < 2:
                return
            data, self._head = self._head, b""
            wrapped = data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._inflater = zlib.decompressobj(15 if wrapped else -15)
        while data and not self._done:
            try:
                out = self._inflater.decompress(data, STEP)
            except zlib.error:
                if self._later_member and not self._member_output:
                    self._done = True  # not another gzip member: padding or garbage, as gzip(1)
                    return
                # (zlib's "Error -3 while decompressing data: …" means nothing to a reader)
                raise DecodingError(f"the {self._name}-compressed answer is damaged") from None
            if out:
                self._member_output = True
                yield out
            if self._inflater.eof:
                data = self._inflater.unused_data
                if not self._gzip:
                    return
                self._inflater = zlib.decompressobj(31)  # the next member, if any
                self._member_output = False
                self._later_member = True
                continue
            data = self._inflater.unconsumed_tail
            while not data and len(out) == STEP:  # output still pending inside zlib
                out = self._inflater.decompress(b"", STEP)
                if out:
                    yield out

    @property
    def _name(self) -> str:
        return "gzip" if self._gzip else "deflate"

    def flush(self) -> Iterator[bytes]:
        if self._head:
            raise DecodingError("the deflate-compressed answer is damaged (one byte)")
        return iter(())


class _Brotli:
    """brotli, through Decompressor.process with output_buffer_limit."""

    def __init__(self) -> None:
        assert _brotli is not None
        self._error: type[Exception] = _brotli.error
        self._decompressor = _brotli.Decompressor()

    def _step(self, data: bytes) -> bytes:
        try:
            return self._decompressor.process(data, output_buffer_limit=STEP)
        except self._error:
            raise DecodingError("the brotli-compressed answer is damaged") from None

    def decode(self, data: bytes) -> Iterator[bytes]:
        if self._decompressor.is_finished():
            return  # bytes after the end of the stream are ignored
        out = self._step(data)
        if out:
            yield out
        while not self._decompressor.can_accept_more_data():
            out = self._step(b"")
            if out:
                yield out

    def flush(self) -> Iterator[bytes]:
        while not self._decompressor.is_finished():
            out = self._step(b"")
            if not out:
                return  # a truncated stream: what was decoded stands
            yield out


class _Identity:
    def decode(self, data: bytes) -> Iterator[bytes]:
        if data:
            yield data

    def flush(self) -> Iterator[bytes]:
        return iter(())


class BodyDecoder:
    """Decodes a response body under its Content-Encoding, one bounded piece at a time."""

    def __init__(self, content_encoding: str | None) -> None:
        codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
        codings = [c for c in codings if c not in ("identity", "none")]
        if len(codings) > MAX_CODINGS:
            raise DecodingError(f"{len(codings)} stacked content encodings")
        # The last coding applied is the first undone.
        self._decoders: list[_Decoder] = [_decoder_for(c) for c in reversed(codings)]

    def decode(self, data: bytes) -> Iterator[bytes]:
        """Decoded pieces of the next raw chunk, each at most a few STEPs long."""
        yield from self._through(0, data)

    def flush(self) -> Iterator[bytes]:
        """What the decoders still hold once the raw body has ended."""
        for i, decoder in enumerate(self._decoders):
            for piece in decoder.flush():
                yield from self._through(i + 1, piece)

    def _through(self, level: int, data: bytes) -> Iterator[bytes]:
        if level == len(self._decoders):
            if data:
                yield data
            return
        for piece in self._decoders[level].decode(data):
            yield from self._through(level + 1, piece)


def _decoder_for(coding: str) -> _Decoder:
    if coding in ("gzip", "x-gzip"):
        return _Zlib(gzip=True)
    if coding == "deflate":
        return _Zlib(gzip=False)
    if coding == "br" and _brotli is not None:
        return _Brotli()
    if coding == "br":
        raise DecodingError("brotli response, but no brotli decoder that can bound its output")
    # Servers send odd values ("utf-8", "text"): like browsers and httpx, read the body as is.
    return _Identity()
