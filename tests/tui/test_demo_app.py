"""Pilot tests on the demo database: undated articles have a blank date, never the import time;
links carry their [n] marker and # opens link n."""

from __future__ import annotations

import re

import pytest

from newstui.demo import build_demo_db
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.command_prompt import CommandScreen

from .conftest import notifications, run_recorded, screen_text, settle
from .test_external_programs import app_with, calls, program


async def test_the_undated_reference_article_leaves_its_date_blank(tmp_path):
    """User test r37 L7: the headlines said "none", which reads like a value."""
    path = tmp_path / "demo.db"
    build_demo_db(path)
    app = NewstuiApp(path, None, demo=True)
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        row = next(line for line in lines if "Syrian military" in line)
        dated = next(line for line in lines if "2020-11-26" in line)
        assert "none" not in row
        date_at = dated.index("2020-11-26")
        assert row[date_at : date_at + 10].isspace()  # the column blank, the feed after it
        feed_at = date_at + 10 + len(dated[date_at + 10 :]) - len(dated[date_at + 10 :].lstrip())
        assert row[feed_at - 1] == " " and row[feed_at] != " "
        await pilot.press("enter")
        await settle(pilot)
        assert "Reference article · undated" in screen_text(app)


@pytest.mark.parametrize("size", [(100, 24), (80, 24)])
async def test_dates_without_a_time_show_no_midnight_keep_no_room_for_it_and_align(tmp_path, size):
    path = tmp_path / "demo.db"
    build_demo_db(path)  # Wikinews gives dates only
    app = NewstuiApp(path, None, demo=True)
    async with run_recorded(app, size=size) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        assert not any("00:00" in line for line in lines)
        row = next(line for line in lines if "Eddie Van Halen" in line)
        assert re.search(r"2020-10-08  Culture", row), row  # no blank room for a time
        titles = {line.index(t) for line in lines for t in ("Guitarist", "Bernie") if t in line}
        assert len(titles) == 1  # the titles start in one column
        await pilot.press("j", "enter")
        await settle(pilot)
        meta = next(
            line for line in screen_text(app).splitlines() if "Wikinews contributors" in line
        )
        assert meta.rstrip().endswith("· 2020-11-26")


async def test_the_reader_marks_links_and_L_opens_link_n(tmp_path, monkeypatch):
    path = tmp_path / "demo.db"
    build_demo_db(path)
    program(tmp_path, "w3m")
    app, suspended = app_with(path, tmp_path, monkeypatch, browser="w3m %u")
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")  # the newest Wikinews article (the first is undated)
        await settle(pilot)
        detail = app.main.detail
        assert detail is not None
        body = str(app.main.reader.query_one("#reader-body").render())
        assert "Source: Wikinews[1], licensed CC BY 2.5[2] (© Wikinews contributors)" in body
        assert f"[1] Wikinews {detail.article.row.url}" in body
        await pilot.press("number_sign")
        await settle(pilot)
        assert isinstance(app.screen, CommandScreen)
        await pilot.press("9", "enter")
        await settle(pilot)
        assert "No link '9': the article's links are numbered 1 to 2." in [
            n.message for n in notifications(app)
        ]
        await pilot.press("number_sign", "1", "enter")
        await settle(pilot)
        assert suspended == ["in", "out"]
        [call] = calls(tmp_path, "w3m")
        assert call["argv"][1:] == [detail.article.row.url]


async def test_a_notice_given_at_start_is_shown_as_plain_text(tmp_path):
    """run_app's notice: the demo database was built again (its line on stderr is under the
    app's screen)."""
    path = tmp_path / "demo.db"
    build_demo_db(path)
    said = "demo.db: a newer newstui upgraded the demo database; built it [again]"
    app = NewstuiApp(path, None, demo=True, notice=said)
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        [shown] = notifications(app)
        assert shown.message == said and shown.markup is False


async def test_the_demo_footer_leaves_out_what_the_demo_cannot_do_and_help_marks_it(tmp_path):
    """User test r33 L10: the demo's footer offered "R Refresh" (and `?` a, D…) where each only
    answered "demo mode: …". The key still says so when pressed."""
    from newstui.tui.screens.help import HelpScreen

    path = tmp_path / "demo.db"
    build_demo_db(path)
    app = NewstuiApp(path, None, demo=True)
    async with run_recorded(app, size=(100, 30)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "Q Quit" in footer and "? Help" in footer
        assert "Refresh" not in footer, footer
        await pilot.press("R")
        await settle(pilot)
        assert "demo mode: no feeds to refresh" in [n.message for n in notifications(app)]
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        said = {text for _, _, text in app.screen.rows}
        assert "Refresh all sources (not in the demo)" in said
        assert "Add a feed (its URL, or a site's address) (not in the demo)" in said
        assert "Toggle read / unread" in said  # what the demo does is listed as it is
