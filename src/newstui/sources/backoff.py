"""When to try a failing feed again: the server's Retry-After, and exponential backoff.

A feed that failed once is tried again on the normal schedule. From the second failure in a row
it waits one refresh interval, doubling with each further failure, up to a day. A 429 or 503
answer's Retry-After (seconds or an HTTP date) is honoured as a minimum, up to a week (any
longer ask, however many digits, is the week); a value that is neither is ignored, and of two
headers (joined "60, 7200") the first that is one counts.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

BACKOFF_CAP = timedelta(days=1)  # longest wait for a feed that keeps failing
RETRY_AFTER_CAP = timedelta(days=7)  # longest Retry-After honoured (a server cannot park a feed)
DEFAULT_INTERVAL = timedelta(minutes=30)  # the backoff unit when automatic refresh is off
_SECONDS = re.compile(r"[0-9]+")
_LONGEST_SECONDS = 12  # digits: 10^12 s is past any cap (int() refuses more than 4,300)
# one header of several joined with ", ": an HTTP date's weekday keeps its comma
_HEADERS = re.compile(r"\s*((?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,)?[^,]*)(?:,|$)", re.I)


def parse_retry_after(value: str | None, now: datetime) -> timedelta | None:
    """A Retry-After header as a wait from `now`: delay-seconds or an HTTP date (RFC 9110).

    None when absent or garbage; a date in the past is no wait; the wait is capped at a week.
    """
    if value is None:
        return None
    for header in _HEADERS.findall(value.strip()):  # (two headers: the first that is one)
        wait = _one_retry_after(header.strip(), now)
        if wait is not None:
            return min(wait, RETRY_AFTER_CAP)
    return None


def _one_retry_after(value: str, now: datetime) -> timedelta | None:
    if _SECONDS.fullmatch(value):
        digits = value.lstrip("0") or "0"
        return RETRY_AFTER_CAP if len(digits) > _LONGEST_SECONDS else timedelta(seconds=int(digits))
    # (the email package, ~31M instructions to import, only for a date given: every fetch loads
    # this module)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:  # "-0000": HTTP dates are GMT
        when = when.replace(tzinfo=UTC)
    return max(when - now, timedelta(0))


def backoff(failures: int, interval: timedelta) -> timedelta:
    """How long a feed waits after `failures` failures in a row (none after the first)."""
    if failures < 2:
        return timedelta(0)
    doublings = min(failures - 2, 32)  # 2^32 intervals is far past the cap
    return min(interval * 2**doublings, BACKOFF_CAP)


def next_try(
    now: datetime, failures: int, interval: timedelta, retry_after: timedelta | None = None
) -> datetime | None:
    """When a feed that has just failed for the `failures`-th time in a row may be fetched again
    (None: at the next refresh)."""
    wait = max(backoff(failures, interval), retry_after or timedelta(0))
    return now + wait if wait > timedelta(0) else None
