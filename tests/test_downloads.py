"""Podcast downloads: enclosures kept with type, size and duration; a queue in the store that
survives a restart; resumable transfers (HTTP Range) into safe file names; `download` and
`downloads` on the command line."""

from __future__ import annotations

import errno
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from test_cli import Cli

from newstui import downloads
from newstui.config import Config, FeedConfig, Settings, download_folder, load_config
from newstui.downloads import (
    delete_download,
    drop_orphan_validators,
    listed,
    queue_enclosure,
    queue_new_episodes,
    run_queue,
    safe_file_name,
)
from newstui.errors import NewstuiError
from newstui.library import Library
from newstui.model import Article, Link
from newstui.sources import transfer
from newstui.sources.feeds import parse_feed
from newstui.sources.transfer import part_path
from newstui.store.db import Database

AUDIO = bytes(range(256)) * 800  # 204,800 bytes

PODCAST = """<?xml version="1.0"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
<title>The Pod</title>
<item><title>Episode 1: Rivers</title><guid>e1</guid><description>About rivers.</description>
<enclosure url="{base}/e1.mp3" type="audio/mpeg" length="204800"/>
<itunes:duration>42:10</itunes:duration></item>
<item><title>Episode 2</title><guid>e2</guid><description>Two files.</description>
<enclosure url="{base}/e2a.mp3" type="audio/mpeg" length="12"/>
<enclosure url="{base}/e2b.ogg" type="audio/ogg" length="0"/>
<itunes:duration>1:02:03</itunes:duration></item>
<item><title>Plain</title><guid>e3</guid><description>No enclosure.</description></item>
</channel></rss>
"""


def podcast(base: str) -> bytes:
    return PODCAST.format(base=base).encode()


# ingest ------------------------------------------------------------------------------------------


def test_an_rss_enclosure_keeps_its_type_size_and_itunes_duration():
    feed = parse_feed(podcast("http://pod.test"), "http://pod.test/feed")
    [link] = feed.articles[0].links
    assert link == Link("audio/mpeg", "http://pod.test/e1.mp3", "enclosure", 204800, 2530)
    second = feed.articles[1].links
    assert [(lk.url[-7:], lk.size, lk.duration) for lk in second] == [
        ("e2a.mp3", 12, 3723),
        ("e2b.ogg", None, 3723),  # length="0" means unknown
    ]


@pytest.mark.parametrize(
    ("length", "duration", "size", "seconds"),
    [
        ("-5", "99:99:99", None, None),
        ("lots", "soon", None, None),
        ("1e9", "1:60", None, None),
        ("99999999999999999999", "99999999", None, None),
        ("1,024", "3600", 1024, 3600),
        (" 2048 ", "05:07.5", 2048, 307),
    ],
)
def test_implausible_sizes_and_durations_are_dropped(length, duration, size, seconds):
    xml = (
        '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>'
        f'<item><title>T</title><enclosure url="http://x.test/a.mp3" type="audio/mpeg" '
        f'length="{length}"/><itunes:duration>{duration}</itunes:duration></item>'
        "</channel></rss>"
    )
    [link] = parse_feed(xml.encode(), "http://x.test/feed").articles[0].links
    assert (link.size, link.duration) == (size, seconds)


def test_an_enclosure_that_is_not_http_or_has_a_hostile_type_is_not_trusted():
    xml = (
        '<rss version="2.0"><channel><item><title>T</title>'
        '<enclosure url="javascript:alert(1)" type="audio/mpeg" length="5"/>'
        '<enclosure url="file:///etc/passwd" type="audio/mpeg" length="5"/>'
        '<enclosure url="http://x.test/b.mp3" type="audio/mpeg&#27;[31m red" length="5"/>'
        "</item></channel></rss>"
    )
    [link] = parse_feed(xml.encode(), "http://x.test/feed").articles[0].links
    assert link.url == "http://x.test/b.mp3"
    assert link.text == "enclosure"  # not a MIME type: not shown as one


def test_json_feed_attachments_are_enclosures():
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "J",
        "items": [
            {
                "id": "1",
                "content_text": "x",
                "attachments": [
                    {
                        "url": "https://x.test/a.m4a",
                        "mime_type": "audio/x-m4a",
                        "size_in_bytes": 5000,
                        "duration_in_seconds": 61.5,
                    },
                    {"url": "ftp://x.test/b.mp3", "mime_type": "audio/mpeg"},
                ],
            }
        ],
    }
    feed = parse_feed(json.dumps(doc).encode(), "https://x.test/feed.json")
    [link] = feed.articles[0].links
    assert (link.kind, link.text, link.size, link.duration) == (
        "enclosure",
        "audio/x-m4a",
        5000,
        61,
    )


def test_the_store_gives_enclosures_back_with_their_size_and_duration(db_path):
    with Library.open(db_path) as library:
        source = library.register_source("http://pod.test/feed", "Pod")
        article = Article("Ep", "text", guid="1", links=[Link("audio/mpeg", "http://a/e.mp3", "enclosure", 10, 60), Link("a page", "http://a/p")])  # fmt: skip
        library.save_batch(source, [article])
        [row] = library.articles()
        stored = library.article(row.id)
    assert stored is not None
    assert stored.links == tuple(article.links)


# file names --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "title", "mime", "name"),
    [
        ("http://x/e1.mp3?x=1", "Episode 1: Rivers", "audio/mpeg", "Episode 1 Rivers.mp3"),
        ("http://x/e/..%2F..%2Fetc%2Fpasswd", "", "", "etc passwd"),
        ("http://x/a.mp3", "../../.bashrc", "", "bashrc.mp3"),
        ("http://x/a.mp3", "\x1b]0;pwned\x07Title\x1b[2J", "", "Title.mp3"),
        ("http://x/a.mp3", "CON", "", "_CON.mp3"),
        ("http://x/a.mp3", "a\\b/c\x00d", "", "a b cd.mp3"),
        ("http://x/", "", "audio/mpeg", "download.mp3"),
        ("http://x/a.mp3", "x" * 500, "", "x" * 116 + ".mp3"),
    ],
)
def test_file_names_stay_inside_the_folder_and_clean(url, title, mime, name):
    assert safe_file_name(url, title, mime) == name


def test_two_episodes_with_the_same_name_get_two_files(db_path, tmp_path):
    folder = tmp_path / "pods"
    folder.mkdir()
    (folder / "Episode.mp3").write_bytes(b"the user's own file")
    with Library.open(db_path) as library:
        a, _ = queue_enclosure(library, folder, an_article(library), "Episode", Link("audio/mpeg", "http://x/1.mp3", "enclosure"))  # fmt: skip
        b, _ = queue_enclosure(library, folder, an_article(library), "Episode", Link("audio/mpeg", "http://x/2.mp3", "enclosure"))  # fmt: skip
    assert [Path(a.path).name, Path(b.path).name] == ["Episode (2).mp3", "Episode (3).mp3"]


def test_an_episode_forgotten_with_its_file_kept_is_not_downloaded_again(
    db_path, tmp_path, feed_server
):
    """`d` after `x` downloaded it again as `Ep 3 Slow (2).mp3` beside the same file (user
    test r29)."""
    route = feed_server.route("/e1.mp3", body=AUDIO)
    with Library.open(db_path) as library:
        first = queue_one(library, tmp_path, feed_server.url("/e1.mp3"))
        assert run_queue(library, timeout=5).done == 1
        library.downloads.forget(first)
        link = Link("audio/mpeg", feed_server.url("/e1.mp3"), "enclosure", len(AUDIO))
        again, new = queue_enclosure(library, tmp_path, an_article(library), "Episode 1", link)
        assert (new, again.state, again.bytes_done) == (True, "done", len(AUDIO))
        assert run_queue(library, timeout=5).done == 0
    assert again.path == str(tmp_path / "Episode 1.mp3")
    assert sorted(p.name for p in tmp_path.glob("Episode*")) == ["Episode 1.mp3"]
    assert route.hits == 1


def test_an_episode_podboat_downloaded_is_taken_as_it_is_not_downloaded_again(
    db_path, tmp_path, feed_server
):
    """User test r52 LOW-7: `d` on an episode podboat had downloaded (into its own folder, by
    its own name) downloaded it again under another name: two copies."""
    route = feed_server.route("/e1.mp3", body=AUDIO)
    theirs = tmp_path / "podcasts" / "The Pod" / "e1.mp3"
    theirs.parent.mkdir(parents=True)
    theirs.write_bytes(AUDIO)
    url = feed_server.url("/e1.mp3")
    folder = tmp_path / "newstui"
    with Library.open(db_path) as library:
        assert library.downloads.remember_files([(url, str(theirs), len(AUDIO))]) == 1
        assert library.downloads.remember_files([(url, str(theirs), len(AUDIO))]) == 0
        link = Link("audio/mpeg", url, "enclosure", len(AUDIO))
        download, new = queue_enclosure(library, folder, an_article(library), "Episode 1", link)
        assert (new, download.state, download.path) == (True, "done", str(theirs))
        assert run_queue(library, timeout=5).done == 0
    assert route.hits == 0 and not folder.exists()


def test_an_episode_forgotten_half_way_resumes_its_part_file(db_path, tmp_path, feed_server):
    feed_server.route("/e1.mp3", body=AUDIO, ranges=True, cut_after=50_000)
    with Library.open(db_path) as library:
        first = queue_one(library, tmp_path, feed_server.url("/e1.mp3"))
        run_queue(library, timeout=5)
        library.downloads.forget(first)
        again = queue_one(library, tmp_path, feed_server.url("/e1.mp3"))
        assert run_queue(library, timeout=5).done == 1
        row = library.downloads.get(again)
    assert row is not None and row.path == str(tmp_path / "Episode 1.mp3")
    assert Path(row.path).read_bytes() == AUDIO
    assert feed_server.requests[-1][1].get("Range") == "bytes=50000-"


OTHER = bytes(reversed(range(256))) * 800  # another episode, as long as AUDIO


def test_another_feeds_episode_of_the_same_title_does_not_resume_a_forgotten_part(
    db_path, tmp_path, feed_server
):
    """Review r30 HIGH 2: podcast B's "Trailer" resumed A's forgotten Trailer.mp3.part (A's
    first 50,000 bytes, then B's rest: a corrupt file, and A's .part gone)."""
    feed_server.route("/a/trailer.mp3", body=AUDIO, ranges=True, cut_after=50_000)
    feed_server.route("/b/trailer.mp3", body=OTHER, ranges=True)
    with Library.open(db_path) as library:
        first = queue_one(library, tmp_path, feed_server.url("/a/trailer.mp3"), "Trailer")
        run_queue(library, timeout=5)
        library.downloads.forget(first)
        second = queue_one(library, tmp_path, feed_server.url("/b/trailer.mp3"), "Trailer")
        run_queue(library, timeout=5)
        row = library.downloads.get(second)
    assert row is not None and Path(row.path).read_bytes() == OTHER
    assert (tmp_path / "Trailer.mp3.part").read_bytes() == AUDIO[:50_000]  # A's, kept


def test_another_feeds_whole_episode_of_the_same_title_and_size_is_not_taken_over(
    db_path, tmp_path, feed_server
):
    feed_server.route("/a/trailer.mp3", body=AUDIO)
    feed_server.route("/b/trailer.mp3", body=OTHER)
    with Library.open(db_path) as library:
        first = queue_one(library, tmp_path, feed_server.url("/a/trailer.mp3"), "Trailer")
        run_queue(library, timeout=5)
        library.downloads.forget(first)
        second = queue_one(library, tmp_path, feed_server.url("/b/trailer.mp3"), "Trailer")
        run_queue(library, timeout=5)
        row = library.downloads.get(second)
    assert row is not None and Path(row.path).name == "Trailer (2).mp3"
    assert Path(row.path).read_bytes() == OTHER
    assert (tmp_path / "Trailer.mp3").read_bytes() == AUDIO


def test_delete_never_deletes_a_file_newstui_did_not_write(db_path, tmp_path):
    """The user's own copy under the name newstui would give the episode, of the feed's size,
    was taken over as downloaded; D (or downloads --delete) then deleted it."""
    from newstui.downloads import delete_download

    mine = tmp_path / "Episode 1.mp3"
    mine.write_bytes(AUDIO)
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, "http://pod.test/e1.mp3")
        delete_download(library, tmp_path, download_id)
    assert mine.read_bytes() == AUDIO


def test_a_forgotten_episode_whose_feed_gives_no_size_reuses_its_whole_file(
    db_path, tmp_path, feed_server
):
    """The forgotten download's own file, of the size it finished at, whatever the feed says;
    replaced when it is not whole any more."""
    route = feed_server.route("/e1.mp3", body=AUDIO)
    url = feed_server.url("/e1.mp3")
    no_size = Link("audio/mpeg", url, "enclosure")
    with Library.open(db_path) as library:
        first = queue_one(library, tmp_path, url)
        run_queue(library, timeout=5)
        library.downloads.forget(first)
        again, _ = queue_enclosure(library, tmp_path, an_article(library), "Episode 1", no_size)
        assert (again.state, again.bytes_total) == ("done", len(AUDIO))
        library.downloads.forget(again.id)
        (tmp_path / "Episode 1.mp3").write_bytes(AUDIO[:1000])  # another file there since
        third, _ = queue_enclosure(library, tmp_path, an_article(library), "Episode 1", no_size)
        assert third.state == "queued"
        run_queue(library, timeout=5)
    assert sorted(p.name for p in tmp_path.glob("Episode*")) == [
        "Episode 1 (2).mp3",
        "Episode 1.mp3",
    ]
    assert (tmp_path / "Episode 1 (2).mp3").read_bytes() == AUDIO
    assert (tmp_path / "Episode 1.mp3").read_bytes() == AUDIO[:1000]  # never written over
    assert route.hits == 2


def test_queuing_a_forgotten_url_again_never_overwrites_another_episodes_kept_file(
    db_path, tmp_path, feed_server
):
    """Review r30b MEDIUM 1: A's Trailer.mp3 kept (x) and moved away, B's Trailer got the free
    name and was kept (x); d on A again downloaded A over B's file."""
    feed_server.route("/a/trailer.mp3", body=AUDIO)
    feed_server.route("/b/trailer.mp3", body=OTHER[:100_000])  # another size than A's
    with Library.open(db_path) as library:
        a = queue_one(library, tmp_path, feed_server.url("/a/trailer.mp3"), "Trailer")
        run_queue(library, timeout=5)
        library.downloads.forget(a)
        (tmp_path / "Trailer.mp3").rename(tmp_path / "moved.bin")
        b = queue_one(library, tmp_path, feed_server.url("/b/trailer.mp3"), "Trailer")
        assert library.downloads.get(b).path == str(tmp_path / "Trailer.mp3")  # (free)
        run_queue(library, timeout=5)
        library.downloads.forget(b)
        again = queue_one(library, tmp_path, feed_server.url("/a/trailer.mp3"), "Trailer")
        run_queue(library, timeout=5)
        row = library.downloads.get(again)
    assert (tmp_path / "Trailer.mp3").read_bytes() == OTHER[:100_000]
    assert row is not None and Path(row.path).read_bytes() == AUDIO


def test_a_forgotten_url_queued_again_never_resumes_another_episodes_part(
    db_path, tmp_path, feed_server
):
    """Review r30b HIGH 2: A queued and forgotten before it ran, B of the same title given the
    free name, cut off and forgotten (its .part kept); d on A resumed B's .part (B's first
    50,000 bytes + A's rest, listed as done) and B's .part was gone."""
    feed_server.route("/a/trailer.mp3", body=AUDIO, ranges=True)
    feed_server.route("/b/trailer.mp3", body=OTHER, ranges=True, cut_after=50_000)
    with Library.open(db_path) as library:
        a = queue_one(library, tmp_path, feed_server.url("/a/trailer.mp3"), "Trailer")
        library.downloads.forget(a)  # before it ran
        b = queue_one(library, tmp_path, feed_server.url("/b/trailer.mp3"), "Trailer")
        run_queue(library, timeout=5)
        library.downloads.forget(b)
        again = queue_one(library, tmp_path, feed_server.url("/a/trailer.mp3"), "Trailer")
        run_queue(library, timeout=5)
        row = library.downloads.get(again)
    assert row is not None and Path(row.path).read_bytes() == AUDIO
    assert (tmp_path / "Trailer.mp3.part").read_bytes() == OTHER[:50_000]  # B's, kept


def no_hard_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk without hard links (FAT, exFAT): link(2) fails with EPERM."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", refuse)


@pytest.mark.parametrize(
    ("mine_at", "disk", "name", "note"),
    [
        # the user's file there as it is queued: the next name (it never had another)
        ("queued", None, "Episode 1 (2).mp3", None),
        # user test r47 H2: put there after it was queued (a retry's: its first try failed),
        # it was replaced by the episode, unsaid
        ("run", None, "Episode 1 (2).mp3", "Episode 1.mp3 is a file newstui did not write: kept"),
        ("run", no_hard_links, "Episode 1 (2).mp3", "Episode 1.mp3 is a file newstui did not write: kept"),
        # … and a store restored in another home wrote there, outside this download_dir
        ("other home", None, "Episode 1.mp3", "queued for {old}, outside download_dir ({folder})"),
    ],
    ids=["there-when-queued", "there-since", "there-since-no-hard-links", "other-home"],
)  # fmt: skip
def test_a_download_never_writes_over_a_file_it_did_not_write_nor_outside_download_dir(
    db_path, tmp_path, feed_server, monkeypatch, mine_at, disk, name, note
):
    feed_server.route("/e1.mp3", body=AUDIO)
    folder, home = tmp_path / "pods", tmp_path / "other home" / "pods"
    mine = (home if mine_at == "other home" else folder) / "Episode 1.mp3"
    mine.parent.mkdir(parents=True)
    if disk is not None:
        disk(monkeypatch)
    if mine_at == "queued":
        mine.write_bytes(b"the user's own file")
    notes: list[tuple[int, str]] = []
    with Library.open(db_path) as library:
        download_id = queue_one(library, mine.parent, feed_server.url("/e1.mp3"))
        mine.write_bytes(b"the user's own file")
        result = run_queue(
            library, timeout=5, folder=folder, on_note=lambda d, said: notes.append((d.id, said))
        )
        row = library.downloads.get(download_id)
    assert (result.done, result.failed) == (1, 0)
    assert row is not None and row.path == str(folder / name)
    assert Path(row.path).read_bytes() == AUDIO
    assert mine.read_bytes() == b"the user's own file"
    left = {name, mine.name} if mine.parent == folder else {name}  # (no .part, nothing else)
    assert sorted(p.name for p in folder.iterdir()) == sorted(left)
    said = note.format(old=home / "Episode 1.mp3", folder=folder) if note else None
    assert notes == ([(download_id, said)] if said else [])


@pytest.mark.parametrize(
    ("ranges", "why"),
    [
        # user test r48 L31: stopped by quitting, from a server with no ETag/Last-Modified; said
        # "as an older newstui kept them", though this one kept it a minute before
        (False, ": the server gave no ETag or Last-Modified to resume them by"),
        # r47 L3: the server gives a version now, so none kept means an older newstui's .part
        (True, ", kept with no version of the file as an older newstui kept them"),
    ],
    ids=["server-gives-none", "older-newstuis-part"],
)
def test_a_part_begun_again_says_why_no_version_was_kept(
    db_path, tmp_path, feed_server, ranges, why
):
    feed_server.route("/e1.mp3", body=AUDIO, ranges=ranges)
    notes: list[tuple[int, str]] = []
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, feed_server.url("/e1.mp3"))
        queued = library.downloads.get(download_id)
        assert queued is not None
        Path(queued.part_path).write_bytes(AUDIO[:60_000])  # (a stop's: no validator beside it)
        result = run_queue(
            library, timeout=5, folder=tmp_path, on_note=lambda d, said: notes.append((d.id, said))
        )
    assert (result.done, result.failed) == (1, 0)
    assert Path(queued.path).read_bytes() == AUDIO
    assert notes == [
        (download_id, f"started over: the 60.0 KB kept before could not be checked{why}")
    ]


def test_the_download_folder_defaults_under_the_users_downloads(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSTUI_DOWNLOADS", raising=False)
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(tmp_path / "dl"))
    assert download_folder(Settings()).name == "newstui"
    assert download_folder(Settings(download_dir="~/pods")) == Path.home() / "pods"


# transfers ---------------------------------------------------------------------------------------


def an_article(library: Library) -> int:
    """A stored article to hang enclosures on."""
    source = library.register_source("http://pod.test/feed", "Pod")
    library.save_batch(source, [Article("Episode", "text", guid="1")])
    return library.articles()[0].id


def queue_one(library: Library, folder: Path, url: str, title: str = "Episode 1") -> int:
    download, new = queue_enclosure(
        library,
        folder,
        an_article(library),
        title,
        Link("audio/mpeg", url, "enclosure", len(AUDIO)),
    )
    assert new
    return download.id


def left_by_an_earlier_try(path: Path, data: bytes, version: str = '"v1"') -> None:
    """`data` in `path`'s .part, the start of the file's version `version` (its ETag)."""
    part_path(path).write_bytes(data)
    transfer.validator_path(part_path(path)).write_text(version + "\n")


def test_an_interrupted_download_resumes_with_a_range_request(db_path, tmp_path, feed_server):
    route = feed_server.route("/e1.mp3", body=AUDIO, ranges=True, cut_after=50_000)
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, feed_server.url("/e1.mp3"))
        first = run_queue(library, timeout=5)
        failed = library.downloads.get(download_id)
        assert (first.done, first.failed) == (0, 1)
        assert failed is not None and failed.state == "failed"
        part = part_path(Path(failed.path))
        assert part.stat().st_size == 50_000
        assert library.downloads.retry() == 1
        second = run_queue(library, timeout=5)
        done = library.downloads.get(download_id)
    assert (second.done, second.failed) == (1, 0)
    assert done is not None and done.state == "done" and done.bytes_done == len(AUDIO)
    assert Path(done.path).read_bytes() == AUDIO
    assert not part.exists()
    assert feed_server.requests[-1][1].get("Range") == "bytes=50000-"
    assert feed_server.requests[-1][1].get("If-Range", "").startswith('"')  # (the ETag)
    assert not transfer.validator_path(part).exists()
    assert route.hits == 2


def test_a_dropped_download_counts_what_is_on_disk_after_each_drop(db_path, tmp_path, feed_server):
    """Cut at 50,000 it said 0 bytes (`downloads --json`, 0% in L) while the .part file held
    them; after a second drop it lagged behind again (user test r29: 50% shown, 75% on disk)."""
    route = feed_server.route("/e1.mp3", body=AUDIO, ranges=True, cut_after=50_000)
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, feed_server.url("/e1.mp3"))
        run_queue(library, timeout=5)
        first = library.downloads.get(download_id)
        assert first is not None and first.state == "failed"
        part = Path(first.part_path)
        assert first.bytes_done == part.stat().st_size == 50_000
        route.cut_after = 100_000  # the resumed try drops too
        library.downloads.retry()
        run_queue(library, timeout=5)
        second = library.downloads.get(download_id)
    assert second is not None and second.state == "failed"
    assert second.bytes_done == part.stat().st_size == 150_000


def test_the_list_shows_what_is_on_disk_for_a_download_no_process_runs(db_path, tmp_path):
    """A killed download's last stored step is up to a second behind its .part file."""
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, "http://pod.test/e1.mp3")
        row = library.downloads.get(download_id)
        assert row is not None
        Path(row.part_path).write_bytes(AUDIO[:70_000])
        library.downloads.progress(download_id, 65_536, len(AUDIO))  # the last step stored
        [shown] = listed(library)
    assert (shown.state, shown.bytes_done) == ("queued", 70_000)


def test_a_server_that_ignores_range_gets_the_file_from_the_start(db_path, tmp_path, feed_server):
    feed_server.route("/e1.mp3", body=AUDIO, ranges=False)
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, feed_server.url("/e1.mp3"))
        path = Path(library.downloads.get(download_id).path)  # type: ignore[union-attr]
        part_path(path).write_bytes(b"\xff" * 1000)  # left by an earlier try
        assert run_queue(library, timeout=5).done == 1
    assert path.read_bytes() == AUDIO


def test_a_part_file_already_complete_is_finished_without_downloading_again(
    db_path, tmp_path, feed_server
):
    feed_server.route("/e1.mp3", body=AUDIO, ranges=True, etag='"v1"')
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, feed_server.url("/e1.mp3"))
        path = Path(library.downloads.get(download_id).path)  # type: ignore[union-attr]
        left_by_an_earlier_try(path, AUDIO)
        assert run_queue(library, timeout=5).done == 1
    assert path.read_bytes() == AUDIO
    assert feed_server.requests[-1][1].get("Range") == f"bytes={len(AUDIO)}-"  # (416: all there)


NOW_Z = b"ID3" + b"Z" * 3997  # the file as the server has it now: version "Z"
MODIFIED = "Sun, 06 Dec 2026 10:00:00 GMT"  # version A's Last-Modified (Z's is an hour later)


Z_MODIFIED = "Sun, 06 Dec 2026 11:00:00 GMT"  # version Z's Last-Modified


def version_server(
    honours_if_range: bool, content_range: str = "", *, status: int = 206, without: str = ""
) -> Callable:
    """A server of NOW_Z (ETag "Z") answering `Range: bytes=N-` with 206, but with the whole
    file when If-Range names another version, if it `honours_if_range`; `content_range`: what
    its 206 says instead of the true range (its Content-Length stays the rest's); `status`:
    what it answers a range with; `without`: a header it never sends."""

    def answer(request: httpx.Request) -> httpx.Response:
        headers = {
            "content-type": "audio/mpeg",
            "etag": '"Z"',
            "date": "Mon, 07 Dec 2026 00:00:00 GMT",
        }
        headers["last-modified"] = Z_MODIFIED
        headers.pop(without, None)
        asked = re.fullmatch(r"bytes=(\d+)-", request.headers.get("range", ""))
        if_range = request.headers.get("if-range")
        if asked and (not honours_if_range or if_range in (None, '"Z"')):
            start = int(asked[1])
            headers["content-range"] = content_range or f"bytes {start}-3999/4000"
            headers["content-length"] = str(4000 - start)
            return httpx.Response(status, headers=headers, content=iter([NOW_Z[start:]]))
        headers["content-length"] = "4000"
        return httpx.Response(200, headers=headers, content=iter([NOW_Z]))

    return answer


def unasked_part(request: httpx.Request) -> httpx.Response:
    """A 206 of NOW_Z's first 2,000 bytes, whatever was asked."""
    headers = {"content-type": "audio/mpeg", "etag": '"Z"', "content-range": "bytes 0-1999/4000"}
    return httpx.Response(206, headers=headers, content=iter([NOW_Z[:2000]]))


@pytest.mark.parametrize(
    ("part", "version", "server", "asked", "problem"),
    [
        # the same version: the rest is asked for (with its ETag) and added
        (NOW_Z[:2000], '"Z"', version_server(True), [("bytes=2000-", '"Z"')], None),
        # r46 H3: ads inserted anew, another version: the whole of it (no splice of A and Z)
        (b"A" * 2000, '"A"', version_server(True), [("bytes=2000-", '"A"')], None),
        (b"A" * 2000, MODIFIED, version_server(True), [("bytes=2000-", MODIFIED)], None),
        # a server that ignores If-Range: its 206 names another ETag; asked again from byte 0
        (b"A" * 2000, '"A"', version_server(False), [("bytes=2000-", '"A"'), (None, None)], None),
        # no version kept (a .part of an older newstui, or a server that gave none): from byte 0
        (b"A" * 2000, None, version_server(False), [(None, None)], None),
        (b"A" * 2000, "W/\"A\"", version_server(False), [(None, None)], None),
        # r46 L3: a Content-Range that disagrees with its Content-Length or the request: the
        # .part stays as it was
        (NOW_Z[:2000], '"Z"', version_server(True, "bytes 2000-2099/4000"), [("bytes=2000-", '"Z"')],
         "the server's answer contradicts itself (Content-Range bytes 2000-2099/4000, Content-Length 2000); nothing of it written"),
        (NOW_Z[:2000], '"Z"', version_server(True, "bytes 0-1999/4000"), [("bytes=2000-", '"Z"')],
         "the server sent another part of the file than asked for"),
        # hostile r47 M5: a 206 that does not name the version asked for again may be another's
        # rest (it was added to A's start); a date names it by its Last-Modified
        (b"A" * 2000, '"A"', version_server(False, without="etag"), [("bytes=2000-", '"A"'), (None, None)], None),
        (b"A" * 2000, MODIFIED, version_server(False, without="last-modified"), [("bytes=2000-", MODIFIED), (None, None)], None),
        (NOW_Z[:2000], Z_MODIFIED, version_server(False), [("bytes=2000-", Z_MODIFIED)], None),
        # a 200 is the whole file: one that says it is the rest (it was kept as the episode)
        (NOW_Z[:2000], '"Z"', version_server(True, status=200), [("bytes=2000-", '"Z"')],
         "the server's answer contradicts itself (HTTP 200, the whole file, with Content-Range bytes 2000-3999/4000, Content-Length 2000); nothing of it written"),
        # hostile r47 L2: "the connection closed after 2,000 of 4,000 bytes"
        (NOW_Z[:2000], None, unasked_part, [(None, None)], "the server sent part of the file unasked (bytes 0-1,999 of 4,000)"),
        # hostile r47 M4: a named pipe there held the queue for ever; a folder there made the
        # good bytes go, said "Is a directory" and that the server gave no ETag
        (NOW_Z[:2000], os.mkfifo, version_server(True), [],
         "e.mp3.part.validator: a named pipe, where newstui keeps the version of the file e.mp3.part holds the start of; move it away and download again; the 2,000 bytes of e.mp3.part are kept"),
        (NOW_Z[:2000], os.mkdir, version_server(True), [], "e.mp3.part.validator: a folder, where newstui keeps"),
        # r47: its .part deleted by hand, the validator left beside it goes as the download
        # starts from 0, whatever then happens
        (b"", '"A"', lambda request: httpx.Response(404), [(None, None)], "HTTP 404 Not Found"),
    ],
    ids=["same", "changed", "changed-date", "if-range-ignored", "none-kept", "weak", "range-and-length-disagree", "another-range",
         "206-without-etag", "206-without-date", "206-with-the-same-date", "200-of-the-rest", "206-unasked", "pipe-kept", "folder-kept", "part-deleted"],
)  # fmt: skip
def test_a_resume_adds_only_the_rest_of_the_version_its_part_holds(
    tmp_path, part, version, server, asked, problem
):
    """r46 H3: `download --retry` sent Range without If-Range and kept no ETag; the server's
    file had changed (ETag "A" → "Z", same size): 1,997 bytes of A and 2,000 of Z, reported
    downloaded."""
    target = tmp_path / "e.mp3"
    if part:
        part_path(target).write_bytes(part)
    if callable(version):  # (something not a file where it is kept)
        version(transfer.validator_path(part_path(target)))
    elif version is not None:
        transfer.validator_path(part_path(target)).write_text(version + "\n")
    sent: list[tuple[str | None, str | None]] = []

    def record(request: httpx.Request) -> httpx.Response:
        sent.append((request.headers.get("range"), request.headers.get("if-range")))
        return server(request)

    begun: list[int] = []  # (r47 L3: the bytes of a .part begun again unchecked, said)

    def fetch() -> int:
        with httpx.Client(transport=httpx.MockTransport(record)) as client:
            return transfer.fetch_to_file(client, "http://pod.test/e.mp3", target, lambda *a: None, lambda: False, started_over=lambda kept, why: begun.append(kept))  # fmt: skip

    if problem is None:
        assert fetch() == len(NOW_Z) and target.read_bytes() == NOW_Z
        assert sorted(p.name for p in tmp_path.iterdir()) == ["e.mp3"]  # (its validator gone)
        assert begun == ([len(part)] if asked[0] == (None, None) else [])
    else:
        said = problem if problem.startswith("e.mp3") else f"http://pod.test/e.mp3: {problem}"
        with pytest.raises(NewstuiError, match=re.escape(said)):
            fetch()
        assert part_path(target).read_bytes() == part if part else not list(tmp_path.iterdir())
    assert sent == asked


DATE = "Mon, 07 Dec 2026 00:00:00 GMT"


@pytest.mark.parametrize(
    ("validators", "dropped"),
    [
        ({"etag": '"v1"'}, None),
        ({}, "the server gave no ETag or Last-Modified to resume them by"),
        # review r46 L8: a weak ETag (Express's, nginx's when it compresses) is no If-Range
        # validator; a strong Last-Modified beside it is (the .part was deleted)
        ({"etag": 'W/"v1"', "last-modified": MODIFIED, "date": DATE}, None),
        ({"etag": 'W/"v1"', "last-modified": MODIFIED, "date": MODIFIED},
         "the server gave a weak ETag only and a Last-Modified within a second of its Date (the file may still have changed): nothing to resume them by"),
        # hostile r47 L2: "the server gave no ETag or Last-Modified"
        ({"last-modified": "Fri, 31 Dec 9999 23:59:59 GMT", "date": DATE},
         f"the server gave no ETag and a Last-Modified in the future (Fri, 31 Dec 9999 23:59:59 GMT, its Date {DATE}): nothing to resume them by"),
    ],
    ids=["etag", "none", "weak-and-date", "weak-and-date-of-now", "date-in-future"],
)  # fmt: skip
def test_a_full_disk_keeps_only_a_part_that_resumes(tmp_path, monkeypatch, validators, dropped):
    """r46 L2: a chunked episode that filled the disk kept its .part (2.1 MB), and each later
    download then failed "1,000 bytes to come, more than the 0 free". A .part no validator was
    given for can never resume: it is deleted, its room free for the next; one that can is
    kept (`download` says how to delete it), and its room counts when it starts again."""

    def filling() -> Iterator[bytes]:
        yield b"\1" * 8192
        raise OSError(errno.ENOSPC, "No space left on device")

    headers = {"content-type": "audio/mpeg", **validators}
    answers = iter([httpx.Response(200, headers=headers, content=filling())])
    target, url = tmp_path / "e.mp3", "http://pod.test/e.mp3"

    def fetch() -> int:
        with httpx.Client(transport=httpx.MockTransport(lambda request: next(answers))) as client:
            return transfer.fetch_to_file(client, url, target, lambda *a: None, lambda: False)

    said = f"{url}: no space left on the disk of {tmp_path}"
    if dropped is not None:
        said += f"; the 8,192 bytes that had arrived are not kept: {dropped}"
    with pytest.raises(NewstuiError, match=f"^{re.escape(said)}$"):
        fetch()
    kept = dropped is None
    assert part_path(target).exists() is kept
    if kept:  # another version now, larger than the room left but for the .part's
        now = {"content-type": "audio/mpeg", "content-length": "10000", "etag": '"v2"'}
        answers = iter([httpx.Response(200, headers=now, content=iter([b"\2" * 10_000]))])
        monkeypatch.setattr(transfer, "free_bytes", lambda part: 2000)
        assert fetch() == 10_000


def test_a_validator_whose_part_was_deleted_by_hand_goes_at_cleanup_and_delete(db_path, tmp_path):
    """r46 dlfix: NAME.part.validator stayed in download_dir once its .part was deleted."""
    with Library.open(db_path) as library:
        gone, kept = (
            library.downloads.get(queue_one(library, tmp_path, f"http://127.0.0.1:9/{n}.mp3", n))
            for n in ("A", "B")
        )
        assert gone is not None and kept is not None
        for download in (gone, kept):
            Path(download.validator_path).write_text('"v1"\n')
        Path(kept.part_path).write_bytes(b"x")  # (its .part there: its validator stays)
        assert drop_orphan_validators(library, tmp_path) == 1
        assert [p.name for p in tmp_path.iterdir() if "validator" in p.name] == [
            "B.mp3.part.validator"
        ]
        Path(gone.validator_path).write_text('"v1"\n')
        delete_download(library, tmp_path, gone.id)
        assert not Path(gone.validator_path).exists()


def test_one_failure_never_stops_the_queue(db_path, tmp_path, feed_server):
    """r45 M2: an enclosure trickling a byte at a time, each read within the timeout, held the
    queue for ever; under the slowest rate for the stall time it fails as the others do."""
    feed_server.route("/ok.mp3", body=AUDIO)
    feed_server.route("/trickle.mp3", body=b"\0" * 2000, drip=0.05)  # 20 bytes a second
    trickle = feed_server.url("/trickle.mp3")
    seen = []
    with Library.open(db_path) as library:
        queue_one(library, tmp_path, feed_server.url("/missing.mp3"), "Missing")
        queue_one(library, tmp_path, "http://127.0.0.1:9/refused.mp3", "Refused")
        queue_one(library, tmp_path, trickle, "Trickle")
        queue_one(library, tmp_path, "http://127.0.0.1:abc/x.mp3", "Bad port")
        queue_one(library, tmp_path, feed_server.url("/ok.mp3"), "Fine")
        limits = transfer.Limits(slowest=1000, stall_seconds=0.3)
        result = run_queue(library, timeout=5, on_change=seen.append, limits=limits)
        rows = library.downloads.all()
    assert (result.done, result.failed) == (1, 4)
    assert [r.state for r in rows] == ["failed", "failed", "failed", "failed", "done"]
    assert rows[0].error is not None and "HTTP 404" in rows[0].error
    assert rows[1].error is not None and "cannot connect" in rows[1].error
    assert rows[2].error is not None and rows[2].error.startswith(f"{trickle}: stalled: ")
    assert rows[2].error.endswith(" s, under 1,000 bytes a second; stopped")
    # r45 L2: said with its URL, not as "InvalidURL: Invalid port: 'abc'"
    assert rows[3].error == "http://127.0.0.1:abc/x.mp3: not a valid URL (Invalid port: 'abc')"
    assert seen[-1].state == "done"


def test_a_failure_is_stored_as_one_line_without_a_servers_controls(db_path, tmp_path):
    """Hostile r47 M6: a proxy's status line was stored raw (`HTTP 407 ^[[2J^[]0;pwned^GAuth`),
    cleaned only when shown; feeds.last_error is cleaned as it is stored."""
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, "http://pod.test/e1.mp3")
        library.downloads.fail(download_id, "x: HTTP 407 \x1b[2J\x1b]0;pwned\x07Auth\nnext\x85")
        row = library.downloads.get(download_id)
    assert row is not None and row.error == "x: HTTP 407 Auth next"


def test_a_server_that_hangs_up_without_answering_is_said_in_words(db_path, tmp_path):
    # The failure read "RemoteProtocolError: Server disconnected without sending a response."
    listener = socket.create_server(("127.0.0.1", 0))

    def hang_up() -> None:
        connection, _ = listener.accept()
        connection.recv(4096)
        connection.close()

    threading.Thread(target=hang_up, daemon=True).start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/e1.mp3"
    with Library.open(db_path) as library:
        queue_one(library, tmp_path, url)
        assert run_queue(library, timeout=5).failed == 1
        (row,) = library.downloads.all()
    listener.close()
    assert row.error == f"{url}: the server closed the connection without a complete answer"


def test_the_queue_survives_a_restart_and_resumes(db_path, tmp_path, feed_server):
    feed_server.route("/e1.mp3", body=AUDIO, ranges=True, drip=0.0, etag='"v1"')
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, feed_server.url("/e1.mp3"))
        claimed = library.downloads.claim_next(2**22 + 7)  # killed while downloading
        assert claimed is not None and claimed.id == download_id
        path = Path(claimed.path)
        left_by_an_earlier_try(path, AUDIO[:70_000])
    with Library.open(db_path) as library:  # the next start: another process, another Library
        [row] = library.downloads.all()
        assert row.state == "downloading"
        assert run_queue(library, timeout=5).done == 1
    assert path.read_bytes() == AUDIO
    assert feed_server.requests[-1][1].get("Range") == "bytes=70000-"


def test_a_stopped_download_goes_back_to_the_queue(db_path, tmp_path, feed_server):
    feed_server.route("/e1.mp3", body=AUDIO, ranges=True)
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, feed_server.url("/e1.mp3"))
        result = run_queue(library, timeout=5, stopped=lambda: True)
        assert result.stopped
        result = run_queue(library, timeout=5)  # nothing claimed while stopped
        assert result.done == 1
        assert library.downloads.get(download_id).state == "done"  # type: ignore[union-attr]


def test_a_download_outlives_its_deleted_article(db_path, tmp_path):
    with Library.open(db_path) as library:
        source = library.register_source("http://pod.test/feed", "Pod")
        library.save_batch(source, [Article("Ep", "t", guid="1")])
        [row] = library.articles()
        download, _ = queue_enclosure(library, tmp_path, row.id, "Ep", Link("audio/mpeg", "http://a/e.mp3", "enclosure"))  # fmt: skip
        library.remove_source(source, purge=True)
        [kept] = library.downloads.all()
    assert (kept.id, kept.article_id, kept.title) == (download.id, None, "Ep")


def test_a_feed_added_back_takes_over_its_episodes_downloads(db_path, tmp_path):
    """User test r42 M2: `d` said "Already downloaded" and `P` streamed the URL."""
    episode = Link("audio/mpeg", "http://a/e.mp3", "enclosure")
    with Library.open(db_path) as library:
        source = library.register_source("http://pod.test/feed", "Pod")
        library.save_batch(source, [Article("Ep", "t", guid="1", links=[episode])])
        download, _ = queue_enclosure(library, tmp_path, library.articles()[0].id, "Ep", episode)
        library.remove_source(source, purge=True)
        source = library.register_source("http://pod.test/feed", "Pod")
        library.save_batch(source, [Article("Ep", "t", guid="1", links=[episode])])
        [back] = library.articles()
        assert [d.id for d in library.downloads.all(back.id)] == [download.id]
        # one stored before this was so: `d` (and `download`) tie it to the article asking
        library.remove_source(source, purge=True)
        source = library.register_source("http://pod.test/feed", "Pod")
        library.save_batch(source, [Article("Ep", "t", guid="2")])
        [later] = library.articles()
        again, new = queue_enclosure(library, tmp_path, later.id, "Ep", episode)
        assert (again.id, again.article_id, new) == (download.id, later.id, False)
        assert [d.id for d in library.downloads.all(later.id)] == [download.id]


def test_a_fetch_queues_the_newest_new_episodes_of_a_download_new_feed(db_path, tmp_path):
    """M3 (user test r42): new episodes downloaded by themselves, newsboat's podcast-auto-enqueue;
    a first fetch of a long archive queues `download_new` of them, not all."""
    config = Config(
        tmp_path / "feeds.toml",
        Settings(download_dir=str(tmp_path / "pods")),
        (FeedConfig("http://pod.test/feed", "Pod", download_new=2), FeedConfig("http://n/f", "N")),
    )

    def episode(n: int) -> Article:
        link = Link("audio/mpeg", f"http://pod.test/{n}.mp3", "enclosure")
        day = datetime(2026, 11, n, tzinfo=UTC)
        return Article(f"Ep {n}", "notes", guid=str(n), published=day, links=[link])

    with Library.open(db_path) as library:
        pod = library.register_source("http://pod.test/feed", "Pod")
        news = library.register_source("http://n/f", "N")
        library.save_batch(pod, [episode(n) for n in range(1, 9)])
        library.save_batch(
            news, [Article("Audio news", "t", guid="a", links=[episode(20).links[0]])]
        )
        [queued] = queue_new_episodes(library, config, 0)
        assert (queued.feed, [d.title for d in queued.downloads]) == ("Pod", ["Ep 8", "Ep 7"])
        before = library.last_article_id()
        library.save_batch(pod, [episode(9)])
        [queued] = queue_new_episodes(library, config, before)
        assert [d.path for d in queued.downloads] == [str(tmp_path / "pods" / "Ep 9.mp3")]
        assert queue_new_episodes(library, config, before) == []  # queued before: left
        assert [d.title for d in library.downloads.all()] == ["Ep 8", "Ep 7", "Ep 9"]

        # [settings] download_new: every feed without its own, a sync server's too; 0 is off
        path = tmp_path / "feeds.toml"
        path.write_text(
            f'[settings]\ndownload_new = 1\ndownload_dir = "{tmp_path / "pods"}"\n'
            '[[feeds]]\nurl = "http://pod.test/feed"\nname = "Pod"\n'
            '[[feeds]]\nurl = "http://n/f"\nname = "N"\ndownload_new = 0\n',
            "utf-8",
        )
        config = load_config(path)
        server = library.register_source("http://server.test/feed", "Server")
        before = library.last_article_id()
        library.save_batch(pod, [episode(10), episode(11)])
        library.save_batch(news, [Article("More", "t", guid="b", links=[episode(21).links[0]])])
        library.save_batch(server, [episode(12)])
        # audio and video only, as newsboat's podcast-auto-enqueue: a news feed's PDF is left to
        # `d`; an enclosure with no type is taken by its file name
        pdf = Link("application/pdf", "http://docs.test/report.pdf", "enclosure")
        untyped = Link("enclosure", "http://u.test/13.MP3?x=1", "enclosure")
        docs = library.register_source("http://docs.test/f", "Docs")
        library.save_batch(docs, [Article("Report", "t", guid="r", links=[pdf])])
        bare = library.register_source("http://u.test/f", "Untyped")
        library.save_batch(bare, [Article("Ep 13", "t", guid="u", links=[pdf, untyped])])
        queued = queue_new_episodes(library, config, before)
        assert [(q.feed, [d.title for d in q.downloads]) for q in queued] == [
            ("Pod", ["Ep 11"]),
            ("Server", ["Ep 12"]),
            ("Untyped", ["Ep 13"]),
        ]
        assert [d.url for d in library.downloads.all() if d.title == "Ep 13"] == [untyped.url]


def test_one_feeds_episodes_that_cannot_be_queued_never_stop_another_feeds(
    db_path, tmp_path, monkeypatch
):
    """r44 H3: a feed whose episodes all have one name reached the `NAME (9999)` limit, and the
    error left the other feeds' new episodes unqueued for good (and hid fetch's summary). M2:
    the queue and the folder are read once a batch, not once a name tried (1,000 episodes named
    alike took 38.9 s to queue, now 1.0 s)."""
    monkeypatch.setattr(downloads, "MAX_SAME_NAME", 6)  # (10,000 files: too slow for a test)
    folder = tmp_path / "pods"
    folder.mkdir()
    (folder / "Episode.mp3").write_bytes(b"the user's own")
    config = Config(
        tmp_path / "feeds.toml",
        Settings(download_dir=str(folder)),
        (
            FeedConfig("http://same.test/f", "Same", download_new=9),
            FeedConfig("http://pod.test/f", "Pod", download_new=2),
        ),
    )

    def episode(title: str, n: int) -> Article:
        return Article(
            title, "t", guid=str(n), links=[Link("audio/mpeg", f"http://e/{n}.mp3", "enclosure")]
        )

    with Library.open(db_path) as library:
        library.save_batch(library.register_source("http://same.test/f", "Same"), [episode("Episode", n) for n in range(8)])  # fmt: skip
        library.save_batch(library.register_source("http://pod.test/f", "Pod"), [episode("Ep", 9)])
        reads = []
        queue = type(library.downloads)
        read_queue = queue.all
        monkeypatch.setattr(queue, "all", lambda *a: reads.append(a) or read_queue(*a))
        said = {q.feed: q for q in queue_new_episodes(library, config, 0)}
    assert [Path(d.path).name for d in said["Pod"].downloads] == ["Ep.mp3"]
    assert (len(said["Same"].downloads), said["Same"].not_queued) == (4, 4)  # (2) to (5)
    assert said["Same"].problem == f"{folder}: too many files named like Episode.mp3"
    assert len(reads) == 1


def test_a_download_dir_that_is_a_file_is_said_once_and_the_queue_is_kept(db_path, tmp_path):
    """r44 L4: `failed /etc/passwd/x.mp3: /etc/passwd: File exists`, a line a download."""
    with Library.open(db_path) as library:
        queue_one(library, tmp_path / "file" / "deeper", "http://pod.test/e1.mp3")
        (tmp_path / "file").write_text("not a folder")  # (where download_dir was)
        with pytest.raises(NewstuiError, match=r"^.*/file: not a folder \(download_dir\)$"):
            queue_one(library, tmp_path / "file", "http://pod.test/e2.mp3")
        with pytest.raises(
            NewstuiError, match=r"file: not a folder \(download_dir\); nothing down"
        ):
            run_queue(library, timeout=5, folder=tmp_path / "file")
        assert [d.state for d in library.downloads.all()] == ["queued"]
        assert run_queue(library, timeout=5).failed == 1  # (queued under another download_dir)
        [failed] = library.downloads.all()
    assert failed.error == f"{tmp_path / 'file'}: not a folder"


# the command line --------------------------------------------------------------------------------


@pytest.fixture
def pod(db_path, feed_server, config_file, capsys, tmp_path, monkeypatch) -> Cli:
    """The command line after fetching a podcast feed; downloads go to tmp_path/pods."""
    monkeypatch.setenv("NEWSTUI_DOWNLOADS", str(tmp_path / "pods"))
    feed_server.route("/feed", body=podcast(feed_server.base))
    feed_server.route("/e1.mp3", body=AUDIO, ranges=True)
    feed_server.route("/e2a.mp3", body=b"twelve bytes")
    run = Cli(db_path, config_file({"The Pod": "/feed"}), capsys)
    assert run("fetch") == 0, run.err
    return run


def article_id(run: Cli, title: str) -> int:
    return next(a["id"] for a in run.json("list") if a["title"] == title)


def test_show_lists_enclosures_with_type_size_and_duration(pod):
    episode = article_id(pod, "Episode 1: Rivers")
    assert pod("show", str(episode)) == 0
    assert "Enclosures" in pod.out
    assert "[E1] audio/mpeg · 204.8 KB · 42:10 http://127.0.0.1:" in pod.out
    data = pod.json("show", str(episode))
    [enclosure] = data["enclosures"]
    assert enclosure["type"] == "audio/mpeg"
    assert (enclosure["size"], enclosure["duration"]) == (204800, 2530)


def test_download_fetches_an_articles_enclosure_and_downloads_lists_it(pod, tmp_path):
    episode = article_id(pod, "Episode 1: Rivers")
    assert pod("download", str(episode)) == 0, pod.err
    assert "downloaded" in pod.out
    target = tmp_path / "pods" / "Episode 1 Rivers.mp3"
    assert target.read_bytes() == AUDIO
    [row] = pod.json("downloads")
    assert (row["state"], row["path"], row["bytes_done"]) == ("done", str(target), len(AUDIO))
    assert pod("show", str(episode)) == 0
    assert f"(downloaded: {target})" in " ".join(pod.out.split())  # the line may wrap
    [enclosure] = pod.json("show", str(episode))["enclosures"]
    assert enclosure["download"] == {"state": "done", "path": str(target)}
    assert pod("download", str(episode)) == 0
    assert "already done" in pod.out


def test_an_episode_whose_file_was_deleted_by_hand_is_no_longer_downloaded(pod, tmp_path):
    """`d` said "Already downloaded" (and ♪✓ stayed) once the file was deleted outside newstui
    (r42 appfix-b): `downloads` and `show` say it is gone, and `download` fetches it again."""
    episode = article_id(pod, "Episode 1: Rivers")
    assert pod("download", str(episode)) == 0, pod.err
    target = tmp_path / "pods" / "Episode 1 Rivers.mp3"
    target.unlink()
    assert pod("downloads") == 0
    assert pod.out.splitlines()[0] == (
        "download 1 (Episode 1: Rivers): its file Episode 1 Rivers.mp3 was deleted outside "
        f"newstui; taken off the list (`newstui download {episode}` downloads it again)"
    )
    assert pod.json("downloads") == []
    assert pod("download", str(episode)) == 0, pod.err
    assert pod.out.startswith("queued ") and target.read_bytes() == AUDIO
    target.unlink()
    [enclosure] = pod.json("show", str(episode))["enclosures"]
    assert enclosure["download"] is None
    with Library.open(pod.db) as library:
        assert not next(r for r in library.articles() if r.id == episode).downloaded
        assert library.downloads.all() == []


def test_fetch_queues_a_download_new_feeds_new_episodes_and_says_how_to_get_them(
    db_path, feed_server, config_file, capsys, tmp_path, monkeypatch
):
    monkeypatch.setenv("NEWSTUI_DOWNLOADS", str(tmp_path / "pods"))
    feed_server.route("/feed", body=podcast(feed_server.base))
    path = config_file({"The Pod": "/feed"})
    path.write_text(path.read_text("utf-8") + "download_new = 1\n", "utf-8")
    run = Cli(db_path, path, capsys)
    assert run("fetch") == 0, run.err
    assert "download_new: 1 new episode queued (The Pod: 1); `newstui download` downloads " in (
        " ".join(run.out.split())
    )
    assert [(d["title"], d["state"]) for d in run.json("downloads")] == [
        ("Episode 1: Rivers", "queued")
    ]
    assert run("fetch") == 0 and "download_new" not in run.out  # nothing new
    newer = '<item><title>Episode 3</title><guid>e9</guid><enclosure url="{base}/e9.mp3"/></item>'
    feed_server.route("/feed", body=podcast(feed_server.base).replace(b"<item>", newer.format(base=feed_server.base).encode() + b"<item>", 1))  # fmt: skip
    queued = [o for o in run.json("fetch") if "download_new" in o]
    assert queued == [
        {"source": "The Pod", "download_new": True, "queued": [2], "not_queued": 0, "error": None}
    ]
    # one line for the feed whose episodes could not be queued (r44 H3, L4); the summary stays
    (tmp_path / "pods").write_text("a file")
    feed_server.route("/feed", body=podcast(feed_server.base).replace(b"<item>", newer.replace("e9", "e10").format(base=feed_server.base).encode() + b"<item>", 1))  # fmt: skip
    assert run("fetch") == 0
    assert run.err.splitlines() == [
        f"warning: The Pod: download_new: 1 new episode not queued: {tmp_path / 'pods'}: not a "
        "folder (download_dir)"
    ]
    assert run.out.splitlines()[0].startswith("1 of 1 source ok: 1 new article")
    assert "download_new: 0 new episodes queued, 1 not queued (see above)" in run.out


def test_add_queues_a_podcasts_newest_episodes_by_the_global_download_new(
    db_path, feed_server, config_file, capsys, tmp_path, monkeypatch
):
    """[settings] download_new: `add` is a podcast's first fetch, and queues as one does."""
    monkeypatch.setenv("NEWSTUI_DOWNLOADS", str(tmp_path / "pods"))
    feed_server.route("/feed", body=podcast(feed_server.base))
    run = Cli(db_path, config_file({}, download_new=1), capsys)
    assert run("add", feed_server.url("/feed"), "--name", "The Pod") == 0, run.err
    assert "download_new: 1 new episode queued (The Pod: 1)" in " ".join(run.out.split())
    assert [d["title"] for d in run.json("downloads")] == ["Episode 1: Rivers"]


def test_download_of_one_of_several_enclosures_and_bad_choices(pod, tmp_path):
    two = article_id(pod, "Episode 2")
    assert pod("download", str(two), "--enclosure", "3") == 1
    assert pod.err.strip() == "newstui: article 2 has 2 enclosures: --enclosure must be 1 to 2"
    assert pod("download", str(two), "--enclosure", "1") == 0, pod.err
    # named by its number, as the reader lists it (user test r38 L5)
    assert (tmp_path / "pods" / "Episode 2 E1.mp3").read_bytes() == b"twelve bytes"
    plain = article_id(pod, "Plain")
    assert pod("download", str(plain)) == 1
    assert pod.err.strip() == f"newstui: article {plain} has no enclosure"
    assert pod("download", "999") == 1
    assert pod.err.strip() == "newstui: no article with id 999"


def test_download_later_only_queues_and_a_failure_exits_4(pod, feed_server, tmp_path):
    two = article_id(pod, "Episode 2")
    queued = pod.json("download", str(two), "--later")
    assert [q["state"] for q in queued] == ["queued", "queued"]
    assert pod("download") == 4  # e2b.ogg is not served
    rows = pod.json("downloads")
    assert [r["state"] for r in rows] == ["done", "failed"]
    assert "HTTP 404" in rows[1]["error"]
    assert pod("download") == 0  # nothing to run: the failed one is pointed to (user test r46 L6)
    assert pod.out.strip() == (
        "nothing queued (`newstui download ID` queues an article's enclosures); 1 failed: "
        "`newstui download --retry` tries it again"
    )
    feed_server.route("/e2b.ogg", body=b"ogg")
    assert pod("download", "--retry") == 0
    assert [r["state"] for r in pod.json("downloads")] == ["done", "done"]
    assert pod("downloads", "--forget", "1") == 0
    # said, not only left out of the list that follows, with where the file stays
    kept = tmp_path / "pods" / "Episode 2 E1.mp3"
    assert pod.out.splitlines()[0] == f"forgot download 1 (Episode 2 E1); its file stays: {kept}"
    assert [r["id"] for r in pod.json("downloads")] == [2]


def test_a_dropped_download_names_the_part_file_it_kept(pod, feed_server, tmp_path):
    """The line named the final file, which did not exist (`failed …/Ep 11 Partial.mp3: …`),
    and `downloads --json` said bytes_done 0 with half the file on disk."""
    feed_server.route("/e1.mp3", body=AUDIO, ranges=True, cut_after=102_400)
    assert pod("download", str(article_id(pod, "Episode 1: Rivers"))) == 4
    part = tmp_path / "pods" / "Episode 1 Rivers.mp3.part"
    assert part.stat().st_size == 102_400
    [line] = [line for line in pod.out.splitlines() if line.startswith("failed")]
    assert line.startswith(f"failed {part}: ")
    assert line.endswith(  # (cut off: a passing failure, which the next run resumes)
        "(102.4 KB kept; the next `newstui download` resumes (`--retry` now), "
        "`newstui downloads --delete 1` deletes it)"
    )
    [row] = pod.json("downloads")
    assert (row["state"], row["bytes_done"], row["bytes_total"]) == ("failed", 102_400, len(AUDIO))
    assert pod("downloads") == 0
    assert "50% of 204.8 KB" in pod.out


def queued(library: Library, name: str) -> int:
    download, _ = library.downloads.queue(
        url=f"http://pod.test/{name}.mp3",
        path=f"/tmp/pods/{name}.mp3",
        article_id=None,
        title=name,
        mime="audio/mpeg",
        bytes_total=None,
    )
    return download.id


def test_a_forgotten_downloads_number_is_never_given_to_another(tmp_path):
    """`downloads --forget 2` then a new download: it was number 2 again, so a second
    `--forget 2` (or `play 2` from memory) hit another file than the one the user saw."""
    with Library.open(tmp_path / "n.db") as library:
        assert [queued(library, "one"), queued(library, "two")] == [1, 2]
        assert library.downloads.forget(2) is not None
        assert queued(library, "three") == 3
        assert library.downloads.forget(2) is None  # gone, and no other download took it
    with Library.open(tmp_path / "n.db") as library:  # across a restart too
        assert library.downloads.forget(3) is not None
        assert queued(library, "four") == 4


def test_downloads_of_a_schema_20_store_keep_their_numbers_and_never_reuse_one(tmp_path):
    import sqlite3

    path = tmp_path / "v20.db"
    with Library.open(path) as library:
        ids = [queued(library, name) for name in ("one", "two", "three")]
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE downloads")  # as schema 15 made it: numbers reused
    conn.execute(
        "CREATE TABLE downloads (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, article_id "
        "INTEGER, title TEXT NOT NULL DEFAULT '', mime TEXT NOT NULL DEFAULT '', state TEXT NOT "
        "NULL DEFAULT 'queued', path TEXT NOT NULL, bytes_done INTEGER NOT NULL DEFAULT 0, "
        "bytes_total INTEGER, error TEXT, queued_at TEXT NOT NULL, touched_at TEXT, owner "
        "INTEGER, finished_at TEXT)"
    )
    conn.executemany(
        "INSERT INTO downloads (id, url, path, state, queued_at) VALUES (?, ?, ?, 'done', 'x')",
        [(i, f"http://pod.test/{i}.mp3", f"/tmp/pods/{i}.mp3") for i in (ids[0], ids[2])],
    )
    conn.execute("PRAGMA user_version = 20")
    conn.commit()
    conn.close()
    with Library.open(path) as library:
        assert [(d.id, d.url[-5:], d.state) for d in library.downloads.all()] == [
            (1, "1.mp3", "done"),
            (3, "3.mp3", "done"),
        ]
        assert library.downloads.forget(3) is not None
        assert queued(library, "five") == 4


def test_download_refuses_the_demo(tmp_path, capsys, monkeypatch):
    from newstui.cli.main import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["--demo", "download", "1"]) == 1
    assert "demo" in capsys.readouterr().err


def test_player_and_download_dir_settings_are_checked_with_line_numbers(tmp_path):
    from newstui.config import load_config
    from newstui.errors import ConfigError

    path = tmp_path / "feeds.toml"
    path.write_text('[settings]\nplayer = "mpv %f"\ndownload_dir = "~/Podcasts"\n', "utf-8")
    settings = load_config(path).settings
    assert (settings.player, download_folder(settings)) == ("mpv %f", Path.home() / "Podcasts")
    path.write_text("[settings]\n\nplayer = 5\n", "utf-8")
    with pytest.raises(ConfigError, match=r'feeds.toml:3: .*player.* like "mpv %f"'):
        load_config(path)
    path.write_text('[settings]\ndownload_dir = "a\\u001b[2Jb"\n', "utf-8")
    with pytest.raises(
        ConfigError, match=r"feeds.toml:2: setting 'download_dir' .* contains control"
    ):
        load_config(path)


def test_show_of_an_episode_with_no_text_has_no_run_of_blank_lines(pod, tmp_path):
    bare = tmp_path / "bare.xml"
    bare.write_text(
        '<rss version="2.0"><channel><title>Bare</title><item><title>Bare episode</title>'
        '<guid>b1</guid><enclosure url="https://pod.example/b1.mp3" type="audio/mpeg"/>'
        "</item></channel></rss>",
        "utf-8",
    )
    assert pod("import", str(bare)) == 0, pod.err
    assert pod("show", str(article_id(pod, "Bare episode"))) == 0
    assert "\n\n\n" not in pod.out
    assert "\n\nEnclosures\n[E1] audio/mpeg https://pod.example/b1.mp3\n" in pod.out


def test_show_numbers_enclosures_apart_from_the_links(pod, tmp_path):
    """An episode with show notes: "[1]" is the notes' first link only, the enclosure is E1 (both
    were "[1]", user test r36 L4)."""
    notes = tmp_path / "notes.xml"
    notes.write_text(
        '<rss version="2.0"><channel><title>Notes</title><item><title>Noted episode</title>'
        "<guid>n1</guid><description>&lt;p&gt;See &lt;a href='https://e.example/a'&gt;the "
        "agency&lt;/a&gt; for more.&lt;/p&gt;</description>"
        '<enclosure url="https://pod.example/n1.mp3" type="audio/mpeg"/>'
        "</item></channel></rss>",
        "utf-8",
    )
    assert pod("import", str(notes)) == 0, pod.err
    assert pod("show", str(article_id(pod, "Noted episode"))) == 0
    assert "the agency[1] for more." in pod.out
    assert "\nEnclosures\n[E1] audio/mpeg https://pod.example/n1.mp3\n" in pod.out
    assert "\nLinks\n[1] the agency https://e.example/a\n" in pod.out
    assert pod.out.count("[1]") == 2  # the marker in the text and its line under Links


# a web page is no episode --------------------------------------------------------------------------

XHTML = b"<?xml version='1.0'?><html/>"
OCTETS = "application/octet-stream"
LOGIN_PAGE = b"<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body>Log in</body></html>"


NO_RANGE_ASKED = {"content-range": "bytes 0-9/10"}  # (a 206 to a request without Range)


@pytest.mark.parametrize(
    ("status", "declared", "cap", "problem"),
    [
        (200, {}, 100_000, "more than 100,000 bytes and the server gave no size; stopped, nothing kept"),
        (200, {"content-length": str(10**18)}, 10**19, "1,000,000,000,000,000,000 bytes to come, more than the "),
        # r45 H1: a declared size, then an endless body (chunked framing wins over the length)
        (200, {"content-length": "10"}, 100_000, "the server sent more than the 10 bytes it declared; stopped, nothing kept"),
        (206, NO_RANGE_ASKED, 100_000, "the server sent more than the 10 bytes it declared; stopped, nothing kept"),
    ],
)  # fmt: skip
def test_an_endless_or_oversized_enclosure_stops_and_keeps_nothing(
    tmp_path, status, declared, cap, problem
):
    """r44 M1: a body with no size (the feed said length="1000") wrote 705 MB in 3 s, unbounded.
    Now it stops at the cap (2 GB by default) and deletes its .part; a declared size past the
    disk's room is refused before a byte is written, and a body past its declared size
    (r45 H1: 4.0 GB written past a declared 10 bytes, kept for --retry) stops there."""

    def endless() -> Iterator[bytes]:  # (16 times the cap: a test of code without one ends)
        for _ in range(200):
            yield b"\0" * 8192

    headers = {"content-type": "audio/mpeg", **declared}
    answer = httpx.Response(status, headers=headers, content=endless())
    target = tmp_path / "e.mp3"
    client = httpx.Client(transport=httpx.MockTransport(lambda request: answer))
    with client, pytest.raises(NewstuiError, match=re.escape(f"http://pod.test/e.mp3: {problem}")):
        transfer.fetch_to_file(client, "http://pod.test/e.mp3", target, lambda *a: None, lambda: False, limits=transfer.Limits(cap=cap))  # fmt: skip
    assert list(tmp_path.iterdir()) == []


EMPTY = ": the server sent an empty file (0 bytes)"


@pytest.mark.parametrize(
    ("headers", "body", "problem"),
    [
        ({"Content-Type": "text/html; charset=utf-8"}, LOGIN_PAGE, " answered a web page (text/html), not audio"),
        ({"Content-Type": "application/xhtml+xml"}, XHTML, " answered a web page (application/xhtml+xml), not audio"),
        # a page sent as audio: its first bytes say what it is
        ({"Content-Type": "audio/mpeg"}, b"\n  " + LOGIN_PAGE, " answered a web page (sent as audio/mpeg), not audio"),
        ({"Content-Type": OCTETS}, b"<html>\n<p>parked</p>", f" answered a web page (sent as {OCTETS}), not audio"),
        ({}, b"\xef\xbb\xbf<HTML><BODY>Not found</BODY></HTML>", " answered a web page (sent with no type), not audio"),
        # r46 M8: no bytes at all was "downloaded (0 B)", done, never retried
        ({"Content-Type": "audio/mpeg"}, b"", EMPTY),  # (Content-Length: 0)
        ({"Content-Type": "audio/mpeg", "Transfer-Encoding": "chunked"}, b"0\r\n\r\n", EMPTY),
    ],
)  # fmt: skip
def test_a_web_page_or_nothing_answered_for_an_episode_is_refused_and_stays_retryable(
    db_path, tmp_path, feed_server, headers, body, problem
):
    feed_server.route("/e1.mp3", body=body, headers=headers)
    url = feed_server.url("/e1.mp3")
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, url)
        result = run_queue(library, timeout=5)
        row = library.downloads.get(download_id)
        assert (result.done, result.failed) == (0, 1)
        assert row is not None and row.state == "failed"
        assert row.error == f"{url}{problem}"
        assert not Path(row.path).exists() and not part_path(Path(row.path)).exists()
        feed_server.route("/e1.mp3", body=AUDIO, headers={"Content-Type": "audio/mpeg"})
        assert library.downloads.retry() == 1
        assert run_queue(library, timeout=5).done == 1
    assert Path(row.path).read_bytes() == AUDIO


@pytest.mark.parametrize(
    "headers", [{}, {"Content-Type": "application/octet-stream"}, {"Content-Type": "audio/mpeg"}]
)
def test_audio_with_no_type_or_a_generic_one_is_downloaded(db_path, tmp_path, feed_server, headers):
    # (bytes that start like no page: one that starts with "<" but no HTML tag is kept too)
    body = b"<x-not-html>" + AUDIO
    feed_server.route("/e1.mp3", body=body, headers=headers, drip=0.0)
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, feed_server.url("/e1.mp3"))
        assert run_queue(library, timeout=5).done == 1
        row = library.downloads.get(download_id)
    assert row is not None and Path(row.path).read_bytes() == body


def test_a_page_answered_on_resuming_keeps_what_had_arrived(db_path, tmp_path, feed_server):
    feed_server.route("/e1.mp3", body=LOGIN_PAGE, headers={"Content-Type": "text/html"})
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, feed_server.url("/e1.mp3"))
        path = Path(library.downloads.get(download_id).path)  # type: ignore[union-attr]
        left_by_an_earlier_try(path, AUDIO[:70_000])
        assert run_queue(library, timeout=5).failed == 1
    assert part_path(path).read_bytes() == AUDIO[:70_000]


def test_an_enclosure_the_feed_says_is_a_page_is_downloaded(db_path, tmp_path, feed_server):
    feed_server.route("/notes.html", body=LOGIN_PAGE, headers={"Content-Type": "text/html"})
    with Library.open(db_path) as library:
        link = Link("text/html", feed_server.url("/notes.html"), "enclosure")
        download, _ = queue_enclosure(library, tmp_path, an_article(library), "Notes", link)
        assert run_queue(library, timeout=5).done == 1
    assert Path(download.path).read_bytes() == LOGIN_PAGE


def test_download_says_which_episode_answered_a_page(pod, feed_server, tmp_path):
    feed_server.route("/e1.mp3", body=LOGIN_PAGE, headers={"Content-Type": "text/html"})
    episode = article_id(pod, "Episode 1: Rivers")
    assert pod("download", str(episode)) == 4
    target = tmp_path / "pods" / "Episode 1 Rivers.mp3"
    url = feed_server.url("/e1.mp3")
    assert " ".join(pod.out.split()) == (
        f"queued {target} failed {target}: {url} answered a web page (text/html), not audio; "
        "`newstui download --retry` tries it again"
    )
    assert not target.exists() and not part_path(target).exists()
    [row] = pod.json("downloads")
    assert row["state"] == "failed"


# links with spaces -------------------------------------------------------------------------------


def test_an_enclosure_written_with_spaces_is_kept_and_downloaded(
    db_path, feed_server, config_file, capsys, tmp_path, monkeypatch
):
    monkeypatch.setenv("NEWSTUI_DOWNLOADS", str(tmp_path / "pods"))
    feed = PODCAST.replace("{base}/e1.mp3", "{base}/my episode 1.mp3").replace(
        "<title>Episode 1: Rivers</title>", "<title></title>"
    )
    feed_server.route("/feed", body=feed.format(base=feed_server.base).encode())
    feed_server.route("/my%20episode%201.mp3", body=AUDIO)
    run = Cli(db_path, config_file({"The Pod": "/feed"}), capsys)
    assert run("fetch") == 0, run.err
    episode = next(a["id"] for a in run.json("list") if a["title"].startswith("About rivers"))
    [enclosure] = run.json("show", str(episode))["enclosures"]
    assert enclosure["url"] == feed_server.url("/my%20episode%201.mp3")
    assert run("download", str(episode)) == 0, run.out + run.err
    assert (tmp_path / "pods" / "About rivers.mp3").read_bytes() == AUDIO


def test_a_redirect_to_a_location_with_a_space_is_followed(db_path, tmp_path, feed_server):
    feed_server.route("/e1.mp3", status=302, headers={"Location": "/files/my file.mp3"})
    feed_server.route("/files/my%20file.mp3", body=AUDIO)
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, feed_server.url("/e1.mp3"))
        result = run_queue(library, timeout=5)
        row = library.downloads.get(download_id)
    assert row is not None and (result.done, row.error) == (1, None)
    assert Path(row.path).read_bytes() == AUDIO


# a download whose process was killed -------------------------------------------------------------

GONE = 2**22 + 7  # above Linux's largest process id: no process has it


def left_mid_way(db_path: Path, owner: int) -> int:
    """Episode 1 claimed by process `owner`, 31% arrived, as a killed `download` leaves it."""
    with Library.open(db_path) as library:
        [row] = [d for d in library.downloads.all() if d.title == "Episode 1: Rivers"]
        claimed = library.downloads.claim_next(owner)
        assert claimed is not None and claimed.id == row.id
        library.downloads.progress(row.id, 63_488, len(AUDIO))
    Path(row.path).parent.mkdir(parents=True, exist_ok=True)
    Path(row.part_path).write_bytes(AUDIO[:63_488])  # what had arrived
    return row.id


def test_a_download_whose_process_was_killed_lists_as_queued_with_what_arrived(pod):
    pod("download", str(article_id(pod, "Episode 1: Rivers")), "--later")
    left_mid_way(pod.db, GONE)
    assert pod("downloads") == 0
    [line] = [line for line in pod.out.splitlines() if "Episode 1" in line]
    assert line.split()[:5] == ["1", "queued", "31%", "of", "204.8"]
    [row] = pod.json("downloads")
    assert (row["state"], row["bytes_done"]) == ("queued", 63_488)


def test_a_download_another_running_process_holds_lists_as_downloading(pod):
    pod("download", str(article_id(pod, "Episode 1: Rivers")), "--later")
    with subprocess.Popen(["sleep", "60"]) as other:
        try:
            left_mid_way(pod.db, other.pid)
            [row] = pod.json("downloads")
        finally:
            other.kill()
    assert (row["state"], row["bytes_done"]) == ("downloading", 63_488)


def test_a_read_only_store_lists_a_killed_download_as_queued_and_is_left_as_it_was(pod):
    pod("download", str(article_id(pod, "Episode 1: Rivers")), "--later")
    download_id = left_mid_way(pod.db, GONE)
    read_only = Library(Database(sqlite3.connect(f"{pod.db.as_uri()}?mode=ro", uri=True)))
    try:
        [row] = listed(read_only)
    finally:
        read_only.close()
    assert (row.id, row.state, row.bytes_done) == (download_id, "queued", 63_488)
    with Library.open(pod.db) as library:
        assert library.downloads.get(download_id).state == "downloading"  # type: ignore[union-attr]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="zombies are read from /proc")
def test_a_download_whose_killed_process_is_not_yet_collected_lists_as_queued(pod):
    """A killed process stays a zombie (which signals still reach) until its parent waits for
    it: the download showed 'downloading' meanwhile, for good under a parent that never waits."""
    pod("download", str(article_id(pod, "Episode 1: Rivers")), "--later")
    ended = subprocess.Popen(["true"])
    stat = Path(f"/proc/{ended.pid}/stat")
    while stat.read_bytes().rpartition(b")")[2].split()[0] != b"Z":
        time.sleep(0.01)  # (until it has ended; not collected: nothing waits for it yet)
    try:
        left_mid_way(pod.db, ended.pid)
        [row] = pod.json("downloads")
    finally:
        ended.wait()
    assert row["state"] == "queued"


# deleting files -----------------------------------------------------------------------------------


def test_downloads_delete_deletes_the_file_and_says_so(pod, tmp_path):
    """`x` and `--forget` keep the file; there was no way to delete an episode's file."""
    assert pod("download", str(article_id(pod, "Episode 1: Rivers"))) == 0, pod.err
    target = tmp_path / "pods" / "Episode 1 Rivers.mp3"
    assert target.exists()
    assert pod("downloads", "--delete", "1") == 0, pod.err
    assert pod.out.splitlines()[0] == (
        f"deleted {target} (204.8 KB); download 1 (Episode 1: Rivers) taken off the list"
    )
    assert not target.exists()
    assert pod.json("downloads") == []
    assert pod("downloads", "--delete", "1") == 1
    assert pod.err.strip() == "newstui: no download with number 1"


def test_forget_and_delete_of_one_download_is_refused_and_changes_nothing(pod, tmp_path):
    """User test r34: `downloads --forget 1 --delete 1` forgot it, then said "no download with
    number 1" (rc 1), and the file the user asked to delete stayed."""
    assert pod("download", str(article_id(pod, "Episode 1: Rivers"))) == 0, pod.err
    target = tmp_path / "pods" / "Episode 1 Rivers.mp3"

    assert pod("downloads", "--forget", "1", "--delete", "1") == 1

    assert pod.err.strip() == (
        "newstui: download 1: --forget keeps the file, --delete deletes it: give one of them"
    )
    assert target.exists() and [d["id"] for d in pod.json("downloads")] == [1]


def test_downloads_delete_deletes_what_a_failed_download_kept(pod, feed_server, tmp_path):
    feed_server.route("/e1.mp3", body=AUDIO, ranges=True, cut_after=1000)
    assert pod("download", str(article_id(pod, "Episode 1: Rivers"))) == 4
    part = tmp_path / "pods" / "Episode 1 Rivers.mp3.part"
    assert part.stat().st_size == 1000 and transfer.validator_path(part).exists()
    assert pod("downloads", "--delete", "1") == 0, pod.err
    assert pod.out.startswith(f"deleted {part} (1.0 KB); download 1")
    assert not part.exists() and not transfer.validator_path(part).exists()


def done_download(library: Library, path: Path) -> int:
    """A finished download of `path`, as the store records it."""
    download, _ = library.downloads.queue(
        url=f"http://pod.test/{path.name}",
        path=str(path),
        article_id=None,
        title=path.stem,
        mime="audio/mpeg",
        bytes_total=None,
    )
    library.downloads.finish(download.id, 5)
    return download.id


def test_only_files_newstui_wrote_inside_download_dir_are_ever_deleted(db_path, tmp_path):
    from newstui.downloads import delete_download
    from newstui.errors import NewstuiError

    folder, elsewhere = tmp_path / "pods", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    precious = elsewhere / "precious.mp3"
    precious.write_bytes(b"keep!")
    (folder / "link.mp3").symlink_to(precious)  # a link where an episode was
    (folder / "sub").symlink_to(elsewhere, target_is_directory=True)
    (folder / "dir.mp3").mkdir()
    with Library.open(db_path) as library:
        refused = {
            done_download(library, folder / "link.mp3"): "a symbolic link",
            done_download(library, elsewhere / "precious.mp3"): "outside download_dir",
            done_download(library, folder / "sub" / "precious.mp3"): "outside download_dir",
            done_download(library, folder / ".." / "elsewhere" / "precious.mp3"): "outside",
            done_download(library, folder / "dir.mp3"): "not a regular file",
        }
        for download_id, reason in refused.items():
            with pytest.raises(NewstuiError, match=reason):
                delete_download(library, folder, download_id)
        assert [d.id for d in library.downloads.all()] == list(refused)  # all still listed
    assert precious.read_bytes() == b"keep!"
    assert (folder / "link.mp3").is_symlink() and (folder / "dir.mp3").is_dir()


def test_a_folder_swapped_for_a_link_after_the_check_deletes_nothing_outside(
    db_path, tmp_path, monkeypatch
):
    """Review r30 LOW 7: the path was checked, then deleted by name: a folder swapped for a
    link to elsewhere in between deleted elsewhere's file of that name."""
    import newstui.downloads as downloads
    from newstui.errors import NewstuiError

    folder, elsewhere = tmp_path / "pods", tmp_path / "elsewhere"
    (folder / "season").mkdir(parents=True)
    elsewhere.mkdir()
    (folder / "season" / "ep.mp3").write_bytes(b"episode")
    (elsewhere / "ep.mp3").write_bytes(b"keep!")
    checked = downloads.files_on_disk

    def check_then_swap(download, inside):
        found = checked(download, inside)
        (folder / "season").rename(tmp_path / "moved")
        (folder / "season").symlink_to(elsewhere, target_is_directory=True)
        return found

    monkeypatch.setattr(downloads, "files_on_disk", check_then_swap)
    with Library.open(db_path) as library:
        download_id = done_download(library, folder / "season" / "ep.mp3")
        with pytest.raises(NewstuiError, match=r"; kept, download 1 still listed$"):
            downloads.delete_download(library, folder, download_id)
        assert [d.id for d in library.downloads.all()] == [download_id]
    assert (elsewhere / "ep.mp3").read_bytes() == b"keep!"


def test_downloads_delete_refuses_a_file_outside_download_dir_in_one_line(pod, tmp_path):
    outside = tmp_path / "mine.mp3"
    outside.write_bytes(b"the user's own")
    with Library.open(pod.db) as library:
        download_id = done_download(library, outside)
    assert pod("downloads", "--delete", str(download_id)) == 1
    assert pod.err.strip() == (
        f"newstui: {outside}: outside download_dir ({tmp_path / 'pods'}); kept"
    )
    assert outside.read_bytes() == b"the user's own"
    assert [d["id"] for d in pod.json("downloads")] == [download_id]


def test_a_running_download_that_does_not_stop_is_not_deleted(pod, tmp_path, monkeypatch):
    monkeypatch.setattr("newstui.downloads.STOP_WAIT_SECONDS", 1.0)
    pod("download", str(article_id(pod, "Episode 1: Rivers")), "--later")
    with subprocess.Popen(["sleep", "60"]) as other:  # `newstui download` running elsewhere
        try:
            download_id = left_mid_way(pod.db, other.pid)
            assert pod("downloads", "--delete", str(download_id)) == 1
        finally:
            other.kill()
    assert pod.err.strip() == (
        f"newstui: download {download_id} was asked to stop and has not yet (no data for 1 s); "
        "it stops at its next chunk"
    )
    assert (tmp_path / "pods" / "Episode 1 Rivers.mp3.part").stat().st_size == 63_488


SLOW = bytes(range(256)) * 8  # 2,048 bytes, dripped a byte each 5 ms: about 10 s


def running_in_a_thread(db_path: Path) -> tuple[threading.Thread, list]:
    """`newstui download` working through the queue on its own connection, as another process
    would (the stop reaches it only through the store)."""
    results: list = []

    def work() -> None:
        with Library.open(db_path) as library:
            results.append(run_queue(library, timeout=5))

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread, results


def wait_for_bytes(db_path: Path, download_id: int, at_least: int = 100) -> None:
    """Until the download has stored `at_least` bytes as arrived."""
    deadline = time.monotonic() + 20
    while True:
        with Library.open(db_path) as library:
            row = library.downloads.get(download_id)
        if row is not None and row.state == "downloading" and row.bytes_done >= at_least:
            return
        assert time.monotonic() < deadline, "the download never started"
        time.sleep(0.1)


@pytest.mark.parametrize("then", ["forget", "delete"])
def test_a_running_download_is_stopped_then_forgotten_or_deleted(
    db_path, tmp_path, feed_server, then
):
    """User test r30 M4: x, D and downloads --forget/--delete refused a running download
    ("once it ends"), and the next start resumed it."""
    from newstui.downloads import stop_running

    feed_server.route("/slow.mp3", body=SLOW, drip=0.005)
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, feed_server.url("/slow.mp3"))
    part = tmp_path / "Episode 1.mp3.part"
    thread, results = running_in_a_thread(db_path)
    wait_for_bytes(db_path, download_id)
    with Library.open(db_path) as library:
        started = time.monotonic()
        stopped = stop_running(library, download_id, then)
        took = time.monotonic() - started
        assert stopped is not None and stopped.id == download_id
        assert library.downloads.all() == []
    thread.join(20)
    print(f"stopped in {took:.2f} s")
    assert results and results[0].done == 0 and results[0].failed == 0
    assert part.exists() is (then == "forget")
    assert not (tmp_path / "Episode 1.mp3").exists()


@pytest.mark.parametrize("then", ["forget", "delete"])
def test_a_download_stopped_as_asked_reads_as_running_until_it_is_off_the_list(
    db_path, tmp_path, feed_server, monkeypatch, then
):
    """CI r48 (under load): the stop gave the download back to the queue, then took it off the
    list; `stop_running` polling between the two read 'queued' as ended by itself (None)."""
    import newstui.downloads
    from newstui.downloads import stop_running

    seen: list[str | None] = []
    real_end_stopped = newstui.downloads._end_stopped

    def end_stopped(library, item, then, folder):
        with Library.open(db_path) as other:  # as another process polling would read it
            row = other.downloads.get(item.id)
        seen.append(None if row is None else row.state)
        return real_end_stopped(library, item, then, folder)

    monkeypatch.setattr(newstui.downloads, "_end_stopped", end_stopped)
    feed_server.route("/slow.mp3", body=SLOW, drip=0.005)
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path, feed_server.url("/slow.mp3"))
    thread, results = running_in_a_thread(db_path)
    wait_for_bytes(db_path, download_id)
    with Library.open(db_path) as library:
        assert stop_running(library, download_id, then) is not None
    thread.join(20)
    assert seen == ["downloading"]
    assert results and results[0].gone == 1


def test_downloads_forget_stops_a_running_download_and_keeps_its_part(pod, feed_server, tmp_path):
    feed_server.route("/e1.mp3", body=SLOW, drip=0.005)
    pod("download", str(article_id(pod, "Episode 1: Rivers")), "--later")
    download_id = pod.json("downloads")[0]["id"]
    part = tmp_path / "pods" / "Episode 1 Rivers.mp3.part"
    thread, _ = running_in_a_thread(pod.db)
    wait_for_bytes(pod.db, download_id)
    assert pod("downloads", "--forget", str(download_id)) == 0, pod.err
    thread.join(20)
    assert f"stopped and forgot download {download_id} (Episode 1: Rivers); its file stays: " in (
        pod.out
    )
    assert part.exists() and part.stat().st_size < len(SLOW)


def test_downloads_lists_a_failure_without_its_url_broken_across_lines(
    pod, feed_server, monkeypatch
):
    """User test r30 L6: the error column folded the URL mid-word (`http://127.0.0.1:22462/ep1`
    over `1.mp3: the server closed …`). The row is that download: its error is shown without the
    URL it opens with, as `feeds` shows a feed's errors (`--json` keeps it whole)."""
    feed_server.route("/e1.mp3", body=AUDIO, ranges=True, cut_after=102_400)
    pod("download", str(article_id(pod, "Episode 1: Rivers")))
    monkeypatch.setenv("COLUMNS", "80")
    assert pod("downloads") == 0
    listing = " ".join(pod.out.split())
    assert "failed 50% of 204.8 KB Episode 1: Rivers the server closed the connection" in listing
    assert "127.0.0.1" not in pod.out
    [row] = pod.json("downloads")
    assert row["error"].startswith(feed_server.url("/e1.mp3") + ": the server closed")


def test_downloads_on_a_narrow_terminal_gives_the_file_the_room_and_folds_at_spaces(pod, tmp_path):
    """User test r48 L6: at 60 columns the title kept 30 cells, the file 10, and file names
    folded mid-word ("Entropy.mp / 3"): the title is cut (…) to leave the file its words."""
    pod("download", str(article_id(pod, "Episode 1: Rivers")), "--later")
    with Library.open(pod.db) as library:
        lecture = "Lecture 3 – Thermodynamics, Entropy and the Arrow of Time"
        queue_enclosure(
            library,
            tmp_path / "pods",
            article_id(pod, "Episode 2"),
            lecture,
            Link("audio/mpeg", "http://127.0.0.1:9/lecture3.mp3", "enclosure", 250_000),
        )
    argv = [sys.executable, "-m", "newstui", "--db", str(pod.db), "--config", str(pod.config)]
    env = {**os.environ, "TTY_COMPATIBLE": "1", "COLUMNS": "60"}  # rich's terminal
    with subprocess.Popen(["sleep", "60"]) as other:
        try:
            left_mid_way(pod.db, other.pid)  # (running: the widest state and progress)
            shown = subprocess.run([*argv, "downloads"], env=env, capture_output=True, text=True)
        finally:
            other.kill()
    assert shown.returncode == 0, shown.stderr
    lines = re.sub(r"\x1b\[[0-9;]*m", "", shown.stdout).splitlines()
    assert max(map(len, lines)) <= 60
    words = " ".join(lines).split()
    assert {"Lecture", "Thermodynamics,", "Entropy", "Arrow", "Time.mp3"} <= set(words)
    assert "downloading" in words and "31%" in words
    assert any(line.split()[:2] == ["2", "queued"] and "…" in line for line in lines)


def test_a_download_dir_that_is_a_link_to_another_disk_deletes_its_files(
    db_path, tmp_path, feed_server
):
    """Review r30b MEDIUM 3: with download_dir ~/Podcasts -> /mnt/big/Podcasts, D and
    downloads --delete said 'Not a directory', took the entry off the list and left the file."""
    from newstui.downloads import delete_download

    feed_server.route("/e1.mp3", body=AUDIO)
    (tmp_path / "big").mkdir()
    (tmp_path / "Podcasts").symlink_to(tmp_path / "big")
    folder = tmp_path / "Podcasts"
    with Library.open(db_path) as library:
        download_id = queue_one(library, folder, feed_server.url("/e1.mp3"))
        assert run_queue(library, timeout=5).done == 1
        _, files = delete_download(library, folder, download_id)
        assert library.downloads.all() == []
    assert [f.path.name for f in files] == ["Episode 1.mp3"]
    assert list((tmp_path / "big").iterdir()) == []


def test_a_running_download_in_a_linked_download_dir_is_stopped_and_its_part_deleted(
    db_path, tmp_path, feed_server
):
    """Review r30b MEDIUM 3: stop-and-delete said 'deleted …part' and the .part stayed,
    remembered nowhere (the next episode of that title got NAME (2))."""
    from newstui.downloads import stop_running

    feed_server.route("/slow.mp3", body=SLOW, drip=0.005)
    (tmp_path / "big").mkdir()
    (tmp_path / "Podcasts").symlink_to(tmp_path / "big")
    with Library.open(db_path) as library:
        download_id = queue_one(library, tmp_path / "Podcasts", feed_server.url("/slow.mp3"))
    thread, _ = running_in_a_thread(db_path)
    wait_for_bytes(db_path, download_id)
    with Library.open(db_path) as library:
        assert stop_running(library, download_id, "delete") is not None
    thread.join(20)
    assert list((tmp_path / "big").iterdir()) == []


def test_a_file_that_cannot_be_deleted_keeps_its_download_listed(db_path, tmp_path, feed_server):
    """A folder below download_dir that is a link (pointing inside it, so it passes the
    check): the delete refuses to follow it, and the entry stays listed so D can be tried
    again (it was taken off the list, the file staying, remembered nowhere)."""
    from newstui.downloads import delete_download

    feed_server.route("/e1.mp3", body=AUDIO)
    folder = tmp_path / "pods"
    (folder / "real").mkdir(parents=True)
    (folder / "linked").symlink_to(folder / "real")
    with Library.open(db_path) as library:
        download_id = queue_one(library, folder / "linked", feed_server.url("/e1.mp3"))
        run_queue(library, timeout=5)
        with pytest.raises(NewstuiError, match=f"; kept, download {download_id} still listed$"):
            delete_download(library, folder, download_id)
        assert [d.id for d in library.downloads.all()] == [download_id]
    assert (folder / "real" / "Episode 1.mp3").read_bytes() == AUDIO


def test_a_stopped_downloads_part_that_cannot_be_deleted_is_kept_and_remembered(
    db_path, tmp_path, feed_server
):
    from newstui.downloads import stop_running

    feed_server.route("/slow.mp3", body=SLOW, drip=0.005, ranges=True)
    folder = tmp_path / "pods"
    (folder / "real").mkdir(parents=True)
    (folder / "linked").symlink_to(folder / "real")
    url = feed_server.url("/slow.mp3")
    with Library.open(db_path) as library:
        download_id = queue_one(library, folder / "linked", url)
    said: list = []

    def work() -> None:
        with Library.open(db_path) as library:
            run_queue(library, timeout=5, folder=folder, on_gone=lambda *gone: said.append(gone))

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    wait_for_bytes(db_path, download_id)
    with Library.open(db_path) as library:
        assert stop_running(library, download_id, "delete") is not None
        thread.join(20)
        remembered = library.downloads.forgotten_file(url)
    [(gone, then, problem)] = said
    assert (gone.id, then) == (download_id, "delete")
    assert problem.endswith("; not deleted, kept (d resumes it)")
    assert (folder / "real" / "Episode 1.mp3.part").exists()
    assert remembered == (str(folder / "linked" / "Episode 1.mp3"), None)


@pytest.mark.parametrize("then", ["forget", "delete"])
def test_newstui_download_says_when_another_newstui_stopped_its_download(
    pod, feed_server, tmp_path, then
):
    """Review r30b LOW 5: `newstui download` whose download `downloads --forget/--delete`
    stopped from another process exited 0 with only `queued …` said."""
    from newstui.downloads import stop_running

    feed_server.route("/e1.mp3", body=SLOW, drip=0.005)
    pod("download", str(article_id(pod, "Episode 1: Rivers")), "--later")
    download_id = pod.json("downloads")[0]["id"]

    def stop_it() -> None:
        wait_for_bytes(pod.db, download_id)
        with Library.open(pod.db) as library:
            stop_running(library, download_id, then)

    other = threading.Thread(target=stop_it, daemon=True)
    other.start()
    assert pod("download") == 4
    other.join(20)
    how = "forgotten, its .part kept" if then == "forget" else "its .part deleted"
    assert pod.out.strip() == (
        f"download {download_id} (Episode 1: Rivers) was stopped by another newstui: {how}"
    )


def test_forgetting_several_forgets_the_waiting_ones_though_a_running_one_does_not_stop(
    pod, monkeypatch
):
    """User test r36 M7: `downloads --forget` of 149 with the app downloading took 55 s, each
    number forgotten in turn behind the running one's stop. The waiting ones go in one write
    first; a running download that does not stop in time is the one error, the others gone."""
    monkeypatch.setattr("newstui.downloads.STOP_WAIT_SECONDS", 1.0)
    pod("download", str(article_id(pod, "Episode 1: Rivers")), "--later")
    with subprocess.Popen(["sleep", "60"]) as other:  # `newstui download` running elsewhere
        try:
            running = left_mid_way(pod.db, other.pid)
            pod("download", str(article_id(pod, "Episode 2")), "--later")
            waiting = [d["id"] for d in pod.json("downloads") if d["id"] != running]
            assert waiting
            assert pod("downloads", "--forget", str(running), *map(str, waiting)) == 1
        finally:
            other.kill()
    assert "was asked to stop and has not yet" in pod.err
    assert [d["id"] for d in pod.json("downloads")] == [running]


def test_a_declared_size_past_the_cap_downloads_when_the_disk_has_room(tmp_path):
    """The cap bounds a body sent with no size; an honest larger one (a 4K video episode past
    2 GB) is downloaded, as before r45 (its first H1 fix refused it before a byte)."""
    body = b"\1" * 150
    headers = {"content-type": "video/mp4", "content-length": "150"}
    answer = httpx.Response(200, headers=headers, content=iter([body[:80], body[80:]]))
    target = tmp_path / "e.mp4"
    client = httpx.Client(transport=httpx.MockTransport(lambda request: answer))
    with client:
        got = transfer.fetch_to_file(client, "http://pod.test/e.mp4", target, lambda *a: None, lambda: False, limits=transfer.Limits(cap=100))  # fmt: skip
    assert got == 150 and target.read_bytes() == body
