"""Unread only (user test r51 M2, L10, L13, L14): `U` lists only the unread headlines of All, a
feed, a folder or a saved view (Feedly's and Inoreader's default; newsboat's
show-read-articles), `show_read_articles = false` starts so; `mark_read_on_select` marks what
j/k show read; `q` at the top asks for a second `q`; `y` copies the article's link."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newstui.config import Config, load_config
from newstui.library import Library
from newstui.model import ArticleFilter
from newstui.tui.app import NewstuiApp
from newstui.tui.widgets.headlines import HeadlineList

from .conftest import notifications, run_recorded, screen_text, settle, until


def settings_config(tmp_path: Path, settings: str) -> Config:
    path = tmp_path / "feeds.toml"
    path.write_text(f"[settings]\nrefresh_minutes = 0\n{settings}\n", "utf-8")
    return load_config(path)


def listed_titles(app: NewstuiApp) -> list[str]:
    headlines = app.main.headlines
    return [row.title for _, row in headlines.loaded_rows()]


def read_titles(db_path: Path) -> set[str]:
    with Library.open(db_path) as library:
        return {row.title for row in library.articles(ArticleFilter()) if row.read}


def mark_read(db_path: Path, *titles: str) -> None:
    with Library.open(db_path) as library:
        rows = library.articles(ArticleFilter())
        library.mark([row.id for row in rows if row.title in titles], read=True)


async def test_U_lists_only_the_unread_headlines_and_keeps_one_read_there_until_shown_again(
    db_path,
):
    mark_read(db_path, "Syrian rebels enter Aleppo")
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        every = listed_titles(app)
        assert "Syrian rebels enter Aleppo" in every
        await pilot.press("U")
        await settle(pilot)
        unread = listed_titles(app)
        assert "Syrian rebels enter Aleppo" not in unread
        assert len(unread) == len(every) - 1
        assert "All articles · unread only" in screen_text(app)
        assert f"{len(unread)} articles" in app.main.sub_title
        assert any("Unread only" in n.message for n in notifications(app))
        # read one here: it stays listed (no jump under the cursor) until the list is shown again
        first = app.main.headlines.selected
        assert first is not None
        await pilot.press("m")
        await settle(pilot)
        assert first.title in listed_titles(app)
        await pilot.press("U", "U")  # shown again, still unread only
        await settle(pilot)
        assert app.main.unread_only
        assert first.title not in listed_titles(app)
        await pilot.press("U")
        await settle(pilot)
        assert "unread only" not in screen_text(app)
        assert set(listed_titles(app)) == set(every)


async def test_show_read_articles_false_starts_with_unread_only_in_a_feed_too(tmp_path, db_path):
    mark_read(db_path, "Syrian rebels enter Aleppo")
    config = settings_config(tmp_path, "show_read_articles = false")
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.unread_only
        await until(pilot, lambda: app.main.headlines.total > 0)
        assert "Syrian rebels enter Aleppo" not in listed_titles(app)
        view = app.main.current_view
        assert view.filter.unread and view.key == "all"


async def test_all_read_with_unread_only_says_so_not_that_nothing_is_stored(db_path):
    with Library.open(db_path) as library:
        library.mark([row.id for row in library.articles(ArticleFilter())], read=True)
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("U")
        await settle(pilot)
        assert app.main.headlines.total == 0
        assert not app.main.nothing_stored
        assert "No unread articles in All articles. Press U" in screen_text(app)


async def test_mark_read_on_select_marks_what_j_shows_and_queues_it_for_the_sync(tmp_path, db_path):
    config = settings_config(tmp_path, "mark_read_on_select = true")
    app = NewstuiApp(db_path, config)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.main.headlines
        second = headlines.row_at(1)
        assert second is not None and not second.read
        conn = sqlite3.connect(db_path)
        conn.execute("INSERT INTO sync_items (item_id, article_id) VALUES (77, ?)", (second.id,))
        conn.commit()
        conn.close()
        first = headlines.selected
        assert first is not None
        await pilot.press("j")
        await until(pilot, lambda: second.title in read_titles(db_path))
        assert first.title not in read_titles(db_path)  # the list opened on it: not read
    conn = sqlite3.connect(db_path)
    queued = conn.execute("SELECT article_id, field, value FROM sync_queue").fetchall()
    conn.close()
    assert queued == [(second.id, "read", 1)]  # pushed at the next sync


async def test_without_mark_read_on_select_j_marks_nothing(db_path):
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)
        assert isinstance(app.focused, HeadlineList)
    assert read_titles(db_path) == set()


async def test_q_in_sources_asks_for_a_second_q_and_confirm_quit_false_quits_at_once(
    tmp_path, db_path
):
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")  # headlines → sources
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running
        assert any(
            "Press q again to quit (Q quits at once)" in n.message for n in notifications(app)
        )
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running
    config = settings_config(tmp_path, "confirm_quit = false")
    app = NewstuiApp(db_path, config)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q", "q")
        await pilot.pause()
    assert not app.is_running


async def test_y_copies_the_article_link_and_says_so(db_path):
    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        row = app.main.headlines.selected
        assert row is not None and row.url
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == row.url
        said = [n.message for n in notifications(app)]
        assert any(m.startswith(f"Copied the link: {row.url}") and "OSC 52" in m for m in said)


async def test_unread_only_on_an_empty_store_says_to_fetch_not_to_press_U(tmp_path):
    """User test r55 MED-2: after importing newsboat's files with show-read-articles no, the first
    start (nothing fetched yet) said "No unread articles… Press U to list the read ones too"."""
    db_path = tmp_path / "empty.db"
    Library.open(db_path).close()
    path = tmp_path / "feeds.toml"
    path.write_text(
        "[settings]\nrefresh_minutes = 0\nshow_read_articles = false\n\n"
        '[[feeds]]\nname = "Wire"\nurl = "http://127.0.0.1:9/wire.xml"\n',
        "utf-8",
    )
    app = NewstuiApp(db_path, load_config(path))
    async with run_recorded(app, size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.main.unread_only and app.main.headlines.total == 0
        await until(pilot, lambda: "No articles yet. Press R to fetch" in screen_text(app))
        assert "Press U to list the read ones" not in screen_text(app)
