"""The room left on a disk, asked the one way by what writes a large file: the store's copies
(an upgrade's, restore's) and its full-disk wording, and a download before its first byte."""

from __future__ import annotations

import os.path


def free_bytes(path: str) -> int | None:
    """The bytes free to this user on the disk of the folder holding `path`, or its target's
    where it is a symbolic link (SQLite writes the journal there: review r47 M1); None when the
    disk cannot be asked."""
    try:
        disk = os.statvfs(os.path.dirname(os.path.realpath(path)))
    except OSError:
        return None
    return disk.f_bavail * disk.f_frsize
