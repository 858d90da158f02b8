"""Reading a small file a user names (an OPML, newsboat's urls, config, its includes, podboat's
queue) without trusting it: a regular file only (never a device such as /dev/zero or a named
pipe that is never written to) and no more than a limit, so that no such file exhausts memory
or waits for ever."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

SUBSCRIPTION_FILE_BYTES = 64_000_000  # an OPML of 100,000 feeds is ~20 MB
SETTINGS_FILE_BYTES = 8_000_000  # newsboat's config, a file it includes, podboat's queue


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file `path`; an OSError whose strerror says why not ('not a
    regular file (a character device)', 'larger than 8,000,000 bytes'), as open's own do."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, f"not a regular file ({_kind(mode)})", str(path))
        chunks = []
        size = 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise OSError(errno.EFBIG, f"larger than {limit:,} bytes", str(path))
        return b"".join(chunks)
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    """What a file that is not a regular one is, in a user's words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"
