"""What the disk holds for a store's files: a file's size, the room left beside it (the
upgrade copy, restore and the full-disk wording all ask these), and whether two copies hold
the same bytes."""

from __future__ import annotations

import os
import os.path


def file_size(path: str) -> int:
    """A file's size in bytes, 0 when there is none or it cannot be read."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def free_bytes(path: str) -> int | None:
    """The bytes free to this user on the disk of the folder holding `path`; None when the
    disk cannot be asked."""
    try:
        disk = os.statvfs(os.path.dirname(os.path.abspath(path)))
    except OSError:
        return None
    return disk.f_bavail * disk.f_frsize


def same_bytes(path: str, other: str) -> bool:
    """Whether the regular files `path` and `other` hold the same bytes (sizes first, then both
    read in chunks to the first difference); False when one cannot be read. Two copies of one
    store made by SQLite's backup are the same byte for byte, header included."""
    import filecmp

    try:
        return filecmp.cmp(path, other, shallow=False)
    except OSError:
        return False
