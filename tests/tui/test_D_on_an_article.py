"""D on an article (the headlines or the reader focused) asks to remove its whole feed, and the
question says so to a newsboat user, whose D deletes that one article: newstui has no key that
deletes one article, and names the key that marks it read (user test r31 L10: a `D y` habit
removed a feed)."""

from __future__ import annotations

from newstui.tui.app import NewstuiApp
from newstui.tui.screens.confirm import ConfirmScreen

from .conftest import settle
from .test_remove_source import configure_world_desk


async def test_D_on_an_article_says_it_removes_the_whole_feed_not_the_article(db_path, config):
    """Its note read as if newsboat's D did not delete one article either (user test r33 L7)."""
    config = configure_world_desk(db_path, config)
    app = NewstuiApp(db_path, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.headlines.has_focus
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        shown = " ".join(str(app.screen.query_one("#confirm-question").render()).split())
        assert shown.endswith(
            "(newsboat's D deletes one article; here D removes the whole feed and no key"
            " deletes one article: m marks it read.)"
        )
