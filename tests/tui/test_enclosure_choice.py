"""Pilot tests: `d` on an article with many enclosures (an audiobook's 30 parts) takes a number
of two digits, `a` queues them all, and the choice box keeps its keys' line in view at 60x20
(user test r36 L5)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from newstui.library import Library
from newstui.model import Article, Link
from newstui.tui.screens.enclosure_choice import EnclosureChoiceScreen

from .conftest import notifications, run_recorded, screen_text, settle, until
from .test_external_programs import app_with

if TYPE_CHECKING:
    from ..conftest import FeedServer

PARTS = 30


def audiobook_db(path: Path, server: FeedServer) -> int:
    """One article with 30 enclosures, part01.mp3 … part30.mp3, each served."""
    for part in range(1, PARTS + 1):
        server.route(f"/part{part:02d}.mp3", body=f"part {part}".encode())
    with Library.open(path) as library:
        source = library.register_source(server.url("/feed"), "Books", url=server.url("/feed"))
        links = [
            Link("audio/mpeg", server.url(f"/part{part:02d}.mp3"), "enclosure", 7, 60)
            for part in range(1, PARTS + 1)
        ]
        published = datetime(2024, 11, 30, tzinfo=UTC)
        library.save_batch(
            source,
            [Article("The Long Book", "Read aloud.", guid="b", published=published, links=links)],
        )
        return library.articles()[0].id


def queued_urls(path: Path, article_id: int) -> set[str]:
    with Library.open(path) as library:
        return {d.url.rsplit("/", 1)[1] for d in library.downloads.all(article_id)}


async def open_choice(pilot) -> None:
    await settle(pilot)
    await pilot.press("d")
    await settle(pilot)
    assert isinstance(pilot.app.screen, EnclosureChoiceScreen)


async def test_a_number_of_two_digits_chooses_that_enclosure(tmp_path, monkeypatch, feed_server):
    """2 then 5 queues part 25 (it queued part 2, and the 5 went on to the app)."""
    db = tmp_path / "pod.db"
    article = audiobook_db(db, feed_server)
    app, _ = app_with(db, tmp_path, monkeypatch, download_dir=str(tmp_path / "pods"))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await open_choice(pilot)
        assert "Enter or 1–30" in screen_text(app)
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, EnclosureChoiceScreen)  # 2 or 20–29: it waits
        assert "E2…: Enter, or a digit more    Esc: cancel" in screen_text(app)
        await pilot.press("5")
        # named by its number: which part a file is shows in its name (user test r38 L5)
        await until(pilot, lambda: (tmp_path / "pods" / "The Long Book E25.mp3").exists())
        assert (tmp_path / "pods" / "The Long Book E25.mp3").read_bytes() == b"part 25"
        assert queued_urls(db, article) == {"part25.mp3"}
        assert not isinstance(app.screen, EnclosureChoiceScreen)


async def test_a_digit_then_enter_chooses_that_number(tmp_path, monkeypatch, feed_server):
    db = tmp_path / "pod.db"
    article = audiobook_db(db, feed_server)
    app, _ = app_with(db, tmp_path, monkeypatch, download_dir=str(tmp_path / "pods"))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await open_choice(pilot)
        await pilot.press("3", "enter")  # 3, not 30–: the first line highlighted is not taken
        await until(pilot, lambda: bool(queued_urls(db, article)))
        assert queued_urls(db, article) == {"part03.mp3"}
        # the choice says which is downloaded, as the reader does (user test r42 L11)
        done = "Downloaded The Long Book E3"
        await until(pilot, lambda: done in [n.message for n in notifications(app)])
        await open_choice(pilot)
        lines = screen_text(app).splitlines()
        assert any("E3." in line and "· downloaded" in line for line in lines)
        assert not any("E4." in line and "downloaded" in line for line in lines)


async def test_a_queues_every_enclosure_of_the_article(tmp_path, monkeypatch, feed_server):
    db = tmp_path / "pod.db"
    article = audiobook_db(db, feed_server)
    app, _ = app_with(db, tmp_path, monkeypatch, download_dir=str(tmp_path / "pods"))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await open_choice(pilot)
        assert "a: all 30" in screen_text(app)
        await pilot.press("a")
        await until(pilot, lambda: len(queued_urls(db, article)) == PARTS)
        said = "Queued 30 enclosures (L: downloads)"
        await until(pilot, lambda: said in [n.message for n in notifications(app)])
        assert not isinstance(app.screen, EnclosureChoiceScreen)
        # the first one named as it lands, the other 29 once, as the queue ends (it said
        # "Downloaded The Long Book" 30 times)
        more = "Downloaded 29 more files (L: downloads)"
        await until(pilot, lambda: more in [n.message for n in notifications(app)])
        await until(pilot, lambda: len(list((tmp_path / "pods").iterdir())) == PARTS)
        await settle(pilot)
        landed = [n.message for n in notifications(app) if n.message.startswith("Downloaded")]
        assert len(landed) == 2 and landed[1] == more
        assert landed[0].startswith("Downloaded The Long Book E")
    # each file named by its enclosure's number, as the reader lists them (they were "The
    # Long Book (2).mp3" … in download order: user test r38 L5)
    files = {p.name: p.read_bytes() for p in (tmp_path / "pods").iterdir()}
    assert files == {f"The Long Book E{n}.mp3": f"part {n}".encode() for n in range(1, PARTS + 1)}


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_the_choice_shows_its_keys_on_a_small_screen(
    tmp_path, monkeypatch, feed_server, size
):
    db = tmp_path / "pod.db"
    audiobook_db(db, feed_server)
    app, _ = app_with(db, tmp_path, monkeypatch, download_dir=str(tmp_path / "pods"))
    async with run_recorded(app, size=size) as pilot:
        await open_choice(pilot)
        shown = screen_text(app)
        assert "Enter or 1–30: choose" in shown
        assert "E1. audio/mpeg" in shown


async def test_a_number_the_list_has_not_is_said_and_chooses_nothing(
    tmp_path, monkeypatch, feed_server
):
    """3 then 5 (no E35 of 30) is said in the box, and Enter queues nothing: it dropped the 5
    without a word and queued part 3 (review r37 PD1). Backspace then takes the 5 back."""
    db = tmp_path / "pod.db"
    article = audiobook_db(db, feed_server)
    app, _ = app_with(db, tmp_path, monkeypatch, download_dir=str(tmp_path / "pods"))
    async with run_recorded(app, size=(80, 24)) as pilot:
        await open_choice(pilot)
        await pilot.press("3", "5")
        await settle(pilot)
        assert "No E35: type 1–30" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EnclosureChoiceScreen)
        assert queued_urls(db, article) == set()
        await pilot.press("backspace")
        await settle(pilot)
        assert "E3…: Enter, or a digit more" in screen_text(app)
        await pilot.press("enter")
        await until(pilot, lambda: bool(queued_urls(db, article)))
        assert queued_urls(db, article) == {"part03.mp3"}


async def test_after_a_number_the_list_has_not_a_digit_starts_another(
    tmp_path, monkeypatch, feed_server
):
    db = tmp_path / "pod.db"
    article = audiobook_db(db, feed_server)
    app, _ = app_with(db, tmp_path, monkeypatch, download_dir=str(tmp_path / "pods"))
    async with run_recorded(app, size=(80, 24)) as pilot:
        await open_choice(pilot)
        await pilot.press("0")
        await settle(pilot)
        assert "No E0: type 1–30" in screen_text(app)
        await pilot.press("2", "5")  # 25, not 025
        await until(pilot, lambda: bool(queued_urls(db, article)))
        assert queued_urls(db, article) == {"part25.mp3"}
