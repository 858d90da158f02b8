"""Sidebar entity entries: the name on the left, the mention count on the right of its first
line; a name too long for the pane wraps under itself, as the table they replaced did."""

from rich.console import Console
from rich.table import Table
from rich.text import Text
from textual.style import Style
from textual.visual import RenderOptions

from newstui.tui.widgets.entity_label import EntityLabel


def _lines(name: str, mentions: int, width: int) -> list[str]:
    label = EntityLabel(Text(name), mentions)
    strips = label.render_strips(width, None, Style(), RenderOptions(lambda s: s, {}))
    assert len(strips) == label.get_height({}, width)
    return [strip.text for strip in strips]


def _as_a_table(name: str, mentions: int, width: int) -> list[str]:
    table = Table.grid(expand=True)
    table.add_column(ratio=1)
    table.add_column(justify="right", no_wrap=True)
    table.add_row(Text(name), Text(f" ×{mentions}"))
    console = Console(width=200)
    lines = console.render_lines(table, console.options.update_width(width), pad=True)
    return ["".join(segment.text for segment in line) for line in lines]


def test_the_count_is_aligned_right_on_one_line():
    assert _lines("Syria", 12, 14) == ["Syria      ×12"]


def test_a_long_name_wraps_with_the_count_on_its_first_line():
    assert _lines("Hayat Tahrir al-Sham", 3, 16) == ["Hayat Tahrir  ×3", "al-Sham         "]


def test_entries_look_as_the_table_they_replaced_did_at_every_width():
    names = ["Syria", "Bashar al-Assad", "The United Nations Security Council", "A" * 40, ""]
    for name in names:
        for mentions in (1, 12, 345):
            for width in (12, 20, 26, 44, 60):
                assert _lines(name, mentions, width) == _as_a_table(name, mentions, width), (
                    name,
                    mentions,
                    width,
                )


def test_a_name_that_fits_is_one_line_without_being_laid_out():
    label = EntityLabel(Text("Kremlin"), 4)
    assert label.get_height({}, 30) == 1
