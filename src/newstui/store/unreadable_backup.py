"""Why a file SQLite cannot read is no backup `restore` puts back, in the words a user acts on
(user test r47 L8): a SQLite file cut short or damaged (look for a whole copy), a compressed
backup (how to uncompress it), or a file that is no database at all. Read from the file's first
bytes, which say what made it."""

from __future__ import annotations

import os
import shlex

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


def unreadable_reason(backup: str, shown: str, error: str) -> str:
    """What stops the file `backup` (named `shown`), which SQLite could not read (`error`), from
    being put back, after "FILE: not restored: "."""
    try:
        with open(backup, "rb") as file:
            start = file.read(len(SQLITE_HEADER))
    except OSError as exc:  # (SQLite says "unable to open database file")
        return (exc.strerror or str(exc)).lower()
    if start.startswith(SQLITE_HEADER):
        return damaged(error)
    for magic, kind, ending, command in COMPRESSED:
        if start.startswith(magic):
            return f"it looks {kind}-compressed: {_uncompressing(shown, kind, ending, command)}"
    return f"not a newstui store ({error})"


def damaged(error: str) -> str:
    """The words for a SQLite file whose pages cannot be read as one database (`error`): most
    often a copy cut short, as a full disk or an interrupted download leaves it."""
    return f"damaged or cut short ({error}): look for a whole copy"


def _uncompressing(shown: str, kind: str, ending: str, command: str) -> str:
    """How to uncompress the file named `shown` (of the format `kind`), then restore what that
    gives."""
    name = shlex.quote(shown) if shown.isprintable() else shown
    if kind == "zip":
        return f"`unzip {name}` takes out the file it holds; restore that one"
    if shown.endswith(ending) and len(shown) > len(ending):
        out = shown[: -len(ending)]
        return f"`{command} {name}` uncompresses it into {out}; restore that one"
    out = f"{os.path.splitext(shown)[0]}-uncompressed.db"  # (never the file itself)
    if shown.isprintable():
        out = shlex.quote(out)
    return f"`{kind} -dc {name} > {out}` uncompresses it; restore {out}"
