"""The app's downloads beside another newstui sharing the store (a cron `newstui download`):
while the app's run waits for a host whose `per_host` places the other holds, the app says so
once and `L`'s queued rows say why they wait (review r50 LOW-6: it said nothing); what the
download threads tell the app is posted, never waited for, so no slot holds another up and
quitting never waits on them (review r50 LOW-9)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from newstui.config import Config, FeedConfig, Settings
from newstui.downloads import QueueResult, queue_enclosure
from newstui.library import Library
from newstui.model import Download
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.downloads import DownloadsScreen

from .conftest import notifications, run_recorded, settle, until
from .test_podcasts import AUDIO, podcast_db


def app_for(tmp_path: Path, db: Path, feed_url: str, per_host: int = 1) -> NewstuiApp:
    settings = Settings(
        refresh_minutes=0, download_dir=str(tmp_path / "pods"), timeout=5, per_host=per_host
    )
    config = Config(tmp_path / "feeds.toml", settings, (FeedConfig(feed_url, "The Pod"),))
    return NewstuiApp(db, config)


def held_by_another_newstui(db: Path) -> int:
    """Episode 2's first file queued and being downloaded by another process (alive: it wrote
    progress just now), from the host Episode 1 comes from too."""
    with Library.open(db) as library:
        article = next(a for a in library.articles() if a.title == "Episode 2")
        link = library.article(article.id).links[0]  # type: ignore[union-attr]
        download, _ = queue_enclosure(library, db.parent / "pods", article.id, "Theirs", link)
        claimed = library.downloads.claim_next(os.getppid())
        assert claimed is not None and claimed.id == download.id
        return download.id


def row_lines(app: NewstuiApp) -> dict[str, str]:
    """What the downloads box's rows say, by title (none while it is not up)."""
    if not isinstance(app.screen, DownloadsScreen):
        return {}
    return {row.download.title: " ".join(row.render().plain.split()) for row in app.screen.rows()}


def said(app: NewstuiApp, start: str) -> list[str]:
    return [n.message for n in notifications(app) if n.message.startswith(start)]


async def test_the_app_says_it_waits_for_a_host_another_newstui_downloads_from(
    tmp_path, feed_server
):
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    theirs = held_by_another_newstui(db)
    app = app_for(tmp_path, db, feed_server.url("/feed"))
    target = tmp_path / "pods" / "Episode 1 Rivers.mp3"
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")  # Episode 1: its host is full (per_host = 1)
        await until(pilot, lambda: said(app, "Waiting for "))
        host = "127.0.0.1"
        assert said(app, "Waiting for ") == [
            f"Waiting for {host}: another newstui is downloading from it, and per_host = 1 "
            "allows no more at once"
        ]
        await pilot.press("L")  # (no settle while the app's run waits: it waits for it)
        await until(pilot, lambda: len(row_lines(app)) == 2)
        lines = row_lines(app)
        assert lines["Episode 1: Rivers"].endswith(
            f"queued · waiting for {host}: another newstui is downloading from it"
        )
        assert "waiting for" not in lines["Theirs"]

        with Library.open(db) as library:  # the other one's download ends: the app's begins
            library.downloads.finish(theirs, 10)
        await until(pilot, target.exists)
        await settle(pilot)
        assert target.read_bytes() == AUDIO
        assert "waiting for" not in row_lines(app)["Episode 1: Rivers"]


class BlockingRun:
    """In place of `run_queue`: once the test says the event loop is held up, tells the app
    what a slot thread tells it (a note, a stop's problem, a wait, a change), then returns."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.loop_held = threading.Event()
        self.told = threading.Event()

    def __call__(self, library: Library, **listeners) -> QueueResult:
        self.entered.set()
        self.loop_held.wait(30)  # (a bound only: the test sets it at once)
        d = Download(7, "http://pod.example/e.mp3", "Ep 7", "audio/mpeg", "queued", "/x/e.mp3")
        listeners["on_note"](d, "started over")
        listeners["on_gone"](d, "delete", "e.mp3.part: Permission denied; kept")
        listeners["on_wait"]("pod.example")
        listeners["on_change"](d)
        self.told.set()
        return QueueResult()


async def test_a_download_thread_tells_the_app_without_waiting_for_its_event_loop(
    tmp_path, feed_server, monkeypatch
):
    """Review r50 LOW-9: a note or a stop's problem went through `call_from_thread`, which waits
    for the event loop, under the lock every slot's progress takes: one slot waited on the UI
    and the others on it, and a loop gone at quit left them waiting."""
    import newstui.downloads

    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    run = BlockingRun()
    monkeypatch.setattr(newstui.downloads, "run_queue", run)
    app = app_for(tmp_path, db, feed_server.url("/feed"))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        app.start_downloads()
        await until(pilot, run.entered.is_set)
        run.loop_held.set()
        told = run.told.wait(10)  # (the event loop held up here meanwhile, as a busy UI is)
        assert told, "a download thread waited for the event loop"
        await settle(pilot)
        messages = [n.message for n in notifications(app)]
        assert "Ep 7: started over" in messages
        assert "e.mp3.part: Permission denied; kept" in messages
        assert any(m.startswith("Waiting for pod.example: ") for m in messages)


async def test_quitting_while_a_download_thread_tells_the_app_does_not_wait_for_it(
    tmp_path, feed_server, monkeypatch
):
    import newstui.downloads

    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    run = BlockingRun()
    monkeypatch.setattr(newstui.downloads, "run_queue", run)
    app = app_for(tmp_path, db, feed_server.url("/feed"))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        app.start_downloads()
        await until(pilot, run.entered.is_set)
        await pilot.press("q")  # the app quits while the thread still has news for it
    run.loop_held.set()  # (the app's loop has stopped: what the thread tells it is dropped)
    assert run.told.wait(30)
