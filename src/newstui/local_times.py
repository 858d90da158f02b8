"""Stored times (ISO 8601 UTC) as a reader reads them: in the local time zone, the process's (TZ,
else the system's), as newsboat and mail readers show dates. One module for the CLI and the app;
`--json` keeps the stored UTC. A TZ the C library cannot find (a slim container has no
/usr/share/zoneinfo) is read through Python's zoneinfo, from the tzdata package at worst. Where no
zone can be found the times are UTC and say so ("UTC").

Every function takes the zone (`zone`, None: ZONE) so that a test can fix one whatever the TZ of
the machine running it."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import cache, lru_cache

# The zone times are shown in. None: the process's, asked for each time (so that a summer date
# gets summer time in winter); a tzinfo (zoneinfo.ZoneInfo, datetime.UTC) fixes one.
ZONE: tzinfo | None = None

# How a source's date without a time (`<pubDate>2 Nov 2026`) is stored: shown as that day in
# every zone (a zone moves no day that has no time). A real midnight UTC is stored the same, and
# marked apart (schema 53: articles.timed_midnight, ArticleRow.date_only False).
DATE_ONLY = "T00:00:00+00:00"
WEEK_FORM_DAYS = 6  # a time this close to now says its weekday ("Tue 15:10"), not its date


def local(when: datetime, zone: tzinfo | None = None) -> datetime:
    """An aware time in the zone (a naive one is taken as UTC, as the store keeps times; one at
    the end of the calendar, which the zone would move past it, stays as it is)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        return when.astimezone(_zone(zone))
    except (OverflowError, ValueError, OSError):
        return when


def today(zone: tzinfo | None = None) -> date:
    """The local day now."""
    return local(datetime.now(UTC), zone).date()


def local_day(when: datetime, zone: tzinfo | None = None) -> str:
    """The local day of a time, as YYYY-MM-DD: the day something kept is deleted or forgotten
    (a set-aside feed's "kept until"), which a reader counts in their own days."""
    return local(when, zone).date().isoformat()


def parsed(iso: str | datetime) -> datetime | None:
    """A stored ISO 8601 time (naive: UTC), or None when it is not one."""
    if isinstance(iso, datetime):
        return iso if iso.tzinfo is not None else iso.replace(tzinfo=UTC)
    try:
        when = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def local_iso(iso: str, zone: tzinfo | None = None) -> str:
    """A stored time as ISO 8601 in the zone ("2026-12-07T01:00:00+09:00" for 16:00 UTC in Tokyo),
    or `iso` itself when it is no time (shown as it is rather than lost)."""
    when = parsed(iso)
    return iso if when is None else local(when, zone).isoformat()


def local_minute(iso: str, zone: tzinfo | None = None) -> str | None:
    """local_iso(iso, zone) to the minute ("2026-12-07T01:00"), for a listing's thousands of
    rows: the local hour of its UTC hour, found once an hour (_local_hour), and its minute;
    None for a time of another form ("2026-12-07T01:00Z", no time), or whose hour has a clock
    change or a zone a part of an hour off its own (India's +05:30): local_iso shows those."""
    if (
        iso[13:14] != ":"
        or iso[16:17] != ":"
        or iso[14:16] not in _SIXTY
        or iso[17:19] not in _SIXTY
    ):
        return None
    hour = _local_hour(iso[:13], iso[19:], _zone(zone))
    return None if hour is None else hour + iso[13:16]


_SIXTY = frozenset(f"{n:02}" for n in range(60))  # a time's minutes and seconds


@lru_cache(maxsize=1 << 14)  # (two years of hours; sorted rows miss once an hour)
def _local_hour(hour: str, offset: str, zone: tzinfo | None) -> str | None:
    """The local "YYYY-MM-DDTHH" of a stored time's hour ("2026-12-06T16" and "+00:00"), or
    None where its minutes do not follow it: a clock change within the hour, an offset of a
    part of an hour (India's +05:30), no time. (zone None, the process's: see zone_changed.)"""
    start = parsed(f"{hour}:00:00{offset}")
    if start is None:
        return None
    try:
        first, last = local(start, zone), local(start + timedelta(minutes=59, seconds=59), zone)
    except OverflowError:  # the calendar's last hour
        return None
    shift = (first.utcoffset() or timedelta(0)) - (start.utcoffset() or timedelta(0))
    if first.utcoffset() != last.utcoffset() or shift % timedelta(hours=1):
        return None
    return first.isoformat()[:13]


def minutes(iso: str | datetime, zone: tzinfo | None = None) -> str:
    """A stored time to the minute: "2026-11-30 15:10" (then " UTC" where no zone was found)."""
    when = parsed(iso)
    return str(iso) if when is None else f"{local(when, zone):%Y-%m-%d %H:%M}{zone_label(zone)}"


def short_time(iso: str | datetime, now: datetime | None = None, zone: tzinfo | None = None) -> str:
    """A stored time as short as its nearness to `now` allows: "15:10" today, "Tue 15:10" within
    a week, else "2026-12-24 15:10" (then " UTC" where no zone was found)."""
    when = parsed(iso)
    if when is None:
        return str(iso)
    when = local(when, zone)
    now = local(now or datetime.now(UTC), zone)
    if when.date() == now.date():
        shown = f"{when:%H:%M}"
    elif abs(when - now) < timedelta(days=WEEK_FORM_DAYS):
        shown = f"{when:%a %H:%M}"
    else:
        shown = f"{when:%Y-%m-%d %H:%M}"
    return shown + zone_label(zone)


def day_start(day: date, zone: tzinfo | None = None) -> datetime:
    """The first moment of a calendar day in the zone, in UTC (a search's `after:` and `before:`
    days are the reader's own): its midnight, or where a clock change skips that midnight
    (America/Santiago on 2026-09-06), the first moment whose local date is the day."""
    zone = _zone(zone)
    # (a midnight a clock change skips or repeats reads two ways, with the offset before the
    # change and after it (fold); a naive time's astimezone() reads it in the process's zone)
    naive = datetime.combine(day, time())
    readings = []
    for moment in (naive, naive.replace(fold=1)):
        try:
            aware = moment.astimezone() if zone is None else moment.replace(tzinfo=zone)
            readings.append(aware.astimezone(UTC))
        except (OverflowError, ValueError, OSError):  # the year 1 east of UTC, 9999 west of it
            continue
    on_the_day = [moment for moment in sorted(readings) if local(moment, zone).date() >= day]
    if not on_the_day:
        return datetime.combine(day, time(), tzinfo=UTC)
    start = on_the_day[0]
    if local(start, zone).time() == time():
        return start  # its midnight (the first of two where the clock went back over it)
    try:
        return _first_moment_of(day, start - timedelta(days=1), start, zone)
    except OverflowError:
        return start


def _first_moment_of(day: date, before: datetime, start: datetime, zone: tzinfo | None) -> datetime:
    """The first second from `before` (a moment of an earlier local day) to `start` (one of
    `day`) whose local date is `day`: the moment a clock change that skipped the day's
    midnight happened (found by halving: ~17 steps)."""
    while start - before > timedelta(seconds=1):
        middle = (before + (start - before) / 2).replace(microsecond=0)
        if local(middle, zone).date() >= day:
            start = middle
        else:
            before = middle
    return start


# A time a stored message names: "…; the server asks to wait until 2026-12-07T08:37:00+00:00
# (Retry-After)" (ISO 8601 UTC, as the store keeps times: right in every zone, on any day and in
# `--json`), shown as the reader reads times ("until 17:37") by `in_message`
_UNTIL_ISO = r"(?<=until )(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\+00:00|Z))"
# The wall-clock time such a message held from b2097304 to this one, in no known zone and
# with no date ("until 08:37", "until Tue 08:37"): dropped, as it may be another zone's (the
# feed's next try says when); one saying UTC (r44 to r45, or no zone found) is right as it is
_UNTIL_CLOCK = r",? until (?:[A-Z][a-z]{2} |\d{4}-\d\d-\d\d )?\d\d:\d\d(?= \(Retry-After\))"


def until_iso(moment: datetime) -> str:
    """ "until 2026-12-07T08:37:00+00:00": a time a stored message names (in_message shows it)."""
    return f"until {moment.astimezone(UTC).replace(microsecond=0).isoformat()}"


def in_message(text: str, now: datetime | None = None, zone: tzinfo | None = None) -> str:
    """A stored message as a reader reads it: the times it names (see `until_iso`) as short_time
    shows them ("until Tue 08:37")."""
    if "until " not in text:
        return text
    import re

    text = re.sub(_UNTIL_CLOCK, "", text)
    return re.sub(_UNTIL_ISO, lambda found: short_time(found[1], now, zone), text)


def zone_label(zone: tzinfo | None = None) -> str:
    """ " UTC" after a shown time when the process's zone cannot be found (its times are UTC
    then: TZ names no zone, or neither TZ nor /etc/localtime is set), else "": a zone that is
    found is the reader's own, and needs no name."""
    if _zone(zone) is not None:
        return ""
    return "" if _process_zone_found() else " UTC"


def _zone(zone: tzinfo | None) -> tzinfo | None:
    """The zone times are shown in: `zone`, else ZONE, else the one TZ names that only zoneinfo
    found (_zone_of_tz), else None (the process's, as the C library reads it)."""
    if zone is not None:
        return zone
    return ZONE if ZONE is not None else _zone_of_tz()


@cache
def _zone_of_tz() -> tzinfo | None:
    """The zone TZ names when the C library could not find it but Python's zoneinfo can: a slim
    container without /usr/share/zoneinfo, `TZ=Europe/Berlin` read from the tzdata package (a
    dependency for this). None when the C library found its zone, or none is to be had."""
    import os

    if _process_zone_found():
        return None
    name = os.environ.get("TZ", "").strip().lstrip(":")
    if not name:
        return None
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # no such zone; a path; an unreadable file
        return None


def zone_changed() -> None:
    """Forget what was learnt of the process's zone: call after time.tzset() (a test's: newstui
    itself reads the zone once)."""
    _process_zone_found.cache_clear()
    _zone_of_tz.cache_clear()
    _local_hour.cache_clear()


@cache
def _process_zone_found() -> bool:
    """Whether the C library found the zone it reads times in (TZ, else /etc/localtime). One it
    cannot find (TZ=Asia/Tokio) it takes as UTC under the name it was given ("Asia"), and one a
    day or more off (TZ=UTC-25: glibc shows UTC, Python finds an offset no time can have: local()
    keeps UTC, hostile r46 L5) is no zone either."""
    import os
    import time as clock

    if max(abs(clock.timezone), abs(clock.altzone)) >= 24 * 3600:
        return False
    zero = clock.timezone == 0 and (not clock.daylight or clock.altzone == 0)
    if not zero:
        return True  # a zone with an offset was read from somewhere
    tz = os.environ.get("TZ")
    if tz is None:
        return os.path.exists("/etc/localtime")
    return clock.tzname[0] in ("UTC", "GMT") and tz.strip(":") != ""
