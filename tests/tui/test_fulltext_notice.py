"""Pilot: "Full text not available" shows only under an article that lacks its text, never under
a complete one whose page could not be fetched."""

from __future__ import annotations

import pytest

from newstui.cli.main import main
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


@pytest.fixture
def content_entry_page_gone(tmp_path, feed_server, config_file):
    """A store fetched with full text "auto" from an Atom feed of one short entry that gives
    its text as content, whose page is gone (no route: HTTP 404)."""
    feed_server.route(
        "/notes.atom",
        body=(
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>Notes</title><id>urn:n</id>'
            f'<entry><title>Pier note</title><link href="{feed_server.url("/page/pier")}"/>'
            "<id>urn:pier</id><updated>2026-12-04T10:00:00Z</updated>"
            '<content type="html">&lt;p&gt;The pier reopened on Monday.&lt;/p&gt;</content>'
            "</entry></feed>"
        ).encode(),
        headers={"Content-Type": "application/atom+xml"},
    )
    db = tmp_path / "notes.db"
    config = config_file({"Notes": "/notes.atom"}, fulltext="auto")
    assert main(["--db", str(db), "--config", str(config), "fetch"]) == 0
    return db


async def test_a_content_entry_whose_page_is_gone_shows_no_full_text_notice(
    content_entry_page_gone,
):
    """Review r34 F1: the fetch no longer warns of a gone page behind an entry that gave its
    content (that text is the article), but the reader still said "Full text not available:
    HTTP 404" under each such article."""
    app = NewstuiApp(content_entry_page_gone, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "The pier reopened on Monday." in body_text(app)
        assert "Full text not available" not in body_text(app)
        shown = body_text(app)
        # the page's address holds the test server's port, which may hold "404" (port 40485)
        assert "404" not in "".join(line for line in shown.splitlines() if "/page/pier" not in line)


def test_the_refresh_notification_counts_the_pages_that_failed() -> None:
    from newstui.model import SourceOutcome
    from newstui.tui.refresh import refresh_summary

    outcomes = [SourceOutcome("A", new=3, fulltext_ok=1, fulltext_failed=1), SourceOutcome("B")]
    assert refresh_summary(outcomes) == "Refreshed 2 sources: 3 new articles, 1 full text failed"


def test_the_refresh_notification_names_the_feed_and_why_a_page_failed() -> None:
    """User test r52 L6: "1 full text failed" named neither the article's feed nor the cause,
    and nothing led to the article afterwards."""
    from newstui.model import FulltextProblem, SourceOutcome
    from newstui.tui.refresh import refresh_summary

    page = "https://en.wikinews.org/wiki/German_authorities"
    problem = FulltextProblem(
        7, "German authorities", f"{page}: cannot connect to en.wikinews.org: unknown host", page
    )
    outcomes = [
        SourceOutcome("Pit Lane", new=3, fulltext_failed=1, fulltext_problems=(problem,)),
        SourceOutcome("B", new=1),
    ]
    assert refresh_summary(outcomes) == (
        "Refreshed 2 sources: 4 new articles, 1 full text failed (Pit Lane: cannot connect to "
        "en.wikinews.org: unknown host; search has:fulltext-error lists it)"
    )
    timed_out = [
        FulltextProblem(i, f"T{i}", f"https://w.example/{i}: timed out", f"https://w.example/{i}")
        for i in range(3)
    ]
    outcomes = [
        SourceOutcome("Wire", new=2, fulltext_failed=2, fulltext_problems=tuple(timed_out[:2])),
        SourceOutcome("Pit Lane", new=1, fulltext_failed=1, fulltext_problems=(timed_out[2],)),
    ]
    assert refresh_summary(outcomes) == (
        "Refreshed 2 sources: 3 new articles, 3 full texts failed (Wire, Pit Lane: timed out; "
        "search has:fulltext-error lists them)"
    )


def test_has_fulltext_error_finds_the_articles_whose_page_failed(tmp_path) -> None:
    from newstui.model import Article, ArticleFilter
    from newstui.query import parse_query

    with Library.open(tmp_path / "f.db") as library:
        feed = library.register_source("https://pit.example/", "Pit Lane")
        library.save_batch(
            feed,
            [Article(title=f"Story {i}", text="Short.", guid=f"s{i}") for i in range(3)],
        )
        ids = {row.title: row.id for row in library.articles(ArticleFilter())}
        library.set_fulltext(ids["Story 1"], text=None, error="https://pit.example/1: timed out")
        found = library.articles(ArticleFilter(query=parse_query("has:fulltext-error")))
        assert [row.title for row in found] == ["Story 1"]


def test_the_refresh_notification_counts_the_older_pages_auto_left_unread() -> None:
    """Store helper r37: `fetch` said "4,950 older left as the feed gave them", the app's line
    said nothing of them."""
    from newstui.model import SourceOutcome
    from newstui.tui.refresh import refresh_summary

    outcomes = [SourceOutcome("A", new=60, fulltext_ok=50, fulltext_left=10), SourceOutcome("B")]
    assert refresh_summary(outcomes) == (
        "Refreshed 2 sources: 60 new articles, 10 older full texts not read (f reads one)"
    )
