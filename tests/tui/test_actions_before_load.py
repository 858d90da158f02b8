"""Pilot tests: v, |, # and d typed before the article under the cursor has loaded (`j v` in one
burst, or a busy machine) wait for it and then run; moving to another article first drops them.
They said "The article is still loading." and dropped the key."""

from __future__ import annotations

import threading

import pytest

from newstui.library import Library
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.command_prompt import CommandScreen

from .conftest import notifications, run_recorded, settle, until
from .test_external_programs import app_with, calls, program
from .test_navigation import flags
from .test_podcasts import podcast_app, podcast_db


class HeldDetail:
    """`Library.detail` that holds on the article `hold` until released."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.hold: int | None = None
        self.held, self.release = threading.Event(), threading.Event()
        real = Library.detail

        def detail(library: Library, article_id: int) -> object:
            if article_id == self.hold:
                self.held.set()
                self.release.wait(120)  # (a bound: only a broken test would wait that long)
            return real(library, article_id)

        monkeypatch.setattr(Library, "detail", detail)


async def cursor_on_held(pilot, held: HeldDetail, article_id: int) -> None:
    """Once the app settled, the cursor down to the article `article_id` (the fourth row), whose
    detail is then held."""
    await settle(pilot)
    held.hold = article_id
    await pilot.press("j", "j", "j")
    await until(pilot, held.held.is_set)


@pytest.fixture
def paging(db_path, tmp_path, monkeypatch):
    """Details held on demand, and the app with a pager that records what it was given."""
    held = HeldDetail(monkeypatch)
    pager = program(tmp_path, "mypager")
    app, suspended = app_with(db_path, tmp_path, monkeypatch, pager=str(pager))
    return held, app, suspended


def said(app) -> list[str]:
    return [n.message for n in notifications(app)]


async def waited(pilot, condition, what: str) -> None:
    """`until`, whose failure says what it waited for, where the cursor and the reader were and
    what the app said (r31's full run failed here once with only "timed out waiting")."""
    try:
        await until(pilot, condition)
    except AssertionError:
        main = pilot.app.main
        row, detail = main.headlines.selected, main.detail
        where = f"cursor on {row.title if row else None!r}, reader on "
        where += repr(detail.article.row.title if detail else None)
        raise AssertionError(
            f"timed out waiting for {what}: {where}; said {said(pilot.app)}"
        ) from None


async def test_v_typed_before_the_article_loads_pages_it_once_it_has(paging, ids, tmp_path):
    held, app, suspended = paging
    async with run_recorded(app, size=(120, 40)) as pilot:
        await cursor_on_held(pilot, held, ids["kremlin"])
        await pilot.press("v")
        await pilot.pause()
        assert suspended == [] and calls(tmp_path, "mypager") == []  # not yet: still loading
        held.release.set()
        await settle(pilot)
        assert suspended == ["in", "out"]
        [call] = calls(tmp_path, "mypager")
        assert call["files"][0].startswith("Kremlin repeats its warning on Syria")
        assert not any("still loading" in text for text in said(app))


async def test_a_key_waiting_for_its_article_is_dropped_when_the_cursor_moves_on(
    paging, ids, tmp_path
):
    held, app, suspended = paging
    async with run_recorded(app, size=(120, 40)) as pilot:
        await cursor_on_held(pilot, held, ids["kremlin"])
        await pilot.press("v", "j")  # asked for the Kremlin article, then left it
        held.release.set()
        await settle(pilot)
        assert suspended == [] and calls(tmp_path, "mypager") == []
        await pilot.press("k")  # back on it: the dropped key does not come back
        await settle(pilot)
        assert calls(tmp_path, "mypager") == []


async def test_pipe_and_link_number_typed_before_the_article_loads_run_once_it_has(
    db_path, ids, tmp_path, monkeypatch
):
    held = HeldDetail(monkeypatch)
    app, _ = app_with(db_path, tmp_path, monkeypatch)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await cursor_on_held(pilot, held, ids["kremlin"])
        await pilot.press("vertical_line")
        await pilot.pause()
        assert app.screen is app.main
        held.release.set()
        await settle(pilot)
        assert isinstance(app.screen, CommandScreen)
        assert app.screen.query_one("#command-box").border_title == "Pipe the article to"
        await pilot.press("escape")
        await settle(pilot)
        held.hold, held.release = ids["seed"], threading.Event()
        held.held.clear()
        await pilot.press("g")
        await until(pilot, held.held.is_set)
        await pilot.press("number_sign")
        await pilot.pause()
        assert said(app) == []
        held.release.set()
        await settle(pilot)
        assert said(app) == ["This article has no links."]  # what # says of the loaded article


async def test_d_typed_before_the_episode_loads_downloads_it_once_it_has(
    tmp_path, monkeypatch, feed_server
):
    db = tmp_path / "pod.db"
    episodes = podcast_db(db, feed_server)
    held = HeldDetail(monkeypatch)
    app, _ = podcast_app(tmp_path, monkeypatch, db)
    target = tmp_path / "pods" / "Episode 1 Rivers.mp3"
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        held.hold = episodes["Episode 1: Rivers"]
        await pilot.press("k")
        await waited(pilot, held.held.is_set, "Episode 1's detail to be asked for")
        await pilot.press("d")
        held.release.set()
        await waited(pilot, target.exists, f"{target.name} to be downloaded")
        await settle(pilot)
        assert any(text.startswith("Queued Episode 1 Rivers.mp3") for text in said(app))


async def test_enter_before_the_article_loads_is_dropped_when_the_cursor_moves_on(
    db_path, ids, monkeypatch
):
    """Enter on an article still loading, then back to the list and away: passing over it
    later did not open it, yet marked it read."""
    held = HeldDetail(monkeypatch)
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await cursor_on_held(pilot, held, ids["kremlin"])
        await pilot.press("enter", "h", "k")  # asked to read it, then went back and up
        held.release.set()
        await settle(pilot)
        await pilot.press("j")  # over it again, in the list
        await settle(pilot)
        assert app.main.headlines.selected.id == ids["kremlin"]
        assert flags(db_path, ids["kremlin"])[0] is False
        assert app.main.headlines.selected.read is False
