"""Snapshot tests pinning the main screen's layout at 60×20, 80×24, 120×40 and 160×48 on a fixed
database."""

from __future__ import annotations

from newstui.tui.app import NewstuiApp

from .conftest import settle
from .test_reader_link import add_long_link_article


async def _ready(pilot) -> None:
    await settle(pilot)


async def _opened(pilot) -> None:
    await settle(pilot)
    await pilot.press("j", "j", "j", "enter")
    await settle(pilot)


def test_main_screen_80x24(snap_compare, db_path):
    assert snap_compare(NewstuiApp(db_path, None), terminal_size=(80, 24), run_before=_ready)


def test_main_screen_160x48(snap_compare, db_path):
    assert snap_compare(NewstuiApp(db_path, None), terminal_size=(160, 48), run_before=_ready)


def test_open_article_160x48(snap_compare, db_path):
    assert snap_compare(NewstuiApp(db_path, None), terminal_size=(160, 48), run_before=_opened)


def test_main_screen_120x40(snap_compare, db_path):
    assert snap_compare(NewstuiApp(db_path, None), terminal_size=(120, 40), run_before=_ready)


def test_main_screen_60x20(snap_compare, db_path):
    assert snap_compare(NewstuiApp(db_path, None), terminal_size=(60, 20), run_before=_ready)


async def _sidebar(pilot) -> None:
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)


def test_sidebar_shown_60x20(snap_compare, db_path):
    assert snap_compare(NewstuiApp(db_path, None), terminal_size=(60, 20), run_before=_sidebar)


async def _help(pilot) -> None:
    await settle(pilot)
    await pilot.press("question_mark")
    await settle(pilot)


def test_help_120x40(snap_compare, db_path):
    assert snap_compare(NewstuiApp(db_path, None), terminal_size=(120, 40), run_before=_help)


async def _sort_dialog(pilot) -> None:
    await settle(pilot)
    await pilot.press("O", "t")
    await settle(pilot)
    pilot.app.clear_notifications()  # "Sorted by title A–Z." would time out at any moment
    await pilot.press("O")
    await settle(pilot)


def test_sort_dialog_over_a_list_sorted_by_title_60x20(snap_compare, db_path):
    assert snap_compare(NewstuiApp(db_path, None), terminal_size=(60, 20), run_before=_sort_dialog)


async def _long_link_opened(pilot) -> None:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


def test_a_long_link_shown_whole_80x24(snap_compare, db_path):
    add_long_link_article(db_path)
    app = NewstuiApp(db_path, None)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_long_link_opened)


async def _downloads(pilot) -> None:
    await settle(pilot)
    await pilot.press("L")
    await settle(pilot)


def test_empty_downloads_box_80x24(snap_compare, db_path):
    assert snap_compare(NewstuiApp(db_path, None), terminal_size=(80, 24), run_before=_downloads)


async def _help_end(pilot) -> None:
    await settle(pilot)
    await pilot.press("question_mark", "G")
    await settle(pilot)


def test_help_query_examples_60x20(snap_compare, db_path):
    assert snap_compare(NewstuiApp(db_path, None), terminal_size=(60, 20), run_before=_help_end)


async def _help_in_downloads(pilot) -> None:
    await settle(pilot)
    await pilot.press("L", "f1")
    await settle(pilot)


def test_help_opened_in_the_downloads_box_with_a_rebound_key_80x24(snap_compare, db_path, tmp_path):
    from newstui.config import load_config

    from .test_keys import write_config

    keys = '"downloads.forget" = "F"\n"app.help" = ["question_mark", "f1"]\n'
    app = NewstuiApp(db_path, load_config(write_config(tmp_path, keys)))
    assert snap_compare(app, terminal_size=(80, 24), run_before=_help_in_downloads)


def _list_layout_app(db_path, tmp_path) -> NewstuiApp:
    from newstui.config import Config, Settings

    config = Config(tmp_path / "feeds.toml", Settings(refresh_minutes=0, layout="list"))
    return NewstuiApp(db_path, config)


def test_list_layout_80x24(snap_compare, db_path, tmp_path):
    """layout = "list": the headlines fill the screen (user test r48 M8)."""
    app = _list_layout_app(db_path, tmp_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_ready)


def test_list_layout_article_open_80x24(snap_compare, db_path, tmp_path):
    """layout = "list": Enter opens the article over the list."""
    app = _list_layout_app(db_path, tmp_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_opened)


def test_rich_html_article_80x24(snap_compare, db_path):
    """An image's marker where the image is, a <br>'s line break, an <hr>'s rule (r48 LOW-26)."""
    from .test_reader_rich_html import add_rich_article

    add_rich_article(db_path)
    app = NewstuiApp(db_path, None)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_long_link_opened)


def test_wide_table_and_nested_list_60x20(snap_compare, db_path):
    """A table too wide for the pane: a row at a time, each cell under its column's name (r52);
    a nested list's item indented, its wrapped line under its words (user test r50 LOW-7)."""
    from .test_reader_rich_html import WIDE_AND_NESTED, add_article

    add_article(db_path, WIDE_AND_NESTED, "wide-and-nested")
    app = NewstuiApp(db_path, None)
    assert snap_compare(app, terminal_size=(60, 20), run_before=_long_link_opened)


def test_headings_and_a_loose_list_60x20(snap_compare, db_path):
    """Round 52: a top heading bold over its rule, its marks muted; a loose list tight."""
    from .test_reader_rich_html import add_article, gaps_article

    add_article(db_path, gaps_article(), "gaps-r52")
    app = NewstuiApp(db_path, None)
    assert snap_compare(app, terminal_size=(60, 20), run_before=_long_link_opened)


def test_downloads_box_opens_on_the_queue_above_the_finished_60x20(snap_compare, db_path):
    """User test r50 LOW-20: the running, waiting and failed downloads first, then the last
    finished (the oldest finished filled the box)."""
    from .test_downloads_box_order import a_long_history

    a_long_history(db_path)
    assert snap_compare(NewstuiApp(db_path, None), terminal_size=(60, 20), run_before=_downloads)


async def _add_box(pilot) -> None:
    from .conftest import until

    await settle(pilot)
    sources = pilot.app.main.sources
    await until(pilot, lambda: "World/Europe" in sources.folders())  # (Sources' counts read)
    sources.select_view("tag:World/Europe")
    await pilot.press("a")
    await until(pilot, lambda: pilot.app.screen.query("#folder-input"))
    from textual.widgets import Input

    for box in pilot.app.screen.query(Input):
        # the cursor shown steadily: a blink could hide it at the moment a loaded machine takes
        # the picture (round 55's final runs)
        box.cursor_blink = False
    await settle(pilot)


def test_add_box_with_its_folder_field_80x24(snap_compare, db_path, tmp_path):
    """User test r50 LOW-18: `a` asks the folder too, the one highlighted in Sources filled in,
    the folders there are named (and completed)."""
    from newstui.config import load_config

    from .test_add_feed import FOLDERED

    path = tmp_path / "feeds.toml"
    path.write_text(FOLDERED, "utf-8")
    app = NewstuiApp(db_path, load_config(path))
    assert snap_compare(app, terminal_size=(80, 24), run_before=_add_box)


async def _tree_in_sources(pilot) -> None:
    """Sources focused (below 110 columns it shows only then), one folder folded, the cursor
    on a feed deep in a folder."""
    from .conftest import until

    await settle(pilot)
    sources = pilot.app.main.sources
    await until(pilot, lambda: "Big/Sub1" in sources.folders())  # (Sources' counts read)
    await pilot.press("shift+tab")
    await settle(pilot)
    sources.select_view("tag:Big/Sub1")
    await pilot.press("space")
    await settle(pilot)
    sources.select_view(sources.source_views()[3].key)
    await settle(pilot)


def _nested_folders_app(db_path) -> NewstuiApp:
    from .test_tag_folders import add_folders

    add_folders(db_path)  # (Big/Sub0, Big/Sub1, Press, Press/Europe, Pressroom beside news, tech)
    return NewstuiApp(db_path, None)


def test_sources_tree_120x40(snap_compare, db_path):
    """User test r51 LOW-17: each folder with its feeds indented under it, foldable."""
    app = _nested_folders_app(db_path)
    assert snap_compare(app, terminal_size=(120, 40), run_before=_tree_in_sources)


def test_sources_tree_80x24(snap_compare, db_path):
    app = _nested_folders_app(db_path)
    assert snap_compare(app, terminal_size=(80, 24), run_before=_tree_in_sources)


def test_sources_tree_60x20(snap_compare, db_path):
    """At 60 columns the pane is 24 wide: indents kept, names cut, counts aligned."""
    app = _nested_folders_app(db_path)
    assert snap_compare(app, terminal_size=(60, 20), run_before=_tree_in_sources)
