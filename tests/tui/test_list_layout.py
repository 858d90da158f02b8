"""Pilot tests: the list layout (Z, `layout = "list"`): the headlines fill the column and the
article opens over them, as newsboat's (user test r48 M8: below 32 rows the list was 8 rows)."""

from __future__ import annotations

from newstui.config import Config, Settings
from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle


def shown(widget) -> bool:
    return widget.display and widget.region.height > 0


def list_app(db_path, tmp_path) -> NewstuiApp:
    config = Config(tmp_path / "feeds.toml", Settings(refresh_minutes=0, layout="list"))
    return NewstuiApp(db_path, config)


async def test_the_list_layout_gives_the_headlines_the_whole_column_at_80x24(db_path, tmp_path):
    app = list_app(db_path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        assert not shown(main.reader)
        assert main.headlines.region.height >= 20  # title bar and footer aside
        await pilot.press("enter")  # the article opens over the list
        await settle(pilot)
        assert not shown(main.headlines)
        assert shown(main.reader) and main.reader.region.height >= 20
        assert "Syrian rebels enter Aleppo" in screen_text(app)
        await pilot.press("q")  # back to the list, full height
        await settle(pilot)
        assert not shown(main.reader)
        assert main.headlines.region.height >= 20
        assert main.headlines.has_focus


async def test_Z_switches_between_the_list_and_the_headlines_over_the_reader(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        assert shown(main.reader) and main.headlines.region.height == 8
        await pilot.press("Z")
        await settle(pilot)
        assert not shown(main.reader) and main.headlines.region.height >= 20
        await pilot.press("Z")
        await settle(pilot)
        assert shown(main.reader) and main.headlines.region.height == 8


async def test_ctrl_z_where_no_shell_could_resume_the_app_says_so_and_keeps_it(db_path):
    """Ctrl-Z stops the app for a job-control shell's `fg` (user test r48 M9); a terminal no
    shell could resume it from (here: none at all) gets one line, and the app runs on."""
    from .conftest import notifications, run_recorded

    app = NewstuiApp(db_path, None)
    async with run_recorded(app, size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+z")
        await settle(pilot)
        said = [n.message for n in notifications(app)]
        assert said and said[-1].startswith("Ctrl-Z: ")
        assert app.is_running


async def test_help_lists_ctrl_z_and_Z(db_path):
    from newstui.tui.screens.help import HelpScreen

    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = {text: (section, keys) for section, keys, text in app.screen.rows}
        assert rows["Suspend newstui and return to the shell (fg resumes it)"][1] == "Ctrl-Z"
        full_list = rows[
            "Headlines full height, the article opening over them (again: the reader below)"
        ]
        assert full_list == ("Headlines", "Z")


async def test_n_and_p_in_the_list_layout_open_the_article_they_mark_read(tmp_path):
    """newsboat's next-unread opens the article: in the list layout the reader shows only
    while it has the focus, so `n` from the headlines opens the article over them (user test
    r52 M3: each `n` marked the next unread read, the list stayed and the article went unseen)."""
    from .test_next_unread_marks_read import one_feed, read_titles

    path = tmp_path / "f.db"
    one_feed(path)
    app = list_app(path, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        assert main.headlines.has_focus and not shown(main.reader)
        await pilot.press("n")
        await settle(pilot)
        assert shown(main.reader) and not shown(main.headlines)
        assert main.detail is not None and main.detail.article.row.title == "Story 1"
        assert "harbour reopened after repairs on day 1" in screen_text(app)
        assert read_titles(path) == {"Story 1"}
        await pilot.press("q")  # back to the list, then p: the one before, opened too
        await settle(pilot)
        assert shown(main.headlines) and not shown(main.reader)
        await pilot.press("p")
        await settle(pilot)
        assert shown(main.reader)
        assert main.detail is not None and main.detail.article.row.title == "Story 0"
        assert read_titles(path) == {"Story 0", "Story 1"}


async def test_n_with_nothing_unread_left_in_the_list_layout_stays_on_the_list(tmp_path):
    from .test_next_unread_marks_read import one_feed, read_titles

    path = tmp_path / "f.db"
    one_feed(path, count=1)
    app = list_app(path, tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press("n")  # Story 0, under the cursor, is the only one: opened
        await settle(pilot)
        await pilot.press("q", "n")
        await settle(pilot)
        assert shown(main.headlines) and not shown(main.reader)
        assert read_titles(path) == {"Story 0"}


async def test_enter_and_q_on_a_short_screen_change_no_class_of_the_screen(db_path):
    """The reader takes the column below 32 rows while it reads: the headlines' and the
    reader's own class says so, not the screen's (a screen class restyles every widget on it)."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        classes = set(main.classes)
        await pilot.press("enter")
        await settle(pilot)
        assert main.headlines.region.height == 0
        assert main.reader.region.height >= 20
        assert set(main.classes) == classes
        await pilot.press("q")
        await settle(pilot)
        assert main.headlines.region.height == 8
        assert set(main.classes) == classes
