"""An emoji followed by its presentation selector (U+FE0F, "🛰️") takes 1 cell in tmux and 2 in
Rich: the reader and the sidebar draw it without the selector, as the headline rows do (r33
leftovers d; user test r32 L10), highlights still on their words."""

from __future__ import annotations

from datetime import UTC, datetime

from newstui.model import Article
from newstui.store import open_db
from newstui.store.analysis import save_analysis
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp
from newstui.tui.view import feed_view
from newstui.tui.widgets.title_bar import TitleBar

from .conftest import analyse_by_hand, screen_text, settle

VS16 = "\ufe0f"
TEXT = (
    f"The 🛰{VS16} launch went well. Starlink{VS16} Orbital said: “Every 🛰{VS16} is up.” "
    f"Crowds in Cape 🌴{VS16} Canaveral cheered."
)


def store_emoji_article(db_path) -> None:
    db = open_db(db_path)
    feed = ensure_feed(db, "http://127.0.0.1:9/space.xml", f"Space 🛰{VS16}", url=None)
    save_articles(
        db,
        feed,
        [
            Article(
                title=f"🛰{VS16} 60 satellites up",
                text=TEXT,
                guid="space",
                published=datetime(2030, 1, 1, tzinfo=UTC),  # the newest: selected at start
            )
        ],
    )
    [(article_id, stored)] = db.execute(
        "SELECT id, article_text(text) FROM articles WHERE guid = 'guid:space'"
    ).fetchall()
    analysis = analyse_by_hand(
        stored,
        {f"Starlink{VS16} Orbital": "ORG", "Canaveral": "PLACE"},
        {"Every": f"Starlink{VS16} Orbital"},
    )
    assert len(analysis.entities) == 2 and len(analysis.quotes) == 1
    save_analysis(db, article_id, analysis, "test", entity_key=lambda n, t: n.casefold())
    db.conn.close()


async def test_the_reader_and_sidebar_draw_an_emoji_without_its_presentation_selector(db_path):
    store_emoji_article(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.main.headlines.selected.title.startswith("🛰")
        body = app.main.reader.query_one("#reader-body").render()
        plain = body.plain
        assert VS16 not in plain, plain
        assert "🛰 60 satellites up" in plain and "Every 🛰 is up." in plain
        # the highlights moved with the text: each span still covers its words
        marked = [plain[s.start : s.end] for s in body.spans]
        assert "Starlink Orbital" in marked and "Canaveral" in marked, marked
        assert "“Every 🛰 is up.”" in marked and " [—Starlink Orbital]" in marked, marked
        text = screen_text(app)
        assert VS16 not in text
        assert "Starlink Orbital" in text  # the sidebar's entity
        await pilot.press("2")
        await settle(pilot)
        text = screen_text(app)
        assert VS16 not in text
        assert "“Every 🛰 is up.”" in text and "— Starlink Orbital" in text
        [feed] = [f for f in app.main.sources.feeds if f.name.startswith("Space")]
        app.main.push_view(feed_view(feed.id, feed.name, feed.last_error))  # the title bar
        await settle(pilot)
        text = screen_text(app)
        assert VS16 not in text
        drawn = app.main.query_one(TitleBar).render()
        assert VS16 not in drawn.plain and "Headlines ▸ Space 🛰 — 1 article" in drawn.plain
