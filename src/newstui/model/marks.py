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
class MarkCounts:
    """What became of one kind of mark (read, or starred) of one import: given to its article
    now, waiting for the article's first fetch, on the article already, or not given because
    an earlier import gave it and the user undid it since (their choice stands); they add up
    to the marks of that kind the import brought."""

    given: int = 0
    waiting: int = 0
    there: int = 0
    undone: int = 0

    @property
    def total(self) -> int:
        return self.given + self.waiting + self.there + self.undone


@dataclass(frozen=True, slots=True)
class MarksTaken:
    """What storing imported marks did: articles given a mark now, and marks waiting for their
    articles' first fetch (all the store keeps, an earlier import's too); `read` and `starred`:
    what became of this import's own marks of each kind."""

    applied: int
    waiting: int
    read: MarkCounts = MarkCounts()
    starred: MarkCounts = MarkCounts()


@dataclass(frozen=True, slots=True)
class WaitingMarks:
    """Imported marks still waiting for one feed's articles: how many, whether the feed was read
    since their import (then its items hold none of theirs: gone from the feed, or known by
    another id), and the day the last of them is forgotten unmatched (YYYY-MM-DD)."""

    feed_url: str
    name: str  # the stored feed's name, else its URL
    marks: int
    read_since: bool
    forgotten: str

    def line(self) -> str:
        """`Pod: 3 marks imported from newsboat match none of its articles …`, for fetch and
        feeds: a mark that can never arrive is said, not kept silently for 60 days."""
        one = self.marks == 1
        marks = f"{self.marks:,} {'mark' if one else 'marks'} imported from newsboat"
        if self.read_since:
            return (
                f"{self.name}: {marks} {'matches' if one else 'match'} none of its articles (not "
                f"in the feed when it was read); kept until {self.forgotten} in case "
                f"{'it comes' if one else 'they come'} back"
            )
        wait = "waits" if one else "wait"
        return f"{self.name}: {marks} {wait} for its next fetch (kept until {self.forgotten})"
