"""Pilot test: the `/` box's `feed:` and `tag:` find names typed without their accents or
letters a keyboard lacks (feed:lodz for "Łódź Daily", tag:munchen for "München"), and a "/"
typed for a folder's own U+2215, as `list --query` does: one query language."""

from __future__ import annotations

from datetime import UTC, datetime

from newstui.model import Article
from newstui.store import open_db
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle

FEEDS = (
    ("Łódź Daily", "http://127.0.0.1:9/dziennik.xml", "München", "Tram line opens"),
    ("Munchen Post", "http://127.0.0.1:9/post.xml", "Munchen", "Beer prices rise"),
    ("Thunder", "http://127.0.0.1:9/thunder.xml", "AC\u2215DC Fans", "Tour dates announced"),
)


def build(path):
    db = open_db(path)
    for n, (name, url, tag, title) in enumerate(FEEDS):
        feed = ensure_feed(db, url, name, url=url, tags=(tag,))
        published = datetime(2024, 11, 30, 12, n, tzinfo=UTC)
        save_articles(db, feed, [Article(title=title, text="Text.", guid=url, published=published)])
    db.conn.close()


async def search(app: NewstuiApp, pilot, query: str) -> str:
    await pilot.press("slash")
    await pilot.press(*query)
    await pilot.press("enter")
    await settle(pilot)
    return screen_text(app)


async def test_slash_finds_feeds_and_folders_by_names_typed_folded(tmp_path):
    path = tmp_path / "news.db"
    build(path)
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = await search(app, pilot, "feed:lodz")
        assert app.main.headlines.total == 1
        assert "Tram line opens" in text
        text = await search(app, pilot, "tag:munchen")  # the exact name wins
        assert app.main.headlines.total == 1
        assert "Beer prices rise" in text
        await search(app, pilot, 'tag:"AC/DC Fans"')
        assert app.main.headlines.total == 1
        assert "Tour dates announced" in screen_text(app)
