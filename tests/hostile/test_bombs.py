"""Hostile servers: decompression bombs in every coding, through the feed and the full-text paths.

Each bomb is refused with the size error, and the process grows by far less than 50 MB
(measured as the peak resident size, VmHWM, of a child process).
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import zlib
from pathlib import Path

import brotli
import pytest

from newstui.config import load_config
from newstui.errors import SourceError
from newstui.ingest.pipeline import fetch_feeds
from newstui.library import Library
from newstui.sources.http import Fetcher, FetchLimits

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"
BR = (HOSTILE / "zeros-1gib.br").read_bytes()  # 841 bytes of brotli → 1 GiB of zeros
GZ_GZ = (HOSTILE / "zeros-1gib.gz.gz").read_bytes()  # gzip of a gzip → 1 MB → 1 GiB
GZ = gzip.decompress(GZ_GZ)
RAW_DEFLATE = GZ[10:-8]  # the deflate stream inside the gzip member (no optional header fields)
ZLIB_DEFLATE = b"\x78\xda" + RAW_DEFLATE + b"\0\0\0\0"  # wrapper; the checksum is never reached
MB = 1024 * 1024
LIMIT = 50 * MB  # most a bomb may grow the process by
# the refusal names the setting that lifts it, as the declared-size one does (r31 L9)
TOO_LARGE = "response larger than 10,000,000 bytes (the limit is max_bytes in [settings])"

# name → (Content-Encoding, body)
BOMBS: dict[str, tuple[str, bytes]] = {
    "br": ("br", BR),
    "gzip": ("gzip", GZ),
    "x-gzip": ("x-gzip", GZ),
    "deflate": ("deflate", ZLIB_DEFLATE),
    "raw-deflate": ("deflate", RAW_DEFLATE),
    "gzip-gzip": ("gzip, gzip", GZ_GZ),
    "br-in-gzip": ("br, gzip", gzip.compress(BR)),
    "gzip-in-br": ("gzip, br", brotli.compress(GZ, quality=5)),
    "deflate-in-gzip": ("deflate, gzip", gzip.compress(ZLIB_DEFLATE)),
    "multi-member": ("gzip", gzip.compress(b"<rss>") + GZ),
}


def serve_bombs(feed_server, content_type: str = "application/rss+xml") -> None:
    for name, (encoding, body) in BOMBS.items():
        feed_server.route(
            f"/bomb/{name}",
            body=body,
            headers={"Content-Type": content_type, "Content-Encoding": encoding},
        )


@pytest.mark.parametrize("name", list(BOMBS))
async def test_every_bomb_is_refused_with_the_size_error(feed_server, name):
    serve_bombs(feed_server)
    async with Fetcher(FetchLimits(timeout=30)) as fetcher:
        with pytest.raises(SourceError, match=f"{re.escape(TOO_LARGE)}$"):
            await fetcher.fetch(feed_server.url(f"/bomb/{name}"))


async def test_a_body_that_does_not_decode_as_declared_is_one_clear_error(feed_server):
    feed_server.route("/lies", body=b"plain text, not gzip", headers={"Content-Encoding": "gzip"})
    async with Fetcher(FetchLimits(timeout=5)) as fetcher:
        with pytest.raises(SourceError, match="could not be decoded"):
            await fetcher.fetch(feed_server.url("/lies"))


async def test_compressed_bytes_that_decode_to_nothing_are_capped_too(feed_server):
    # gzip members of nothing: never any output, so only the raw byte count can stop it
    empty = zlib.compressobj(9, zlib.DEFLATED, 31)
    member = empty.compress(b"") + empty.flush()
    # dripped: no Content-Length, so the raw count is what refuses it (with a length declared,
    # the declared-size refusal came first and this count went untested)
    feed_server.route(
        "/empty", body=member * 100, headers={"Content-Encoding": "gzip"}, drip=0.0001
    )
    async with Fetcher(FetchLimits(timeout=30, max_bytes=1_000)) as fetcher:
        with pytest.raises(SourceError) as caught:
            await fetcher.fetch(feed_server.url("/empty"))
    assert str(caught.value) == (
        f"{feed_server.url('/empty')}: response larger than 1,000 bytes "
        "(the limit is max_bytes in [settings])"
    )


async def test_a_feed_that_is_a_bomb_is_recorded_as_too_large_and_others_still_arrive(
    db, feed_server, config_file
):
    serve_bombs(feed_server)
    feed_server.route(
        "/ok",
        body=b"<rss version='2.0'><channel><title>OK</title><item><title>Fine</title>"
        b"<guid>1</guid><description>Fine story.</description></item></channel></rss>",
        headers={"Content-Type": "application/rss+xml", "Content-Encoding": "identity"},
    )
    feeds = {name: f"/bomb/{name}" for name in BOMBS} | {"Fine feed": "/ok"}
    config = load_config(config_file(feeds))

    outcomes = {o.name: o for o in await fetch_feeds(Library(db), config, analyse=False)}

    for name in BOMBS:
        assert outcomes[name].error == f"{name}: {TOO_LARGE}"
    assert outcomes["Fine feed"].new == 1


async def test_a_feed_item_linking_to_a_bomb_page_records_the_size_error_and_keeps_the_summary(
    db, feed_server, config_file
):
    serve_bombs(feed_server, content_type="text/html")
    items = "".join(
        f"<item><title>Story {n}</title><link>{feed_server.url(f'/bomb/{n}')}</link>"
        f"<guid>{n}</guid><description>Summary of {n}.</description></item>"
        for n in BOMBS
    )
    feed_server.route(
        "/feed",
        body=f"<rss version='2.0'><channel><title>T</title>{items}</channel></rss>".encode(),
    )
    config = load_config(config_file({"Links to bombs": "/feed"}, fulltext="auto"))

    library = Library(db)
    [outcome] = await fetch_feeds(library, config, analyse=False)

    assert outcome.new == len(BOMBS) and outcome.fulltext_failed == len(BOMBS)
    for row in library.articles(limit=100):
        stored = library.article(row.id)
        assert stored is not None
        assert stored.fulltext_error == f"{row.url}: {TOO_LARGE}"
        assert stored.text.startswith("Summary of")


# The child fetches a normal gzip response first (imports, client, buffers all warm), takes its
# peak resident size as the baseline, then fetches every bomb: first through the fetcher, then
# through a whole `newstui fetch` of a feed that is a bomb and of a feed whose items link to them.
PEAK_GROWTH = r"""
import asyncio, json, sys
from newstui.cli.main import main
from newstui.errors import SourceError
from newstui.sources.http import Fetcher, FetchLimits

def peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024

async def run(base, names):
    results = {}
    async with Fetcher(FetchLimits(timeout=60)) as fetcher:
        await fetcher.fetch(base + "/warm")
        baseline = peak()
        for name in names:
            try:
                await fetcher.fetch(base + "/bomb/" + name)
                error = None
            except SourceError as exc:
                error = str(exc)
            results[name] = (error, peak() - baseline)
    return results

base, db, warm_config, bomb_config, *names = sys.argv[1:]
results = asyncio.run(run(base, names))
main(["--db", db, "--config", warm_config, "fetch"])
baseline = peak()
status = main(["--db", db, "--config", bomb_config, "fetch", "--json"])
results["newstui fetch"] = (status, peak() - baseline)
print(json.dumps(results))
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="measures VmHWM in /proc")
def test_no_bomb_grows_the_process_by_50_mb(feed_server, tmp_path, config_file):
    serve_bombs(feed_server)
    page = b"<html><body><article>" + b"<p>Plain words in a page.</p>" * 300 + b"</article>"
    feed_server.route("/warm", body=page * 20, headers={"Content-Type": "text/html"}, gzip=True)
    items = "".join(
        f"<item><title>Story {n}</title><link>{feed_server.url(link)}</link>"
        f"<guid>{n}</guid><description>Summary of {n}.</description></item>"
        for n, link in [("warm", "/warm")] + [(n, f"/bomb/{n}") for n in BOMBS]
    )
    feed_server.route(
        "/links",
        body=f"<rss version='2.0'><channel><title>T</title>{items}</channel></rss>".encode(),
    )
    warm_items = items.split("</item>")[0] + "</item>"
    feed_server.route(
        "/warm-feed",
        body=f"<rss version='2.0'><channel><title>W</title>{warm_items}</channel></rss>".encode(),
    )
    warm_config = config_file({"Warm": "/warm-feed"}, fulltext="auto")
    warm_config = warm_config.rename(tmp_path / "warm.toml")
    bomb_config = config_file({"Links": "/links", "Bomb": "/bomb/br"}, fulltext="auto")

    child = subprocess.run(
        [
            sys.executable,
            "-c",
            PEAK_GROWTH,
            feed_server.base,
            str(tmp_path / "db.sqlite"),
            str(warm_config),
            str(bomb_config),
            *BOMBS,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert child.returncode == 0, child.stderr
    results = json.loads(child.stdout.strip().splitlines()[-1])
    for name in BOMBS:
        error, growth = results[name]
        assert error and error.endswith(TOO_LARGE), (name, error)
        assert growth < LIMIT, f"{name}: grew by {growth / MB:.0f} MB"
    _, growth = results["newstui fetch"]
    assert f'"error": "{TOO_LARGE}"' in child.stdout  # (the object's "source" names Bomb)
    assert f'"fulltext_failed": {len(BOMBS)}' in child.stdout
    assert growth < LIMIT, f"newstui fetch: grew by {growth / MB:.0f} MB"
