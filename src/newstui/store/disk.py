"""What the disk holds for a store's files: a file's size and the room left beside it (the
upgrade copy, restore and the full-disk wording all ask these)."""

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
