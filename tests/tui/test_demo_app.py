"""Pilot tests on the demo database: undated articles read as "unknown", never the import time."""

from __future__ import annotations

from newstui.demo import build_demo_db
from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle


async def test_the_undated_reference_article_shows_its_date_as_unknown(tmp_path):
    path = tmp_path / "demo.db"
    build_demo_db(path)
    app = NewstuiApp(path, None, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = screen_text(app).splitlines()
        row = next(line for line in lines if "Syrian military" in line)
        assert "unknown" in row
        assert any("2020-11-26" in line or "11-26" in line for line in lines)
        await pilot.press("enter")
        await settle(pilot)
        assert "Reference article · date unknown" in screen_text(app)
