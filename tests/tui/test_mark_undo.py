"""Pilot tests: A asks before marking many articles read, and u undoes the last mark."""

from __future__ import annotations

from newstui.config import Config, Settings
from newstui.library import Library
from newstui.model import RetentionPolicy
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.confirm import ConfirmScreen

from .conftest import notifications, run_recorded, settle


def app_for(db_path, tmp_path, **settings) -> NewstuiApp:
    return NewstuiApp(db_path, Config(tmp_path / "f.toml", Settings(refresh_minutes=0, **settings)))


async def test_A_above_the_threshold_asks_and_n_marks_nothing(db_path, tmp_path):
    app = app_for(db_path, tmp_path, mark_all_confirm=5)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#confirm-question").render())
        assert "Mark 25 articles in All articles read?" in question
        await pilot.press("n")
        await settle(pilot)
        assert app.main.sources.feeds and sum(f.unread for f in app.main.sources.feeds) == 25


async def test_A_then_y_marks_all_read_and_u_brings_them_back(db_path, tmp_path):
    app = app_for(db_path, tmp_path, mark_all_confirm=5)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert sum(f.unread for f in app.main.sources.feeds) == 0
        # 29,888 of a 100,000-article store took seconds with nothing shown after y
        shown = [n.message for n in notifications(app)]
        assert shown[-2:] == [
            "Marking 25 articles read…",
            "Marked 25 articles in All articles read. u undoes it.",
        ]
        await pilot.press("u")
        await settle(pilot)
        assert sum(f.unread for f in app.main.sources.feeds) == 25
        assert "Undone: 25 articles unread again." in [n.message for n in notifications(app)]


async def test_A_below_the_threshold_marks_at_once(db_path, tmp_path):
    app = app_for(db_path, tmp_path)  # default: asks above 20
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        tech = next(f for f in app.main.sources.feeds if f.name == "Tech Wire")
        app.main.focus_pane("sources")
        app.main.sources.select_view(f"feed:{tech.id}")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        tech = next(f for f in app.main.sources.feeds if f.name == "Tech Wire")
        assert tech.unread == 0


async def test_u_undoes_a_star_and_then_has_nothing_to_undo(db_path, tmp_path):
    app = app_for(db_path, tmp_path)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert app.main.headlines.selected.starred
        await pilot.press("u")
        await settle(pilot)
        assert not app.main.headlines.selected.starred
        await pilot.press("u")
        await settle(pilot)
        assert notifications(app) and "Nothing to undo." in [n.message for n in notifications(app)]


async def test_u_after_a_cleanup_counts_only_the_articles_it_brought_back(db_path, tmp_path):
    app = app_for(db_path, tmp_path, mark_all_confirm=5)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        feeds = {f.id: f.articles for f in app.main.sources.feeds}
        biggest = max(feeds, key=lambda k: feeds[k])
        with Library.open(db_path) as library:  # a refresh's cleanup takes some of them
            report = library.cleanup({biggest: RetentionPolicy(keep_per_feed=1)})
        gone = report.removed
        assert 0 < gone < 25

        await pilot.press("u")
        await settle(pilot)

        assert sum(f.unread for f in app.main.sources.feeds) == 25 - gone
        assert notifications(app)[-1].message == (
            f"Undone: {25 - gone} articles unread again"
            f" ({gone} others no longer stored: cleaned up or removed since)."
        )


async def test_u_when_a_cleanup_took_every_marked_article_says_nothing_was_undone(
    db_path, tmp_path
):
    app = app_for(db_path, tmp_path)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        starred = app.main.headlines.selected
        with Library.open(db_path) as library:
            library.remove_source(starred.feed_id, purge=True)

        await pilot.press("u")
        await settle(pilot)

        assert notifications(app)[-1].message == (
            "Nothing to undo: the article is no longer stored (cleaned up or removed since)."
        )


async def test_A_in_sources_marks_the_highlighted_feed_not_the_list_shown(db_path, tmp_path):
    """newsboat's A in the feed list marks the feed under the cursor, as r and D take it (user
    test r36 M5: it marked the list shown behind, and the toast named no feed)."""
    app = app_for(db_path, tmp_path)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        feeds = app.main.sources.feeds
        tech = next(f for f in feeds if f.name == "Tech Wire")
        other = next(f for f in feeds if f.id != tech.id and 0 < f.unread <= 20)
        app.main.focus_pane("sources")
        app.main.sources.select_view(f"feed:{tech.id}")
        await pilot.press("enter")  # Tech Wire listed
        await settle(pilot)
        app.main.focus_pane("sources")
        app.main.sources.select_view(f"feed:{other.id}")  # another feed highlighted
        await pilot.press("A")
        await settle(pilot)
        unread = {f.name: f.unread for f in app.main.sources.feeds}
        assert unread[other.name] == 0
        assert unread["Tech Wire"] == tech.unread
        assert notifications(app)[-1].message == (
            f"Marked {other.unread} article{'s' * (other.unread > 1)} in {other.name} read. "
            "u undoes it."
        )
