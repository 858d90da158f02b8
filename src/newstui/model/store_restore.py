"""A backup put back as the store (`newstui restore`): what it held, and where the store as it
was is kept."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Restored:
    """What a restore did: the backup's schema version and size, and the file keeping the
    store as it was, with its size ("" and 0 when there was no store)."""

    schema: int
    bytes: int
    kept: str = ""
    kept_bytes: int = 0
