"""What a quit says of the downloads it leaves (user test r55 LOW-2): one whose .part is kept
with the file's version resumes; one begun with no version kept starts again (its .part is
deleted); one not begun waits; each kind counted on its own line."""

from __future__ import annotations

from pathlib import Path

from newstui.downloads import LeftAtQuit, left_at_quit
from newstui.model import Download

PID = 4242


def download(folder: Path, n: int, state: str = "queued", **fields: object) -> Download:
    return Download(
        n,
        f"https://pod.example/e{n}.mp3",
        f"E{n}",
        "audio/mpeg",
        state,  # type: ignore[arg-type]
        str(folder / f"e{n}.mp3"),
        **fields,  # type: ignore[arg-type]
    )


def test_each_kind_is_counted_by_what_the_next_start_does(tmp_path):
    kept = download(tmp_path, 1, "downloading", bytes_done=100, owner=PID)
    Path(kept.part_path).write_bytes(b"x" * 100)
    Path(kept.validator_path).write_text('"v1"\n', "utf-8")
    unkept = download(tmp_path, 2, "downloading", bytes_done=100, owner=PID)
    Path(unkept.part_path).write_bytes(b"x" * 100)  # (no version: deleted as it lets go)
    let_go = download(tmp_path, 3)  # its .part deleted already, its count back to 0
    waiting = download(tmp_path, 4)
    others = [download(tmp_path, 5, "downloading", owner=PID + 1), download(tmp_path, 6, "done")]
    left = left_at_quit([kept, unkept, let_go, waiting, *others], PID, begun={1, 2, 3})
    assert left == LeftAtQuit(resume=1, again=2, waiting=1)
    assert left.lines() == [
        "newstui: 1 download will resume at the next start (or `newstui download` now)",
        "newstui: 2 downloads will start again at the next start: no ETag/Last-Modified",
        "newstui: 1 download waits for the next start (or `newstui download` now)",
    ]
    assert all(len(line) <= 80 for line in left.lines())  # (one line on 80 columns each)
    assert LeftAtQuit().lines() == []
