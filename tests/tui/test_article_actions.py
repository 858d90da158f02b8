"""Pilot tests: read/star marks (written at once), mark all, next/previous unread, open link."""

from __future__ import annotations

import webbrowser

from newstui.tui.app import NewstuiApp

from .conftest import notifications, run_recorded, settle
from .test_navigation import flags


async def test_m_toggles_read_and_writes_it_at_once(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        assert flags(db_path, ids["seed"])[0] is True
        assert app.main.headlines.selected.read is True
        await pilot.press("m")
        await settle(pilot)
        assert flags(db_path, ids["seed"])[0] is False
        assert app.main.headlines.selected.read is False


async def test_s_toggles_the_star_and_the_starred_view_shows_it(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "s")
        await settle(pilot)
        assert flags(db_path, ids["inject"])[1] is True
        assert app.main.headlines.selected.starred is True
        await pilot.press("h", "j", "j", "enter")  # sources: Starred
        await settle(pilot)
        assert app.main.headlines.total == 1
        assert app.main.headlines.selected.id == ids["inject"]
        await pilot.press("s")
        await settle(pilot)
        assert flags(db_path, ids["inject"])[1] is False


async def test_state_survives_quitting_right_after_a_change(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s", "Q")
    assert flags(db_path, ids["seed"]) == (False, True)


async def test_A_marks_every_article_in_the_view_read(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"briefing", "enter")
        await settle(pilot)
        assert app.main.headlines.total == 20
        await pilot.press("A")
        await settle(pilot)
        assert all(row.read for _, row in app.main.headlines.loaded_rows())
        assert flags(db_path, ids["seed"])[0] is False  # outside the view: untouched
        assert any(
            n.message.startswith("Marked 20 articles in ") and " read." in n.message
            for n in notifications(app)
        )


async def test_n_and_p_jump_to_the_next_and_previous_unread(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("m", "j", "m", "j", "m")  # read rows 0, 1, 2
        await settle(pilot)
        await pilot.press("g", "n")
        await settle(pilot)
        assert app.main.headlines.cursor == 3
        assert app.main.headlines.selected.id == ids["kremlin"]
        await pilot.press("j", "j", "p")
        await settle(pilot)
        assert app.main.headlines.cursor == 4
        last_unread = max(i for i, row in app.main.headlines.loaded_rows() if not row.read)
        assert last_unread > 4
        await pilot.press("g", "p")  # none before the first row: from the last up (newsboat)
        await settle(pilot)
        assert app.main.headlines.cursor == last_unread


async def test_n_while_reading_opens_and_marks_the_next_unread(db_path, ids):
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.main.headlines.cursor == 1
        assert flags(db_path, ids["inject"])[0] is True


async def test_o_opens_the_link_in_the_browser(db_path, monkeypatch):
    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
    assert opened == ["https://news.example/aleppo"]


async def test_o_refuses_links_that_are_not_http(db_path, monkeypatch):
    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "o")  # the injected article links to javascript:
        await settle(pilot)
        assert any("no web link" in n.message for n in notifications(app))
    assert opened == []
