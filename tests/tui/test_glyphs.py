"""On the Linux console the app draws glyphs its fonts have (user test r44 L7: ⏎, 🔎 and the
panes' ▕▏▔ edges showed as boxes or diamonds)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from textual.scrollbar import ScrollBar, ScrollBarRender

from newstui.tui.glyphs import (
    ConsoleScrollBarRender,
    console_glyphs,
    console_scrollbars,
    console_text,
)


@pytest.mark.parametrize(
    ("term", "console"),
    [("linux", True), ("linux-16color", True), ("xterm", False), ("vt100", False), ("", False)],
)
def test_the_console_is_told_by_its_term(monkeypatch, term, console):
    monkeypatch.setenv("TERM", term)
    assert console_glyphs(SimpleNamespace(is_headless=False)) is console


def test_the_console_gets_ascii_for_what_its_fonts_lack():
    assert console_text("⏎") == "Enter"
    assert console_text("Reader ▸ All articles") == "Reader > All articles"
    assert console_text("🔎") == ">"
    assert console_text("j ↓ ≡ │") == "j ↓ ≡ │"  # (CP437 has these)


@pytest.mark.parametrize("vertical", [True, False])
def test_the_console_scrollbar_thumb_is_drawn_with_whole_cells(vertical):
    # (a thumb from 2.3 to 7.6 cells: Textual ends it with eighth blocks, which the fonts lack)
    for render in (ScrollBarRender, ConsoleScrollBarRender):
        bar = render.render_bar(
            size=20, virtual_size=100, window_size=27, position=9.2, vertical=vertical
        )
        glyphs = {segment.text for segment in bar.segments} - {"\n"}
        if render is ConsoleScrollBarRender:
            assert glyphs <= {" ", "█"}
        else:
            assert glyphs - {" ", "█"}  # (the test's thumb does end part-way)


def test_the_console_scrollbars_are_undone_for_an_app_run_after_the_consoles():
    """r46 L6: set for the whole process, a later app in it (a pilot test's) drew them too."""
    restore = console_scrollbars()
    assert ScrollBar.renderer is ConsoleScrollBarRender
    restore()
    assert ScrollBar.renderer is ScrollBarRender
