"""Times are shown in the reader's zone: a reader in Tokyo sees this morning's news dated today
(user test r45 H1), and one whose zone cannot be found is told the times are UTC."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from newstui import local_times
from newstui.headline_fields import shown_date
from newstui.local_times import in_message, minutes, short_time, zone_label
from newstui.model.fetching import RemovedSource, SetAsideSource
from newstui.render import updated_phrase

TOKYO = ZoneInfo("Asia/Tokyo")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
KOLKATA = ZoneInfo("Asia/Kolkata")  # (half an hour off: a listing's cache of hours keeps none)


@pytest.mark.parametrize(
    ("zone", "stored", "shown", "date_only"),
    [
        (TOKYO, "2026-12-06T14:59:00+00:00", "2026-12-06 23:59", None),
        (TOKYO, "2026-12-06T15:00:00+00:00", "2026-12-07 00:00", None),
        # r45 H1: shown "12-06 16:00"
        (TOKYO, "2026-12-06T16:00:00+00:00", "2026-12-07 01:00", None),
        (LOS_ANGELES, "2026-12-07T07:59:00+00:00", "2026-12-06 23:59", None),
        (LOS_ANGELES, "2026-12-07T08:00:00+00:00", "2026-12-07 00:00", None),
        # <pubDate> … 23:30 -0800
        (LOS_ANGELES, "2026-12-06T07:30:00+00:00", "2026-12-05 23:30", None),
        (LOS_ANGELES, "2026-07-01T06:59:00+00:00", "2026-06-30 23:59", None),  # summer time: UTC-7
        (LOS_ANGELES, "2026-07-01T07:00:00+00:00", "2026-07-01 00:00", None),
        (KOLKATA, "2026-12-06T18:29:00+00:00", "2026-12-06 23:59", None),
        # a date without a time is the day the source gave, in every zone
        (TOKYO, "2026-11-02T00:00:00+00:00", "2026-11-02", None),
        (LOS_ANGELES, "2026-11-02T00:00:00+00:00", "2026-11-02", None),
        (LOS_ANGELES, "2026-11-02T00:00:00+00:00", "2026-11-02", True),  # (said by its source)
        # a real midnight UTC (its source gave a time) is a time as any other (review r46 L2)
        (LOS_ANGELES, "2026-12-07T00:00:00+00:00", "2026-12-06 16:00", False),
        (TOKYO, "2026-12-07T00:00:00+00:00", "2026-12-07 09:00", False),
    ],
)
def test_the_shown_date_turns_at_local_midnight(process_zone, zone, stored, shown, date_only):
    assert shown_date(stored, zone=zone, date_only=date_only) == shown
    process_zone(zone.key)  # the same in the process's own zone (TZ), as users run newstui
    assert shown_date(stored, date_only=date_only) == shown


@pytest.mark.parametrize(
    ("zone", "left", "until"),
    [
        (TOKYO, "2026-12-06T16:00:00+00:00", "2027-01-06"),  # UTC's day said 2027-01-05
        (LOS_ANGELES, "2026-12-06T07:30:00+00:00", "2027-01-04"),
        (LOS_ANGELES, "2026-12-06T08:00:00+00:00", "2027-01-05"),
    ],
)
def test_the_day_a_set_aside_feed_is_kept_until_is_a_local_day(monkeypatch, zone, left, until):
    monkeypatch.setattr(local_times, "ZONE", zone)
    assert SetAsideSource(1, "k", "Wire", None, left, articles=3).kept_until(30) == until
    # fetch's line says that day; its --json `kept_until` is the moment, in UTC as every time
    moment = (datetime.fromisoformat(left) + timedelta(days=30)).isoformat()
    kept = RemovedSource("Wire", 0, 0, "kept", kept=3, kept_until=moment)
    assert f"its 3 articles are kept until {until}, and" in kept.kept_line("feeds.toml")


def test_an_update_says_its_local_time_and_its_date_when_another_local_day():
    published, same_day, next_day = "2026-12-06T15:30:00Z", "2026-12-06T16:45Z", "2026-12-07T08Z"
    assert updated_phrase(published, same_day, TOKYO) == "updated 01:45"  # both 12-07 in Tokyo
    assert updated_phrase(published, same_day, LOS_ANGELES) == "updated 08:45"
    assert updated_phrase(published, next_day, LOS_ANGELES) == "updated 2026-12-07 00:00"
    # an update's time is a fetch's, a time also at midnight UTC (it read as the day 12-07)
    assert updated_phrase(published, "2026-12-07T00:00:00+00:00", LOS_ANGELES) == "updated 16:00"


def test_a_time_reads_as_a_clock_today_a_weekday_this_week_else_a_date():
    now = datetime(2026, 11, 30, 12, 0, tzinfo=LOS_ANGELES)
    assert short_time(now.replace(hour=23, minute=10).isoformat(), now, LOS_ANGELES) == "23:10"
    assert short_time(now + timedelta(hours=12), now, LOS_ANGELES) == "Tue 00:00"
    assert short_time(now + timedelta(days=30), now, LOS_ANGELES) == "2026-12-30 12:00"
    assert short_time("2026-11-30T20:10:00+00:00", now, TOKYO) == "05:10"  # 12-01 there too
    assert short_time("2026-11-30T14:10:00+00:00", now, TOKYO) == "Mon 23:10"
    assert minutes("2026-11-30T20:10:00+00:00", TOKYO) == "2026-12-01 05:10"


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        (  # review r46 M2: a Retry-After wait is kept in UTC and shown in the reader's zone
            "HTTP 429 Too Many Requests; the server asks to wait until 2026-11-30T20:10:00+00:00 "
            "(Retry-After)",
            "HTTP 429 Too Many Requests; the server asks to wait until 05:10 (Retry-After)",
        ),
        (
            "server.example: asked us to wait (HTTP 429) until 2026-12-02T14:10:00+00:00; not "
            "contacting it",
            "server.example: asked us to wait (HTTP 429) until Wed 23:10; not contacting it",
        ),
        (  # kept by b2097304 as a clock time of no zone: left out (the next try says when)
            "HTTP 503 Service Unavailable; the server asks to wait until Tue 08:37 (Retry-After)",
            "HTTP 503 Service Unavailable; the server asks to wait (Retry-After)",
        ),
        (
            "HTTP 429 Too Many Requests; the server asks to wait longer: newstui waits at most 7 "
            "days, until 2026-12-07 08:37 (Retry-After)",
            "HTTP 429 Too Many Requests; the server asks to wait longer: newstui waits at most 7 "
            "days (Retry-After)",
        ),
        (  # kept in UTC, and saying so, before it: right as it is
            "HTTP 429 Too Many Requests; the server asks to wait until 08:37 UTC (Retry-After)",
            "HTTP 429 Too Many Requests; the server asks to wait until 08:37 UTC (Retry-After)",
        ),
    ],
)
def test_a_stored_message_names_its_times_in_the_readers_zone(stored, shown):
    now = datetime(2026, 11, 30, 12, 0, tzinfo=LOS_ANGELES)
    assert in_message(stored, now, TOKYO) == shown


@pytest.mark.parametrize(
    ("tz", "names", "offset", "label"),
    [
        ("Asia/Tokio", ("Asia", "Asia"), 0, " UTC"),  # no such zone: the C library took UTC
        ("UTC-25", ("UTC", "UTC"), -86400, " UTC"),  # a day off: shown in UTC (hostile r46 L5)
        ("", ("UTC", "UTC"), 0, " UTC"),
        ("UTC", ("UTC", "UTC"), 0, ""),
        ("Africa/Abidjan", ("GMT", "GMT"), 0, ""),
        ("Asia/Tokyo", ("JST", "JST"), -32400, ""),
        # a slim container: no /usr/share/zoneinfo for the C library, zoneinfo reads tzdata's
        (":Europe/Berlin", ("Europe", "Europe"), 0, ""),
    ],
)
def test_times_say_utc_only_when_the_zone_cannot_be_found(monkeypatch, tz, names, offset, label):
    monkeypatch.setenv("TZ", tz)
    for name, value in (("tzname", names), ("timezone", offset), ("altzone", offset)):
        monkeypatch.setattr(time, name, value)
    monkeypatch.setattr(time, "daylight", 0)
    monkeypatch.setattr(local_times, "ZONE", None)
    local_times.zone_changed()
    try:
        assert zone_label() == label
        assert zone_label(TOKYO) == ""  # a zone given is one found
        if "Berlin" in tz:
            assert minutes("2026-12-06T16:00:00+00:00") == "2026-12-06 17:00"
    finally:
        local_times.zone_changed()
