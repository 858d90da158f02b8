"""A double click acts where it was aimed: at 80 columns a click on a source swaps Sources for
the headlines under the mouse, and the second click of a double click landed on a headline (the
cursor moved to the row under the pointer) or on the reader (user test r38 L14). The events go
through the App as a terminal's do (Pilot's clicks bypass the App's click chains)."""

from __future__ import annotations

from textual import events

from newstui.tui.app import NewstuiApp

from .conftest import screen_text, settle


def where(app, words: str, *, first: bool = False) -> tuple[int, int]:
    """The screen cell (x, y) where `words` are drawn (`first`: at a line's start, in Sources)."""
    for y, line in enumerate(screen_text(app).splitlines()):
        if line.startswith(words) if first else words in line:
            return line.index(words), y
    raise AssertionError(f"{words!r} not on the screen:\n{screen_text(app)}")


def mouse(kind, x: int, y: int, app):
    """A mouse event at screen cell (x, y) with the left button and the style drawn there, as
    a terminal sends it."""
    style = app.screen.get_style_at(x, y)
    return kind(None, x, y, 0, 0, 1, False, False, False, screen_x=x, screen_y=y, style=style)


async def double_click(app, pilot, x: int, y: int) -> None:
    """Two clicks at one cell, as a terminal sends a double click (down, up, down, up)."""
    app.CLICK_CHAIN_TIME_THRESHOLD = 60.0  # a loaded machine must not make two single clicks
    for kind in (events.MouseDown, events.MouseUp, events.MouseDown, events.MouseUp):
        app.post_message(mouse(kind, x, y, app))
        await settle(pilot)


async def sources_shown(app, pilot) -> None:
    await settle(pilot)
    await pilot.press("h")  # (at 80 columns Sources shows only with the focus)
    await settle(pilot)


async def test_a_double_click_on_a_source_shows_its_headlines_from_the_first(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await sources_shown(app, pilot)
        x, y = where(app, "▾ news", first=True)
        main = app.screen
        assert main.headlines.region.y < y < main.reader.region.y  # a headline's cell next
        await double_click(app, pilot, x + 4, y)  # (on the folder's name, not its ▾)
        assert main.headlines.view.title == "#news"
        assert main.headlines.cursor == 0
        assert app.focused is main.headlines


async def test_a_double_click_on_a_source_over_the_reader_leaves_the_focus_on_the_headlines(
    db_path,
):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await sources_shown(app, pilot)
        x, y = where(app, "Notes", first=True)
        main = app.screen
        assert y >= main.reader.region.y  # the reader is what takes this cell next
        await double_click(app, pilot, x + 1, y)
        assert main.headlines.view.title == "Notes"
        assert app.focused is main.headlines


async def test_two_clicks_on_the_same_headline_still_open_it(db_path):
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        x, y = where(app, "Kremlin repeats")
        await double_click(app, pilot, x + 1, y)
        main = app.screen
        assert app.focused is main.reader
        assert main.detail is not None and main.detail.article.row.title.startswith("Kremlin")
