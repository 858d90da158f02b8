"""An article its feed dates after it arrived (9999-12-31) shows its arrival in the app, in the
headline and in the reader's byline, as `list` and `show` do; the byline says the feed's claim."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from newstui.model import Article
from newstui.store import open_db
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle


def dated_ahead(path: Path) -> str:
    """A store of one feed with one article dated 9999-12-31; returns its arrival (ISO)."""
    db = open_db(path)
    feed = ensure_feed(db, "http://127.0.0.1:9/f.xml", "Ahead", url="http://127.0.0.1:9/f.xml")
    claim = datetime(9999, 12, 31, 23, 59, tzinfo=UTC)
    save_articles(db, feed, [Article("Forever on top", "Text.", guid="1", published=claim)])
    (arrived,) = db.execute("SELECT first_seen FROM articles").fetchone()
    db.conn.close()
    return str(arrived)


async def test_the_app_shows_a_date_ahead_as_its_arrival_and_names_the_claim(tmp_path) -> None:
    path = tmp_path / "news.db"
    arrived = datetime.fromisoformat(dated_ahead(path)).astimezone()
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.reader.article_id is not None
        text = screen_text(app)
    assert "9999-12-31 23:59" not in text and "31 Dec" not in text
    assert "(the feed dates it 9999-12-31)" in text
    assert f"{arrived:%H:%M}" in text
