"""Pilot tests: the headline list marks an article with an enclosure (♪ before its title; ♪✓
once downloaded), the reader numbers enclosures E1… apart from the links [1]… (user test r36
L4), and the footer offers the keys that apply: d and P on an episode, f on a teaser (r42 M3)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newstui.downloads import queue_enclosure
from newstui.library import Library
from newstui.model import Article, Link

from .conftest import run_recorded, screen_text, settle
from .test_external_programs import app_with

WHEN = datetime(2024, 11, 30, 12, 0, tzinfo=UTC)


def episodes_db(path: Path) -> None:
    """A feed of one episode with show notes linking a page, and one plain post."""
    with Library.open(path) as library:
        source = library.register_source("https://pod.example/feed", "Mixed Pod")
        library.save_batch(
            source,
            [
                Article(
                    "Episode 7: Tides",
                    "See the agency for more.",
                    guid="e7",
                    published=WHEN,
                    links=[
                        Link("the agency", "https://e.example/agency", "link", offset=14),
                        Link("audio/mpeg", "https://pod.example/e7.mp3", "enclosure", 2048, 600),
                    ],
                ),
                Article(
                    "A plain post",
                    "No audio here. Read more…",
                    guid="p1",
                    url="https://pod.example/post",
                    published=WHEN.replace(day=29),
                ),
                Article(
                    "Episode 6: Dunes",
                    "Sand.",
                    guid="e6",
                    published=WHEN.replace(day=28),
                    links=[Link("audio/mpeg", "https://pod.example/e6.mp3", "enclosure", 9, 60)],
                ),
            ],
        )
        [six] = [row.id for row in library.articles() if row.title.startswith("Episode 6")]
        queue_enclosure(library, path.parent, six, "Ep 6", Link("", "https://pod.example/e6.mp3"))
        [download] = library.downloads.all(six)
        library.downloads.finish(download.id, 9)
    Path(download.path).write_bytes(b"nine byte")


EPISODE = Link("audio/mpeg", "https://pod.example/e.mp3", "enclosure")


@pytest.mark.parametrize(
    ("summary", "links", "fulltext", "keys"),
    [
        ("A short summary.", (), "auto", ("f",)),  # a page "auto" may fetch (or failed to)
        ("A short summary.", (), False, ()),  # `fulltext = false`: f stood on every article
        ("A short teaser. Read more…", (), False, ("f",)),
        ("Show notes.", (EPISODE,), "auto", ("d", "P")),  # an episode's notes: d and P only
        ("Show notes. Continue reading", (EPISODE,), "auto", ("d", "P", "f")),
    ],
)
def test_the_footer_offers_f_where_a_page_is_wanted(summary, links, fulltext, keys):
    from newstui.model import Analysis, ArticleDetail, ArticleRow, StoredArticle
    from newstui.tui.screens.podcast_actions import keys_for_article

    row = ArticleRow(1, 1, "Feed", "T", "https://e.example/t", None, None, "2026", False, False)
    detail = ArticleDetail(StoredArticle(row, "", summary, links), Analysis(), ())
    ids = {"article.download": "d", "article.play": "P", "article.fetch_fulltext": "f"}
    assert tuple(ids[k] for k in keys_for_article(detail, fulltext)) == keys


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
async def test_an_episode_is_marked_in_the_headlines(tmp_path, monkeypatch, size):
    db = tmp_path / "pod.db"
    episodes_db(db)
    app, _ = app_with(db, tmp_path, monkeypatch)
    async with run_recorded(app, size=size) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "♪ Episode 7: Tides" in shown
        assert "♪ A plain post" not in shown and "A plain post" in shown
        assert "♪✓ Episode 6: Dunes" in shown  # downloaded


async def test_the_reader_numbers_enclosures_apart_from_links(tmp_path, monkeypatch):
    db = tmp_path / "pod.db"
    episodes_db(db)
    app, _ = app_with(db, tmp_path, monkeypatch)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        shown = screen_text(app)
        assert "See the agency[1] for more." in shown
        assert "[E1] audio/mpeg · 2.0 KB · 10:00 https://pod.example/e7.mp3" in shown
        assert "[1] the agency https://e.example/agency" in shown
        assert shown.count("[1]") == 2  # the marker in the text and its line under Links
        footer = shown.splitlines()[-1]
        assert "d Download" in footer and "P Play" in footer
        assert "f Full text" not in footer  # (no link to fetch)
        await pilot.press("h", "j")  # the teaser
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "f Full text" in footer and "d Download" not in footer
        [download] = await app.library.read(lambda library: library.downloads.all())
        Path(download.path).unlink()  # deleted outside newstui: shown, it is no longer marked
        await pilot.press("j")
        await settle(pilot)
        shown = screen_text(app)
        assert "♪ Episode 6: Dunes" in shown and "downloaded:" not in shown
        assert await app.library.read(lambda library: library.downloads.all()) == []
