"""Pilot tests: a click on a link in the reader opens it as `o` and `#` do — the underlined
address under the byline, a `[n]` mark in the text, a line of the Links list — and only a web
link (user test r38 M1: they looked clickable and a click did nothing)."""

from __future__ import annotations

import contextlib
import webbrowser
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newstui.library import Library
from newstui.model import Article, Link

from .conftest import notifications, run_recorded, screen_text, settle
from .test_external_programs import app_with

WHEN = datetime(2024, 11, 30, 12, 0, tzinfo=UTC)
TEXT = "The council report came out today. Write to the desk with questions."


def linked_db(path: Path) -> None:
    """One article with a link of its own, a web link in its text and a mailto: one."""
    with Library.open(path) as library:
        source = library.register_source("https://news.example/feed", "Council News")
        library.save_batch(
            source,
            [
                Article(
                    "Council report out",
                    TEXT,
                    url="https://news.example/council",
                    guid="c1",
                    published=WHEN,
                    links=[
                        Link("council report", "https://council.example/report", "link", offset=18),
                        Link("the desk", "javascript:alert(1)", "link", offset=57),
                    ],
                )
            ],
        )


def where(app, words: str, after: int = 0) -> tuple[int, int]:
    """The screen cell (x, y) where `words` are drawn, on a line at or below `after`."""
    for y, line in enumerate(screen_text(app).splitlines()):
        if y >= after and words in line:
            return line.index(words), y
    raise AssertionError(f"{words!r} not on the screen:\n{screen_text(app)}")


@contextlib.asynccontextmanager
async def reading_linked(tmp_path, monkeypatch):
    """The app reading the linked article; the addresses the browser is asked to open."""
    db = tmp_path / "links.db"
    linked_db(db)
    monkeypatch.delenv("BROWSER", raising=False)
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    app, _ = app_with(db, tmp_path, monkeypatch)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        yield app, pilot, opened


async def opened_by_click(tmp_path, monkeypatch, words: str, *, into: int = 1, chain: int = 1):
    async with reading_linked(tmp_path, monkeypatch) as (app, pilot, opened):
        x, y = where(app, words)
        await pilot.click(offset=(x + into, y), times=chain)
        await settle(pilot)
        warnings = [n.message for n in notifications(app) if n.severity == "warning"]
    return opened, warnings


@pytest.mark.parametrize(
    ("words", "into", "url"),
    [
        ("https://news.example/council", 3, "https://news.example/council"),  # under the byline
        ("report[1]", 7, "https://council.example/report"),  # the mark in the text
        ("[1] council report", 12, "https://council.example/report"),  # its line under Links
    ],
)
async def test_a_click_on_a_link_opens_it_in_the_browser(tmp_path, monkeypatch, words, into, url):
    opened, _ = await opened_by_click(tmp_path, monkeypatch, words, into=into)
    assert opened == [url]


async def test_a_click_on_a_link_that_is_not_http_opens_nothing(tmp_path, monkeypatch):
    opened, warnings = await opened_by_click(tmp_path, monkeypatch, "[2] the desk")
    assert opened == []
    assert "That link is not a web link." in warnings


async def test_a_click_beside_the_links_opens_nothing(tmp_path, monkeypatch):
    opened, _ = await opened_by_click(tmp_path, monkeypatch, "came out today")
    assert opened == []


async def test_a_double_click_on_a_link_selects_and_opens_it_once(tmp_path, monkeypatch):
    opened, _ = await opened_by_click(tmp_path, monkeypatch, "[1] council report", chain=2)
    assert opened == ["https://council.example/report"]
