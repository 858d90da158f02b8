"""The open app tries again by itself a download that failed for a reason that may pass (the
network, a 5xx, a 429), as the next `newstui download` from cron does: at the next refresh (`R`
or the app's timer) once its wait is over, and when it starts; with the same backoff and limit
of tries in a row. It says so quietly: the first failure is a warning saying it will be tried
again, the tries after it nothing (`L` shows when and how many), and a failure for good or the
last try an error (user test r49: the open app left them for `r` in `L`)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newstui.config import Config, FeedConfig, Settings
from newstui.downloads import queue_enclosure
from newstui.library import Library
from newstui.model import Download
from newstui.model.downloads import MAX_PASSING_TRIES
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.downloads import DownloadsScreen

from .conftest import notifications, run_recorded, settle, until
from .test_podcasts import AUDIO, podcast_db

EPISODE = "Episode 1: Rivers"


def app_for(tmp_path: Path, db: Path, feed_url: str) -> NewstuiApp:
    """The app with the podcast's feed in its config (so that `R` refreshes something), no
    timer, downloads into tmp_path/pods."""
    settings = Settings(refresh_minutes=0, download_dir=str(tmp_path / "pods"), timeout=5)
    config = Config(tmp_path / "feeds.toml", settings, (FeedConfig(feed_url, "The Pod"),))
    return NewstuiApp(db, config)


def failures(app: NewstuiApp) -> list[tuple[str, str]]:
    """The download failures the app has said: (severity, message)."""
    return [
        (n.severity, n.message)
        for n in notifications(app)
        if n.message.startswith("Download failed")
    ]


def stored(db: Path) -> Download:
    with Library.open(db) as library:
        [download] = library.downloads.all()
    return download


async def box_line(app: NewstuiApp, pilot) -> str:
    """What the downloads box's one row says, opened with L (and closed again)."""
    await pilot.press("L")
    await settle(pilot)
    assert isinstance(app.screen, DownloadsScreen)
    [row] = app.screen.rows()
    text = " ".join(row.render().plain.split())
    await pilot.press("escape")
    await settle(pilot)
    return text


async def test_a_download_that_failed_for_a_passing_reason_is_tried_again_at_the_next_refresh(
    tmp_path, feed_server
):
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    feed_server.serve_file("/feed", "rss2.xml")
    episode = feed_server.route("/e1.mp3", status=503)
    app = app_for(tmp_path, db, feed_server.url("/feed"))
    target = tmp_path / "pods" / "Episode 1 Rivers.mp3"
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await until(pilot, lambda: stored(db).state == "failed")
        await settle(pilot)
        [(severity, said)] = failures(app)
        assert severity == "warning"
        assert said.endswith("HTTP 503 Service Unavailable; tried again at the next refresh")
        assert stored(db).tries == 1
        box = await box_line(app, pilot)
        assert "tried again at the next refresh (1 of 8 tries failed) (r: retry now)" in box

        feed_server.route("/e1.mp3", body=AUDIO)  # the server is back
        await pilot.press("R")  # no `r` in L: the refresh tries it again
        await until(pilot, target.exists)
        await settle(pilot)
        assert target.read_bytes() == AUDIO
        done = stored(db)
        assert (done.state, done.tries, done.retry_at) == ("done", 0, None)
        assert len(failures(app)) == 1
    assert episode.hits == 1


async def test_a_retry_that_fails_again_is_silent_and_waits_its_backoff(tmp_path, feed_server):
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    feed_server.serve_file("/feed", "rss2.xml")
    episode = feed_server.route("/e1.mp3", status=503)
    app = app_for(tmp_path, db, feed_server.url("/feed"))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await until(pilot, lambda: stored(db).state == "failed")
        await settle(pilot)
        assert episode.hits == 1

        await pilot.press("R")  # due at once after its first failure: tried, fails again
        await until(pilot, lambda: episode.hits == 2 and stored(db).state == "failed")
        await settle(pilot)
        again = stored(db)
        assert again.tries == 2 and again.retry_at is not None
        waited = datetime.fromisoformat(again.retry_at) - datetime.now(UTC)
        assert timedelta(minutes=25) < waited <= timedelta(minutes=30)  # RETRY_UNIT
        assert len(failures(app)) == 1  # the second failure is not said again
        box = await box_line(app, pilot)
        assert re.search(r"tried again at the first refresh after \S+ \(2 of 8 tries failed\)", box)

        await pilot.press("R")  # within its wait: not tried
        await settle(pilot)
        await until(pilot, lambda: not app.main.refreshing)
        await settle(pilot)
        assert episode.hits == 2 and stored(db).state == "failed"


def failed_before(db: Path, server_url: str, tries: int, retry_at: str | None, error: str) -> None:
    """Episode 1 queued and failed `tries` times in a row by an earlier run."""
    with Library.open(db) as library:
        article = next(a for a in library.articles() if a.title == EPISODE)
        link = library.article(article.id).links[0]  # type: ignore[union-attr]
        download, _ = queue_enclosure(library, Path(db).parent / "pods", article.id, EPISODE, link)
        library.downloads.fail(download.id, error, tries, retry_at)


async def test_the_app_tries_a_due_download_when_it_starts_and_says_its_last_failure(
    tmp_path, feed_server
):
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    episode = feed_server.route("/e1.mp3", status=503)
    past = (datetime.now(UTC) - timedelta(minutes=5)).replace(microsecond=0).isoformat()
    failed_before(db, feed_server.url("/"), MAX_PASSING_TRIES - 1, past, "HTTP 503")
    app = app_for(tmp_path, db, feed_server.url("/feed"))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await until(pilot, lambda: episode.hits == 1 and stored(db).state == "failed")
        await settle(pilot)
        last = stored(db)
        assert (last.tries, last.retry_at) == (MAX_PASSING_TRIES, None)
        [(severity, said)] = failures(app)
        assert severity == "error"
        assert said.startswith(f"Download failed 8 times in a row: {EPISODE}: ")
        assert said.endswith(
            "HTTP 503 Service Unavailable (no longer tried by itself: r in L tries it again)"
        )
        box = await box_line(app, pilot)
        assert "failed 8 times in a row (r: retry)" in box


async def test_a_download_that_failed_for_good_waits_for_r(tmp_path, feed_server):
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    feed_server.serve_file("/feed", "rss2.xml")
    episode = feed_server.route("/e1.mp3", status=404)
    app = app_for(tmp_path, db, feed_server.url("/feed"))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await until(pilot, lambda: stored(db).state == "failed")
        await settle(pilot)
        [(severity, said)] = failures(app)
        assert severity == "error" and said.startswith(f"Download failed: {EPISODE}: ")
        assert said.endswith("/e1.mp3: HTTP 404 Not Found")
        await pilot.press("R")
        await until(pilot, lambda: feed_server.routes["/feed"].hits >= 1)
        await until(pilot, lambda: not app.main.refreshing)
        await settle(pilot)
        assert episode.hits == 1 and stored(db).state == "failed"
        box = await box_line(app, pilot)
        assert "HTTP 404 Not Found (r: retry)" in box
        assert "tried again" not in box


async def test_a_first_failure_under_a_retry_after_names_the_refresh_after_its_time(
    tmp_path, feed_server
):
    """Review r50 LOW-1: a 503 with `Retry-After: 3600` said "tried again at the next refresh",
    which does not try it: the warning names the time, as `L` does."""
    from newstui.local_times import short_time

    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    feed_server.serve_file("/feed", "rss2.xml")
    feed_server.route("/e1.mp3", status=503, headers={"Retry-After": "3600"})
    app = app_for(tmp_path, db, feed_server.url("/feed"))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await until(pilot, lambda: stored(db).state == "failed")
        await settle(pilot)
        failed = stored(db)
        assert failed.retry_at is not None
        [(severity, said)] = failures(app)
        assert severity == "warning"
        assert said.endswith(
            "HTTP 503 Service Unavailable; tried again at the first refresh after "
            f"{short_time(failed.retry_at)}"
        )
        box = await box_line(app, pilot)
        assert f"tried again at the first refresh after {short_time(failed.retry_at)}" in box
