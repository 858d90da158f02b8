"""Downloads at once (`download_concurrency`, podboat's max-downloads; user test r48 LOW-30) and a
folder per feed or host (`download_dir = "~/Podcasts/%n"`, podboat's download-path; LOW-8)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from test_cli import Cli
from test_downloads import AUDIO, an_article, podcast, queue_one

from newstui.config import Settings, download_folder, feed_download_folder
from newstui.download_paths import MAX_FOLDER_NAME, MAX_NAME_BYTES, feed_folder, safe_name
from newstui.downloads import run_queue, safe_file_name
from newstui.library import Library
from newstui.model import Download

# at once ------------------------------------------------------------------------------------------


def test_downloads_run_at_once_each_heard_apart(db_path, tmp_path, feed_server):
    """Three episodes, three at once: each request waits (`gather`) until all three are being
    answered, which one at a time never reaches (the server's peak stays 1)."""
    for n in (1, 2, 3):
        feed_server.route(f"/e{n}.mp3", body=AUDIO, gather=3)
    heard: list[Download] = []
    with Library.open(db_path) as library:
        ids = [
            queue_one(library, tmp_path, feed_server.url(f"/e{n}.mp3"), f"Episode {n}")
            for n in (1, 2, 3)
        ]
        result = run_queue(library, timeout=5, on_change=heard.append, at_once=3)
        rows = library.downloads.all()
    assert feed_server.peak == 3
    assert (result.done, result.failed, result.stopped) == (3, 0, False)
    assert [r.state for r in rows] == ["done"] * 3
    assert all(Path(r.path).read_bytes() == AUDIO for r in rows)
    first_done = next(n for n, d in enumerate(heard) if d.state == "done")
    assert {d.id for d in heard[:first_done]} == set(ids)  # each had its own progress first


def test_no_more_than_per_host_run_from_one_host(db_path, tmp_path, feed_server):
    for n in (1, 2, 3):
        feed_server.route(f"/e{n}.mp3", body=AUDIO)
    with Library.open(db_path) as library:
        for n in (1, 2, 3):
            queue_one(library, tmp_path, feed_server.url(f"/e{n}.mp3"), f"Episode {n}")
        result = run_queue(library, timeout=5, at_once=3, per_host=1)
    assert result.done == 3
    assert feed_server.peak == 1


def test_the_next_download_taken_is_the_oldest_whose_host_has_room(db_path, tmp_path):
    with Library.open(db_path) as library:
        busy = queue_one(library, tmp_path, "http://busy.example/a.mp3", "A")
        free = queue_one(library, tmp_path, "http://Free.example/b.mp3", "B")
        taken = library.downloads.claim_next(os.getpid(), {"busy.example"})
        assert taken is not None and taken.id == free
        assert library.downloads.claim_next(os.getpid(), {"busy.example"}) is None
        left = library.downloads.get(busy)
    assert left is not None and left.state == "queued"


def test_a_failure_at_once_never_stops_the_others(db_path, tmp_path, feed_server):
    feed_server.route("/ok1.mp3", body=AUDIO)
    feed_server.route("/ok2.mp3", body=AUDIO)
    with Library.open(db_path) as library:
        queue_one(library, tmp_path, feed_server.url("/missing.mp3"), "Missing")
        queue_one(library, tmp_path, "http://127.0.0.1:9/refused.mp3", "Refused")
        queue_one(library, tmp_path, feed_server.url("/ok1.mp3"), "Fine 1")
        queue_one(library, tmp_path, feed_server.url("/ok2.mp3"), "Fine 2")
        result = run_queue(library, timeout=5, at_once=2)
        rows = library.downloads.all()
    assert (result.done, result.failed) == (2, 2)
    assert [r.state for r in rows] == ["failed", "failed", "done", "done"]
    assert rows[0].error is not None and "HTTP 404" in rows[0].error


def test_ctrl_c_keeps_every_running_downloads_part_and_queues_them_again(
    db_path, tmp_path, feed_server
):
    """Ctrl-C (KeyboardInterrupt in the main thread) while two download: both stop, each .part
    kept with what arrived, both queued again to resume; raised once they let go."""
    for n in (1, 2):
        feed_server.route(f"/e{n}.mp3", body=AUDIO, ranges=True, drip=0.002)
    arrived: dict[int, int] = {}

    def changed(d: Download) -> None:
        if d.state == "downloading" and d.bytes_done:
            arrived[d.id] = d.bytes_done
        if len(arrived) == 2 and threading.current_thread() is threading.main_thread():
            raise KeyboardInterrupt

    with Library.open(db_path) as library:
        for n in (1, 2):
            queue_one(library, tmp_path, feed_server.url(f"/e{n}.mp3"), f"Episode {n}")
        with pytest.raises(KeyboardInterrupt):
            run_queue(library, timeout=5, on_change=changed, at_once=2)
        rows = library.downloads.all()
    assert [r.state for r in rows] == ["queued", "queued"]
    for row in rows:
        part = Path(row.part_path)
        assert part.stat().st_size == row.bytes_done > 0
        assert not Path(row.path).exists()


def test_quitting_stops_every_running_download_keeping_its_part(db_path, tmp_path, feed_server):
    for n in (1, 2):
        feed_server.route(f"/e{n}.mp3", body=AUDIO, ranges=True, drip=0.002)
    arrived: set[int] = set()

    def changed(d: Download) -> None:
        if d.state == "downloading" and d.bytes_done:
            arrived.add(d.id)

    with Library.open(db_path) as library:
        for n in (1, 2):
            queue_one(library, tmp_path, feed_server.url(f"/e{n}.mp3"), f"Episode {n}")
        result = run_queue(
            library, timeout=5, on_change=changed, stopped=lambda: len(arrived) == 2, at_once=2
        )
        rows = library.downloads.all()
    assert result.stopped and (result.done, result.failed) == (0, 0)
    assert [r.state for r in rows] == ["queued", "queued"]
    assert all(Path(r.part_path).stat().st_size == r.bytes_done > 0 for r in rows)


def test_download_runs_the_settings_number_at_once_with_a_line_each(
    db_path, feed_server, config_file, capsys, tmp_path, monkeypatch
):
    monkeypatch.setenv("NEWSTUI_DOWNLOADS", str(tmp_path / "pods"))
    feed_server.route("/feed", body=podcast(feed_server.base))
    feed_server.route("/e1.mp3", body=AUDIO, gather=2)
    feed_server.route("/e2a.mp3", body=b"twelve bytes", gather=2)
    run = Cli(db_path, config_file({"The Pod": "/feed"}, download_concurrency=2), capsys)
    assert run("fetch") == 0, run.err
    ids = [a["id"] for a in run.json("list") if a["title"].startswith("Episode")]
    assert run("download", "--later", *map(str, ids), "--enclosure", "1") == 0, run.err
    assert run("download") == 0, run.err
    assert feed_server.peak == 2
    lines = sorted(line for line in run.out.splitlines() if line.startswith("downloaded "))
    assert lines == [
        f"downloaded {tmp_path / 'pods' / 'Episode 1 Rivers.mp3'} (204.8 KB)",
        f"downloaded {tmp_path / 'pods' / 'Episode 2 E1.mp3'} (12 B)",
    ]


def test_download_concurrency_is_checked_and_max_downloads_points_to_it(tmp_path):
    from newstui.config import load_config
    from newstui.errors import ConfigError

    path = tmp_path / "feeds.toml"
    path.write_text("[settings]\ndownload_concurrency = 0\n", "utf-8")
    with pytest.raises(ConfigError, match=r"feeds.toml:2: setting 'download_concurrency' must"):
        load_config(path)
    path.write_text("[settings]\nmax_downloads = 3\n", "utf-8")
    with pytest.raises(ConfigError, match="download_concurrency, podboat's max-downloads"):
        load_config(path)
    path.write_text("[settings]\ndownload_concurrency = 4\n", "utf-8")
    assert load_config(path).settings.download_concurrency == 4


# a folder per feed ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "made"),
    [
        ("River Talk", "River Talk"),
        ("../../etc", "etc"),
        ("..", ""),
        ("a/b\\c", "a b c"),
        ("\x1b[31mRed\x1b[0m Pod\x07", "Red Pod"),
        ("News: live?", "News live"),
        ("CON", "_CON"),
        (" .hidden. ", "hidden"),
    ],
)
def test_a_name_made_a_path_part_is_safe(name, made):
    assert safe_name(name, MAX_FOLDER_NAME) == made


def test_a_long_name_is_cut_to_its_limit_in_characters_and_bytes():
    assert len(safe_name("x" * 500, MAX_FOLDER_NAME)) == MAX_FOLDER_NAME
    cut = safe_name("語" * 200, 400)
    assert len(cut.encode()) <= MAX_NAME_BYTES and cut == "語" * (MAX_NAME_BYTES // 3)
    name = safe_file_name("http://x/a.mp3", "語" * 200, "audio/mpeg")
    assert name.endswith(".mp3") and len(name.encode()) <= MAX_NAME_BYTES


def test_download_dir_placeholders_name_a_folder_per_feed_or_host(tmp_path):
    template = f"{tmp_path}/pods/%n"
    assert feed_folder(template, "River Talk", "https://feeds.example/r") == (
        tmp_path / "pods" / "River Talk"
    )
    assert feed_folder(template, "../..", "https://feeds.example/r") == tmp_path / "pods" / "Other"
    assert feed_folder(template, None, "https://user:pw@Feeds.Example:8080/r") == (
        tmp_path / "pods" / "feeds.example"
    )
    by_host = f"{tmp_path}/pods/%h/audio"
    assert feed_folder(by_host, "River Talk", "https://feeds.example/r") == (
        tmp_path / "pods" / "feeds.example" / "audio"
    )
    assert feed_folder(by_host, "Notes", None) == tmp_path / "pods" / "Other" / "audio"
    assert feed_folder(f"{tmp_path}/%n - %h", "Pod", "http://h.example/") == tmp_path / (
        "Pod - h.example"
    )
    settings = Settings(download_dir=template)
    assert download_folder(settings) == tmp_path / "pods"  # every download is inside it
    assert feed_download_folder(settings, "A/B", None) == tmp_path / "pods" / "A B"
    assert download_folder(Settings(download_dir="~/Pods/%n")) == Path.home() / "Pods"


def test_download_puts_each_feeds_episodes_in_its_folder(
    db_path, feed_server, config_file, capsys, tmp_path
):
    feed_server.route("/feed", body=podcast(feed_server.base))
    feed_server.route("/e1.mp3", body=AUDIO)
    template = f"{tmp_path}/pods/%n"
    run = Cli(db_path, config_file({"The Pod: Ep/s": "/feed"}, download_dir=template), capsys)
    assert run("fetch") == 0, run.err
    episode = next(a["id"] for a in run.json("list") if a["title"] == "Episode 1: Rivers")
    assert run("download", str(episode)) == 0, run.err
    target = tmp_path / "pods" / "The Pod Ep s" / "Episode 1 Rivers.mp3"
    assert target.read_bytes() == AUDIO
    [row] = run.json("downloads")
    assert row["path"] == str(target)
    assert run("downloads", "--delete", str(row["id"])) == 0, run.err  # inside download_dir
    assert not target.exists()


def test_download_new_queues_into_the_folder_of_the_feeds_host(
    db_path, feed_server, config_file, capsys, tmp_path
):
    feed_server.route("/feed", body=podcast(feed_server.base))
    feed_server.route("/e1.mp3", body=AUDIO)
    template = f"{tmp_path}/pods/%h"
    config = config_file({"The Pod": "/feed"}, download_dir=template, download_new=1)
    run = Cli(db_path, config, capsys)
    assert run("fetch", "--download") == 0, run.err
    assert (tmp_path / "pods" / "127.0.0.1" / "Episode 1 Rivers.mp3").read_bytes() == AUDIO


def test_an_episode_of_a_source_without_a_host_goes_to_its_enclosures_hosts_folder(
    db_path, tmp_path
):
    from newstui.downloads import article_folder

    with Library.open(db_path) as library:
        article_id = an_article(library)  # (its feed: http://pod.test/feed, "Pod")
        settings = Settings(download_dir=f"{tmp_path}/%h/%n")
        url = "http://cdn.example/a.mp3"
        assert article_folder(library, settings, article_id, url) == tmp_path / "pod.test" / "Pod"
        local = library.register_source("local:/notes", "Notes", kind="local")
        from newstui.model import Article

        library.save_batch(local, [Article("Note", "text", guid="n", links=[])])
        note = next(a.id for a in library.articles() if a.title == "Note")
        assert article_folder(library, settings, note, url) == tmp_path / "cdn.example" / "Notes"


# failures said from the slots' threads (user test r50 HIGH-1) ------------------------------------

FOUR_EPISODES = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Four Pod</title>
<item><title>Missing</title><guid>m</guid><enclosure url="{base}/missing.mp3" type="audio/mpeg"/></item>
<item><title>Busy</title><guid>b</guid><enclosure url="{base}/busy.mp3" type="audio/mpeg"/></item>
<item><title>Broken</title><guid>x</guid><enclosure url="{base}/broken.mp3" type="audio/mpeg"/></item>
<item><title>Refused</title><guid>r</guid><enclosure url="{refused}/refused.mp3" type="audio/mpeg"/></item>
<item><title>Fine</title><guid>f</guid><enclosure url="{base}/fine.mp3" type="audio/mpeg"/></item>
</channel></rss>"""


@pytest.fixture
def four_failing(db_path, feed_server, config_file, capsys, tmp_path) -> Cli:
    """Five episodes queued with download_concurrency = 3 (what the newsboat import writes from
    `max-downloads 3`): four fail, three of them at the same time, so two fail in the threads of
    slots other than the command's own; one downloads."""
    from ports import refused_port

    refused = f"http://127.0.0.1:{refused_port()}"
    feed = FOUR_EPISODES.format(base=feed_server.base, refused=refused)
    feed_server.route("/feed", body=feed.encode())
    config = config_file(
        {"Four Pod": "/feed"}, download_concurrency=3, download_dir=str(tmp_path / "pods")
    )
    run = Cli(db_path, config, capsys)
    assert run("fetch") == 0, run.err
    ids = [str(a["id"]) for a in run.json("list")]
    assert run("download", "--later", *ids) == 0, run.err
    return run


def failing_at_once(feed_server) -> None:
    """The three failures answered together (each request waits until all three are in)."""
    feed_server.route("/missing.mp3", status=404, gather=3)
    feed_server.route("/busy.mp3", status=503, gather=3)
    feed_server.route("/broken.mp3", status=500, gather=3)
    feed_server.route("/fine.mp3", body=AUDIO, headers={"Content-Type": "audio/mpeg"})


def test_quiet_download_at_once_says_each_failure_and_downloads_the_rest(
    four_failing, feed_server, tmp_path
):
    failing_at_once(feed_server)
    run = four_failing
    status = run("download", "--quiet")
    assert "database error" not in run.err
    assert feed_server.peak >= 3  # (the failures were answered at once, in three slots)
    lines = sorted(run.err.splitlines())
    assert [line.partition(":")[0] for line in lines] == ["error"] * 4
    assert [line.split('"')[1] for line in lines] == ["Broken", "Busy", "Missing", "Refused"]
    assert all(line.startswith('error: Four Pod: download "') for line in lines)
    assert run.out == ""
    assert status == 4  # a download failed (as `fetch --download`'s 4)
    assert (tmp_path / "pods" / "Fine.mp3").read_bytes() == AUDIO
    states = {d["title"]: d["state"] for d in run.json("downloads")}
    assert states == {
        "Missing": "failed",
        "Busy": "failed",
        "Broken": "failed",
        "Refused": "failed",
        "Fine": "done",
    }


def test_download_at_once_without_quiet_says_each_failure(four_failing, feed_server):
    failing_at_once(feed_server)
    run = four_failing
    status = run("download")
    assert "database error" not in run.err
    failed = sorted(line for line in run.out.splitlines() if line.startswith("failed "))
    assert len(failed) == 4
    assert any(line.startswith("downloaded ") for line in run.out.splitlines())
    assert status == 4


def test_download_whose_every_download_failed_exits_4_and_an_error_1(
    four_failing, feed_server, tmp_path
):
    """A script (`newstui download || notify-send …`) hears a failed download, and tells it
    from an error, as `fetch --download` has it (user test r50 LOW-3)."""
    failing_at_once(feed_server)
    feed_server.route("/fine.mp3", status=404)
    run = four_failing
    assert run("download") == 4
    assert [d["state"] for d in run.json("downloads")] == ["failed"] * 5
    assert run("download", "--retry") == 4  # tried again, failed again
    assert run("download", "9999") == 1  # an error, not a download that failed
    assert run.err.startswith("newstui: no article with id 9999")


def test_a_download_queued_in_another_homes_feed_folder_goes_to_this_ones(
    db_path, feed_server, config_file, capsys, tmp_path
):
    """A store restored into another home with `download_dir = "~/Podcasts/%n"`: its queued
    episode lands in its feed's folder of this home, said once (user test r50 LOW-5: flat in
    ~/Podcasts, and a --quiet run moved it unsaid)."""
    feed_server.route("/feed", body=podcast(feed_server.base))
    feed_server.route("/e1.mp3", body=AUDIO)
    old, new = tmp_path / "old home" / "Podcasts", tmp_path / "new home" / "Podcasts"
    run = Cli(db_path, config_file({"The Pod": "/feed"}, download_dir=f"{old}/%n"), capsys)
    assert run("fetch") == 0, run.err
    episode = next(a["id"] for a in run.json("list") if a["title"] == "Episode 1: Rivers")
    assert run("download", "--later", str(episode)) == 0, run.err
    queued = old / "The Pod" / "Episode 1 Rivers.mp3"
    assert [d["path"] for d in run.json("downloads")] == [str(queued)]

    config_file({"The Pod": "/feed"}, download_dir=f"{new}/%n")  # (the other home's config)
    assert run("download") == 0, run.err
    target = new / "The Pod" / "Episode 1 Rivers.mp3"
    assert target.read_bytes() == AUDIO
    assert not queued.exists() and not queued.parent.exists()  # (the old home left alone)
    [line] = [line for line in run.out.splitlines() if line.startswith("downloaded ")]
    assert line == (
        f"downloaded {target} (204.8 KB; queued for {queued}, outside download_dir ({new}))"
    )
    assert [d["path"] for d in run.json("downloads")] == [str(target)]
