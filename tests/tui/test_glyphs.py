"""On the Linux console the app draws glyphs its fonts have (user test r44 L7: ⏎, 🔎 and the
panes' ▕▏▔ edges showed as boxes or diamonds)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from rich.cells import cell_len
from textual.scrollbar import ScrollBar, ScrollBarRender

from newstui.tui.glyphs import (
    CONSOLE_STAND_INS,
    ConsoleScrollBarRender,
    console_driver,
    console_glyphs,
    console_output,
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


def test_glyphs_no_console_map_has_are_written_as_ones_it_has_in_as_many_cells():
    """r51 LOW-4: the kernel's CP437 map draws ● ★ ⇅ … — and the heavy tab rule as ■."""
    line = "● ★ Storm Wat… — ⇅ synced 14:02 ╸━━╺"
    assert console_output(line) == "• * Storm Wat~ - ↕ synced 14:02 ────"
    for glyph, stand_in in CONSOLE_STAND_INS.items():
        assert cell_len(glyph) == cell_len(stand_in) == 1, glyph
    assert console_output("\x1b[1mplain ASCII ↓ │ ═\x1b[0m") == "\x1b[1mplain ASCII ↓ │ ═\x1b[0m"


class _Recorder:
    """A driver's write, recorded."""

    def __init__(self) -> None:
        self.written: list[str] = []

    def write(self, data: str) -> None:
        self.written.append(data)


def test_the_app_on_the_console_writes_the_screen_through_its_stand_ins(monkeypatch, db_path):
    from newstui.tui.app import NewstuiApp

    monkeypatch.setenv("TERM", "linux")
    driver = console_driver(_Recorder)  # type: ignore[arg-type]
    recorder = driver()  # type: ignore[call-arg]
    recorder.write("● unread ★")
    assert recorder.written == ["• unread *"]  # type: ignore[attr-defined]
    on_console = NewstuiApp(db_path, None).get_driver_class()
    assert on_console.__name__ == "ConsoleDriver"
    monkeypatch.setenv("TERM", "xterm-256color")
    assert NewstuiApp(db_path, None).get_driver_class().__name__ != "ConsoleDriver"
