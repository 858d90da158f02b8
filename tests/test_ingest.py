"""The ingest pipeline with a fake fetcher: no server, each URL answers what the test says."""

from __future__ import annotations

import asyncio
from pathlib import Path

from fake_fetcher import FakeFetcher

from newstui.config import load_config
from newstui.errors import SourceError
from newstui.ingest import fetch_feeds
from newstui.library import Library
from newstui.model import ArticleFilter

FEEDS = Path(__file__).parent / "data" / "feeds"


def write_config(tmp_path: Path, feeds: dict[str, str]) -> Path:
    lines = ["[settings]", "fulltext = false", 'extractor = "none"']
    for name, url in feeds.items():
        lines += ["", "[[feeds]]", f'name = "{name}"', f'url = "{url}"']
    path = tmp_path / "feeds.toml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_a_broken_feed_is_reported_and_the_others_are_stored(tmp_path: Path) -> None:
    fake = FakeFetcher(
        pages={
            "https://good.example/rss": (FEEDS / "rss2.xml").read_bytes(),
            "https://down.example/rss": SourceError("https://down.example/rss: timed out"),
        }
    )
    config = load_config(
        write_config(
            tmp_path, {"Good": "https://good.example/rss", "Down": "https://down.example/rss"}
        )
    )
    with Library.open(tmp_path / "n.db") as library:
        outcomes = asyncio.run(fetch_feeds(library, config, open_fetcher=fake))
        by_name = {o.name: o for o in outcomes}
        assert by_name["Good"].new == 3 and by_name["Good"].error is None
        assert by_name["Down"].error == "Down: timed out"
        down = library.find_source("Down")
        assert down is not None and library.count(ArticleFilter(feed_id=down)) == 0
        assert {s.name: s.last_error for s in library.sources()}["Down"] == "Down: timed out"


def test_a_feed_answering_not_modified_is_not_parsed_again(tmp_path: Path) -> None:
    url = "https://etag.example/rss"
    fake = FakeFetcher(pages={url: (FEEDS / "rss2.xml").read_bytes()}, etags={url: '"v1"'})
    config = load_config(write_config(tmp_path, {"Tagged": url}))
    with Library.open(tmp_path / "n.db") as library:
        [first] = asyncio.run(fetch_feeds(library, config, open_fetcher=fake))
        [again] = asyncio.run(fetch_feeds(library, config, open_fetcher=fake))
    assert first.new == 3
    assert again.not_modified and again.new == 0
    assert fake.requests == [(url, None), (url, '"v1"')]
