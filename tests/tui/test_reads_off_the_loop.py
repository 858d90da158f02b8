"""Pilot tests: L (the downloads), P (play) and the queue left by the last run read the store in a
thread while another holds it, so the keys typed behind them are handled at once; L lists the
queue as `newstui downloads` does (a download whose process died shows as queued)."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from newstui.config import load_config
from newstui.library import Library
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.downloads import DownloadsScreen
from tests.ports import refused_port

from .conftest import notifications, run_recorded, settle
from .test_external_programs import calls, program
from .test_keys_during_long_writes import store_held_by_a_long_write
from .test_podcasts import podcast_app, podcast_db

HOLD_BOUND = 30.0  # only ends a hold the test forgot (before the fix: the app frozen until then)


def dead_pid() -> int:
    """The id of a process that has ended (and was collected)."""
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout)


def killed_download(db_path) -> str:
    """A download a `newstui download` process was killed in the middle of; its title."""
    with Library.open(db_path) as library:
        library.downloads.queue(
            url="https://pod.example/1.mp3",
            path="/tmp/newstui-test-never-written.mp3",
            article_id=None,
            title="Killed Episode",
            mime="audio/mpeg",
            bytes_total=1000,
        )
        claimed = library.downloads.claim_next(dead_pid())
        assert claimed is not None and claimed.state == "downloading"
    return "Killed Episode"


async def test_L_shows_a_download_whose_process_was_killed_as_queued_as_the_cli_does(db_path):
    """It showed "downloading" until the app ran its queue; `newstui downloads` said queued."""
    title = killed_download(db_path)
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        assert isinstance(app.screen, DownloadsScreen)
        [row] = app.screen.rows()
        assert (row.download.title, row.download.state) == (title, "queued")
    with Library.open(db_path) as library:
        assert [d.state for d in library.downloads.all()] == ["queued"]


@contextmanager
def reads_held(app: NewstuiApp) -> Iterator[threading.Thread]:
    """Hold the app's reads' connection from another thread until the block ends."""
    held, done = threading.Event(), threading.Event()

    def hold() -> None:
        with app.library.borrow():
            held.set()
            done.wait(HOLD_BOUND)

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    held.wait()
    try:
        yield thread
    finally:
        done.set()
        thread.join()


async def test_L_while_the_store_is_held_shows_the_box_and_takes_the_next_key_then_the_queue(
    db_path, config
):
    # (before: L waited for the store on the event loop; then, user test r37 L5, the key typed
    # while the queue was read went to the headlines)
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        before = app.main.headlines.selected
        with store_held_by_a_long_write(app) as holding:
            await pilot.press("L")
            await pilot.press("j")
            shown_while_held = isinstance(app.screen, DownloadsScreen) and holding.is_alive()
        await settle(pilot)
        assert shown_while_held
        assert isinstance(app.screen, DownloadsScreen)
        assert app.main.headlines.selected == before  # the key was the box's


async def test_P_while_the_store_is_held_lets_the_next_key_through_then_plays(
    tmp_path, monkeypatch, feed_server
):
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    program(tmp_path, "mpv")
    app, suspended = podcast_app(tmp_path, monkeypatch, db, player="mpv %f")
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        before = app.main.headlines.selected
        with reads_held(app) as holding:
            await pilot.press("P")
            await pilot.press("j")  # before: P read the downloads on the event loop
            moved_while_held = app.main.headlines.selected != before and holding.is_alive()
        await settle(pilot)
        assert moved_while_held
        assert suspended == ["in", "out"]
        assert calls(tmp_path, "mpv")[0]["argv"][1:] == [feed_server.url("/e1.mp3")]


async def test_r_with_sync_while_the_store_is_held_lets_the_next_key_through_then_answers(
    db_path, config
):
    """With [sync], r asks the store which feeds are server subscriptions: it did so on the
    event loop."""
    port = refused_port()
    config.path.write_text(
        config.path.read_text("utf-8")
        + f'\n[sync]\nservice = "greader"\nurl = "http://127.0.0.1:{port}/api/greader.php"\n'
        'user = "alice"\npassword = "secret"\n',
        "utf-8",
    )
    app = NewstuiApp(db_path, load_config(config.path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        before = app.main.headlines.selected
        with reads_held(app) as holding:
            await pilot.press("r")
            await pilot.press("j")
            moved_while_held = app.main.headlines.selected != before and holding.is_alive()
        await settle(pilot)
        assert moved_while_held
        # (the first article's feed is not in the config: the answer after the read)
        said = [n.message for n in notifications(app)]
        assert "World Desk: not in the config file, cannot refresh" in said
