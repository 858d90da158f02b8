"""Pilot tests: `d` downloads an article's enclosure (a choice when there are several) with
progress in the downloads screen (`L`), the queue carries on at the next start, and `P` plays the
file (or the URL before it is downloaded) with the `player` setting."""

from __future__ import annotations

import os
import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.widgets import OptionList

from newstui.downloads import queue_enclosure
from newstui.library import Library
from newstui.model import Article, Download, Link
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.confirm import ConfirmScreen
from newstui.tui.screens.downloads import DownloadsScreen
from newstui.tui.screens.enclosure_choice import EnclosureChoiceScreen

from .conftest import notifications, run_recorded, screen_text, settle, until
from .terminal import AppInTerminal
from .test_external_programs import app_with, calls, program

if TYPE_CHECKING:
    from ..conftest import FeedServer

AUDIO = bytes(range(256)) * 400  # 102,400 bytes
WHEN = datetime(2024, 11, 30, 12, 0, tzinfo=UTC)


def podcast_db(path: Path, server: FeedServer) -> dict[str, int]:
    """A podcast feed: the newest episode has one enclosure, the one before it two."""
    server.route("/e1.mp3", body=AUDIO, ranges=True)
    server.route("/e2a.mp3", body=b"first file")
    server.route("/e2b.ogg", body=b"second file")
    with Library.open(path) as library:
        source = library.register_source(server.url("/feed"), "The Pod", url=server.url("/feed"))
        library.save_batch(
            source,
            [
                Article(
                    "Episode 1: Rivers",
                    "About rivers.",
                    guid="e1",
                    published=WHEN,
                    links=[
                        Link("audio/mpeg", server.url("/e1.mp3"), "enclosure", len(AUDIO), 2530)
                    ],
                ),
                Article(
                    "Episode 2",
                    "Two files.",
                    guid="e2",
                    published=WHEN - timedelta(days=1),
                    links=[
                        Link("audio/mpeg", server.url("/e2a.mp3"), "enclosure", 10, 60),
                        Link("audio/ogg", server.url("/e2b.ogg"), "enclosure", 11, 60),
                    ],
                ),
            ],
        )
        return {a.title: a.id for a in library.articles()}


def podcast_app(tmp_path: Path, monkeypatch, db: Path, **settings: object):
    return app_with(
        db, tmp_path, monkeypatch, download_dir=str(tmp_path / "pods"), timeout=5, **settings
    )


async def test_d_downloads_the_enclosure_and_L_shows_it_done(tmp_path, monkeypatch, feed_server):
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    app, _ = podcast_app(tmp_path, monkeypatch, db)
    target = tmp_path / "pods" / "Episode 1 Rivers.mp3"
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Enclosures" in str(app.main.reader.query_one("#reader-body").render())
        await pilot.press("d")
        await until(pilot, target.exists)
        await settle(pilot)
        assert target.read_bytes() == AUDIO
        reader = str(app.main.reader.query_one("#reader-body").render())
        assert f"(downloaded: {target})" in " ".join(reader.split())
        await pilot.press("L")
        await settle(pilot)
        assert isinstance(app.screen, DownloadsScreen)
        [row] = app.screen.rows()
        assert row.download.state == "done"
        assert row.shows_bar and "━ 100%" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is app.main


async def test_the_downloads_screen_shows_where_a_long_file_went_at_80x24(
    tmp_path, monkeypatch, feed_server
):
    """The state line wraps rather than cutting the file's path off at the box's edge."""
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    folder = tmp_path / "a-folder-with-a-rather-long-name-for-the-podcasts-to-go-in"
    app, _ = app_with(db, tmp_path, monkeypatch, download_dir=str(folder), timeout=5)
    target = folder / "Episode 1 Rivers.mp3"
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await until(pilot, target.exists)
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert isinstance(app.screen, DownloadsScreen)
        shown = screen_text(app)
        assert "Episode 1: Rivers" in shown
        assert "Rivers.mp3" in shown
        assert "long-name-for-the" in shown


async def test_the_downloads_screen_shows_progress_while_a_download_runs(
    tmp_path, monkeypatch, feed_server
):
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    feed_server.route("/e1.mp3", body=AUDIO[:3000], drip=0.002)  # about 6 s, byte by byte
    app, _ = podcast_app(tmp_path, monkeypatch, db)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, DownloadsScreen)
        assert app.screen.rows() == []
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause(0.3)
        await pilot.press("L")
        screen = app.screen
        assert isinstance(screen, DownloadsScreen)

        def partly() -> bool:  # the bar drawn part of the way: "━━━━━━━━  37%"
            return re.search(r"━ +[1-9][0-9]?%", screen_text(app)) is not None

        await until(pilot, partly)
        assert screen.rows()[0].shows_bar
        assert app.main.headlines.selected is not None  # keys still answer meanwhile
        await until(pilot, lambda: screen.rows()[0].download.state == "done")
        await until(pilot, lambda: "━ 100%" in screen_text(app))


async def test_d_on_an_article_with_two_enclosures_asks_which(tmp_path, monkeypatch, feed_server):
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    app, _ = podcast_app(tmp_path, monkeypatch, db)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")  # Episode 2
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, EnclosureChoiceScreen)
        assert app.screen.query_one(OptionList).option_count == 2
        await pilot.press("j", "enter")
        target = tmp_path / "pods" / "Episode 2 E2.ogg"
        await until(pilot, target.exists)
        assert target.read_bytes() == b"second file"
        assert not (tmp_path / "pods" / "Episode 2 E1.mp3").exists()


async def test_the_number_of_an_enclosure_chooses_it(tmp_path, monkeypatch, feed_server):
    """The choice numbers its lines "1." and "2.", so 2 takes the second (it did nothing)."""
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    app, _ = podcast_app(tmp_path, monkeypatch, db)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "d")  # Episode 2
        await settle(pilot)
        assert isinstance(app.screen, EnclosureChoiceScreen)
        assert "Enter or 1–2: choose" in screen_text(app)
        await pilot.press("3")  # no third: the choice stays
        await settle(pilot)
        assert isinstance(app.screen, EnclosureChoiceScreen)
        await pilot.press("2")
        target = tmp_path / "pods" / "Episode 2 E2.ogg"
        await until(pilot, target.exists)
        assert target.read_bytes() == b"second file"


async def test_a_queue_left_by_the_last_run_carries_on_when_the_app_starts(
    tmp_path, monkeypatch, feed_server
):
    db = tmp_path / "pod.db"
    ids = podcast_db(db, feed_server)
    folder = tmp_path / "pods"
    with Library.open(db) as library:
        link = library.article(ids["Episode 1: Rivers"]).links[0]  # type: ignore[union-attr]
        download, _ = queue_enclosure(library, folder, ids["Episode 1: Rivers"], "Episode 1", link)
    Path(download.path).parent.mkdir(parents=True)
    Path(download.path + ".part").write_bytes(AUDIO[:5000])  # the last run got this far,
    Path(download.validator_path).write_text('"v1"\n')  # of the file's version "v1"
    feed_server.route("/e1.mp3", body=AUDIO, ranges=True, etag='"v1"')
    app, _ = podcast_app(tmp_path, monkeypatch, db)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await until(pilot, Path(download.path).exists)
        await settle(pilot)
    assert Path(download.path).read_bytes() == AUDIO
    assert feed_server.requests[-1][1].get("Range") == "bytes=5000-"


async def test_P_plays_the_url_then_the_downloaded_file_with_the_player(
    tmp_path, monkeypatch, feed_server
):
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    program(tmp_path, "mpv")
    app, suspended = podcast_app(tmp_path, monkeypatch, db, player="mpv --no-video %f")
    target = tmp_path / "pods" / "Episode 1 Rivers.mp3"
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        assert suspended == ["in", "out"]  # mpv draws in the terminal: the app steps aside
        assert calls(tmp_path, "mpv")[0]["argv"][1:] == ["--no-video", feed_server.url("/e1.mp3")]
        await pilot.press("d")
        await until(pilot, target.exists)
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
        assert calls(tmp_path, "mpv")[1]["argv"][1:] == ["--no-video", str(target)]
        await pilot.press("L")
        await settle(pilot)
        await pilot.press("P")  # from the downloads screen too
        await settle(pilot)
        assert calls(tmp_path, "mpv")[2]["argv"][1:] == ["--no-video", str(target)]


@pytest.mark.parametrize(
    ("player", "program"),
    [("/nonexistent/player --x %f", "/nonexistent/player"), ("mpv --no-video", "mpv")],
)
async def test_P_with_a_player_that_is_not_there_names_it_and_the_setting(
    tmp_path, monkeypatch, feed_server, player, program
):
    """It said `player: command not found`, naming neither the command nor the setting (user
    test r29); a terminal player that is not there set the app aside first."""
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    app, suspended = podcast_app(tmp_path, monkeypatch, db, player=player)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # no mpv there
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await settle(pilot)
    said = f"player: {program} not found (the player setting in {tmp_path / 'feeds.toml'})"
    assert said in [n.message for n in notifications(app)]
    assert suspended == []


BAD_PLAYER = """#!/bin/sh
printf 'starting\\n\\033[31mbadplayer: cannot open audio device\\033[0m\\n\\n' >&2
exit 3
"""


async def test_a_wrapper_player_that_fails_says_so_with_its_last_error_line(
    tmp_path, monkeypatch, feed_server
):
    """User test r30 M3: a wrapper script as player (not a known terminal program) failed
    without a word: its stderr and exit status were thrown away."""
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    script = tmp_path / "bin" / "badplayer"
    script.parent.mkdir(exist_ok=True)
    script.write_text(BAD_PLAYER, "utf-8")
    script.chmod(0o755)
    app, suspended = podcast_app(tmp_path, monkeypatch, db, player=f"{script} %f")
    said = "badplayer exited with status 3: badplayer: cannot open audio device"
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await until(pilot, lambda: said in [n.message for n in notifications(app)])
    assert suspended == []  # (not a terminal program: the app stayed)


async def test_a_terminal_player_that_fails_says_its_last_error_line_and_shows_its_output(
    tmp_path, monkeypatch, feed_server, capfd
):
    """A player that runs in the terminal (mpv) said only `mpv exited with status 3`: its stderr
    went to the terminal alone. It still goes there (the user reads it while the app is set
    aside), and its last line is kept for the failure line, as a background player's is."""
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    script = tmp_path / "bin" / "mpv"  # a terminal program: the app suspends for it
    script.parent.mkdir(exist_ok=True)
    script.write_text(BAD_PLAYER, "utf-8")
    script.chmod(0o755)
    app, suspended = podcast_app(tmp_path, monkeypatch, db, player=f"{script} %f")
    said = "mpv exited with status 3: badplayer: cannot open audio device"
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await until(pilot, lambda: said in [n.message for n in notifications(app)])
    assert suspended == ["in", "out"]
    assert "starting\n" in capfd.readouterr().err  # (written on as it came)


async def test_a_player_that_ends_well_says_nothing(tmp_path, monkeypatch, feed_server):
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    script = tmp_path / "bin" / "goodplayer"
    script.parent.mkdir(exist_ok=True)
    script.write_text(f"#!/bin/sh\necho played > {tmp_path / 'played'}\n", "utf-8")
    script.chmod(0o755)
    app, _ = podcast_app(tmp_path, monkeypatch, db, player=f"{script} %f")
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await until(pilot, (tmp_path / "played").exists)
        await pilot.pause(0.3)
        await settle(pilot)
    assert not [n.message for n in notifications(app) if "goodplayer" in n.message]


async def test_a_failed_download_says_why_and_r_retries_it(tmp_path, monkeypatch, feed_server):
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    del feed_server.routes["/e1.mp3"]
    app, _ = podcast_app(tmp_path, monkeypatch, db)
    target = tmp_path / "pods" / "Episode 1 Rivers.mp3"
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DownloadsScreen)
        [row] = screen.rows()
        assert row.download.state == "failed" and "HTTP 404" in (row.download.error or "")
        feed_server.route("/e1.mp3", body=AUDIO)
        await pilot.press("r")
        await until(pilot, target.exists)
        await settle(pilot)
        assert [r.download.state for r in screen.rows()] == ["done"]


async def test_L_shows_what_a_dropped_download_kept(tmp_path, monkeypatch, feed_server):
    """Cut halfway, L showed 0% while the .part file held half (user test r29)."""
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    feed_server.route("/e1.mp3", body=AUDIO, ranges=True, cut_after=51_200)
    app, _ = podcast_app(tmp_path, monkeypatch, db)
    part = tmp_path / "pods" / "Episode 1 Rivers.mp3.part"
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await until(pilot, lambda: any("Download failed" in n.message for n in notifications(app)))
        await pilot.press("L")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DownloadsScreen)
        [row] = screen.rows()
        assert row.download.state == "failed"
        assert row.download.bytes_done == part.stat().st_size == 51_200
        assert "━  50%" in screen_text(app)


async def test_d_without_an_enclosure_says_so(tmp_path, monkeypatch, feed_server, db_path):
    app, _ = podcast_app(tmp_path, monkeypatch, db_path)  # the fixed database: no enclosures
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert any("has no enclosure" in n.message for n in notifications(app))


async def test_x_on_the_downloads_screen_forgets_a_failed_download(
    tmp_path, monkeypatch, feed_server
):
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    del feed_server.routes["/e1.mp3"]
    app, _ = podcast_app(tmp_path, monkeypatch, db)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DownloadsScreen)
        assert [r.download.state for r in screen.rows()] == ["failed"]
        await pilot.press("x")
        await settle(pilot)
        assert screen.rows() == []
        with app.library.borrow() as library:
            assert library.downloads.all() == []
        assert "No downloads yet" in screen_text(app)  # (the box was left blank)


async def test_D_on_the_downloads_screen_deletes_the_file_after_asking(
    tmp_path, monkeypatch, feed_server
):
    """There was no way to delete an episode's file from the app (user test r29)."""
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    app, _ = podcast_app(tmp_path, monkeypatch, db)
    target = tmp_path / "pods" / "Episode 1 Rivers.mp3"
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await until(pilot, target.exists)
        await pilot.press("L")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DownloadsScreen)
        assert "D: delete" in screen_text(app)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Delete Episode 1 Rivers.mp3 (102.4 KB)?" in screen_text(app)
        await pilot.press("n")  # kept
        await settle(pilot)
        assert app.screen is screen and target.exists() and len(screen.rows()) == 1
        await pilot.press("D")
        await settle(pilot)
        await pilot.press("y")
        await until(pilot, lambda: not target.exists())
        await settle(pilot)
        assert app.screen is screen and screen.rows() == []
        assert "Deleted Episode 1 Rivers.mp3 (102.4 KB)." in screen_text(app)
        # the open article no longer says it is downloaded (it kept saying so)
        reader = str(app.main.reader.query_one("#reader-body").render())
        assert "downloaded" not in reader and "Enclosures" in reader
    with Library.open(db) as library:
        assert library.downloads.all() == []


async def test_after_a_row_goes_the_next_key_acts_on_the_row_in_its_place(
    tmp_path, monkeypatch, feed_server
):
    """After D (or x) the cursor was on no row: the next x, D or P did nothing."""
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    app, _ = podcast_app(tmp_path, monkeypatch, db)
    first, second = (
        tmp_path / "pods" / "Episode 1 Rivers.mp3",
        tmp_path / "pods" / "Episode 2 E1.mp3",
    )
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await until(pilot, first.exists)
        await pilot.press("j", "d", "1")
        await until(pilot, second.exists)
        await pilot.press("L")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DownloadsScreen)
        await pilot.press("j", "D", "y")  # the last row (the first finished: listed last)
        await until(pilot, lambda: not first.exists())
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "Delete Episode 2 E1.mp3 (10 B)?" in screen_text(app)


async def test_d_after_x_finds_the_kept_file_rather_than_downloading_a_copy(
    tmp_path, monkeypatch, feed_server
):
    """`d` on a forgotten episode downloaded `Ep 3 Slow (2).mp3` beside the same file."""
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    app, _ = podcast_app(tmp_path, monkeypatch, db)
    target = tmp_path / "pods" / "Episode 1 Rivers.mp3"
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await until(pilot, target.exists)
        await pilot.press("L")
        await settle(pilot)
        await pilot.press("x", "escape")
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await settle(pilot)
        assert "Already downloaded: Episode 1 Rivers.mp3" in [n.message for n in notifications(app)]
        await pilot.press("L")
        await settle(pilot)
        [row] = app.screen.rows()
        assert (row.download.state, row.download.path) == ("done", str(target))
    assert [p.name for p in (tmp_path / "pods").iterdir()] == [target.name]
    assert feed_server.routes["/e1.mp3"].hits == 1


async def test_D_keeps_a_file_outside_download_dir_and_says_why(tmp_path, monkeypatch, db_path):
    outside = tmp_path / "mine.mp3"
    outside.write_bytes(b"the user's own")
    with Library.open(db_path) as library:
        download, _ = library.downloads.queue(
            url="http://pod.test/mine.mp3",
            path=str(outside),
            article_id=None,
            title="Mine",
            mime="audio/mpeg",
            bytes_total=None,
        )
        library.downloads.finish(download.id, 14)
    app, _ = podcast_app(tmp_path, monkeypatch, db_path)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, DownloadsScreen)  # nothing asked: nothing may be deleted
        # (read from the notice, not the screen: a long temporary folder wraps the words)
        [said] = [n.message for n in notifications(app) if "outside download_dir" in n.message]
        assert said.startswith(f"{outside}: outside download_dir (")
        assert len(app.screen.rows()) == 1
    assert outside.read_bytes() == b"the user's own"


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (60, 20)])
async def test_D_says_why_a_file_with_a_long_path_is_kept(tmp_path, monkeypatch, db_path, size):
    """The notice line was cut with "…" at the box's width: past a path longer than the line,
    "outside download_dir" was never seen. It wraps (3 lines at most, a path losing its middle
    to "…" when more would be needed), the list giving up the lines it takes."""
    folder = tmp_path / ("a-folder-whose-name-is-longer-than-any-notice-line-" * 2)
    folder.mkdir()
    outside = folder / "mine.mp3"
    outside.write_bytes(b"the user's own")
    with Library.open(db_path) as library:
        download, _ = library.downloads.queue(
            url="http://pod.test/mine.mp3",
            path=str(outside),
            article_id=None,
            title="Mine",
            mime="audio/mpeg",
            bytes_total=None,
        )
        library.downloads.finish(download.id, 14)
    app, _ = podcast_app(tmp_path, monkeypatch, db_path)
    async with run_recorded(app, size=size) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DownloadsScreen)
        box = screen.query_one("#downloads-box").region
        assert box.bottom <= app.size.height - 1  # above the footer
        lines = screen_text(app).splitlines()[box.y : box.bottom]
        shown = "".join(line[box.x + 1 : box.right - 1] for line in lines)  # the box's inside
        unwrapped = "".join(shown.split())  # (a long word is folded anywhere)
        assert "mine.mp3:outsidedownload_dir(" in unwrapped
        assert "/pods);kept" in unwrapped
        assert "Mine" in shown  # the row is still in view
        assert "P: play" in shown  # and the keys' hint under the notice
    assert outside.read_bytes() == b"the user's own"


async def test_x_says_the_file_stays_and_where_replacing_an_older_notice(
    tmp_path, monkeypatch, feed_server
):
    """`x` said nothing, and the notice line kept an older "Download failed: …" (user test
    r29)."""
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    app, _ = podcast_app(tmp_path, monkeypatch, db)
    target = tmp_path / "pods" / "Episode 1 Rivers.mp3"
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await until(pilot, target.exists)
        await pilot.press("j")  # Episode 2, whose first file fails
        await settle(pilot)
        del feed_server.routes["/e2a.mp3"]
        await pilot.press("d", "1")
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DownloadsScreen)
        await pilot.press("r")  # fails again, said in the box
        await until(pilot, lambda: "Download failed" in screen_text(app))
        await pilot.press("G", "x")  # the last row: Episode 1, done (below the failed one)
        await settle(pilot)
        assert "Download failed" not in screen_text(app)
        notice = str(screen.query_one("#downloads-notice").render())
        assert notice == f"Forgot Episode 1: Rivers; its file stays: {target}"
        assert target.exists()


def episode(number: int) -> Download:
    return Download(
        number,
        f"https://pod.example/{number}.mp3",
        f"Episode {number}",
        "audio/mpeg",
        "done",
        f"/pods/{number}.mp3",
        1000,
        1000,
    )


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (120, 40)])
async def test_the_downloads_box_is_as_tall_as_what_it_shows(db_path, size):
    """Empty, it took 80% of the screen for one line; a few downloads, as many lines as they
    take; many, 80% of the screen, the list scrolling and the keys' hint still in view."""
    heights = {}
    for count in (0, 2, 40):
        app = NewstuiApp(db_path, None)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("L")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, DownloadsScreen)
            for number in range(1, count + 1):
                screen.update_download(episode(number))
            await settle(pilot)
            box = screen.query_one("#downloads-box").region
            heights[count] = box.height
            text = screen_text(app)
            hint = next(i for i, line in enumerate(text.splitlines()) if "Esc: close" in line)
            assert hint == box.bottom - 2, (count, size)  # right above the bottom border
            lines = text.splitlines()
            if count == 0:
                assert "No downloads yet" in text
                assert lines[hint - 1].index("No downloads") == lines[hint].index("r: retry")
            else:  # the hint starts where the rows' titles do (it stood one cell left of them)
                title = next(line for line in lines if "Episode " in line)
                assert title.index("Episode ") == lines[hint].index("r: retry")
    assert heights[0] == 4  # borders, the message, the hint
    assert heights[2] == 2 + 2 * 3 + 1  # borders, two rows of three lines, the hint
    assert heights[40] == int((size[1] - 1) * 0.8)  # 80% of the screen above its footer


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
async def test_notifications_over_the_downloads_box_show_in_it_not_over_its_rows(db_path, size):
    """At 60x20 two toasts covered the right half of the box, its states and the keys' hint."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        app.notify("Refreshed: nothing new")  # before the box: stays for the screen under it
        await pilot.press("L")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DownloadsScreen)
        for number in range(1, 4):
            screen.update_download(episode(number))
        app.notify("Downloaded Episode 3 with a title long enough to wrap in a toast")
        app.notify("Download failed: Episode 4: HTTP 404", severity="error", markup=False)
        await settle(pilot)

        toasts = list(screen.query("Toast"))
        assert toasts and not any(toast.visible for toast in toasts)
        # nor the one under the box, which showed past its border (user test r42 L12)
        assert not any(toast.visible for toast in app.main.query("Toast"))
        box = screen.query_one("#downloads-box").region
        lines = screen_text(app).splitlines()[box.y : box.bottom]
        assert "Download failed: Episode 4: HTTP 404" in lines[-3]  # above the hint
        assert "Esc: close" in lines[-2]
        assert sum("done · 1.0 KB · /pods/" in line for line in lines) == 3
        await pilot.press("escape")
        await settle(pilot)
        assert any(toast.visible for toast in app.screen.query("Toast"))  # shown again


async def queue_from_outside(db: Path, folder: Path, article_id: int) -> Download:
    """Queue an episode as `newstui download … --later` does, from another connection."""
    with Library.open(db) as library:
        link = library.article(article_id).links[0]  # type: ignore[union-attr]
        download, new = queue_enclosure(library, folder, article_id, "Episode 1", link)
    assert new
    return download


async def test_a_download_another_newstui_queued_starts_without_a_key(
    tmp_path, monkeypatch, feed_server
):
    """It never started (L: "queued · 0 B"): the app ran only what it queued itself or found
    at its start (user test r29, M6)."""
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 0.2)
    db = tmp_path / "pod.db"
    ids = podcast_db(db, feed_server)
    app, _ = podcast_app(tmp_path, monkeypatch, db)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        download = await queue_from_outside(db, tmp_path / "pods", ids["Episode 1: Rivers"])
        await until(pilot, Path(download.path).exists, seconds=30)
        await settle(pilot)
    assert Path(download.path).read_bytes() == AUDIO


async def test_d_on_an_episode_another_newstui_queued_starts_it(tmp_path, monkeypatch, feed_server):
    """`d` said "Already queued" and nothing ran."""
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 3600.0)  # no notice: only the key
    db = tmp_path / "pod.db"
    ids = podcast_db(db, feed_server)
    app, _ = podcast_app(tmp_path, monkeypatch, db)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        download = await queue_from_outside(db, tmp_path / "pods", ids["Episode 1: Rivers"])
        await pilot.press("d")
        await until(pilot, Path(download.path).exists, seconds=30)
        await settle(pilot)
    assert Path(download.path).read_bytes() == AUDIO


async def test_L_starts_a_download_another_newstui_queued(tmp_path, monkeypatch, feed_server):
    """L listed it "queued · 0 B" and `r` retries only failed downloads: nothing started it."""
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 3600.0)  # no notice: only the key
    db = tmp_path / "pod.db"
    ids = podcast_db(db, feed_server)
    app, _ = podcast_app(tmp_path, monkeypatch, db)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        download = await queue_from_outside(db, tmp_path / "pods", ids["Episode 1: Rivers"])
        await pilot.press("L")
        await until(pilot, Path(download.path).exists, seconds=30)
        await settle(pilot)
        [row] = app.screen.rows()
        assert row.download.state == "done"
    assert Path(download.path).read_bytes() == AUDIO


@pytest.mark.skipif(os.name != "posix", reason="pseudo-terminals")
def test_quitting_with_a_download_running_says_it_will_resume(tmp_path, feed_server):
    """Quitting asked and said nothing while a download ran (it resumes at the next start,
    which the user could not know; user test r29)."""
    db = tmp_path / "pod.db"
    ids = podcast_db(db, feed_server)
    feed_server.route("/e1.mp3", body=AUDIO[:3000], drip=0.01)  # about 30 s
    folder = tmp_path / "pods"
    with Library.open(db) as library:
        link = library.article(ids["Episode 1: Rivers"]).links[0]  # type: ignore[union-attr]
        download, _ = queue_enclosure(library, folder, ids["Episode 1: Rivers"], "Episode 1", link)
    config = tmp_path / "feeds.toml"
    config.write_text(
        f"[settings]\nrefresh_minutes = 0\nfulltext = false\ndownload_dir = '{folder}'\n", "utf-8"
    )
    env = {
        **os.environ,
        "NEWSTUI_CONFIG": str(config),
        "NEWSTUI_DB": str(db),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "TERM": "xterm-256color",
    }
    terminal = AppInTerminal([], env, (100, 30))
    try:
        terminal.wait_for(b"Headlines")
        part = Path(download.part_path)
        deadline = time.monotonic() + 30
        while not part.exists():  # under way
            assert time.monotonic() < deadline
            time.sleep(0.05)
        terminal.type("Q")
        assert terminal.process.wait(30) == 0
        time.sleep(0.3)  # the last of its output
    finally:
        terminal.close()
    said = bytes(terminal.output).decode("utf-8", "replace")
    # (its server gives no ETag or Last-Modified: it starts again; user test r55 LOW-2)
    [line] = re.findall(r"newstui: 1 download will start again at the next start[^\r\n]*", said)
    assert len(line) <= 80  # one line on an 80-column terminal (it wrapped its last word)
