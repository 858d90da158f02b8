"""Pilot test: with no `browser` setting and no $BROWSER, a console browser that Python's
webbrowser would pick (`www-browser` on a Debian box without a desktop) runs with the app
suspended, never in the background drawing over it (QA2 #0)."""

from __future__ import annotations

import webbrowser

from newstui.tui.app import NewstuiApp

from .conftest import notifications, run_recorded, settle
from .test_external_programs import app_with, calls, program


async def test_o_runs_webbrowsers_console_browser_with_the_app_suspended(
    db_path, tmp_path, monkeypatch
):
    www = program(tmp_path, "www-browser")
    webbrowser.register("www-browser", None, webbrowser.GenericBrowser(str(www)))
    backgrounded: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: backgrounded.append(url) or True)
    app, suspended = app_with(db_path, tmp_path, monkeypatch)
    assert isinstance(app, NewstuiApp) and not app.config.settings.browser
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert suspended == ["in", "out"]
        [call] = calls(tmp_path, "www-browser")
        assert call["argv"][1:] == ["https://news.example/aleppo"]
    assert backgrounded == []


async def test_o_leaves_a_desktop_browser_to_webbrowser(db_path, tmp_path, monkeypatch):
    webbrowser.register("firefox", None, webbrowser.BackgroundBrowser("firefox"))
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    app, suspended = app_with(db_path, tmp_path, monkeypatch)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert suspended == []
    assert opened == ["https://news.example/aleppo"]


async def test_o_without_any_browser_shows_the_whole_link_to_copy(db_path, tmp_path, monkeypatch):
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: False)  # none registered
    app, suspended = app_with(db_path, tmp_path, monkeypatch)
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        [note] = [n for n in notifications(app) if n.severity == "warning"]
        assert note.message.startswith("No browser available")
        assert note.message.endswith("The link: https://news.example/aleppo")
    assert suspended == []
