"""Sidebar entity entries: the name on the left, the mention count on the right of its first
line; a name too long for the pane wraps under itself, indented."""

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


def test_a_long_name_wraps_indented_with_the_count_on_its_first_line():
    assert _lines("Hayat Tahrir al-Sham", 3, 16) == ["Hayat Tahrir  ×3", "  al-Sham       "]
    assert _lines("United States General Services Administration", 2, 21) == [
        "United States      ×2",
        "  General Services   ",
        "  Administration     ",
    ]


def test_a_name_that_fits_looks_as_the_table_it_replaced_did():
    for name in ["Syria", "Bashar al-Assad", ""]:
        for mentions in (1, 12, 345):
            for width in (20, 26, 44, 60):
                assert _lines(name, mentions, width) == _as_a_table(name, mentions, width)


def test_every_width_keeps_the_words_in_order_and_the_lines_exactly_as_wide():
    names = ["Bashar al-Assad", "The United Nations Security Council", "A" * 40 + " Bank"]
    for name in names:
        for mentions in (1, 12, 345):
            for width in (12, 20, 26, 44, 60):
                lines = _lines(name, mentions, width)
                assert all(len(line) == width for line in lines)
                assert lines[0].endswith(f" ×{mentions}")
                assert all(line.startswith("  ") for line in lines[1:])
                words = " ".join(lines).replace(f" ×{mentions}", "").split()
                expected = [w if w in words else "…" for w in name.split()]
                assert [w if w in name.split() else "…" for w in words] == expected, lines


def test_a_name_that_fits_is_one_line_without_being_laid_out():
    label = EntityLabel(Text("Kremlin"), 4)
    assert label.get_height({}, 30) == 1
