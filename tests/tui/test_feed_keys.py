"""Pilot tests: J and K show the next and previous feed's headlines, as in newsboat."""

from __future__ import annotations

from datetime import UTC, datetime

from newstui.library import Library
from newstui.model import Article, ArticleFilter
from newstui.tui.app import NewstuiApp

from .conftest import notifications, run_recorded, settle


def three_feeds(path) -> None:
    with Library.open(path) as library:
        for name in ("Alpha Post", "Beta Daily", "Gamma Times"):
            feed = library.register_source(f"https://{name.split()[0].lower()}.example/", name)
            text = f"{name} reports the harbour reopened after repairs on Monday morning."
            library.save_batch(
                feed,
                [Article(title=f"{name} story", text=text, guid=name, published=datetime.now(UTC))],
            )


async def test_J_and_K_walk_the_feeds_in_the_order_sources_lists_them(tmp_path):
    path = tmp_path / "f.db"
    three_feeds(path)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("J")  # from All: the first feed
        await settle(pilot)
        assert app.main.headlines.view.title == "Alpha Post"
        await pilot.press("J", "J")
        await settle(pilot)
        assert app.main.headlines.view.title == "Gamma Times"
        assert app.main.headlines.selected.title == "Gamma Times story"
        await pilot.press("J")  # no feed after the last
        await settle(pilot)
        assert app.main.headlines.view.title == "Gamma Times"
        assert notifications(app)[-1].message == "No feed after this one."
        await pilot.press("K")
        await settle(pilot)
        assert app.main.headlines.view.title == "Beta Daily"
        await pilot.press("enter", "K")  # from the reader too
        await settle(pilot)
        assert app.main.headlines.view.title == "Alpha Post"


async def test_n_past_a_feeds_last_unread_goes_on_to_the_next_feed_with_one(tmp_path):
    """As newsboat's goto-next-feed: n said "No unread article after this one." at the end."""
    path = tmp_path / "f.db"
    three_feeds(path)
    with Library.open(path) as library:
        beta = next(s.id for s in library.sources() if s.name == "Beta Daily")
        library.mark([r.id for r in library.articles(ArticleFilter(feed_id=beta))], read=True)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("J", "n")  # Alpha's one article is under the cursor: none after it
        await settle(pilot)
        assert app.main.headlines.view.title == "Gamma Times"  # Beta has none unread
        assert app.main.headlines.selected.title == "Gamma Times story"
        assert notifications(app)[-1].message == "No unread article left here: on to Gamma Times."
        await pilot.press("n")  # the last feed: nothing further
        await settle(pilot)
        assert notifications(app)[-1].message == "No unread article after this one."
