"""`L` opens on what needs attention (user test r50 LOW-20: with weeks of finished downloads it
opened on the oldest, and the running, waiting and failed ones were below the fold at 80x24 and
60x20): the running downloads, the waiting ones and the failed ones first, the finished ones
after them, the last finished first; a download new to the open box joins the queue's rows."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from newstui.library import Library
from newstui.model import Download
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.downloads import DownloadsScreen, attention_order, new_row_at

from .conftest import run_recorded, screen_text, settle

FOLDER = "/srv/no-such-folder/pods"  # (files never looked at: a folder that is not there)


def a_long_history(db_path: Path) -> dict[str, int]:
    """30 finished episodes, one that failed among them, two finished after it, then one
    running (this process's) and one waiting: ids by title."""
    ids: dict[str, int] = {}
    with Library.open(db_path) as library:

        def queue(title: str, done: bool = False) -> int:
            download, _ = library.downloads.queue(
                url=f"http://127.0.0.1:9/{title.replace(' ', '-')}.mp3",
                path=f"{FOLDER}/{title}.mp3",
                article_id=None,
                title=title,
                mime="audio/mpeg",
                bytes_total=1000 if done else None,
                done=done,
            )
            ids[title] = download.id
            return download.id

        for n in range(28):
            queue(f"Old episode {n}", done=True)
        failed = queue("Broken episode")
        claimed = library.downloads.claim_next(os.getpid())
        assert claimed is not None and claimed.id == failed
        library.downloads.fail(failed, "HTTP 404 Not Found")
        for n in (28, 29):
            queue(f"Old episode {n}", done=True)
        running = queue("Running episode")
        claimed = library.downloads.claim_next(os.getpid())
        assert claimed is not None and claimed.id == running
        queue("Waiting episode")
    return ids


def highlighted(screen: DownloadsScreen) -> str:
    item = screen.list.highlighted_child
    assert item is not None
    return item.download.title  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_L_opens_on_the_running_waiting_and_failed_downloads_above_the_finished(
    db_path, size
):
    a_long_history(db_path)
    app = NewstuiApp(db_path, None)  # (no config: nothing runs the queue meanwhile)
    async with run_recorded(app, size=size) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DownloadsScreen)
        titles = [row.download.title for row in screen.rows()]
        assert titles[:5] == [
            "Running episode",
            "Waiting episode",
            "Broken episode",
            "Old episode 29",  # the last finished first
            "Old episode 28",
        ]
        assert titles[-1] == "Old episode 0"
        assert highlighted(screen) == "Running episode"
        shown = screen_text(app)
        for title in ("Running episode", "Waiting episode", "Broken episode", "HTTP 404"):
            assert title in shown
        assert "Old episode 0" not in shown
        await pilot.press("G")
        assert highlighted(screen) == "Old episode 0"
        await pilot.press("g")
        assert highlighted(screen) == "Running episode"


async def test_a_download_queued_while_the_box_is_open_joins_the_queue_the_cursor_staying(
    db_path,
):
    ids = a_long_history(db_path)
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DownloadsScreen)
        await pilot.press("j", "j")
        assert highlighted(screen) == "Broken episode"
        newer = Download(99, "http://127.0.0.1:9/new.mp3", "New episode", "audio/mpeg", "queued", f"{FOLDER}/New episode.mp3")  # fmt: skip
        screen.update_download(newer)
        await settle(pilot)
        titles = [row.download.title for row in screen.rows()]
        assert titles[:4] == ["Running episode", "Waiting episode", "Broken episode", "New episode"]
        assert highlighted(screen) == "Broken episode"  # (x or D act on the row it was on)
        # a row that changes stays where it is: nothing moves under the cursor
        with Library.open(db_path) as library:
            running = library.downloads.get(ids["Running episode"])
        assert running is not None
        screen.update_download(replace(running, state="done", bytes_done=1000, bytes_total=1000))
        await settle(pilot)
        assert [row.download.title for row in screen.rows()][:4] == titles[:4]
        assert highlighted(screen) == "Broken episode"
        # ... and one new above the cursor keeps the cursor on its row
        await pilot.press("g")
        newest = replace(newer, id=100, title="Newest episode", url="http://127.0.0.1:9/n2.mp3")
        screen.update_download(newest)
        await settle(pilot)
        assert highlighted(screen) == "Running episode"
        assert [row.download.title for row in screen.rows()][4] == "Newest episode"


def row(download_id: int, state: str, finished: str | None = None) -> Download:
    return Download(download_id, f"http://x/{download_id}", str(download_id), "", state, f"/p/{download_id}", finished_at=finished)  # type: ignore[arg-type]  # fmt: skip


def test_the_order_puts_the_queue_first_and_the_last_finished_above_older_ones():
    rows = [
        row(1, "done", "2026-11-01T10:00:00+00:00"),
        row(2, "failed"),
        row(3, "done", "2026-12-01T10:00:00+00:00"),
        row(4, "queued"),
        row(5, "downloading"),
        row(6, "queued"),
        row(7, "done", "2026-11-15T10:00:00+00:00"),
    ]
    assert [d.id for d in attention_order(rows)] == [5, 4, 6, 2, 3, 7, 1]
    assert new_row_at(["downloading", "queued", "failed", "done", "done"]) == 3
    assert new_row_at(["done", "queued", "done"]) == 2  # (one finished while the box was open)
    assert new_row_at(["done", "done"]) == 0
    assert new_row_at([]) == 0
