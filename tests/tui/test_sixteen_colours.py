"""On a 16-colour terminal (TERM=xterm, the Linux console) the light theme draws no yellow, green,
cyan or white on its white: the reader's quotes, speaker tags and entities and the headlines'
unread dot and star are blue, magenta, red or the text's own colour (user test r38 L2: quotes
and the unread dot were yellow on white); the dark theme keeps bright colours on black.
There (and with NO_COLOR) the cursors, the title bar and the footer show by an attribute too: a
monochrome terminal reads as 16 colours, and the Linux console shows bright backgrounds as
normal ones (user test r44 M2: the unfocused cursor and the bars looked like the panes)."""

from __future__ import annotations

from pathlib import Path

import pytest
import textual.constants
from rich.color import Color, ColorSystem
from rich.style import Style
from textual.app import App, ComposeResult
from textual.widgets import Input

import newstui.tui
from newstui.model import Download
from newstui.tui.app import NewstuiApp
from newstui.tui.screens.download_rows import DownloadList, DownloadRow
from newstui.tui.theme_colours import few_colours
from newstui.tui.widgets.cursor_list import CursorList
from newstui.tui.widgets.title_bar import TitleBar

from .conftest import settle

UNREADABLE_ON_WHITE = {2, 3, 6, 7, 10, 11, 14, 15}  # green, yellow, cyan, white, and bright ones
UNREADABLE_ON_BLACK = {0, 4, 8}  # black, blue, grey


@pytest.fixture
def sixteen(monkeypatch):
    """The app's terminal shows 16 colours (as Textual finds for TERM=xterm)."""
    monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", "standard")


def drawn(style: Style | str) -> int | None:
    """The colour number of the 16 a style's foreground is drawn in (None: the text's own)."""
    colour = (Style.parse(style) if isinstance(style, str) else style).color
    return None if colour is None else colour.downgrade(ColorSystem.STANDARD).number


def marks(app) -> list[int | None]:
    palette = app.main.reader.article_palette
    styles = [palette.person, palette.org, palette.place, palette.group]
    styles += [palette.quote, palette.speaker, palette.meta]
    headlines = app.main.headlines
    styles += [headlines._part_style(n) for n in ("headlines--unread-mark", "headlines--star")]
    return [drawn(style) for style in styles]


async def test_the_light_theme_in_16_colours_draws_nothing_unreadable_on_white(db_path, sixteen):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = "textual-light"
        await settle(pilot)
        assert app.console.color_system == "standard"
        background = Color.parse(app.main.reader.background_colors[1].hex)
        assert background.downgrade(ColorSystem.STANDARD).number in (7, 15)  # white
        drawn_in = marks(app)
    assert not UNREADABLE_ON_WHITE & set(drawn_in), (drawn_in, app.classes)
    people, orgs, places = drawn_in[:3]
    assert len({people, orgs, places}) == 3  # each kind its own colour


def attributes(strip) -> set[str]:
    """The attributes all the text of a drawn line has, of reverse and underline."""
    styles = [segment.style for segment in strip if segment.text.strip()]
    return {name for name in ("reverse", "underline") if all(getattr(s, name) for s in styles)}


async def test_the_dark_theme_in_16_colours_draws_nothing_unreadable_on_black(db_path, sixteen):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = "textual-dark"
        await settle(pilot)
        drawn_in = marks(app)
        headlines, sources = app.main.headlines, app.main.query_one("#sources")
        assert app.focused is headlines
        focused = attributes(headlines.render_line(headlines.cursor))
        unfocused = attributes(sources.render_line(sources.highlighted))
        others = attributes(headlines.render_line(headlines.cursor + 1))
        bars = [attributes(app.query_one(TitleBar).render_line(0))]
        bars += [attributes(key.render_line(0)) for key in app.query("FooterKey")]
    assert not UNREADABLE_ON_BLACK & set(drawn_in), drawn_in
    assert len(set(drawn_in[:3])) == 3
    assert (focused, unfocused) == ({"reverse"}, {"underline"})
    assert others == set()
    assert bars and all(bar == {"reverse"} for bar in bars), bars


class FewColours(App[None]):
    """The app's stylesheet, with few colours, over a list, a download row and a text box."""

    CSS_PATH = Path(newstui.tui.__file__).with_name("newstui.tcss")

    def compose(self) -> ComposeResult:
        yield CursorList("one", "two")
        download = Download(1, "http://127.0.0.1:9/e.mp3", "Episode", "audio/mpeg", "done", "e")
        yield DownloadList(DownloadRow(download))
        yield Input("typed")

    def on_mount(self) -> None:
        self.add_class("-few-colours")  # (as NewstuiApp on a 16-colour terminal)


async def test_lists_boxes_and_text_boxes_show_their_cursor_without_colour(sixteen):
    app = FewColours()
    async with app.run_test() as pilot:
        options, downloads, box = (
            app.query_one(CursorList),
            app.query_one(DownloadList),
            app.query_one(Input),
        )
        options.highlighted = 0
        options.focus()
        await pilot.pause()
        focused = attributes(options.render_line(0))
        downloads.focus()
        await pilot.pause()
        unfocused = attributes(options.render_line(0))
        download = attributes(downloads.query_one(DownloadRow).render_line(0))
        box.cursor_blink = False  # (shown steadily)
        box.focus()
        await pilot.pause()
        typing = [segment.style for segment in box.render_line(0) if segment.style]
    assert (focused, unfocused, download) == ({"reverse"}, {"underline"}, {"reverse"})
    assert any(style.reverse for style in typing), typing


def test_no_color_asks_for_cursors_that_show_without_colour(db_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    assert few_colours(NewstuiApp(db_path, None))


async def test_the_light_theme_in_16_colours_draws_the_readers_scrollbar_thumb_dark(
    db_path, sixteen
):
    """User test r51 L12: the reader's scrollbar thumb was light grey on light grey (37 on 47)
    on the light theme in 16 colours: its place in a long article did not show."""
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = "textual-light"
        await settle(pilot)
        styles = app.main.reader.styles
        thumb = styles.scrollbar_color.rich_color.downgrade(ColorSystem.STANDARD).number
        track = styles.scrollbar_background.rich_color.downgrade(ColorSystem.STANDARD).number
        assert thumb in (0, 8) and track == 7, (thumb, track)
        app.theme = "textual-dark"
        await settle(pilot)
        dark = app.main.reader.styles.scrollbar_color.rich_color
        assert dark.downgrade(ColorSystem.STANDARD).number not in (0,)
