"""What a cron line (`newstui fetch --download --quiet`) mails after a run offline and the run
after it (user test r49): failures sharing one reason said in one line, naming the sources, and
the network looking down said as such; the sources read again in one `recovered:` line; a move
for good said once on stderr; a download that failed for a passing reason (refused, a 5xx, a
429) tried again by the next run, with a backoff and a limit, one that failed for good (a 404)
only by `--retry`; a download's failure on stderr, as a feed's."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newstui.cli.downloads import retry_said
from newstui.downloads import MAX_PASSING_TRIES, passing_retry
from newstui.model import Download
from newstui.sources.transfer import TransferError
from tests.ports import refused_port
from tests.test_fetch_from_cron import POD, Run


@pytest.fixture(autouse=True)
def no_user_paths(monkeypatch, tmp_path):
    """Nothing a test runs may touch the real user's config, database or downloads."""
    monkeypatch.delenv("NEWSTUI_DB", raising=False)
    monkeypatch.delenv("NEWSTUI_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


def feeds_toml(path: Path, feeds: dict[str, str], settings: str = "") -> Path:
    path.write_text(
        f"[settings]\ntimeout = 5\nfulltext = false\n{settings}\n"
        + "".join(f'[[feeds]]\nname = "{name}"\nurl = "{url}"\n\n' for name, url in feeds.items()),
        "utf-8",
    )
    return path


def test_every_feed_refused_is_one_line_saying_the_network_looks_down(db_path, tmp_path, capsys):
    down = f"http://127.0.0.1:{refused_port()}"
    names = ["Wire 1", "Wire 2", "Wire 3", "Wire 4", "Wire 5"]
    config = feeds_toml(tmp_path / "feeds.toml", {n: f"{down}/{n[-1]}" for n in names})
    run = Run(db_path, config, capsys)

    assert run("fetch") == 1
    [line] = [line for line in run.err.splitlines() if not line.startswith("newstui: created")]
    host = down.removeprefix("http://")
    assert line == (
        f"error: the network looks down: 5 sources: cannot connect to {host}: connection "
        "refused (Wire 1, Wire 2, Wire 3 and 2 more)"
    )
    assert run("fetch", "-q") == 1  # (each failed once: none waits yet) the same failure: no news
    assert (run.out, run.err) == ("", "")
    assert run("fetch", "--json", *names) == 1  # one record a feed
    assert sorted(d["source"] for d in json.loads(run.out)) == names


def test_failures_of_one_reason_are_one_line_and_others_their_own(
    db_path, feed_server, tmp_path, capsys
):
    feed_server.serve_file("/wire", "rss2.xml")
    for path in ("/a", "/b", "/c"):
        feed_server.route(path, status=404)
    feed_server.route("/d", status=500)
    feeds = {"Wire": "/wire", "Alpha": "/a", "Beta": "/b", "Gamma": "/c", "Delta": "/d"}
    config = feeds_toml(tmp_path / "feeds.toml", {n: feed_server.url(p) for n, p in feeds.items()})
    run = Run(db_path, config, capsys)

    assert run("fetch") == 3
    assert [line for line in run.err.splitlines() if line.startswith("error:")] == [
        "error: 3 sources: HTTP 404 Not Found (Alpha, Beta and Gamma)",
        "error: Delta: HTTP 500 Internal Server Error",
    ]
    assert "1 of 5 sources ok, 4 failed" in run.out  # (not "the network looks down": one read)


def test_sources_read_again_are_one_recovered_line(db_path, feed_server, tmp_path, capsys):
    feeds = {"Alpha": "/a", "Beta": "/b", "Gamma": "/c"}
    for path in feeds.values():
        feed_server.route(path, status=503)
    config = feeds_toml(tmp_path / "feeds.toml", {n: feed_server.url(p) for n, p in feeds.items()})
    run = Run(db_path, config, capsys)
    assert run("fetch", "-q") == 1
    assert run.err == "error: 3 sources: HTTP 503 Service Unavailable (Alpha, Beta and Gamma)\n"

    for path in feeds.values():
        feed_server.serve_file(path, "rss2.xml")
    assert run("fetch", "-q") == 0
    assert run.out == ""
    [line] = run.err.splitlines()
    assert line.startswith("recovered: 3 sources read again after failing since ")
    assert line.endswith(" (Alpha, Beta and Gamma)")


def test_sources_read_again_after_the_network_was_down_say_since_when(
    db_path, feed_server, tmp_path, capsys
):
    """User test r50 LOW-10: runs while the network was down count no failure, and the line
    after them left out since when; the feeds named by their address came first."""
    from newstui.config import load_config
    from newstui.ingest.configured_sources import sync_sources
    from newstui.library import Library
    from newstui.local_times import short_time
    from newstui.model import FetchRecord

    feeds = {"Alpha": "/a", "Beta": "/b", "Gamma": "/c"}
    for path in feeds.values():
        feed_server.serve_file(path, "rss2.xml")
    config = feeds_toml(tmp_path / "feeds.toml", {n: feed_server.url(p) for n, p in feeds.items()})
    with (tmp_path / "feeds.toml").open("a", encoding="utf-8") as out:
        out.write(f'[[feeds]]\nurl = "{feed_server.url("/untitled")}"\n')  # (no name)
    untitled = b"<rss version='2.0'><channel><item><title>A</title></item></channel></rss>"
    feed_server.route("/untitled", body=untitled, headers={"Content-Type": "application/rss+xml"})
    down = "cannot connect to 127.0.0.2:8771: connection refused"
    with Library.open(db_path) as library:  # two runs offline: no failure counted
        ids = sync_sources(library, load_config(config))
        for _run in range(2):
            library.record_fetches(
                [
                    FetchRecord(i, None, f"{name}: {down}", network=True, counted=False)
                    for name, i in ids.items()
                ]
            )
        since = library.failing_since()[ids["Alpha"]]
        assert not [r for r in library.sources() if r.failures]
    run = Run(db_path, config, capsys)

    assert run("fetch", "-q") == 0
    assert run.err == (  # (the one named by its address last)
        f"recovered: 4 sources read again after failing since {short_time(since)} "
        "(Alpha, Beta, Gamma and 1 more)\n"
    )


def test_one_source_read_again_after_the_network_was_down_says_since_when():
    from newstui.ingest.fetch_lines import recovered_line, recovered_lines
    from newstui.local_times import short_time
    from newstui.model.failure_news import LastFetch

    since = "2026-12-07T09:14:00+00:00"
    down = LastFetch("Wire: cannot connect to x: connection refused", 0, since)
    assert (
        recovered_line("Wire", down) == f"Wire: read again after failing since {short_time(since)}"
    )
    titled = [(name, down) for name in ("127.0.0.1:8771/notitle.xml", "Zeta", "Alpha", "Beta")]
    assert recovered_lines(titled)[0].endswith("(Alpha, Beta, Zeta and 1 more)")


def test_one_source_read_again_keeps_its_own_line(run, feed_server):
    assert run("fetch", "-q") == 3
    feed_server.serve_file("/broken", "atom.xml", "application/atom+xml")
    assert run("fetch", "-q", "Wire", "Broken") == 0
    assert run.err == "recovered: Broken: read again after its last fetch failed\n"


@pytest.fixture
def run(db_path, feed_server, config_file, capsys) -> Run:
    feed_server.serve_file("/wire", "rss2.xml")
    feed_server.route("/broken", status=404)
    return Run(db_path, config_file({"Wire": "/wire", "Broken": "/broken"}), capsys)


def test_a_quiet_fetch_says_a_move_for_good_once_on_stderr(db_path, feed_server, tmp_path, capsys):
    feed_server.route("/old", status=301, headers={"Location": feed_server.url("/new")})
    feed_server.serve_file("/new", "rss2.xml")
    config = feeds_toml(tmp_path / "feeds.toml", {"Moved": feed_server.url("/old")})
    run = Run(db_path, config, capsys)

    assert run("fetch", "-q") == 0
    assert run.out == ""
    assert run.err == (
        f"moved: Moved: moved permanently to {feed_server.url('/new')}: change its url in "
        f'feeds.toml (url = "{feed_server.url("/old")}") to that address, or run '
        "`newstui feeds --update-moved`\n"  # (cron's one notice names it: user test r50 MED-2)
    )
    assert run("fetch", "-q") == 0  # (said once, as without --quiet)
    assert (run.out, run.err) == ("", "")


@pytest.fixture
def podcast(db_path, tmp_path, feed_server, capsys) -> Run:
    """Pod, one episode, downloaded by `fetch --download` (download_new)."""
    feed_server.route("/pod", body=POD.format(base=feed_server.base).encode())
    config = feeds_toml(
        tmp_path / "feeds.toml",
        {"Pod": feed_server.url("/pod")},
        f'download_dir = "{tmp_path / "pods"}"\ndownload_new = 3\n',
    )
    return Run(db_path, config, capsys)


def downloads(run: Run) -> list[dict]:
    assert run("downloads", "--json") == 0
    return json.loads(run.out)


def test_a_download_failed_for_a_passing_reason_is_tried_again_by_the_next_run(
    podcast, feed_server, tmp_path
):
    feed_server.route("/e1.mp3", status=503)
    assert podcast("fetch", "--download", "-q") == 4
    assert podcast.out == ""
    assert podcast.err == (
        f'error: Pod: download "Episode 1": HTTP 503 Service Unavailable '
        f"({feed_server.url('/e1.mp3')}); the next `newstui download` tries it again "
        "(`--retry` now)\n"
    )
    [failed] = downloads(podcast)
    assert (failed["state"], failed["tries"]) == ("failed", 1)

    feed_server.route("/e1.mp3", body=b"ID3abc", headers={"Content-Type": "audio/mpeg"})
    assert podcast("fetch", "--download", "-q") == 0  # the next cron run: silent, downloaded
    assert (podcast.out, podcast.err) == ("", "")
    assert (tmp_path / "pods" / "Episode 1.mp3").read_bytes() == b"ID3abc"
    [done] = downloads(podcast)
    assert (done["state"], done["tries"], done["retry_at"]) == ("done", 0, None)


def test_a_download_refused_twice_waits_before_its_next_try(podcast, feed_server):
    port = refused_port()
    feed_server.route("/pod", body=POD.format(base=f"http://127.0.0.1:{port}").encode())
    assert podcast("fetch", "--download", "-q") == 4
    assert "connection refused" in podcast.err
    [first] = downloads(podcast)
    assert first["tries"] == 1 and first["retry_at"] is not None

    assert podcast("download", "-q") == 4  # tried again: refused again, and now it waits
    assert (podcast.out, podcast.err) == ("", "")  # (--quiet: failing as before is no news)
    [second] = downloads(podcast)
    assert second["tries"] == 2
    assert podcast("downloads") == 0
    assert "connection refused (next try " in " ".join(podcast.out.split())
    waited = datetime.fromisoformat(second["retry_at"]) - datetime.fromisoformat(first["retry_at"])
    assert waited >= timedelta(minutes=29)

    assert podcast("download", "-q") == 0  # waiting: not tried, nothing said
    assert (podcast.out, podcast.err) == ("", "")
    assert downloads(podcast)[0]["tries"] == 2
    assert podcast("download") == 0  # without --quiet: when it is tried again
    assert podcast.out.startswith("nothing queued")
    assert "1 failed: `newstui download --retry` tries it again (by itself: the first " in (
        " ".join(podcast.out.split())
    )


def test_a_failure_line_says_when_the_next_run_tries_it_again():
    later = (datetime.now(UTC) + timedelta(hours=1)).replace(microsecond=0).isoformat()
    waiting = item(2)
    assert retry_said(Download(**{**waiting.__dict__, "retry_at": later})).startswith(
        "the next `newstui download` after "
    )
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    assert retry_said(Download(**{**waiting.__dict__, "retry_at": now})) == (
        "the next `newstui download` tries it again (`--retry` now)"
    )
    assert retry_said(item(MAX_PASSING_TRIES)) == (
        f"failed {MAX_PASSING_TRIES} times in a row: `newstui download --retry` tries it again"
    )


def test_a_download_failed_for_good_waits_for_retry(podcast, feed_server, tmp_path):
    feed_server.route("/e1.mp3", status=404)
    assert podcast("fetch", "--download", "-q") == 4
    assert podcast.err.endswith("; `newstui download --retry` tries it again\n")
    [failed] = downloads(podcast)
    assert failed["retry_at"] is None

    feed_server.route("/e1.mp3", body=b"ID3abc", headers={"Content-Type": "audio/mpeg"})
    assert podcast("download", "-q") == 0  # not tried by itself
    assert not (tmp_path / "pods" / "Episode 1.mp3").exists()
    assert podcast("download", "--retry", "-q") == 0
    assert (tmp_path / "pods" / "Episode 1.mp3").read_bytes() == b"ID3abc"


def test_a_download_without_quiet_says_what_tries_it_again(podcast, feed_server):
    feed_server.route("/e1.mp3", status=502)
    assert podcast("fetch", "--download") == 4
    [line] = [line for line in podcast.out.splitlines() if line.startswith("failed ")]
    assert line.endswith(
        "HTTP 502 Bad Gateway; the next `newstui download` tries it again (`--retry` now)"
    )
    feed_server.route("/e1.mp3", body=b"ID3abc", headers={"Content-Type": "audio/mpeg"})
    assert podcast("download") == 0
    assert podcast.out.startswith("trying again 1 download that failed for a reason that may ")
    assert "downloaded " in podcast.out


def test_a_download_answered_401_says_where_the_login_goes(podcast, feed_server):
    feed_server.route("/e1.mp3", status=401)
    assert podcast("fetch", "--download", "-q") == 4
    host = feed_server.base.removeprefix("http://")
    assert (
        "HTTP 401 Unauthorized: the episode wants a login: write it into its feed's address, "
        f"http://USER:PASSWORD@{host}/… (sent to the feed's own host only)"
    ) in podcast.err
    assert podcast.err.endswith("`newstui download --retry` tries it again\n")  # (for good)


def item(tries: int = 0) -> Download:
    return Download(1, "http://x/e.mp3", "E", "audio/mpeg", "downloading", "/p/E.mp3", tries=tries)


NOW = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


def test_a_passing_failure_waits_longer_each_time_and_not_past_the_limit():
    passing = TransferError("refused", passing=True)
    assert passing_retry(item(0), passing, NOW) == (1, NOW.isoformat())  # the next run
    tries, when = passing_retry(item(1), passing, NOW)
    assert (tries, when) == (2, (NOW + timedelta(minutes=30)).isoformat())
    assert passing_retry(item(2), passing, NOW)[1] == (NOW + timedelta(hours=1)).isoformat()
    assert passing_retry(item(MAX_PASSING_TRIES - 1), passing, NOW) == (MAX_PASSING_TRIES, None)


def test_a_servers_retry_after_is_waited_out_and_a_failure_for_good_not_retried():
    asked = TransferError("429", passing=True, retry_after=timedelta(hours=5))
    assert passing_retry(item(0), asked, NOW)[1] == (NOW + timedelta(hours=5)).isoformat()
    assert passing_retry(item(3), TransferError("404"), NOW) == (3, None)
    assert passing_retry(item(0), OSError("disk"), NOW) == (0, None)


POD3 = (
    """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Pod</title><link>{base}/</link>
"""
    + "".join(
        f"""<item><title>Episode {n}</title><guid>e{n}</guid><description>Number {n}.</description>
<pubDate>Mon, 0{n} Jan 2024 10:00:00 GMT</pubDate>
<enclosure url="{{base}}/e{n}.mp3" type="audio/mpeg" length="6"/></item>
"""
        for n in (1, 2, 3, 4)
    )
    + "</channel></rss>\n"
)


def test_downloads_failing_for_one_reason_are_one_line_under_quiet(podcast, feed_server):
    """User test r50 LOW-23: offline, the feeds were one line and each episode one of its own."""
    port = refused_port()
    feed_server.route("/pod", body=POD3.format(base=f"http://127.0.0.1:{port}").encode())
    assert podcast("fetch", "--download", "-q") == 4  # (the feed was read: the downloads' status)
    assert podcast.out == ""
    assert podcast.err == (
        f"error: 3 downloads: cannot connect to 127.0.0.1:{port}: connection refused (Pod: "
        "Episode 4, Pod: Episode 3 and Pod: Episode 2); the next `newstui download` tries them "
        "again (`--retry` now)\n"
    )
    assert podcast("download", "--retry") == 4  # without --quiet: a line a download, as before
    assert len([line for line in podcast.out.splitlines() if line.startswith("failed ")]) == 3


def test_a_failure_as_before_is_no_news_after_the_open_app_queued_it_again(podcast, feed_server):
    """Review r50 LOW-5: the app requeued the due download, cron's run claimed it, failed as
    before, and mailed it again (only its own requeues counted as tried before)."""
    from newstui.library import Library

    port = refused_port()
    feed_server.route("/pod", body=POD.format(base=f"http://127.0.0.1:{port}").encode())
    assert podcast("fetch", "--download", "-q") == 4
    assert "connection refused" in podcast.err
    with Library.open(podcast.db) as library:  # the open app: due, queued again (DownloadsDue)
        [download] = library.downloads.all()
        library.downloads.fail(download.id, download.error or "", download.tries, "2000-01-01")
        assert [d.id for d in library.downloads.requeue_due("2999-01-01")] == [download.id]
    assert podcast("download", "-q") == 4  # refused as before: no news, the status tells
    assert (podcast.out, podcast.err) == ("", "")
    assert downloads(podcast)[0]["tries"] == 2


def holding(db: Path, url: str) -> None:
    """Another newstui (the open app) downloading the oldest queued download now (claimed under
    its process's id, alive: it wrote progress just now); `url` queued after it, from the
    same host."""
    from newstui.downloads import queue_enclosure
    from newstui.library import Library
    from newstui.model import Link

    with Library.open(db) as library:
        claimed = library.downloads.claim_next(os.getppid())
        assert claimed is not None and claimed.article_id is not None
        folder = db.parent / "pods"
        link = Link("audio/mpeg", url, "enclosure", 6)
        queue_enclosure(library, folder, claimed.article_id, "Bonus", link)


def test_a_download_run_leaves_a_host_another_newstui_holds_to_it(podcast, feed_server, tmp_path):
    """Review r50 MED-2: with per_host = 1 and the open app downloading from the podcast's host,
    `download` polled once a second while the app took each next one first: it ends now,
    leaving them to the app and saying so (nothing under --quiet: the app downloads them)."""
    podcast.config.write_text(
        podcast.config.read_text("utf-8").replace("[settings]\n", "[settings]\nper_host = 1\n"),
        "utf-8",
    )
    bonus = feed_server.route("/bonus.mp3", status=503)
    assert podcast("fetch", "-q") == 0  # queues Episode 1, which the app downloads
    holding(podcast.db, feed_server.url("/bonus.mp3"))  # (another from the same host waits)

    assert podcast("download", "-q") == 0
    assert (podcast.out, podcast.err) == ("", "")
    assert podcast("download") == 0
    host = feed_server.base.removeprefix("http://").split(":")[0]
    assert podcast.out == (
        f"left to another newstui: 1 download from {host}, where it is downloading and "
        "per_host = 1 allows no more at once; it downloads it (else the next `newstui "
        "download`)\n"
    )
    assert bonus.hits == 0
    assert [d["state"] for d in downloads(podcast)] == ["downloading", "queued"]
