"""Server politeness: Retry-After (every form, garbage included) and backoff of failing feeds,
honoured by `fetch` and the app's refresh, overridden by naming the feed."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from urllib.parse import urlsplit

import pytest

from newstui.cli import output as cli_output
from newstui.cli.main import main
from newstui.config import load_config
from newstui.errors import NetworkError, NoNetwork
from newstui.ingest.fetch_lines import describe, unusable_proxy_lines
from newstui.ingest.pipeline import fetch_feeds
from newstui.library import Library
from newstui.local_times import short_time
from newstui.sources.backoff import (
    BACKOFF_CAP,
    RETRY_AFTER_CAP,
    backoff,
    next_try,
    parse_retry_after,
)
from newstui.sources.proxies import RelayFailure
from tests.fake_fetcher import FakeFetcher
from tests.ports import refused_port

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
HALF_HOUR = timedelta(minutes=30)
RSS = (
    b"<rss version='2.0'><channel><title>Polite</title><item><title>One</title><guid>1</guid>"
    b"<description>A story.</description></item></channel></rss>"
)


@pytest.mark.parametrize(
    ("value", "wait"),
    [
        ("120", timedelta(seconds=120)),
        (" 120 ", timedelta(seconds=120)),
        ("0", timedelta(0)),
        ("Mon, 30 Nov 2026 12:05:00 GMT", timedelta(minutes=5)),
        ("Monday, 30-Nov-26 12:05:00 GMT", timedelta(minutes=5)),  # RFC 850, still legal to send
        ("Wed, 21 Oct 2015 07:28:00 GMT", timedelta(0)),  # in the past: no wait
        ("99999999999", RETRY_AFTER_CAP),  # a server cannot park a feed for three thousand years
        ("Fri, 31 Dec 9999 23:59:59 GMT", RETRY_AFTER_CAP),
        ("9" * 40, RETRY_AFTER_CAP),  # r45 L3: ignored, while 12 digits were the cap
        ("9" * 5000, RETRY_AFTER_CAP),
        ("60, 7200", timedelta(seconds=60)),  # two headers, joined: the first
        ("soon, 60", timedelta(seconds=60)),  # (the first that is one)
    ],
)
def test_retry_after_seconds_and_http_dates_are_read_and_capped(value, wait):
    assert parse_retry_after(value, NOW) == wait


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "soon",
        "-5",
        "1.5",
        "120abc",
        "1e9",
        "１２０",  # full-width digits are not delay-seconds
        "Mon, 99 Foo 2026 25:61:61 GMT",
        "\x1b]52;c;aGk=\x07",
    ],
)
def test_a_garbage_retry_after_is_ignored(value):
    assert parse_retry_after(value, NOW) is None


def test_backoff_starts_at_the_second_failure_doubles_and_stops_at_a_day():
    assert backoff(1, HALF_HOUR) == timedelta(0)
    assert [backoff(n, HALF_HOUR) for n in (2, 3, 4)] == [HALF_HOUR, 2 * HALF_HOUR, 4 * HALF_HOUR]
    assert backoff(8, HALF_HOUR) == BACKOFF_CAP
    assert backoff(10**9, HALF_HOUR) == BACKOFF_CAP


def test_the_next_try_is_the_later_of_backoff_and_retry_after():
    assert next_try(NOW, 1, HALF_HOUR) is None  # one failure: the normal schedule
    assert next_try(NOW, 1, HALF_HOUR, timedelta(hours=2)) == NOW + timedelta(hours=2)
    assert next_try(NOW, 3, HALF_HOUR, timedelta(seconds=5)) == NOW + 2 * HALF_HOUR


# -- against a server -------------------------------------------------------------------------


def stored(db, name: str):
    return next(r for r in Library(db).sources() if r.name == name)


def fetch(db, config, *names: str, by_hand: bool = False):
    feeds = [config.feed_named(n) for n in names] if names else None
    return {
        o.name: o
        for o in asyncio.run(
            fetch_feeds(
                Library(db), config, feeds, analyse=False, respect_waits=not names, by_hand=by_hand
            )
        )
    }


def when(iso: str | None) -> datetime:
    assert iso is not None
    return datetime.fromisoformat(iso)


def test_a_429_with_retry_after_is_not_fetched_again_before_then(db, feed_server, config_file):
    route = feed_server.route("/busy", status=429, headers={"Retry-After": "3600"})
    config = load_config(config_file({"Busy": "/busy"}))
    before = datetime.now(UTC)

    first = fetch(db, config)["Busy"]
    second = fetch(db, config)["Busy"]

    asked = when(stored(db, "Busy").next_try)  # (the server's time: a first failure's wait)
    said = "Busy: HTTP 429 Too Many Requests; the server asks to wait until {} (Retry-After)"
    # user test r44 L1: honoured, never said; kept in UTC, right in any zone and on any day,
    # and shown in the reader's (r45 H1, review r46 M2: kept as a clock time of no zone)
    assert first.error == stored(db, "Busy").last_error == said.format(asked.isoformat())
    assert describe(first) == said.format(short_time(asked))
    assert route.hits == 1  # the second fetch left the server alone
    assert second.error is None and second.waiting_until == stored(db, "Busy").next_try
    assert stored(db, "Busy").server_status == 429  # (the app offers no refresh: see feed_view)
    wait = when(second.waiting_until) - before
    assert timedelta(minutes=59) < wait <= timedelta(minutes=60, seconds=5)


def test_a_503_with_an_http_date_waits_until_that_date(db, feed_server, config_file):
    until = (datetime.now(UTC) + timedelta(hours=3)).replace(microsecond=0)
    feed_server.route(
        "/down", status=503, headers={"Retry-After": format_datetime(until, usegmt=True)}
    )
    config = load_config(config_file({"Down": "/down"}))

    fetch(db, config)

    assert when(stored(db, "Down").next_try) == until


def test_naming_the_feed_overrides_the_wait_and_a_success_clears_it(db, feed_server, config_file):
    route = feed_server.route("/busy", status=429, headers={"Retry-After": "3600"})
    config = load_config(config_file({"Busy": "/busy"}))
    fetch(db, config)
    feed_server.route("/busy", body=RSS, headers={"Content-Type": "application/rss+xml"})

    outcome = fetch(db, config, "Busy")["Busy"]

    assert outcome.error is None and outcome.new == 1
    assert route.hits == 1 and feed_server.routes["/busy"].hits == 1
    row = stored(db, "Busy")
    assert row.next_try is None and row.failures == 0 and row.server_status is None


@pytest.mark.parametrize("value", ["soon", "-1", "1.5", "Mon, 99 Foo", "\x1b[2J"])
def test_a_garbage_retry_after_leaves_the_normal_schedule(db, feed_server, config_file, value):
    route = feed_server.route("/odd", status=503, headers={"Retry-After": value})
    config = load_config(config_file({"Odd": "/odd"}))

    fetch(db, config)
    fetch(db, config)

    assert route.hits == 2  # one failure changes nothing
    assert stored(db, "Odd").failures == 2


def test_a_feed_that_keeps_failing_backs_off_exponentially_from_the_refresh_interval(
    db, feed_server, config_file
):
    route = feed_server.route("/gone", status=404)
    config = load_config(config_file({"Gone": "/gone"}, refresh_minutes=20))
    waits = []
    for _ in range(4):
        started = datetime.now(UTC)
        fetch(db, config, "Gone")  # named: fetched whatever the wait
        row = stored(db, "Gone")
        waits.append(None if row.next_try is None else when(row.next_try) - started)

    assert route.hits == 4
    assert waits[0] is None
    for wait, minutes in zip(waits[1:], (20, 40, 80), strict=True):
        assert wait is not None
        assert timedelta(minutes=minutes) - timedelta(seconds=2) < wait
        assert wait <= timedelta(minutes=minutes, seconds=2)
    assert fetch(db, config)["Gone"].waiting_until is not None  # all feeds: left to wait
    assert route.hits == 4


def test_offline_runs_count_no_failure_and_a_refresh_by_hand_tries_feeds_the_network_failed(
    db, feed_server, config_file
):
    feed_server.route("/ok", body=RSS, headers={"Content-Type": "application/rss+xml"})
    busy = feed_server.route("/busy", status=429, headers={"Retry-After": "3600"})
    port = refused_port()
    path = config_file({"Up": "/ok", "Busy": "/busy"})
    path.write_text(
        path.read_text()
        + f'\n[[feeds]]\nname = "Down"\nurl = "http://127.0.0.1:{port}/feed.xml"\n'
        + f'\n[[feeds]]\nname = "Elsewhere"\nurl = "http://localhost:{port}/feed.xml"\n'
    )
    offline = load_config(path)
    offline = replace(
        offline, feeds=tuple(f for f in offline.feeds if f.name in ("Down", "Elsewhere"))
    )

    for _ in range(3):  # the machine offline: every feed tried, on two hosts, fails at the network
        assert "connection refused" in (fetch(db, offline)["Down"].error or "")
    row = stored(db, "Down")  # (user test r46 H1: 9 tries offline, a day's wait)
    assert (row.failures, row.next_try) == (0, None) and row.last_error is not None
    # one host alone (cron's `fetch NAME`, a one-feed config, an expired domain) is counted; an
    # uncounted failure counts once its feed has failed for a day (review r46 M1)
    fetch(db, offline, "Down")
    db.conn.execute(
        "UPDATE feeds SET failing_since = ? WHERE name = 'Elsewhere'",
        [(datetime.now(UTC) - timedelta(days=1, minutes=1)).replace(microsecond=0).isoformat()],
    )
    fetch(db, offline)
    assert (stored(db, "Down").failures, stored(db, "Elsewhere").failures) == (1, 1)

    config = load_config(path)
    for _ in range(2):  # another server answers: the refused feed's failures count
        fetch(db, config)
    assert stored(db, "Down").failures == 2
    assert fetch(db, config)["Down"].waiting_until is not None  # the timer, cron: left to wait
    assert busy.hits == 1

    by_hand = fetch(db, config, by_hand=True)  # R, `fetch` typed in a terminal
    assert "connection refused" in (by_hand["Down"].error or "")
    assert stored(db, "Down").failures == 3
    assert by_hand["Busy"].waiting_until is not None and busy.hits == 1  # the server's wait


def test_a_proxy_s_failure_counts_against_no_feed_and_a_broken_proxy_value_only_its_feeds(
    db, feed_server, config_file, monkeypatch
):
    """User test r46 M1: a proxy's 407 put every feed into backoff after two runs, and a
    broken http_proxy was one error a feed; then it stopped every feed (r46 scope 1)."""
    feed_server.route("http://news.example/feed.xml", status=407)  # (the server is the proxy)
    feed_server.route("/near", body=RSS, headers={"Content-Type": "application/rss+xml"})
    path = config_file({"Near": "/near"})  # (on 127.0.0.1: never through a proxy)
    path.write_text(
        path.read_text() + '[[feeds]]\nname = "Far"\nurl = "http://news.example/feed.xml"\n'
    )
    config = load_config(path)
    monkeypatch.setenv("http_proxy", feed_server.base)

    for _ in range(3):
        error = fetch(db, config)["Far"].error or ""
    said = f"Far: the proxy {feed_server.base} (http_proxy) refused to forward the request to "
    assert error.startswith(said + "news.example: HTTP 407")
    row = stored(db, "Far")
    assert (row.failures, row.next_try) == (0, None)
    assert Library(db).fetch_waits()[row.id].network  # (R tries it whatever its wait)

    monkeypatch.setenv("http_proxy", "ftp://px.example")
    said = "http_proxy=ftp://px.example: ftp:// proxies are not supported (http://, socks5://, "
    outcomes = fetch(db, config)
    assert (outcomes["Far"].error or "").startswith(f"Far: {said}")
    assert outcomes["Near"].error is None  # (loopback: fetched)
    assert stored(db, "Far").failures == 0
    lines, refused = unusable_proxy_lines(list(outcomes.values()))  # (`fetch` says it once)
    assert (lines, refused) == ([f"{said}socks5h://); 1 feed not fetched: Far"], {"Far"})


@pytest.mark.parametrize(
    ("answers", "failures"),
    [
        # the proxy's own error pages (Squid's, which say so), for every host asked for: the
        # proxy's, counted against no feed
        (
            {
                "a": (503, {"X-Squid-Error": "ERR_DNS_FAIL 0"}),
                "b": (503, {"X-Squid-Error": "ERR_CONNECT_FAIL 111"}),
            },
            {"A": 0, "B": 0},
        ),
        # a gateway's 502 and 504, unsigned, from every host: the proxy's too
        ({"a": (502, {}), "b": (504, {"Via": "1.1 px"})}, {"A": 0, "B": 0}),
        # another host answered through it: the 502 is the feed's
        ({"a": (502, {}), "c": (200, {})}, {"A": 1, "C": 0}),
        # a 503 unsigned, even from every host, is each server's own (Retry-After's answer)
        ({"a": (503, {}), "b": (503, {})}, {"A": 1, "B": 1}),
    ],
)
def test_a_forwarding_proxy_s_own_error_counts_against_no_feed_an_origin_s_does(
    db, feed_server, tmp_path, monkeypatch, answers, failures
):
    """netfix r48: a forwarding proxy's own 502/503/504 to plain-http feeds put them all into
    backoff, as CONNECT's failures no longer did for https ones."""
    config = tmp_path / "feeds.toml"
    for host, (status, headers) in answers.items():  # (the test server is the proxy)
        body = RSS if status == 200 else b""
        feed_server.route(f"http://{host}.example/f", status=status, body=body, headers=headers)
    config.write_text(
        "".join(f'[[feeds]]\nname = "{h.upper()}"\nurl = "http://{h}.example/f"\n' for h in answers)
    )
    monkeypatch.setenv("http_proxy", feed_server.base)
    outcomes = fetch(db, load_config(config))
    assert {name: stored(db, name).failures for name in failures} == failures
    if answers["a"][1].get("X-Squid-Error"):
        said = f"A: the proxy {feed_server.base} (http_proxy) could not reach a.example: HTTP 503"
        assert (outcomes["A"].error or "").startswith(said)


PX = "http://px.example:3128"
RELAYED = RelayFailure("the proxy … could not reach it: HTTP 502 Bad Gateway", PX)
SILENT = RelayFailure("the proxy … did not answer when asked for it: timed out", PX, silent=True)


@pytest.mark.parametrize(
    ("answers", "failures"),
    [
        # a one-feed config on a laptop offline overnight (netfix r47): no route, or no name
        # server answering, is this machine's; a dead host alone is still counted
        ({"https://a.example/f": NoNetwork("host name lookup failed")}, {"A": 0}),
        ({"https://a.example/f": NetworkError("connection refused")}, {"A": 1}),
        (
            {"https://a.example/f": NoNetwork("x"), "https://a.example/g": NetworkError("x")},
            {"A": 1, "A2": 1},
        ),
        # the proxy reached neither host and no feed through it answered: the proxy's, though a
        # feed it does not serve answered; another host answering through it: the feed's;
        # one host alone, as the offline rule has it: the feed's
        (
            {"https://a.example/f": RELAYED, "https://b.example/f": RELAYED, "http://c/f": RSS},
            {"A": 0, "B": 0, "C": 0},
        ),
        (
            {"https://a.example/f": RELAYED, "https://b.example/f": RELAYED, "https://c/f": RSS},
            {"A": 1, "B": 1, "C": 0},
        ),
        ({"https://a.example/f": RELAYED, "http://c/f": RSS}, {"A": 1, "C": 0}),
        # one that said nothing when asked (a black hole: hostile r47 M1), one host alone: the
        # proxy's, unless a feed through it answered
        ({"https://a.example/f": SILENT, "http://c/f": RSS}, {"A": 0, "C": 0}),
        ({"https://a.example/f": SILENT, "https://c/f": RSS}, {"A": 1, "C": 0}),
    ],
)
def test_failures_the_machine_or_the_proxy_caused_are_not_counted_against_the_feed(
    db, tmp_path, monkeypatch, answers, failures
):
    monkeypatch.setenv("https_proxy", PX)
    names = [f"{urlsplit(url).hostname[0].upper()}" for url in answers]
    names = [n if names.index(n) == i else f"{n}{i + 1}" for i, n in enumerate(names)]
    config = tmp_path / "feeds.toml"
    config.write_text(
        "".join(
            f'[[feeds]]\nname = "{n}"\nurl = "{u}"\n' for n, u in zip(names, answers, strict=True)
        )
    )
    fake = FakeFetcher(dict(answers))
    for _ in range(2):
        asyncio.run(fetch_feeds(Library(db), load_config(config), analyse=False, open_fetcher=fake))
    assert {name: stored(db, name).failures for name in names} == {
        name: 2 * n for name, n in failures.items()
    }
    assert all(stored(db, name).next_try is None for name, n in failures.items() if not n)


@pytest.mark.parametrize(
    ("no_proxy", "a_failures"),
    [
        ("c.example:8443", 0),  # C went direct: no feed through the proxy answered
        ("c.example:9000", 1),  # (another port: C went through it, and was answered)
        ("c.example", 0),
    ],
)
def test_a_no_proxy_entry_s_port_decides_whether_an_answered_feed_went_through_the_proxy(
    db, tmp_path, monkeypatch, no_proxy, a_failures
):
    """netfix r48: the proxy's black hole was counted against A when C, which no_proxy sends
    direct by its port, answered: the port was left out when asking which proxy served C."""
    monkeypatch.setenv("https_proxy", PX)
    monkeypatch.setenv("no_proxy", no_proxy)
    config = tmp_path / "feeds.toml"
    answers = {"https://a.example/f": SILENT, "https://c.example:8443/f": RSS}
    config.write_text(
        "".join(
            f'[[feeds]]\nname = "{n}"\nurl = "{u}"\n' for n, u in zip("AC", answers, strict=True)
        )
    )
    fake = FakeFetcher(dict(answers))
    asyncio.run(fetch_feeds(Library(db), load_config(config), analyse=False, open_fetcher=fake))
    assert (stored(db, "A").failures, stored(db, "C").failures) == (a_failures, 0)


def test_the_cli_shows_the_next_try_skips_waiting_feeds_and_fetches_them_by_name(
    db_path, feed_server, config_file, capsys, monkeypatch
):
    monkeypatch.setattr(cli_output.stdout_console(), "width", 160)
    feed_server.route("/ok", body=RSS, headers={"Content-Type": "application/rss+xml"})
    busy = feed_server.route("/busy", status=429, headers={"Retry-After": "7200"})
    config = config_file({"Fine": "/ok", "Busy": "/busy"})

    def cli(*args: str) -> int:
        return main(["--db", str(db_path), "--config", str(config), *args])

    assert cli("fetch") == 3
    capsys.readouterr()
    assert cli("fetch") == 0  # the waiting feed was not tried: no failure (user test r46 M2)
    out, err = capsys.readouterr()
    assert busy.hits == 1
    [line] = [line for line in err.splitlines() if line.startswith("waiting:")]
    # the server asked for the wait: not offered to fetch it now (user test r44 L1)
    next_at = short_time(stored_next_try(db_path, "Busy"))  # "16:25" today (r46 L5)
    assert line == (
        "waiting: Busy: not fetched: the server answered HTTP 429 Too Many Requests, next try at "
        f"{next_at}"
    )
    assert f"1 of 2 sources ok, 1 waiting (next try {next_at}): 0 new articles" in out + err

    assert cli("feeds", "--json") == 0
    feeds = {f["name"]: f for f in json.loads(capsys.readouterr().out)}
    assert feeds["Fine"]["next_try"] is None and feeds["Fine"]["failures"] == 0
    assert feeds["Busy"]["failures"] == 1
    next_at = when(feeds["Busy"]["next_try"])
    assert timedelta(minutes=119) < next_at - datetime.now(UTC) <= timedelta(hours=2)

    assert cli("feeds") == 0
    table = capsys.readouterr().out
    assert "next try" in table
    assert short_time(next_at) in table  # today's time alone ("16:25"), as the app says it

    assert cli("fetch", "Busy") == 1  # named: tried now (and the server still says no)
    assert busy.hits == 2


def stored_next_try(db_path, name: str) -> str:
    with Library.open(db_path) as library:
        row = next(r for r in library.sources() if r.name == name)
    assert row.next_try is not None
    return row.next_try


def test_a_database_from_before_the_politeness_columns_is_migrated_keeping_its_feeds(tmp_path):
    import sqlite3

    from newstui.store import open_db
    from newstui.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    politeness = next(i for i, m in enumerate(MIGRATIONS) if any("next_try" in s for s in m))
    conn = sqlite3.connect(path)
    for version, statements in enumerate(MIGRATIONS[:politeness]):
        for statement in statements:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {version + 1}")
    conn.execute(
        "INSERT INTO feeds (key, name, url, last_error) VALUES ('u', 'Old', 'u', 'HTTP 503')"
    )
    conn.commit()
    conn.close()

    db = open_db(path)
    try:
        [row] = Library(db).sources()
    finally:
        db.conn.close()

    assert (row.name, row.last_error, row.failures, row.next_try) == ("Old", "HTTP 503", 0, None)


def test_an_upgrade_reads_which_stored_failures_were_the_network_s_from_their_words(tmp_path):
    from newstui.store import open_db
    from newstui.store.schema import MIGRATIONS

    errors = {
        "Refused": ("Refused: cannot connect to 127.0.0.1:8799: connection refused", True),
        "Nameless": ("Nameless: cannot connect to news.example: unknown host", True),
        "Slow": ("Slow: timed out after 20 s", True),
        "Reset": ("Reset: connection lost ([Errno 104] Connection reset by peer)", True),
        "Cert": ("Cert: cannot connect to x.example: certificate not accepted (expired)", False),
        "Page": ("Page: a web page (HTML), not a feed (RSS, Atom or JSON Feed)", False),
        "Fine": (None, False),
    }
    path = tmp_path / "old.db"
    db = open_db(path)  # then back to the version before (its step is replayable)
    for name, (error, _) in errors.items():
        db.conn.execute(
            "INSERT INTO feeds (key, name, url, last_error) VALUES (?, ?, ?, ?)",
            [name, name, name, error],
        )
    network = next(i for i, m in enumerate(MIGRATIONS) if any("network_failure" in s for s in m))
    db.conn.execute(f"PRAGMA user_version = {network}")
    db.conn.commit()
    db.conn.close()

    db = open_db(path)
    try:
        waits = Library(db).fetch_waits()
        names = {r.id: r.name for r in Library(db).sources()}
    finally:
        db.conn.close()

    assert {names[i]: w.network for i, w in waits.items()} == {
        name: network for name, (_, network) in errors.items()
    }
