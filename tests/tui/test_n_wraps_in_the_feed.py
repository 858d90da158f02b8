"""`n` at a feed's last unread article looks again from the top of the feed before it goes on
to the next feed, as newsboat's next-unread does (itemlistformaction jump_to_next_unread_item:
after the cursor, then from the first row up to the cursor): an unread article above the cursor,
or the one it rested on when the list opened, was never reached (r35 user test M-b)."""

from __future__ import annotations

from newstui.library import Library
from newstui.model import ArticleFilter
from newstui.tui.app import NewstuiApp

from .conftest import notifications, run_recorded, settle
from .test_feed_keys import feed_ids, feeds_of_stories


def unread_titles(path, feed_id: int) -> list[str]:
    with Library.open(path) as library:
        rows = library.articles(ArticleFilter(feed_id=feed_id, unread=True), limit=50)
        return [row.title for row in rows]


async def test_n_reads_the_articles_above_the_cursor_before_it_leaves_the_feed(tmp_path):
    """The tryit repro: Pw's 7 unread, the cursor on story 4; n goes 5, 6, 7 (down the list),
    then from the top 1, 2, 3, 4, and only then on to the next feed."""
    path = tmp_path / "f.db"
    feeds_of_stories(path, {"Pw": 7, "Rotating": 2})
    ids = feed_ids(path)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.sources.focus()
        app.main.sources.select_view(f"feed:{ids['Pw']}")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("j", "j", "j")
        await settle(pilot)
        assert app.main.headlines.selected.title == "Pw story 4"
        seen = []
        for _ in range(7):
            await pilot.press("n")
            await settle(pilot)
            seen.append(app.main.headlines.selected.title)
        assert seen == [f"Pw story {i}" for i in (5, 6, 7, 1, 2, 3, 4)]
        assert app.main.headlines.view.title == "Pw"
        assert unread_titles(path, ids["Pw"]) == []
        await pilot.press("n")
        await settle(pilot)
        assert app.main.headlines.view.title == "Rotating"
        assert notifications(app)[-1].message == "No unread article left here: on to Rotating."


async def test_n_opens_the_unread_article_the_list_opened_on_before_it_leaves(tmp_path):
    """The list opens on the feed's first unread article, shown, not opened: n past the last
    one came back to it instead of leaving it unread for the next feed (tryit: Many 1 left)."""
    path = tmp_path / "f.db"
    feeds_of_stories(path, {"Many": 3, "Next": 1})
    ids = feed_ids(path)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.sources.focus()
        app.main.sources.select_view(f"feed:{ids['Many']}")
        await pilot.press("enter")
        await settle(pilot)
        assert app.main.headlines.selected.title == "Many story 1"  # shown, unread
        await pilot.press("n", "n")
        await settle(pilot)
        assert unread_titles(path, ids["Many"]) == ["Many story 1"]
        await pilot.press("n")  # none below: from the top, the article the list opened on
        await settle(pilot)
        assert app.main.headlines.view.title == "Many"
        assert app.main.headlines.selected.title == "Many story 1"
        assert app.main.detail.article.row.title == "Many story 1"
        assert unread_titles(path, ids["Many"]) == []
        await pilot.press("n")
        await settle(pilot)
        assert app.main.headlines.view.title == "Next"


async def test_n_held_through_a_feed_reads_each_unread_article_once(tmp_path):
    """Keys typed faster than the reader shows articles: the wrap never comes back to an article
    a key before marked (its write may not be stored yet), and every one is read."""
    path = tmp_path / "f.db"
    feeds_of_stories(path, {"Many": 6, "Next": 2})
    ids = feed_ids(path)
    app = NewstuiApp(path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        app.main.sources.focus()
        app.main.sources.select_view(f"feed:{ids['Many']}")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)
        await pilot.press(*["n"] * 7)  # 4, 5, 6, then 1, 2, 3, then on to Next
        await settle(pilot)
        assert unread_titles(path, ids["Many"]) == []
        assert app.main.headlines.view.title == "Next"
        assert app.main.headlines.selected.title == "Next story 1"
