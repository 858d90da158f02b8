"""The headline list stays lazy: no widget per article, rows load in windows as you move."""

from __future__ import annotations

from textual.dom import DOMNode

from newstui.tui.app import NewstuiApp
from newstui.tui.widgets import headlines as headlines_module
from newstui.tui.widgets.headlines import CHUNK, HeadlineList

from .conftest import screen_text, settle, store_many

COUNT = 5_000


async def test_thousands_of_articles_load_in_windows(tmp_path):
    path = tmp_path / "many.db"
    store_many(path, COUNT)
    app = NewstuiApp(path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        headlines = app.main.headlines
        assert headlines.total == COUNT
        assert len(headlines.children) == 0
        assert len(headlines.loaded_rows()) == CHUNK
        assert headlines.virtual_size.height == COUNT
        await pilot.press("G")
        await settle(pilot)
        assert headlines.selected.title == "Story 00000"
        assert "Story 00000" in screen_text(app)
        assert len(headlines.loaded_rows()) <= 3 * CHUNK
        await pilot.press("pageup")
        await settle(pilot)
        assert headlines.cursor < COUNT - 1


async def test_moving_between_panes_redraws_only_the_cursor_row(db_path, monkeypatch):
    """Focus leaving and coming back restyles the panes; the rows whose colours did not change
    are not drawn again (only the cursor's row shows the focus)."""
    drawn: list[str] = []
    draw = headlines_module.headline_segments

    def counting(row, *args, **kwargs):
        drawn.append(row.title)
        return draw(row, *args, **kwargs)

    monkeypatch.setattr(headlines_module, "headline_segments", counting)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        cursor_title = app.main.headlines.selected.title
        drawn.clear()
        await pilot.press("h")  # to the sources
        await settle(pilot)
        await pilot.press("l")  # and back to the headlines
        await settle(pilot)
        assert app.main.headlines.has_focus
        assert set(drawn) == {cursor_title}


async def test_a_paint_of_the_list_finds_its_style_once_not_for_every_row(db_path, monkeypatch):
    """The list's style walks every ancestor's colours: one paint's rows share it."""
    looked_up: list[int] = []
    drawn: list[int] = []
    style = DOMNode.rich_style
    render_line = HeadlineList.render_line

    def counting(self: HeadlineList):  # type: ignore[no-untyped-def]
        looked_up.append(1)
        return style.fget(self)  # type: ignore[attr-defined]

    def noting(self: HeadlineList, y: int):  # type: ignore[no-untyped-def]
        drawn.append(y)
        return render_line(self, y)

    monkeypatch.setattr(HeadlineList, "rich_style", property(counting))
    monkeypatch.setattr(HeadlineList, "render_line", noting)
    app = NewstuiApp(db_path, None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Kremlin repeats its warning" in screen_text(app)
    assert len(drawn) >= 17 and len(looked_up) <= len(drawn) // 2
