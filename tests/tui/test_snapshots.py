"""Snapshot tests pinning the main screen's layout at 80×24 and 160×48 on a fixed database."""

from __future__ import annotations

from newstui.tui.app import NewstuiApp

from .conftest import settle


async def _ready(pilot) -> None:
    await settle(pilot)


async def _opened(pilot) -> None:
    await settle(pilot)
    await pilot.press("j", "j", "j", "enter")
    await settle(pilot)


def test_main_screen_80x24(snap_compare, db_path):
    assert snap_compare(NewstuiApp(db_path, None), terminal_size=(80, 24), run_before=_ready)


def test_main_screen_160x48(snap_compare, db_path):
    assert snap_compare(NewstuiApp(db_path, None), terminal_size=(160, 48), run_before=_ready)


def test_open_article_160x48(snap_compare, db_path):
    assert snap_compare(NewstuiApp(db_path, None), terminal_size=(160, 48), run_before=_opened)
