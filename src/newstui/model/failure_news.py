"""Which outcomes of a fetch are news to someone reading a cron mail (`fetch --quiet`): a source
failing as it failed at its last fetch is not said again (newsboat's `-x reload` says nothing at
all, and cron mails whatever a run prints); its first failure, a changed one and its recovery
are. Decided from the source's stored fetch record as it was before the fetch."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from newstui.model.fetching import SourceOutcome

FailureNews = Literal["new", "again", "recovered", "none"]
"""new: failed, and not as at its last fetch (or never fetched); again: failed as at its last
fetch; recovered: read after its last fetch failed; none: read as before, or not tried."""


@dataclass(frozen=True)
class LastFetch:
    """A source's stored fetch record before this fetch: its error (None: it was read), its
    failures in a row and since when (ISO 8601 UTC; failures not counted too, while the network
    was down: then `failures` is 0)."""

    error: str | None
    failures: int = 0
    failing_since: str | None = None


# an ISO 8601 moment inside a message: a Retry-After's time, which differs from run to run
_MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?")


def failure_key(error: str) -> str:
    """An error as two runs' are compared: one line with passwords hidden (as the store keeps
    it), without the moments it names (the server's 'wait until …' moves on each run)."""
    from newstui.errors import hide_passwords
    from newstui.text import clean_line

    return _MOMENT.sub("…", hide_passwords(clean_line(error)))


def failure_news(outcome: SourceOutcome, last: LastFetch | None) -> FailureNews:
    """What `outcome` is to a reader who saw the last fetch's (`last`: None for a source no fetch
    stored before)."""
    if outcome.error:
        if (
            last is not None
            and last.error
            and failure_key(last.error) == failure_key(outcome.error)
        ):
            return "again"
        return "new"
    if outcome.waiting_until:  # left to wait, not tried: nothing happened to it
        return "none"
    return "recovered" if last is not None and last.error else "none"
