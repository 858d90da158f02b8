"""An open app downloads by the config file as it is when a download starts (user test r48
LOW-13: after download_dir changed on disk, an app left open downloaded a cron-queued episode into
the folder of before)."""

from __future__ import annotations

from pathlib import Path

from newstui.config import load_config
from newstui.downloads import queue_enclosure
from newstui.library import Library
from newstui.tui.app import NewstuiApp
from newstui.tui.config_on_disk import ConfigOnDisk

from .conftest import notifications, run_recorded, settle, until
from .test_podcasts import AUDIO, podcast_db, queue_from_outside


def write_config(path: Path, **settings: object) -> Path:
    lines = ["[settings]", "refresh_minutes = 0", "timeout = 5", "fulltext = false"]
    lines += [
        f'{key} = "{value}"' if isinstance(value, str) else f"{key} = {value}"
        for key, value in settings.items()
    ]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def app_on(tmp_path: Path, db: Path, **settings: object) -> tuple[NewstuiApp, Path]:
    path = write_config(tmp_path / "feeds.toml", **settings)
    return NewstuiApp(db, load_config(path)), path


async def test_a_queued_episode_goes_to_the_download_dir_the_file_says_now(
    tmp_path, monkeypatch, feed_server
):
    monkeypatch.setattr(NewstuiApp, "WATCH_SECONDS", 0.2)  # (another writer seen at once)
    db = tmp_path / "pod.db"
    ids = podcast_db(db, feed_server)
    before, now = tmp_path / "old", tmp_path / "new"
    app, config = app_on(tmp_path, db, download_dir=str(before))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        write_config(config, download_dir=str(now))
        # `newstui fetch` from cron, reading the file as it is now, queues into the new folder
        download = await queue_from_outside(db, now, ids["Episode 1: Rivers"])
        await until(pilot, lambda: Path(download.path).exists(), seconds=30)
        await settle(pilot)
    assert Path(download.path) == now / "Episode 1.mp3"
    assert Path(download.path).read_bytes() == AUDIO
    assert not before.exists()  # (it was moved "inside" the old download_dir)
    assert not any("outside download_dir" in n.message for n in notifications(app))


async def test_d_queues_into_the_download_dir_the_file_says_now(tmp_path, monkeypatch, feed_server):
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    app, config = app_on(tmp_path, db, download_dir=str(tmp_path / "old"))
    target = tmp_path / "new" / "The Pod" / "Episode 1 Rivers.mp3"
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        write_config(config, download_dir=f"{tmp_path}/new/%n")
        await pilot.press("d")
        await until(pilot, target.exists, seconds=30)
        await settle(pilot)
    assert target.read_bytes() == AUDIO
    with Library.open(db) as library:
        [row] = library.downloads.all()
    assert (row.state, row.path) == ("done", str(target))


async def test_a_config_that_no_longer_reads_is_said_once_and_the_last_read_one_used(
    tmp_path, monkeypatch, feed_server
):
    db = tmp_path / "pod.db"
    podcast_db(db, feed_server)
    before = tmp_path / "old"
    app, config = app_on(tmp_path, db, download_dir=str(before))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        config.write_text("[settings]\ndownload_dir = 3\n", "utf-8")
        await pilot.press("d")
        await until(pilot, (before / "Episode 1 Rivers.mp3").exists, seconds=30)
        await settle(pilot)
    said = [n.message for n in notifications(app) if "as last read" in n.message]
    assert said == [
        f"{config}:2: setting 'download_dir' must be a folder path, not 3 (downloading with the "
        "config as last read)"
    ]


def test_the_config_is_read_again_only_when_its_file_changed(tmp_path, monkeypatch):
    import newstui.tui.config_on_disk as module

    path = write_config(tmp_path / "feeds.toml", download_dir="/a")
    first = load_config(path)
    reads: list[Path] = []
    monkeypatch.setattr(module, "load_config", lambda p: reads.append(p) or load_config(p))
    on_disk = ConfigOnDisk()
    assert on_disk.current(first)[0].settings.download_dir == "/a"
    assert on_disk.current(first)[0].settings.download_dir == "/a"
    assert len(reads) == 1
    write_config(path, download_dir="/somewhere/else")
    assert on_disk.current(first)[0].settings.download_dir == "/somewhere/else"
    assert len(reads) == 2
    path.unlink()  # (a config that is gone: the one the app has)
    assert on_disk.current(first) == (first, None)


async def test_the_app_runs_download_concurrency_downloads_at_once(
    tmp_path, monkeypatch, feed_server
):
    """User test r48 LOW-30: each request waits (`gather`) until both are being answered, which
    one download at a time never reaches."""
    db = tmp_path / "pod.db"
    ids = podcast_db(db, feed_server)
    feed_server.route("/e2a.mp3", body=b"first file", gather=2)
    feed_server.route("/e2b.ogg", body=b"second file", gather=2)
    folder = tmp_path / "pods"
    with Library.open(db) as library:  # (left queued by the last run: the app carries on)
        stored = library.article(ids["Episode 2"])
        assert stored is not None
        for n, link in enumerate(stored.links, 1):
            queue_enclosure(library, folder, stored.row.id, f"Part {n}", link)
    app, _ = app_on(tmp_path, db, download_dir=str(folder), download_concurrency=2)
    files = [folder / "Part 1.mp3", folder / "Part 2.ogg"]
    async with run_recorded(app, size=(120, 40)) as pilot:
        await until(pilot, lambda: all(f.exists() for f in files), seconds=30)
        await settle(pilot)
    assert feed_server.peak == 2
    assert [f.read_bytes() for f in files] == [b"first file", b"second file"]
