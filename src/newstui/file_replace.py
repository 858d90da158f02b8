"""Replacing a file's text whole, never half-written: the text goes into a file of its own beside
the target and is renamed over it once written (feeds.toml, an export, the sync token cache)."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


def replace_file_text(
    path: Path, text: str, *, mode: int | None = None, owner_only: bool = False
) -> None:
    """Write `text` (UTF-8) over the file at `path` at once: a reader finds the old text or the
    new, and a failed write leaves the old file as it was. A symbolic link stays one, its target
    written. The file's permissions: `mode` when given, else its own (0600 for a new file);
    `owner_only` takes the group's and others' off them. The text is written to a temporary file
    of a name of its own (0600 until it takes those permissions), removed if the write fails.
    OSError when the folder or the file cannot be written."""
    import tempfile  # only here: it imports shutil, random… (a command that writes no file)

    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if mode is None:
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mode = 0o600
    if owner_only:
        mode &= 0o700
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with open(fd, "w", encoding="utf-8") as out:
            out.write(text)
            os.fchmod(out.fileno(), mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
