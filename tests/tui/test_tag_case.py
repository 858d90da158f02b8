"""A tag written "Tech" on one feed and "tech" on another is one tag in the Sources pane."""

from __future__ import annotations

from newstui.model import Article
from newstui.store import open_db
from newstui.store.article_saving import save_articles
from newstui.store.feeds import ensure_feed
from newstui.tui.app import NewstuiApp

from .conftest import BASE, screen_text, settle


def add_gadgets_feed(path) -> None:
    """A third feed tagged "TECH" (the fixture's Tech Wire, older, says "tech")."""
    db = open_db(path)
    feed = ensure_feed(
        db,
        "http://127.0.0.1:9/gadgets.xml",
        "Gadget Weekly",
        url="http://127.0.0.1:9/gadgets.xml",
        tags=("TECH",),
    )
    article = Article(
        title="Folding phones fold again",
        text="Folding phones fold again.",
        url="https://gadgets.example/fold",
        published=BASE,
        guid="fold",
    )
    save_articles(db, feed, [article])
    db.conn.close()


async def test_tags_differing_only_in_case_are_one_row_that_lists_both_feeds(db_path):
    add_gadgets_feed(db_path)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = screen_text(app)
        tag_rows = [line for line in screen.splitlines() if "▾ tech" in line.casefold()]
        assert len(tag_rows) == 1, screen
        assert "▾ tech" in tag_rows[0]  # as the oldest feed spells it
        await pilot.click(  # (on its name: a click on ▾ folds it)
            offset=(tag_rows[0].index("▾ tech") + 3, screen.splitlines().index(tag_rows[0]))
        )
        await settle(pilot)
        screen = screen_text(app)
        assert "Folding phones fold again" in screen
        assert "Chip makers" in screen, screen
        assert "Syrian rebels enter Aleppo" not in screen  # the list is the tag's, not All
