"""`newstui fetch` and `download` run from cron (user test r48 MED-1, MED-5): `--quiet` prints
nothing on success and a failure only when it is news (its first, or another than at the feed's
last fetch, and a feed read again), the exit status telling all the same; `fetch --download`
downloads what the fetch queued even when a feed failed, which `fetch && download` never did."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newstui.cli.main import main

POD = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Pod</title><link>{base}/</link>
<item><title>Episode 1</title><guid>e1</guid><description>The first one.</description>
<enclosure url="{base}/e1.mp3" type="audio/mpeg" length="6"/></item>
</channel></rss>
"""


@pytest.fixture(autouse=True)
def no_user_paths(monkeypatch, tmp_path):
    """Nothing a test runs may touch the real user's config, database or downloads."""
    monkeypatch.delenv("NEWSTUI_DB", raising=False)
    monkeypatch.delenv("NEWSTUI_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


class Run:
    """`newstui --db DB --config CONFIG ARGS` in-process, keeping what it printed."""

    def __init__(self, db: Path, config: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.db, self.config, self.capsys = db, config, capsys
        self.out = self.err = ""

    def __call__(self, *args: str) -> int:
        status = main(["--db", str(self.db), "--config", str(self.config), *args])
        self.out, self.err = self.capsys.readouterr()
        assert "Traceback" not in self.err
        return status


@pytest.fixture
def run(db_path, feed_server, config_file, capsys) -> Run:
    """Wire (a good feed) and Broken (answering 404) in the config; nothing fetched yet."""
    feed_server.serve_file("/wire", "rss2.xml")
    feed_server.route("/broken", status=404)
    return Run(db_path, config_file({"Wire": "/wire", "Broken": "/broken"}), capsys)


def test_a_quiet_fetch_of_feeds_that_read_prints_nothing(db_path, feed_server, config_file, capsys):
    feed_server.serve_file("/wire", "rss2.xml")
    quiet = Run(db_path, config_file({"Wire": "/wire"}), capsys)

    assert quiet("fetch", "--quiet") == 0
    assert (quiet.out, quiet.err) == ("", "")  # (not even "created a new database")
    assert quiet("fetch", "-q") == 0
    assert (quiet.out, quiet.err) == ("", "")
    assert quiet("list", "--json") == 0
    assert len(json.loads(quiet.out)) == 3  # it did fetch


def test_a_quiet_fetch_says_a_failure_once_a_changed_one_again_and_the_feed_read_again(
    run, feed_server
):
    assert run("fetch", "-q") == 3
    assert run.out == ""
    assert run.err == "error: Broken: HTTP 404 Not Found\n"

    # named, so it is tried now rather than left to wait: failing the same way, nothing is said
    assert run("fetch", "-q", "Wire", "Broken") == 3
    assert (run.out, run.err) == ("", "")

    feed_server.route("/broken", status=500)
    assert run("fetch", "-q", "Wire", "Broken") == 3
    assert run.err == "error: Broken: HTTP 500 Internal Server Error\n"

    feed_server.serve_file("/broken", "atom.xml", "application/atom+xml")
    assert run("fetch", "-q", "Wire", "Broken") == 0
    assert run.out == ""
    assert run.err.startswith("recovered: Broken: read again after 3 failed fetches since ")
    assert len(run.err.splitlines()) == 1

    assert run("fetch", "-q", "Wire", "Broken") == 0
    assert (run.out, run.err) == ("", "")


def test_a_quiet_fetch_says_nothing_of_a_feed_left_to_wait(run):
    assert run("fetch", "-q") == 3
    assert run("fetch", "-q") == 3  # its second failure in a row: it then waits a while
    assert (run.out, run.err) == ("", "")
    assert run("fetch", "-q") == 0  # Broken waits out its backoff: not tried, not failed
    assert (run.out, run.err) == ("", "")
    assert run("fetch") == 0  # without --quiet, it is said every run
    assert run.err.startswith("waiting: Broken: not fetched: failing, next try at ")


def test_a_fetch_without_quiet_still_says_a_failure_every_time(run):
    assert run("fetch") == 3
    assert "error: Broken: HTTP 404 Not Found" in run.err
    assert run("fetch", "Wire", "Broken") == 3
    assert "error: Broken: HTTP 404 Not Found" in run.err
    assert "1 of 2 sources ok, 1 failed" in run.out


@pytest.fixture
def podcast(db_path, tmp_path, feed_server, capsys) -> Run:
    """Pod (one episode, download_new) and Broken (404) in the config: a fetch exits 3."""
    feed_server.route("/pod", body=POD.format(base=feed_server.base).encode())
    feed_server.route("/e1.mp3", body=b"ID3abc", headers={"Content-Type": "audio/mpeg"})
    feed_server.route("/broken", status=404)
    config = tmp_path / "feeds.toml"
    config.write_text(
        "[settings]\ntimeout = 5\nfulltext = false\n"
        f'download_dir = "{tmp_path / "pods"}"\n\n'
        f'[[feeds]]\nname = "Pod"\nurl = "{feed_server.url("/pod")}"\ndownload_new = 3\n\n'
        f'[[feeds]]\nname = "Broken"\nurl = "{feed_server.url("/broken")}"\n',
        "utf-8",
    )
    return Run(db_path, config, capsys)


def test_fetch_download_downloads_the_new_episodes_though_a_feed_failed(podcast, tmp_path):
    assert podcast("fetch", "--download") == 3  # the fetch's status: a source failed
    assert (tmp_path / "pods" / "Episode 1.mp3").read_bytes() == b"ID3abc"
    assert "download_new: 1 new episode queued (Pod: 1)\n" in podcast.out  # no "run download"
    assert podcast.out.rstrip().splitlines()[-1].startswith("downloaded ")
    assert podcast.out.rstrip().endswith("Episode 1.mp3 (6 B)")


def test_a_quiet_fetch_download_says_only_the_new_failure(podcast, tmp_path):
    assert podcast("fetch", "--download", "-q") == 3
    assert podcast.out == ""
    assert podcast.err == "error: Broken: HTTP 404 Not Found\n"
    assert (tmp_path / "pods" / "Episode 1.mp3").exists()


def test_a_download_that_fails_is_said_by_a_quiet_fetch_and_exits_4(podcast, feed_server):
    feed_server.route("/e1.mp3", status=404)
    podcast.config.write_text(  # Broken gone: every source reads
        podcast.config.read_text("utf-8").split('[[feeds]]\nname = "Broken"')[0], "utf-8"
    )
    assert podcast("fetch", "--download", "-q") == 4
    assert podcast.out == ""  # (user test r49 LOW-1: on stdout, naming a file never made)
    assert podcast.err == (
        f'error: Pod: download "Episode 1": HTTP 404 Not Found ({feed_server.url("/e1.mp3")}); '
        "`newstui download --retry` tries it again\n"
    )


def test_fetch_download_json_lists_the_downloads_after_the_sources(podcast):
    assert podcast("fetch", "--download", "--json") == 3
    data = json.loads(podcast.out)
    assert sorted(d["source"] for d in data if "new" in d) == ["Broken", "Pod"]
    downloads = [d["download"] for d in data if "download" in d]
    assert [(d["title"], d["state"], d["bytes_done"]) for d in downloads] == [
        ("Episode 1", "done", 6)
    ]


def test_a_quiet_download_prints_nothing_when_all_went_well_or_nothing_is_queued(podcast):
    assert podcast("fetch", "-q") == 3  # queues Episode 1
    assert podcast("download", "-q") == 0
    assert (podcast.out, podcast.err) == ("", "")
    assert podcast("download", "--quiet") == 0
    assert (podcast.out, podcast.err) == ("", "")
    assert podcast("download") == 0  # without --quiet, it says the queue is empty
    assert podcast.out.startswith("nothing queued")
    assert podcast("downloads", "--json") == 0
    assert [d["state"] for d in json.loads(podcast.out)] == ["done"]


def test_a_quiet_download_says_the_one_that_failed(podcast, feed_server):
    feed_server.route("/e1.mp3", status=404)
    assert podcast("fetch", "-q") == 3
    assert podcast("download", "-q") == 4
    assert podcast.out == ""
    assert podcast.err.startswith('error: Pod: download "Episode 1": HTTP 404 Not Found (')
    assert podcast("download", "-q") == 0  # a failed one waits for --retry: nothing new to say
    assert (podcast.out, podcast.err) == ("", "")


STORY = " ".join(
    f"Sentence number {i} of the wire story tells readers about the harbour plan."
    for i in range(30)
)


def wire_feed(title: str, site: str) -> bytes:
    page = f"https://{site}.example/harbour"
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://{site}.example/</link><item><title>Harbour plan</title>"
        f"<guid>{page}</guid><link>{page}</link><description>{STORY}</description>"
        "</item></channel></rss>"
    ).encode()


def test_a_fetch_says_how_many_new_articles_came_in_read_as_copies_of_a_story_read_elsewhere(
    db_path, feed_server, config_file, capsys
):
    """User test r48 LOW-20: after a newsboat import, 181 articles newsboat had unread arrived
    read (a copy of their story was read in another feed), and nothing said so."""
    feed_server.route("/wire", body=wire_feed("Wire", "wire"))
    feed_server.route("/courier", body=wire_feed("Courier", "courier"))
    feed_server.route("/daily", body=wire_feed("Daily", "daily"))
    feeds = {"Wire": "/wire", "Courier": "/courier", "Daily": "/daily"}
    run = Run(db_path, config_file(feeds), capsys)
    assert run("fetch", "Wire") == 0
    assert run("list", "--json") == 0
    [wire] = json.loads(run.out)
    assert run("mark", str(wire["id"]), "--read") == 0

    assert run("fetch", "Courier") == 0
    assert run.out.startswith(
        "1 of 1 source ok: 1 new article (1 came in read: a copy of a story read in another "
        "feed), 0 updated"
    )
    assert run("fetch", "Daily", "--json") == 0
    assert {"source": None, "read_as_copies": 1} in json.loads(run.out)
    assert run("fetch") == 0  # nothing new: nothing said of copies
    assert "came in read" not in run.out
