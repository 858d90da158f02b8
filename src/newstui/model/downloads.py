"""The download queue's entries (podcasts and other enclosures)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal
from urllib.parse import urlsplit

DownloadState = Literal["queued", "downloading", "done", "failed"]
StopThen = Literal["forget", "delete"]  # what a running download asked to stop does once stopped
PART_SUFFIX = ".part"  # what has arrived of an unfinished download: PATH + PART_SUFFIX
# beside a .part: the validator (a strong ETag, else a Last-Modified date) of the file its bytes
# are the start of, sent as If-Range when it resumes: PATH + PART_SUFFIX + VALIDATOR_SUFFIX
VALIDATOR_SUFFIX = ".validator"
# passing failures in a row (the network, a 5xx, a 429) after which a download is no longer
# tried again by itself (by the next `download` run, or the app's next refresh): `--retry`, `r`
MAX_PASSING_TRIES = 8


@dataclass(frozen=True)
class Download:
    """One enclosure in the download queue: where it comes from, where it goes, how far it got.

    `article_id` is None once the article was deleted (the download and its file stay)."""

    id: int
    url: str
    title: str  # the article's title when queued
    mime: str
    state: DownloadState
    path: str  # the file when done; while downloading, PATH + ".part" holds what arrived
    bytes_done: int = 0
    bytes_total: int | None = None  # None: the server did not say
    error: str | None = None
    article_id: int | None = None
    queued_at: str = ""
    finished_at: str | None = None
    owner: int | None = None  # the id of the process downloading it (state "downloading")
    # failed for a passing reason (the network, a 5xx, a 429) this many times in a row...
    tries: int = 0
    # ...and the next `download` run may queue it again from then (ISO 8601 UTC); None: only
    # `download --retry` does (a failure for good, or too many passing ones)
    retry_at: str | None = None

    @property
    def part_path(self) -> str:
        """The file an unfinished download's bytes collect in."""
        return self.path + PART_SUFFIX

    @property
    def validator_path(self) -> str:
        """The file beside the .part naming the version of the file it holds (resumed only so)."""
        return self.path + PART_SUFFIX + VALIDATOR_SUFFIX

    @property
    def fraction(self) -> float | None:
        """How much has arrived (0 to 1), or None when the total is unknown."""
        if self.state == "done":
            return 1.0
        if not self.bytes_total:
            return None
        return min(self.bytes_done / self.bytes_total, 1.0)


def url_host(url: str) -> str:
    """A download URL's host, by which downloads at once to one host are counted ("" for
    none)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


RETRY_SOON = timedelta(minutes=1)  # a wait ending sooner is "the next run", not a time


def tried_again_after(download: Download, now: datetime | None = None) -> str | None:
    """When a download that failed for a passing reason is tried again by itself, as the lines
    saying it name it (`retry_at`, ISO 8601 UTC): None when that is the next run (its wait ends
    within RETRY_SOON of `now`: a first failure) or never by itself (`retry_at` None: --retry,
    `r`). The one rule of `download`'s lines and the app's (review r50: written twice)."""
    if download.retry_at is None:
        return None
    soon = ((now or datetime.now(UTC)) + RETRY_SOON).replace(microsecond=0).isoformat()
    return download.retry_at if download.retry_at > soon else None
