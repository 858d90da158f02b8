"""Pilot tests: O sorts the headline list by date, feed or title (r reverses), the title bar says
so, n follows the order; the `sort` setting picks the order the app starts with."""

from __future__ import annotations

import pytest

from newstui.config import Config, Settings, load_config
from newstui.errors import ConfigError
from newstui.library import Library
from newstui.model import SortOrder
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.sort_order import SortScreen
from newstui.tui.view import View

from .conftest import screen_text, settle


def listed_ids(app) -> list[int]:
    return [row.id for _, row in app.main.headlines.loaded_rows()]


def expected_ids(db_path, order: SortOrder) -> list[int]:
    with Library.open(db_path) as library:
        return [r.id for r in library.articles(limit=None, order=order)]


async def test_O_then_t_sorts_by_title_and_r_reverses(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        newest = listed_ids(app)
        await pilot.press("O")
        await settle(pilot)
        assert isinstance(app.screen, SortScreen)
        assert "Sort the headlines (now newest first)" in screen_text(app)
        await pilot.press("t")
        await settle(pilot)
        assert listed_ids(app) == expected_ids(db_path, SortOrder("title")) != newest
        assert "All articles — 25 articles · by title A–Z" in screen_text(app).splitlines()[0]
        await pilot.press("O", "r")
        await settle(pilot)
        assert listed_ids(app) == expected_ids(db_path, SortOrder("title", reverse=True))
        assert "by title Z–A" in screen_text(app).splitlines()[0]
        await pilot.press("O", "escape")
        await settle(pilot)
        assert listed_ids(app) == expected_ids(db_path, SortOrder("title", reverse=True))
        await pilot.press("O", "d")
        await settle(pilot)
        assert listed_ids(app) == newest
        assert "·" not in screen_text(app).splitlines()[0]


async def test_sorting_keeps_the_selected_article_and_n_follows_the_new_order(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)
        selected = app.main.headlines.selected
        await pilot.press("O", "f")
        await settle(pilot)
        assert app.main.headlines.selected == selected
        order = SortOrder("feed")
        ids = expected_ids(db_path, order)
        with Library.open(db_path) as library:
            unread = {r.id for r in library.articles(limit=None) if not r.read}
        at = ids.index(selected.id)
        following = next(i for i in ids[at + 1 :] if i in unread)
        await pilot.press("n")
        await settle(pilot)
        assert app.main.headlines.selected.id == following


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_the_sort_setting_is_the_order_the_app_starts_with(db_path, tmp_path, size):
    config = Config(tmp_path / "feeds.toml", Settings(refresh_minutes=0, sort="feed-reverse"))
    app = NewstuiApp(db_path, config)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert listed_ids(app) == expected_ids(db_path, SortOrder("feed", reverse=True))
        assert "by feed Z–A" in app.main.sub_title


def test_an_unknown_sort_setting_is_one_line_with_its_line_number(tmp_path):
    path = tmp_path / "feeds.toml"
    path.write_text('[settings]\nrefresh_minutes = 0\nsort = "size"\n', "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert (
        "feeds.toml:3" in message
        and "setting 'sort' must be one of" in message
        and "'size'" in message
    )
    path.write_text('[settings]\nsort = "title-reverse"\n', "utf-8")
    assert load_config(path).settings.sort == "title-reverse"


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_a_narrow_title_bar_shows_the_count_and_the_order_whole(db_path, size):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("O", "t")
        await settle(pilot)
        assert "Headlines ▸ All articles — 25 articles · by title A–Z" in screen_text(app)


async def test_a_long_view_title_is_cut_before_the_count_and_the_order(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        await pilot.press("O", "r")
        await settle(pilot)
        app.main.push_view(View("long", " ".join(["A view named at length"] * 3)))
        await settle(pilot)
        top = screen_text(app).splitlines()[0]
        assert top.strip() == "≡ Headlines ▸ A view named… — 25 articles · oldest first"


async def test_a_sort_that_moves_the_article_down_the_first_screen_hides_no_row_above_it(db_path):
    """Sorted by feed, the selected briefing became row 8: it was put a third down the list,
    which scrolled the first three rows (the local note, Tech Wire's two) out of sight."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press(*"jjjjjjj")  # World briefing number 3
        await settle(pilot)
        await pilot.press("O", "f")
        await settle(pilot)
        headlines = app.main.headlines
        assert headlines.selected is not None
        assert headlines.selected.title == "World briefing number 3"
        assert 8 == headlines.cursor < headlines.size.height
        assert headlines.scroll_y == 0
        assert "A local note" in screen_text(app).splitlines()[1]  # the first row, in view


async def test_the_sort_dialog_writes_its_keys_as_help_does(db_path, tmp_path):
    """It said 'esc: keep the order' (and '^s' for a user's ctrl+s) where help says Esc, Ctrl-S."""
    path = tmp_path / "feeds.toml"
    keys = 'unbind = "sort.title:t"\n"sort.title" = "ctrl+s"\n'  # (a [keys] key adds to t)
    path.write_text(f"[settings]\nrefresh_minutes = 0\n\n[keys]\n{keys}")
    app = NewstuiApp(db_path, load_config(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("O")
        await settle(pilot)
        text = screen_text(app)
        assert "Esc: keep the order" in text
        assert "Ctrl-S  title, A to Z" in text


async def test_a_click_on_a_line_of_the_sort_box_chooses_it(db_path):
    """The box's lines looked like a list to click, and a click did nothing (user test r38 L6)."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("O")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        y = next(i for i, line in enumerate(lines) if "title, A to Z" in line)
        await pilot.click(offset=(lines[y].index("title, A to Z") + 2, y))
        await settle(pilot)
        assert not isinstance(app.screen, SortScreen)
        assert listed_ids(app) == expected_ids(db_path, SortOrder("title"))
        await pilot.press("O")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        y = next(i for i, line in enumerate(lines) if "Sort the headlines" in line)
        await pilot.click(offset=(lines[y].index("Sort the headlines"), y))  # its border: no line
        await settle(pilot)
        assert isinstance(app.screen, SortScreen)
