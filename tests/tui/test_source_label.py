"""Sources-pane entries: one line at any width, the count always whole and on the right."""

from rich.text import Text

from newstui.tui.widgets.source_label import SourceLabel


def test_the_unread_count_is_aligned_right():
    assert SourceLabel(Text("Wire"), 1234).line(14).plain == "Wire     1,234"


def test_a_long_name_is_shortened_and_the_count_kept():
    line = SourceLabel(Text("https://example.org/feeds/world.xml"), 7).line(20).plain
    assert len(line) == 20 and line.endswith(" 7") and "…" in line
    assert line.startswith("https://") and "xml" in line


def test_no_count_when_everything_is_read():
    assert SourceLabel(Text("Wire"), 0).line(8).plain == "Wire    "


def test_an_entry_is_one_line_whatever_the_width():
    label = SourceLabel(Text("A name much longer than the pane is wide"), 3)
    assert {label.get_height({}, width) for width in (1, 10, 80)} == {1}
