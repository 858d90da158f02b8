"""Pilot: "Full text not available" shows only under an article that lacks its text, never under
a complete one whose page could not be fetched."""

from __future__ import annotations

from newstui.library import Library
from newstui.tui.app import NewstuiApp

from .conftest import settle


def body_text(app) -> str:
    return str(app.main.reader.query_one("#reader-body").render())


async def test_a_complete_article_whose_page_failed_shows_no_full_text_notice(db_path, ids):
    with Library.open(db_path) as library:  # the seed article is complete; chips is one line
        for name in ("seed", "chips"):
            library.set_fulltext(ids[name], text=None, error="https://x.example/a: HTTP 403")
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.reader.article_id == ids["seed"]
        assert "Aleppo" in body_text(app)
        assert "Full text not available" not in body_text(app)
        await pilot.press("j", "j")
        await settle(pilot)
        assert app.main.reader.article_id == ids["chips"]
        assert "Full text not available: https://x.example/a: HTTP 403" in body_text(app)


def test_the_refresh_notification_counts_the_pages_that_failed() -> None:
    from newstui.model import SourceOutcome
    from newstui.tui.refresh import refresh_summary

    outcomes = [SourceOutcome("A", new=3, fulltext_ok=1, fulltext_failed=1), SourceOutcome("B")]
    assert (
        refresh_summary(outcomes) == "Refreshed 2 sources: 3 new articles, 1 full text not fetched"
    )
