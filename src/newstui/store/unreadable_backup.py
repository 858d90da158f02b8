"""Why a file SQLite cannot read is no backup `restore` puts back, in the words a user acts on
(user test r47 L8): a SQLite file cut short or damaged (look for a whole copy), a compressed
backup (how to uncompress it), a tar archive (how to take the store out of it: user test r47
L2), or a file that is no database at all. Read from the file's first bytes, which say what made
it."""

from __future__ import annotations

import os
import shlex
import zlib

SQLITE_HEADER = b"SQLite format 3\x00"
"""The first bytes of every SQLite database file."""

COMPRESSED = (
    (b"\x1f\x8b", "gzip", ".gz", "gunzip -k"),
    (b"PK\x03\x04", "zip", ".zip", "unzip"),
    (b"\xfd7zXZ\x00", "xz", ".xz", "unxz -k"),
    (b"BZh", "bzip2", ".bz2", "bunzip2 -k"),
    (b"\x28\xb5\x2f\xfd", "zstd", ".zst", "unzstd"),
)
"""(first bytes, format, its file name's ending, the command that uncompresses such a file
beside it, keeping it) of the compressed files a backup is commonly put in."""

TAR_ENDINGS = (".tar", ".tgz", ".tar.gz", ".tbz2", ".tar.bz2", ".txz", ".tar.xz", ".tar.zst")
"""The name endings of a tar archive, compressed or not (`tar xf` reads each)."""

USTAR = (257, b"ustar")
"""Where a tar archive's first header says it is one (POSIX ustar and GNU tar both)."""


def unreadable_reason(backup: str, shown: str, error: str) -> str:
    """What stops the file `backup` (named `shown`), which SQLite could not read (`error`), from
    being put back, after "FILE: not restored: "."""
    try:
        with open(backup, "rb") as file:
            start = file.read(512)
    except OSError as exc:  # (SQLite says "unable to open database file")
        return (exc.strerror or str(exc)).lower()
    if start.startswith(SQLITE_HEADER):
        return damaged(error)
    inner = _gunzipped(start)  # (a .tgz name on a gzipped store is no tar: review r48)
    if _is_tar(inner) or (
        shown.lower().endswith(TAR_ENDINGS) and not inner.startswith(SQLITE_HEADER)
    ):
        name = shlex.quote(shown) if shown.isprintable() else shown
        return f"a tar archive: `tar xf {name}` gives the .db inside; restore that one"
    for magic, kind, ending, command in COMPRESSED:
        if start.startswith(magic):
            how = _uncompressing(backup, shown, kind, ending, command)
            return f"it looks {kind}-compressed: {how}"
    return f"not a newstui store ({error})"


def _is_tar(start: bytes) -> bool:
    """Whether the first bytes `start` of a file (gunzipped: _gunzipped) are a tar archive's."""
    at, magic = USTAR
    return start[at : at + len(magic)] == magic


def _gunzipped(start: bytes) -> bytes:
    """The first bytes of what a gzipped file holds, from its first bytes `start`; `start` as
    it is for a file not gzipped (b"" for one that does not gunzip)."""
    if not start.startswith(b"\x1f\x8b"):
        return start
    at, magic = USTAR
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(start, at + len(magic))
    except zlib.error:
        return b""


def damaged(error: str) -> str:
    """The words for a SQLite file whose pages cannot be read as one database (`error`): most
    often a copy cut short, as a full disk or an interrupted download leaves it."""
    return f"damaged or cut short ({error}): look for a whole copy"


def _uncompressing(backup: str, shown: str, kind: str, ending: str, command: str) -> str:
    """How to uncompress the file `backup` named `shown` (of the format `kind`), then restore
    what that gives: beside it, under its name less `ending`, unless a file has that name."""
    printable = shown.isprintable()
    name = shlex.quote(shown) if printable else shown
    if kind == "zip":
        return f"`unzip {name}` takes out the file it holds; restore that one"
    stem = shown[: -len(ending)] if shown.endswith(ending) else ""
    beside = backup.endswith(ending) and os.path.lexists(backup[: -len(ending)])
    if stem and not beside:
        out = shlex.quote(stem) if printable else stem
        return f"`{command} {name}` uncompresses it into {out}; restore that one"
    # (never the file itself, nor one beside it: user test r47 L2)
    out = f"{os.path.splitext(stem or shown)[0]}-uncompressed.db"
    if printable:
        out = shlex.quote(out)
    return f"`{kind} -dc {name} > {out}` uncompresses it; restore {out}"
