"""Read and starred marks brought from another reader (newsboat), kept until their articles
arrive."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ImportedMark:
    """One article's marks in another reader: its feed's URL as the config lists it, its guid
    there and its link (either finds the article), and whether it was read and starred.
    `resolved_guid`: the guid as a fetch stores it when the feed gives it as a permalink (joined
    to the feed's address: `ep1` → http://host/ep1), when that differs; it finds the article too."""

    feed_url: str
    guid: str | None
    link: str | None
    read: bool
    starred: bool = False
    resolved_guid: str | None = None


@dataclass(frozen=True, slots=True)
class MarksTaken:
    """What storing imported marks did: marks given to articles stored already, and marks
    waiting for their articles' first fetch (`read` and `starred` count both)."""

    applied: int
    waiting: int
