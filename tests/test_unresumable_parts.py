"""A download's `.part` kept with no version of the file (its server gives no ETag or
Last-Modified) can never be resumed: it began again from its first byte at the next start. So
quitting or Ctrl-C deletes it rather than keeping it, and one found at the start of a run (an
older newstui's, or a process killed mid-download) is deleted before the download is asked for;
a `.part` with its version is kept to resume, and a finished file is never touched (review r49,
"noticed and left")."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from test_downloads import AUDIO, queue_one

from newstui.downloads import STALE_SECONDS, drop_unresumable_parts, run_queue
from newstui.library import Library
from newstui.model import Download
from newstui.sources.transfer import validator_path


@pytest.mark.parametrize(
    ("ranges", "kept"), [(False, False), (True, True)], ids=["no-version", "with-version"]
)
def test_quitting_deletes_a_part_no_version_was_kept_for(
    db_path, tmp_path, feed_server, ranges, kept
):
    feed_server.route("/e1.mp3", body=AUDIO, ranges=ranges, drip=0.002)
    arrived: list[int] = []

    def changed(d: Download) -> None:
        if d.state == "downloading" and d.bytes_done:
            arrived.append(d.bytes_done)

    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, feed_server.url("/e1.mp3"))
        result = run_queue(library, timeout=5, on_change=changed, stopped=lambda: bool(arrived))
        row = library.downloads.get(download_id)
    assert result.stopped and row is not None and row.state == "queued"
    part = Path(row.part_path)
    assert part.exists() is kept and validator_path(part).exists() is kept
    assert row.bytes_done == (part.stat().st_size if kept else 0)
    assert not Path(row.path).exists()


def test_ctrl_c_deletes_a_part_no_version_was_kept_for(db_path, tmp_path, feed_server):
    feed_server.route("/e1.mp3", body=AUDIO, drip=0.002)

    def changed(d: Download) -> None:
        if d.state == "downloading" and d.bytes_done:
            raise KeyboardInterrupt

    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, feed_server.url("/e1.mp3"))
        with pytest.raises(KeyboardInterrupt):
            run_queue(library, timeout=5, on_change=changed)
        row = library.downloads.get(download_id)
    assert row is not None and (row.state, row.bytes_done) == ("queued", 0)
    assert not Path(row.part_path).exists() and not Path(row.path).exists()


def long_ago(path: Path) -> None:
    """Written before any process now running could be writing it."""
    before = time.time() - STALE_SECONDS - 60
    os.utime(path, (before, before))


def test_a_part_left_with_no_version_is_deleted_before_its_download_starts_again(
    db_path, tmp_path, feed_server
):
    feed_server.route("/e1.mp3", body=AUDIO, ranges=True)
    there_as_it_started: list[bool] = []
    notes: list[str] = []

    def changed(d: Download) -> None:
        if not there_as_it_started:
            there_as_it_started.append(Path(d.part_path).exists())

    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, feed_server.url("/e1.mp3"))
        queued = library.downloads.get(download_id)
        assert queued is not None
        part = Path(queued.part_path)
        part.write_bytes(AUDIO[:60_000])  # (an older newstui's: no validator beside it)
        long_ago(part)
        result = run_queue(
            library,
            timeout=5,
            on_change=changed,
            folder=tmp_path,
            on_note=lambda d, note: notes.append(note),
        )
    assert (result.done, result.failed) == (1, 0)
    assert there_as_it_started == [False]
    assert Path(queued.path).read_bytes() == AUDIO
    assert "Range" not in feed_server.requests[-1][1]
    assert notes == [
        "started over: the 60.0 KB kept before could not be checked: no version of the file was "
        "kept with them"
    ]


def test_only_a_waiting_downloads_part_without_a_version_inside_download_dir_is_deleted(
    db_path, tmp_path
):
    folder = tmp_path / "pods"
    elsewhere = tmp_path / "elsewhere"
    with Library.open(db_path) as library:

        def left(where: Path, title: str, *, version: bool = False, old: bool = True) -> int:
            where.mkdir(exist_ok=True)
            download_id = queue_one(library, where, f"http://pod.example/{title}.mp3", title)
            row = library.downloads.get(download_id)
            assert row is not None
            part = Path(row.part_path)
            part.write_bytes(b"x" * 1000)
            library.downloads.progress(download_id, 1000, None)
            if version:
                validator_path(part).write_text('"v1"\n')
            if old:
                long_ago(part)
            return download_id

        running = left(folder, "Running")  # (claimed: its process writes it)
        claimed = library.downloads.claim_next(os.getpid())
        assert claimed is not None and claimed.id == running
        gone = left(folder, "Gone")
        failed = left(folder, "Failed")
        library.downloads.fail(failed, "HTTP 503", 1, None)
        resumable = left(folder, "Resumable", version=True)
        outside = left(elsewhere, "Outside")
        fresh = left(folder, "Fresh", old=False)  # (a process may have begun it a moment ago)
        clash = left(folder, "Clash")
        # a finished download whose file has the name of Clash's .part (never deleted)
        finished = queue_one(library, folder, "http://pod.example/f.mp3", "Finished")
        library.downloads.move(finished, str(folder / "Clash.mp3.part"))
        library.downloads.finish(finished, 1000)
        assert library.downloads.get(clash).part_path == str(folder / "Clash.mp3.part")  # type: ignore[union-attr]

        dropped = drop_unresumable_parts(library, folder)
        rows = {d.id: d for d in library.downloads.all()}
    assert dropped == {gone: 1000, failed: 1000}
    for kept in (running, resumable, outside, fresh, clash):
        assert Path(rows[kept].part_path).stat().st_size == 1000, rows[kept].title
    for dropped_id in (gone, failed):
        assert not Path(rows[dropped_id].part_path).exists()
        assert rows[dropped_id].bytes_done == 0
    assert rows[failed].state == "failed"
